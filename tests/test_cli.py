"""The command line: clean one-line errors, exit codes, and bad files that do not stop good ones."""

import json
import subprocess
import sys

import pytest

from quotes.cli import main


def _bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04")
    (tmp_path / "latin1.txt").write_bytes("Le président a dit « non ».".encode("latin-1"))
    return [str(tmp_path / n) for n in ("empty.txt", "binary.txt", "latin1.txt")]


def test_bad_inputs_one_line_each_and_nonzero_exit(tmp_path, capsys):
    code = main(["extract", *_bad_files(tmp_path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 3
    for line, name, what in zip(err, ("empty.txt", "binary.txt", "latin1.txt"),
                                ("empty", "binary", "not UTF-8")):
        assert line.startswith("quotes: ") and name in line and what in line
        assert "Traceback" not in line


def test_missing_models_dir_is_a_clean_error(tmp_path, capsys):
    code = main(["--models", str(tmp_path / "nowhere"), "info"])
    err = capsys.readouterr().err
    assert code == 3 and err.startswith("quotes: error: models directory") and "Traceback" not in err


def test_info_names_the_vectors(capsys):
    """The shipped models use the trimmed GloVe file, and `quotes info` says so."""
    from quotes.nlp.settings import MODEL_FILES, VECTORS
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert MODEL_FILES["pretrain"] in out and f"vectors   {VECTORS['name']}" in out


def test_usage_error_exit_code():
    proc = subprocess.run([sys.executable, "-m", "quotes.cli", "extract"], capture_output=True, text=True)
    assert proc.returncode == 2 and "usage:" in proc.stderr


@pytest.mark.model
def test_good_file_is_processed_among_bad_ones(tmp_path, capsys, nlp):
    good = tmp_path / "good.txt"
    good.write_text("“We will act,” Kremlin spokesman Dmitry Peskov told reporters.", encoding="utf-8")
    code = main(["extract", *_bad_files(tmp_path), str(good)])
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and len(err.strip().splitlines()) == 3
    assert rows and rows[0]["doc"] == "good" and rows[0]["speaker"]["name"] == "Dmitry Peskov"


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["conllu", "table"])
def test_parse_prints_the_parse(tmp_path, capsys, nlp, fmt):
    p = tmp_path / "a.txt"
    p.write_text("Peskov said the visit was canceled.", encoding="utf-8")
    assert main(["parse", str(p), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Peskov" in out and "said" in out and ("nsubj" in out)


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_extract_formats(capsys, nlp, fmt):
    assert main(["extract", "data/examples/putin_nato_visit_postponed.txt", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Ushakov" in out
    if fmt == "jsonl":
        rec = json.loads(out.splitlines()[0])
        assert {"doc", "id", "type", "content", "start", "end", "cue", "stance", "speaker", "chain"} <= rec.keys()


_FLOOD = """
import quotes.cli as cli
def flood(args):
    for i in range(200000):
        print("line", i)
    return 0
cli.COMMANDS["info"] = flood
raise SystemExit(cli.main(["info"]))
"""


def test_output_piped_into_head_ends_quietly():
    # `quotes ... | head`: the reader goes away; exit 0 with nothing on stderr, not a traceback
    p = subprocess.Popen([sys.executable, "-c", _FLOOD], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout.readline() == b"line 0\n"
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait(timeout=60) == 0
    assert err == b""
