"""Saved web pages and web-archive crawls as inputs (quotes.inputs.html, quotes.inputs.warc).

Every page here is written for the test. WARC files are written by the tests with warcio,
the library that reads them.
"""

from __future__ import annotations

import gzip
import io
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("trafilatura")
pytest.importorskip("warcio")

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from quotes.errors import InputError  # noqa: E402
from quotes.inputs.readers import read_articles  # noqa: E402
from quotes.store.ingest import ingest  # noqa: E402
from quotes.store.sqlite import SCHEMA_VERSION, Store  # noqa: E402
from tests.fake_extract import fake_extract  # noqa: E402

BODY = ("<p>The transport minister, Ann Lee, said on Tuesday that the Elm Street bridge would reopen "
        "in May after two years of repairs.</p>"
        "<p>\"We are on schedule and on budget,\" Ann Lee said at the site, where workers were "
        "laying the last section of the deck.</p>"
        "<p>Residents have complained for months about the detours, according to a survey by the "
        "local council.</p>")

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Minister says bridge will reopen | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:title" content="Minister says bridge will reopen in May">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<link rel="canonical" href="https://dailyledger.example/news/bridge-reopen">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<article><h1>Minister says bridge will reopen in May</h1><p class="byline">By Jane Roe</p>
{BODY}</article>
<aside class="related"><h2>Related articles</h2><ul><li><a href="/a">Council raises parking fees</a></li>
<li><a href="/b">Storm closes schools across the county</a></li></ul></aside>
<section id="comments"><h3>Comments</h3>
<div class="comment">Bob: This bridge has been closed forever, what a joke.</div></section>
<footer>© 2024 The Daily Ledger. All rights reserved.</footer>
</body></html>"""


def page(site: str, headline: str, body: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{headline}</title>"
            f"<meta property='og:site_name' content='{site}'></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{headline}</h1>{body}</article></body></html>")


def write_warc(path: Path, pages: list[tuple[str, str]], *, gzip_it: bool = True, extra_records: bool = True):
    """A WARC with a request record and a non-HTML response between the pages."""
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gzip_it)
        for i, (url, html) in enumerate(pages):
            if extra_records:
                w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                                http_headers=headers))
            if extra_records and i == 0:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(url + ".png", "response", payload=io.BytesIO(b"\x89PNG..."),
                                                    http_headers=img))


def articles_and_errors(paths, **kw):
    items = list(read_articles(paths, **kw))
    return [x for x in items if not isinstance(x, InputError)], [str(x) for x in items if isinstance(x, InputError)]


# --- pages -----------------------------------------------------------------------------------

def test_article_page_yields_main_text_and_metadata(tmp_path):
    p = tmp_path / "bridge.html"
    p.write_text(PAGE, encoding="utf-8")
    [art], errors = articles_and_errors([p])
    assert errors == []
    assert art.id == "bridge"
    assert "Elm Street bridge would reopen in May" in art.text
    assert "according to a survey by the local council" in art.text
    for boilerplate in ("Home", "Politics", "cookies", "Related articles", "parking fees",
                        "what a joke", "All rights reserved"):
        assert boilerplate not in art.text, boilerplate
    assert art.title == "Minister says bridge will reopen in May"
    assert art.publisher == "The Daily Ledger"
    assert art.date == "2024-03-05"
    assert art.url == "https://dailyledger.example/news/bridge-reopen"
    assert art.author == "Jane Roe"


@pytest.mark.parametrize("meta, expected", [
    ("<meta property='og:site_name' content='Ledger'>", "Ledger"),     # site name
    ("<link rel='canonical' href='https://www.ledger.example/x'>", "ledger.example"),  # else the domain
])
def test_publisher_is_site_name_else_domain(tmp_path, meta, expected):
    p = tmp_path / "a.htm"
    p.write_text(f"<html><head>{meta}</head><body><article>{BODY}</article></body></html>")
    [art], _ = articles_and_errors([p])
    assert art.publisher == expected


def test_offsets_index_the_stored_text(tmp_path):
    p = tmp_path / "bridge.html"
    p.write_text(PAGE, encoding="utf-8")
    [art], _ = articles_and_errors([p])
    [a] = [a for a in fake_extract(art) if a.type == "direct"]
    assert art.text[a.start:a.end] == a.content == "We are on schedule and on budget"


def test_declared_charset_is_honoured(tmp_path):
    p = tmp_path / "latin.html"
    p.write_bytes(("<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
                   f"</head><body><article>{BODY}<p>Le café était fermé, a déclaré le maire.</p>"
                   "</article></body></html>").encode("latin-1"))
    [art], errors = articles_and_errors([p])
    assert errors == [] and "café était fermé" in art.text


# --- bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, data, message", [
    ("nav.html", b"<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>",
     "no article text found"),
    ("unknown.html", b"<html><body><article><p>caf\xe9 \xe9t\xe9 " + b"x" * 200 + b"</p></article></body></html>",
     "not UTF-8 and no charset declared"),
    ("bogus.html", b"<html><head><meta charset='x-no-such-charset'></head><body><p>hi</p></body></html>",
     "unknown encoding 'x-no-such-charset'"),
])
def test_bad_pages_get_one_line_naming_the_file(tmp_path, name, data, message):
    good = tmp_path / "good.html"
    good.write_text(PAGE)
    bad = tmp_path / name
    bad.write_bytes(data)
    arts, errors = articles_and_errors([bad, good])
    assert [a.id for a in arts] == ["good"]          # the rest of the run goes on
    assert len(errors) == 1 and name in errors[0] and message in errors[0] and "\n" not in errors[0]


# --- WARC ---------------------------------------------------------------------------------------

PAGES = [(f"https://site{i}.example/story", page(f"Site {i}", f"Story {i}",
                                                  f"<p>Ann Lee said that the bridge {i} was closed for "
                                                  "repairs after the inspection found cracks in the deck.</p>"))
         for i in range(4)]


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_yields_one_article_per_html_page(tmp_path, gz):
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(p, PAGES, gzip_it=gz)
    arts, errors = articles_and_errors([tmp_path])     # found in a folder too
    assert errors == []
    assert [a.url for a in arts] == [u for u, _ in PAGES]
    assert [a.publisher for a in arts] == [f"Site {i}" for i in range(4)]
    assert all(a.id.startswith("crawl:") for a in arts) and len({a.id for a in arts}) == 4
    assert all(a.date for a in arts)                   # the record's WARC-Date when the page has none


def test_warc_is_ingested_record_by_record_and_reingest_changes_nothing(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    write_warc(p, PAGES)
    db = tmp_path / "q.db"
    first = ingest([p], db, extract=fake_extract, progress=False)
    assert (first.ingested, first.failed) == (4, 0)
    with Store(db) as st:
        before = st.snapshot()
        assert {a.publisher for a in st.articles()} == {f"Site {i}" for i in range(4)}
        assert st.counts()["attributions"] == 4
    again = ingest([p], db, extract=fake_extract, progress=False)
    assert (again.ingested, again.unchanged) == (0, 4)
    with Store(db) as st:
        assert st.snapshot() == before


def test_warc_is_streamed_not_bounded_by_the_article_size_limit(tmp_path):
    p = tmp_path / "big.warc"
    pages = [(f"https://s.example/{i}", page("S", f"H {i}", BODY)) for i in range(30)]
    write_warc(p, pages, gzip_it=False)
    assert p.stat().st_size > 10_000
    arts, errors = articles_and_errors([p], max_bytes=5_000)   # each page fits; the crawl does not
    assert len(arts) == 30 and errors == []


def test_truncated_warc_keeps_records_before_and_names_the_record(tmp_path):
    full = tmp_path / "full.warc"
    write_warc(full, PAGES, gzip_it=False, extra_records=False)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    arts, errors = articles_and_errors([cut])
    assert [a.url for a in arts] == [u for u, _ in PAGES[:3]]
    assert len(errors) == 1 and "cut.warc record" in errors[0] and "truncated" in errors[0]


def test_truncated_gzip_warc(tmp_path):
    full = tmp_path / "full.warc.gz"
    write_warc(full, PAGES, extra_records=False)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 40])
    arts, errors = articles_and_errors([cut])
    assert [a.url for a in arts] == [u for u, _ in PAGES[:3]]
    assert len(errors) == 1 and "cut.warc.gz record" in errors[0]


def test_not_a_warc(tmp_path):
    p = tmp_path / "junk.warc.gz"
    p.write_bytes(gzip.compress(b"this is not a web archive\n" * 10))
    arts, errors = articles_and_errors([p])
    assert arts == [] and len(errors) == 1 and "junk.warc.gz" in errors[0]


def test_old_store_gains_the_author_column(tmp_path):
    db = tmp_path / "old.db"
    with Store(db) as st:
        st.conn.execute("DROP VIEW statement_details")  # a version 1 store had no views
        st.conn.execute("ALTER TABLE articles DROP COLUMN author")
        st.conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store(db) as st:
        assert st._meta("schema_version") == SCHEMA_VERSION
    cols = [r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(articles)")]
    assert "author" in cols


# --- provenance uses the metadata (needs the models) ---------------------------------------------

AGENCY_PAGES = [
    ("https://www.northern-herald.example/a", "The Northern Herald",
     "<p>The port of Halden will close for six months to dredge its main channel, the news agency "
     "Reuters reported on Monday.</p><p>Shipping companies were told to plan other routes.</p>"),
    ("https://valley-post.example/b", "Valley Post",
     "<p>The port of Halden will close for six months to dredge its main channel, Reuters reported.</p>"
     "<p>Local fishermen fear for their season.</p>"),
    ("https://coastal-times.example/c", "Coastal Times",
     "<p>According to Reuters, the port of Halden will close for six months to dredge its main "
     "channel.</p><p>The harbour master could not be reached.</p>"),
]


@pytest.mark.model
def test_single_source_names_the_agency_and_the_three_publishers(tmp_path, models):
    from quotes.claims.corpus import Corpus
    p = tmp_path / "agency.warc.gz"
    write_warc(p, [(u, page(site, "Port to close", body)) for u, site, body in AGENCY_PAGES])
    corpus = Corpus.from_paths([p])
    assert sorted(a.publisher for a in corpus.articles.values()) == ["Coastal Times", "The Northern Herald",
                                                                     "Valley Post"]
    flagged = [c for c in corpus.claims() if c.has_flag("single_source") and "Halden" in c.text]
    assert flagged, [c.text for c in corpus.claims()]
    reasons = " ".join(r for f in flagged[0].flags if f.name == "single_source" for r in f.reasons)
    assert "Reuters" in reasons
    for site in ("The Northern Herald", "Valley Post", "Coastal Times"):
        assert site in reasons, reasons
