"""The persistent corpus: one SQLite file holding articles, attributions and what is
derived from them (sources, claims with flags, graph edges), with full-text search and
views for SQL, pandas, sqlite-utils and Datasette users.

Schema (``meta.schema_version`` = 4; an older store is upgraded in place when opened for
writing, see :data:`MIGRATIONS`):

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
  in the JSON output; ``chain`` the relays as a JSON list (``[{"name", "kind", "cue",
  "start", "end"}]``, outermost first); ``record`` the full JSON record
  (:meth:`~quotes.types.Attribution.to_dict`).

Derived tables, rebuilt together from all stored attributions by :meth:`Store.refresh`:

- ``sources(id PRIMARY KEY, name, kind, statements)``: graph source nodes
  (``source:<folded name>[@<relay>]``) and how many statements they made.
- ``claims(id PRIMARY KEY, rank, text, statements, flags, first_seen, last_seen,
  publishers, label)``: ``rank`` 0 is the largest claim; ``flags`` and ``publishers`` JSON
  lists; ``first_seen``/``last_seen`` the dates of its earliest and latest article;
  ``label`` the claim's readable label (:func:`quotes.claims.group.label_of` of ``text``).
- ``claim_flags(claim, flag, reasons)``: one row per flag, ``reasons`` a JSON list.
- ``claim_statements(claim, doc, n, flipped)``: the attributions grouped in a claim
  (``flipped``: the statement negates the claim's text).
- ``own_voice(doc, n, sentence, record)``: each article's own-voice statements, as found
  by the code whose fingerprint is ``meta.own_voice_code`` (:mod:`quotes.store.voice`).
- ``edges(src, dst, key, kind, attrs)``: every edge of the provenance graph
  (:mod:`quotes.claims.graph`; node ids ``article:<id>``, ``statement:<attribution id>``,
  ``claim:<id>``, ``source:...``), other attributes as JSON.
- ``statements_fts(content, speaker)`` and ``articles_fts(title, text)``: FTS5 indexes
  (accents ignored) over ``attributions`` and ``articles``, rebuilt with the derived tables;
  see :meth:`Store.search`.

Views joining them (for SQL; see :data:`VIEWS`):

- ``statement_details``: one row per attribution with its claim (``claim``,
  ``claim_text``, ``claim_label``, ``flipped``) and its article's ``publisher``, ``date``, ``title``, ``url``.
- ``claim_details``: one row per claim with its label, flags, counts of statements, sources
  and articles, publishers and first/last seen.
- ``claim_sources``: one row per statement of each claim: who (``speaker``,
  ``speaker_kind``), with which ``stance``, through which ``chain``, in which article.

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
import re
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import quote

from quotes.claims.corpus import Corpus
from quotes.claims.group import label_of
from quotes.errors import InputError, NotFoundError, StoreError
from quotes.store import voice
from quotes.results import Table
from quotes.types import ARTICLE_METADATA, Article, Attribution

#: Where the store lives unless told otherwise.
DEFAULT_DB = "quotes.db"
SCHEMA_VERSION = "4"
#: How a store of an older schema version is brought to the next one.
MIGRATIONS: dict[str, tuple[str, ...]] = {
    "1": ("ALTER TABLE articles ADD COLUMN author TEXT",),
    # chains as JSON, claims' first/last seen and publishers; then the full-text indexes and
    # views (every CREATE of the schema is IF NOT EXISTS) and a refresh of the derived tables
    "2": ("UPDATE attributions SET chain = json_extract(record, '$.chain')",
          "ALTER TABLE claims ADD COLUMN first_seen TEXT",
          "ALTER TABLE claims ADD COLUMN last_seen TEXT",
          "ALTER TABLE claims ADD COLUMN publishers TEXT NOT NULL DEFAULT '[]'",
          "UPDATE meta SET value = '1' WHERE key = 'stale'"),
    # claims' labels (``claim_label``: label_of, registered on the connection), and the
    # views that show them (dropped here, created again with the schema)
    "3": ("ALTER TABLE claims ADD COLUMN label TEXT",
          "UPDATE claims SET label = claim_label(text)",
          "DROP VIEW IF EXISTS statement_details", "DROP VIEW IF EXISTS claim_details",
          "DROP VIEW IF EXISTS claim_sources"),
}
#: Seconds a writer waits for another writer's lock before giving up (``QUOTES_BUSY_TIMEOUT``).
BUSY_TIMEOUT = 60.0
ENV_BUSY_TIMEOUT = "QUOTES_BUSY_TIMEOUT"
#: Every table, in dependency order.
TABLES = ("meta", "articles", "attributions", "sources", "claims", "claim_flags",
          "claim_statements", "edges", voice.TABLE)
DERIVED = ("sources", "claims", "claim_flags", "claim_statements", "edges", voice.TABLE)

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
    statements INTEGER NOT NULL, flags TEXT NOT NULL, first_seen TEXT, last_seen TEXT,
    publishers TEXT NOT NULL DEFAULT '[]', label TEXT);
CREATE TABLE IF NOT EXISTS claim_flags (
    claim TEXT NOT NULL, flag TEXT NOT NULL, reasons TEXT NOT NULL, PRIMARY KEY (claim, flag));
CREATE INDEX IF NOT EXISTS claim_flags_flag ON claim_flags(flag);
CREATE TABLE IF NOT EXISTS claim_statements (
    claim TEXT NOT NULL, doc TEXT NOT NULL, n INTEGER NOT NULL, flipped INTEGER NOT NULL,
    PRIMARY KEY (claim, doc, n));
CREATE TABLE IF NOT EXISTS edges (
    src TEXT NOT NULL, dst TEXT NOT NULL, key TEXT NOT NULL, kind TEXT NOT NULL,
    attrs TEXT NOT NULL, PRIMARY KEY (src, dst, key));
""" + voice.SCHEMA + ";\n" + "".join(f"{sql};\n" for sql in (
    "CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(content, speaker, "
    "content='attributions', tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, "
    "content='articles', tokenize='unicode61 remove_diacritics 2')"))

#: Views for SQL users (created with the schema; see the module docstring).
VIEWS = {
    "statement_details": """
        SELECT a.doc, a.n, a.id, a.type, a.stance, a.speaker, a.speaker_kind, a.cue, a.chain,
               a.content, a.start, a."end", cs.claim, c.text AS claim_text,
               c.label AS claim_label, cs.flipped,
               ar.publisher, ar.date, ar.url, ar.title, ar.author
        FROM attributions a JOIN articles ar ON ar.id = a.doc
        LEFT JOIN claim_statements cs ON cs.doc = a.doc AND cs.n = a.n
        LEFT JOIN claims c ON c.id = cs.claim""",
    "claim_details": """
        SELECT c.id, c.rank, c.text, c.label, c.flags, c.statements,
               (SELECT COUNT(DISTINCT a.speaker) FROM claim_statements cs
                JOIN attributions a ON a.doc = cs.doc AND a.n = cs.n WHERE cs.claim = c.id) AS sources,
               (SELECT COUNT(DISTINCT cs.doc) FROM claim_statements cs WHERE cs.claim = c.id) AS articles,
               c.publishers, c.first_seen, c.last_seen
        FROM claims c""",
    "claim_sources": """
        SELECT cs.claim, c.text AS claim_text, c.label AS claim_label, a.speaker, a.speaker_kind, a.stance, cs.flipped,
               a.chain, a.doc, ar.publisher, ar.date, a.id AS statement, a.content
        FROM claim_statements cs JOIN claims c ON c.id = cs.claim
        JOIN attributions a ON a.doc = cs.doc AND a.n = cs.n
        JOIN articles ar ON ar.id = a.doc""",
}
SCHEMA += "".join(f"CREATE VIEW IF NOT EXISTS {name} AS {sql};\n" for name, sql in VIEWS.items())
#: What :meth:`Store.search` looks in.
SEARCH_IN = ("statements", "articles")
#: Columns of :meth:`Store.search` and :meth:`Store.said_by`.
SEARCH_COLUMNS = ("match", "doc", "id", "speaker", "stance", "snippet", "claim", *ARTICLE_METADATA)
SAID_BY_COLUMNS = ("statement", "doc", "start", "end", "content", "stance", "chain", "claim",
                   "claim_text", *ARTICLE_METADATA)


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
        self.busy_timeout = _busy_timeout(busy_timeout)
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
        if not self.readonly or memory:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=self.busy_timeout)
            if not self.readonly:
                self._foreign_or_empty(conn)
                self._wal(conn)
                conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            return conn
        uri = "file:" + quote(str(Path(self.path).resolve()))
        conn = sqlite3.connect(uri + "?mode=ro", uri=True, isolation_level=None, timeout=self.busy_timeout)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as err:
            if "locked" in str(err):
                raise
            # a WAL store on read-only media, with no -shm file beside it: read it as immutable
            conn.close()
            conn = sqlite3.connect(uri + "?immutable=1", uri=True, isolation_level=None)
        return conn

    def _wal(self, conn: sqlite3.Connection) -> None:
        """Switch to WAL (readers never block writers); SQLite does not wait for a lock to
        change the journal mode, so wait here, up to the busy timeout."""
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) or time.monotonic() >= deadline:
                    conn.close()
                    raise
                time.sleep(0.05)

    def _foreign_or_empty(self, conn: sqlite3.Connection) -> None:
        """Refuse, before anything is written, a database holding tables but no quotes schema."""
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if names and "meta" not in names:
            conn.close()
            raise StoreError(_foreign(self.path, names))

    def _check_or_create(self) -> None:
        version = self._meta("schema_version")
        if version is None:
            names = [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            if names or self.readonly:
                raise StoreError(_foreign(self.path, names) if names else
                                 f"{self.path} is not a quotes store (no tables)")
            with self._transaction():
                for stmt in SCHEMA.split(";"):
                    if stmt.strip():
                        self.conn.execute(stmt)
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                                  (SCHEMA_VERSION,))
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('stale', '0')")
            version = SCHEMA_VERSION
        if version in MIGRATIONS and self.readonly:
            raise StoreError(f"{self.path} holds schema version {version}; run `quotes ingest ... --db "
                             f"{self.path}` once to bring it to version {SCHEMA_VERSION}")
        migrated = version in MIGRATIONS
        self.conn.create_function("claim_label", 1, label_of, deterministic=True)
        while version in MIGRATIONS:
            with self._transaction():
                for stmt in MIGRATIONS[version]:
                    self._migrate(stmt)
                version = str(int(version) + 1)
                self.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
        if migrated and version == SCHEMA_VERSION:
            with self._transaction():
                for stmt in SCHEMA.split(";"):
                    if stmt.strip():
                        self.conn.execute(stmt)
            self.refresh()
        if version != SCHEMA_VERSION:
            raise StoreError(f"{self.path} holds schema version {version}; this quotes reads "
                             f"version {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def _errors(self, doing: str):
        """SQLite's errors as one-line :class:`StoreError` messages saying what to do."""
        try:
            yield
        except sqlite3.Error as err:
            raise StoreError(_sqlite_message(self.path, doing, err, self.busy_timeout)) from None

    # --- plumbing -------------------------------------------------------------------------

    def _migrate(self, stmt: str) -> None:
        """One migration statement; adding a column the table already has is a no-op."""
        m = re.match(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", stmt)
        if m and m.group(2) in {r[1] for r in self.conn.execute(f"PRAGMA table_info({m.group(1)})")}:
            return
        self.conn.execute(stmt)

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

    def _fresh(self) -> None:
        if self.stale:
            raise StoreError(f"{self.path}: the search index lags behind the stored articles (a run was "
                             f"interrupted); run `quotes ingest ... --db {self.path}` again to finish it")

    def search(self, text: str, *, where: Iterable[str] = SEARCH_IN, limit: int = 20) -> Table:
        """Full-text search (FTS5, case and accents ignored, every word must occur) over
        statements (content and speaker) and articles (title and text): the best
        ``limit`` of each, with a snippet (matches in [brackets]), the statement's claim
        and the article's metadata.

        >>> from quotes.types import Speaker
        >>> st = Store(":memory:")
        >>> art = Article("d1", "Ann Lee said the bridge was closed.", publisher="Daily")
        >>> a = Attribution("d1", "indirect", "the bridge was closed", 13, 34, "said", "asserts",
        ...                 Speaker("Ann Lee", "Ann Lee", "person"))
        >>> _ = st.write([(art, [a])], extractor="doc"); _ = st.refresh()
        >>> [(r["match"], r["snippet"]) for r in st.search("Bridge")]
        [('statement', 'the [bridge] was closed'), ('article', 'Ann Lee said the [bridge] was closed.')]
        """
        words = re.findall(r"\w+", text)
        if not words:
            raise InputError("quotes search", f"nothing to search for in {text!r}")
        unknown = set(where) - set(SEARCH_IN)
        if unknown:
            raise InputError("quotes search", f"cannot search {', '.join(sorted(unknown))}; "
                             f"expected {' or '.join(SEARCH_IN)}")
        self._fresh()
        query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows: list[dict] = []
        if "statements" in where:
            rows += self._rows("""
                SELECT 'statement' AS match, a.doc, a.id, a.speaker, a.stance,
                       snippet(statements_fts, 0, '[', ']', '…', 24) AS snippet, cs.claim,
                       ar.publisher, ar.date, ar.url, ar.title, ar.author
                FROM statements_fts JOIN attributions a ON a.rowid = statements_fts.rowid
                JOIN articles ar ON ar.id = a.doc
                LEFT JOIN claim_statements cs ON cs.doc = a.doc AND cs.n = a.n
                WHERE statements_fts MATCH ? ORDER BY bm25(statements_fts) LIMIT ?""", (query, limit))
        if "articles" in where:
            rows += self._rows("""
                SELECT 'article' AS match, ar.id AS doc, ar.id, NULL AS speaker, NULL AS stance,
                       snippet(articles_fts, -1, '[', ']', '…', 24) AS snippet, NULL AS claim,
                       ar.publisher, ar.date, ar.url, ar.title, ar.author
                FROM articles_fts JOIN articles ar ON ar.rowid = articles_fts.rowid
                WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?""", (query, limit))
        return Table(rows, SEARCH_COLUMNS, title=f"search: {text}")

    def said_by(self, source: str) -> Table:
        """Everything ``source`` said (its name matched with case and accents ignored),
        with each statement's claim and article metadata: the store's answer to
        :func:`quotes.claims.graph.said_by`, in SQL. :class:`~quotes.errors.NotFoundError`
        when no statement has that speaker.

        >>> Store(":memory:").said_by("Nobody")
        Traceback (most recent call last):
        ...
        quotes.errors.NotFoundError: no source named 'Nobody'
        """
        from quotes.lexicons import fold

        self._fresh()
        self.conn.create_function("quotes_fold", 1, fold, deterministic=True)
        rows = self._rows("""
            SELECT id AS statement, doc, start, "end", content, stance, chain, claim, claim_text,
                   publisher, date, url, title, author
            FROM statement_details WHERE quotes_fold(speaker) = ? ORDER BY doc, start""",
                          (fold(source),))
        if not rows:
            raise NotFoundError(f"no source named {source!r}")
        for r in rows:
            r["chain"] = " > ".join(x["name"] for x in json.loads(r["chain"]))
        return Table(rows, SAID_BY_COLUMNS, title=f"said by {source}")

    def _rows(self, sql: str, params: tuple = ()) -> list[dict]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur]

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


def _busy_timeout(seconds: float | None) -> float:
    """The busy timeout: given, else ``QUOTES_BUSY_TIMEOUT``, else :data:`BUSY_TIMEOUT`.

    >>> _busy_timeout(2.5), _busy_timeout(None) == BUSY_TIMEOUT or ENV_BUSY_TIMEOUT in os.environ
    (2.5, True)
    """
    if seconds is None:
        raw = os.environ.get(ENV_BUSY_TIMEOUT, "").strip()
        try:
            seconds = float(raw) if raw else BUSY_TIMEOUT
        except ValueError:
            raise StoreError(f"{ENV_BUSY_TIMEOUT}={raw!r} is not a number of seconds") from None
    if seconds < 0:
        raise StoreError(f"the busy timeout must be 0 or more seconds, got {seconds:g}")
    return float(seconds)


def _foreign(path: str, tables: list[str]) -> str:
    shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
    return (f"{path} is not a quotes store: it is another application's SQLite database "
            f"(tables {shown}); left untouched")


def _sqlite_message(path: str, doing: str, err: sqlite3.Error, timeout: float) -> str:
    """What went wrong with the store, in one line.

    >>> _sqlite_message("q.db", "write", sqlite3.OperationalError("database is locked"), 60)
    'q.db is locked by another writer (waited 60 s; --busy-timeout or QUOTES_BUSY_TIMEOUT waits longer)'
    """
    text = str(err)
    if "locked" in text or "busy" in text:
        return (f"{path} is locked by another writer (waited {timeout:g} s; --busy-timeout or "
                f"{ENV_BUSY_TIMEOUT} waits longer)")
    if "readonly" in text or "read-only" in text:
        return f"cannot {doing} {path}: the file or its folder is read-only ({text})"
    if "disk is full" in text or "disk I/O" in text:
        return f"cannot {doing} {path}: {text} (every batch committed before is kept)"
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return f"{path} is not a quotes store ({text})"
    if "unable to open" in text:
        return f"cannot {doing} {path}: {text}"
    return f"cannot {doing} {path}: {text}"


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
