"""Ingest: idempotent, resumable, parallel (process pool, Dask), bad records reported
(model-free except the one ``model`` test)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fake_extract import fake_extract
from quotes.cli import main
from quotes.store.ingest import ingest
from quotes.store.sqlite import Store

HERE = Path(__file__).resolve().parent
NAMES = ["Ann Lee", "Bo Chen", "Cy Dunn", "Di Ellis"]
TOPICS = ["the bridge in Ankara was closed", "the visit to Turkey was postponed",
          "the budget vote failed", "the harbour reopened"]


def make_corpus(d: Path, n: int = 12) -> Path:
    """``n`` small articles as .txt files, plus a JSON Lines and a CSV feed."""
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        who, what = NAMES[i % 4], TOPICS[i % 3]
        (d / f"art{i:03d}.txt").write_text(
            f'{who} said that {what}. "We will see," {NAMES[(i + 1) % 4]} said.\n', encoding="utf-8")
    with open(d / "feed.jsonl", "w", encoding="utf-8") as fh:
        for i in range(3):
            fh.write(json.dumps({"id": f"j{i}", "text": f"{NAMES[i]} said {TOPICS[3]}.",
                                 "publisher": "Wire"}) + "\n")
    (d / "feed.csv").write_text("id,text,publisher,date\n"
                                'c1,"Di Ellis said the budget vote failed.",Herald,2024-05-01\n',
                                encoding="utf-8")
    return d


@pytest.fixture
def corpus_dir(tmp_path):
    return make_corpus(tmp_path / "in")


def run(paths, db, **kw):
    kw.setdefault("extract", fake_extract)
    kw.setdefault("progress", False)
    return ingest(paths, db, **kw)


def snapshot(db):
    with Store(db, create=False) as st:
        return st.snapshot()


# --- acceptance 1: idempotent -------------------------------------------------------------

def test_ingesting_twice_changes_nothing(corpus_dir, tmp_path):
    db = tmp_path / "q.db"
    r1 = run([corpus_dir], db)
    assert (r1.ingested, r1.unchanged, r1.failed) == (16, 0, 0) and r1.refreshed
    with Store(db) as st:
        counts = st.counts()
    assert counts["claims"] > 0 and counts["edges"] > 0 and counts["sources"] > 0
    before = snapshot(db)
    r2 = run([corpus_dir], db)
    assert (r2.ingested, r2.unchanged, r2.failed, r2.refreshed) == (0, 16, 0, False)
    with Store(db) as st:
        assert st.counts() == counts
    assert snapshot(db) == before


def test_changed_text_replaces_old_attributions(corpus_dir, tmp_path):
    db = tmp_path / "q.db"
    run([corpus_dir], db)
    (corpus_dir / "art000.txt").write_text("Ann Lee said the harbour reopened.\n", encoding="utf-8")
    r = run([corpus_dir], db)
    assert (r.ingested, r.unchanged) == (1, 15)
    with Store(db) as st:
        assert [a.content for a in st.attributions("art000")] == ["the harbour reopened"]
        assert not st.stale
        # the claims follow: the new statement joined the harbour claim
        claim = st.corpus().claim("harbour reopened")
        assert "art000" in {a.doc for a in claim.statements}
    # a fresh store of the same inputs is the same store
    fresh = tmp_path / "fresh.db"
    run([corpus_dir], fresh)
    assert snapshot(fresh) == snapshot(db)


def test_a_different_extractor_extracts_again(corpus_dir, tmp_path):
    from quotes.store.ingest import no_attributions
    db = tmp_path / "q.db"
    run([corpus_dir], db)
    r = run([corpus_dir], db, extract=no_attributions)
    assert r.ingested == 16
    with Store(db) as st:
        # claims left come from the articles' own voice alone (derived, not stored statements)
        assert st.counts()["attributions"] == 0 and st.counts()["claim_statements"] == 0


# --- acceptance 3: bad records -----------------------------------------------------------

def test_bad_records_are_reported_and_the_good_ones_stored(tmp_path):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "good.txt").write_text("Ann Lee said the harbour reopened.", encoding="utf-8")
    (d / "latin1.txt").write_bytes("Ann said so.\nJosé said no.".encode("latin-1"))
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with open(d / "huge.txt", "wb") as fh:  # 50 MB (sparse: refused before it is read)
        fh.truncate(50 * 1024 * 1024)
    (d / "feed.jsonl").write_text('{"id": "j1", "text": "Bo Chen said the vote failed."}\n'
                                  '{"id": "j2", "publisher": "Wire"}\n'
                                  '{"id": "j3", "text": "Cy Dunn said the bridge was closed."}\n',
                                  encoding="utf-8")
    (d / "feed.csv").write_text('id,text\nc1,"Di Ellis said the vote failed."\n'
                                'c2,"Ed said "so" and left"\n'
                                'c3,"Ann Lee said the visit was postponed."\n', encoding="utf-8")
    db = tmp_path / "q.db"
    r = run([d], db)
    msgs = "\n".join(r.failures)
    assert f"{d / 'latin1.txt'}:2: not UTF-8 text" in msgs
    assert f"{d / 'binary.txt'}: binary file" in msgs
    assert f"{d / 'huge.txt'}: file is 50.0 MiB, over the 20 MiB limit" in msgs
    assert f"{d / 'feed.jsonl'}:2: record has no 'text'" in msgs
    assert f"{d / 'feed.csv'}:3: broken CSV row" in msgs
    assert (r.ingested, r.failed) == (5, 5)
    with Store(db) as st:
        assert sorted(a.id for a in st.articles()) == ["c1", "c3", "good", "j1", "j3"]
        assert st.counts()["attributions"] == 5
    # a smaller limit through max_bytes
    r = run([d / "good.txt"], tmp_path / "small.db", max_bytes=10)
    assert r.failed == 1 and "over the 9.53674e-06 MiB limit" in r.failures[0]


def test_extraction_failures_and_duplicates_are_reported(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Ann Lee said the vote failed.", encoding="utf-8")
    (d / "boom.txt").write_text("EXPLODE", encoding="utf-8")
    (d / "sub").mkdir()
    (d / "sub" / "a.txt").write_text("A different article with the same id.", encoding="utf-8")
    r = run([d], tmp_path / "q.db")
    assert (r.ingested, r.failed) == (1, 2)
    assert "boom: extraction failed: RuntimeError: fake extractor exploded" in r.failures
    assert any("a.txt: duplicate article id 'a'" in f for f in r.failures)


def test_nothing_stored_is_lost_when_a_run_fails(corpus_dir, tmp_path):
    db = tmp_path / "q.db"
    run([corpus_dir], db)
    before = snapshot(db)
    r = run([tmp_path / "nowhere"], db)
    assert r.failed == 1 and "no such file or folder" in r.failures[0]
    assert snapshot(db) == before


# --- progress and CLI ---------------------------------------------------------------------

def test_progress_bar_and_quiet(corpus_dir, tmp_path, capsys):
    run([corpus_dir], tmp_path / "q.db", progress=True)
    err = capsys.readouterr().err
    assert "16 articles" in err and "new 16, unchanged 0, failed 0" in err and "/s" in err
    run([corpus_dir], tmp_path / "q2.db", progress=None, quiet=True)
    assert capsys.readouterr().err == ""


def test_cli_ingest_then_query_the_store(corpus_dir, tmp_path, capsys, monkeypatch):
    import quotes.store.ingest as qi
    real = qi.extract_batch
    monkeypatch.setattr(qi, "extract_batch", lambda b, e, m: real(b, fake_extract, m))
    db = str(tmp_path / "q.db")
    (corpus_dir / "empty.txt").write_text("")
    assert main(["ingest", str(corpus_dir), "--db", db, "--quiet"]) == 2
    out, err = capsys.readouterr()
    assert "ingested 16, unchanged 0, failed 1" in out
    assert "empty.txt: file is empty" in err
    assert main(["claims", "--db", db]) == 0
    claims = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {"bridge in Ankara was closed" in c["text"] for c in claims} >= {True}
    assert main(["trace", "bridge Ankara closed", "--db", db]) == 0
    assert "Ann Lee (person)" in capsys.readouterr().out
    out_file = tmp_path / "g.graphml"
    assert main(["export", "--db", db, "--to", "graphml", "-o", str(out_file)]) == 0
    assert out_file.read_text().startswith("<?xml")
    assert main(["claims", "--db", str(tmp_path / "missing.db")]) == 4
    assert "no store at" in capsys.readouterr().err


# --- parallel: process pool and Dask --------------------------------------------------------

def test_two_worker_processes_store_the_same(corpus_dir, tmp_path):
    run([corpus_dir], tmp_path / "one.db", batch=4)
    r = run([corpus_dir], tmp_path / "two.db", workers=2, batch=4)
    assert (r.ingested, r.failed) == (16, 0)
    assert snapshot(tmp_path / "two.db") == snapshot(tmp_path / "one.db")


@pytest.mark.slow
def test_dask_cluster_stores_the_same(corpus_dir, tmp_path):
    distributed = pytest.importorskip("distributed")
    run([corpus_dir], tmp_path / "one.db")
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        r = run([corpus_dir], tmp_path / "dask.db", scheduler=cluster.scheduler_address, batch=4)
    assert (r.ingested, r.failed) == (16, 0)
    assert snapshot(tmp_path / "dask.db") == snapshot(tmp_path / "one.db")


# --- acceptance 2: kill and resume ------------------------------------------------------------

RUNNER = """
import sys
sys.path.insert(0, {tests!r})
from fake_extract import fake_extract
from quotes.store.ingest import ingest
ingest([{src!r}], {db!r}, extract=fake_extract, batch=3, progress=False)
"""


def _stored_articles(db: Path) -> int:
    import sqlite3
    try:
        con = sqlite3.connect(db, timeout=5)
        try:
            return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _start_and_kill(code: str, db: Path, at_least: int) -> int:
    """Start an ingest, SIGKILL it once ``at_least`` articles are stored; return how many."""
    env = {**os.environ, "QUOTES_FAKE_DELAY": "0.05"}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.time() + 60
    while _stored_articles(db) < at_least and proc.poll() is None and time.time() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return _stored_articles(db)


@pytest.mark.slow
def test_killed_ingest_resumes_to_the_same_store(tmp_path):
    src = make_corpus(tmp_path / "in", n=30)
    total = 34
    db = tmp_path / "killed.db"
    code = RUNNER.format(tests=str(HERE), src=str(src), db=str(db))
    first = _start_and_kill(code, db, 4)
    assert 0 < first < total, "the kill should land mid-way"
    with Store(db, create=False) as st:
        assert st.stale  # claims not yet regrouped
    second = _start_and_kill(code, db, first + 9)  # killed again, later, while resuming
    assert first < second < total
    r = run([src], db)
    assert r.unchanged == second and r.ingested == total - second and r.failed == 0
    run([src], tmp_path / "clean.db")
    assert snapshot(db) == snapshot(tmp_path / "clean.db")


# --- the real extractor --------------------------------------------------------------------

@pytest.mark.model
def test_ingest_examples_with_the_real_extractor(tmp_path):
    from quotes.errors import ModelError
    from quotes.nlp.pipeline import resolve_models
    try:
        resolve_models()
    except ModelError as err:
        pytest.skip(f"no models: {err}")
    examples = HERE.parent / "data" / "examples"
    db = tmp_path / "q.db"
    r = ingest([examples], db, progress=False)
    assert r.failed == 0 and r.ingested == len(list(examples.glob("*.txt")))
    with Store(db) as st:
        assert st.counts()["attributions"] > 0 and st.counts()["claims"] > 0
        assert len(st.corpus().claims()) == st.counts()["claims"]
    assert ingest([examples], db, progress=False).unchanged == r.ingested
