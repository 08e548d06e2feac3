"""Union-find (disjoint sets) for the claims layer: statements joined into claims
(:mod:`quotes.claims.group`), origins joined by a shared quotation
(:mod:`quotes.claims.provenance`)."""

from __future__ import annotations

from typing import Hashable, Iterable


class DisjointSets:
    """Union-find over hashable, ordered items; a set's root is its smallest member, so
    the result does not depend on the order of the unions.

    >>> s = DisjointSets(range(4))
    >>> s.union(3, 1), s.union(1, 2), s.find(3), s.find(0), s.find("new")
    (1, 1, 1, 0, 'new')
    """

    def __init__(self, items: Iterable[Hashable] = ()):
        self.parent: dict = {x: x for x in items}

    def find(self, x):
        """The root of ``x``'s set (an unseen item is a set of its own)."""
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving
            x = parent[x]
        return x

    def union(self, a, b):
        """Join the sets of ``a`` and ``b``; their root (the smaller of the two roots)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        return min(ra, rb)
