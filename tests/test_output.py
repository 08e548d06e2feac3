"""Terminal tables: the columns a person reads, long text wrapped, never cut."""

from __future__ import annotations

import io
import json

import pytest

from example_records import example_corpus_inputs
from quotes.results import AttributionList
from quotes.views.output import (
    ATTRIBUTION_TABLE, CLAIM_TABLE, article_heading, default_format, write_rows, write_table,
)


def parse_tables(text: str, names: list[str]) -> list[tuple[str | None, dict[str, str]]]:
    """Read tables back: ``(title, {column: its text, whitespace removed})`` per row.
    Titles start at column 0, rows and headers are indented, rows are apart by blank lines."""
    lines = text.splitlines()
    out, title, header, cur = [], None, None, []

    def flush():
        if header is not None and cur:
            starts = [header.index(f" {n}") + 1 for n in names]
            ends = starts[1:] + [None]
            out.append((title, {n: "".join("".join(ln[s:e].split()) for ln in cur)
                                for n, s, e in zip(names, starts, ends)}))
        cur.clear()

    for i, ln in enumerate(lines):
        if not ln.strip():
            flush()
        elif set(ln.strip()) == {"─"}:
            header = lines[i - 1]
            cur.clear()
        elif not ln.startswith(" "):  # a title, perhaps wrapped over lines
            flush()
            title = f"{title} {ln}" if header is None and title and i and lines[i - 1] and \
                not lines[i - 1].startswith(" ") else ln
            header = None
        elif i + 1 < len(lines) and set(lines[i + 1].strip()) == {"─"}:
            continue  # the header line
        else:
            cur.append(ln)
    flush()
    return out


def squash(s: str) -> str:
    return "".join(s.split())


@pytest.mark.parametrize("width", [60, 100, 160])
def test_every_speaker_and_whole_content_at_fixed_width(width):
    records = [r for art, atts in example_corpus_inputs()
               for r in AttributionList(atts, articles={art.id: art}).records()]
    buf = io.StringIO()
    assert write_rows(records, "table", buf, table=ATTRIBUTION_TABLE, heading=article_heading,
                      width=width) == len(records)
    out = buf.getvalue()
    assert all(len(line) <= width for line in out.splitlines())
    rows = parse_tables(out, ["speaker", "stance", "cue", "chain", "content"])
    # one table per article, headed by its id, publisher, date and title
    assert {t for t, _ in rows} == {article_heading(r) for r in records}
    assert width < 100 or "putin_nato_visit_postponed · Newsweek · 2024-02-09 · Putin's first NATO" in out
    got = sorted((t, r["speaker"], r["content"]) for t, r in rows)
    assert got == sorted((article_heading(r), squash(r["speaker"]["name"]), squash(r["content"]))
                         for r in records)


def test_claims_table_shows_every_reason():
    from quotes.claims.corpus import Corpus
    claims = Corpus(example_corpus_inputs()).claims()
    buf = io.StringIO()
    write_rows(claims.rows(), "table", buf, table=CLAIM_TABLE, width=100)
    rows = parse_tables(buf.getvalue(), ["claim", "flags", "stmts", "articles", "reasons"])
    assert [r["claim"] for _, r in rows] == [squash(c.text) for c in claims]
    for (_, r), c in zip(rows, claims):
        assert r["reasons"] == "".join(squash(x) for f in c.flags for x in f.reasons)
        assert r["flags"] == "".join(c.flag_names)


def test_markup_and_empty():
    buf = io.StringIO()
    write_table([{"a": "[bold]x[/bold] <b>"}], buf, ["a"], width=40)
    assert "[bold]x[/bold] <b>" in buf.getvalue()
    buf = io.StringIO()
    assert write_table([], buf, ["a"]) == 0 and buf.getvalue() == "(no rows)\n"


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_default_format_is_table_on_a_terminal_jsonl_when_piped():
    assert default_format(_Tty()) == "table"
    assert default_format(io.StringIO()) == "jsonl"


@pytest.mark.model
def test_cli_extract_table_at_100_columns(monkeypatch, capsys, nlp):
    from quotes.cli import main
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["extract", "data/examples/", "--format", "table", "-q", "-j", "1"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 100
    rows = parse_tables(out, ["speaker", "stance", "cue", "chain", "content"])
    assert main(["extract", "data/examples/", "--format", "jsonl", "-q", "-j", "1"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted((r["speaker"], r["content"]) for _, r in rows) == sorted(
        (squash(r["speaker"]["name"]), squash(r["content"])) for r in records)
