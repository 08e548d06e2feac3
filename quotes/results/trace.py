"""The provenance of one claim: every statement about it as paths from the publisher back
to the origin (:class:`Trace`), and its tree for the terminal."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any


from quotes.types import Claim
from quotes.results.tables import META_COLUMNS, _frame, _html_table


def _flag_cell(c: Claim) -> str:
    return ", ".join(c.flag_names)


@dataclass
class Trace:
    """Every statement about a claim, as paths from the publisher back to the origin.

    ``rows`` hold, per statement: ``statement`` (id), ``doc``, ``start``, ``end``,
    ``content``, ``stance`` (as said), ``effective_stance`` (toward the claim),
    ``speaker``, ``speaker_kind``, ``origin``, ``path`` (list of ``(name, kind)``,
    publisher first, origin last) and ``responds_to`` (``(name, kind)`` of the reports
    a confirmation or denial answers). ``candidates`` are the claims a free-text lookup
    may have meant (:class:`~quotes.types.Candidate`, best first: the claim traced, then
    the alternatives).
    """

    claim: Claim
    rows: list[dict[str, Any]] = field(default_factory=list)
    candidates: tuple = ()

    COLUMNS = ("statement", "doc", "start", "end", "stance", "effective_stance", "speaker",
               "speaker_kind", "origin", "path", "content", *META_COLUMNS)
    #: Columns of :meth:`paths_frame`.
    PATH_COLUMNS = ("statement", "doc", "hop", "name", "kind", "responds")

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
        """One row per statement; ``path`` as "A > B > C" text (long: :meth:`paths_frame`),
        with the article's publisher, date (a datetime), title and url where known."""
        rows = [{**r, "path": " > ".join(n for n, _ in r["path"] + list(r.get("responds_to", ())))}
                for r in self.rows]
        return _frame(rows, self.COLUMNS, categories=("doc", "stance", "effective_stance",
                                                      "speaker_kind", "publisher"), dates=("date",))

    def paths_frame(self):
        """The paths long: one row per hop of each statement's path (``hop`` 0 the
        publisher), then the reports it answers (``responds`` True).

        >>> Trace(Claim("c", "x"), [{"statement": "d:0-1", "doc": "d", "path": [("Tass", "outlet"),
        ...     ("Ann", "person")], "responds_to": []}]).paths_frame()[["hop", "name"]].values.tolist()
        [[0, 'Tass'], [1, 'Ann']]
        """
        rows = []
        for r in self.rows:
            hops = [(h, False) for h in r["path"]] + [(h, True) for h in r.get("responds_to", ())]
            rows += [{"statement": r.get("statement"), "doc": r.get("doc"), "hop": i, "name": n,
                      "kind": k, "responds": resp} for i, ((n, k), resp) in enumerate(hops)]
        return _frame(rows, self.PATH_COLUMNS, categories=("doc", "kind"))

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
    alternatives = [k for k in trace.candidates if k.claim != c.id]
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
    if alternatives:
        lines.append("  other claims it may mean:")
        lines += [f"    {k.label} [{k.claim}] ({k.score:.2f})" for k in alternatives]
    return "\n".join(lines)
