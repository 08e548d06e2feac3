"""Free-text lookup of claims: an inverted index from content keys to statements.

Every statement's keys (:func:`quotes.claims.normalize.claim_keys`) are computed once,
when the index is built; a query computes only its own keys and scores the statements
that share at least one of them, weighting each key by its rarity (inverse document
frequency), so "Putin" alone does not pick a claim out of a hundred about Putin. Claims
are ranked by their best-matching statement.

>>> from quotes.types import Attribution, Claim, Speaker
>>> def st(doc, text):
...     return Attribution(doc, "indirect", text, 0, len(text), "said", "asserts", Speaker("A", "A"))
>>> a, b = st("d", "Putin's visit to Turkey was postponed"), st("e", "A new bridge opened in Ankara")
>>> ix = ClaimIndex([Claim("c-1", a.content, (a,)), Claim("c-2", b.content, (b,))])
>>> [(c.id, round(s, 2)) for c, s in ix.search("Putin trip to Turkey delayed")]
[('c-1', 1.0)]
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Mapping, Sequence

from quotes.claims.normalize import Keys, claim_keys, content_keys, names_clash
from quotes.types import ORGANIZATION, PERSON, Attribution, Claim

#: A claim matches a query when its best statement holds this share of the query's
#: key weight.
QUERY_MATCH = 0.6
#: Alternatives are listed down to this share.
ALTERNATIVE_MATCH = 0.35
#: At most this many alternatives.
MAX_CANDIDATES = 5
#: How much a statement's own words beyond the query lower its match (0: not at all).
PRECISION_POWER = 0.25
#: The share of a query name's weight not held against a statement that names nothing.
MISSING_NAME_DISCOUNT = 0.5


#: Speakers whose name is looked up with what they said ("Jasmine Tridevil" said "she had ...").
NAMED_SPEAKERS = (PERSON, ORGANIZATION)


def speaker_keys(a: Attribution) -> frozenset[str]:
    """The keys of a statement's speaker when a named person or organisation: what "she"
    said is said of her, so her name helps find it (it never counts as a name the statement
    itself mentions).

    >>> from quotes.types import Speaker
    >>> a = Attribution("d", "indirect", "she had surgery", 0, 15, "said", "asserts",
    ...                 Speaker("Jasmine Tridevil", "she", "person"))
    >>> sorted(speaker_keys(a))
    ['jasmin', 'tridevil']
    """
    if a.speaker.kind not in NAMED_SPEAKERS:
        return frozenset()
    return content_keys(a.speaker.name).all


class ClaimIndex:
    """Claims and their statements' keys, with postings from each key to the statements
    holding it. ``keys`` may pass keys already computed (statement id -> Keys); ``weights``
    another index whose key rarities to use (a few claims looked up with the rarities of the
    whole corpus)."""

    def __init__(self, claims: Sequence[Claim], keys: Mapping[str, Keys] | None = None,
                 weights: "ClaimIndex | None" = None):
        self.claims = list(claims)
        self.statements: list[tuple[int, Attribution, Keys]] = []
        self.speakers: list[frozenset[str]] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        keys = keys or {}
        for ci, c in enumerate(self.claims):
            for a in c.statements:
                k = keys.get(a.id) or claim_keys(a.statement)
                n = len(self.statements)
                self.statements.append((ci, a, k))
                self.speakers.append(speaker_keys(a))
                for key in k.all | self.speakers[-1]:
                    self.postings[key].append(n)
        if weights is not None:  # rarity as in a larger collection (the whole corpus)
            self.idf, self._default_idf = weights.idf, weights._default_idf
        else:
            total = max(len(self.statements), 1)
            self.idf = {key: math.log(1 + total / len(p)) for key, p in self.postings.items()}
            self._default_idf = math.log(1 + total)
        self.by_id = {c.id: c for c in self.claims}

    @classmethod
    def of_statements(cls, statements: Sequence[Attribution],
                      keys: Mapping[str, Keys] | None = None) -> "ClaimIndex":
        """An index of statements, each its own one-statement claim (id: the statement's id):
        to find the statements a text is about before grouping them.

        >>> from quotes.types import Speaker
        >>> a = Attribution("d", "indirect", "the bridge was closed", 0, 21, "said", "asserts", Speaker("A", "A"))
        >>> [c.id for c, _ in ClaimIndex.of_statements([a]).search("bridge closed")]
        ['d:0-21']
        """
        return cls([Claim(a.id, a.statement, (a,)) for a in statements], keys)

    def weight(self, key: str) -> float:
        return self.idf.get(key, self._default_idf)

    def match(self, q: Keys, k: Keys, speaker: frozenset[str] = frozenset()) -> float:
        """How well a statement's keys ``k`` (and its ``speaker``'s) answer the query ``q``,
        0-1: the share of the query's key weight they hold (recall; the query's names count
        half when the statement names nothing itself: "A visit is being prepared" leaves
        who and where to its article), times, to the power :data:`PRECISION_POWER`, the
        share of the statement's own key weight the query holds (so a statement saying much
        else ranks lower). 0 when the two name different things.

        >>> ix = ClaimIndex([])
        >>> ix.match(claim_keys("Putin visit postponed"), claim_keys("Biden visit postponed"))
        0.0
        >>> round(ix.match(claim_keys("a Putin visit is being prepared"), claim_keys("A visit is being prepared")), 2)
        0.8
        """
        if names_clash(q, k):
            return 0.0
        have = k.all | speaker
        w = self.weight
        total = sum(w(x) for x in q.all)
        if not k.entities:
            total -= MISSING_NAME_DISCOUNT * sum(w(x) for x in q.entities - have)
        shared = sum(w(x) for x in q.all & have)
        if not total or not shared:
            return 0.0
        own = sum(w(x) for x in k.all)
        precision = sum(w(x) for x in q.all & k.all) / own if own else 0.0
        return min(1.0, shared / total) * precision ** PRECISION_POWER

    def matching_statements(self, q: Keys, threshold: float = ALTERNATIVE_MATCH
                            ) -> list[tuple[float, int]]:
        """``(score, statement number)`` of every statement matching ``q`` at ``threshold``
        or above, best first; only statements sharing a key are looked at."""
        hits: Counter = Counter()
        for key in q.all:
            for n in self.postings.get(key, ()):
                hits[n] += 1
        out = []
        for n in hits:
            score = self.match(q, self.statements[n][2], self.speakers[n])
            if score >= threshold:
                out.append((score, n))
        out.sort(key=lambda t: (-t[0], t[1]))
        return out

    def search(self, text: str | Keys, threshold: float = QUERY_MATCH,
               limit: int = MAX_CANDIDATES) -> list[tuple[Claim, float]]:
        """Claims matching ``text``, best first: ``(claim, score)``, score 0-1; ties go to
        the larger claim.

        >>> ClaimIndex([]).search("anything")
        []
        """
        q = text if isinstance(text, Keys) else claim_keys(text)
        best: dict[int, float] = {}
        for score, n in self.matching_statements(q, threshold):
            ci = self.statements[n][0]
            best[ci] = max(best.get(ci, 0.0), score)
        ranked = sorted(best.items(), key=lambda t: (-t[1], -len(self.claims[t[0]].statements), t[0]))
        return [(self.claims[ci], score) for ci, score in ranked[:limit]]
