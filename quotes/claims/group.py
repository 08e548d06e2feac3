"""Claims: statements grouped into propositions across attributions and articles.

Two statements are one claim when their content keys (see :mod:`quotes.claims.normalize`)
agree: they share enough content words (after lemmas and synonyms) and, when both
name entities, at least one entity. Negation does not split a claim: a negated
statement stays in it with its polarity flipped, so "the visit was not postponed"
contradicts "the visit was postponed".

Grouping is blocked: an inverted index on pairs of content keys proposes candidates,
and each statement is compared with at most :data:`MAX_CANDIDATES_PER_KEY` earlier
statements per key, so the cost grows linearly with the number of statements.

>>> from quotes.types import Attribution, Speaker
>>> def st(doc, text, who="Ann Lee"):
...     return Attribution(doc, "indirect", text, 0, len(text), "said", "asserts",
...                        Speaker(who, who, "person"))
>>> cs = group_claims([st("a", "Putin's visit to Turkey was postponed"),
...                    st("b", "Putin's trip to Turkey has been delayed", "Bo Chen"),
...                    st("c", "A new bridge opened in Ankara")])
>>> [(len(c.statements), c.flag_names) for c in cs]
[(2, ['confirmed']), (1, ['single_source'])]
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict, deque
from itertools import combinations
from typing import Iterable, Mapping, Sequence

from quotes.errors import NotFoundError
from quotes.claims.flags import claim_flags
from quotes.claims.normalize import Keys, content_keys
from quotes.types import Attribution, Claim

#: Share of the smaller statement's content words the other one must hold.
WORD_OVERLAP = 0.6
#: Content words two statements must share (fewer only when one has fewer words).
MIN_SHARED_WORDS = 2
#: Rarest content words / entities of a statement used as blocking keys.
BLOCK_WORDS = 8
BLOCK_ENTITIES = 4
#: Earlier statements compared per blocking key (the most recent ones).
MAX_CANDIDATES_PER_KEY = 32
#: A free-text query must match at least this share of its keys in a claim.
QUERY_MATCH = 0.6


def similar(a: Keys, b: Keys) -> bool:
    """Whether two statements' keys make them one claim (negation aside).

    >>> similar(content_keys("Putin's visit was postponed"), content_keys("Putin's trip was canceled"))
    True
    >>> similar(content_keys("Putin's visit was postponed"), content_keys("Putin's visit is being prepared"))
    False
    >>> similar(content_keys("Biden's visit was postponed"), content_keys("Putin's visit was postponed"))
    False
    """
    if a.entities and b.entities and not (a.entities & b.entities):
        return False
    small = min(len(a.words), len(b.words))
    if small == 0:
        return False
    shared = len(a.words & b.words)
    return shared >= min(MIN_SHARED_WORDS, small) and shared >= WORD_OVERLAP * small


def _block_keys(k: Keys, freq: Counter) -> list[tuple[str, ...]]:
    words = sorted(k.words, key=lambda w: (freq[w], w))[:BLOCK_WORDS]
    ents = sorted(k.entities, key=lambda e: (freq[e], e))[:BLOCK_ENTITIES]
    keys: list[tuple[str, ...]] = [tuple(sorted(p)) for p in combinations(words, 2)]
    keys += [("@" + e, w) for e in ents for w in words]
    if len(words) == 1:
        keys.append((words[0],))
    return keys


class _Sets:
    """Union-find over statement indexes."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def cluster(keys: Sequence[Keys]) -> list[list[int]]:
    """Group statement indexes whose keys are :func:`similar`, blocked on key pairs.

    >>> ks = [content_keys(t) for t in ("the talks were delayed", "x", "the meeting was postponed")]
    >>> cluster(ks)
    [[0, 2], [1]]
    """
    freq: Counter = Counter()
    for k in keys:
        freq.update(k.all)
    sets = _Sets(len(keys))
    index: dict[tuple[str, ...], deque] = defaultdict(lambda: deque(maxlen=MAX_CANDIDATES_PER_KEY))
    for i, k in enumerate(keys):
        seen = set()
        for bk in _block_keys(k, freq):
            posting = index[bk]
            for j in posting:
                if j in seen:
                    continue
                seen.add(j)
                if sets.find(i) != sets.find(j) and similar(k, keys[j]):
                    sets.union(i, j)
            posting.append(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        groups[sets.find(i)].append(i)
    return list(groups.values())


def _representative(members: list[int], keys: Sequence[Keys]) -> int:
    counts = Counter(w for i in members for w in keys[i].all)
    positive = [i for i in members if not keys[i].negated] or members

    def score(i: int) -> tuple:
        ks = keys[i].all
        return (-sum(counts[w] for w in ks) / max(len(ks), 1), len(ks), i)
    return min(positive, key=score)


def claim_id(a: Attribution) -> str:
    """A stable id for the claim whose representative statement is ``a``.

    >>> from quotes.types import Attribution, Speaker
    >>> claim_id(Attribution("d", "direct", "x", 0, 1, None, "asserts", Speaker("A", "A")))
    'c-...'
    """
    return "c-" + hashlib.sha1(a.id.encode("utf-8")).hexdigest()[:10]


def group_claims(attributions: Iterable[Attribution],
                 publishers: Mapping[str, str | None] | None = None) -> list[Claim]:
    """Group attributions into :class:`~quotes.types.Claim` records with their flags.

    ``publishers`` maps an article id to its publisher (the outermost relay). Claims
    come largest first; statements in input order.

    >>> from quotes.types import Attribution, Speaker
    >>> a = Attribution("d", "indirect", "Banksy has not been arrested", 0, 28, "said",
    ...                 "asserts", Speaker("his agent", "his agent", "anonymous"))
    >>> b = Attribution("e", "indirect", "Banksy was arrested", 0, 19, "reported",
    ...                 "asserts", Speaker("Daily Mail", "Daily Mail", "outlet"))
    >>> [c.text for c in group_claims([a, b])], group_claims([a, b])[0].flag_names
    (['Banksy was arrested'], ['contradicted', 'single_source'])
    """
    statements = list(attributions)
    keys = [content_keys(a.statement) for a in statements]
    claims = []
    for members in cluster(keys):
        rep = _representative(members, keys)
        negated = keys[rep].negated
        pairs = [(statements[i], keys[i].negated != negated) for i in members]
        claims.append((len(members), members[0], Claim(
            id=claim_id(statements[rep]), text=statements[rep].statement,
            statements=tuple(a for a, _ in pairs), flags=claim_flags(pairs, publishers))))
    claims.sort(key=lambda t: (-t[0], t[1]))
    return [c for *_, c in claims]


def statement_flipped(claim: Claim, a: Attribution) -> bool:
    """Whether statement ``a`` negates ``claim`` (its content's polarity differs).

    >>> from quotes.types import Attribution, Speaker
    >>> c = Claim("c-1", "Banksy was arrested")
    >>> statement_flipped(c, Attribution("d", "direct", "Banksy was not arrested", 0, 1,
    ...                                  None, "asserts", Speaker("A", "A")))
    True
    """
    return content_keys(a.statement).negated != content_keys(claim.text).negated


def find_claim(claims: Sequence[Claim], query: str | Claim) -> Claim:
    """A claim by id or by free text ("Putin visit postponed"); NotFoundError otherwise.

    Free text picks the claim holding the largest share of the query's content keys
    (at least :data:`QUERY_MATCH`), ties going to the claim with more statements.

    >>> cs = [Claim("c-1", "Putin's visit was postponed"), Claim("c-2", "Talks are planned")]
    >>> find_claim(cs, "c-2").text, find_claim(cs, "putin trip delayed").id
    ('Talks are planned', 'c-1')
    >>> find_claim(cs, "weather in Paris")
    Traceback (most recent call last):
    ...
    quotes.errors.NotFoundError: no claim matches 'weather in Paris'
    """
    if isinstance(query, Claim):
        return query
    for c in claims:
        if c.id == query:
            return c
    q = content_keys(query).all
    best, best_score = None, (0.0, 0.0, 0)
    if q:
        for c in claims:
            ck = frozenset().union(content_keys(c.text).all,
                                   *(content_keys(a.statement).all for a in c.statements))
            hit = len(q & ck) / len(q)
            score = (hit, len(q & ck) / len(q | ck), len(c.statements))
            if hit >= QUERY_MATCH and score > best_score:
                best, best_score = c, score
    if best is None:
        raise NotFoundError(f"no claim matches {query!r}")
    return best
