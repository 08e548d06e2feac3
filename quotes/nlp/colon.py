"""The one reading of a headline colon: does the text on one side of it name a source, and
with what stance?

Headlines and speaker labels put a source beside a colon: ``"Meteorite hits Nicaragua:
report"``, ``"Police: Banksy arrested"``, ``"PENCE: Well, look, ..."``. The model-free headline
rules (:mod:`quotes.claims.headlines`), the parse-based cue (:func:`quotes.extractors.cues.headline_colon`)
and the layout labels (:mod:`quotes.extractors.layout`) all ask :func:`colon_source`.

A document ("report", "study", "poll": the ``document`` nouns of ``reporting_nouns.tsv``)
hedges what it is said to say; a named outlet, an unnamed source ("officials", "police":
``anonymous_heads.txt``, ``headline_speaker_nouns.txt``) or a person asserts it. The phrase's
head is its last word before a modifier ("officials in Kiev", "report by Tass":
``colon_source_modifiers`` in ``word_lists.tsv``). Labels that name the story, not a
speaker ("UPDATE", "live": ``headline_labels.txt``), are no source.

>>> colon_source("report").stance, colon_source("officials in Kiev").kind
('hedged', 'anonymous')
>>> colon_source("IT'S OFFICIAL", BEFORE) is None, colon_source("Vogue's new offices", BEFORE) is None
(True, True)
"""

from __future__ import annotations

import re
from typing import Callable

from quotes.lexicons import Lexicon, fold, load
from quotes.lexicons.patterns import alternatives
from quotes.types import ANONYMOUS, ASSERTS, DOCUMENT, HEDGED, OUTLET, PERSON, UNKNOWN, ColonSource

#: The side of the colon the phrase stands on: before it ("Police: ...") or after it ("...: police").
BEFORE, AFTER = "before", "after"
#: Most words a source beside a colon has ("Senior Western Intelligence Official").
MAX_SOURCE_WORDS = 5
#: Shortest upper-case transcript label taken as a name ("PENCE:"; not "US:").
MIN_TRANSCRIPT_NAME = 3

__all__ = ["AFTER", "BEFORE", "READINGS", "colon_source"]


class _Phrase:
    """The phrase and what the readings look at: its words, head and folded form."""

    def __init__(self, phrase: str, side: str, text: str, lex: Lexicon) -> None:
        self.phrase, self.side, self.text, self.lex = phrase, side, text, lex
        self.words = phrase.split()
        self.folded = fold(phrase).strip(" .")
        self.possessive = "'s" in phrase.replace("’", "'")
        stops = lex.words("colon_source_modifiers")
        folded = [fold(w).strip(".,") for w in self.words]
        cut = next((i for i, w in enumerate(folded) if i > 0 and w in stops), len(folded))
        self.head = folded[cut - 1] if folded else ""

    def head_forms(self) -> tuple[str, ...]:
        """The head and, for a plural-looking head, its singular ("officials", "official")."""
        return (self.head, self.head[:-1]) if self.head.endswith("s") else (self.head,)

    def head_in(self, words) -> bool:
        """The head, or its singular ("officials"), is one of ``words``."""
        return any(h in words for h in self.head_forms())

    def found(self, kind: str, stance: str, rule: Callable) -> ColonSource:
        return ColonSource(self.phrase, kind, stance, rule.__name__)


# --- what is no source ---------------------------------------------------------------------

def story_label(p: _Phrase) -> bool:
    """A label that names the story ("UPDATE", "IT'S OFFICIAL", "live"), unless a source noun
    ("Source: ...")."""
    return p.folded in p.lex.labels and p.folded not in p.lex.source_nouns


def topic_phrase(p: _Phrase) -> bool:
    """An article before the colon opens a topic ("The Plan: ..."), a place alone says where
    ("AUSTRALIA: ..."), and a title alone names nobody ("President: ...")."""
    if p.side == BEFORE and fold(p.words[0]) in p.lex.words("label_articles") and not p.lex.outlet_name(p.phrase):
        return True
    if p.lex.is_place(p.phrase):
        return True
    return len(p.words) == 1 and p.folded in p.lex.titles and p.folded not in p.lex.source_nouns


#: Vetoes, tried first: a phrase any of them claims names no source.
VETOES = (story_label, topic_phrase)


# --- the readings, in order ----------------------------------------------------------------

def document_head(p: _Phrase) -> ColonSource | None:
    """A document ("report", "study", "Tass report") hedges: it is said to say it.

    >>> colon_source("new study")
    ColonSource(name='new study', kind='document', stance='hedged', rule='document_head')
    """
    if any(p.lex.nouns.get(h) == DOCUMENT for h in p.head_forms()):
        return p.found(DOCUMENT, HEDGED, document_head)
    return None


def outlet(p: _Phrase) -> ColonSource | None:
    """A named outlet ("CNN", "The Guardian") or a phrase headed by an outlet noun ("local
    newspaper") asserts; an outlet's possession ("Vogue's new offices") is no source.

    >>> colon_source("The Guardian", BEFORE).rule
    'outlet'
    """
    if p.possessive:
        return None
    if p.lex.outlet_name(p.phrase) or p.head_in(p.lex.outlet_heads):
        return p.found(OUTLET, ASSERTS, outlet)
    return None


def source_head(p: _Phrase) -> ColonSource | None:
    """An unnamed source ("officials", "police", "Putin's spokesman", "witnesses") asserts.

    >>> colon_source("Putin's spokesman", BEFORE).kind
    'anonymous'
    """
    lex = p.lex
    if p.head_in(lex.source_nouns) or p.head_in(lex.anonymous_heads) or p.head_in(lex.nouns):
        return p.found(ANONYMOUS, ASSERTS, source_head)
    return None


def transcript_name(p: _Phrase) -> ColonSource | None:
    """By its shape (``by_shape``): a transcript's upper-case name before the colon ("PENCE:").

    >>> colon_source("WALLACE", BEFORE, by_shape=True).kind
    'person'
    """
    if p.side == BEFORE and p.phrase.isupper() and len(p.words) <= 2 and len(p.phrase) >= MIN_TRANSCRIPT_NAME:
        return p.found(PERSON, ASSERTS, transcript_name)
    return None


def speaks_elsewhere(p: _Phrase) -> ColonSource | None:
    """A name before the colon that the article has speak elsewhere ("Pat Caddell: ..." with
    "Caddell said" below; only with the article's ``text``).

    >>> colon_source("Pat Caddell", BEFORE, text="Pat Caddell: Voters worry. Caddell said so.").kind
    'person'
    """
    if p.side != BEFORE or not p.text:
        return None
    surname = re.escape(p.words[-1])
    after = alternatives(p.lex.words("label_speech_after_name"))
    before = alternatives(p.lex.words("label_speech_before_name"))
    if re.search(rf"\b{surname}\b[^.\n]{{0,40}}\b(?:{after})\b|\b(?:{before})\s+(?:\w+\s+){{0,3}}{surname}\b", p.text):
        return p.found(PERSON, ASSERTS, speaks_elsewhere)
    return None


def bare_word(p: _Phrase) -> ColonSource | None:
    """By its shape (``by_shape``): one word after the colon that is no label ("...: Reuters").

    >>> colon_source("Zzyzx", by_shape=True).rule, colon_source("Zzyzx") is None
    ('bare_word', True)
    """
    if p.side == AFTER and len(p.words) == 1 and re.match(r"\w", p.phrase):
        return p.found(UNKNOWN, ASSERTS, bare_word)
    return None


#: The readings, tried in order after the vetoes; the first that finds a source answers.
READINGS = (document_head, outlet, source_head, transcript_name, speaks_elsewhere, bare_word)
#: Readings that go by the phrase's shape alone, not its words: only with ``by_shape=True``.
SHAPE_READINGS = (transcript_name, bare_word)


def colon_source(phrase: str, side: str = AFTER, *, text: str = "", by_shape: bool = False,
                 lex: Lexicon | None = None) -> ColonSource | None:
    """Whether ``phrase``, standing on ``side`` of a headline colon, names a source: a
    :class:`~quotes.types.ColonSource` (kind, stance, the reading that found it) or None.

    ``text`` is the article, for a name it has speak elsewhere; ``by_shape`` also accepts
    the readings that go by shape alone (:data:`SHAPE_READINGS`: an upper-case transcript
    name, one bare word after the colon), for callers with no parse to check them against.

    >>> [(s.kind, s.stance) for s in (colon_source("report"), colon_source("Police", BEFORE))]
    [('document', 'hedged'), ('anonymous', 'asserts')]
    >>> colon_source("live") is None, colon_source("Apple Watch Edition", BEFORE) is None
    (True, True)
    """
    phrase = phrase.strip(" ,;:-—'\"“”")
    if not 0 < len(phrase.split()) <= MAX_SOURCE_WORDS:
        return None
    p = _Phrase(phrase, side, text, lex or load())
    if any(veto(p) for veto in VETOES):
        return None
    for reading in READINGS:
        if reading in SHAPE_READINGS and not by_shape:
            continue
        found = reading(p)
        if found is not None:
            return found
    return None
