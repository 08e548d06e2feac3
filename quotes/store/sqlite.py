"""The persistent corpus: one SQLite file holding articles, attributions and what is
derived from them (sources, claims with flags, graph edges), with full-text search and
views for SQL, pandas, sqlite-utils and Datasette users. The tables, views and migrations
are in :mod:`quotes.store.schema`; opening a file and its errors in
:mod:`quotes.store.connect`; full-text search and said-by in :mod:`quotes.store.search`.

Every write is one transaction, so a killed process leaves the file as of its last
commit. Opening is careful: ``readonly=True`` (what the query commands use) opens the file
through a ``mode=ro`` URI, so querying works on read-only media and never writes; a SQLite
file that is not a quotes store (another application's, or an empty file given to a read
command) is refused without a table written to it; a writer waits ``busy_timeout``
seconds (default :data:`BUSY_TIMEOUT`, ``QUOTES_BUSY_TIMEOUT``) for another writer's lock.
Every SQLite failure (locked, read-only, disk full, not a database) is a
:class:`~quotes.errors.StoreError` with a one-line message. Queries run on :meth:`Store.corpus`, an in-memory
:class:`~quotes.claims.corpus.Corpus` rebuilt from the stored articles and attributions.

>>> import tempfile, os
>>> from quotes.types import Speaker
>>> st = Store(os.path.join(tempfile.mkdtemp(), "q.db"))
>>> art = Article("d1", "Ann Lee said the bridge was closed.", publisher="Daily")
>>> a = Attribution("d1", "indirect", "the bridge was closed", 13, 34, "said", "asserts",
...                 Speaker("Ann Lee", "Ann Lee", "person"))
>>> st.write([(art, [a])], extractor="doc")
1
>>> st.refresh(), st.counts()["claims"], st.corpus().trace("bridge closed").paths()
(True, 1, [['Daily', 'Ann Lee']])
>>> st.close()
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import contextlib
import os
import sqlite3
from typing import Any, Iterable, Iterator

from quotes.claims.corpus import Corpus
from quotes.errors import StoreError
from quotes.store import voice
from quotes.results import Table
from quotes.store.connect import (  # noqa: F401 (BUSY_TIMEOUT, ENV_BUSY_TIMEOUT: imported from here)
    BUSY_TIMEOUT, ENV_BUSY_TIMEOUT, connect, resolve_busy_timeout, sqlite_message,
)
from quotes.store.schema import (  # noqa: F401 (imported from here: VIEWS, MIGRATIONS, ...)
    DERIVED, MIGRATIONS, SCHEMA, SCHEMA_VERSION, TABLES, VIEWS, ensure_schema,
)
from quotes.store.search import SAID_BY_COLUMNS, SEARCH_COLUMNS, SEARCH_IN, said_by, search  # noqa: F401
from quotes.types import Article, Attribution

#: Where the store lives unless told otherwise.
DEFAULT_DB = "quotes.db"


def article_hash(article: Article) -> str:
    """SHA-256 of an article's fields (text and metadata): its content key in the store.

    >>> article_hash(Article("a", "x")) == article_hash(Article("a", "x"))
    True
    >>> article_hash(Article("a", "x")) == article_hash(Article("a", "x", publisher="P"))
    False
    """
    fields = article.to_dict()
    if fields.get("author") is None:  # keeps the hashes of stores written before authors were read
        del fields["author"]
    blob = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class Store:
    """One SQLite file holding a corpus; see the module docstring for the schema.

    ``create=False`` refuses to make a new file (:class:`~quotes.errors.StoreError`);
    ``readonly=True`` opens it read-only (it must exist and be a quotes store);
    ``busy_timeout`` is how many seconds a write waits for another writer's lock.

    >>> Store("/nonexistent/dir/q.db", create=False)
    Traceback (most recent call last):
    ...
    quotes.errors.StoreError: no store at /nonexistent/dir/q.db (run `quotes ingest ... --db /nonexistent/dir/q.db`
    first)
    """

    def __init__(self, path: str | os.PathLike = DEFAULT_DB, *, create: bool = True,
                 readonly: bool = False, busy_timeout: float | None = None):
        self.path = os.fspath(path)
        self.readonly = readonly
        self.busy_timeout = resolve_busy_timeout(busy_timeout)
        memory = self.path == ":memory:"
        if (readonly or not create) and not memory and not os.path.isfile(self.path):
            raise StoreError(f"no store at {self.path} (run `quotes ingest ... --db {self.path}` first)")
        if readonly and not memory and os.path.getsize(self.path) == 0:
            raise StoreError(f"{self.path} is an empty file, not a quotes store "
                             f"(run `quotes ingest ... --db {self.path}` first)")
        with self._errors("open"):
            self.conn = self._connect(memory)
            try:
                self._check_or_create()
            except BaseException:
                self.conn.close()
                raise

    def _connect(self, memory: bool) -> sqlite3.Connection:
        return connect(self.path, readonly=self.readonly, memory=memory, timeout=self.busy_timeout)

    def _check_or_create(self) -> None:
        ensure_schema(self)

    @contextlib.contextmanager
    def _errors(self, doing: str):
        """SQLite's errors as one-line :class:`StoreError` messages saying what to do."""
        try:
            yield
        except sqlite3.Error as err:
            raise StoreError(sqlite_message(self.path, doing, err, self.busy_timeout)) from None

    # --- plumbing -------------------------------------------------------------------------

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        c = self.counts()
        return f"<Store {self.path}: {c['articles']} articles, {c['attributions']} attributions>"

    def close(self) -> None:
        """Close the connection (uncommitted work is rolled back). The last writer to close
        leaves the file in rollback-journal mode, so that readers need no ``-wal``/``-shm``
        files beside it (read-only media; a query leaves no file behind)."""
        if not self.readonly and self.path != ":memory:":
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA busy_timeout = 0")  # another connection open: stay in WAL
                self.conn.execute("PRAGMA journal_mode = DELETE")
        self.conn.close()

    def _meta(self, key: str) -> str | None:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:  # no meta table yet: a new file
            return None
        return row[0] if row else None

    @contextlib.contextmanager
    def _transaction(self):
        if self.readonly:
            raise StoreError(f"{self.path} was opened read-only")
        with self._errors("write"):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    # --- writing ---------------------------------------------------------------------------

    def lookup(self, article_id: str) -> tuple[str, str] | None:
        """``(hash, extractor)`` of a stored article, or ``None``.

        >>> Store(":memory:").lookup("nope") is None
        True
        """
        row = self.conn.execute("SELECT hash, extractor FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def write(self, items: Iterable[tuple[Article, list[Attribution]]], *, extractor: str) -> int:
        """Store articles with their attributions in one transaction; returns how many.

        An article already stored under the same id is replaced, and its old attributions
        with it. Either every item is written or (on any error) none is.

        >>> st = Store(":memory:")
        >>> st.write([(Article("a", "Hi."), [])], extractor="x"), st.counts()["articles"]
        (1, 1)
        """
        n = 0
        with self._transaction():
            for art, attrs in items:
                h = article_hash(art)
                self.conn.execute("DELETE FROM attributions WHERE doc = ?", (art.id,))
                self.conn.execute(
                    "INSERT OR REPLACE INTO articles (id, hash, extractor, text, publisher, date, url, title, "
                    "author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (art.id, h, extractor, art.text, art.publisher, art.date, art.url, art.title, art.author))
                self.conn.executemany(
                    "INSERT INTO attributions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(art.id, i, a.id, a.type, a.start, a.end, a.content, a.cue, a.stance,
                      a.speaker.name, a.speaker.kind,
                      json.dumps([x.to_dict() for x in a.chain], ensure_ascii=False),
                      a.sentence, json.dumps(a.to_dict(), ensure_ascii=False))
                     for i, a in enumerate(attrs)])
                n += 1
            if n:
                self.conn.execute("UPDATE meta SET value = '1' WHERE key = 'stale'")
        return n

    @property
    def stale(self) -> bool:
        """Whether the derived tables lag behind the stored attributions."""
        return self._meta("stale") == "1"

    def refresh(self, *, force: bool = False) -> bool:
        """Rebuild sources, claims, flags and edges from every stored attribution, in one
        transaction; a no-op (returns False) when nothing changed since the last refresh.

        >>> Store(":memory:").refresh(force=True)
        True
        """
        if not (force or self.stale):
            return False
        corpus, where = self._load()
        claims, G = corpus.claims(), corpus.graph
        from quotes.claims.group import statement_flipped
        with self._transaction():
            for t in DERIVED:
                self.conn.execute(f"DELETE FROM {t}")
            said = {}
            for u, _, k in G.edges(keys=True):
                if k == "said":
                    said[u] = said.get(u, 0) + 1
            self.conn.executemany("INSERT INTO sources VALUES (?, ?, ?, ?)", [
                (node, d["name"], d["source_kind"], said.get(node, 0))
                for node, d in G.nodes(data=True) if d.get("kind") == "source"])
            for rank, c in enumerate(claims):
                self.conn.execute(
                    "INSERT INTO claims (id, rank, text, statements, flags, first_seen, last_seen, "
                    "publishers, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
                        c.id, rank, c.text, len(c.statements), json.dumps(c.flag_names), c.first_seen,
                        c.last_seen, json.dumps(list(c.publishers), ensure_ascii=False), c.label))
                self.conn.executemany("INSERT INTO claim_flags VALUES (?, ?, ?)", [
                    (c.id, f.name, json.dumps(list(f.reasons), ensure_ascii=False)) for f in c.flags])
                self.conn.executemany("INSERT OR IGNORE INTO claim_statements VALUES (?, ?, ?, ?)", [
                    (c.id, *where[id(corpus.record_of(a))], int(statement_flipped(c, a)))
                    for a in c.statements if id(corpus.record_of(a)) in where])  # own voice: derived
            self.conn.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?, ?)", [
                (u, v, str(k), d.get("kind", ""), json.dumps(
                    {x: y for x, y in d.items() if x != "kind"}, ensure_ascii=False, sort_keys=True))
                for u, v, k, d in G.edges(keys=True, data=True)])
            voice.save_own_voice(self.conn, corpus.own_voice_statements())
            for fts in ("statements_fts", "articles_fts"):
                self.conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
            self.conn.execute("UPDATE meta SET value = '0' WHERE key = 'stale'")
        return True

    # --- reading ---------------------------------------------------------------------------

    def articles(self) -> Iterator[Article]:
        """Every stored article, by id.

        >>> list(Store(":memory:").articles())
        []
        """
        for row in self.conn.execute(
                "SELECT id, text, publisher, date, url, title, author FROM articles ORDER BY id"):
            yield Article(*row)

    def attributions(self, doc: str | None = None) -> list[Attribution]:
        """Stored attributions (of one article, or all), by article id and position.

        >>> Store(":memory:").attributions("nope")
        []
        """
        q = "SELECT record, sentence FROM attributions"
        rows = (self.conn.execute(q + " WHERE doc = ? ORDER BY n", (doc,)) if doc is not None
                else self.conn.execute(q + " ORDER BY doc, n"))
        return [_attribution(r, s) for r, s in rows]

    def _load(self) -> tuple[Corpus, dict[int, tuple[str, int]]]:
        by_doc: dict[str, list[Attribution]] = {}
        where: dict[int, tuple[str, int]] = {}
        for doc, n, rec, sent in self.conn.execute(
                "SELECT doc, n, record, sentence FROM attributions ORDER BY doc, n"):
            a = _attribution(rec, sent)
            by_doc.setdefault(doc, []).append(a)
            where[id(a)] = (doc, n)
        corpus = Corpus((art, by_doc.get(art.id, [])) for art in self.articles())
        return corpus, where

    def corpus(self) -> Corpus:
        """The stored articles and attributions as a :class:`~quotes.claims.corpus.Corpus`: the
        same claims, graph, queries and DataFrame views as an in-memory one.

        >>> len(Store(":memory:").corpus())
        0
        """
        return self._load()[0]

    def search(self, text: str, *, where: Iterable[str] = SEARCH_IN, limit: int = 20) -> Table:
        """Full-text search over statements and articles: :func:`quotes.store.search.search`."""
        return search(self, text, where=where, limit=limit)

    def said_by(self, source: str) -> Table:
        """Everything ``source`` said: :func:`quotes.store.search.said_by`."""
        return said_by(self, source)

    def counts(self) -> dict[str, int]:
        """Rows per table.

        >>> Store(":memory:").counts()["articles"]
        0
        """
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every table's rows, sorted: two stores are equal when their snapshots are.

        >>> Store(":memory:").snapshot()["meta"]
        [('schema_version', '4'), ('stale', '0')]
        """
        return {t: sorted(self.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in TABLES}


def _attribution(record: str, sentence: int | None) -> Attribution:
    a = Attribution.from_dict(json.loads(record))
    return dataclasses.replace(a, sentence=sentence) if sentence is not None else a


def load_corpus(path: str | os.PathLike = DEFAULT_DB) -> Corpus:
    """The :class:`~quotes.claims.corpus.Corpus` stored at ``path`` (which must exist),
    read through a read-only connection.

    >>> load_corpus("/nonexistent.db")
    Traceback (most recent call last):
    ...
    quotes.errors.StoreError: no store at /nonexistent.db ...
    """
    with Store(path, readonly=True) as st:
        return st.corpus()


def open_store(path: str | os.PathLike = DEFAULT_DB) -> Store:
    """An existing store, opened for queries (:class:`~quotes.errors.StoreError` when there
    is none at ``path``).

    >>> open_store("/nonexistent.db")
    Traceback (most recent call last):
    ...
    quotes.errors.StoreError: no store at /nonexistent.db ...
    """
    return Store(path, create=False)


def save_corpus(corpus: Corpus, path: str | os.PathLike = DEFAULT_DB, *,
                extractor: str = "quotes.extractors.extract_many") -> Store:
    """Write an in-memory corpus (its articles with their metadata and attributions) to
    the store at ``path`` and refresh its claims, search index and views; returns the
    open store. ``extractor`` is the name stored with the attributions (the default
    extractor's, so that `quotes ingest` of the same files finds them unchanged).

    >>> from quotes.types import Speaker
    >>> c = Corpus([(Article("d1", "Ann said it rained.", publisher="Daily"),
    ...              [Attribution("d1", "indirect", "it rained", 9, 18, "said", "asserts",
    ...                           Speaker("Ann", "Ann", "person"))])])
    >>> st = save_corpus(c, ":memory:")
    >>> st.counts()["claims"], st.said_by("ann").rows[0]["publisher"]
    (1, 'Daily')
    """
    store = Store(path)
    store.write(((art, corpus.attributions_of(art.id)) for art in corpus.articles.values()),
                extractor=extractor)
    store.refresh()
    return store
