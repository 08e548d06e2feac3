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
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable

from quotes.extractors.sources import UNNAMED
from quotes.lexicons import fold, lines, load, patterns
from quotes.nlp.colon import AFTER, BEFORE, colon_source
from quotes.types import (
    ANONYMOUS, ASSERTS, HEDGED, INDIRECT, ORGANIZATION, OUTLET, PERSON, UNKNOWN, Article, Attribution, Speaker,
)

#: Most words a headline speaker may have ("Senior Western Intelligence Official").
MAX_SPEAKER_WORDS = 6
#: Characters trimmed from the ends of a headline's speaker and content.
TRIM = " ,;:-—'\""


def _pattern(entries: Iterable[str]) -> re.Pattern:
    """One pattern for a word list (folded): ``*`` ends a prefix, spaces match any space."""
    return patterns.words(fold(w) for w in entries)


def _contradictions() -> list[tuple[re.Pattern, re.Pattern]]:
    rows = (ln.split("\t") for ln in lines("stance_contradictions.tsv"))
    return [(_pattern([c]), _pattern(ws.split("|"))) for c, ws in rows]


@lru_cache(maxsize=1)
def stance_lexicon() -> dict:
    """The stance word lists as patterns and sets (read once)."""
    cues = [ln.split("\t") for ln in lines("stance_cues.tsv")]
    verbs = {c: s for c, s, w in cues if w == "verb"}
    return {
        "denial": _pattern(lines("stance_denial_words.txt")),
        "negation": _pattern(lines("stance_negations.txt")),
        "unconfirmed": _pattern(lines("stance_unconfirmed_words.txt")),
        "support": _pattern(lines("stance_support_words.txt")),
        "negation_scope": frozenset(fold(w) for w in lines("stance_negation_scope.txt")),
        "attributive_hedges": frozenset(fold(w) for w in lines("stance_attributive_hedges.txt")),
        "hedge": _pattern(lines("stance_hedge_words.txt")),
        "modal_hedges": frozenset(fold(w) for w in lines("stance_modal_hedges.txt")),
        "speaker_nouns": frozenset(fold(w) for w in lines("headline_speaker_nouns.txt")),
        "dismissal": _pattern(lines("stance_dismissals.txt")),
        "report_nouns": frozenset(fold(w) for w in lines("stance_report_nouns.txt")),
        "verbs": verbs,
        "verb_re": "|".join(re.escape(v).replace(r"\ ", r"\s+")
                            for v in sorted(verbs, key=len, reverse=True)),
        "prefix": {c: s for c, s, w in cues if w == "prefix"},
        "implicit": _pattern(c for c, _, w in cues if w == "implicit"),
        "implicit_stance": {c: s for c, s, w in cues if w == "implicit"},
        "contradictions": _contradictions(),
        "intention": _pattern(lines("stance_intention_words.txt")),
        "intention_claims": _pattern(lines("stance_intention_claims.txt")),
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


def _speaker_kind(name: str) -> str:
    words = name.split()
    if load().outlet_name(name) or fold(words[-1]) in load().outlet_heads:
        return OUTLET
    if words[0][:1].islower() or fold(words[-1]) in stance_lexicon()["speaker_nouns"]:
        return ANONYMOUS
    if len(words) in (2, 3) and all(w[:1].isupper() for w in words):
        return PERSON
    return ORGANIZATION if words[0][:1].isupper() else UNKNOWN


def _speaker(art: Article, start: int, end: int) -> Speaker:
    name = art.text[start:end].strip(TRIM)
    if not name:
        return Speaker("unknown", "", UNKNOWN)
    start = art.text.index(name, start)
    return Speaker(name, name, _speaker_kind(name), start=start, end=start + len(name))


def _record(art: Article, cs: int, ce: int, stance: str, cue: str, sp: Speaker) -> Attribution:
    while cs < ce and art.text[cs] in TRIM:
        cs += 1
    while ce > cs and art.text[ce - 1] in TRIM + ".":
        ce -= 1
    return Attribution(art.id, INDIRECT, art.text[cs:ce], cs, ce, cue, stance, sp)


@dataclass(frozen=True)
class Headline:
    """What the headline rules look at: the article, its text without trailing space, the
    stance word lists and the pattern of a speaker's words."""

    art: Article
    text: str
    lex: dict
    speaker: str


#: A headline rule: the records it finds, or None when its pattern does not apply.
HeadlineRule = Callable[[Headline], "list[Attribution] | None"]


def trailing_verb(h: Headline) -> list[Attribution] | None:
    """Speaker and verb after the content: "Banksy arrested, police say"."""
    m = re.match(rf"^(?P<c>.+)\s*[,:;—-]\s*(?P<s>{h.speaker})\s+(?P<v>{h.lex['verb_re']})\W*$", h.text, re.I)
    if not m:
        return None
    stance = h.lex["verbs"][fold(m.group("v"))]
    return [_record(h.art, 0, m.end("c"), stance, m.group("v"), _speaker(h.art, m.start("s"), m.end("s")))]


def leading_verb(h: Headline) -> list[Attribution] | None:
    """A capitalised speaker and verb before the content: "Nicaragua says meteorite caused blast"."""
    m = re.match(rf"^(?P<s>{h.speaker})\s+(?P<v>{h.lex['verb_re']})\s+(?:that\s+)?(?P<c>.+)$", h.text, re.I)
    if not m or not m.group("s")[:1].isupper():
        return None
    stance = h.lex["verbs"][re.sub(r"\s+", " ", fold(m.group("v")))]
    return [_record(h.art, m.start("c"), len(h.text), stance, m.group("v"),
                    _speaker(h.art, m.start("s"), m.end("s")))]


def dash_source(h: Headline) -> list[Attribution] | None:
    """A source after a dash: "Tesla settles on Nevada -CNBC"."""
    m = re.match(r"^(?P<c>.+?)\s+[-–—]\s*(?P<s>[^-–—]{2,40})$", h.text)
    if not m or not colon_source(m.group("s")):
        return None
    return [_record(h.art, 0, m.end("c"), "asserts", "-", _speaker(h.art, m.start("s"), m.end("s")))]


def trailing_colon(h: Headline) -> list[Attribution] | None:
    """A source after a colon (:func:`quotes.nlp.colon.colon_source`): "Meteorite hits
    Nicaragua: report" (one word that is not a label will do)."""
    m = re.match(r"^(?P<c>.+?)\s*:\s*(?P<s>[^:]{1,40})$", h.text)
    source = colon_source(m.group("s"), AFTER, by_shape=True) if m else None
    if source is None:
        return None
    return [_record(h.art, 0, m.end("c"), source.stance, ":", _speaker(h.art, m.start("s"), m.end("s")))]


def leading_colon(h: Headline) -> list[Attribution] | None:
    """A source before a colon: "Police: Banksy arrested"."""
    m = re.match(r"^(?P<s>[^:]{1,40}?)\s*:\s*(?P<c>.+)$", h.text)
    source = colon_source(m.group("s"), BEFORE) if m else None
    if source is None:
        return None
    return [_record(h.art, m.start("c"), len(h.text), source.stance, ":",
                    _speaker(h.art, m.start("s"), m.end("s")))]


def first_person_label(h: Headline) -> list[Attribution] | None:
    """A capitalised name before a colon and a first-person quotation after it: "Tim Cook: I
    wear my Apple Watch in the shower" (``first_person_openers`` in ``word_lists.tsv``).

    >>> [(a.speaker.name, a.content) for a in first_person_label(_headline(Article("h", "Tim Cook: I wear it")))]
    [('Tim Cook', 'I wear it')]
    >>> first_person_label(_headline(Article("h", "Kim Jong-un: obese leader fractured ankles")))
    """
    m = re.match(r"^(?P<s>[^:]{2,40}?)\s*:\s*(?P<c>(?P<w>[\w'’]+).+)$", h.text)
    if not m or not m.group("s")[:1].isupper() or fold(m.group("w")) not in load().words("first_person_openers"):
        return None
    return [_record(h.art, m.start("c"), len(h.text), ASSERTS, ":", _speaker(h.art, m.start("s"), m.end("s")))]


def prefix_cue(h: Headline) -> list[Attribution] | None:
    """A cue and its source at the end: "Banksy arrested, according to police"."""
    for cue, stance in h.lex["prefix"].items():
        m = re.search(rf"[,;]?\s*\b{re.escape(cue)}\s+(?P<s>{h.speaker})\W*$", h.text, re.I)
        if m:
            return [_record(h.art, 0, m.start(), stance, cue, _speaker(h.art, m.start("s"), m.end("s")))]
    return None


def implicit_cue(h: Headline) -> list[Attribution] | None:
    """A cue without a named source ("rumor", "reportedly"): an anonymous speaker."""
    m = h.lex["implicit"].search(fold(h.text))
    if not m:
        return None
    cue = re.sub(r"\s+", " ", m.group(0))
    return [_record(h.art, 0, len(h.text), h.lex["implicit_stance"].get(cue, HEDGED), cue,
                    Speaker(UNNAMED, cue, ANONYMOUS))]  # a hedge names no source


#: The headline rules, in the order they are tried; the first that applies answers.
HEADLINE_RULES: tuple[HeadlineRule, ...] = (trailing_verb, leading_verb, dash_source, trailing_colon,
                                            leading_colon, first_person_label, prefix_cue, implicit_cue)


def _headline(art: Article) -> Headline:
    word = r"[\w.'’&-]+"
    return Headline(art, art.text.rstrip(), stance_lexicon(), rf"(?:{word}\s+){{0,{MAX_SPEAKER_WORDS - 1}}}?{word}")


def headline_extract(art: Article) -> list[Attribution]:
    """A model-free attribution finder for one-line headlines (cue patterns only:
    :data:`HEADLINE_RULES`).

    It stands in for :func:`quotes.extractors.extract` when the NLP models are not
    available; cues and their stances are data (``stance_cues.tsv``).

    >>> art = Article("h", "Nicaragua says meteorite caused blast")
    >>> [(a.speaker.name, a.stance, a.content) for a in headline_extract(art)]
    [('Nicaragua', 'asserts', 'meteorite caused blast')]
    >>> [(a.speaker.name, a.rule) for a in headline_extract(Article("h", "Meteorite hits Nicaragua: report"))]
    [('report', 'trailing_colon')]
    """
    h = _headline(art)
    for rule in HEADLINE_RULES:
        found = rule(h)
        if found is not None:
            return [replace(a, rule=rule.__name__) for a in found]
    return []
