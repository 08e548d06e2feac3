"""Opening a store's SQLite file, and SQLite's failures as one-line messages.

A writer waits ``busy_timeout`` seconds (default :data:`BUSY_TIMEOUT`, ``QUOTES_BUSY_TIMEOUT``)
for another writer's lock; a reader opens the file through a ``mode=ro`` URI, so querying
works on read-only media and never writes.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

from quotes.errors import StoreError

#: Seconds a writer waits for another writer's lock before giving up (``QUOTES_BUSY_TIMEOUT``).
BUSY_TIMEOUT = 60.0
ENV_BUSY_TIMEOUT = "QUOTES_BUSY_TIMEOUT"


def connect(path: str, *, readonly: bool, memory: bool, timeout: float) -> sqlite3.Connection:
    """A connection to the store at ``path``: a writer's (WAL, foreign databases refused before
    anything is written) or a reader's (``mode=ro``; ``immutable`` on read-only media)."""
    if not readonly or memory:
        conn = sqlite3.connect(path, isolation_level=None, timeout=timeout)
        if not readonly:
            _refuse_foreign(conn, path)
            _wal(conn, timeout)
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn
    uri = "file:" + quote(str(Path(path).resolve()))
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, isolation_level=None, timeout=timeout)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as err:
        if "locked" in str(err):
            raise
        # a WAL store on read-only media, with no -shm file beside it: read it as immutable
        conn.close()
        conn = sqlite3.connect(uri + "?immutable=1", uri=True, isolation_level=None)
    return conn


def _wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch to WAL (readers never block writers); SQLite does not wait for a lock to
    change the journal mode, so wait here, up to the busy timeout."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() >= deadline:
                conn.close()
                raise
            time.sleep(0.05)


def _refuse_foreign(conn: sqlite3.Connection, path: str) -> None:
    """Refuse, before anything is written, a database holding tables but no quotes schema."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    if names and "meta" not in names:
        conn.close()
        raise StoreError(foreign_message(path, names))


def resolve_busy_timeout(seconds: float | None) -> float:
    """The busy timeout: given, else ``QUOTES_BUSY_TIMEOUT``, else :data:`BUSY_TIMEOUT`.

    >>> resolve_busy_timeout(2.5), resolve_busy_timeout(None) == BUSY_TIMEOUT or ENV_BUSY_TIMEOUT in os.environ
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


def foreign_message(path: str, tables: list[str]) -> str:
    """Why a SQLite file that is not a quotes store is refused (and left untouched)."""
    shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
    return (f"{path} is not a quotes store: it is another application's SQLite database "
            f"(tables {shown}); left untouched")


def sqlite_message(path: str, doing: str, err: sqlite3.Error, timeout: float) -> str:
    """What went wrong with the store, in one line.

    >>> sqlite_message("q.db", "write", sqlite3.OperationalError("database is locked"), 60)
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
