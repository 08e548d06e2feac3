"""The claims page's queries (list, filter, sort, paginate, search) and request parameters.

Every query is bound-parameter SQL on the store's primary keys and indexes, paginated,
on a read-only connection (:mod:`quotes.web.db`). Whatever is claim logic (stances toward
a claim, paths of a statement, flags) comes from the library: :mod:`quotes.claims.flags`,
:mod:`quotes.claims.group`; here the rows are only fetched and shaped for display.

>>> import tempfile, os
>>> from quotes.store.sqlite import Store
>>> from quotes.types import Article, Attribution, Speaker
>>> path = os.path.join(tempfile.mkdtemp(), "q.db")
>>> with Store(path) as st:
...     _ = st.write([(Article("d1", "Ann Lee said the bridge was closed.", publisher="Daily",
...                            date="2024-05-01"),
...                    [Attribution("d1", "indirect", "the bridge was closed", 13, 34, "said",
...                                 "asserts", Speaker("Ann Lee", "Ann Lee", "person", 0, 7))])],
...                  extractor="doc")
...     _ = st.refresh()
>>> from quotes.web.db import ReadOnlyStore
>>> db = ReadOnlyStore(path)
>>> page = claims_page(db, ClaimsQuery())
>>> [(r["text"], r["flags"], r["articles"], r["last_seen"]) for r in page["rows"]]
[('the bridge was closed', ['single_source'], 1, '2024-05-01')]
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from quotes.claims.group import find_claim
from quotes.claims.normalize import content_keys
from quotes.lexicons import fold
from quotes.errors import NotFoundError
from quotes.types import FLAGS, Claim

#: Sort orders of the claims page: name -> (summary field, descending?).
SORTS = {"statements": ("statements", True), "articles": ("articles", True),
         "sources": ("sources", True), "last_seen": ("last_seen", True),
         "first_seen": ("first_seen", False), "text": ("text", False)}
DEFAULT_SORT = "statements"
PER_PAGE = 50
MAX_PER_PAGE = 200
#: Candidates a search fetches by its words before the library picks the best match.
SEARCH_CANDIDATES = 100
#: Search terms taken from a query (its content keys first, then its longer words).
MAX_TERMS = 8
MIN_TERM = 3
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class BadParameter(ValueError):
    """A query parameter out of range or of the wrong form (HTTP 400)."""


@dataclass(frozen=True)
class ClaimsQuery:
    """What the claims page shows: flag filter, sort, page, page size, search text."""

    flag: str | None = None
    sort: str = DEFAULT_SORT
    page: int = 1
    per_page: int = PER_PAGE
    q: str = ""

    @classmethod
    def parse(cls, params: Any) -> "ClaimsQuery":
        """Validate request parameters (a mapping); :class:`BadParameter` names the bad one.

        >>> ClaimsQuery.parse({"flag": "unconfirmed", "page": "2"}).page
        2
        >>> ClaimsQuery.parse({"sort": "colour"})
        Traceback (most recent call last):
        ...
        quotes.web.queries.BadParameter: sort must be one of statements, ... (got 'colour')
        """
        flag = params.get("flag") or None
        if flag is not None and flag not in FLAGS:
            raise BadParameter(f"flag must be one of {', '.join(FLAGS)} (got {flag!r})")
        sort = params.get("sort") or DEFAULT_SORT
        if sort not in SORTS:
            raise BadParameter(f"sort must be one of {', '.join(SORTS)} (got {sort!r})")
        q = (params.get("q") or "").strip()
        if len(q) > 500:
            raise BadParameter("q must be at most 500 characters")
        return cls(flag, sort, positive_int(params, "page", 1),
                   positive_int(params, "per_page", PER_PAGE, MAX_PER_PAGE), q)


def positive_int(params: Any, name: str, default: int, maximum: int = 1_000_000) -> int:
    """An integer parameter between 1 and ``maximum``.

    >>> positive_int({"page": "x"}, "page", 1)
    Traceback (most recent call last):
    ...
    quotes.web.queries.BadParameter: page must be a whole number from 1 to 1000000 (got 'x')
    """
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= maximum:
        raise BadParameter(f"{name} must be a whole number from 1 to {maximum} (got {raw!r})")
    return value


def _pages(total: int, page: int, per_page: int) -> dict[str, int]:
    return {"total": total, "page": page, "per_page": per_page,
            "pages": max(1, math.ceil(total / per_page))}


def source_key(name: str) -> str:
    """The key of a source's page: its name folded (as :func:`quotes.claims.graph.said_by`
    matches names).

    >>> source_key("Recep Tayyip Erdoğan")
    'recep tayyip erdogan'
    """
    return fold(name)


# --- claims -----------------------------------------------------------------------------


def _summaries(conn: sqlite3.Connection, ids: list[str] | None = None) -> dict[str, dict]:
    """Per claim: articles, sources, first and last date seen (all claims, or ``ids``)."""
    sql = ("SELECT cs.claim, cs.doc, a.speaker, ar.date FROM claim_statements cs "
           "JOIN attributions a ON a.doc = cs.doc AND a.n = cs.n "
           "JOIN articles ar ON ar.id = cs.doc")
    if ids is not None:
        if not ids:
            return {}
        rows = conn.execute(sql + f" WHERE cs.claim IN ({','.join('?' * len(ids))})", ids)
    else:
        rows = conn.execute(sql)
    acc: dict[str, tuple[set, set, list]] = {}
    for claim, doc, speaker, date in rows:
        docs, speakers, dates = acc.setdefault(claim, (set(), set(), []))
        docs.add(doc)
        speakers.add(speaker)
        if date:
            dates.append(date)
    return {c: {"articles": len(d), "sources": len(s),
                "first_seen": min(ds) if ds else None, "last_seen": max(ds) if ds else None}
            for c, (d, s, ds) in acc.items()}


def _claim_rows(conn: sqlite3.Connection, ids: list[str], db=None) -> list[dict]:
    """The claims' rows with their summaries: from the cache when it is ready, else queried."""
    if not ids:
        return []
    cached = cached_claims(db) if db is not None else None
    if cached is not None:
        return [cached[i] for i in ids if i in cached]
    marks = ",".join("?" * len(ids))
    rows = {r[0]: r for r in conn.execute(
        f"SELECT id, rank, text, statements, flags FROM claims WHERE id IN ({marks})", ids)}
    summary = _summaries(conn, ids)
    out = []
    for cid in ids:
        if cid not in rows:
            continue
        _, rank, text, statements, flags = rows[cid]
        out.append({"id": cid, "rank": rank, "text": text, "statements": statements,
                    "flags": json.loads(flags),
                    **summary.get(cid, {"articles": 0, "sources": 0,
                                        "first_seen": None, "last_seen": None})})
    return out


def _all_claims(conn: sqlite3.Connection) -> list[dict]:
    """Every claim with its summary, in rank order (cached until the claims change: the
    claims page sorts and filters it). Three plain scans joined here: far cheaper than one
    join looking up every statement's row."""
    dates = dict(conn.execute("SELECT id, date FROM articles"))
    speakers = {(d, n): s for d, n, s in conn.execute("SELECT doc, n, speaker FROM attributions")}
    acc: dict[str, tuple[set, set, list]] = {}
    for claim, doc, n in conn.execute("SELECT claim, doc, n FROM claim_statements"):
        docs, who, when = acc.setdefault(claim, (set(), set(), []))
        docs.add(doc)
        who.add(speakers.get((doc, n)))
        if dates.get(doc):
            when.append(dates[doc])
    out = []
    for cid, rank, text, n, flags in conn.execute(
            "SELECT id, rank, text, statements, flags FROM claims ORDER BY rank"):
        docs, who, when = acc.get(cid, ((), (), ()))
        out.append({"id": cid, "rank": rank, "text": text, "statements": n,
                    "flags": json.loads(flags), "articles": len(docs),
                    "sources": len(who), "first_seen": min(when) if when else None,
                    "last_seen": max(when) if when else None})
    return out


def cached_claims(db) -> dict[str, dict] | None:
    """Claim id -> summary row, if the background computation is done (else None, and it
    is started)."""
    rows = db.cached("claims", _all_claims, wait=False)
    if rows is None:
        return None
    return db.cached("claims:by_id", lambda _: {r["id"]: r for r in rows})


def _sort_key(field: str, descending: bool):
    def key(row):
        v = row[field]
        missing = v is None
        if isinstance(v, str):
            v = v.casefold()
        return (missing, v if not descending or missing else _Desc(v), row["rank"])
    return key


class _Desc:
    """Reverses the order of one sort field."""

    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v > other.v

    def __eq__(self, other):
        return self.v == other.v


def claims_page(db, query: ClaimsQuery) -> dict[str, Any]:
    """One page of claims (rows with flags, counts and dates) for ``query``.

    The default order (most statements first, the store's claim rank) is an indexed
    query; other orders sort the claims' summaries, cached until the store changes.
    """
    if query.q:
        return search_page(db, query)
    offset = (query.page - 1) * query.per_page
    everything = db.cached("claims", _all_claims, wait=query.sort != DEFAULT_SORT)
    if everything is None:  # the summaries are being computed: an indexed query meanwhile
        with db.connect() as conn:
            if query.flag:
                total = conn.execute("SELECT COUNT(*) FROM claim_flags WHERE flag = ?",
                                     (query.flag,)).fetchone()[0]
                ids = [r[0] for r in conn.execute(
                    "SELECT c.id FROM claim_flags f JOIN claims c ON c.id = f.claim "
                    "WHERE f.flag = ? ORDER BY c.rank LIMIT ? OFFSET ?",
                    (query.flag, query.per_page, offset))]
            else:
                total = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
                ids = [r[0] for r in conn.execute(
                    "SELECT id FROM claims ORDER BY rank LIMIT ? OFFSET ?",
                    (query.per_page, offset))]
            rows = _claim_rows(conn, ids)
    else:
        field, descending = SORTS[query.sort]

        def ordered_rows(_):
            chosen = [r for r in everything if query.flag is None or query.flag in r["flags"]]
            return chosen if query.sort == DEFAULT_SORT else sorted(chosen, key=_sort_key(field, descending))

        ordered = db.cached(f"claims:{query.sort}:{query.flag}", ordered_rows)
        total, rows = len(ordered), ordered[offset:offset + query.per_page]
    return {"rows": rows, "query": query, "best": None, **_pages(total, query.page, query.per_page)}


def _terms(q: str) -> list[str]:
    """The query's words for the full-text index: its entities (whole words), its content
    words as the library's stems (prefixes: ``postpon*`` finds "postponed" and
    "postponement"), then its other longer words as they are.

    >>> _terms("Putin visit postponed")
    ['putin', 'postpon*', 'visit*', 'postponed']
    """
    keys = content_keys(q)
    terms = sorted(keys.entities) + [w + "*" for w in sorted(keys.words)]
    terms += [w for w in (fold(m) for m in _WORD.findall(q))  # other forms of content words
              if len(w) >= MIN_TERM and content_keys(w).all]
    out: list[str] = []
    for t in terms:
        if t not in out and t.rstrip("*") + "*" not in out and len(t.rstrip("*")) >= MIN_TERM:
            out.append(t)
    return out[:MAX_TERMS]


def _fts_query(terms: list[str]) -> str:
    """An FTS5 query matching any of the terms (quoted; a final ``*`` makes a prefix).

    >>> _fts_query(["putin", "postpon*"])
    '"putin" OR "postpon"*'
    """
    return " OR ".join('"' + t.rstrip("*").replace('"', '""') + '"' + ("*" if t.endswith("*") else "")
                       for t in terms)


#: Statements the full-text index hands over (best first) to find the candidate claims.
SEARCH_STATEMENTS = 500


def _candidates(conn: sqlite3.Connection, terms: list[str], flag: str | None) -> list[tuple[str, str]]:
    """``(claim id, text)`` of the claims whose statements best match the terms, best first,
    through the store's full-text index over statements (``statements_fts``, BM25)."""
    rows = conn.execute(
        "SELECT substr(e.dst, 7) FROM (SELECT a.id AS sid FROM statements_fts "
        "JOIN attributions a ON a.rowid = statements_fts.rowid WHERE statements_fts MATCH ? "
        "ORDER BY bm25(statements_fts) LIMIT ?) AS hit "
        "JOIN edges e ON e.src = 'statement:' || hit.sid AND e.key = 'about'",
        (_fts_query(terms), SEARCH_STATEMENTS))
    ids = list(dict.fromkeys(r[0] for r in rows))
    if flag:
        flagged = {r[0] for r in conn.execute(
            f"SELECT claim FROM claim_flags WHERE flag = ? AND claim IN ({','.join('?' * len(ids))})",
            [flag, *ids])} if ids else set()
        ids = [i for i in ids if i in flagged]
    ids = ids[:SEARCH_CANDIDATES]
    texts = dict(conn.execute(f"SELECT id, text FROM claims WHERE id IN ({','.join('?' * len(ids))})",
                              ids)) if ids else {}
    return [(i, texts[i]) for i in ids if i in texts]


def search_page(db, query: ClaimsQuery) -> dict[str, Any]:
    """Claims matching a claim typed in the user's own words: the claims of the statements
    the store's full-text index ranks best for its words and content keys, the best of them
    picked by the library's claim lookup (:func:`quotes.claims.group.find_claim`) and put
    first."""
    terms = _terms(query.q)
    if not terms:
        raise BadParameter(f"q {query.q!r} has no words to look for")
    with db.connect() as conn:
        found = _candidates(conn, terms, query.flag)
        try:
            best = find_claim([Claim(cid, text) for cid, text in found], query.q).id
        except NotFoundError:
            best = None
        ids = [cid for cid, _ in found]
        if best is not None:
            ids.remove(best)
            ids.insert(0, best)
        offset = (query.page - 1) * query.per_page
        rows = _claim_rows(conn, ids[offset:offset + query.per_page], db)
    return {"rows": rows, "query": query, "best": best, **_pages(len(ids), query.page, query.per_page)}
