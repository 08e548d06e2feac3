"""`quotes check --db`: check a claim against a store without loading all of it.

The store's full-text index over article texts (``articles_fts``, SQLite FTS5) finds the
articles that can be about the claim: every content key of the claim (its lemmas and
names, as prefixes: "postpon" matches "postponed", "postponement") is one alternative,
ranked by BM25, at most :data:`MAX_ARTICLES`. Only those articles and their records are
loaded into a :class:`~quotes.claims.corpus.Corpus` (with their own-voice statements as
the last refresh stored them, :mod:`quotes.store.voice`), which groups, checks and flags them
as usual; an article the index does not find has no word of the claim in it. A store
without the index (an older schema) is searched by a scan of its texts in SQL instead.

>>> import tempfile, os
>>> from quotes.store.sqlite import Store
>>> from quotes.types import Article
>>> db = os.path.join(tempfile.mkdtemp(), "q.db")
>>> with Store(db) as st:
...     _ = st.write([(Article("a", "The bridge over the river was closed on Monday.", publisher="Daily"), []),
...                   (Article("b", "Parliament passed the budget on Tuesday.", publisher="Post"), [])],
...                  extractor="none")
...     _ = st.refresh()
>>> r = check_store(db, "the river bridge was closed")
>>> [(a.doc, a.stance) for a in r.articles]
[('a', 'supports')]
"""

from __future__ import annotations

import dataclasses
import json
import os

from quotes.claims.check import query_problem
from quotes.claims.corpus import Corpus
from quotes.claims.normalize import claim_keys
from quotes.results import Check
from quotes.store.sqlite import Store
from quotes.store.voice import stored_own_voice
from quotes.types import UNRELATED, Article, ArticleCheck, Attribution, CheckResult

#: Most articles loaded for one check (the best BM25 matches).
MAX_ARTICLES = 400
_FIELDS = {f.name for f in dataclasses.fields(Article)}


def _has_index(st: Store) -> bool:
    return st.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'").fetchone() is not None


def candidate_docs(st: Store, claim: str, limit: int = MAX_ARTICLES) -> list[str]:
    """Ids of the stored articles that can be about ``claim``, best first: through the
    full-text index, or (a store without one) the articles whose text holds at least half
    of the claim's keys, most first (a scan of the texts in SQL)."""
    keys = sorted(claim_keys(claim).all)
    if not keys:
        return []
    if not _has_index(st):
        hits = " + ".join("(instr(lower(text), ?) > 0)" for _ in keys)
        rows = st.conn.execute(
            f"SELECT id FROM (SELECT id, {hits} AS n FROM articles) WHERE n * 2 >= ? "
            "ORDER BY n DESC, id LIMIT ?", (*keys, len(keys), limit))
        return [r[0] for r in rows]
    query = " OR ".join('"' + k.replace('"', '""') + '"*' for k in keys)
    rows = st.conn.execute(
        "SELECT ar.id FROM articles_fts JOIN articles ar ON ar.rowid = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?", (query, limit))
    return [r[0] for r in rows]


def _load(st: Store, docs: list[str]) -> Corpus:
    if not docs:
        return Corpus()
    marks = ",".join("?" * len(docs))
    cur = st.conn.execute(f"SELECT * FROM articles WHERE id IN ({marks})", docs)
    names = [d[0] for d in cur.description]
    arts = {}
    for row in cur:
        fields = {k: v for k, v in zip(names, row) if k in _FIELDS}
        arts[fields["id"]] = Article(**fields)
    recs: dict[str, list[Attribution]] = {d: [] for d in arts}
    for doc, rec in st.conn.execute(
            f"SELECT doc, record FROM attributions WHERE doc IN ({marks}) ORDER BY doc, n", docs):
        recs[doc].append(Attribution.from_dict(json.loads(rec)))
    voice = stored_own_voice(st.conn, docs)  # None: found afresh by Corpus.add
    corpus = Corpus()
    for d in docs:
        if d in arts:
            corpus.add(arts[d], recs[d], voice=voice.get(d) if voice is not None else None)
    return corpus


def check_store(db: str | os.PathLike, claim: str, *, all_articles: bool = False,
                limit: int = MAX_ARTICLES) -> Check:
    """:meth:`Corpus.check <quotes.claims.corpus.Corpus.check>` on the store at ``db``,
    loading only the articles its full-text index finds for ``claim`` (see the module).
    ``all_articles`` lists every other stored article as ``unrelated``."""
    problem = query_problem(claim, claim_keys(claim))
    if problem:
        return Check.of(CheckResult(claim, message=problem))
    with Store(db, create=False) as st:
        docs = candidate_docs(st, claim, limit)
        result = _load(st, docs).check(claim, all_articles=all_articles)
        if all_articles and result.claim is not None:
            seen = {a.doc for a in result.articles}
            rest = tuple(ArticleCheck(doc, UNRELATED, (), "no statement about the claim", pub, title)
                         for doc, pub, title in st.conn.execute(
                             "SELECT id, publisher, title FROM articles ORDER BY id")
                         if doc not in seen)
            result = dataclasses.replace(result, articles=result.articles + rest)
    return result
