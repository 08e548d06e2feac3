"""Own-voice statements kept in the store, so that a query need not find them again.

:meth:`Store.refresh <quotes.store.sqlite.Store.refresh>` writes every article's own-voice
statements (:mod:`quotes.claims.ownvoice`) to the derived table ``own_voice(doc, n,
sentence, record)`` and, in ``meta.own_voice_code``, a fingerprint of the code and word
lists that found them (:func:`fingerprint`). A query that loads articles from the store
(:func:`quotes.store.check.check_store`) reads them back instead of splitting every
article into sentences again, but only while the fingerprint still matches: after an
upgrade, or with other word lists (``QUOTES_LEXICONS``), or while the store is stale (articles
written since the last refresh), it finds them afresh.

>>> import tempfile, os
>>> from quotes.store.sqlite import Store
>>> from quotes.types import Article
>>> st = Store(os.path.join(tempfile.mkdtemp(), "q.db"))
>>> _ = st.write([(Article("a", "The bridge over the river was closed on Monday."), [])], extractor="none")
>>> _ = st.refresh()
>>> [(a.doc, a.type, a.content) for a in stored_own_voice(st.conn, ["a"])["a"]]
[('a', 'own_voice', 'The bridge over the river was closed on Monday.')]
>>> st.close()
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Iterable

from quotes.lexicons import ENV_EXTRA
from quotes.types import Attribution

#: The meta key holding the fingerprint of the code that found the stored statements.
META_KEY = "own_voice_code"
#: The table (a derived one: rebuilt by every refresh).
TABLE = "own_voice"
SCHEMA = (f"CREATE TABLE IF NOT EXISTS {TABLE} (doc TEXT NOT NULL, n INTEGER NOT NULL, "
          "sentence INTEGER, record TEXT NOT NULL, PRIMARY KEY (doc, n))")
#: The files whose content the fingerprint covers: the package's code and word lists.
_PACKAGE = Path(__file__).resolve().parent.parent
_SUFFIXES = (".py", ".tsv", ".txt", ".json")


@functools.lru_cache(maxsize=4)
def _package_digest(root: Path) -> str:
    h = hashlib.sha1()
    for p in sorted(root.rglob("*")):
        if p.suffix in _SUFFIXES and "__pycache__" not in p.parts and p.is_file():
            h.update(str(p.relative_to(root)).encode("utf-8") + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def fingerprint() -> str:
    """A digest of this package's code and word lists and of the extra word lists
    (``$QUOTES_LEXICONS``): what own-voice statements depend on.

    >>> len(fingerprint())
    40
    """
    parts = [_package_digest(_PACKAGE)]
    extra = os.environ.get(ENV_EXTRA)
    if extra and Path(extra).is_dir():
        parts.append(_package_digest(Path(extra).resolve()))
    return hashlib.sha1("/".join(parts).encode("ascii")).hexdigest()


def save_own_voice(conn: sqlite3.Connection, statements: Iterable[Attribution]) -> None:
    """Replace the stored own-voice statements (inside the caller's transaction)."""
    conn.execute(f"DELETE FROM {TABLE}")
    rows, count = [], {}
    for a in statements:
        n = count[a.doc] = count.get(a.doc, -1) + 1
        rows.append((a.doc, n, a.sentence, json.dumps(a.to_dict(), ensure_ascii=False)))
    conn.executemany(f"INSERT INTO {TABLE} VALUES (?, ?, ?, ?)", rows)
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (META_KEY, fingerprint()))


def stored_own_voice(conn: sqlite3.Connection, docs: list[str]) -> dict[str, list[Attribution]] | None:
    """The stored own-voice statements of ``docs`` (every one of them, possibly none),
    or ``None`` when the store has none that this code would find the same way."""
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN (?, 'stale')", (META_KEY,)))
    except sqlite3.OperationalError:
        return None
    if meta.get("stale") != "0" or meta.get(META_KEY) != fingerprint():
        return None  # articles changed since the last refresh, or other code found them
    out: dict[str, list[Attribution]] = {d: [] for d in docs}
    marks = ",".join("?" * len(docs))
    for doc, sentence, rec in conn.execute(
            f"SELECT doc, sentence, record FROM {TABLE} WHERE doc IN ({marks}) ORDER BY doc, n", docs):
        a = Attribution.from_dict(json.loads(rec))
        out[doc].append(dataclasses.replace(a, sentence=sentence) if sentence is not None else a)
    return out
