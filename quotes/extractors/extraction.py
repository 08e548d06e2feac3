"""What the extraction stages pass along: one document and what they have found so far.

>>> from quotes.types import ParsedDoc
>>> x = Extraction.of(ParsedDoc("d", 'He said “we act.”', []))
>>> x.text[x.quotes[0].start:x.quotes[0].end], x.cues, x.records
('we act.', [], [])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quotes.lexicons import Lexicon, load
from quotes.types import Attribution, ChainLink, Cue, ParsedDoc, QuoteSpan, Speaker
from quotes.extractors.marks import quote_spans
from quotes.extractors.speakers import Resolver
from quotes.extractors.tree import Tree


@dataclass
class Extraction:
    """One document on its way through the stages, and what they have found so far."""

    doc: ParsedDoc
    lex: Lexicon
    #: the parsed sentences by index
    trees: dict[int, Tree]
    #: the quotation spans of the text (:func:`~quotes.extractors.marks.quote_spans`)
    quotes: list[QuoteSpan]
    #: speech events in text order (stage :func:`find_cues`)
    cues: list[Cue] = field(default_factory=list)
    #: nested cue index -> the index of the innermost cue whose content holds it (:func:`nest_cues`)
    parent: dict[int, int] = field(default_factory=dict)
    #: the article's memory of who was mentioned and who spoke (:func:`find_speakers`)
    resolver: Resolver = field(default_factory=Resolver)
    #: one speaker per cue, and the word ids of its mention keyed by ``id(cue)`` (:func:`find_speakers`)
    speakers: list[Speaker] = field(default_factory=list)
    speaker_ids: dict[int, set[int]] = field(default_factory=dict)
    #: one chain of intermediaries per cue (:func:`build_chains`)
    chains: list[tuple[ChainLink, ...]] = field(default_factory=list)
    #: the records so far, and the indices of the quotations some record took
    records: list[Attribution] = field(default_factory=list)
    claimed: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, doc: ParsedDoc, lex: Lexicon | None = None) -> "Extraction":
        """A document before the first stage."""
        return cls(doc, lex or load(), {s.index: Tree(s) for s in doc.sentences if s.parsed}, quote_spans(doc.text))

    @property
    def text(self) -> str:
        return self.doc.text
