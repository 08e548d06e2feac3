"""The web view in a real browser: headless Chromium from Debian's ``chromium`` package,
driven by Playwright (never ``playwright install``: the browser is the system one).

The fact-checker's walk (acceptance 1) runs on a store built from the two example
articles with the real extractor (``model``); the escaping test (acceptance 2) on a store
written with the fake extractor. Both skip, saying why, only when Chromium or Playwright is
absent. ``QUOTES_SCREENSHOTS=DIR`` also saves the claim page's screenshot to DIR (the
README's picture is ``QUOTES_SCREENSHOTS=docs``).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed (pip install 'quotes[web]')")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (make setup does it as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install playwright; no browser download needed)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Server:
    """``quotes serve``'s application on 127.0.0.1 and a free port, in a thread."""

    def __init__(self, db: Path):
        import uvicorn
        from quotes.web.app import create_app
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("the web server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def page(browser):
    p = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.dialogs = dialogs
    yield p
    p.close()


@pytest.mark.model
def test_fact_checker_walk(page, tmp_path, example_records, example_texts):
    from quotes.store.sqlite import Store
    from quotes.types import Article
    db = tmp_path / "examples.db"
    with Store(db) as st:
        st.write([(Article(k, v), example_records[k]) for k, v in example_texts.items()], extractor="test")
        st.refresh()
    with Server(db) as srv:
        page.goto(srv.url + "/claims")
        page.fill("input[name=q]", "Putin visit postponed")
        page.press("input[name=q]", "Enter")
        page.wait_for_url("**/claims?q=*")
        best = page.locator("tr.best a.claim-link")
        assert "Putin" in best.inner_text()
        best.click()
        page.wait_for_url("**/claims/c-*")

        flag = page.locator("#flag-unconfirmed")
        assert flag.is_visible()
        reasons = flag.locator("li").all_inner_texts()
        assert "unconfirmed: no named source asserts it on the record" in reasons
        assert any("a diplomatic source in Turkey" in r and "not named" in r for r in reasons)
        paths = page.locator(".stmt .who").all_inner_texts()
        assert "Tass → a diplomatic source in Turkey → a report" in paths
        tree = page.locator(".provenance svg")
        assert tree.is_visible()
        labels = tree.locator("text").all_text_contents()
        assert {"Tass", "a report", "Dmitry Peskov"} <= set(labels)
        shot = tmp_path / "web-claim.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        if os.environ.get("QUOTES_SCREENSHOTS"):
            shutil.copy(shot, Path(os.environ["QUOTES_SCREENSHOTS"]) / shot.name)

        stmt = page.locator(".stmt", has_text="a diplomatic source in Turkey → a report")
        stmt.locator("a.evidence-link").click()
        page.wait_for_url("**/articles/putin_nato_visit_postponed*")
        marks = page.locator("article.text a.hl.content").all_inner_texts()
        assert "Putin's visit to the NATO country was canceled" in marks
        assert page.locator("article.text .hl.speaker", has_text="a diplomatic source in Turkey").count()

        page.locator("ol.attributions a", has_text="Dmitry Peskov").first.click()
        page.wait_for_url("**/sources/dmitry%20peskov")
        assert page.locator("h1").inner_text() == "Dmitry Peskov"
        said = page.locator("table.said tbody tr")
        assert said.count() >= 3
        assert page.locator("table.said", has_text="had been postponed").count()

        from quotes.web.checks import has_check
        if has_check():  # the check of a claim typed in the user's words (Corpus.check)
            page.goto(srv.url + "/claims")
            page.fill("input[name=q]", "Putin's visit to Turkey was postponed")
            page.locator("form.search button", has_text="Check").click()
            # the first check waits for the corpus to load (the wait page reloads itself)
            page.wait_for_selector("#flag-unconfirmed", timeout=120_000)
            article = page.locator("li.article-about", has_text="putin_nato_visit_postponed")
            assert article.locator(".stance").first.inner_text() == "reports"
            assert article.locator(".stmt", has_text="Dmitry Peskov").count()
            assert page.locator(".provenance svg").is_visible()
    assert page.dialogs == []


def test_untrusted_article_shows_as_text(page, tmp_path):
    from fake_extract import fake_extract
    from quotes.store.sqlite import Store
    from quotes.types import Article
    payload = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
    art = Article("evil", f"Eve Ford said that the page held <script>alert(1)</script> today. {payload}",
                  publisher="Web", title=f"Title {payload}", url="javascript:alert(1)")
    db = tmp_path / "evil.db"
    with Store(db) as st:
        st.write([(art, fake_extract(art))], extractor="fake")
        st.refresh()
    with Server(db) as srv:
        for url in ("/articles/evil", "/claims", "/sources/eve%20ford"):
            page.goto(srv.url + url)
            page.wait_for_load_state("load")
            assert page.locator("script").count() == 0
            assert page.locator("img").count() == 0
        page.goto(srv.url + "/articles/evil")
        assert page.locator("h1").inner_text() == f"Title {payload}"
        assert payload in page.locator("article.text").inner_text()
        assert "&lt;script&gt;" in page.content()
        page.goto(srv.url + "/claims")
        page.locator("a.claim-link").first.click()
        assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert page.dialogs == []
