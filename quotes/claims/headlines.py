"""Headlines: a model-free attribution finder for one-line headlines, and the stance word
lists (denial, negation, hedge, unconfirmed words, reporting cues, contradictions) that the
stance rules of :mod:`quotes.claims.stance_rules` read.

A headline is a one-sentence article published by its source; its stance toward a claim is
judged like any article's (:func:`quotes.claims.stance.article_stance`). Word lists are
data: ``quotes/lexicons/stance_*.txt|tsv``.

>>> art = Article("h1", "Banksy arrested, police say", publisher="example.com")
>>> [(a.speaker.name, a.stance) for a in headline_extract(art)]
[('police', 'asserts')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from quotes import lexicons as lexicon
from quotes.lexicons import load
from quotes.lexicons import fold
from quotes.types import (
    ANONYMOUS, HEDGED, INDIRECT, ORGANIZATION, OUTLET,
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
    return lexicon.lines(name)


def _pattern(words: Iterable[str]) -> re.Pattern:
    alts = []
    for w in sorted(words, key=len, reverse=True):
        body = re.escape(fold(w).rstrip("*")).replace(r"\ ", r"\s+")
        alts.append(body + (r"\w*" if w.endswith("*") else "") + (r"(?!\w)" if w[-1].isalnum() or w.endswith("*") else ""))
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + ")", re.IGNORECASE)


@lru_cache(maxsize=1)
def stance_lexicon() -> dict:
    cues = [ln.split("\t") for ln in _lines("stance_cues.tsv")]
    verbs = {c: s for c, s, w in cues if w == "verb"}
    return {
        "denial": _pattern(_lines("stance_denial_words.txt")),
        "negation": _pattern(_lines("stance_negations.txt")),
        "unconfirmed": _pattern(_lines("stance_unconfirmed_words.txt")),
        "support": _pattern(_lines("stance_support_words.txt")),
        "negation_scope": frozenset(fold(w) for w in _lines("stance_negation_scope.txt")),
        "attributive_hedges": frozenset(fold(w) for w in _lines("stance_attributive_hedges.txt")),
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
    return bool(stance_lexicon()["denial"].search(fold(text)))


def has_hedge(text: str) -> bool:
    """Whether ``text`` holds a hedge word ("reportedly", "claims", "rumor", "may", ...).

    >>> has_hedge("Apple rumored to add engravings"), has_hedge("Apple adds engravings")
    (True, False)
    """
    return bool(stance_lexicon()["hedge"].search(fold(text)))


def _speaker(art: Article, start: int, end: int) -> Speaker:
    name = art.text[start:end].strip(" ,;:-—'\"")
    if not name:
        return Speaker("unknown", "", UNKNOWN)
    start = art.text.index(name, start)
    words = name.split()
    if load().outlet_name(name) or fold(words[-1]) in load().outlet_heads:
        kind = OUTLET
    elif words[0][:1].islower() or fold(words[-1]) in stance_lexicon()["speaker_nouns"]:
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
    if not 0 < len(words) <= 4 or folded in lex.labels and folded not in stance_lexicon()["speaker_nouns"]:
        return False  # "IT'S OFFICIAL: ...", "...: live" label the story; "Source: ..." speaks
    last = fold(words[-1])
    return last in stance_lexicon()["speaker_nouns"] or last in lex.outlet_heads or bool(lex.outlet_name(phrase))


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
    lex, t = stance_lexicon(), art.text.rstrip()
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

