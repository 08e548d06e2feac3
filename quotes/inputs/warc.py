"""Web-archive crawls (``.warc``, ``.warc.gz``): each HTML page in them is one article.

A WARC file is streamed record by record with `warcio <https://github.com/webrecorder/warcio>`_
(optional: ``pip install 'quotes[web-inputs]'``), never read into memory whole, so a crawl
of any size reads in constant memory. Every ``response`` (or ``resource``) record holding an
HTML page with status 200 becomes an :class:`~quotes.types.Article` through
:func:`quotes.inputs.html.article_from_html`; its id is ``<file stem>:<record number>`` (stable,
so re-reading the same file gives the same articles), its URL and date fall back to the
record's ``WARC-Target-URI`` and ``WARC-Date``. Other records (requests, metadata, images,
redirects) are not articles and are passed over. A bad record yields an
:class:`~quotes.errors.InputError` naming the file and record; a truncated or corrupt file
ends that file's reading with one such error, after the records read before it.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Iterator

from quotes.errors import InputError
from quotes.inputs.html import article_from_html, decode_html
from quotes.types import Article

#: File endings of web-archive files.
WARC_SUFFIXES = (".warc", ".warc.gz")
#: HTTP content types read as web pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_RECORDS = ("response", "resource")
#: How much of a file's tail is read to tell a clean end from a cut-off record.
_TAIL_BYTES = 64


def is_warc(path: Path) -> bool:
    """Whether ``path`` names a WARC file (by its ending).

    >>> is_warc(Path("crawl.warc.gz")), is_warc(Path("a.html"))
    (True, False)
    """
    return path.name.lower().endswith(WARC_SUFFIXES)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in sorted(WARC_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _content_type(record) -> tuple[str, str | None]:
    """The record's media type and declared charset (HTTP header, else the WARC header)."""
    if record.http_headers is not None:
        raw = record.http_headers.get_header("Content-Type") or ""
    else:
        raw = record.rec_headers.get_header("Content-Type") or ""
    media, _, params = raw.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip().strip('"\'')
    return media.strip().lower(), charset


def _is_page(record) -> bool:
    if record.rec_type not in PAGE_RECORDS:
        return False
    if record.http_headers is not None and not (record.http_headers.get_statuscode() or "").startswith("2"):
        return False
    return _content_type(record)[0] in HTML_TYPES


def _page(path: Path, n: int, record, max_bytes: int) -> Article:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{path} record {n}" + (f" ({uri})" if uri else "")
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(where, f"page is over the {max_bytes / 1e6:.0f} MB limit for one article")
    if getattr(record.raw_stream, "limit", 0):  # the file ended inside this record
        raise InputError(where, f"truncated record: the file ends {record.raw_stream.limit} bytes early")
    date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    html = decode_html(data, where, declared=_content_type(record)[1])
    return article_from_html(html, id=f"{_stem(path)}:{n}", url=uri, date=date, source=where)


def read_warc(path: str | Path, *, max_bytes: int) -> Iterator[Article | InputError]:
    """Yield an :class:`Article` per HTML page in a WARC file, an :class:`InputError` per bad
    record (``max_bytes`` bounds one page).

    >>> import io, tempfile, pathlib
    >>> from warcio.warcwriter import WARCWriter
    >>> from warcio.statusandheaders import StatusAndHeaders
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "crawl.warc.gz"
    >>> body = (b"<html><head><title>Storm</title></head><body><article><p>The mayor said on "
    ...         b"Monday that the storm had closed every school in the city and that classes "
    ...         b"would resume on Thursday if the roads were cleared.</p></article></body></html>")
    >>> with open(p, "wb") as fh:
    ...     w = WARCWriter(fh, gzip=True)
    ...     headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
    ...                                protocol="HTTP/1.1")
    ...     w.write_record(w.create_warc_record("https://news.example/storm", "response",
    ...                    payload=io.BytesIO(body), http_headers=headers))
    >>> [(a.id, a.publisher, a.url) for a in read_warc(p, max_bytes=10**6)]
    [('crawl:1', 'news.example', 'https://news.example/storm')]
    """
    from quotes.inputs.html import _trafilatura
    _trafilatura()  # a clear message before anything is read when the extra is missing
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:  # pragma: no cover - depends on the installed extras
        yield InputError(path, "reading WARC files needs warcio: pip install 'quotes[web-inputs]'")
        return
    path = Path(path)
    n = end = 0
    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                n += 1
                if _is_page(record):
                    try:
                        yield _page(path, n, record, max_bytes)
                    except InputError as err:
                        yield err
                records.read_to_end()
                end = records.get_record_offset() + records.get_record_length()
            fh.seek(end)
            if fh.read(_TAIL_BYTES).strip():  # bytes after the last whole record: a cut-off one
                yield InputError(f"{path} record {n + 1}", "truncated or corrupt WARC (the file ends inside "
                                                           "a record header)")
    except OSError as err:
        yield InputError(path, f"cannot read: {err.strerror or err}")
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as err:
        why = str(err).strip() or type(err).__name__
        yield InputError(f"{path} record {n + 1}", f"truncated or corrupt WARC ({why})")
