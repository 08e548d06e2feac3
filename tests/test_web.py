"""The web view over a store (model-free: a store written with the fake extractor):
every page and API endpoint, bad ids and parameters, escaping, read-only access."""

from __future__ import annotations

import sqlite3
from urllib.parse import quote

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed (pip install 'quotes[web]')")
from starlette.testclient import TestClient  # noqa: E402

from fake_extract import fake_extract  # noqa: E402
from quotes.store.sqlite import Store  # noqa: E402
from quotes.types import Article  # noqa: E402
from quotes.web.app import create_app  # noqa: E402
from quotes.web.highlight import segments  # noqa: E402
from quotes.web.svg import layout  # noqa: E402

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
ARTICLES = [
    Article("a1", 'Ann Lee said the bridge in Ankara was closed. "We are ready," Bo Chen said.',
            publisher="Daily", date="2024-01-02", title="Bridge closed", url="https://daily.example/a1"),
    Article("a2", "Cy Dunn said that the bridge in Ankara was closed.", publisher="Herald",
            date="2024-01-05", title="Ankara bridge"),
    Article("a3", "Nothing was said here.", publisher="Daily", date="2024-01-03", title="Quiet"),
    Article("x/1", f"Eve Ford said that the page held <script>alert(1)</script> today. {XSS}",
            publisher=f"Evil {XSS}",
            date="2024-02-01", title=f"Title {XSS}", url="javascript:alert(1)"),
]


def write_store(path, articles=ARTICLES):
    with Store(path) as st:
        st.write([(a, fake_extract(a)) for a in articles], extractor="fake")
        st.refresh()
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return write_store(tmp_path_factory.mktemp("web") / "q.db")


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


@pytest.fixture(scope="module")
def bridge(client):
    return next(r for r in client.get("/api/claims").json()["rows"] if "bridge" in r["text"])


# --- the API ------------------------------------------------------------------------------


def test_api_claims_lists_flags_counts_and_dates(client, bridge):
    body = client.get("/api/claims").json()
    assert body["total"] == len(body["rows"]) >= 3 and body["page"] == 1
    assert bridge["statements"] == 2 and bridge["articles"] == 2 and bridge["sources"] == 2
    assert (bridge["first_seen"], bridge["last_seen"]) == ("2024-01-02", "2024-01-05")
    assert "confirmed" in bridge["flags"]


@pytest.mark.parametrize("params, check", [
    ("flag=confirmed", lambda rows: rows and all("confirmed" in r["flags"] for r in rows)),
    ("flag=contradicted", lambda rows: rows == []),
    ("sort=last_seen", lambda rows: [r["last_seen"] for r in rows] ==
     sorted((r["last_seen"] for r in rows), reverse=True)),
    ("sort=first_seen", lambda rows: [r["first_seen"] for r in rows] == sorted(r["first_seen"] for r in rows)),
    ("sort=text", lambda rows: [r["text"].casefold() for r in rows] == sorted(r["text"].casefold() for r in rows)),
    ("sort=articles", lambda rows: rows[0]["articles"] == 2),
    ("per_page=1&page=2", lambda rows: len(rows) == 1),
    ("q=Ankara+bridge+shut", lambda rows: "bridge" in rows[0]["text"]),
    ("q=weather+in+Paris", lambda rows: rows == []),
])
def test_api_claims_filter_sort_page_search(client, params, check):
    r = client.get(f"/api/claims?{params}")
    assert r.status_code == 200, r.text
    assert check(r.json()["rows"])


def test_api_claim_check(client, bridge):
    body = client.get(f"/api/claims/{bridge['id']}").json()
    assert body["text"] == bridge["text"] and body["total"] == 2
    assert {f["name"] for f in body["flags"]} == set(bridge["flags"])
    assert all(f["reasons"] for f in body["flags"])
    st = body["statements"][0]
    assert st["article"] == {"id": "a1", "publisher": "Daily", "date": "2024-01-02",
                             "title": "Bridge closed", "url": "https://daily.example/a1"}
    assert st["speaker"]["name"] == "Ann Lee" and st["effective_stance"] == "asserts"
    assert [h["name"] for h in st["path"]] == ["Daily", "Ann Lee"]


def test_api_article_and_source(client):
    art = client.get("/api/articles/a1").json()
    assert art["title"] == "Bridge closed" and len(art["attributions"]) == 2
    a = art["attributions"][0]
    assert art["text"][a["start"]:a["end"]] == a["content"] and a["claim"]["text"]
    src = client.get("/api/sources/ann%20lee").json()
    assert src["name"] == "Ann Lee" and src["total"] == 1
    assert src["statements"][0]["claim"]["flags"]
    outlet = client.get("/api/sources/daily").json()
    assert outlet["published_total"] == 2 and {a["id"] for a in outlet["published"]} == {"a1", "a3"}
    assert client.get("/api/articles/x%2F1").json()["id"] == "x/1"  # ids with a slash


@pytest.mark.parametrize("url, status, words", [
    ("/api/claims/c-nope", 404, "no claim"),
    ("/api/articles/nope", 404, "no article"),
    ("/api/sources/nobody%20at%20all", 404, "no source"),
    ("/api/nothing-here", 404, "no page"),
    ("/api/claims?page=0", 400, "page"),
    ("/api/claims?page=abc", 400, "page"),
    ("/api/claims?per_page=100000", 400, "per_page"),
    ("/api/claims?flag=maybe", 400, "flag"),
    ("/api/claims?sort=colour", 400, "sort"),
    ("/api/claims?q=" + "x" * 600, 400, "q"),
    ("/api/claims?q=%3F%3F", 400, "no words"),
    ("/api/claims/c-1?page=-3", 400, "page"),
    ("/api/sources/daily?per_page=0", 400, "per_page"),
])
def test_api_errors_are_json(client, url, status, words):
    r = client.get(url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    assert words in r.json()["error"]


@pytest.mark.parametrize("url, status", [
    ("/claims/c-nope", 404), ("/articles/nope", 404), ("/sources/nobody", 404),
    ("/claims?page=x", 400), ("/claims?flag=maybe", 400), ("/no/such/page", 404),
])
def test_pages_errors_are_html(client, url, status):
    r = client.get(url)
    assert r.status_code == status and "text/html" in r.headers["content-type"]
    assert "<h1>" + str(status) in r.text


def test_nothing_writes(client, db):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/claims").status_code == 405
    r = client.post("/claims/whatever")
    assert r.status_code == 405
    with client.app.state.db.connect() as conn, pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM articles")


# --- pages ------------------------------------------------------------------------------------


def test_pages_render(client, bridge):
    home = client.get("/", follow_redirects=True)
    assert home.status_code == 200 and bridge["text"] in home.text
    page = client.get(f"/claims/{bridge['id']}").text
    assert "<svg" in page and 'href="/sources/ann%20lee"' in page and "confirmed" in page
    assert 'href="/articles/a1#s-' in page  # the evidence links
    art = client.get("/articles/a1").text
    assert '<a class="hl content stance-asserts"' in art and 'class="hl speaker"' in art
    assert client.get("/sources/bo%20chen").status_code == 200
    assert client.get("/static/style.css").status_code == 200


def test_untrusted_text_is_escaped_everywhere(client):
    evil = next(r["id"] for r in client.get("/api/claims").json()["rows"] if "script" in r["text"])
    publisher = "/sources/" + quote(f"evil {XSS}", safe="")
    pages = [client.get(u).text for u in ("/articles/x%2F1", "/sources/eve%20ford", f"/claims/{evil}",
                                          "/claims?q=page+held+script", "/claims", publisher)]
    assert "Evil &lt;script&gt;" in pages[-1]
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page
    art = pages[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in art
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in art
    assert 'href="javascript:' not in art  # a non-http URL is shown, not linked
    api = client.get("/api/articles/x%2F1").json()
    assert XSS in api["text"] and XSS in api["title"]  # the API gives the data as it is


def test_security_headers(client):
    r = client.get("/claims")
    assert "script-src" not in r.headers["content-security-policy"]  # default-src 'none': no script
    assert r.headers["x-content-type-options"] == "nosniff"


def test_serve_command_reports_a_missing_store(tmp_path, capsys):
    from quotes.cli import main
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 4
    assert "no store at" in capsys.readouterr().err


def test_not_a_store(tmp_path):
    from quotes.errors import StoreError
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a quotes store"):
        create_app(bad)


# --- pieces ---------------------------------------------------------------------------------


@pytest.mark.parametrize("atts, expected", [
    ([], [("abcdef", None)]),
    ([{"n": 0, "parts": [[1, 3]], "speaker_span": [4, 6]}],
     [("a", None), ("bc", "content"), ("d", None), ("ef", "speaker")]),
    # a cue inside the content shows as the cue; the content goes on around it
    ([{"n": 0, "parts": [[0, 6]], "cue_span": [2, 3]}],
     [("ab", "content"), ("c", "cue"), ("def", "content")]),
    # pieces of a statement its cue interrupts
    ([{"n": 0, "parts": [[0, 2], [4, 6]]}], [("ab", "content"), ("cd", None), ("ef", "content")]),
])
def test_segments(atts, expected):
    segs = segments("abcdef", atts)
    assert [(s.text, s.role) for s in segs] == expected
    assert "".join(s.text for s in segs) == "abcdef"


def test_tree_layout_is_bounded_and_shares_relays():
    st = {"article": {"id": "d", "title": None}, "effective_stance": "asserts", "answers": [],
          "path": [{"name": "Tass", "kind": "outlet", "key": "tass"},
                   {"name": "Ann", "kind": "person", "key": "ann"}]}
    t = layout([st] * 500)
    assert t["drawn"] == 60 and t["total"] == 500
    assert [n["label"] for n in t["nodes"]] == ["d", "Tass", "Ann"]  # one path, drawn once


# --- serving while an ingest writes --------------------------------------------------------

INGEST = """
import sys
sys.path.insert(0, {tests!r})
from fake_extract import fake_extract
from quotes.store.ingest import ingest
r = ingest([{src!r}], {db!r}, extract=fake_extract, progress=False, batch=2)
assert r.failed == 0, r.failures
"""


def test_pages_load_while_an_ingest_writes(tmp_path):
    import os
    import subprocess
    import sys
    import time
    from pathlib import Path

    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir(), later.mkdir()
    for i in range(40):
        d = first if i < 4 else later
        (d / f"art{i:03d}.txt").write_text(
            f"Ann Lee said that the harbour in Izmir was closed. Cy Dunn said that story {i} was new.\n",
            encoding="utf-8")
    db = tmp_path / "live.db"
    from quotes.store.ingest import ingest
    ingest([first], db, extract=fake_extract, progress=False)
    client = TestClient(create_app(db))
    assert client.get("/api/claims?q=harbour+Izmir+closed").json()["rows"][0]["articles"] == 4

    env = {**os.environ, "QUOTES_FAKE_DELAY": "0.03"}
    code = INGEST.format(tests=str(Path(__file__).resolve().parent), src=str(later), db=str(db))
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    loads, deadline = 0, time.time() + 120
    try:
        while proc.poll() is None and time.time() < deadline:
            for url in ("/claims", "/api/claims?sort=last_seen", "/articles/art000",
                        "/sources/ann%20lee", "/api/claims?q=harbour+Izmir"):
                r = client.get(url)
                assert r.status_code == 200, (url, r.text)
                loads += 1
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == 0 and loads > 10
    # the next load shows the new articles and the regrouped claim
    assert client.get("/api/articles/art039").status_code == 200
    assert client.get("/api/claims?q=harbour+Izmir+closed").json()["rows"][0]["articles"] == 40


# --- checking a typed claim (Corpus.check) ----------------------------------------------------


def _wait_for_check(client, url):
    import time
    deadline = time.time() + 60
    while True:
        r = client.get(url)
        if r.status_code != 503 or time.time() > deadline:
            return r
        assert r.headers["retry-after"]
        time.sleep(0.1)


def test_check_page_and_api(client):
    from quotes.web.checks import has_check
    if not has_check():
        assert client.get("/api/check?q=bridge").status_code == 404
        pytest.skip("this version of the library has no Corpus.check")
    r = _wait_for_check(client, "/api/check?q=the+Ankara+bridge+was+closed")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["claim"] and body["claim"]["stored"] is not None
    assert {a["doc"] for a in body["articles"]} >= {"a1", "a2"}
    assert all(a["stance"] in ("supports", "denies", "reports", "cannot_confirm", "unrelated")
               for a in body["articles"])
    page = _wait_for_check(client, "/check?q=the+Ankara+bridge+was+closed")
    assert page.status_code == 200 and "<svg" in page.text and "a1" in page.text
    none = _wait_for_check(client, "/api/check?q=weather+in+Paris+tomorrow")
    assert none.status_code == 200 and none.json()["claim"] is None and none.json()["message"]
    assert client.get("/api/check").status_code == 400
    assert client.get("/api/check?q=" + "x" * 600).status_code == 400
    evil = _wait_for_check(client, "/check?q=page+held+script")
    assert "<script>alert" not in evil.text


def test_a_claim_with_many_reasons_lists_some_and_links_the_rest(tmp_path):
    names = [f"Ann {chr(65 + i % 26)}{'a' * (1 + i // 26)}" for i in range(120)]
    arts = [Article(f"m{i}", f"{name} said that the tower in Izmir fell.", publisher=f"Paper {i}")
            for i, name in enumerate(names)]
    client = TestClient(create_app(write_store(tmp_path / "many.db", arts)))
    claim = client.get("/api/claims").json()["rows"][0]
    reasons = client.get(f"/api/claims/{claim['id']}").json()["flags"][0]["reasons"]
    assert len(reasons) == 120  # the API gives them all
    page = client.get(f"/claims/{claim['id']}")
    assert page.status_code == 200
    assert "108 more reasons" in page.text and "20 more in" in page.text
    assert client.get(f"/claims/{claim['id']}?page=3").status_code == 200
    assert client.get(f"/claims/{claim['id']}?page=4").status_code == 200  # past the end: empty page
