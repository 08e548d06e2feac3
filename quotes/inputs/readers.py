"""Reading articles from files: plain text, folders, JSON Lines, CSV, saved web pages
(``.html``, :mod:`quotes.inputs.html`) and web-archive crawls (``.warc``, ``.warc.gz``,
:mod:`quotes.inputs.warc`).

Readers never raise on a bad record: they yield an :class:`~quotes.errors.InputError`
in its place (naming the file and line), so one broken file or row never stops a run
and nothing is silently dropped: a folder that cannot be read is named, a CSV row with a
quote never closed is reported and the rows after it are still read, and a second record
with an id already seen is reported (the first is kept).

Text is UTF-8 (a byte-order mark is dropped) or UTF-16/UTF-32 with a byte-order mark.
Lone carriage returns (old Mac files, some CMS exports) are read as line feeds: one
character for one, so offsets are unchanged; ``\r\n`` stays as it is.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Peskov said it was fine.")
>>> _ = (d / "b.txt").write_bytes(b"")
>>> [type(x).__name__ for x in read_articles([d])]
['Article', 'InputError']
"""

from __future__ import annotations

import codecs
import csv
import errno
import json
import os
import re
import stat
from pathlib import Path
from typing import Iterable, Iterator

from quotes.errors import InputError
from quotes.inputs.html import HTML_SUFFIXES, read_html
from quotes.inputs.warc import WARC_SUFFIXES, is_warc, read_warc
from quotes.types import ARTICLE_METADATA, Article

#: Files larger than this are refused (a news article is a few kB; 50 MiB is not one).
MAX_BYTES = 20 * 1024 * 1024
MIB = 1024 * 1024
#: File endings read from folders.
SUFFIXES = (".txt", ".jsonl", ".csv") + HTML_SUFFIXES + WARC_SUFFIXES
OPTIONAL_FIELDS = ARTICLE_METADATA
#: Byte-order marks other than UTF-8's, longest first (UTF-32 LE starts like UTF-16 LE).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_LONE_CR = re.compile(r"\r(?!\n)")
_SURROGATE = re.compile("[\ud800-\udfff]")

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
    seen: dict[str, str] = {}
    for path in paths:
        for item, where in _read_path(Path(path), max_bytes):
            if isinstance(item, Article):
                if item.id in seen:
                    item = InputError(where, f"duplicate article id {item.id!r} (first at "
                                             f"{seen[item.id]}); kept the first")
                else:
                    seen[item.id] = where
            yield item


def _read_path(path: Path, max_bytes: int) -> Iterator[tuple[Article | InputError, str]]:
    try:
        mode = path.stat().st_mode
    except OSError as err:  # missing, or a name the system cannot even look up (too long)
        why = "" if err.errno == errno.ENOENT else f" ({err.strerror or err})"
        yield InputError(_shown(path), "no such file or folder" + why), ""
        return
    if stat.S_ISDIR(mode):
        files, errors = _walk(path)
        for err in errors:
            yield err, ""
        if not files and not errors:
            yield InputError(path, f"folder holds no {', '.join(SUFFIXES)} files"), ""
        for f in files:
            yield from _read_file(f, max_bytes)
    else:
        yield from _read_file(path, max_bytes)


#: How much of a path an error shows (a sentence given where a path goes is cut there).
SHOWN_PATH_CHARS = 80


def _shown(path: Path) -> str:
    """A path as an error names it: a name too long to be one is cut ("a sentence given as a path")."""
    name = str(path)
    return name if len(name) <= SHOWN_PATH_CHARS else name[:SHOWN_PATH_CHARS] + "…"


def _walk(folder: Path) -> tuple[list[Path], list[InputError]]:
    """The article files under ``folder`` (sorted), and one error per folder that cannot be read."""
    errors: list[InputError] = []

    def unreadable(err: OSError) -> None:
        errors.append(InputError(err.filename or folder, f"cannot read folder: {err.strerror or err}"))

    files = [Path(root) / name for root, _, names in os.walk(folder, onerror=unreadable)
             for name in names if name.lower().endswith(SUFFIXES)]
    return sorted(f for f in files if f.is_file()), errors


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
            raise InputError(path, f"file is {size / MIB:.1f} MiB, over the {max_bytes / MIB:g} MiB limit "
                                   "for one article")
        return path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None


def _decode(path: Path, data: bytes, first_line: int | None = None) -> str:
    """Bytes to text: UTF-16/32 by their byte-order mark, else UTF-8 (its mark dropped);
    NUL bytes anywhere mean binary data; lone CRs become LFs (see the module docstring)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return _line_ends(data.decode(codec))
            except UnicodeDecodeError as err:
                raise InputError(path, f"not {codec.upper()} text despite its byte-order mark "
                                       f"({err.reason} at byte {err.start})") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(path, f"binary file (NUL byte at byte {nul}), expected UTF-8 text",
                         line=None if first_line is None else first_line + data.count(b"\n", 0, nul))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = (first_line or 1) + data.count(b"\n", 0, err.start)
        raise InputError(path, f"not UTF-8 text (invalid byte 0x{data[err.start]:02x} at byte {err.start})",
                         line=line) from None
    if text.startswith("\ufeff"):
        # A byte-order mark is not part of the article; offsets index what follows it.
        text = text[1:]
    return _line_ends(text)


def _line_ends(text: str) -> str:
    """Lone CRs as LFs, one character for one.

    >>> _line_ends("a\\rb\\r\\nc")
    'a\\nb\\r\\nc'
    """
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def _read_file(path: Path, max_bytes: int) -> Iterator[tuple[Article | InputError, str]]:
    suffix = path.suffix.lower()
    if is_warc(path):  # streamed: max_bytes bounds each page, not the crawl
        for item in read_warc(path, max_bytes=max_bytes):
            yield item, f"{path} ({item.id})" if isinstance(item, Article) else ""
        return
    try:
        data = _read_bytes(path, max_bytes)
        if suffix in (".jsonl", ".ndjson"):
            yield from _read_jsonl(path, data)
        elif suffix == ".csv":
            yield from _read_csv(path, data)
        elif suffix in HTML_SUFFIXES:
            yield read_html(path, data), str(path)
        else:
            text = _decode(path, data)
            if not text.strip():
                raise InputError(path, "file is empty, expected article text")
            yield Article(id=path.stem, text=text), str(path)
    except InputError as err:
        yield err, ""


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
    bad = _SURROGATE.search(text)
    if bad:
        return InputError(path, f"'text' holds an unpaired surrogate (U+{ord(bad.group()):04X}) at "
                                f"character {bad.start()}, expected text", line=line)
    rid = rec.get("id")
    if rid is None or str(rid).strip() == "":
        return InputError(path, "record has no 'id'", line=line)
    extra = {k: (None if rec.get(k) in (None, "") else str(rec[k])) for k in OPTIONAL_FIELDS}
    return Article(id=str(rid), text=_line_ends(text), **extra)


def _read_jsonl(path: Path, data: bytes) -> Iterator[tuple[Article | InputError, str]]:
    if data.startswith(tuple(b for b, _ in BOMS)):  # UTF-16/32: decode first, then split lines
        lines = [x.encode("utf-8") for x in _decode(path, data).split("\n")]
    else:
        lines = data.split(b"\n")
    for n, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(_decode(path, raw, first_line=n))
        except InputError as err:
            yield err, ""
            continue
        except json.JSONDecodeError as err:
            yield InputError(path, f"invalid JSON ({err.msg} at column {err.colno})", line=n), ""
            continue
        yield _record(path, n, rec), f"{path}:{n}"


_CSV_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")


def _read_csv(path: Path, data: bytes) -> Iterator[tuple[Article | InputError, str]]:
    """Rows of a CSV file, each reported on its own: a row the parser cannot read (a quote
    never closed swallows every line after it) is named, and reading resumes on the next line."""
    lines = [x for x in _CSV_LINE.findall(_decode(path, data)) if x]
    reader = csv.reader(lines, strict=True)
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
    base = 0  # lines consumed by earlier readers
    while True:
        line = base + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield InputError(path, f"broken CSV row ({err})", line=line), ""
            base = line  # start again on the line after the broken row's first line
            reader = csv.reader(lines[base:], strict=True)
            continue
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(header):
            yield InputError(path, f"CSV row has {len(row)} fields, expected {len(header)}", line=line), ""
            continue
        yield _record(path, line, dict(zip(header, row))), f"{path}:{line}"
