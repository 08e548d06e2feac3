"""Reading articles: every bad input is reported with its file (and line), good ones survive."""

import json

import pytest

from quotes.errors import InputError
from quotes.inputs.readers import read_articles, read_text_file
from quotes.types import Article


def _read(paths):
    arts, errs = [], []
    for x in read_articles(paths):
        (errs if isinstance(x, InputError) else arts).append(x)
    return arts, errs


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\n ", "file is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("latin1.txt", "café said".encode("latin-1"), "not UTF-8 text"),
])
def test_bad_text_files_are_named(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("Peskov said it was fine.", encoding="utf-8")
    arts, errs = _read([tmp_path / name, tmp_path / "good.txt"])
    assert [a.id for a in arts] == ["good"]
    assert len(errs) == 1 and name in str(errs[0]) and message in str(errs[0])


def test_not_utf8_names_the_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"line one\nline two \xff\n")
    with pytest.raises(InputError, match=r"a\.txt:2: not UTF-8"):
        read_text_file(p)


def test_oversized_file(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 2048)
    out = list(read_articles([p], max_bytes=1024))
    assert isinstance(out[0], InputError) and "over the" in str(out[0])


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    arts, errs = _read([tmp_path / "nope.txt", tmp_path / "sub"])
    assert not arts
    assert "no such file" in str(errs[0]) and "folder holds no" in str(errs[1])


def test_a_name_too_long_for_a_path_is_no_such_file():
    """A sentence given where a path goes: the system cannot look the name up (too long)."""
    arts, errs = _read(["He said the talks would resume next week. " * 10])
    assert not arts and "no such file or folder" in str(errs[0]) and "…" in str(errs[0])


def test_bom_is_dropped_and_offsets_index_the_rest(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffHe said so.".encode("utf-8"))
    (art,) = _read([p])[0]
    assert art.text == "He said so."


def test_jsonl_records(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a", "text": "A said B.", "publisher": "Tass"}), "{not json",
             json.dumps({"id": "b"}), json.dumps(["x"]), json.dumps({"text": "no id"}),
             json.dumps({"id": "c", "text": "C said D.", "date": "2024-02-09"})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts, errs = _read([p])
    assert [(a.id, a.publisher, a.date) for a in arts] == [("a", "Tass", None), ("c", None, "2024-02-09")]
    assert [e.line for e in errs] == [2, 3, 4, 5]
    assert "invalid JSON" in str(errs[0]) and "no 'text'" in str(errs[1]) and "no 'id'" in str(errs[3])


def test_csv_with_broken_row(tmp_path):
    p = tmp_path / "feed.csv"
    p.write_text('id,text,publisher\n1,"A said B.",AP\n2,"only two"\n3,"C said, ""yes"".",\n', encoding="utf-8")
    arts, errs = _read([p])
    assert [(a.id, a.text, a.publisher) for a in arts] == [("1", "A said B.", "AP"), ("3", 'C said, "yes".', None)]
    assert len(errs) == 1 and errs[0].line == 3 and "expected 3" in str(errs[0])


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "feed.csv"
    p.write_text("id,body\n1,x\n", encoding="utf-8")
    arts, errs = _read([p])
    assert not arts and "lacks column(s) text" in str(errs[0])


def test_folder_reads_all_kinds_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("B said so.", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "j", "text": "J said so."}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    arts, errs = _read([tmp_path])
    assert [a.id for a in arts] == ["j", "b"] and not errs
    assert all(isinstance(a, Article) for a in arts)


@pytest.mark.parametrize("line, message", [
    ("announce\tasserts\tspeech\tbare-clause,sideways\n", "unknown complement ['sideways']"),
    ("announce\n", "expected 'lemma<TAB>stance"),
])
def test_bad_lexicon_line_is_named(tmp_path, line, message):
    from quotes.errors import InputError
    from quotes.lexicons import load
    (tmp_path / "reporting_verbs.tsv").write_text("# lemma\tstance\tkind\tcomplement\n" + line, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load(extra=str(tmp_path))
    assert message in str(err.value) and "reporting_verbs.tsv" in str(err.value) and "2" in str(err.value)
