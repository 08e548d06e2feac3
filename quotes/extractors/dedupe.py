"""The de-duplication stage: one record per content span and speaker, misreadings dropped.

A cue beats a continuation, a named source beats "unnamed sources", a bare hedge inside a
named source's span goes, and so do contents too short to be a statement, contents that
hold their own cue and contents that are another cue's reporting clause.

>>> from quotes.types import Attribution, Speaker
>>> a = Attribution("d", "indirect", "talks resumed", 0, 13, "said", "asserts", Speaker("Tass", "Tass"))
>>> b = Attribution("d", "indirect", "talks resumed", 0, 13, "said", "asserts", Speaker(UNNAMED, ""))
>>> [r.speaker.name for r in dedupe([a, b])]
['Tass']
"""

from __future__ import annotations

import dataclasses
import re

from quotes.lexicons import fold
from quotes.types import ANONYMOUS, DIRECT, INDIRECT, Attribution
from quotes.extractors.sources import UNNAMED
from quotes.extractors.statements import is_reporting_clause

#: Fewest words of a statement that is not a direct quotation.
MIN_STATEMENT_WORDS = 2


def _one_per_speaker(records: list[Attribution]) -> list[Attribution]:
    """Per content span: the cued records (else the first), the named ones among them (else
    the first), one per speaker name; a second speaker of the same words gets a ``key``."""
    by_span: dict[tuple[int, int], list[Attribution]] = {}
    for r in records:
        by_span.setdefault((r.start, r.end), []).append(r)
    out = []
    for rs in by_span.values():
        cued = [r for r in rs if r.cue is not None] or rs[:1]
        named = [r for r in cued if r.speaker.name != UNNAMED] or cued[:1]
        seen: set[str] = set()
        for r in named:
            key = fold(r.speaker.name)
            if key not in seen:
                if seen:  # a second speaker of the same words: its id must differ
                    r = dataclasses.replace(r, key=re.sub(r"\W+", "-", key).strip("-") or str(len(seen)))
                seen.add(key)
                out.append(r)
    out.sort(key=lambda r: (r.start, r.end))
    return out


def _misread(r: Attribution, cue_words: frozenset[str]) -> bool:
    """A record that is no statement: too short, holding its own cue (a hedge sits inside its
    clause, any other cue does not), or another cue's reporting clause ("Police officials
    said", "Tass reported")."""
    if len(r.content.split()) < MIN_STATEMENT_WORDS and r.type != DIRECT:
        return True
    if r.type != INDIRECT or r.speaker.mention == r.cue:
        return False
    if r.cue_start is not None and r.start <= r.cue_start < r.end and not r.parts:
        return True
    return is_reporting_clause(r.content, cue_words)


def _hedge_under_named(r: Attribution, out: list[Attribution]) -> bool:
    """A bare hedge ("reportedly") whose content lies inside a named source's record."""
    if r.speaker.kind != ANONYMOUS or not r.cue or r.speaker.mention != r.cue:
        return False
    return any(o is not r and o.start <= r.start and r.end <= o.end and o.speaker.kind != ANONYMOUS for o in out)


def dedupe(records: list[Attribution], cue_words: frozenset[str] = frozenset()) -> list[Attribution]:
    """The records kept, in text order (see the module docstring)."""
    out = _one_per_speaker(records)
    return [r for r in out if not _misread(r, cue_words) and not _hedge_under_named(r, out)]
