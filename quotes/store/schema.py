"""The store's tables, views and migrations.

Schema (``meta.schema_version`` = 4; an older store is upgraded in place when opened for
writing, see :data:`MIGRATIONS`):

- ``meta(key PRIMARY KEY, value)``: ``schema_version``; ``stale`` is ``1`` while the
  derived tables lag behind the stored attributions (set by every write, cleared by
  :meth:`~quotes.store.sqlite.Store.refresh`).
- ``articles(id PRIMARY KEY, hash, extractor, text, publisher, date, url, title, author)``:
  ``hash`` is the SHA-256 of the article's fields (:func:`~quotes.store.sqlite.article_hash`); ``extractor``
  names the function that made its attributions. Same id, hash and extractor: the
  article is unchanged and is not extracted again.
- ``attributions(doc -> articles.id ON DELETE CASCADE, n, id, type, start, end, content,
  cue, stance, speaker, speaker_kind, chain, sentence, record)``, primary key
  ``(doc, n)`` (``n``: position in the article's list); ``id`` is ``doc:start-end`` as
  in the JSON output; ``chain`` the relays as a JSON list (``[{"name", "kind", "cue",
  "start", "end"}]``, outermost first); ``record`` the full JSON record
  (:meth:`~quotes.types.Attribution.to_dict`).

Derived tables, rebuilt together from all stored attributions by :meth:`~quotes.store.sqlite.Store.refresh`:

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
  see :func:`quotes.store.search.search`.

Views joining them (for SQL; see :data:`VIEWS`):

- ``statement_details``: one row per attribution with its claim (``claim``,
  ``claim_text``, ``claim_label``, ``flipped``) and its article's ``publisher``, ``date``, ``title``, ``url``.
- ``claim_details``: one row per claim with its label, flags, counts of statements, sources
  and articles, publishers and first/last seen.
- ``claim_sources``: one row per statement of each claim: who (``speaker``,
  ``speaker_kind``), with which ``stance``, through which ``chain``, in which article.
"""

from __future__ import annotations

import re
import sqlite3
from typing import TYPE_CHECKING

from quotes.claims.group import label_of
from quotes.errors import StoreError
from quotes.store import voice
from quotes.store.connect import foreign_message

if TYPE_CHECKING:
    from quotes.store.sqlite import Store

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


def ensure_schema(store: Store) -> None:
    """Create the tables of a new file, or bring an older store to :data:`SCHEMA_VERSION`
    (:data:`MIGRATIONS`, then the schema's views and indexes and a refresh); a file that is
    not a quotes store, or an old one opened read-only, is a :class:`~quotes.errors.StoreError`.
    """
    version = store._meta("schema_version")
    if version is None:
        names = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if names or store.readonly:
            raise StoreError(foreign_message(store.path, names) if names else
                             f"{store.path} is not a quotes store (no tables)")
        with store._transaction():
            for stmt in SCHEMA.split(";"):
                if stmt.strip():
                    store.conn.execute(stmt)
            store.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                               (SCHEMA_VERSION,))
            store.conn.execute("INSERT OR REPLACE INTO meta VALUES ('stale', '0')")
        version = SCHEMA_VERSION
    if version in MIGRATIONS and store.readonly:
        raise StoreError(f"{store.path} holds schema version {version}; run `quotes ingest ... --db "
                         f"{store.path}` once to bring it to version {SCHEMA_VERSION}")
    migrated = version in MIGRATIONS
    store.conn.create_function("claim_label", 1, label_of, deterministic=True)
    while version in MIGRATIONS:
        with store._transaction():
            for stmt in MIGRATIONS[version]:
                _migrate(store.conn, stmt)
            version = str(int(version) + 1)
            store.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    if migrated and version == SCHEMA_VERSION:
        with store._transaction():
            for stmt in SCHEMA.split(";"):
                if stmt.strip():
                    store.conn.execute(stmt)
        store.refresh()
    if version != SCHEMA_VERSION:
        raise StoreError(f"{store.path} holds schema version {version}; this quotes reads "
                         f"version {SCHEMA_VERSION}")


def _migrate(conn: sqlite3.Connection, stmt: str) -> None:
    """One migration statement; adding a column the table already has is a no-op."""
    m = re.match(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", stmt)
    if m and m.group(2) in {r[1] for r in conn.execute(f"PRAGMA table_info({m.group(1)})")}:
        return
    conn.execute(stmt)
