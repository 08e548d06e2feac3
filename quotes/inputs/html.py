"""Saved web pages: the article's main text and its metadata, from HTML.

The main text (no navigation, comments, related-article lists or cookie notices) and the
page's metadata (title, site name, author, date, canonical URL) come from
`trafilatura <https://trafilatura.readthedocs.io>`_, an optional dependency
(``pip install 'quotes[web-inputs]'``). Paragraphs are joined by a blank line, as in the
project's ``.txt`` articles; offsets index this extracted text, which is what is stored
and shown, and ``url`` keeps the way back to the page.

>>> page = ("<html><head><title>Bridge to reopen</title>"
...         "<meta property='og:site_name' content='The Daily Ledger'></head><body>"
...         "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav><article>"
...         "<p>The transport minister, Ann Lee, said on Tuesday that the Elm Street bridge "
...         "would reopen in May after two years of repairs and several delays.</p>"
...         "<p>Residents have complained for months about the detours, according to a "
...         "survey by the local council published last week.</p></article></body></html>")
>>> art = article_from_html(page, id="bridge", url="https://ledger.example/bridge")
>>> art.publisher, art.url
('The Daily Ledger', 'https://ledger.example/bridge')
>>> "Home" in art.text, art.text.count("\\n\\n")
(False, 1)
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from urllib.parse import urlsplit

from quotes.errors import InputError
from quotes.types import Article

#: File endings of saved web pages.
HTML_SUFFIXES = (".html", ".htm")
#: A charset declared in the page itself (``<meta charset=...>`` or http-equiv), looked for
#: in its first bytes as browsers do.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SNIFF_BYTES = 4096
#: A page's main text needs one line of at least this many words: link labels alone
#: ("Home", "Politics") are navigation, not an article.
MIN_LINE_WORDS = 5
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _trafilatura():
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise InputError("HTML input", "reading web pages needs trafilatura: "
                                       "pip install 'quotes[web-inputs]'") from None
    return trafilatura


def decode_html(data: bytes, source: object, declared: str | None = None) -> str:
    """The page's text: by its byte-order mark, the charset the server or the page declares,
    else UTF-8; a page in an encoding that cannot be known raises :class:`InputError`.

    >>> decode_html(b"<meta charset='latin-1'><p>caf\\xe9</p>", "p.html")[-8:]
    'café</p>'
    >>> decode_html(b"<p>caf\\xe9</p>", "p.html")
    Traceback (most recent call last):
    ...
    quotes.errors.InputError: p.html: not UTF-8 and no charset declared (byte 0xe9 at 6)
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name)
    m = _META_CHARSET.search(data[:_SNIFF_BYTES])
    charset = declared or (m.group(1).decode("ascii", "replace") if m else None)
    if charset:
        try:
            return data.decode(codecs.lookup(charset).name, errors="replace")
        except LookupError:
            raise InputError(source, f"unknown encoding {charset!r} declared") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(source, f"not UTF-8 and no charset declared (byte 0x{data[err.start]:02x} "
                                 f"at {err.start})") from None


def publisher_of(sitename: str | None, url: str | None) -> str | None:
    """The site's name, else its domain without ``www.``.

    >>> publisher_of(None, "https://www.ledger.example/a/b"), publisher_of("Ledger", None)
    ('ledger.example', 'Ledger')
    """
    if sitename and sitename.strip():
        return sitename.strip()
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def article_from_html(html: str, *, id: str, url: str | None = None, date: str | None = None,
                      source: object = None) -> Article:
    """One :class:`Article` from a page's HTML; ``url`` and ``date`` (e.g. from a WARC
    record) are used where the page itself does not say. A page with no main text raises
    :class:`InputError` naming ``source``."""
    # fast: trafilatura's own extractor without its slower fallback algorithms (half the time)
    doc = _trafilatura().bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                         include_tables=False, fast=True)
    lines = [line.strip() for line in (doc.text or "").splitlines() if line.strip()] if doc else []
    text = "\n\n".join(lines)
    if not any(len(line.split()) >= MIN_LINE_WORDS for line in lines):
        raise InputError(source or id, "no article text found in the page (navigation or boilerplate only)")
    page_url = doc.url or url
    return Article(id=id, text=text, publisher=publisher_of(doc.sitename, page_url or url),
                   date=doc.date or date, url=page_url, title=doc.title or None, author=doc.author or None)


def read_html(path: Path, data: bytes) -> Article:
    """A saved page (``.html``/``.htm``) as an :class:`Article` whose id is the file stem."""
    return article_from_html(decode_html(data, path), id=path.stem, source=path)
