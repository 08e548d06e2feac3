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
import math
from collections import Counter, defaultdict, deque
from typing import Iterable, Mapping, Sequence

from quotes.errors import NotFoundError
from quotes.claims.disjoint import DisjointSets
from quotes.claims.flags import claim_flags
from quotes.claims.normalize import Keys, claim_keys, content_keys, names_clash
from quotes.types import Attribution, Claim

#: Share of the smaller statement's content words the other one must hold.
WORD_OVERLAP = 0.6
#: Content words two statements must share (fewer only when one has fewer words).
MIN_SHARED_WORDS = 2
#: Rarest keys of a statement used as blocking keys.
BLOCK_KEYS = 8
#: Earlier statements compared per blocking key (the most recent ones).
MAX_CANDIDATES_PER_KEY = 32
#: Names weigh this much against other words: less, so that what is said of a name
#: (postponed, prepared) tells propositions apart more than the name itself.
ENTITY_BOOST = 0.6
#: Pairs scoring less than this are never linked.
MIN_LINK = 0.1
#: Statements this similar are one proposition at once.
NEAR_DUPLICATE = 0.6
#: Groups whose centroids are this similar are merged (tuned on Emergent train: B-cubed).
MERGE = 0.3
#: Merge passes at most (each merges every pair still similar enough; on Emergent a third
#: pass changes nothing and later ones only cost time).
MAX_MERGE_ROUNDS = 2
#: A free-text query must match at least this share of its keys in a claim.
QUERY_MATCH = 0.6
#: Longest claim label, in characters.
LABEL_CHARS = 120


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


def _block_keys(k: Keys, freq: Counter) -> list[str]:
    return sorted(k.all, key=lambda w: (freq[w], w))[:BLOCK_KEYS]


def weights(keys: Sequence[Keys]) -> list[dict[str, float]]:
    """Each statement's keys weighted by rarity: ``log(1 + n / df)`` over the statements
    given, names (entities) times :data:`ENTITY_BOOST`. A word every statement of a
    one-story corpus uses ("breast") weighs little there, so the words that tell its
    propositions apart decide; across stories the story's own words decide.

    >>> w = weights([content_keys("Putin's visit was postponed"), content_keys("The visit was not postponed")])
    >>> round(w[0]["putin"], 2), round(w[0]["visit"], 2)
    (0.66, 0.69)
    """
    df: Counter = Counter()
    for k in keys:
        df.update(k.all)
    n = len(keys)
    idf = {w: math.log(1 + n / c) for w, c in df.items()}
    return [{w: idf[w] * (ENTITY_BOOST if w in k.entities else 1.0) for w in k.all} for k in keys]


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two weighted key sets.

    >>> cosine({"a": 1.0, "b": 1.0}, {"a": 1.0}), cosine({"a": 1.0}, {})
    (0.7071067811865475, 0.0)
    """
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[w] for w, v in a.items() if w in b)
    if not dot:
        return 0.0
    return dot / math.sqrt(_square(a) * _square(b))


def _square(v: Mapping[str, float]) -> float:
    return sum(x * x for x in v.values())


def _links(keys: Sequence[Keys], vecs: Sequence[dict[str, float]]) -> dict[tuple[int, int], float]:
    """Candidate pairs (blocked: each statement meets at most :data:`MAX_CANDIDATES_PER_KEY`
    earlier statements per rare key) scored by cosine; pairs naming different entities
    only, or under :data:`MIN_LINK`, are dropped."""
    freq: Counter = Counter()
    for k in keys:
        freq.update(k.all)
    index: dict[str, deque] = defaultdict(lambda: deque(maxlen=MAX_CANDIDATES_PER_KEY))
    norms = [_square(v) for v in vecs]
    links = {}
    for i, k in enumerate(keys):
        seen = set()
        for bk in _block_keys(k, freq):
            posting = index[bk]
            for j in posting:
                if j in seen:
                    continue
                seen.add(j)
                if names_clash(k, keys[j]):
                    continue
                a, b = vecs[i], vecs[j]
                if len(a) > len(b):
                    a, b = b, a
                dot = sum(v * b[w] for w, v in a.items() if w in b)
                score = dot / math.sqrt(norms[i] * norms[j]) if dot else 0.0
                if score >= MIN_LINK:
                    links[(j, i)] = score
            posting.append(i)
    return links


class _Centroids:
    """Groups' summed key weights, with :func:`cosine` of two groups remembered until
    either changes (the merge passes compare the same unchanged pairs again and again).
    The values are computed exactly as :func:`cosine` computes them."""

    def __init__(self):
        self.vec: dict[int, Counter] = {}
        self.version: dict[int, int] = {}
        self._square: dict[int, float] = {}
        self._cosine: dict[tuple[int, int], tuple[int, int, float]] = {}

    def add(self, root: int, v: Mapping[str, float]) -> None:
        self.vec.setdefault(root, Counter()).update(v)
        self._changed(root)

    def merge(self, root: int, other: int) -> None:
        self.vec[root].update(self.vec.pop(other))
        self._changed(root)

    def _changed(self, root: int) -> None:
        self.version[root] = self.version.get(root, 0) + 1
        self._square.pop(root, None)

    def square(self, root: int) -> float:
        sq = self._square.get(root)
        if sq is None:
            sq = self._square[root] = _square(self.vec[root])
        return sq

    def cosine(self, a: int, b: int) -> float:
        va, vb = self.version[a], self.version[b]
        hit = self._cosine.get((a, b))
        if hit is not None and hit[0] == va and hit[1] == vb:
            return hit[2]
        x, y = self.vec[a], self.vec[b]
        if len(x) > len(y):
            x, y = y, x
        dot = sum(v * y[w] for w, v in x.items() if w in y)
        value = dot / math.sqrt(self.square(a) * self.square(b)) if dot else 0.0
        self._cosine[(a, b)] = (va, vb, value)
        return value

    def keep(self, pairs: set[tuple[int, int]]) -> None:
        """Forget the cosines of pairs no longer compared (groups merged away): the cache
        otherwise grows with every pair ever scored."""
        self._cosine = {p: hit for p, hit in self._cosine.items() if p in pairs}


def cluster(keys: Sequence[Keys]) -> list[list[int]]:
    """Group statement indexes into propositions.

    Near-duplicates (cosine of weighted keys at least :data:`NEAR_DUPLICATE`) are joined
    first; then groups are merged, most similar first, while the cosine of their summed
    key weights (their centroids) stays at least :data:`MERGE`. Comparing centroids, not
    single pairs, keeps one loose link from chaining two stories into one claim.

    >>> ks = [content_keys(t) for t in ("the talks were delayed", "x", "the meeting was postponed")]
    >>> cluster(ks)
    [[0, 2], [1]]
    """
    vecs = weights(keys)
    links = _links(keys, vecs)
    sets = DisjointSets(range(len(keys)))
    for (i, j), score in links.items():
        if score >= NEAR_DUPLICATE:
            sets.union(i, j)
    centroids = _Centroids()
    for i, v in enumerate(vecs):
        centroids.add(sets.find(i), v)
    pairs = _group_pairs(sets, links)
    del links, vecs  # the largest structures: the merge passes need only the groups' pairs
    for _ in range(MAX_MERGE_ROUNDS):
        if not _merge_pass(sets, centroids, pairs):
            break
        pairs = _group_pairs(sets, pairs)
        centroids.keep(pairs)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        groups[sets.find(i)].append(i)
    return list(groups.values())


def _group_pairs(sets: DisjointSets, pairs: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """The pairs of distinct groups that ``pairs`` of members (or of earlier groups) link."""
    return {(min(a, b), max(a, b)) for a, b in ((sets.find(i), sets.find(j)) for i, j in pairs) if a != b}


def _merge_pass(sets: DisjointSets, centroids: _Centroids, pairs: set[tuple[int, int]]) -> bool:
    """Merge linked groups, most similar first, while their centroids' cosine stays at
    least :data:`MERGE`; True if any two groups merged."""
    scored = sorted(((centroids.cosine(a, b), a, b) for a, b in pairs), key=lambda t: (-t[0], t[1], t[2]))
    merged = False
    for _, a, b in scored:
        a, b = sets.find(a), sets.find(b)
        if a == b or centroids.cosine(a, b) < MERGE:
            continue
        root = sets.union(a, b)
        centroids.merge(root, b if root == a else a)
        merged = True
    return merged


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


def label_of(text: str) -> str:
    """A claim's readable label: its representative statement without quotation marks,
    a leading "that" or trailing punctuation, capitalised, at most :data:`LABEL_CHARS`
    characters (cut at a word).

    >>> label_of("that “the visit was canceled.”")
    'The visit was canceled'
    """
    t = " ".join(text.replace("\u201c", "").replace("\u201d", "").replace('"', "").split())
    if t.lower().startswith("that "):
        t = t[5:]
    t = t.strip(" ,;:.-\u2013\u2014")
    if len(t) > LABEL_CHARS:
        t = t[:LABEL_CHARS].rsplit(" ", 1)[0] + " ..."
    return t[:1].upper() + t[1:]


def group_claims(attributions: Iterable[Attribution],
                 publishers: Mapping[str, str | None] | None = None,
                 keys: Mapping[str, Keys] | None = None) -> list[Claim]:
    """Group attributions into :class:`~quotes.types.Claim` records with their flags.

    ``publishers`` maps an article id to its publisher (the outermost relay); ``keys``
    may pass statements' keys already computed (statement id -> Keys). Claims come
    largest first; statements by article and offset.

    >>> from quotes.types import Attribution, Speaker
    >>> a = Attribution("d", "indirect", "Banksy has not been arrested", 0, 28, "said",
    ...                 "asserts", Speaker("his agent", "his agent", "anonymous"))
    >>> b = Attribution("e", "indirect", "Banksy was arrested", 0, 19, "reported",
    ...                 "asserts", Speaker("Daily Mail", "Daily Mail", "outlet"))
    >>> [c.text for c in group_claims([a, b])], group_claims([a, b])[0].flag_names
    (['Banksy was arrested'], ['contradicted', 'single_source'])
    """
    statements = list(attributions)
    known = keys or {}
    keys = [known.get(a.id) or claim_keys(a.statement) for a in statements]
    claims = []
    for members in cluster(keys):
        rep = _representative(members, keys)
        negated = keys[rep].negated
        members = sorted(members, key=lambda i: (statements[i].doc, statements[i].start,
                                                 statements[i].end, statements[i].key))
        pairs = [(statements[i], keys[i].negated != negated) for i in members]
        text = statements[rep].statement
        claims.append((len(members), min(members), Claim(
            id=claim_id(statements[rep]), text=text,
            statements=tuple(a for a, _ in pairs), flags=claim_flags(pairs, publishers),
            label=label_of(text))))
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
    return claim_keys(a.statement).negated != claim_keys(claim.text).negated


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
