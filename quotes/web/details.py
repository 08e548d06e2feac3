"""The detail pages' view models: one claim (flags with reasons, its statements by date with
stance toward the claim, path and the reports each answers), one article (every attribution
with its claim), one source (what it said, what it published).

Bound-parameter SQL on primary keys, paginated; stances, paths and origins come from the
library (:mod:`quotes.claims.flags`).

>>> import tempfile, os
>>> from quotes.store.sqlite import Store
>>> from quotes.types import Article, Attribution, Speaker
>>> path = os.path.join(tempfile.mkdtemp(), "q.db")
>>> with Store(path) as st:
...     _ = st.write([(Article("d1", "Ann Lee said the bridge was closed.", publisher="Daily"),
...                    [Attribution("d1", "indirect", "the bridge was closed", 13, 34, "said",
...                                 "asserts", Speaker("Ann Lee", "Ann Lee", "person", 0, 7))])],
...                  extractor="doc")
...     _ = st.refresh()
>>> from quotes.web.db import ReadOnlyStore
>>> with ReadOnlyStore(path).connect() as conn:
...     art = article_detail(conn, "d1")
...     [(a["speaker"]["name"], a["claim"]["text"]) for a in art["attributions"]]
[('Ann Lee', 'the bridge was closed')]
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from quotes.claims.flags import effective_stance, origin_of, path_of
from quotes.errors import NotFoundError
from quotes.types import Attribution
from quotes.web.queries import PER_PAGE, _pages, _summaries, source_key

#: Stances that answer a report in the same article (graph edges statement -> statement).
ANSWER_KEYS = ("confirms", "denies", "cannot_confirm")


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
    order = {f: i for i, f in enumerate(json.loads(row[3]))}
    flags.sort(key=lambda f: order.get(f["name"], len(order)))
    statements = []
    for doc, flipped, record, publisher, date, title, url in conn.execute(
            # the page's (doc, n) first, by date, then only their records are read
            "SELECT p.doc, p.flipped, a.record, ar.publisher, ar.date, ar.title, ar.url FROM "
            "(SELECT cs.doc, cs.n, cs.flipped FROM claim_statements cs JOIN articles d ON d.id = cs.doc "
            " WHERE cs.claim = ? ORDER BY d.date IS NULL, d.date, cs.doc, cs.n LIMIT ? OFFSET ?) AS p "
            "JOIN attributions a ON a.doc = p.doc AND a.n = p.n JOIN articles ar ON ar.id = p.doc "
            "ORDER BY ar.date IS NULL, ar.date, p.doc, p.n",
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
                             "flags": json.loads(claim[2])}
            view["effective_stance"] = effective_stance(a.stance, bool(claim[3]))
        else:
            view["claim"] = None
        attributions.append(view)
    return {"id": row[0], "text": row[1], "publisher": row[2], "date": row[3], "url": row[4],
            "title": row[5], "author": row[6], "publisher_key": source_key(row[2]) if row[2] else None,
            "attributions": attributions}


# --- one source ----------------------------------------------------------------------------


def _in_text_order(statement_id: str) -> tuple[str, int, str]:
    """Sort key of a statement id (``doc:start-end[~key]``): article, then place in it.

    >>> sorted(["d:447-558", "d:1023-1159"], key=_in_text_order)
    ['d:447-558', 'd:1023-1159']
    """
    doc, span = statement_id.rsplit(":", 1)
    start = span.split("-", 1)[0]
    return doc, int(start) if start.isdigit() else 0, span


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
    said = sorted((r[0].split(":", 1)[1] for r in conn.execute(
        f"SELECT dst FROM edges WHERE src IN ({marks}) AND key = 'said'", node_ids)), key=_in_text_order)
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
        view["claim"] = ({"id": r[4], "text": r[5], "flags": json.loads(r[6])}
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
