"""The records passed between stages (and their named values), imported from here.

Every stage of quotes hands typed, immutable records to the next one; dicts only
appear at the edges (JSON, DataFrames, graph attributes) through ``to_dict``.

>>> sp = Speaker(name="Dmitry Peskov", mention="he", kind=PERSON, start=10, end=12)
>>> a = Attribution(doc="d", type=DIRECT, content="We are ready.", start=0, end=13,
...                 cue="said", stance=ASSERTS, speaker=sp)
>>> a.id
'd:0-13'
>>> a.to_dict()["speaker"]["name"]
'Dmitry Peskov'

By job: :mod:`~quotes.types.vocabulary` (the named values: types, kinds, stances, flags),
:mod:`~quotes.types.records` (articles, speakers, attributions, flags, claims),
:mod:`~quotes.types.parsed` (the parsed document and cues), :mod:`~quotes.types.checks`
(stance judgements and claim checks). Import them from ``quotes.types``.
"""

from __future__ import annotations

from quotes.types.vocabulary import (
    DIRECT, INDIRECT, MIXED, ATTRIBUTION_TYPES, OWN_VOICE, STATEMENT_TYPES, THE_ARTICLE, PERSON,
    ORGANIZATION, OUTLET, ANONYMOUS, DOCUMENT, UNKNOWN, SPEAKER_KINDS, NAMED_KINDS, ASSERTS, DENIES,
    CONFIRMS, CANNOT_CONFIRM, HEDGED, STANCES, UNCONFIRMED, CONTRADICTED, CONFIRMED, SINGLE_SOURCE,
    FLAGS, SUPPORTS, REPORTS, UNRELATED, CLAIM_STANCES, ARTICLE_STANCES,
)
from quotes.types.records import (
    parse_date, ARTICLE_METADATA, Article, Speaker, ChainLink, Attribution, ColonSource, Flag, Flagged, Claim,
)
from quotes.types.parsed import (
    Word, Sentence, PROSE, Segment, Entity, ParsedDoc, QuoteSpan, CueKind, NoSpan, Cue,
)
from quotes.types.checks import (
    StanceEvidence, StanceJudgement, Evidence, ArticleCheck, Candidate, OriginSummary, Repeat,
    CheckResult,
)

__all__ = [
    "DIRECT", "INDIRECT", "MIXED", "ATTRIBUTION_TYPES", "OWN_VOICE", "STATEMENT_TYPES",
    "THE_ARTICLE", "PERSON", "ORGANIZATION", "OUTLET", "ANONYMOUS", "DOCUMENT", "UNKNOWN",
    "SPEAKER_KINDS", "NAMED_KINDS", "ASSERTS", "DENIES", "CONFIRMS", "CANNOT_CONFIRM", "HEDGED",
    "STANCES", "UNCONFIRMED", "CONTRADICTED", "CONFIRMED", "SINGLE_SOURCE", "FLAGS", "SUPPORTS",
    "REPORTS", "UNRELATED", "CLAIM_STANCES", "ARTICLE_STANCES", "parse_date", "ARTICLE_METADATA",
    "Article", "Speaker", "ChainLink", "Attribution", "ColonSource", "Flag", "Flagged", "Claim", "Word",
    "Sentence", "PROSE", "Segment", "Entity", "ParsedDoc", "QuoteSpan", "CueKind", "NoSpan", "Cue", "StanceEvidence",
    "StanceJudgement", "Evidence", "ArticleCheck", "Candidate", "OriginSummary", "Repeat",
    "CheckResult",
]
