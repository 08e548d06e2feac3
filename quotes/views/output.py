"""Writing rows (dicts at the edge) as JSON Lines, CSV or a readable table.

One place for the CLI's shared ``--format jsonl|csv|table`` option. The table is drawn
by rich: the columns a person reads, long text wrapped to the terminal's width, never
cut (see :func:`write_table`).
CSV is safe to open in a spreadsheet: a text cell starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return (which a spreadsheet would run as a formula) is written with a
leading ``'``, as OWASP recommends (:func:`csv_safe`); ``safe_csv=False``
(``--csv-formulas``) writes cells as they are.

>>> import io
>>> buf = io.StringIO()
>>> write_rows([{"a": 1, "b": {"c": "x"}}], "csv", buf)
1
>>> print(buf.getvalue().strip())
a,b.c
1,x
"""

from __future__ import annotations

import csv
import itertools
import json
import shutil
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence, TextIO

from quotes.results import ClaimList
from quotes.types import Claim, ParsedDoc

FORMATS = ("jsonl", "csv", "table")
#: What ``quotes parse`` prints: CoNLL-U or a table of words.
PARSE_FORMATS = ("conllu", "table")
#: A cell starting with one of these is read as a formula by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: formula starts get a leading ``'``.

    >>> csv_safe("=1+2"), csv_safe("-2+3+cmd|' /C calc'!A0"), csv_safe("said"), csv_safe(-2)
    ("'=1+2", "'-2+3+cmd|' /C calc'!A0", 'said', -2)
    """
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


#: Table width when neither the terminal nor ``COLUMNS`` says.
DEFAULT_WIDTH = 100


def flatten(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts to dotted keys; lists of dicts to ' > '-joined names (chains).

    >>> flatten({"speaker": {"name": "Peskov"}, "chain": [{"name": "Tass"}, {"name": "X"}]})
    {'speaker.name': 'Peskov', 'chain': 'Tass > X'}
    """
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        elif isinstance(v, list):
            out[key] = " > ".join(str(x.get("name", x)) if isinstance(x, dict) else str(x) for x in v)
        else:
            out[key] = v
    return out


def word_rows(doc: ParsedDoc) -> list[dict[str, Any]]:
    """One row per word of a parsed document (``quotes parse --format table``).

    >>> from quotes.types import ParsedDoc, Sentence, Word
    >>> doc = ParsedDoc("d", "He said", [Sentence(0, 0, 7, [Word(1, "He", 0, 2), Word(2, "said", 3, 7)])])
    >>> [r["word"] for r in word_rows(doc)]
    ['He', 'said']
    """
    return [{"sent": s.index + 1, "id": w.id, "word": w.text, "lemma": w.lemma, "upos": w.upos,
             "head": w.head, "deprel": w.deprel, "ner": w.ner, "start": w.start, "end": w.end}
            for s in doc.sentences for w in s.words]


def claim_rows(claims: Iterable[Claim], fmt: str) -> list[dict[str, Any]]:
    """Claims as rows: the full records for ``jsonl``; for csv and table a summary each
    (flags, sources, articles, publishers, first and last seen, reasons), its lists
    joined by "; " in csv.

    >>> claim_rows([Claim("c-1", "It rained", publishers=("A", "B"))], "csv")[0]["publishers"]
    'A; B'
    """
    if fmt == "jsonl":
        return [c.to_dict() for c in claims]
    rows = ClaimList(claims).rows()
    if fmt == "table":
        return rows
    return [{k: "; ".join(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows]


def default_format(out: TextIO) -> str:
    """``table`` when ``out`` is a terminal, else ``jsonl`` (as sqlite-utils does).

    >>> import io
    >>> default_format(io.StringIO())
    'jsonl'
    """
    isatty = getattr(out, "isatty", None)
    return "table" if isatty is not None and isatty() else "jsonl"


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO,
               columns: list[str] | None = None, *, table: Sequence["Column"] | None = None,
               heading: Callable[[dict], str | None] | None = None, width: int | None = None,
               safe_csv: bool = True) -> int:
    """Write rows in ``fmt``; returns how many were written. CSV cells pass through
    :func:`csv_safe` unless ``safe_csv`` is false.

    ``table`` (columns to show) and ``heading`` (a title per group of consecutive rows)
    only shape the ``table`` format; see :func:`write_table`.
    """
    if fmt == "jsonl":
        n = 0
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "table":
        return write_table(rows, out, table or columns, heading=heading, width=width)
    flat = [flatten(r) for r in rows]
    if columns is None:
        columns = []
        for r in flat:
            for k in r:
                if k not in columns:
                    columns.append(k)
    if fmt == "csv":
        # "\r\n" (RFC 4180, the csv default): a cell holding a lone CR is then quoted too
        w = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
        w.writeheader()
        w.writerows(({k: csv_safe(v) for k, v in r.items()} for r in flat) if safe_csv else flat)
        return len(flat)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


# --- the table format ------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    """One column of a table: ``key`` a dotted path into the row (``speaker.name``), its
    ``label``, its share of the width (``ratio``) and the width it never goes below.

    >>> Column("speaker.name", "speaker").title, Column("stance").title
    ('speaker', 'stance')
    """

    key: str
    label: str | None = None
    ratio: int = 1
    min_width: int | None = None

    @property
    def title(self) -> str:
        return self.label or self.key


#: What a person reads of an attribution (the article's metadata heads each table).
ATTRIBUTION_TABLE = (Column("speaker.name", "speaker", 2), Column("stance", ratio=1, min_width=14),
                     Column("cue", ratio=1, min_width=8), Column("chain", ratio=2),
                     Column("content", ratio=6))
#: What a person reads of a claim.
CLAIM_TABLE = (Column("text", "claim", 4), Column("flags", ratio=2), Column("statements", "stmts", 1),
               Column("articles", ratio=2), Column("reasons", ratio=5))
#: What a person reads of a trace: who, how, through whom, what.
TRACE_TABLE = (Column("speaker", ratio=2), Column("effective_stance", "stance", 1, min_width=14),
               Column("path", ratio=3), Column("content", ratio=5), Column("doc", ratio=2))

#: What a person reads of a search hit.
SEARCH_TABLE = (Column("match", ratio=1), Column("speaker", ratio=2), Column("snippet", ratio=6),
                Column("doc", ratio=2), Column("date", ratio=1))
#: What a person reads of what a source said.
SAID_TABLE = (Column("content", ratio=6), Column("stance", ratio=1, min_width=14),
              Column("chain", ratio=2), Column("doc", ratio=2), Column("date", ratio=1))


def article_heading(row: dict) -> str:
    """The title of an article's table: its id, then publisher, date, title and url.

    >>> article_heading({"doc": "d1", "publisher": "Daily", "date": "2024-02-09", "title": None})
    'd1 · Daily · 2024-02-09'
    """
    return " · ".join(str(row[k]) for k in ("doc", "publisher", "date", "title", "url") if row.get(k))


def cell(value: Any) -> str:
    """A value as table text: a chain of dicts as "A > B", other lists one item a line.

    >>> cell([{"name": "Tass"}, {"name": "a source"}]), cell(["a", "b"]), cell(None)
    ('Tass > a source', 'a\\nb', '')
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(x, dict) for x in value):
            return " > ".join(str(x.get("name", x)) for x in value)
        return "\n".join(cell(x) for x in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {cell(v)}" for k, v in value.items() if v is not None)
    return str(value)


def _get(row: dict, key: str) -> Any:
    v: Any = row
    for part in key.split("."):
        if not isinstance(v, dict):
            return None
        v = v.get(part)
    return v


def write_table(rows: Iterable[dict[str, Any]], out: TextIO,
                columns: Sequence["Column | str"] | None = None, *,
                heading: Callable[[dict], str | None] | None = None,
                width: int | None = None) -> int:
    """Rows as tables that fit ``width`` (default: the terminal, ``COLUMNS``, else 100):
    long text wraps (a word longer than its column is folded), nothing is cut. With
    ``heading``, consecutive rows of the same heading form one table under it, written
    as soon as the group ends. Returns how many rows were written.

    >>> import io
    >>> buf = io.StringIO()
    >>> write_table([{"who": "Ann", "said": "a b c d e f g h"}], buf, ["who", "said"], width=20)
    1
    >>> print(buf.getvalue())
      who   said
     ──────────────────
      Ann   a b c d e f
            g h
    """
    from rich.console import Console

    width = width or shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    console = Console(file=out, width=width, highlight=False, markup=False, emoji=False,
                      soft_wrap=False)
    cols = [c if isinstance(c, Column) else Column(c) for c in columns] if columns else None
    n = 0
    groups = itertools.groupby(rows, key=heading) if heading else [(None, rows)]
    for title, group in groups:
        group = list(group)
        if not group:
            continue
        n += len(group)
        _print_table(console, group, cols, title, width)
    if n == 0:
        out.write("(no rows)\n")
    return n


def _widths(rows: list[list[str]], cols: list[Column], width: int) -> list[int | None]:
    """Column widths: each column its natural width up to its share of ``width`` (never
    below ``min_width`` nor its longest word, as long as the widest-ratio column keeps a
    third of the width); that column (``None``) takes what is left.

    >>> _widths([["Ann", "asserts", "it rained"]], [Column("who"), Column("stance"), Column("what", ratio=4)], 40)
    [3, 7, None]
    """
    main = max(range(len(cols)), key=lambda i: cols[i].ratio)
    avail = width - 3 * len(cols)  # edges and padding
    total = sum(c.ratio for c in cols)
    out: list[int | None] = []
    for i, c in enumerate(cols):
        if i == main:
            out.append(None)
            continue
        natural = max([len(c.title)] + [len(line) for r in rows for line in r[i].splitlines()])
        longest_word = max([len(c.title)] + [len(w) for r in rows for w in r[i].split()])
        share = max(c.min_width or len(c.title), longest_word, avail * c.ratio // total)
        out.append(max(1, min(natural, share)))
    budget = avail - max(avail // 3, 10)
    used = sum(w for w in out if w)
    if used > budget:  # a narrow terminal: the other columns give way down to their titles
        least = [max(3, len(c.title)) for c in cols]
        spare = sum(w - m for w, m in zip(out, least) if w)
        room = max(0, budget - sum(m for w, m in zip(out, least) if w))
        out = [None if w is None else m + (w - m) * room // max(1, spare) for w, m in zip(out, least)]
    return out


def _print_table(console, rows: list[dict], cols: list[Column] | None, title: str | None,
                 width: int) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    if cols is None:  # every key of the rows, natural widths
        keys = list(dict.fromkeys(k for r in rows for k in r))
        cols, fit = [Column(k) for k in keys], False
    else:
        fit = True
    cells = [[cell(_get(r, c.key)) for c in cols] for r in rows]
    widths = _widths(cells, cols, width) if fit else [None] * len(cols)
    table = Table(box=box.SIMPLE_HEAD, expand=fit, show_lines=fit,
                  title=Text(title) if title else None, title_justify="left")
    for c, w in zip(cols, widths):
        table.add_column(c.title, overflow="fold", width=w, ratio=1 if fit and w is None else None)
    for r in cells:
        table.add_row(*(Text(v) for v in r))
    with console.capture() as cap:
        console.print(table)
    text = "\n".join(line.rstrip() for line in cap.get().splitlines())
    console.file.write(text.strip("\n") + "\n\n" if title else text.lstrip("\n") + "\n")
