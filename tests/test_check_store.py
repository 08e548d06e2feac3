"""`quotes check --db`: a store checked through its full-text index, and the command's
outputs and exit codes (model-free)."""

from __future__ import annotations

import json

import pytest

from quotes.cli import main
from quotes.store.check import check_store
from quotes.store.sqlite import Store
from quotes.types import (
    ASSERTS, OUTLET, PERSON, SINGLE_SOURCE, UNRELATED, Article, Attribution, ChainLink, Speaker,
)

CLAIM = "the bridge over the river was closed"


def bridge(doc: str, publisher: str, speaker: str = "Ann Lee") -> tuple[Article, list]:
    text = f"{speaker} told AP that the bridge over the river was closed. The weather was mild."
    start = text.index("the bridge")
    rec = Attribution(doc, "indirect", "the bridge over the river was closed", start, start + 36,
                      "told", ASSERTS, Speaker(speaker, speaker, PERSON, start=0, end=len(speaker)),
                      (ChainLink("AP", OUTLET, "told", text.index("AP"), text.index("AP") + 2),))
    return Article(doc, text, publisher=publisher), [rec]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "q.db"
    with Store(path) as st:
        items = [bridge(f"d{i}", f"Outlet {i}") for i in range(5)]
        items.append((Article("other", "Parliament passed the budget on Tuesday after a long debate.",
                              publisher="Post"), []))
        st.write(items, extractor="test")
        st.refresh()
    return path


def test_check_store_finds_the_articles_and_flags(db):
    r = check_store(db, CLAIM)
    assert sorted(a.doc for a in r.articles) == [f"d{i}" for i in range(5)]
    assert r.flag_names == [SINGLE_SOURCE] and r.origins[0].name == "Ann Lee"
    everything = check_store(db, CLAIM, all_articles=True)
    assert {a.doc: a.stance for a in everything.articles}["other"] == UNRELATED


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_cli_check_db_formats(db, fmt, capsys):
    assert main(["check", CLAIM, "--db", str(db), "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "jsonl":
        d = json.loads(out)
        assert d["claim"]["label"] and len(d["articles"]) == 5
    elif fmt == "csv":
        assert out.splitlines()[0].startswith("claim,doc,publisher,article_stance") and len(out.splitlines()) == 6
    else:
        assert "single_source" in out and "Ann Lee (person) via AP" in out


@pytest.mark.parametrize("claim,expected", [
    ("", "the claim is empty"),
    ("it was the one", "only stopwords"),
    ("Мост закрыт", "CYRILLIC"),
])
def test_cli_check_bad_claims_exit_5_with_a_message(db, claim, expected, capsys):
    assert main(["check", claim, "--db", str(db)]) == 5
    captured = capsys.readouterr()
    assert expected in captured.err and "Traceback" not in captured.err and captured.out == ""


def test_cli_check_needs_paths_or_db(capsys):
    assert main(["check", CLAIM]) == 2
    assert "give FILE|DIR paths or --db FILE" in capsys.readouterr().err
