"""Reading articles from files: plain text, folders, JSON Lines, CSV, saved web pages
(``.html``, :mod:`quotes.inputs.html`) and web-archive crawls (``.warc``, ``.warc.gz``,
:mod:`quotes.inputs.warc`).

Readers never raise on a bad record: they yield an :class:`~quotes.errors.InputError`
in its place (naming the file and line), so one broken file or row never stops a run
and nothing is silently dropped.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Peskov said it was fine.")
>>> _ = (d / "b.txt").write_bytes(b"")
>>> [type(x).__name__ for x in read_articles([d])]
['Article', 'InputError']
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Iterable, Iterator

from quotes.errors import InputError
from quotes.inputs.html import HTML_SUFFIXES, read_html
from quotes.inputs.warc import WARC_SUFFIXES, is_warc, read_warc
from quotes.types import ARTICLE_METADATA, Article

#: Files larger than this are refused (a news article is a few kB; 50 MB is not one).
MAX_BYTES = 20 * 1024 * 1024
#: File endings read from folders.
SUFFIXES = (".txt", ".jsonl", ".csv") + HTML_SUFFIXES + WARC_SUFFIXES
OPTIONAL_FIELDS = ARTICLE_METADATA

csv.field_size_limit(MAX_BYTES)


def read_articles(paths: Iterable[str | os.PathLike], *, max_bytes: int = MAX_BYTES
                  ) -> Iterator[Article | InputError]:
    """Yield an :class:`Article` per readable record, an :class:`InputError` per bad one.

    ``paths`` are ``.txt`` files (one article each, id = file stem), ``.jsonl`` and
    ``.csv`` files (one article per line/row: ``id``, ``text`` and optional
    ``publisher``, ``date``, ``url``, ``title``, ``author``), saved web pages (``.html``,
    ``.htm``: the main text and the page's metadata, id = file stem), web-archive files
    (``.warc``, ``.warc.gz``: one article per HTML page, streamed), or folders holding such
    files.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "feed.jsonl"
    >>> _ = p.write_text('{"id": "x", "text": "Hi, he said."}\\n{"id": "y"}\\n')
    >>> [str(x) if isinstance(x, InputError) else x.id for x in read_articles([p])]
    ['x', "...feed.jsonl:2: record has no 'text'"]
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES))
            if not files:
                yield InputError(path, f"folder holds no {', '.join(SUFFIXES)} files")
            for f in files:
                yield from _read_file(f, max_bytes)
        elif path.exists():
            yield from _read_file(path, max_bytes)
        else:
            yield InputError(path, "no such file or folder")


def read_text_file(path: str | os.PathLike, *, max_bytes: int = MAX_BYTES) -> str:
    """Return a file's text, or raise :class:`InputError` saying why it is not an article.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "bad.txt"
    >>> _ = p.write_bytes(b"ok\\nal\\xe9")
    >>> read_text_file(p)
    Traceback (most recent call last):
    ...
    quotes.errors.InputError: ...bad.txt:2: not UTF-8 text (invalid byte 0xe9 at byte 5)
    """
    data = _read_bytes(Path(path), max_bytes)
    return _decode(Path(path), data)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                                   "for one article")
        return path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None


def _decode(path: Path, data: bytes, first_line: int = 1) -> str:
    if b"\x00" in data[:65536]:
        raise InputError(path, "binary file (NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = first_line + data.count(b"\n", 0, err.start)
        raise InputError(path, f"not UTF-8 text (invalid byte 0x{data[err.start]:02x} at byte {err.start})",
                         line=line) from None
    if text.startswith("\ufeff"):
        # A byte-order mark is not part of the article; offsets index what follows it.
        text = text[1:]
    return text


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    suffix = path.suffix.lower()
    if is_warc(path):  # streamed: max_bytes bounds each page, not the crawl
        yield from read_warc(path, max_bytes=max_bytes)
        return
    try:
        data = _read_bytes(path, max_bytes)
        if suffix in (".jsonl", ".ndjson"):
            yield from _read_jsonl(path, data)
        elif suffix == ".csv":
            yield from _read_csv(path, data)
        elif suffix in HTML_SUFFIXES:
            yield read_html(path, data)
        else:
            text = _decode(path, data)
            if not text.strip():
                raise InputError(path, "file is empty, expected article text")
            yield Article(id=path.stem, text=text)
    except InputError as err:
        yield err


def _record(path: Path, line: int, rec: object) -> Article | InputError:
    if not isinstance(rec, dict):
        return InputError(path, f"expected an object with 'id' and 'text', got {type(rec).__name__}", line=line)
    text = rec.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        return InputError(path, "record has no 'text'", line=line)
    if not isinstance(text, str):
        return InputError(path, f"'text' must be a string, got {type(text).__name__}", line=line)
    if "\x00" in text:
        return InputError(path, "'text' holds NUL bytes (binary data), expected text", line=line)
    rid = rec.get("id")
    if rid is None or str(rid).strip() == "":
        return InputError(path, "record has no 'id'", line=line)
    extra = {k: (None if rec.get(k) in (None, "") else str(rec[k])) for k in OPTIONAL_FIELDS}
    return Article(id=str(rid), text=text, **extra)


def _read_jsonl(path: Path, data: bytes) -> Iterator[Article | InputError]:
    for n, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            line = _decode(path, raw, first_line=n)
            rec = json.loads(line)
        except InputError as err:
            yield err
            continue
        except json.JSONDecodeError as err:
            yield InputError(path, f"invalid JSON ({err.msg} at column {err.colno})", line=n)
            continue
        yield _record(path, n, rec)


def _read_csv(path: Path, data: bytes) -> Iterator[Article | InputError]:
    text = _decode(path, data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(path, "CSV file is empty, expected a header with id,text") from None
    except csv.Error as err:
        raise InputError(path, f"broken CSV header ({err})", line=1) from None
    header = [h.strip().lower() for h in header]
    missing = [c for c in ("id", "text") if c not in header]
    if missing:
        raise InputError(path, f"CSV header lacks column(s) {', '.join(missing)}; "
                               f"expected id,text[,publisher,date,url,title]", line=1)
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield InputError(path, f"broken CSV row ({err})", line=line)
            continue
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(header):
            yield InputError(path, f"CSV row has {len(row)} fields, expected {len(header)}", line=line)
            continue
        yield _record(path, line, dict(zip(header, row)))
