"""Provenance of statements (paths, origins, independence) and the flags on a claim.

A statement's *path* runs from the article's publisher (the outermost relay) through
its chain to the speaker. Its *origin* is the deepest named or anonymous source on
that path. Outlets that repeat one origin count once.

>>> from quotes.types import Attribution, Speaker, ChainLink, ASSERTS, PERSON, OUTLET
>>> a = Attribution(doc="d", type="indirect", content="x", start=0, end=1, cue="said",
...                 stance=ASSERTS, speaker=Speaker("Dmitry Peskov", "Peskov", PERSON),
...                 chain=(ChainLink("Tass", OUTLET),))
>>> [n for n, _ in path_of(a, publisher="Newsweek")]
['Newsweek', 'Tass', 'Dmitry Peskov']
>>> origin_of(a, "Newsweek").key
'dmitry peskov'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from quotes.claims.normalize import fold
from quotes.types import (
    ASSERTS, CANNOT_CONFIRM, CONFIRMED, CONFIRMS, CONTRADICTED, DENIES,
    HEDGED, NAMED_KINDS, OUTLET, SINGLE_SOURCE, UNCONFIRMED, UNKNOWN,
    Attribution, Flag,
)

#: Stances that put a claim forward on the record.
SUPPORTING = (ASSERTS, CONFIRMS)
#: Stances that spread a claim (on or off the record).
SPREADING = (ASSERTS, CONFIRMS, HEDGED)
#: How a stance reads when the statement's content is the negation of the claim.
FLIPPED = {ASSERTS: DENIES, CONFIRMS: DENIES, DENIES: ASSERTS}
#: Short verbs for reasons.
STANCE_VERBS = {
    ASSERTS: "asserts it", CONFIRMS: "confirms it", DENIES: "denies it",
    CANNOT_CONFIRM: "could not confirm it", HEDGED: "reports it hedged",
}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a statement starts: ``key`` identifies the source across articles."""

    key: str
    name: str
    kind: str

    @property
    def named(self) -> bool:
        return self.kind in NAMED_KINDS


def path_of(a: Attribution, publisher: str | None = None) -> list[tuple[str, str]]:
    """``(name, kind)`` from the publisher through the chain to the speaker.

    >>> from quotes.types import Attribution, Speaker
    >>> a = Attribution("d", "direct", "x", 0, 1, "said", "asserts", Speaker("Ann", "Ann"))
    >>> path_of(a)
    [('Ann', 'unknown')]
    """
    path = [(publisher, OUTLET)] if publisher else []
    path += [(link.name, link.kind) for link in a.chain]
    path.append((a.speaker.name, a.speaker.kind))
    return path


def origin_of(a: Attribution, publisher: str | None = None) -> Origin:
    """The deepest named or anonymous source on a statement's path.

    Unnamed origins ("a diplomatic source") are told apart by the innermost relay that
    carried them (or the article), so ten outlets relaying one agency's anonymous
    source still count as one origin.

    >>> from quotes.types import Attribution, Speaker, ChainLink, ANONYMOUS, OUTLET
    >>> a = Attribution("d", "indirect", "x", 0, 1, "confirmed", "confirms",
    ...                 Speaker("a diplomatic source", "a diplomatic source", ANONYMOUS),
    ...                 (ChainLink("Tass", OUTLET),))
    >>> origin_of(a, "Newsweek")
    Origin(key='a diplomatic source@tass', name='a diplomatic source', kind='anonymous')
    """
    path = path_of(a, publisher)
    depth = next((i for i in range(len(path) - 1, -1, -1) if path[i][1] != UNKNOWN),
                 len(path) - 1)
    name, kind = path[depth]
    if kind in NAMED_KINDS:
        return Origin(fold(name), name, kind)
    scope = path[depth - 1][0] if depth > 0 else a.doc
    return Origin(f"{fold(name)}@{fold(scope)}", name, kind)


def effective_stance(stance: str, flipped: bool) -> str:
    """A statement's stance toward the claim, once its content's polarity is known.

    >>> effective_stance("asserts", flipped=True), effective_stance("hedged", True)
    ('denies', 'hedged')
    """
    return FLIPPED.get(stance, stance) if flipped else stance


def describe(a: Attribution, publisher: str | None = None) -> str:
    """One line naming a statement's source, relays and place.

    >>> from quotes.types import Attribution, Speaker
    >>> describe(Attribution("d", "direct", "x", 0, 1, "said", "asserts",
    ...                      Speaker("Ann Lee", "Ann", "person")), "Daily")
    'Ann Lee (person) via Daily [d:0-1]'
    """
    relays = ([publisher] if publisher else []) + [link.name for link in a.chain]
    via = f" via {' > '.join(relays)}" if relays else ""
    return f"{a.speaker.name} ({a.speaker.kind}){via} [{a.id}]"


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
    publishers = publishers or {}
    rows = []
    for a, flipped in statements:
        pub = publishers.get(a.doc)
        rows.append((a, effective_stance(a.stance, flipped), origin_of(a, pub), pub))
    flags: list[Flag] = []

    on_record = [r for r in rows if r[1] in SUPPORTING and r[2].named]
    if not on_record:
        reasons = ["unconfirmed: no named source asserts it on the record"]
        for a, stance, origin, pub in rows:
            why = STANCE_VERBS.get(stance, stance)
            if stance in SUPPORTING:
                why += f", but the source is not named ({origin.kind})"
            reasons.append(f"unconfirmed: {describe(a, pub)} {why}: \"{a.content}\"")
        flags.append(Flag(UNCONFIRMED, tuple(reasons)))

    against = [r for r in rows if r[1] == DENIES]
    if against:
        reasons = []
        for a, stance, origin, pub in against:
            how = "denies it" if a.stance == DENIES else "asserts the opposite"
            reasons.append(f"contradicted: {describe(a, pub)} {how}: \"{a.content}\"")
        flags.append(Flag(CONTRADICTED, tuple(reasons)))

    independent: dict[str, tuple] = {}
    for r in on_record:
        independent.setdefault(r[2].key, r)
    if len(independent) >= 2:
        reasons = [f"confirmed: {describe(a, pub)} {STANCE_VERBS[stance]} (independent origin "
                   f"{origin.name})" for a, stance, origin, pub in independent.values()]
        flags.append(Flag(CONFIRMED, tuple(reasons)))

    spreading = [r for r in rows if r[1] in SPREADING]
    origins = {r[2].key for r in spreading}
    if len(origins) == 1:
        origin = spreading[0][2]
        docs = sorted({r[0].doc for r in spreading})
        outlets = sorted({pub for *_, pub in spreading if pub} |
                         {link.name for r in spreading for link in r[0].chain})
        relayed = f", relayed by {', '.join(outlets)}" if outlets else ""
        flags.append(Flag(SINGLE_SOURCE, (
            f"single_source: all {len(spreading)} statement(s) in {len(docs)} article(s) "
            f"lead back to one origin, {origin.name} ({origin.kind}){relayed}",)))
    return tuple(flags)
