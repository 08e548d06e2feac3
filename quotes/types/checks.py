"""Stance toward a claim (:mod:`quotes.claims.stance`) and a claim check: what every article
says about one claim (``quotes check``)."""

from __future__ import annotations

from dataclasses import dataclass, asdict
from typing import Any

from quotes.types.records import Attribution, Claim, Flag, Flagged


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
