"""The records passed between stages.

Every stage of quotes hands typed, immutable records to the next one; dicts only
appear at the edges (JSON, DataFrames, graph attributes) through ``to_dict``.

>>> sp = Speaker(name="Dmitry Peskov", mention="he", kind=PERSON, start=10, end=12)
>>> a = Attribution(doc="d", type=DIRECT, content="We are ready.", start=0, end=13,
...                 cue="said", stance=ASSERTS, speaker=sp)
>>> a.id
'd:0-13'
>>> a.to_dict()["speaker"]["name"]
'Dmitry Peskov'
"""

from __future__ import annotations

from dataclasses import dataclass, field, asdict
from enum import IntEnum, StrEnum
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

# Attribution types
DIRECT = "direct"      # wholly inside quotation marks
INDIRECT = "indirect"  # reported speech, no quotation marks
MIXED = "mixed"        # reported speech that quotes a fragment
ATTRIBUTION_TYPES = (DIRECT, INDIRECT, MIXED)
#: A sentence in the article's own voice: a statement by its publisher (claims layer only;
#: the extractors never produce it)
OWN_VOICE = "own_voice"
STATEMENT_TYPES = ATTRIBUTION_TYPES + (OWN_VOICE,)
#: The speaker of an own-voice sentence when the article has no publisher
THE_ARTICLE = "the article"

# Speaker kinds
PERSON = "person"
ORGANIZATION = "organization"
OUTLET = "outlet"
ANONYMOUS = "anonymous"
DOCUMENT = "document"
UNKNOWN = "unknown"
SPEAKER_KINDS = (PERSON, ORGANIZATION, OUTLET, ANONYMOUS, DOCUMENT, UNKNOWN)
#: Speaker kinds that name a source on the record.
NAMED_KINDS = (PERSON, ORGANIZATION, OUTLET)

# Stances of an attribution toward its content
ASSERTS = "asserts"
DENIES = "denies"
CONFIRMS = "confirms"
CANNOT_CONFIRM = "cannot_confirm"
HEDGED = "hedged"
STANCES = (ASSERTS, DENIES, CONFIRMS, CANNOT_CONFIRM, HEDGED)

# Claim flags
UNCONFIRMED = "unconfirmed"
CONTRADICTED = "contradicted"
CONFIRMED = "confirmed"
SINGLE_SOURCE = "single_source"
FLAGS = (UNCONFIRMED, CONTRADICTED, CONFIRMED, SINGLE_SOURCE)

# Stances of an article (or one statement) toward a claim (quotes.claims.stance)
SUPPORTS = "supports"        # asserts or confirms the claim
# DENIES                     # refutes it: calls it false, a hoax, ...; or negates its proposition
REPORTS = "reports"          # relays it with attribution or hedging, without committing
# CANNOT_CONFIRM             # says it could not be confirmed or verified
UNRELATED = "unrelated"      # not about the claim
CLAIM_STANCES = (SUPPORTS, DENIES, REPORTS, CANNOT_CONFIRM, UNRELATED)
#: An article's stance toward a claim in ``quotes check`` (the same labels)
ARTICLE_STANCES = CLAIM_STANCES


def parse_date(value: str | None) -> datetime | None:
    """An article's ``date`` as a naive UTC datetime: ISO 8601 ("2024-02-09",
    "2024-02-09T10:00:00+03:00") or RFC 2822 ("Fri, 09 Feb 2024 10:00:00 GMT");
    ``None`` when missing or unreadable.

    >>> parse_date("2024-02-09T10:00:00+03:00"), parse_date("n/a")
    (datetime.datetime(2024, 2, 9, 7, 0), None)
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        d = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            d = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if d.tzinfo is not None:
        d = d.astimezone(timezone.utc).replace(tzinfo=None)
    return d


#: An article's optional metadata fields, in the order inputs and outputs list them.
ARTICLE_METADATA = ("publisher", "date", "url", "title", "author")


@dataclass(frozen=True, slots=True)
class Article:
    """One document. ``publisher`` is the outermost link of every chain in it."""

    id: str
    text: str
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def metadata(self) -> dict[str, str | None]:
        """The :data:`ARTICLE_METADATA` fields (``None`` when unknown), carried with the
        article's records into every output.

        >>> Article("a", "x", publisher="Daily").metadata["publisher"]
        'Daily'
        """
        return {k: getattr(self, k) for k in ARTICLE_METADATA}


@dataclass(frozen=True, slots=True)
class Speaker:
    """The source who asserts a statement.

    ``name`` is canonical ("Dmitry Peskov"); ``mention`` is the words used at this
    place ("he"), with ``start``/``end`` offsets into the article text (``None``
    when the source is implicit, as for "reportedly").
    """

    name: str
    mention: str
    kind: str = UNKNOWN
    role: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One intermediary a statement passed through ("Tass reported", "told Interfax")."""

    name: str
    kind: str = UNKNOWN
    cue: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement: who (speaker) said what (content), through whom (chain).

    ``start``/``end`` index the original article text: ``text[start:end] == content``.
    ``chain`` lists intermediaries outermost first (the article's publisher is not
    repeated here; graph building adds it).
    """

    doc: str
    type: str
    content: str
    start: int
    end: int
    cue: str | None
    stance: str
    speaker: Speaker
    chain: tuple[ChainLink, ...] = ()
    cue_start: int | None = None
    cue_end: int | None = None
    sentence: int | None = None
    key: str = ""  # tells apart records of one span ("Stoltenberg and Blinken said ...")
    #: the pieces of a statement its cue interrupts ("“A,” she said, “B.”", "A, he said, B"):
    #: the record runs from A to B, ``parts`` holds ((A's start, end), (B's start, end));
    #: empty when the content is one piece
    parts: tuple[tuple[int, int], ...] = ()
    #: the name of the rule that found the statement ("complement_clause", "according_to"):
    #: ``quotes explain`` shows how it fired; ``None`` in records from before rules were named
    rule: str | None = None

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The content's pieces as ``(start, end)`` offsets: ``parts``, or the one span."""
        return self.parts or ((self.start, self.end),)

    @property
    def statement(self) -> str:
        """The attributed words alone: the content without an interrupting cue.

        >>> a = Attribution("d", "direct", "We act, he said, now", 0, 20, "said", "asserts",
        ...                 Speaker("He", "he"), parts=((0, 6), (17, 20)))
        >>> a.statement
        'We act now'
        """
        if not self.parts:
            return self.content
        return " ".join(self.content[s - self.start:e - self.start] for s, e in self.parts)

    @property
    def id(self) -> str:
        base = f"{self.doc}:{self.start}-{self.end}"
        return f"{base}~{self.key}" if self.key else base

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "id": self.id,
            "type": self.type,
            "content": self.content,
            "start": self.start,
            "end": self.end,
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "stance": self.stance,
            "speaker": self.speaker.to_dict(),
            "chain": [link.to_dict() for link in self.chain],
            **({"key": self.key} if self.key else {}),
            **({"parts": [list(p) for p in self.parts]} if self.parts else {}),
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Attribution":
        """Rebuild a record from :meth:`to_dict` output (JSON Lines, the store)."""
        return cls(
            doc=d["doc"], type=d["type"], content=d["content"], start=d["start"],
            end=d["end"], cue=d.get("cue"), stance=d["stance"],
            speaker=Speaker(**d["speaker"]),
            chain=tuple(ChainLink(**c) for c in d.get("chain", ())),
            cue_start=d.get("cue_start"), cue_end=d.get("cue_end"), key=d.get("key", ""),
            parts=tuple((int(s), int(e)) for s, e in d.get("parts", ())), rule=d.get("rule"),
        )


@dataclass(frozen=True, slots=True)
class Flag:
    """A flag raised on a claim, with one human-readable reason per piece of evidence."""

    name: str
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "reasons": list(self.reasons)}


class Flagged:
    """What a record with ``flags`` answers about them (a claim, a check's result)."""

    __slots__ = ()

    @property
    def flag_names(self) -> list[str]:
        return [f.name for f in self.flags]

    def has_flag(self, name: str) -> bool:
        return any(f.name == name for f in self.flags)


@dataclass(frozen=True, slots=True)
class Claim(Flagged):
    """One proposition, grouped across attributions and articles.

    ``first_seen``/``last_seen`` are the dates of the earliest and latest article that
    carries it and ``publishers`` who published those articles (filled in by
    :meth:`quotes.claims.corpus.Corpus.claims` from the articles' metadata).
    """

    id: str
    text: str
    statements: tuple[Attribution, ...] = ()
    flags: tuple[Flag, ...] = field(default=())
    first_seen: str | None = None
    last_seen: str | None = None
    publishers: tuple[str, ...] = ()
    #: a short readable name for the proposition ("Putin's visit to the NATO country was
    #: canceled"); the representative statement's text when empty
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "label": self.label or self.text,
            "flags": self.flag_names,
            "reasons": [r for f in self.flags for r in f.reasons],
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "publishers": list(self.publishers),
            "statements": [s.to_dict() for s in self.statements],
        }


# --- The parsed document: what the NLP layer hands to the extractors ------------------


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
    """A sentence: its words and character span; ``parsed`` is False for token-only ones."""

    index: int
    start: int
    end: int
    words: list[Word]
    parsed: bool = True


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


# --- Stance toward a claim (quotes.claims.stance) -------------------------------------------


@dataclass(frozen=True, slots=True)
class StanceEvidence:
    """One sentence behind a stance judgement: its offsets into the article text, the
    stance the sentence rules gave it, the rule that decided, a readable reason, and the
    attribution records found in the sentence."""

    start: int
    end: int
    text: str
    stance: str
    rule: str
    reason: str
    relatedness: float = 0.0
    attributions: tuple[Attribution, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "stance": self.stance,
                "rule": self.rule, "reason": self.reason, "relatedness": round(self.relatedness, 3),
                "attributions": [a.to_dict() for a in self.attributions]}


@dataclass(frozen=True, slots=True)
class StanceJudgement:
    """An article's (or one statement's) stance toward a claim.

    ``label`` is one of :data:`CLAIM_STANCES`; ``score`` the confidence in it (0..1);
    ``relatedness`` how much of the claim the text is about (0..1); ``evidence`` the
    sentences behind it; ``reasons`` one readable line per step of the decision (which
    rule or which features, with their weights, decided).
    """

    claim: str
    doc: str
    label: str
    score: float
    relatedness: float
    evidence: tuple[StanceEvidence, ...] = ()
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"claim": self.claim, "doc": self.doc, "label": self.label,
                "score": round(self.score, 3), "relatedness": round(self.relatedness, 3),
                "evidence": [e.to_dict() for e in self.evidence], "reasons": list(self.reasons)}


# --- A claim check: what every article says about one claim (``quotes check``) ---------


@dataclass(frozen=True, slots=True)
class Evidence:
    """One statement behind an article's stance toward a claim: the sentence it sits in
    (offsets into the article), the record (speaker, chain, stance as said), its stance
    toward the claim and why."""

    statement: Attribution
    stance: str
    sentence: str
    sentence_start: int
    sentence_end: int
    why: str = ""
    #: how much of the checked text this statement holds (0-1, key weight)
    relevance: float = 1.0
    #: id of the extracted attribution record the statement was cut from (a record's
    #: sentence, :mod:`quotes.claims.pieces`); ``None`` for the article's own voice
    record_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"stance": self.stance, "why": self.why, "relevance": self.relevance,
                "record_id": self.record_id,
                "sentence": {"text": self.sentence, "start": self.sentence_start,
                             "end": self.sentence_end},
                "record": self.statement.to_dict()}


@dataclass(frozen=True, slots=True)
class ArticleCheck:
    """One article's stance toward the checked claim (``supports``, ``denies``,
    ``reports``, ``cannot_confirm``, ``unrelated``) with the evidence behind it."""

    doc: str
    stance: str
    evidence: tuple[Evidence, ...] = ()
    reason: str = ""
    publisher: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "stance": self.stance, "reason": self.reason,
                "publisher": self.publisher, "title": self.title, "date": self.date,
                "url": self.url, "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A claim the checked text may mean, with how well it matches (0-1)."""

    claim: str
    label: str
    score: float
    statements: int = 0
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class OriginSummary:
    """One independent origin of a claim: where its statements start, which of them
    (named or not), with what stances, in which articles and through which relays."""

    name: str
    kind: str
    named: bool
    stances: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    relays: tuple[str, ...] = ()
    #: other sources folded into this origin (they relay it or repeat its quotation)
    merged: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items()}


@dataclass(frozen=True, slots=True)
class Repeat:
    """Who repeats a claim through whom: one statement's path, publisher first."""

    statement: str
    doc: str
    speaker: str
    kind: str
    stance: str
    via: tuple[str, ...] = ()
    origin: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "via": list(self.via)}


@dataclass(frozen=True, slots=True)
class CheckResult(Flagged):
    """What the articles say about one claim: the claim matched (``None`` when nothing
    matched, ``message`` says why), every article about it with its stance and evidence,
    the claim's flags with reasons, its origins, who repeats it through whom, and the
    ranked alternative claims the text may mean."""

    query: str
    claim: Claim | None = None
    articles: tuple[ArticleCheck, ...] = ()
    flags: tuple[Flag, ...] = ()
    origins: tuple[OriginSummary, ...] = ()
    repeats: tuple[Repeat, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        return {
            "query": self.query, "message": self.message,
            "claim": None if c is None else {"id": c.id, "text": c.text,
                                             "label": c.label or c.text},
            "flags": [f.to_dict() for f in self.flags],
            "articles": [a.to_dict() for a in self.articles],
            "origins": [o.to_dict() for o in self.origins],
            "repeats": [r.to_dict() for r in self.repeats],
            "candidates": [k.to_dict() for k in self.candidates],
        }
