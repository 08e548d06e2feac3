"""An article's publisher, date, title and url reach every output: records in JSON Lines,
CSV and tables, every frame, claims (first and last seen, publishers) and the graph."""

from __future__ import annotations

import csv
import io
import json

import pytest

from fake_extract import fake_extract
from quotes.claims.corpus import Corpus
from quotes.views.output import claim_rows

ROWS = [
    {"id": "t1", "publisher": "Tass", "date": "2024-02-09", "title": "Visit off",
     "url": "https://tass.example/t1", "text": "Dmitry Peskov said the visit to Ankara was postponed."},
    {"id": "r1", "publisher": "Reuters", "date": "2024-02-10T08:00:00Z", "title": "Kremlin on visit",
     "url": "https://reuters.example/r1",
     "text": "Kremlin spokesman Dmitry Peskov said that the visit to Ankara was postponed."},
]
META = {r["id"]: {k: r[k] for k in ("publisher", "date", "title", "url")} for r in ROWS}


@pytest.fixture
def news_csv(tmp_path):
    path = tmp_path / "news.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(ROWS[0]))
        w.writeheader()
        w.writerows(ROWS)
    return path


@pytest.fixture
def corpus(news_csv):
    return Corpus.from_paths(news_csv, extract=fake_extract, progress=False)


def _has_meta(df, doc_col="doc"):
    for _, row in df.iterrows():
        want = META[row[doc_col]]
        assert (row.publisher, row.title, row.url) == (want["publisher"], want["title"], want["url"])
        assert str(row.date.date()) == want["date"][:10]


def test_attribution_frames(corpus):
    df = corpus.attributions.to_frame()
    assert len(df) == 2 and str(df.date.dtype).startswith("datetime64")
    assert str(df.publisher.dtype) == "category"
    _has_meta(df)
    _has_meta(corpus.claims().statements_frame())


def test_claims_first_last_seen_and_publishers(corpus):
    (claim,) = corpus.claims()
    assert (claim.first_seen, claim.last_seen) == ("2024-02-09", "2024-02-10T08:00:00Z")
    assert claim.publishers == ("Tass", "Reuters")
    df = corpus.claims().to_frame()
    assert df.loc[0, "publishers"] == "Tass; Reuters"
    assert str(df.loc[0, "first_seen"]) == "2024-02-09 00:00:00"
    assert str(df.loc[0, "last_seen"]) == "2024-02-10 08:00:00"
    rec = claim.to_dict()
    assert rec["publishers"] == ["Tass", "Reuters"] and rec["first_seen"] == "2024-02-09"
    (row,) = claim_rows(corpus.claims(), "csv")
    assert row["publishers"] == "Tass; Reuters" and row["last_seen"] == "2024-02-10T08:00:00Z"


def test_trace_and_said_by_frames(corpus):
    _has_meta(corpus.trace("visit Ankara postponed").to_frame())
    _has_meta(corpus.said_by("Dmitry Peskov").to_frame())


def test_graph_attributes(corpus):
    G = corpus.graph
    st = [d for _, d in G.nodes(data=True) if d.get("kind") == "statement"]
    assert {(d["doc"], d["publisher"], d["date"], d["url"]) for d in st} == {
        (k, v["publisher"], v["date"], v["url"]) for k, v in META.items()}
    (claim,) = [d for _, d in G.nodes(data=True) if d.get("kind") == "claim"]
    assert (claim["first_seen"], claim["last_seen"], claim["publishers"]) == (
        "2024-02-09", "2024-02-10T08:00:00Z", "Tass; Reuters")
    art = G.nodes["article:t1"]
    assert (art["publisher"], art["title"]) == ("Tass", "Visit off")


def test_graphml_export_keeps_them(corpus):
    from quotes.views.export import write_graphml
    buf = io.BytesIO()
    write_graphml(corpus.graph, buf)
    xml = buf.getvalue().decode("utf-8")
    assert "first_seen" in xml and "https://reuters.example/r1" in xml


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_cli_extract_carries_metadata(news_csv, capsys, monkeypatch, nlp, fmt):
    from quotes.cli import main
    monkeypatch.setenv("COLUMNS", "120")
    assert main(["extract", str(news_csv), "--format", fmt, "-q", "-j", "1"]) == 0
    out = capsys.readouterr().out
    if fmt == "jsonl":
        recs = [json.loads(line) for line in out.splitlines()]
        assert {r["doc"] for r in recs} == {"t1", "r1"}
        for r in recs:
            assert {k: r[k] for k in META[r["doc"]]} == META[r["doc"]]
    elif fmt == "csv":
        recs = list(csv.DictReader(io.StringIO(out)))
        assert recs and all({k: r[k] for k in META[r["doc"]]} == META[r["doc"]] for r in recs)
    else:
        for doc, m in META.items():
            assert f"{doc} · {m['publisher']} · {m['date']} · {m['title']} · {m['url']}" in out


@pytest.mark.model
def test_cli_claims_carry_first_last_seen(news_csv, capsys, nlp):
    from quotes.cli import main
    assert main(["claims", str(news_csv), "--format", "jsonl", "-q", "-j", "1"]) == 0
    claims = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    visit = next(c for c in claims if "postponed" in c["text"])
    assert visit["publishers"] == ["Tass", "Reuters"] and visit["first_seen"] == "2024-02-09"
    assert main(["claims", str(news_csv), "--format", "csv", "-q", "-j", "1"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert any(r["publishers"] == "Tass; Reuters" and r["last_seen"] == "2024-02-10T08:00:00Z"
               for r in rows)
