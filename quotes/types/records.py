"""The records of extraction and grouping: articles, speakers, chains, attributions, flags and
claims (each with ``to_dict``/``from_dict`` for the JSON contract)."""

from __future__ import annotations

from dataclasses import dataclass, field, asdict
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from quotes.types.vocabulary import UNKNOWN


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
class ColonSource:
    """What the words on one side of a headline colon name as a source
    (:func:`quotes.nlp.colon.colon_source`): ``"...: report"``, ``"Police: ..."``.

    ``kind`` is a speaker kind (``document`` for "report", ``anonymous`` for "officials",
    ``outlet``, ``person``, ``unknown``); ``stance`` is ``hedged`` for a document, else
    ``asserts``; ``rule`` names the reading that found it.
    """

    name: str
    kind: str
    stance: str
    rule: str


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
