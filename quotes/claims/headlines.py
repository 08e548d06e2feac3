"""Stance of a headline toward a claim: for, against or observing.

Every headline is a one-sentence article published by its source. Its attributions
(from :func:`quotes.extractors.extract`, or the model-free :func:`headline_extract`)
decide its stance:

- a source denies it, or says it is fake / a hoax / not so -> ``against``;
- a named source confirms it -> ``for``;
- it is hedged, could not be confirmed, or attributed to someone other than the
  publisher -> ``observing``;
- no attribution: the publisher asserts it -> ``for``, unless denial words make it
  ``against`` or hedge words (or a question) make it ``observing``.

With the claim's text, stance is judged relative to the claim (see :func:`headline_stance`).
Word lists are data: ``quotes/lexicons/stance_*.txt|tsv``.

>>> art = Article("h1", "Banksy arrested, police say", publisher="example.com")
>>> headline_stance(art, headline_extract(art))
'observing'
>>> headline_stance(Article("h2", "Banksy was not arrested"), [])
'against'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from quotes import lexicons as lexicon
from quotes.lexicons import load
from quotes.claims.normalize import content_keys, fold, stem
from quotes.types import (
    ANONYMOUS, CANNOT_CONFIRM, CONFIRMS, DENIES, HEDGED, INDIRECT, ORGANIZATION, OUTLET,
    PERSON, UNKNOWN, Article, Attribution, Speaker,
)

FOR, AGAINST, OBSERVING = "for", "against", "observing"
LABELS = (FOR, AGAINST, OBSERVING)
#: Speaker kinds whose confirmation puts a claim on the record.
NAMED = (PERSON, ORGANIZATION, OUTLET)
#: Most words a headline speaker may have ("Senior Western Intelligence Official").
MAX_SPEAKER_WORDS = 6
#: Share of the headline an attribution's content must cover to decide its stance.
MIN_COVER = 0.5


def _lines(name: str) -> list[str]:
    return [ln.strip() for _, ln in lexicon._lines(lexicon.BUILTIN / name)]


def _pattern(words: Iterable[str]) -> re.Pattern:
    alts = []
    for w in sorted(words, key=len, reverse=True):
        body = re.escape(fold(w).rstrip("*")).replace(r"\ ", r"\s+")
        alts.append(body + (r"\w*" if w.endswith("*") else "") + (r"(?!\w)" if w[-1].isalnum() or w.endswith("*") else ""))
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + ")", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    cues = [ln.split("\t") for ln in _lines("stance_cues.tsv")]
    verbs = {c: s for c, s, w in cues if w == "verb"}
    return {
        "denial": _pattern(_lines("stance_denial_words.txt")),
        "hedge": _pattern(_lines("stance_hedge_words.txt")),
        "speaker_nouns": frozenset(fold(w) for w in _lines("headline_speaker_nouns.txt")),
        "verbs": verbs,
        "verb_re": "|".join(re.escape(v).replace(r"\ ", r"\s+")
                            for v in sorted(verbs, key=len, reverse=True)),
        "prefix": {c: s for c, s, w in cues if w == "prefix"},
        "implicit": _pattern(c for c, _, w in cues if w == "implicit"),
        "implicit_stance": {c: s for c, s, w in cues if w == "implicit"},
        "contradictions": [(_pattern([c]), _pattern(ws.split("|")))
                           for c, ws in (ln.split("\t") for ln in _lines("stance_contradictions.tsv"))],
    }


def has_denial(text: str) -> bool:
    """Whether ``text`` holds a denial word ("denies", "hoax", "not", "fake", ...).

    >>> has_denial("Woman with three breasts is a fake"), has_denial("Nun gives birth")
    (True, False)
    """
    return bool(_lexicon()["denial"].search(fold(text)))


def has_hedge(text: str) -> bool:
    """Whether ``text`` holds a hedge word ("reportedly", "claims", "rumor", "may", ...).

    >>> has_hedge("Apple rumored to add engravings"), has_hedge("Apple adds engravings")
    (True, False)
    """
    return bool(_lexicon()["hedge"].search(fold(text)))


def _speaker(art: Article, start: int, end: int) -> Speaker:
    name = art.text[start:end].strip(" ,;:-—'\"")
    if not name:
        return Speaker("unknown", "", UNKNOWN)
    start = art.text.index(name, start)
    words = name.split()
    if load().outlet_name(name) or fold(words[-1]) in load().outlet_heads:
        kind = OUTLET
    elif words[0][:1].islower() or fold(words[-1]) in _lexicon()["speaker_nouns"]:
        kind = ANONYMOUS
    elif len(words) in (2, 3) and all(w[:1].isupper() for w in words):
        kind = PERSON
    else:
        kind = ORGANIZATION if words[0][:1].isupper() else UNKNOWN
    return Speaker(name, name, kind, start=start, end=start + len(name))


def _speaker_like(phrase: str) -> bool:
    """A colon-separated headline part names a speaker ("Source", "Police", "Tim Cook")?"""
    words = phrase.split()
    lex = load()
    folded = fold(phrase).strip(" .")
    if not 0 < len(words) <= 4 or folded in lex.labels and folded not in _lexicon()["speaker_nouns"]:
        return False  # "IT'S OFFICIAL: ...", "...: live" label the story; "Source: ..." speaks
    last = fold(words[-1])
    return last in _lexicon()["speaker_nouns"] or last in lex.outlet_heads or bool(lex.outlet_name(phrase))


def _record(art: Article, cs: int, ce: int, stance: str, cue: str, sp: Speaker) -> Attribution:
    while cs < ce and art.text[cs] in " ,;:-—'\"": cs += 1
    while ce > cs and art.text[ce - 1] in " ,;:-—'\".": ce -= 1
    return Attribution(art.id, INDIRECT, art.text[cs:ce], cs, ce, cue, stance, sp)


def headline_extract(art: Article) -> list[Attribution]:
    """A model-free attribution finder for one-line headlines (cue patterns only).

    It stands in for :func:`quotes.extractors.extract` when the NLP models are not
    available; cues and their stances are data (``stance_cues.tsv``).

    >>> art = Article("h", "Nicaragua says meteorite caused blast")
    >>> [(a.speaker.name, a.stance, a.content) for a in headline_extract(art)]
    [('Nicaragua', 'asserts', 'meteorite caused blast')]
    >>> [a.speaker.name for a in headline_extract(Article("h", "Meteorite hits Nicaragua: report"))]
    ['report']
    """
    lex, t = _lexicon(), art.text.rstrip()
    word = r"[\w.'’&-]+"
    spk = rf"(?:{word}\s+){{0,{MAX_SPEAKER_WORDS - 1}}}?{word}"
    m = re.match(rf"^(?P<c>.+)\s*[,:;—-]\s*(?P<s>{spk})\s+(?P<v>{lex['verb_re']})\W*$", t, re.I)
    if m:
        return [_record(art, 0, m.end("c"), lex["verbs"][fold(m.group("v"))], m.group("v"),
                        _speaker(art, m.start("s"), m.end("s")))]
    m = re.match(rf"^(?P<s>{spk})\s+(?P<v>{lex['verb_re']})\s+(?:that\s+)?(?P<c>.+)$", t, re.I)
    if m and m.group("s")[:1].isupper():
        return [_record(art, m.start("c"), len(t), lex["verbs"][re.sub(r"\s+", " ", fold(m.group("v")))],
                        m.group("v"), _speaker(art, m.start("s"), m.end("s")))]
    m = re.match(r"^(?P<c>.+?)\s+[-–—]\s*(?P<s>[^-–—]{2,40})$", t)
    if m and _speaker_like(m.group("s")):  # "Tesla settles on Nevada -CNBC"
        return [_record(art, 0, m.end("c"), "asserts", "-", _speaker(art, m.start("s"), m.end("s")))]
    m = re.match(r"^(?P<c>.+?)\s*:\s*(?P<s>[^:]{1,40})$", t)
    if m and (_speaker_like(m.group("s")) or len(m.group("s").split()) == 1 and
              fold(m.group("s")).strip(" .") not in load().labels):
        stance = HEDGED if fold(m.group("s").split()[-1]) in ("report", "reports") else "asserts"
        return [_record(art, 0, m.end("c"), stance, ":", _speaker(art, m.start("s"), m.end("s")))]
    m = re.match(r"^(?P<s>[^:]{1,40}?)\s*:\s*(?P<c>.+)$", t)
    if m and _speaker_like(m.group("s")):
        stance = HEDGED if fold(m.group("s").split()[-1]) in ("report", "reports") else "asserts"
        return [_record(art, m.start("c"), len(t), stance, ":", _speaker(art, m.start("s"), m.end("s")))]
    for cue, stance in lex["prefix"].items():
        m = re.search(rf"[,;]?\s*\b{re.escape(cue)}\s+(?P<s>{spk})\W*$", t, re.I)
        if m:
            return [_record(art, 0, m.start(), stance, cue, _speaker(art, m.start("s"), m.end("s")))]
    m = lex["implicit"].search(fold(t))
    if m:
        cue = re.sub(r"\s+", " ", m.group(0))
        return [_record(art, 0, len(t), lex["implicit_stance"].get(cue, HEDGED), cue,
                        Speaker(cue, cue, ANONYMOUS))]
    return []


def _is_publisher(a: Attribution, art: Article) -> bool:
    if not art.publisher:
        return False
    pub, name = fold(art.publisher), fold(a.speaker.name)
    return name == pub or name.replace(" ", "") in pub.replace(" ", "")


def _extent(a: Attribution) -> int:
    """Characters from the first to the last of speaker, cue and content (a record
    without cue offsets is not judged: it counts as covering everything)."""
    if a.cue_start is None:
        return 10 ** 9
    points = [p for p in (a.start, a.end, a.cue_start, a.cue_end, a.speaker.start, a.speaker.end) if p is not None]
    return max(points) - min(points)


def _claim_words(claim: str | None) -> frozenset[str]:
    if not claim:
        return frozenset()
    return content_keys(claim).all


def _overlap(text: str, claim: frozenset[str]) -> int:
    return len(content_keys(text).all & claim)


def _own_words(a: Attribution, claim: frozenset[str]) -> bool:
    """A denial whose cue the claim itself uses ("shoots down" for the claim that the army
    "shot down" two planes) is the claim's event, not somebody's speech."""
    if a.stance != DENIES or not claim or not a.cue:
        return False
    cue = [stem(w) for w in re.findall(r"[\w'’]+", a.cue) if len(w) > 2]
    return bool(cue) and cue[0] in claim


def _claim_speakers(claim: str | None) -> frozenset[str]:
    """Stems of the words before a claim's own reporting verb: for a claim about speech
    ("Pope Francis told a boy that ..."), who spoke ({"pope", "francis"}); else empty."""
    if not claim:
        return frozenset()
    cues = load().cue_words()
    words = re.findall(r"[\w'’-]+", claim)
    for i, w in enumerate(words):
        if w.lower() in cues and i > 0:
            return frozenset(stem(x) for x in words[:i] if len(x) > 2)
    return frozenset()


def _in_claim(a: Attribution, speakers: frozenset[str]) -> bool:
    """The speaker is the one the claim itself has speak: for "Pope told a boy that ...",
    the headline "Pope tells boy ..." asserts the claim rather than attributing it."""
    words = [w for w in re.findall(r"[\w'’-]+", a.speaker.name or "") if len(w) > 2]
    return bool(words) and stem(words[-1]) in speakers


def _off_claim(a: Attribution, art: Article, claim: frozenset[str]) -> bool:
    """The attributed content says nothing of the claim while the rest of the headline
    does: in "Cameron vows to hunt down IS after Haines murder", the publisher asserts the
    murder and Cameron's vow is beside the point."""
    return _overlap(a.content, claim) == 0 and _overlap(_outside(art, a), claim) > 0


def _outside(art: Article, a: Attribution) -> str:
    """The headline without ``a``'s content."""
    return art.text[:a.start] + " " + art.text[a.end:]


def _strip_claim_words(text: str, pattern: re.Pattern, claim_text: str | None) -> str:
    """``text`` without the hedge or denial words the claim itself uses ("could", "not")."""
    if not claim_text:
        return text

    def key(phrase: str) -> tuple[str, ...]:  # "shot down" and "shoots down" are one phrase
        return tuple(stem(w) for w in phrase.split())
    own = {key(m.group(0)) for m in pattern.finditer(fold(claim_text))}
    return pattern.sub(lambda m: " " if key(m.group(0)) in own else m.group(0), fold(text))


def _denies(text: str, claim: str | None) -> bool:
    """Whether the headline's own words deny the claim: a denial word the claim does not
    use itself, outside a question ("Real or hoax?") and not a contrast (", not Texas");
    or a word that contradicts one of the claim's ("alive" against "dead")."""
    lex = _lexicon()
    for clause in re.split(r"(?<=[?.!:])\s+", text):
        if clause.rstrip(" '\"’”").endswith("?"):
            continue
        clause = re.sub(r",\s+not\b", ", ", clause, flags=re.I)
        if lex["denial"].search(_strip_claim_words(clause, lex["denial"], claim)):
            return True
        if re.match(r"\W*no\s+\w", clause, re.I) and not (claim and re.match(r"\W*no\b", claim, re.I)):
            return True  # "No ISIL fighters on U.S. border"
    if claim:
        folded, said = fold(claim), fold(text)
        return any(c.search(folded) and w.search(said) for c, w in lex["contradictions"])
    return False


def headline_stance(art: Article, attributions: Sequence[Attribution], claim: str | None = None) -> str:
    """Map a headline's attributions to Emergent's ``for`` / ``against`` / ``observing``.

    With the ``claim`` text, stance is judged relative to it: a speaker the claim itself
    names asserts it, an attribution about something else does not hedge it, and hedge or
    denial words the claim also uses do not count.

    >>> art = Article("h", "Israel denies opening dams", publisher="bbc.co.uk")
    >>> headline_stance(art, headline_extract(art))
    'against'
    >>> headline_stance(Article("h", "Loggers cut down oldest tree", publisher="x.com"), [])
    'for'
    >>> art = Article("h", "Pope tells boy dogs go to heaven", publisher="x.com")
    >>> headline_stance(art, headline_extract(art)), headline_stance(art, headline_extract(art),
    ...     claim="Pope Francis told a boy that dogs go to heaven")
    ('observing', 'for')
    """
    lex = _lexicon()
    words = _claim_words(claim)
    speakers = _claim_speakers(claim)
    every = [a for a in attributions if not _own_words(a, words)]
    # only an attribution that carries most of the headline decides its stance: in "school
    # suspends boy after he threatens to ...", the publisher asserts the suspension
    attributions = [a for a in every if _extent(a) >= MIN_COVER * len(art.text.strip())
                    and not (words and _off_claim(a, art, words))]
    # the attributions' own cues ("refused to confirm or deny") are not the headline's words
    text = art.text
    cues = {a.cue for a in every if a.cue and len(a.cue) > 1 and (a in attributions or a.stance == CANNOT_CONFIRM)}
    for cue in sorted(cues, key=len, reverse=True):
        text = re.sub(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", " ", text, flags=re.I)
    for a in every:
        if speakers and _in_claim(a, speakers) and a.stance in (CANNOT_CONFIRM, HEDGED) and \
                re.search(r"\b(?:not|n't|never)\b", a.cue or "", re.I):
            return AGAINST  # "Pope Francis did NOT say ..." about what the Pope said
    if any(a.stance == CANNOT_CONFIRM for a in attributions):
        return OBSERVING  # "won't say if ... was not ...": the denial words are not its own
    if _denies(text, claim):
        return AGAINST
    for a in sorted(attributions, key=lambda a: a.start):
        if a.stance == DENIES:
            return AGAINST
        if speakers and _in_claim(a, speakers):
            continue
        if a.stance == CONFIRMS and a.speaker.kind in NAMED:
            # "Tim Cook reportedly reveals ...": a hedge outside what was confirmed
            rest = _outside(art, a)
            if a.cue:
                rest = rest.replace(a.cue, " ")
            return OBSERVING if lex["hedge"].search(fold(rest)) else FOR
        if a.stance in (HEDGED, CANNOT_CONFIRM) or not _is_publisher(a, art):
            return OBSERVING
    if speakers:  # "priest claims God is female" reports the speech the claim is about
        text = re.sub(rf"(?<!\w)(?:{lex['verb_re']})(?!\w)", " ", text, flags=re.I)
    if lex["hedge"].search(_strip_claim_words(text, lex["hedge"], claim)) or text.rstrip().endswith("?"):
        return OBSERVING
    return FOR
