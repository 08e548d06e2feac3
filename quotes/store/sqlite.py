"""The persistent corpus: one SQLite file holding articles, attributions and what is
derived from them (sources, claims with flags, graph edges).

Schema (``meta.schema_version`` = 2; a version-1 store is upgraded in place when opened for
writing):

- ``meta(key PRIMARY KEY, value)``: ``schema_version``; ``stale`` is ``1`` while the
  derived tables lag behind the stored attributions (set by every write, cleared by
  :meth:`Store.refresh`).
- ``articles(id PRIMARY KEY, hash, extractor, text, publisher, date, url, title, author)``:
  ``hash`` is the SHA-256 of the article's fields (:func:`article_hash`); ``extractor``
  names the function that made its attributions. Same id, hash and extractor: the
  article is unchanged and is not extracted again.
- ``attributions(doc -> articles.id ON DELETE CASCADE, n, id, type, start, end, content,
  cue, stance, speaker, speaker_kind, chain, sentence, record)``, primary key
  ``(doc, n)`` (``n``: position in the article's list); ``id`` is ``doc:start-end`` as
  in the JSON output; ``chain`` the relay names joined by " > "; ``record`` the full
  JSON record (:meth:`~quotes.types.Attribution.to_dict`).

Derived tables, rebuilt together from all stored attributions by :meth:`Store.refresh`:

- ``sources(id PRIMARY KEY, name, kind, statements)``: graph source nodes
  (``source:<folded name>[@<relay>]``) and how many statements they made.
- ``claims(id PRIMARY KEY, rank, text, statements, flags)``: ``rank`` 0 is the largest
  claim; ``flags`` comma-separated names.
- ``claim_flags(claim, flag, reasons)``: one row per flag, ``reasons`` a JSON list.
- ``claim_statements(claim, doc, n, flipped)``: the attributions grouped in a claim
  (``flipped``: the statement negates the claim's text).
- ``edges(src, dst, key, kind, attrs)``: every edge of the provenance graph
  (:mod:`quotes.claims.graph`; node ids ``article:<id>``, ``statement:<attribution id>``,
  ``claim:<id>``, ``source:...``), other attributes as JSON.

Every write is one transaction, so a killed process leaves the file as of its last
commit. Queries run on :meth:`Store.corpus`, an in-memory
:class:`~quotes.claims.corpus.Corpus` rebuilt from the stored articles and attributions.

>>> import tempfile, os
>>> from quotes.types import Article, Attribution, Speaker
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
import os
import sqlite3
from typing import Any, Iterable, Iterator

from quotes.claims.corpus import Corpus
from quotes.errors import StoreError
from quotes.types import Article, Attribution

#: Where the store lives unless told otherwise.
DEFAULT_DB = "quotes.db"
SCHEMA_VERSION = "2"
#: How a store of an older schema version is brought to the next one.
MIGRATIONS = {"1": ("ALTER TABLE articles ADD COLUMN author TEXT",)}
#: Every table, in dependency order.
TABLES = ("meta", "articles", "attributions", "sources", "claims", "claim_flags",
          "claim_statements", "edges")
DERIVED = ("sources", "claims", "claim_flags", "claim_statements", "edges")

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, hash TEXT NOT NULL, extractor TEXT NOT NULL, text TEXT NOT NULL,
    publisher TEXT, date TEXT, url TEXT, title TEXT, author TEXT);
CREATE TABLE IF NOT EXISTS attributions (
    doc TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, n INTEGER NOT NULL,
    id TEXT NOT NULL, type TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    content TEXT NOT NULL, cue TEXT, stance TEXT NOT NULL, speaker TEXT NOT NULL,
    speaker_kind TEXT NOT NULL, chain TEXT NOT NULL, sentence INTEGER, record TEXT NOT NULL,
    PRIMARY KEY (doc, n));
CREATE INDEX IF NOT EXISTS attributions_speaker ON attributions(speaker);
CREATE TABLE IF NOT EXISTS sources (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, statements INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY, rank INTEGER NOT NULL, text TEXT NOT NULL,
    statements INTEGER NOT NULL, flags TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claim_flags (
    claim TEXT NOT NULL, flag TEXT NOT NULL, reasons TEXT NOT NULL, PRIMARY KEY (claim, flag));
CREATE INDEX IF NOT EXISTS claim_flags_flag ON claim_flags(flag);
CREATE TABLE IF NOT EXISTS claim_statements (
    claim TEXT NOT NULL, doc TEXT NOT NULL, n INTEGER NOT NULL, flipped INTEGER NOT NULL,
    PRIMARY KEY (claim, doc, n));
CREATE TABLE IF NOT EXISTS edges (
    src TEXT NOT NULL, dst TEXT NOT NULL, key TEXT NOT NULL, kind TEXT NOT NULL,
    attrs TEXT NOT NULL, PRIMARY KEY (src, dst, key));
"""


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

    ``create=False`` refuses to make a new file (:class:`~quotes.errors.StoreError`).

    >>> Store("/nonexistent/dir/q.db", create=False)
    Traceback (most recent call last):
    ...
    quotes.errors.StoreError: no store at /nonexistent/dir/q.db (run `quotes ingest ... --db /nonexistent/dir/q.db`
    first)
    """

    def __init__(self, path: str | os.PathLike = DEFAULT_DB, *, create: bool = True):
        self.path = os.fspath(path)
        if not create and not os.path.isfile(self.path):
            raise StoreError(f"no store at {self.path} (run `quotes ingest ... --db {self.path}` first)")
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=60)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            version = self._meta("schema_version")
            if version is None:
                with self._transaction():
                    for stmt in SCHEMA.split(";"):
                        if stmt.strip():
                            self.conn.execute(stmt)
                    self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                                      (SCHEMA_VERSION,))
                    self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('stale', '0')")
                version = SCHEMA_VERSION
            while version in MIGRATIONS:
                with self._transaction():
                    for stmt in MIGRATIONS[version]:
                        self.conn.execute(stmt)
                    version = str(int(version) + 1)
                    self.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
            if version != SCHEMA_VERSION:
                raise StoreError(f"{self.path} holds schema version {version}; this quotes reads "
                                 f"version {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path} is not a quotes store ({err})") from None

    # --- plumbing -------------------------------------------------------------------------

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        c = self.counts()
        return f"<Store {self.path}: {c['articles']} articles, {c['attributions']} attributions>"

    def close(self) -> None:
        """Close the connection (uncommitted work is rolled back)."""
        self.conn.close()

    def _meta(self, key: str) -> str | None:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:  # no meta table yet: a new file
            return None
        return row[0] if row else None

    class _Tx:
        def __init__(self, conn):
            self.conn = conn

        def __enter__(self):
            self.conn.execute("BEGIN IMMEDIATE")

        def __exit__(self, exc_type, *_):
            self.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")

    def _transaction(self) -> "_Tx":
        return Store._Tx(self.conn)

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
                      a.speaker.name, a.speaker.kind, " > ".join(x.name for x in a.chain),
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
                self.conn.execute("INSERT INTO claims VALUES (?, ?, ?, ?, ?)",
                                  (c.id, rank, c.text, len(c.statements), ",".join(c.flag_names)))
                self.conn.executemany("INSERT INTO claim_flags VALUES (?, ?, ?)", [
                    (c.id, f.name, json.dumps(list(f.reasons), ensure_ascii=False)) for f in c.flags])
                self.conn.executemany("INSERT OR IGNORE INTO claim_statements VALUES (?, ?, ?, ?)", [
                    (c.id, *where[id(a)], int(statement_flipped(c, a))) for a in c.statements])
            self.conn.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?, ?)", [
                (u, v, str(k), d.get("kind", ""), json.dumps(
                    {x: y for x, y in d.items() if x != "kind"}, ensure_ascii=False, sort_keys=True))
                for u, v, k, d in G.edges(keys=True, data=True)])
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

    def counts(self) -> dict[str, int]:
        """Rows per table.

        >>> Store(":memory:").counts()["articles"]
        0
        """
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every table's rows, sorted: two stores are equal when their snapshots are.

        >>> Store(":memory:").snapshot()["meta"]
        [('schema_version', '2'), ('stale', '0')]
        """
        return {t: sorted(self.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in TABLES}


def _attribution(record: str, sentence: int | None) -> Attribution:
    a = Attribution.from_dict(json.loads(record))
    return dataclasses.replace(a, sentence=sentence) if sentence is not None else a


def load_corpus(path: str | os.PathLike = DEFAULT_DB) -> Corpus:
    """The :class:`~quotes.claims.corpus.Corpus` stored at ``path`` (which must exist).

    >>> load_corpus("/nonexistent.db")
    Traceback (most recent call last):
    ...
    quotes.errors.StoreError: no store at /nonexistent.db ...
    """
    with Store(path, create=False) as st:
        return st.corpus()
