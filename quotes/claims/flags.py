"""The flags on a claim, each with its reasons: small named rules tried in order.

Each rule of :data:`FLAG_RULES` looks at the :class:`Facts` (the statements about a
claim with their stances, origins and which origins are independent,
:mod:`quotes.claims.provenance`) and returns its :class:`~quotes.types.Flag` or ``None``;
a claim carries the flags of every rule that answers, in the order of the rules.

>>> from quotes.types import Attribution, Speaker
>>> a = Attribution("d", "indirect", "x", 0, 1, "said", "asserts", Speaker("officials", "officials", "anonymous"))
>>> [f.name for f in flags_of([(a, "asserts")])]
['unconfirmed', 'single_source']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from quotes.claims.provenance import (
    FLIPPED, MIN_QUOTE_WORDS, Origin, Row, acyclic, describe, effective_stance, independent_origins,
    origin_of, origin_summaries, path_of, rows_of,
)
from quotes.types import (
    ASSERTS, CANNOT_CONFIRM, CONFIRMED, CONFIRMS, CONTRADICTED, DENIES, HEDGED, PERSON, SINGLE_SOURCE,
    UNCONFIRMED, Attribution, ChainLink, Flag, Speaker,
)

# The provenance names have been imported from here since before quotes.claims.provenance.
__all__ = [
    "SUPPORTING", "SPREADING", "STANCE_VERBS", "FLAG_RULES", "Facts", "facts", "unconfirmed",
    "contradicted", "confirmed", "single_source", "flags_of", "claim_flags",
    "FLIPPED", "MIN_QUOTE_WORDS", "Origin", "Row", "acyclic", "describe", "effective_stance",
    "independent_origins", "origin_of", "origin_summaries", "path_of", "rows_of",
]

#: Stances that put a claim forward on the record.
SUPPORTING = (ASSERTS, CONFIRMS)
#: Stances that spread a claim (on or off the record).
SPREADING = (ASSERTS, CONFIRMS, HEDGED)
#: Short verbs for reasons.
STANCE_VERBS = {
    ASSERTS: "asserts it", CONFIRMS: "confirms it", DENIES: "denies it",
    CANNOT_CONFIRM: "could not confirm it", HEDGED: "reports it hedged",
}


@dataclass(frozen=True, slots=True)
class Facts:
    """What the flag rules look at: the statements about one claim (:class:`Row`), those
    that put it forward on the record from a named source, and the independent origin of
    each origin key (:func:`independent_origins`)."""

    rows: list[Row]
    on_record: list[Row]
    independent: dict[str, str]


def facts(stances: Iterable[tuple[Attribution, str]],
          publishers: Mapping[str, str | None] | None = None) -> Facts:
    """The :class:`Facts` of ``(statement, stance toward the claim)`` pairs.

    >>> from quotes.types import Attribution, Speaker
    >>> a = Attribution("d", "indirect", "x", 0, 1, "said", "asserts", Speaker("Ann Lee", "Ann", "person"))
    >>> e = facts([(a, "asserts")])
    >>> len(e.rows), len(e.on_record), e.independent
    (1, 1, {'ann lee': 'ann lee'})
    """
    rows = rows_of(stances, publishers)
    on_record = [r for r in rows if r.stance in SUPPORTING and r.origin.named]
    return Facts(rows, on_record, independent_origins(rows))


def _reason(r: Row) -> str:
    return describe(r.statement, r.publisher)


def _st(doc: str, name: str, kind: str = PERSON, stance: str = ASSERTS, chain: Iterable[str] = ()) -> Attribution:
    """A statement for the examples below (``chain``: the outlets relaying it)."""
    return Attribution(doc, "indirect", "x", 0, 1, "said", stance, Speaker(name, name, kind),
                       tuple(ChainLink(c, "outlet") for c in chain))


def unconfirmed(e: Facts) -> Flag | None:
    """No named source puts the claim forward on the record.

    >>> for reason in unconfirmed(facts([(_st("a", "officials", "anonymous"), "asserts")])).reasons:
    ...     print(reason)
    unconfirmed: no named source asserts it on the record
    unconfirmed: officials (anonymous) [a:0-1] asserts it, but the source is not named (anonymous): "x"
    >>> unconfirmed(facts([(_st("a", "Ann Lee"), "asserts")])) is None
    True
    """
    if e.on_record:
        return None
    reasons = ["unconfirmed: no named source asserts it on the record"]
    for r in e.rows:
        why = STANCE_VERBS.get(r.stance, r.stance)
        if r.stance in SUPPORTING:
            why += f", but the source is not named ({r.origin.kind})"
        reasons.append(f"unconfirmed: {_reason(r)} {why}: \"{r.statement.content}\"")
    return Flag(UNCONFIRMED, tuple(reasons))


def contradicted(e: Facts) -> Flag | None:
    """A statement denies the claim (or asserts its opposite).

    >>> contradicted(facts([(_st("a", "Bo Chen", stance="denies"), "denies")])).reasons
    ('contradicted: Bo Chen (person) [a:0-1] denies it: "x"',)
    >>> contradicted(facts([(_st("a", "Bo Chen"), "denies")])).reasons
    ('contradicted: Bo Chen (person) [a:0-1] asserts the opposite: "x"',)
    """
    against = [r for r in e.rows if r.stance == DENIES]
    if not against:
        return None
    reasons = []
    for r in against:
        how = "denies it" if r.statement.stance == DENIES else "asserts the opposite"
        reasons.append(f"contradicted: {_reason(r)} {how}: \"{r.statement.content}\"")
    return Flag(CONTRADICTED, tuple(reasons))


def confirmed(e: Facts) -> Flag | None:
    """Two or more independent named origins put the claim forward on the record.

    >>> e = facts([(_st("a", "Ann Lee"), "asserts"), (_st("b", "Bo Chen"), "confirms")])
    >>> for reason in confirmed(e).reasons:
    ...     print(reason)
    confirmed: Ann Lee (person) [a:0-1] asserts it (independent origin Ann Lee)
    confirmed: Bo Chen (person) [b:0-1] confirms it (independent origin Bo Chen)
    >>> confirmed(facts([(_st("a", "Ann Lee"), "asserts"), (_st("b", "Ann Lee"), "asserts")])) is None
    True
    """
    independent: dict[str, Row] = {}
    for r in e.on_record:
        independent.setdefault(e.independent[r.origin.key], r)
    if len(independent) < 2:
        return None
    reasons = [f"confirmed: {_reason(r)} {STANCE_VERBS[r.stance]} (independent origin "
               f"{r.origin.name})" for r in independent.values()]
    return Flag(CONFIRMED, tuple(reasons))


def single_source(e: Facts) -> Flag | None:
    """Every statement that spreads the claim leads back to one origin, however many
    articles and outlets relay it.

    >>> e = facts([(_st(d, "Ann Lee", chain=["AP"]), "asserts") for d in "ab"], {"a": "Daily", "b": "Weekly"})
    >>> print(*single_source(e).reasons)
    single_source: all 2 statement(s) in 2 article(s) lead back to one origin, Ann Lee (person), relayed by ...
    >>> single_source(e).reasons[0].rpartition("relayed by ")[2]
    'AP, Daily, Weekly'
    >>> single_source(facts([(_st("a", "Ann Lee"), "asserts"), (_st("b", "Bo Chen"), "asserts")])) is None
    True
    """
    spreading = [r for r in e.rows if r.stance in SPREADING]
    origins = {e.independent[r.origin.key] for r in spreading}
    if len(origins) != 1:
        return None
    key = origins.pop()
    origin = next((r.origin for r in spreading if r.origin.key == key), spreading[0].origin)
    docs = sorted({r.statement.doc for r in spreading})
    outlets = sorted({r.publisher for r in spreading if r.publisher} |
                     {link.name for r in spreading for link in r.statement.chain}
                     - {origin.name})
    relayed = f", relayed by {', '.join(outlets)}" if outlets else ""
    return Flag(SINGLE_SOURCE, (
        f"single_source: all {len(spreading)} statement(s) in {len(docs)} article(s) "
        f"lead back to one origin, {origin.name} ({origin.kind}){relayed}",))


FlagRule = Callable[[Facts], "Flag | None"]
#: The flag rules, in the order a claim's flags are listed.
FLAG_RULES: tuple[FlagRule, ...] = (unconfirmed, contradicted, confirmed, single_source)


def flags_of(stances: Iterable[tuple[Attribution, str]],
             publishers: Mapping[str, str | None] | None = None) -> tuple[Flag, ...]:
    """The flags of a claim from its statements' stances toward it (``asserts``,
    ``confirms``, ``denies``, ``cannot_confirm``, ``hedged``), each with its reasons:
    one per rule of :data:`FLAG_RULES` that answers.

    >>> [f.name for f in flags_of([(_st(d, "Ann Lee", chain=["AP"]), "asserts") for d in "abcde"],
    ...                           {d: f"Outlet {d}" for d in "abcde"})]
    ['single_source']
    >>> [f.name for f in flags_of([(_st("a", "Ann Lee"), "asserts"), (_st("b", "Bo Chen"), "denies")])]
    ['contradicted', 'single_source']
    """
    e = facts(stances, publishers)
    return tuple(f for rule in FLAG_RULES if (f := rule(e)) is not None)


def claim_flags(statements: Iterable[tuple[Attribution, bool]],
                publishers: Mapping[str, str | None] | None = None) -> tuple[Flag, ...]:
    """The flags of one claim, each with one reason per piece of evidence.

    ``statements`` are ``(attribution, flipped)`` pairs: ``flipped`` is True when the
    statement's content negates the claim ("the visit was not postponed").

    >>> from quotes.types import Attribution, Speaker
    >>> def st(name, kind, stance, doc):
    ...     return Attribution(doc, "indirect", "x", 0, 1, "said", stance, Speaker(name, name, kind))
    >>> fl = claim_flags([(st("Ann Lee", "person", "asserts", "a"), False),
    ...                   (st("Bo Chen", "person", "asserts", "b"), False)])
    >>> [f.name for f in fl]
    ['confirmed']
    >>> [f.name for f in claim_flags([(st("officials", "anonymous", "asserts", "a"), False)])]
    ['unconfirmed', 'single_source']
    """
    return flags_of([(a, effective_stance(a.stance, flipped)) for a, flipped in statements],
                    publishers)
