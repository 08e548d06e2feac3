"""Querying a store in SQL: full-text search (FTS5) of statements and articles, and
everything a source said (the store's answer to :func:`quotes.claims.graph.said_by`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import TYPE_CHECKING, Iterable

from quotes.errors import InputError, NotFoundError, StoreError
from quotes.results import Table
from quotes.types import ARTICLE_METADATA

if TYPE_CHECKING:
    from quotes.store.sqlite import Store

#: What :func:`search` looks in.
SEARCH_IN = ("statements", "articles")
#: Columns of :func:`search` and :func:`said_by`.
SEARCH_COLUMNS = ("match", "doc", "id", "speaker", "stance", "snippet", "claim", *ARTICLE_METADATA)
SAID_BY_COLUMNS = ("statement", "doc", "start", "end", "content", "stance", "chain", "claim",
                   "claim_text", *ARTICLE_METADATA)


def search(store: Store, text: str, *, where: Iterable[str] = SEARCH_IN, limit: int = 20) -> Table:
    """Full-text search (FTS5, case and accents ignored, every word must occur) over
    statements (content and speaker) and articles (title and text): the best
    ``limit`` of each, with a snippet (matches in [brackets]), the statement's claim
    and the article's metadata.

    >>> from quotes.store.sqlite import Store
    >>> from quotes.types import Article, Attribution, Speaker
    >>> st = Store(":memory:")
    >>> art = Article("d1", "Ann Lee said the bridge was closed.", publisher="Daily")
    >>> a = Attribution("d1", "indirect", "the bridge was closed", 13, 34, "said", "asserts",
    ...                 Speaker("Ann Lee", "Ann Lee", "person"))
    >>> _ = st.write([(art, [a])], extractor="doc"); _ = st.refresh()
    >>> [(r["match"], r["snippet"]) for r in search(st, "Bridge")]
    [('statement', 'the [bridge] was closed'), ('article', 'Ann Lee said the [bridge] was closed.')]
    """
    words = re.findall(r"\w+", text)
    if not words:
        raise InputError("quotes search", f"nothing to search for in {text!r}")
    unknown = set(where) - set(SEARCH_IN)
    if unknown:
        raise InputError("quotes search", f"cannot search {', '.join(sorted(unknown))}; "
                         f"expected {' or '.join(SEARCH_IN)}")
    require_fresh(store)
    query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    rows: list[dict] = []
    if "statements" in where:
        rows += _rows(store.conn, """
            SELECT 'statement' AS match, a.doc, a.id, a.speaker, a.stance,
                   snippet(statements_fts, 0, '[', ']', '…', 24) AS snippet, cs.claim,
                   ar.publisher, ar.date, ar.url, ar.title, ar.author
            FROM statements_fts JOIN attributions a ON a.rowid = statements_fts.rowid
            JOIN articles ar ON ar.id = a.doc
            LEFT JOIN claim_statements cs ON cs.doc = a.doc AND cs.n = a.n
            WHERE statements_fts MATCH ? ORDER BY bm25(statements_fts) LIMIT ?""", (query, limit))
    if "articles" in where:
        rows += _rows(store.conn, """
            SELECT 'article' AS match, ar.id AS doc, ar.id, NULL AS speaker, NULL AS stance,
                   snippet(articles_fts, -1, '[', ']', '…', 24) AS snippet, NULL AS claim,
                   ar.publisher, ar.date, ar.url, ar.title, ar.author
            FROM articles_fts JOIN articles ar ON ar.rowid = articles_fts.rowid
            WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?""", (query, limit))
    return Table(rows, SEARCH_COLUMNS, title=f"search: {text}")


def said_by(store: Store, source: str) -> Table:
    """Everything ``source`` said (its name matched with case and accents ignored),
    with each statement's claim and article metadata: the store's answer to
    :func:`quotes.claims.graph.said_by`, in SQL. :class:`~quotes.errors.NotFoundError`
    when no statement has that speaker.

    >>> from quotes.store.sqlite import Store
    >>> said_by(Store(":memory:"), "Nobody")
    Traceback (most recent call last):
    ...
    quotes.errors.NotFoundError: no source named 'Nobody'
    """
    from quotes.lexicons import fold

    require_fresh(store)
    store.conn.create_function("quotes_fold", 1, fold, deterministic=True)
    rows = _rows(store.conn, """
        SELECT id AS statement, doc, start, "end", content, stance, chain, claim, claim_text,
               publisher, date, url, title, author
        FROM statement_details WHERE quotes_fold(speaker) = ? ORDER BY doc, start""",
                 (fold(source),))
    if not rows:
        raise NotFoundError(f"no source named {source!r}")
    for r in rows:
        r["chain"] = " > ".join(x["name"] for x in json.loads(r["chain"]))
    return Table(rows, SAID_BY_COLUMNS, title=f"said by {source}")


def require_fresh(store: Store) -> None:
    """Refuse to search a store whose derived tables and index lag behind (an interrupted run)."""
    if store.stale:
        raise StoreError(f"{store.path}: the search index lags behind the stored articles (a run was "
                         f"interrupted); run `quotes ingest ... --db {store.path}` again to finish it")


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[dict]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur]
