"""The store, opened read-only for the web view.

Every request gets its own connection, opened with SQLite's ``mode=ro`` URI (no
statement can write) on the store ``quotes ingest`` writes in WAL mode, so pages keep
loading while an ingest runs and show its articles on the next load. What is costly to
compute over the whole store (the claims' summaries for sorting) is cached in memory,
computed in a background thread, and recomputed when the derived tables change: when
another process has committed (``PRAGMA data_version``) and the claims' fingerprint
(:data:`FINGERPRINT`: counts that every regrouping changes) differs. An ingest's article
batches leave the claims as they are until its final refresh, so they cost no recompute.

>>> import tempfile, os
>>> from quotes.store.sqlite import Store
>>> path = os.path.join(tempfile.mkdtemp(), "q.db")
>>> Store(path).close()
>>> db = ReadOnlyStore(path)
>>> with db.connect() as conn:
...     conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION
True
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
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import quote

from quotes.errors import StoreError
from quotes.store.sqlite import SCHEMA_VERSION

#: Seconds a reader waits for a writer's lock before giving up.
BUSY_TIMEOUT = 10
#: What changes whenever ``Store.refresh`` regroups the claims (one indexed pass each).
FINGERPRINT = ("SELECT (SELECT COUNT(*) FROM claims), (SELECT TOTAL(statements) FROM claims), "
               "(SELECT COUNT(*) FROM claim_flags), (SELECT COUNT(*) FROM claim_statements), "
               "(SELECT TOTAL(flipped) FROM claim_statements), (SELECT MIN(id) || MAX(id) FROM claims)")


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
        self._key: tuple | None = None
        self._cache: dict[str, Any] = {}
        self._pending: set[str] = set()
        #: held while a cached in-memory corpus is used (its caches fill lazily)
        self.check_lock = threading.Lock()
        try:
            row = self._watch.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path} is not a quotes store ({err})") from None
        if row is None or row[0] != SCHEMA_VERSION:
            raise StoreError(f"{self.path} holds schema version {row and row[0]}; this quotes reads "
                             f"version {SCHEMA_VERSION} (`quotes ingest` upgrades an older store)")

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

    def _current(self) -> tuple:
        """The cache's key: the fingerprint of the derived tables, read again only when
        another connection has committed since the last look."""
        version = self._watch.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._version = version
            key = tuple(self._watch.execute(FINGERPRINT).fetchone())
            if key != self._key:
                self._key = key
                self._cache.clear()
                self._pending.clear()
        return self._key

    def cached(self, name: str, compute: Callable[[sqlite3.Connection], Any], *,
               wait: bool = True) -> Any:
        """``compute(conn)``, remembered until the derived tables change. With
        ``wait=False``, a value not computed yet is started in a background thread and
        None returned (the caller answers another way meanwhile)."""
        with self._lock:
            key = self._current()
            if name in self._cache:
                return self._cache[name]
            if not wait:
                if name not in self._pending:
                    self._pending.add(name)
                    threading.Thread(target=self._fill, args=(name, compute, key), daemon=True).start()
                return None
        value = self._compute(compute)
        with self._lock:
            if self._key == key:
                self._cache[name] = value
        return value

    def remember(self, name: str, key: Any, compute: Callable[[], Any], size: int = 64) -> Any:
        """``compute()`` remembered under ``key`` among the last ``size`` of ``name`` (e.g.
        checks of typed claims), until the derived tables change.

        >>> import tempfile, os
        >>> from quotes.store.sqlite import Store
        >>> p = os.path.join(tempfile.mkdtemp(), "q.db"); Store(p).close()
        >>> db, calls = ReadOnlyStore(p), []
        >>> [db.remember("sq", 3, lambda: calls.append(1) or 9, size=2) for _ in range(3)], len(calls)
        ([9, 9, 9], 1)
        """
        with self._lock:
            self._current()
            memo = self._cache.setdefault(name, OrderedDict())
            if key in memo:
                memo.move_to_end(key)
                return memo[key]
        value = compute()
        with self._lock:
            memo = self._cache.setdefault(name, OrderedDict())
            memo[key] = value
            while len(memo) > size:
                memo.popitem(last=False)
        return value

    def _compute(self, compute: Callable[[sqlite3.Connection], Any]) -> Any:
        with self.connect() as conn:
            conn.execute("BEGIN")  # one snapshot for the whole computation
            try:
                return compute(conn)
            finally:
                conn.execute("COMMIT")

    def _fill(self, name: str, compute: Callable[[sqlite3.Connection], Any], key: tuple) -> None:
        try:
            value = self._compute(compute)
        except Exception:  # the store went away or is being rebuilt: try again on a later request
            value = None
        with self._lock:
            self._pending.discard(name)
            if value is not None and self._key == key:
                self._cache[name] = value

    def close(self) -> None:
        self._watch.close()
