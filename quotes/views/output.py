"""Writing rows (dicts at the edge) as JSON Lines, CSV or a readable table.

One place for the CLI's shared ``--format jsonl|csv|table`` option.

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
import json
import shutil
from typing import Any, Iterable, TextIO

from quotes.types import Claim, ParsedDoc

FORMATS = ("jsonl", "csv", "table")
#: What ``quotes parse`` prints: CoNLL-U or a table of words.
PARSE_FORMATS = ("conllu", "table")


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
    """Claims as rows: the full records for ``jsonl``, a one-line summary each for csv and table.

    >>> claim_rows([Claim("c-1", "It rained")], "table")
    [{'id': 'c-1', 'text': 'It rained', 'flags': '', 'statements': 0, 'reasons': ''}]
    """
    rows = [c.to_dict() for c in claims]
    if fmt == "jsonl":
        return rows
    return [{"id": r["id"], "text": r["text"], "flags": ", ".join(r["flags"]),
             "statements": len(r["statements"]), "reasons": " | ".join(r["reasons"])} for r in rows]


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO,
               columns: list[str] | None = None) -> int:
    """Write rows in ``fmt``; returns how many were written."""
    if fmt == "jsonl":
        n = 0
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
        return n
    flat = [flatten(r) for r in rows]
    if columns is None:
        columns = []
        for r in flat:
            for k in r:
                if k not in columns:
                    columns.append(k)
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(flat)
        return len(flat)
    if fmt == "table":
        out.write(table(flat, columns))
        return len(flat)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def table(rows: list[dict[str, Any]], columns: list[str], width: int | None = None) -> str:
    """A plain-text table that fits the terminal (long cells are shortened with '…')."""
    width = width or shutil.get_terminal_size((160, 20)).columns
    if not rows:
        return "(no rows)\n"
    cap = max(8, (width - 2 * len(columns)) // max(1, len(columns)))

    def cell(v: Any) -> str:
        s = "" if v is None else " ".join(str(v).split())
        return s if len(s) <= cap else s[: cap - 1] + "…"

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
    return "\n".join(line.rstrip() for line in lines) + "\n"
