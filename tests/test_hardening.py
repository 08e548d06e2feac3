"""Faults and bad input (one case per defect of the hardening issue): every bad input gets a
one-line message and an exit code, no good input is lost, no output is unsafe to open.

Model-free unless marked ``model``; the slow ones (real models, processes killed) are marked
``slow`` and run in ``make test`` like the others.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from quotes.cli import main
from quotes.errors import InputError
from quotes.inputs.readers import read_articles

GOOD = ('Ann Lee said the bridge was closed.\n"We will see," Bo Chen said.\n'
        '"It is over," she added. Cy Dunn said the vote failed.\n')


def _read(paths):
    arts, errs = [], []
    for x in read_articles(paths):
        (errs if isinstance(x, InputError) else arts).append(x)
    return arts, errs


# --- inputs ----------------------------------------------------------------------------------

def test_lone_cr_line_ends_are_line_ends(tmp_path):
    (tmp_path / "mac.txt").write_bytes(GOOD.replace("\n", "\r").encode())
    (tmp_path / "dos.txt").write_bytes(GOOD.replace("\n", "\r\n").encode())
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "j", "text": GOOD.replace("\n", "\r")}) + "\n")
    arts, errs = _read([tmp_path])
    by_id = {a.id: a.text for a in arts}
    assert not errs
    assert by_id["mac"] == by_id["j"] == GOOD  # one character for one: offsets unchanged
    assert by_id["dos"] == GOOD.replace("\n", "\r\n")


def test_csv_row_never_closed_is_reported_and_later_rows_kept(tmp_path):
    p = tmp_path / "feed.csv"
    p.write_text('id,text\n1,"Ann said so."\n2,"Bo said "so\n3,"Cy said no."\n4,"Di said yes."\n')
    arts, errs = _read([p])
    assert [a.id for a in arts] == ["1", "3", "4"]
    assert [(e.line, "broken CSV row" in str(e)) for e in errs] == [(3, True)]


def test_csv_unclosed_quote_at_the_end(tmp_path):
    p = tmp_path / "feed.csv"
    p.write_text('id,text\n1,"Ann said so."\n2,"never closed\n3,"Cy said no."\n')
    arts, errs = _read([p])
    assert [a.id for a in arts] == ["1", "3"] and [e.line for e in errs] == [3]


def test_unreadable_subfolder_is_named(tmp_path, monkeypatch):
    import os
    (tmp_path / "ok.txt").write_text(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(GOOD)
    real = os.scandir

    def scandir(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    arts, errs = _read([tmp_path])
    assert [a.id for a in arts] == ["ok"]
    assert [str(e) for e in errs] == [f"{locked}: cannot read folder: Permission denied"]
    arts, errs = _read([locked])  # given directly: named as unreadable, not as empty
    assert not arts and "cannot read folder" in str(errs[0])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path, codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
    (tmp_path / "a.txt").write_bytes(bom + GOOD.encode(codec))
    (tmp_path / "f.jsonl").write_bytes(bom + (json.dumps({"id": "j", "text": "Hi."}) + "\n").encode(codec))
    (tmp_path / "f.csv").write_bytes(bom + 'id,text\nc,"Hi, he said."\n'.encode(codec))
    arts, errs = _read([tmp_path])
    assert not errs and {a.id: a.text for a in arts} == {"a": GOOD, "j": "Hi.", "c": "Hi, he said."}


def test_nul_byte_late_in_a_file_is_binary(tmp_path):
    p = tmp_path / "late.txt"
    p.write_bytes(b"a" * 70_000 + b"\x00")
    _, errs = _read([p])
    assert "binary file (NUL byte at byte 70000)" in str(errs[0])


def test_size_limit_message_agrees_with_the_limit(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    _, errs = _read([p])
    assert str(errs[0]).endswith("file is 21.0 MiB, over the 20 MiB limit for one article")


def test_duplicate_ids_are_named_with_file_and_line(tmp_path, capsys):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "text": "One."}) + "\n"
                                      + json.dumps({"id": "x", "text": "Two."}) + "\n")
    arts, errs = _read([tmp_path / "a.jsonl"])
    assert [a.text for a in arts] == ["One."]
    assert str(errs[0]) == f"{tmp_path / 'a.jsonl'}:2: duplicate article id 'x' (first at " \
                           f"{tmp_path / 'a.jsonl'}:1); kept the first"


def test_unpaired_surrogate_in_json_is_refused(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "x", "text": "Bad \\ud800 text."}\n')
    _, errs = _read([tmp_path / "a.jsonl"])
    assert "unpaired surrogate (U+D800) at character 4" in str(errs[0])


# --- outputs ---------------------------------------------------------------------------------

FORMULAS = ["=1+2 is two", "-2+3+cmd|' /C calc'!A0", "+44 20 7946 0000", "@SUM(A1:A2)", "\tTab", "\rCR"]


def test_csv_cells_cannot_run_as_formulas():
    import csv
    import io
    from quotes.views.output import write_rows
    rows = [{"content": f, "n": -2} for f in FORMULAS] + [{"content": "said so", "n": 1}]
    buf = io.StringIO()
    write_rows(rows, "csv", buf)
    got = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["content"] for r in got] == ["'" + f for f in FORMULAS] + ["said so"]
    assert {r["n"] for r in got} == {"-2", "1"}  # numbers stay numbers
    buf = io.StringIO()
    write_rows(rows, "csv", buf, safe_csv=False)
    assert [r["content"] for r in csv.DictReader(io.StringIO(buf.getvalue()))][:4] == FORMULAS[:4]


@pytest.fixture
def fake_cli(monkeypatch):
    """`quotes ingest` with the model-free extractor of the ingest tests."""
    import functools
    import sys
    sys.path.insert(0, str(Path(__file__).parent))
    from fake_extract import fake_extract
    import quotes.store.ingest as mod
    monkeypatch.setattr(mod, "ingest", functools.partial(mod.ingest, extract=fake_extract))


def _fake_store(tmp_path, text: str):
    import sys
    sys.path.insert(0, str(Path(__file__).parent))
    from fake_extract import fake_extract
    from quotes.store.ingest import ingest
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "q.db"
    assert ingest([tmp_path / "in"], db, extract=fake_extract, progress=False).ingested == 1
    return db


def test_cli_csv_of_claims_and_trace_is_neutralised(tmp_path, capsys):
    import csv
    import io
    db = str(_fake_store(tmp_path, '"=1+2 is two," Ann Lee said. "-2+3+cmd|\' /C calc\'!A0," Bo Chen said.\n'))
    assert main(["claims", "--db", db, "--format", "csv"]) == 0
    cells = [c for row in csv.reader(io.StringIO(capsys.readouterr().out)) for c in row]
    assert "'=1+2 is two" in cells and "'-2+3+cmd|' /C calc'!A0" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert main(["trace", "1+2 is two", "--db", db, "--format", "csv"]) == 0
    cells = [c for row in csv.reader(io.StringIO(capsys.readouterr().out)) for c in row]
    assert "'=1+2 is two" in cells
    assert main(["claims", "--db", db, "--format", "csv", "--csv-formulas"]) == 0
    assert "=1+2 is two" in capsys.readouterr().out.splitlines()[1]


def _control_graph():
    import networkx as nx
    G = nx.MultiDiGraph()
    G.add_node("statement:d\x01:0-5", kind="statement", content="a\x01b\x1b[31mc\x0bd\ud800", start=0, end=5)
    G.add_node("source:ann", kind="source", name="Ann\x0c Lee", source_kind="person")
    G.add_edge("source:ann", "statement:d\x01:0-5", key="said", kind="said")
    return G


@pytest.mark.parametrize("lxml", [False, True])
def test_graphml_with_control_characters_is_valid_xml(tmp_path, monkeypatch, lxml):
    import networkx as nx
    from quotes.views.export import write_graphml
    if lxml:
        pytest.importorskip("lxml")
    else:  # networkx's own writer (it uses lxml whenever lxml is installed)
        monkeypatch.setattr(nx, "write_graphml", nx.write_graphml_xml)
    path = tmp_path / "g.graphml"
    write_graphml(_control_graph(), path)
    import xml.dom.minidom
    xml.dom.minidom.parse(str(path))  # well-formed
    H = nx.read_graphml(path, force_multigraph=True)
    assert H.nodes["statement:d\ufffd:0-5"]["content"] == "a\ufffdb\ufffd[31mc\ufffdd\ufffd"


def test_prov_with_control_characters_is_valid_json_ld_and_rdf_xml(tmp_path):
    rdflib = pytest.importorskip("rdflib")
    from quotes.views.export import write_prov
    path = tmp_path / "p.jsonld"
    write_prov(_control_graph(), path)
    g = rdflib.Graph().parse(path, format="json-ld")
    assert len(g) > 0
    import xml.dom.minidom
    xml.dom.minidom.parseString(g.serialize(format="xml"))


def test_export_on_a_full_disk_leaves_no_truncated_file(tmp_path, monkeypatch, capsys):
    import errno
    import os
    db = str(_fake_store(tmp_path, '"It is over," Ann Lee said.\n'))
    out = tmp_path / "claims.jsonl"
    out.write_text("the previous export\n")
    real_write = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    for to in ("jsonl", "graphml", "prov"):
        assert main(["export", "--db", db, "--to", to, "-o", str(out)]) == 6
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"cannot write {out}: No space left on device" in err
        assert out.read_text() == "the previous export\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.jsonl", "in", "q.db"]
    monkeypatch.setattr(os, "fsync", real_write)
    assert main(["export", "--db", db, "--to", "jsonl", "-o", str(out)]) == 0
    assert json.loads(out.read_text().splitlines()[0])["text"] == "It is over"


# --- the store ---------------------------------------------------------------------------------

def _digest(path) -> str:
    import hashlib
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _read_only(paths) -> list[str]:
    """Make files and folders read-only even for root (``chattr +i`` when we are root, who
    may write anywhere; ``chmod`` otherwise); returns the undo command."""
    import os
    import subprocess
    if os.geteuid() != 0:
        for p in paths:
            Path(p).chmod(0o555 if Path(p).is_dir() else 0o444)
        return []
    if subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True).returncode:
        pytest.skip("chattr +i is not available here")
    return ["chattr", "-i", *map(str, paths)]


def test_read_only_store_can_be_queried(tmp_path, capsys, fake_cli):
    import subprocess
    db = _fake_store(tmp_path, '"It is over," Ann Lee said. Bo Chen said that the bridge was closed.\n')
    (tmp_path / "in" / "b.txt").write_text('"We will see," Cy Dunn said.\n')
    undo = _read_only([db, tmp_path])
    try:
        before = _digest(db)
        for args in (["claims", "--db", str(db)], ["trace", "bridge closed", "--db", str(db)],
                     ["export", "--db", str(db), "--to", "prov"]):
            assert main(args) == 0
            out = capsys.readouterr()
            assert out.out and not out.err
        assert _digest(db) == before
        assert main(["ingest", str(tmp_path / "in"), "--db", str(db), "-q"]) == 4  # a writer: refused
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "read-only" in err, err
        assert _digest(db) == before
    finally:
        if undo:
            subprocess.run(undo, check=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "q.db"]


def _foreign_db(path: Path) -> Path:
    import sqlite3
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO users VALUES (1, 'ann')")
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("command", [["claims"], ["trace", "bridge"], ["export", "--to", "prov"],
                                     ["ingest", "IN", "-q"]])
def test_foreign_sqlite_file_is_refused_untouched(tmp_path, capsys, command, fake_cli):
    other = _foreign_db(tmp_path / "other_app.sqlite")
    (tmp_path / "a.txt").write_text(GOOD)
    before = _digest(other)
    args = [str(tmp_path / "a.txt") if a == "IN" else a for a in command]
    assert main([*args, "--db", str(other)]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a quotes store: it is another application's SQLite " \
        "database (tables users); left untouched" in err
    assert _digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "other_app.sqlite"]


@pytest.mark.parametrize("command", [["claims"], ["trace", "bridge"], ["export", "--to", "jsonl"]])
def test_empty_file_is_not_made_a_store_by_a_read_command(tmp_path, capsys, command):
    empty = tmp_path / "empty.db"
    empty.touch()
    assert main([*command, "--db", str(empty)]) == 4
    assert "is an empty file, not a quotes store" in capsys.readouterr().err
    assert empty.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_store_locked_by_another_writer(tmp_path, capsys, fake_cli):
    import sqlite3
    import time
    db = _fake_store(tmp_path, '"It is over," Ann Lee said.\n')
    (tmp_path / "in" / "b.txt").write_text('"We will see," Bo Chen said.\n')
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        t0 = time.monotonic()
        assert main(["ingest", str(tmp_path / "in"), "--db", str(db), "-q", "--busy-timeout", "0.5"]) == 4
        waited = time.monotonic() - t0
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is locked by another writer (waited 0.5 s" in err
    assert waited >= 0.5
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db), "-q"]) == 0  # released: it goes on


def test_ingest_on_a_full_disk_is_one_line_and_keeps_what_was_committed(tmp_path, capsys, monkeypatch,
                                                                        fake_cli):
    import sqlite3
    from quotes.store import sqlite as store_mod
    db = _fake_store(tmp_path, '"It is over," Ann Lee said.\n')
    for i in range(40):
        (tmp_path / "in" / f"n{i}.txt").write_text(f'"Part {i} " Bo Chen said. {"x" * 4000}\n')
    real = store_mod.Store._connect

    def small_disk(self, memory):  # SQLite's own "disk is full", from a page limit
        conn = real(self, memory)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 8}")
        return conn

    monkeypatch.setattr(store_mod.Store, "_connect", small_disk)
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db), "-q", "--batch", "4"]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "database or disk is full" in err and "Traceback" not in err
    monkeypatch.setattr(store_mod.Store, "_connect", real)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= before


# --- worker pools ----------------------------------------------------------------------------------

def test_dead_worker_batch_is_retried_once_then_reported(tmp_path, capsys, fake_cli):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(12):
        (d / f"a{i:02d}.txt").write_text(f'"Part {i}," Ann Lee said.\n')
    (d / "a05.txt").write_text("KILL_WORKER\n")
    db = tmp_path / "q.db"
    assert main(["ingest", str(d), "--db", str(db), "-j", "2", "--batch", "2", "-q"]) == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    # the batch holding a05 (a04, a05) died twice: both reported, every other article stored
    assert "a04: extraction failed: worker process died (killed by SIGKILL) on every one of 2 tries" in err
    assert "a05: extraction failed: worker process died (killed by SIGKILL)" in err
    assert out.startswith("ingested 10, unchanged 0, failed 2")


def test_run_pool_keeps_order_and_reports_only_the_batch_that_died():
    from quotes.extractors.parallel import BatchFailed, run_pool
    results = list(run_pool([[i] for i in range(9)], _square_or_die, workers=2))
    assert [r if isinstance(r, list) else "failed" for r in results] == \
        [[0], [1], [4], "failed", [16], [25], [36], [49], [64]]
    assert isinstance(results[3], BatchFailed) and results[3].batch == [3]


def test_run_pool_calls_started_once_after_forking_and_workers_keep_what_was_loaded():
    """The parent may drop what it loaded (release_models) once the workers are forked:
    they keep their copy, and a worker forked later to replace a dead one still works."""
    from quotes.extractors import parallel
    calls = []
    _LOADED.append("weights")
    results = list(parallel.run_pool([[i] for i in range(6)], _uses_loaded, workers=2,
                                     started=lambda: (calls.append(1), _LOADED.clear())))
    assert calls == [1]
    assert results == [["weights"]] * 6


_LOADED: list = []


def _uses_loaded(batch):
    return list(_LOADED) or ["reloaded"]


def _square_or_die(batch):
    import os
    if batch == [3]:
        os.kill(os.getpid(), 9)
    return [x * x for x in batch]


def test_error_in_a_worker_is_raised_in_the_parent():
    from quotes.errors import ModelError
    from quotes.extractors.parallel import run_pool
    with pytest.raises(ModelError, match="no models here"):
        list(run_pool([[1], [2]], _no_models, workers=2))


def _no_models(batch):
    from quotes.errors import ModelError
    raise ModelError("no models here")


def _children(pid: int) -> list[int]:
    import os
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except OSError:
        return False


def _orphans_after_killing(args: list[str], sig, cwd, workers: int) -> list[int]:
    """Start ``quotes ARGS``, wait for its ``workers`` forked workers to be busy, send ``sig``
    to it; the workers still running 5 s later."""
    import os
    import signal
    import subprocess
    import sys
    import time
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen([sys.executable, "-m", "quotes.cli", *args], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kids: list[int] = []
    try:
        deadline = time.monotonic() + 1200  # loading the models takes long on a loaded machine
        while len(kids) < workers and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
            kids = _children(proc.pid)
        assert len(kids) >= workers, "the workers never started"
        time.sleep(1.0)  # busy on their first batches
        proc.send_signal(sig)
        proc.wait()
        deadline = time.monotonic() + 5
        while any(_alive(k) for k in kids) and time.monotonic() < deadline:
            time.sleep(0.1)
        return [k for k in kids if _alive(k)]
    finally:
        for k in kids:
            if _alive(k):
                os.kill(k, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory):
    """Forty articles (the two examples, twenty times each): a few seconds of work per worker."""
    d = tmp_path_factory.mktemp("many")
    for i in range(20):
        for p in (Path(__file__).resolve().parent.parent / "data" / "examples").glob("*.txt"):
            (d / f"{p.stem}_{i:02d}.txt").write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    return d


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("command, sig, jobs", [("extract", "SIGKILL", 2), ("ingest", "SIGKILL", 3),
                                               ("extract", "SIGTERM", 2)])
def test_no_worker_outlives_a_killed_parent(models, many_articles, tmp_path, command, sig, jobs):
    """``-j N`` forks N - 1 workers: the parent extracts one share itself (the parent lane)."""
    import signal
    args = [command, str(many_articles), "-j", str(jobs)] + (["--db", str(tmp_path / "q.db"), "-q"]
                                                            if command == "ingest" else [])
    assert _orphans_after_killing(args, getattr(signal, sig), tmp_path, jobs - 1) == []
