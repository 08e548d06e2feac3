"""Provenance of statements: paths, origins and which origins are independent.

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

import re
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Sequence

from quotes.claims.disjoint import DisjointSets
from quotes.lexicons import fold
from quotes.types import (
    ASSERTS, CONFIRMS, DENIES, DIRECT, MIXED, NAMED_KINDS, OUTLET, THE_ARTICLE, UNKNOWN, Attribution,
    OriginSummary,
)

#: How a stance reads when the statement's content is the negation of the claim.
FLIPPED = {ASSERTS: DENIES, CONFIRMS: DENIES, DENIES: ASSERTS}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a statement starts: ``key`` identifies the source across articles."""

    key: str
    name: str
    kind: str

    @property
    def named(self) -> bool:
        return self.kind in NAMED_KINDS and self.name != THE_ARTICLE


def acyclic(a: Attribution) -> Attribution:
    """The record with a chain that never loops: a relay equal to the speaker or to an
    earlier relay (case and accents ignored) is dropped, so a speaker is never its own
    relay and every path is a simple path.

    >>> from quotes.types import Attribution, Speaker, ChainLink
    >>> a = Attribution("d", "direct", "x", 0, 1, "said", "asserts", Speaker("TMZ", "TMZ", "outlet"),
    ...                 (ChainLink("TMZ", "outlet"), ChainLink("Dr Korovin", "person")))
    >>> [x.name for x in acyclic(a).chain]
    ['Dr Korovin']
    """
    seen = {fold(a.speaker.name)}
    keep = []
    for link in a.chain:
        key = fold(link.name)
        if key not in seen:
            seen.add(key)
            keep.append(link)
    return a if len(keep) == len(a.chain) else replace(a, chain=tuple(keep))


def path_of(a: Attribution, publisher: str | None = None) -> list[tuple[str, str]]:
    """``(name, kind)`` from the publisher through the chain to the speaker; a name is
    never repeated (an outlet's own voice is one hop: the outlet).

    >>> from quotes.types import Attribution, Speaker
    >>> a = Attribution("d", "direct", "x", 0, 1, "said", "asserts", Speaker("Ann", "Ann"))
    >>> path_of(a)
    [('Ann', 'unknown')]
    >>> path_of(Attribution("d", "own_voice", "x", 0, 1, None, "asserts", Speaker("TMZ", "TMZ", "outlet")), "TMZ")
    [('TMZ', 'outlet')]
    """
    hops = [(publisher, OUTLET)] if publisher else []
    hops += [(link.name, link.kind) for link in a.chain]
    hops.append((a.speaker.name, a.speaker.kind))
    path: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for name, kind in hops:
        key = fold(name)
        if key in seen:  # a loop: the later hop (the speaker) wins its place
            path = path[:seen[key]]
            seen = {fold(n): i for i, (n, _) in enumerate(path)}
        seen[key] = len(path)
        path.append((name, kind))
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
    if kind in NAMED_KINDS and name != THE_ARTICLE:
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


#: Words of a quotation compared across articles: the same words are the same quotation.
_QUOTE_WORDS = re.compile(r"[^\W_]+")
#: A quotation shorter than this many words is too common to identify one origin.
MIN_QUOTE_WORDS = 5


def _quote_key(a: Attribution) -> str | None:
    if a.type not in (DIRECT, MIXED):
        return None
    words = _QUOTE_WORDS.findall(fold(a.statement))
    return " ".join(words) if len(words) >= MIN_QUOTE_WORDS else None


@dataclass(frozen=True, slots=True)
class Row:
    """One statement about a claim with its stance toward it, its origin and path."""

    statement: Attribution
    stance: str
    origin: Origin
    publisher: str | None
    path: tuple[tuple[str, str], ...]


def rows_of(stances: Iterable[tuple[Attribution, str]],
            publishers: Mapping[str, str | None] | None = None) -> list[Row]:
    """``(statement, stance toward the claim)`` pairs as :class:`Row` records.

    >>> from quotes.types import Attribution, Speaker
    >>> a = Attribution("d", "direct", "x", 0, 1, "said", "asserts", Speaker("Ann", "Ann", "person"))
    >>> r = rows_of([(a, "asserts")])
    >>> r[0].origin.key, r[0].path
    ('ann', (('Ann', 'person'),))
    """
    publishers = publishers or {}
    out = []
    for a, stance in stances:
        a = acyclic(a)
        pub = publishers.get(a.doc)
        out.append(Row(a, stance, origin_of(a, pub), pub, tuple(path_of(a, pub))))
    return out


def independent_origins(rows: Sequence[Row]) -> dict[str, str]:
    """Map each origin key to the key of the independent origin it counts as.

    Two origins are one when the same quotation (:data:`MIN_QUOTE_WORDS` words or more)
    is put in their mouths; an origin that relays another origin of the same claim (an
    outlet repeating what it quotes, the Guardian relaying Balmaceda) is not independent
    of it and counts as the origin it relays. When every origin relays another (a loop),
    they count as one.

    >>> from quotes.types import Attribution, Speaker, ChainLink
    >>> bal = Attribution("a", "indirect", "x", 0, 1, "said", "asserts", Speaker("Balmaceda", "B", "person"),
    ...                   (ChainLink("The Guardian", "outlet"),))
    >>> gua = Attribution("b", "indirect", "x", 0, 1, "reported", "asserts", Speaker("The Guardian", "G", "outlet"))
    >>> sorted(set(independent_origins(rows_of([(bal, "asserts"), (gua, "asserts")])).values()))
    ['balmaceda']
    """
    uf = DisjointSets()
    quotes: dict[str, str] = {}
    for r in rows:
        uf.find(r.origin.key)
        q = _quote_key(r.statement)
        if q is not None:
            if q in quotes:
                uf.union(quotes[q], r.origin.key)
            else:
                quotes[q] = r.origin.key
    keys = {r.origin.key for r in rows}
    relays: dict[str, set[str]] = {}  # group -> groups it relays
    for r in rows:
        for name, kind in r.path[:-1]:
            rk = fold(name)
            if rk in keys and uf.find(rk) != uf.find(r.origin.key):
                relays.setdefault(uf.find(rk), set()).add(uf.find(r.origin.key))
    groups = {uf.find(k) for k in keys}
    roots = sorted(g for g in groups if g not in relays)
    if not roots:  # a loop of relays: one origin
        roots = [min(groups)] if groups else []

    def resolve(g: str) -> str:
        seen = set()
        while g not in roots and g not in seen and g in relays:
            seen.add(g)
            g = min(relays[g])
        return g if g in roots else roots[0]
    return {k: resolve(uf.find(k)) for k in keys}


def origin_summaries(rows: Sequence[Row]) -> list[OriginSummary]:
    """One :class:`~quotes.types.OriginSummary` per independent origin, most statements first.

    >>> from quotes.types import Attribution, Speaker
    >>> a = Attribution("d", "indirect", "x", 0, 1, "said", "asserts", Speaker("Ann", "Ann", "person"))
    >>> [(o.name, o.named, o.stances) for o in origin_summaries(rows_of([(a, "asserts")]))]
    [('Ann', True, ('asserts',))]
    """
    to = independent_origins(rows)
    by: dict[str, list[Row]] = {}
    for r in rows:
        by.setdefault(to[r.origin.key], []).append(r)
    out = []
    for key, rs in by.items():
        head = next((r for r in rs if r.origin.key == key), rs[0])
        names = []
        for r in rs:
            for name, _ in r.path[:-1]:
                if name not in names and fold(name) != key:
                    names.append(name)
        merged = sorted({r.origin.name for r in rs if r.origin.key != key})
        out.append(OriginSummary(
            name=head.origin.name, kind=head.origin.kind, named=head.origin.named,
            stances=tuple(r.stance for r in rs), statements=tuple(r.statement.id for r in rs),
            articles=tuple(dict.fromkeys(r.statement.doc for r in rs)), relays=tuple(names),
            merged=tuple(merged)))
    out.sort(key=lambda o: (-len(o.statements), o.name))
    return out
