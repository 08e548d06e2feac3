"""The parsed document: what the NLP layer hands to the extractors (words, sentences,
entities, quotation spans), and the cues the extract stages find in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from quotes.types.records import Article


@dataclass(slots=True)
class Word:
    """One syntactic word. ``head`` is the 1-based id of its head in the sentence (0: root).

    Words of sentences that were only tokenized (not parsed) have empty ``upos``,
    ``lemma`` equal to the lower-cased text, ``head`` ``None`` and ``deprel`` ``""``.
    """

    id: int
    text: str
    start: int
    end: int
    lemma: str = ""
    upos: str = ""
    xpos: str = ""
    feats: str = ""
    head: int | None = None
    deprel: str = ""
    ner: str = "O"


@dataclass(slots=True)
class Sentence:
    """A sentence: its words and character span; ``parsed`` is False for token-only ones.

    ``role`` is :data:`PROSE` for a sentence of the article; a segment that is no sentence
    (a dateline, a byline, a caption, boilerplate: :mod:`quotes.nlp.structure`) has the name
    of the rule that found it there, and is never parsed.
    """

    index: int
    start: int
    end: int
    words: list[Word]
    parsed: bool = True
    role: str = "sentence"

    @property
    def prose(self) -> bool:
        """Whether this is a sentence of the article (not a dateline, byline, caption, ...)."""
        return self.role == PROSE


#: :attr:`Sentence.role` of a sentence of the article.
PROSE = "sentence"


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of an article that is no sentence of it: ``rule`` names what it is
    ("dateline", "byline", "caption", ...); ``start``/``end`` index the article text."""

    rule: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity after lexicon correction: type PERSON, ORG, OUTLET, LOC or MISC."""

    text: str
    type: str
    start: int
    end: int
    sentence: int


@dataclass(slots=True)
class ParsedDoc:
    """A parsed article: original text, sentences, entities (offsets into ``text``)."""

    id: str
    text: str
    sentences: list[Sentence]
    entities: list[Entity] = field(default_factory=list)
    article: Article | None = None


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A stretch of text inside quotation marks.

    ``start``/``end`` delimit the quoted words (marks excluded); ``open``/``close`` are
    the offsets of the marks (``close`` is ``None`` when the paragraph ended without
    one); ``single`` is True for single quotation marks.
    """

    start: int
    end: int
    open: int
    close: int | None
    single: bool = False
    mark_len: int = 1  # 2 for doubled marks: ''quote''

    @property
    def outer_end(self) -> int:
        return self.close + self.mark_len if self.close is not None else self.end


class CueKind(StrEnum):
    """What kind of words make a :class:`Cue` (the values compare equal to plain strings)."""

    VERB = "verb"            # a reporting verb: "said", "told", "could not confirm"
    ACCORDING = "according"  # "according to X"
    NOUN = "noun"            # a reporting noun with a clause: "a report that ..."
    HEDGE = "hedge"          # "reportedly", "allegedly"
    HEADLINE = "headline"    # "...: report"


class NoSpan(IntEnum):
    """Values of :attr:`Cue.content_start` and ``content_end`` when the cue's sentence holds
    no span of what was said (offsets are never negative, so these never collide)."""

    #: what was said is the quotation that follows: 'O'Neill said, “...', "X said:" at a sentence's end
    FOLLOWS = -1
    #: a bare cue ("..., she said.") that a neighbouring quotation may claim
    BARE = -2


@dataclass(slots=True)
class Cue:
    """A speech event found in one parsed sentence (internal: extract stages only).

    ``speaker`` is the word id of the source's head word (``None`` when the source is
    implicit, as for "reportedly", or named by ``source_text``); ``content`` is the
    character span of what was said (in ``parts`` when the cue interrupts it);
    ``content_ids`` the word ids inside it (used to nest events); ``audience`` the word ids
    of whom it was told to ("told Interfax"). With no span in its sentence,
    ``content_start == content_end`` is a :class:`NoSpan` value. ``rule`` names the rule
    that read it.
    """

    sentence: int
    kind: str                 # a CueKind
    lemma: str
    text: str
    start: int
    end: int
    stance: str
    speaker: int | None
    content_start: int
    content_end: int
    content_ids: frozenset[int] = frozenset()
    audience: tuple[int, ...] = ()
    anchor: int | None = None  # word id of the cue's head word
    source_text: str | None = None
    #: what was said in pieces around the cue ("The museum, Obama said, would ..."): the
    #: record's ``parts``; empty when the content is one span
    parts: tuple[tuple[int, int], ...] = ()
    rule: str | None = None

    @property
    def has_span(self) -> bool:
        """Whether the cue's sentence holds what was said (not a :class:`NoSpan` value)."""
        return self.content_start >= 0
