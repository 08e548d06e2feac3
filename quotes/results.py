"""Query results: small list-like objects with ``.to_frame()`` and rich display.

Every query in :mod:`quotes.claims.graph` returns one of these. They iterate like lists,
convert to pandas DataFrames and render as readable HTML tables in notebooks, with
flags and their reasons visible.

>>> t = Table([{"source": "Tass", "statements": 2}], title="origins")
>>> len(t), t.to_frame().shape, "<table" in t._repr_html_()
(1, (1, 2), True)
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from quotes.types import Claim


def _frame(rows: Sequence[dict], columns: Sequence[str] | None = None):
    import pandas as pd

    return pd.DataFrame(list(rows), columns=list(columns) if columns else None)


def _html_table(rows: Sequence[dict], columns: Sequence[str]) -> str:
    head = "".join(f"<th style='text-align:left'>{html.escape(c)}</th>" for c in columns)
    body = []
    for r in rows:
        cells = []
        for c in columns:
            v = r.get(c)
            if isinstance(v, (list, tuple)):
                v = "<br>".join(html.escape(str(x)) for x in v)
            else:
                v = html.escape("" if v is None else str(v))
            cells.append(f"<td style='text-align:left;vertical-align:top'>{v}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


class Table:
    """Rows (dicts) from a query, with ``to_frame()`` and ``_repr_html_()``.

    >>> Table([{"a": 1}, {"a": 2}]).to_frame()["a"].tolist()
    [1, 2]
    """

    def __init__(self, rows: Sequence[dict], columns: Sequence[str] | None = None,
                 title: str = ""):
        self.rows = list(rows)
        self.columns = list(columns) if columns else (list(self.rows[0]) if self.rows else [])
        self.title = title

    def __iter__(self) -> Iterator[dict]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> dict:
        return self.rows[i]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.title!r}: {len(self.rows)} rows>"

    def to_frame(self):
        """The rows as a pandas DataFrame (lists stay lists)."""
        return _frame(self.rows, self.columns)

    def to_records(self) -> list[dict]:
        """The rows as plain dicts (JSON-ready)."""
        return [dict(r) for r in self.rows]

    def _repr_html_(self) -> str:
        title = f"<p><b>{html.escape(self.title)}</b></p>" if self.title else ""
        return title + _html_table(self.rows, self.columns)


class AttributionList(list):
    """A list of :class:`~quotes.types.Attribution` with ``to_frame()`` and HTML display:
    one row per statement with speaker, kind, type, stance, cue, chain and content.

    >>> from quotes.types import Attribution, Speaker, ChainLink
    >>> al = AttributionList([Attribution("d", "indirect", "it rained", 9, 18, "said",
    ...     "asserts", Speaker("Ann", "Ann", "person"), (ChainLink("Tass", "outlet"),))])
    >>> al.to_frame().loc[0, ["speaker", "chain"]].tolist()
    ['Ann', 'Tass']
    >>> len(al.by_doc("d")), len(al.by_speaker("nobody"))
    (1, 0)
    """

    COLUMNS = ("doc", "speaker", "kind", "type", "stance", "cue", "chain", "content", "id", "rule")

    def rows(self) -> list[dict[str, Any]]:
        """One plain dict per attribution (``chain`` as "A > B" text)."""
        return [{
            "doc": a.doc, "speaker": a.speaker.name, "kind": a.speaker.kind, "type": a.type,
            "stance": a.stance, "cue": a.cue, "chain": " > ".join(x.name for x in a.chain),
            "content": a.content, "id": a.id, "rule": a.rule,
        } for a in self]

    def by_doc(self, doc: str) -> "AttributionList":
        """Only the attributions of article ``doc``."""
        return AttributionList(a for a in self if a.doc == doc)

    def by_speaker(self, name: str) -> "AttributionList":
        """Only the attributions whose speaker is ``name`` (case ignored)."""
        return AttributionList(a for a in self if a.speaker.name.casefold() == name.casefold())

    def to_frame(self):
        """One row per attribution: doc, speaker, kind, type, stance, cue, chain, content, id, rule
        (the rule that found it)."""
        return _frame(self.rows(), self.COLUMNS)

    def _repr_html_(self) -> str:
        return (f"<p><b>{len(self)} attributions</b></p>"
                + _html_table(self.rows(), self.COLUMNS))


def _flag_cell(c: Claim) -> str:
    return ", ".join(c.flag_names)


class ClaimList(list):
    """A list of :class:`~quotes.types.Claim` with ``to_frame()`` and HTML display.

    >>> cl = ClaimList([Claim("c-1", "It rained", flags=())])
    >>> cl.to_frame().loc[0, "text"], cl.ids()
    ('It rained', ['c-1'])
    """

    COLUMNS = ("id", "text", "flags", "statements", "sources", "articles", "reasons")

    def ids(self) -> list[str]:
        return [c.id for c in self]

    def rows(self) -> list[dict[str, Any]]:
        return [{
            "id": c.id, "text": c.text, "flags": c.flag_names,
            "statements": len(c.statements),
            "sources": sorted({a.speaker.name for a in c.statements}),
            "articles": sorted({a.doc for a in c.statements}),
            "reasons": [r for f in c.flags for r in f.reasons],
        } for c in self]

    def to_frame(self):
        """One row per claim: id, text, flags, counts, sources, articles, reasons."""
        return _frame(self.rows(), self.COLUMNS)

    def _repr_html_(self) -> str:
        return _html_table(self.rows(), self.COLUMNS)


@dataclass
class Trace:
    """Every statement about a claim, as paths from the publisher back to the origin.

    ``rows`` hold, per statement: ``statement`` (id), ``doc``, ``start``, ``end``,
    ``content``, ``stance`` (as said), ``effective_stance`` (toward the claim),
    ``speaker``, ``speaker_kind``, ``origin``, ``path`` (list of ``(name, kind)``,
    publisher first, origin last) and ``responds_to`` (``(name, kind)`` of the reports
    a confirmation or denial answers).
    """

    claim: Claim
    rows: list[dict[str, Any]] = field(default_factory=list)

    COLUMNS = ("statement", "doc", "start", "end", "stance", "effective_stance", "speaker",
               "speaker_kind", "origin", "path", "content")

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        """A one-line summary (the HTML view and ``to_frame()`` show the rows).

        >>> Trace(Claim("c-1", "It rained"))
        <Trace c-1 'It rained': 0 statements, flags: none>
        """
        return (f"<Trace {self.claim.id} {self.claim.text!r}: {len(self.rows)} statements, "
                f"flags: {_flag_cell(self.claim) or 'none'}>")

    def paths(self) -> list[list[str]]:
        """Names along each statement's path, extended by the reports it answers.

        >>> Trace(Claim("c", "x"), [{"path": [("Tass", "outlet"), ("a source", "anonymous")],
        ...                          "responds_to": [("a report", "document")]}]).paths()
        [['Tass', 'a source', 'a report']]
        """
        return [[n for n, _ in r["path"]] + [n for n, _ in r.get("responds_to", ())]
                for r in self.rows]

    def to_frame(self):
        """One row per statement; ``path`` as "A > B > C" text."""
        rows = [{**r, "path": " > ".join(n for n, _ in r["path"] + list(r.get("responds_to", ())))}
                for r in self.rows]
        return _frame(rows, self.COLUMNS)

    def to_records(self) -> list[dict]:
        """JSON-ready rows (the JSON Lines form of ``quotes trace --format jsonl``)."""
        return [{"claim": self.claim.id, **{k: v for k, v in r.items()},
                 "path": [{"name": n, "kind": k} for n, k in r["path"]],
                 "responds_to": [{"name": n, "kind": k} for n, k in r.get("responds_to", ())]}
                for r in self.rows]

    def _repr_html_(self) -> str:
        head = (f"<p><b>{html.escape(self.claim.text)}</b> <code>{html.escape(self.claim.id)}"
                f"</code><br>flags: {html.escape(_flag_cell(self.claim)) or 'none'}</p>")
        reasons = "".join(f"<li>{html.escape(r)}</li>" for f in self.claim.flags for r in f.reasons)
        frame_rows = self.to_frame().to_dict("records")
        return head + (f"<ul>{reasons}</ul>" if reasons else "") + _html_table(frame_rows, self.COLUMNS)


def format_trace_tree(trace: Trace) -> str:
    """The trace as an indented tree for the terminal: claim, flags with reasons, then
    each article's paths from the publisher down to the origin and the reports it answers.

    >>> t = Trace(Claim("c-1", "It rained"), [{"statement": "d:0-9", "doc": "d",
    ...     "content": "It rained", "effective_stance": "asserts",
    ...     "path": [("Daily", "outlet"), ("Ann", "person")], "responds_to": []}])
    >>> print(format_trace_tree(t))
    claim c-1: It rained
      flags: none
      article d
        Daily (outlet)
          Ann (person) asserts: "It rained" [d:0-9]
    """
    c = trace.claim
    lines = [f"claim {c.id}: {c.text}", f"  flags: {', '.join(c.flag_names) or 'none'}"]
    lines += [f"    - {r}" for f in c.flags for r in f.reasons]
    by_doc: dict[str, list[dict]] = {}
    for r in trace.rows:
        by_doc.setdefault(r["doc"], []).append(r)
    for doc, rows in by_doc.items():
        lines.append(f"  article {doc}")
        printed: list[tuple] = []  # the relay prefix already shown
        for r in rows:
            relays, (name, kind) = r["path"][:-1], r["path"][-1]
            shared = 0
            while shared < min(len(printed), len(relays)) and printed[shared] == relays[shared]:
                shared += 1
            for depth in range(shared, len(relays)):
                lines.append("    " + "  " * depth + f"{relays[depth][0]} ({relays[depth][1]})")
            printed = list(relays)
            pad = "    " + "  " * len(relays)
            lines.append(f"{pad}{name} ({kind}) {r['effective_stance']}: \"{r['content']}\" "
                         f"[{r['statement']}]")
            for rname, rkind in r.get("responds_to", ()):
                lines.append(f"{pad}  -> {r['effective_stance']} {rname} ({rkind})")
    return "\n".join(lines)
