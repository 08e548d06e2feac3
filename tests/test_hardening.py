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
