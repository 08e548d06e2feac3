"""Read queries over the store and the view models the pages and the API render.

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
>>> with db.connect() as conn:
...     [s["speaker"]["name"] for s in claim_detail(conn, page["rows"][0]["id"])["statements"]]
['Ann Lee']
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from quotes.claims.flags import effective_stance, origin_of, path_of
from quotes.claims.group import find_claim
from quotes.claims.normalize import content_keys, fold
from quotes.errors import NotFoundError
from quotes.types import FLAGS, Attribution, Claim

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
MAX_TERMS = 6
MIN_TERM = 3
#: Stances that answer a report in the same article (graph edges statement -> statement).
ANSWER_KEYS = ("confirms", "denies", "cannot_confirm")
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


def _claim_rows(conn: sqlite3.Connection, ids: list[str]) -> list[dict]:
    if not ids:
        return []
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
                    "flags": [f for f in flags.split(",") if f],
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
                    "flags": [f for f in flags.split(",") if f], "articles": len(docs),
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
    """Words to look for in claim texts: the query's entities and content words (the
    library's keys), then its other longer words."""
    keys = content_keys(q)
    terms = sorted(keys.entities) + sorted(keys.words)
    terms += [w for w in (fold(m) for m in _WORD.findall(q)) if len(w) >= MIN_TERM]
    out: list[str] = []
    for t in terms:
        if t not in out and len(t) >= MIN_TERM:
            out.append(t)
    return out[:MAX_TERMS]


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_page(db, query: ClaimsQuery) -> dict[str, Any]:
    """Claims matching a claim typed in the user's own words: candidates sharing its words,
    the best of them picked by the library's claim lookup
    (:func:`quotes.claims.group.find_claim`) and put first."""
    terms = _terms(query.q)
    if not terms:
        raise BadParameter(f"q {query.q!r} has no words to look for")
    hits = " + ".join("(text LIKE ? ESCAPE '\\')" for _ in terms)
    sql = (f"SELECT id, text, hits FROM (SELECT id, text, rank, {hits} AS hits FROM claims) "
           f"WHERE hits > 0 {'AND id IN (SELECT claim FROM claim_flags WHERE flag = ?)' if query.flag else ''} "
           "ORDER BY hits DESC, rank LIMIT ?")
    args: list[Any] = [_like(t) for t in terms] + ([query.flag] if query.flag else [])
    with db.connect() as conn:
        found = conn.execute(sql, args + [SEARCH_CANDIDATES]).fetchall()
        try:
            best = find_claim([Claim(cid, text) for cid, text, _ in found], query.q).id
        except NotFoundError:
            best = None
        ids = [cid for cid, _, _ in found]
        if best is not None:
            ids.remove(best)
            ids.insert(0, best)
        offset = (query.page - 1) * query.per_page
        rows = _claim_rows(conn, ids[offset:offset + query.per_page])
    return {"rows": rows, "query": query, "best": best, **_pages(len(ids), query.page, query.per_page)}


# --- one claim ----------------------------------------------------------------------------


def _attribution(record: str) -> Attribution:
    return Attribution.from_dict(json.loads(record))


def _answers(conn: sqlite3.Connection, a: Attribution) -> list[dict]:
    """The reports a confirmation or denial answers (graph edges statement -> statement)."""
    out = []
    for dst, key in conn.execute(
            "SELECT dst, key FROM edges WHERE src = ? AND key IN (?, ?, ?) AND dst LIKE 'statement:%'",
            (f"statement:{a.id}", *ANSWER_KEYS)):
        sid = dst.split(":", 1)[1]
        row = conn.execute("SELECT speaker, speaker_kind FROM attributions WHERE doc = ? AND id = ?",
                           (sid.rsplit(":", 1)[0], sid)).fetchone()
        if row:
            out.append({"stance": key, "name": row[0], "kind": row[1], "key": source_key(row[0])})
    return sorted(out, key=lambda r: (r["name"], r["stance"]))


def statement_view(a: Attribution, publisher: str | None, flipped: bool | None = None) -> dict:
    """One statement for display: record, stance toward its claim, path and origin."""
    path = path_of(a, publisher)
    origin = origin_of(a, publisher)
    return {
        "id": a.id, "doc": a.doc, "type": a.type, "content": a.content, "start": a.start,
        "end": a.end, "cue": a.cue, "stance": a.stance,
        "effective_stance": effective_stance(a.stance, bool(flipped)) if flipped is not None else a.stance,
        "speaker": {"name": a.speaker.name, "kind": a.speaker.kind, "key": source_key(a.speaker.name)},
        "chain": [link.name for link in a.chain],
        "path": [{"name": n, "kind": k, "key": source_key(n)} for n, k in path],
        "origin": {"name": origin.name, "kind": origin.kind, "named": origin.named},
    }


def claim_detail(conn: sqlite3.Connection, cid: str, page: int = 1,
                 per_page: int = PER_PAGE, summary: dict | None = None) -> dict[str, Any]:
    """A stored claim: text, flags with reasons, and one page of its statements (by date)
    with article, stance toward the claim, path and the reports each answers."""
    row = conn.execute("SELECT id, text, statements, flags FROM claims WHERE id = ?", (cid,)).fetchone()
    if row is None:
        raise NotFoundError(f"no claim {cid!r}")
    flags = [{"name": f, "reasons": json.loads(r)} for f, r in conn.execute(
        "SELECT flag, reasons FROM claim_flags WHERE claim = ?", (cid,))]
    order = {f: i for i, f in enumerate(row[3].split(","))}
    flags.sort(key=lambda f: order.get(f["name"], len(order)))
    statements = []
    for doc, flipped, record, publisher, date, title, url in conn.execute(
            "SELECT cs.doc, cs.flipped, a.record, ar.publisher, ar.date, ar.title, ar.url "
            "FROM claim_statements cs JOIN attributions a ON a.doc = cs.doc AND a.n = cs.n "
            "JOIN articles ar ON ar.id = cs.doc WHERE cs.claim = ? "
            "ORDER BY ar.date IS NULL, ar.date, cs.doc, a.start LIMIT ? OFFSET ?",
            (cid, per_page, (page - 1) * per_page)):
        a = _attribution(record)
        view = statement_view(a, publisher, bool(flipped))
        view["article"] = {"id": doc, "publisher": publisher, "date": date, "title": title, "url": url}
        view["answers"] = _answers(conn, a)
        statements.append(view)
    if summary is None:
        summary = _summaries(conn, [cid]).get(cid, {})
    counts = {k: summary.get(k) for k in ("articles", "sources", "first_seen", "last_seen")}
    return {"id": row[0], "text": row[1], "flags": flags, "statements": statements,
            **counts, **_pages(row[2], page, per_page)}


# --- one article ---------------------------------------------------------------------------


def article_detail(conn: sqlite3.Connection, doc: str) -> dict[str, Any]:
    """An article with its metadata and every attribution in it (with its claim)."""
    row = conn.execute("SELECT id, text, publisher, date, url, title, author FROM articles WHERE id = ?",
                       (doc,)).fetchone()
    if row is None:
        raise NotFoundError(f"no article {doc!r}")
    attributions = []
    for n, record in conn.execute("SELECT n, record FROM attributions WHERE doc = ? ORDER BY n", (doc,)):
        a = _attribution(record)
        view = statement_view(a, row[2])
        view.update(n=n, parts=[list(p) for p in a.spans], key=a.key,
                    speaker_span=[a.speaker.start, a.speaker.end] if a.speaker.start is not None else None,
                    cue_span=[a.cue_start, a.cue_end] if a.cue_start is not None else None)
        claim = conn.execute(
            "SELECT c.id, c.text, c.flags, cs.flipped FROM claim_statements cs "
            "JOIN claims c ON c.id = cs.claim WHERE cs.claim IN "
            "(SELECT substr(dst, 7) FROM edges WHERE src = ? AND key = 'about') AND cs.doc = ? AND cs.n = ?",
            (f"statement:{a.id}", doc, n)).fetchone()
        if claim:
            view["claim"] = {"id": claim[0], "text": claim[1],
                             "flags": [f for f in claim[2].split(",") if f]}
            view["effective_stance"] = effective_stance(a.stance, bool(claim[3]))
        else:
            view["claim"] = None
        attributions.append(view)
    return {"id": row[0], "text": row[1], "publisher": row[2], "date": row[3], "url": row[4],
            "title": row[5], "author": row[6], "publisher_key": source_key(row[2]) if row[2] else None,
            "attributions": attributions}


# --- one source ----------------------------------------------------------------------------


def source_detail(conn: sqlite3.Connection, key: str, page: int = 1,
                  per_page: int = PER_PAGE) -> dict[str, Any]:
    """Everything a source (by folded name) said, with the claims and their flags, and the
    articles it published; unnamed sources carried by different relays are listed apart."""
    nodes = conn.execute(
        "SELECT id, name, kind, statements FROM sources WHERE id = ? OR "
        "(id >= ? AND id < ?) ORDER BY id",
        (f"source:{key}", f"source:{key}@", f"source:{key}A")).fetchall()
    if not nodes:
        raise NotFoundError(f"no source named {key!r}")
    node_ids = [n[0] for n in nodes]
    marks = ",".join("?" * len(node_ids))
    said = [r[0].split(":", 1)[1] for r in conn.execute(
        f"SELECT dst FROM edges WHERE src IN ({marks}) AND key = 'said' ORDER BY dst", node_ids)]
    total = len(said)
    statements = []
    for sid in said[(page - 1) * per_page: page * per_page]:
        doc = sid.rsplit(":", 1)[0]
        r = conn.execute(
            "SELECT a.record, ar.publisher, ar.date, ar.title, c.id, c.text, c.flags, cs.flipped "
            "FROM attributions a JOIN articles ar ON ar.id = a.doc "
            "LEFT JOIN claim_statements cs ON cs.doc = a.doc AND cs.n = a.n "
            "AND cs.claim = (SELECT substr(dst, 7) FROM edges WHERE src = ? AND key = 'about') "
            "LEFT JOIN claims c ON c.id = cs.claim WHERE a.doc = ? AND a.id = ?",
            (f"statement:{sid}", doc, sid)).fetchone()
        if r is None:
            continue
        view = statement_view(_attribution(r[0]), r[1], None if r[7] is None else bool(r[7]))
        view["article"] = {"id": doc, "publisher": r[1], "date": r[2], "title": r[3]}
        view["claim"] = ({"id": r[4], "text": r[5], "flags": [f for f in r[6].split(",") if f]}
                         if r[4] else None)
        statements.append(view)
    published = [{"id": i, "title": t, "date": d} for i, t, d in conn.execute(
        f"SELECT ar.id, ar.title, ar.date FROM edges e JOIN articles ar ON ar.id = substr(e.dst, 9) "
        f"WHERE e.src IN ({marks}) AND e.key = 'published' ORDER BY ar.date DESC, ar.id LIMIT ?",
        node_ids + [per_page])]
    n_published = conn.execute(
        f"SELECT COUNT(*) FROM edges WHERE src IN ({marks}) AND key = 'published'", node_ids).fetchone()[0]
    return {"key": key, "name": nodes[0][1],
            "nodes": [{"id": i, "name": n, "kind": k, "statements": s} for i, n, k, s in nodes],
            "statements": statements, "published": published, "published_total": n_published,
            **_pages(total, page, per_page)}


# --- checking a claim typed in free text ------------------------------------------------------


def has_check() -> bool:
    """Whether this version of the library checks claims (:meth:`Corpus.check`)."""
    from quotes.claims.corpus import Corpus
    return hasattr(Corpus, "check")


def stored_corpus(conn: sqlite3.Connection):
    """The stored articles and attributions as an in-memory
    :class:`~quotes.claims.corpus.Corpus`, with its claim index built (what a check needs;
    cached until the claims change, built in the background)."""
    import dataclasses

    from quotes.claims.corpus import Corpus
    from quotes.types import Article
    by_doc: dict[str, list[Attribution]] = {}
    for doc, record, sentence in conn.execute(
            "SELECT doc, record, sentence FROM attributions ORDER BY doc, n"):
        a = _attribution(record)
        by_doc.setdefault(doc, []).append(dataclasses.replace(a, sentence=sentence)
                                          if sentence is not None else a)
    corpus = Corpus((Article(*row), by_doc.get(row[0], [])) for row in conn.execute(
        "SELECT id, text, publisher, date, url, title, author FROM articles ORDER BY id"))
    corpus.candidates("warm up")  # builds the claims and their index now, not on a request
    return corpus


def check_view(corpus, text: str, stored: set[str]) -> dict[str, Any]:
    """:meth:`Corpus.check` of ``text`` as a dict for the page and the API, plus the
    statements' paths for the provenance tree and which candidates are stored claims."""
    text = text.strip()
    if not text:
        raise BadParameter("q is empty: give a claim, e.g. \"Putin's visit to Turkey was postponed\"")
    if len(text) > 500:
        raise BadParameter("q must be at most 500 characters")
    result = corpus.check(text)
    data = result.to_dict()
    for art in data["articles"]:
        for e in art["evidence"]:
            e["record"]["speaker"]["key"] = source_key(e["record"]["speaker"]["name"])
    arts = {a.doc: a for a in result.articles}
    tree = []
    for r in result.repeats:
        art = arts.get(r.doc)
        hops = [{"name": n, "kind": "outlet" if i == 0 and art and n == art.publisher else "unknown",
                 "key": source_key(n)} for i, n in enumerate(r.via)]
        tree.append({"article": {"id": r.doc, "title": art.title if art else None},
                     "effective_stance": r.stance, "answers": [],
                     "path": hops + [{"name": r.speaker, "kind": r.kind, "key": source_key(r.speaker)}]})
    data["tree"] = tree
    for cand in data["candidates"]:
        cand["stored"] = cand["claim"] in stored
    if data["claim"]:
        data["claim"]["stored"] = data["claim"]["id"] in stored
    return data
