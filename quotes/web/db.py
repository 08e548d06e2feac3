"""The store, opened read-only for the web view.

Every request gets its own connection, opened with SQLite's ``mode=ro`` URI (no
statement can write) on the store ``quotes ingest`` writes in WAL mode, so pages keep
loading while an ingest runs and show its articles on the next load. What is costly to
compute over the whole store (the claims' summaries for sorting, the search list) is
cached in memory and recomputed only when another process has committed since
(``PRAGMA data_version``).

>>> import tempfile, os
>>> from quotes.store.sqlite import Store
>>> path = os.path.join(tempfile.mkdtemp(), "q.db")
>>> Store(path).close()
>>> db = ReadOnlyStore(path)
>>> with db.connect() as conn:
...     conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
'1'
>>> with db.connect() as conn:
...     conn.execute("DELETE FROM meta")
Traceback (most recent call last):
...
sqlite3.OperationalError: attempt to write a readonly database
"""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import quote

from quotes.errors import StoreError
from quotes.store.sqlite import SCHEMA_VERSION

#: Seconds a reader waits for a writer's lock before giving up.
BUSY_TIMEOUT = 10


class ReadOnlyStore:
    """A store path opened read-only; :meth:`connect` per request, :meth:`cached` for
    values computed over the whole store.

    >>> ReadOnlyStore("/nonexistent/q.db")
    Traceback (most recent call last):
    ...
    quotes.errors.StoreError: no store at /nonexistent/q.db (run `quotes ingest ... --db /nonexistent/q.db` first)
    """

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)
        if not os.path.isfile(self.path):
            raise StoreError(f"no store at {self.path} (run `quotes ingest ... --db {self.path}` first)")
        self.uri = f"file:{quote(str(Path(self.path).resolve()))}?mode=ro"
        self._lock = threading.Lock()
        self._watch = self._open(check_same_thread=False)
        self._version: int | None = None
        self._cache: dict[str, Any] = {}
        try:
            row = self._watch.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path} is not a quotes store ({err})") from None
        if row is None or row[0] != SCHEMA_VERSION:
            raise StoreError(f"{self.path} holds schema version {row and row[0]}; this quotes "
                             f"reads version {SCHEMA_VERSION}")

    def _open(self, **kw) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.uri, uri=True, timeout=BUSY_TIMEOUT, **kw)
        except sqlite3.OperationalError as err:
            raise StoreError(f"cannot open {self.path} read-only ({err})") from None
        conn.execute("PRAGMA query_only = ON")
        return conn

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A fresh read-only connection (one per request), closed afterwards."""
        conn = self._open()
        try:
            yield conn
        finally:
            conn.close()

    def cached(self, name: str, compute: Callable[[sqlite3.Connection], Any]) -> Any:
        """``compute(conn)``, remembered until another process commits to the store."""
        with self._lock:
            version = self._watch.execute("PRAGMA data_version").fetchone()[0]
            if version != self._version:
                self._cache.clear()
                self._version = version
            if name not in self._cache:
                with self.connect() as conn:
                    self._cache[name] = compute(conn)
            return self._cache[name]

    def close(self) -> None:
        self._watch.close()
