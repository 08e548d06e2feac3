"""Pictures of traces: where a claim came from, through whom, and who said what about it.

:func:`trace_layout` turns a :class:`~quotes.results.Trace` into nodes (publishers,
relays, sources, reports and the claim) placed in columns, and edges (relayed, a
stance, reported); it needs no plotting library. :func:`plot_trace` draws that layout
with matplotlib (the optional ``plot`` extra) and returns the figure:

- boxes are sources, coloured by kind (person, organization, outlet, anonymous,
  unnamed report); the small line under a box says its kind and its role (publisher,
  relay, source, report);
- thin grey arrows are relays (publisher -> relay -> source); coloured arrows are
  stances (asserts, confirms, denies, could not confirm, hedged), drawn to the reports a
  statement answers when it answers one ("could not confirm reports that ..."), else
  to the claim;
- the claim sits in the last column with its flags as coloured badges, and the reasons
  behind the flags are listed under the picture.

>>> from quotes.results import Trace
>>> from quotes.types import Claim
>>> t = Trace(Claim("c-1", "It rained"), [{"doc": "d", "stance": "asserts",
...     "effective_stance": "asserts", "path": [("Daily", "outlet"), ("Ann", "person")],
...     "responds_to": []}])
>>> [(n.name, n.role, n.layer) for n in trace_layout(t).nodes]
[('Daily', 'publisher', 0), ('Ann', 'source', 1), ('It rained', 'claim', 2)]
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from quotes.claims.normalize import fold
from quotes.types import (
    ANONYMOUS, ASSERTS, CANNOT_CONFIRM, CONFIRMED, CONFIRMS, CONTRADICTED, DENIES, DOCUMENT,
    HEDGED, ORGANIZATION, OUTLET, PERSON, SINGLE_SOURCE, UNCONFIRMED, UNKNOWN,
)

#: Words shown on stance arrows.
STANCE_LABELS = {ASSERTS: "asserts", CONFIRMS: "confirms", DENIES: "denies",
                 CANNOT_CONFIRM: "could not confirm", HEDGED: "hedged", "reported": "reported"}
#: Arrow colour and line style of each stance.
STANCE_STYLES = {ASSERTS: ("#2b8a3e", "solid"), CONFIRMS: ("#2f9e44", "solid"),
                 DENIES: ("#c92a2a", "solid"), CANNOT_CONFIRM: ("#e8590c", "dashdot"),
                 HEDGED: ("#5c7cfa", "dashed"), "reported": ("#868e96", "dotted")}
#: Box fill and edge colour of each source kind.
KIND_COLORS = {PERSON: ("#d0ebff", "#1971c2"), ORGANIZATION: ("#e5dbff", "#6741d9"),
               OUTLET: ("#e9ecef", "#495057"), ANONYMOUS: ("#ffe8cc", "#d9480f"),
               DOCUMENT: ("#fff3bf", "#e67700"), UNKNOWN: ("#f8f9fa", "#868e96")}
KIND_NAMES = {DOCUMENT: "unnamed report"}
#: Badge colours of the claim flags.
FLAG_COLORS = {UNCONFIRMED: ("#ffd8a8", "#d9480f"), CONTRADICTED: ("#ffc9c9", "#c92a2a"),
               CONFIRMED: ("#d3f9d8", "#2b8a3e"), SINGLE_SOURCE: ("#fff3bf", "#e67700")}
RELAY_COLOR = "#adb5bd"


@dataclass
class Node:
    """A box in the picture: ``role`` is publisher, relay, source, report or claim."""

    key: tuple
    name: str
    kind: str
    role: str
    roles: list[str] = field(default_factory=list)
    layer: int = 0
    y: float = 0.0
    order: int = 0


@dataclass
class Edge:
    """An arrow: ``kind`` is ``relayed``, ``stance`` or ``reported``; ``count`` statements."""

    src: tuple
    dst: tuple
    kind: str
    stance: str | None = None
    count: int = 1

    @property
    def label(self) -> str:
        """The words on the arrow ("could not confirm", "hedged ×2"; none for relays).

        >>> Edge(("a",), ("b",), "stance", "cannot_confirm").label, Edge(("a",), ("b",), "relayed").label
        ('could not confirm', '')
        """
        if self.kind == "relayed":
            return ""
        word = STANCE_LABELS.get(self.stance or self.kind, self.stance or self.kind)
        return word + (f" ×{self.count}" if self.count > 1 else "")


@dataclass
class TraceLayout:
    """Nodes in columns (``layer``) and rows (``y``), edges between their keys."""

    claim: object
    nodes: list[Node]
    edges: list[Edge]

    def node(self, key: tuple) -> Node:
        """The node with this key (StopIteration if none).

        >>> from quotes.results import Trace
        >>> from quotes.types import Claim
        >>> trace_layout(Trace(Claim("c", "x"), [])).node(("claim",)).role
        'claim'
        """
        return next(n for n in self.nodes if n.key == key)

    def labels(self) -> list[str]:
        """Every node name and arrow label (what the picture writes).

        >>> from quotes.results import Trace
        >>> from quotes.types import Claim
        >>> trace_layout(Trace(Claim("c", "x"), [])).labels()
        ['x']
        """
        return [n.name for n in self.nodes] + [e.label for e in self.edges if e.label]


def _key(name: str, kind: str, scope: str | None) -> tuple:
    # As in the provenance graph: unnamed sources are told apart by who carried them.
    if kind in (ANONYMOUS, DOCUMENT):
        return ("source", fold(name), fold(scope or ""))
    return ("source", fold(name))


def trace_layout(trace) -> TraceLayout:
    """Place a trace's sources in columns: publishers first, then relays, sources and
    the reports they answer; the claim last. Rows are ordered to keep arrows short.

    Unnamed sources are one box per relay that carried them (as in the graph); a
    statement that answers reports ("confirmed a report", "could not confirm reports")
    points at the box of that report, preferring one nested under the statement's
    own speaker; reports with no statement of their own about the claim get a dotted
    "reported" arrow to it.
    """
    nodes: dict[tuple, Node] = {}
    edges: dict[tuple, Edge] = {}
    claim_key = ("claim",)

    def node(key: tuple, name: str, kind: str, role: str) -> Node:
        n = nodes.get(key)
        if n is None:
            n = nodes[key] = Node(key, name, kind, role, [role], order=len(nodes))
        else:
            if n.kind == UNKNOWN:
                n.kind = kind
            if role not in n.roles:
                n.roles.append(role)
        return n

    def edge(src: tuple, dst: tuple, kind: str, stance: str | None = None) -> None:
        k = (src, dst, kind, stance)
        if k in edges:
            edges[k].count += 1
        else:
            edges[k] = Edge(src, dst, kind, stance)

    rows = list(trace.rows)
    row_paths: list[list[tuple]] = []
    for r in rows:
        keys, scope = [], r.get("doc")
        path = list(r["path"])
        for i, (name, kind) in enumerate(path):
            last = i == len(path) - 1
            role = "source" if last else "publisher" if i == 0 and _is_publisher(r, name) else "relay"
            k = _key(name, kind, scope)
            node(k, name, kind, role)
            keys.append(k)
            scope = name
        for a, b in zip(keys, keys[1:]):
            edge(a, b, "relayed")
        row_paths.append(keys)
    stance_sources = set()
    for r, keys in zip(rows, row_paths):
        speaker = keys[-1]
        found = [(_find_report(nodes, row_paths, speaker, name, kind, r.get("doc")), name, kind)
                 for name, kind in r.get("responds_to", ())]
        # A report nested under the speaker ("confirmed a report that ...") is the one it
        # answers; only without one does it answer every report of the article.
        nested = [f for f in found if f[0][1]]
        targets = []
        for (t, _), name, kind in nested or found:
            if t not in targets:
                node(t, name, kind, "report")
                targets.append(t)
        if targets:
            for t in targets:
                edge(speaker, t, "stance", r.get("stance") or r.get("effective_stance"))
        else:
            edge(speaker, claim_key, "stance", r.get("effective_stance") or r.get("stance"))
            stance_sources.add(speaker)
    claim = getattr(trace, "claim", None)
    nodes[claim_key] = Node(claim_key, getattr(claim, "text", ""), "claim", "claim", ["claim"],
                            order=len(nodes))
    for k, n in nodes.items():
        if "report" in n.roles and k not in stance_sources:
            edge(k, claim_key, "reported")
    # A relay arrow doubled by a stance arrow between the same boxes says nothing more.
    stance_pairs = {(e.src, e.dst) for e in edges.values() if e.kind != "relayed"}
    out_edges = [e for e in edges.values() if e.kind != "relayed" or (e.src, e.dst) not in stance_pairs]
    _layers(nodes, out_edges, claim_key)
    _rows(nodes, out_edges)
    for n in nodes.values():
        n.role = _main_role(n.roles)
    ordered = sorted(nodes.values(), key=lambda n: (n.layer, n.y))
    return TraceLayout(claim, ordered, out_edges)


def _is_publisher(row: dict, name: str) -> bool:
    if "publisher" not in row:  # a hand-made row: the path starts at the publisher
        return True
    pub = row["publisher"]
    return pub is not None and fold(pub) == fold(name)


def _main_role(roles: list[str]) -> str:
    for r in ("claim", "source", "report", "publisher", "relay"):
        if r in roles:
            return r
    return roles[0] if roles else "source"


def _find_report(nodes, row_paths, speaker, name, kind, doc) -> tuple[tuple, bool]:
    """The key of the report box a statement answers, and whether it is nested under
    the statement's speaker."""
    want = fold(name)
    below, anywhere = [], []
    for keys in row_paths:
        for i, k in enumerate(keys):
            n = nodes[k]
            if fold(n.name) != want or k == speaker:
                continue
            if speaker in keys[:i]:
                below.append((i, k))
            else:
                anywhere.append((i, k))
    if below:
        return min(below)[1], True
    if anywhere:
        return min(anywhere)[1], False
    return _key(name, kind, f"{doc}>{speaker}"), False


def _layers(nodes: dict, edges: list, claim_key: tuple) -> None:
    """Longest-path columns (cycles, which named sources can make across articles, stop
    the relaxation after as many passes as there are nodes)."""
    for n in nodes.values():
        n.layer = 0
    for _ in range(len(nodes)):
        changed = False
        for e in edges:
            if e.dst == claim_key:
                continue
            a, b = nodes[e.src], nodes[e.dst]
            if b.layer < a.layer + 1:
                b.layer = a.layer + 1
                changed = True
        if not changed:
            break
    others = [n.layer for k, n in nodes.items() if k != claim_key]
    nodes[claim_key].layer = max(others) + 1 if others else 0


def _place(column: list, want: dict) -> None:
    column.sort(key=lambda n: (want[n.key], n.order))
    prev = None
    for n in column:
        y = want[n.key]
        n.y = y if prev is None else max(y, prev + 1.0)
        prev = n.y
    if column:
        shift = sum(want[n.key] - n.y for n in column) / len(column)
        for n in column:
            n.y += shift


def _rows(nodes: dict, edges: list) -> None:
    """Rows by barycentres: down the columns from predecessors, then back up from
    successors, then down once more; boxes in a column stay one row apart."""
    columns: dict[int, list] = {}
    for n in sorted(nodes.values(), key=lambda n: n.order):
        columns.setdefault(n.layer, []).append(n)
    preds: dict[tuple, list] = {k: [] for k in nodes}
    succs: dict[tuple, list] = {k: [] for k in nodes}
    for e in edges:
        preds[e.dst].append(e.src)
        succs[e.src].append(e.dst)
    for i, n in enumerate(columns.get(0, [])):
        n.y = float(i)
    layers = sorted(columns)

    def sweep(order, links):
        for layer in order:
            col = columns[layer]
            want = {}
            for n in col:
                ys = [nodes[k].y for k in links[n.key] if nodes[k].layer != layer]
                want[n.key] = sum(ys) / len(ys) if ys else n.y
            _place(col, want)

    for i, layer in enumerate(layers[1:], 1):
        for j, n in enumerate(columns[layer]):
            n.y = float(j)
    sweep(layers[1:], preds)
    sweep(list(reversed(layers[:-1])), succs)
    sweep(layers[1:], preds)
    low = min((n.y for n in nodes.values()), default=0.0)
    for n in nodes.values():
        n.y -= low


# --- drawing --------------------------------------------------------------------------


def plot_trace(trace, *, reasons: bool = True, max_reasons: int = 8, title: str | None = None,
               width: float | None = None):
    """Draw a :class:`~quotes.results.Trace` and return the matplotlib ``Figure``.

    Sources, relays and stances are told apart by box colour, the role line under each
    box and arrow colour/style (legend included); the claim's flags are badges next to
    it and, with ``reasons``, the reasons behind them are listed underneath (at most
    ``max_reasons``). Save with ``fig.savefig("trace.png", bbox_inches="tight")``.
    Needs matplotlib (``pip install quotes[plot]``).

    >>> import matplotlib; matplotlib.use("Agg")
    >>> from quotes.results import Trace
    >>> from quotes.types import Claim, Flag
    >>> t = Trace(Claim("c-1", "It rained", flags=(Flag("unconfirmed", ("no named source",)),)),
    ...     [{"doc": "d", "stance": "hedged", "effective_stance": "hedged",
    ...       "path": [("Daily", "outlet"), ("a report", "document")], "responds_to": []}])
    >>> fig = plot_trace(t)
    >>> sorted({"Daily", "a report", "hedged", "unconfirmed"} & set(figure_texts(fig)))
    ['Daily', 'a report', 'hedged', 'unconfirmed']
    """
    try:
        import matplotlib.pyplot as plt
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("plot_trace needs matplotlib: pip install 'quotes[plot]'") from err

    lay = trace_layout(trace)
    claim = lay.claim
    n_layers = max((n.layer for n in lay.nodes), default=0) + 1
    n_rows = max((n.y for n in lay.nodes), default=0.0) + 1
    flags = list(getattr(claim, "flags", ()) or ())
    reason_lines = [r for f in flags for r in f.reasons] if reasons else []
    fig_w = width or max(7.0, 2.5 * n_layers + 1.5)
    wrap = max(60, int(fig_w * 15))
    shown = reason_lines[:max_reasons]
    text_lines = [textwrap.fill(r, wrap, subsequent_indent="    ") for r in shown]
    n_text = sum(t.count("\n") + 1 for t in text_lines) + (1 if len(reason_lines) > len(shown) else 0)
    graph_h = max(2.4, 1.0 * n_rows + 0.8)
    legend_h = 0.7
    reasons_h = 0.2 * n_text + (0.35 if n_text else 0)
    title_h = 0.5
    fig_h = graph_h + legend_h + reasons_h + title_h

    fig = plt.figure(figsize=(fig_w, fig_h))
    plt.close(fig)  # returned, not shown twice by notebook backends
    bottom = (legend_h + reasons_h) / fig_h
    ax = fig.add_axes((0.01, bottom, 0.98, graph_h / fig_h))
    ax.set_axis_off()
    dx = 3.0
    xmax = (n_layers - 1) * dx
    ax.set_xlim(-1.5, xmax + 1.9)
    ax.set_ylim(-(n_rows - 1) - 0.7, 0.7)
    # data units -> inches, to place labels on curved arrows
    sx = 0.98 * fig_w / (xmax + 3.4)
    sy = graph_h / (n_rows + 0.4)

    boxes = {}
    for n in lay.nodes:
        x, y = n.layer * dx, -n.y
        if n.role == "claim":
            t = ax.text(x, y, textwrap.fill(n.name, 26), ha="center", va="center", fontsize=9,
                        fontweight="bold", zorder=3,
                        bbox=dict(boxstyle="round,pad=0.5", fc="white", ec="#212529", lw=1.6))
            half = (0.085 * len(textwrap.wrap(n.name, 26)) + 0.12) / sy
            ax.text(x, y - half - 0.1 / sy - 0.3 * len(flags) / sy, f"claim {getattr(claim, 'id', '')}",
                    ha="center", va="top", fontsize=7, color="#495057", zorder=3)
            for i, f in enumerate(flags):
                fc, ec = FLAG_COLORS.get(f.name, ("#e9ecef", "#495057"))
                ax.text(x, y - half - 0.06 / sy - 0.3 * i / sy, f.name, ha="center", va="top", fontsize=8,
                        fontweight="bold", color=ec, zorder=3,
                        bbox=dict(boxstyle="round,pad=0.3", fc=fc, ec=ec, lw=1.2))
            boxes[n.key] = t
            continue
        fc, ec = KIND_COLORS.get(n.kind, KIND_COLORS[UNKNOWN])
        source = n.role in ("source", "report")
        t = ax.text(x, y, textwrap.fill(n.name, 18), ha="center", va="center", fontsize=9,
                    zorder=3, fontweight="bold" if source else "normal",
                    bbox=dict(boxstyle="round,pad=0.4", fc=fc, ec=ec, lw=1.8 if source else 0.8,
                              ls="solid" if source else (0, (3, 2))))
        roles = ", ".join(r for r in ("publisher", "relay", "source", "report") if r in n.roles)
        lines = len(textwrap.wrap(n.name, 18)) or 1
        ax.text(x, y - (0.085 * lines + 0.1) / sy, f"{KIND_NAMES.get(n.kind, n.kind)} · {roles}",
                ha="center", va="top", fontsize=7, style="italic", color="#495057", zorder=3)
        boxes[n.key] = t

    pos = {n.key: (n.layer * dx, -n.y) for n in lay.nodes}
    layer = {n.key: n.layer for n in lay.nodes}
    for e in lay.edges:
        (x1, y1), (x2, y2) = pos[e.src], pos[e.dst]
        span = layer[e.dst] - layer[e.src]
        rad = 0.0 if span == 1 or (span > 1 and abs(y2 - y1) >= 0.5 * span) else (
            -0.25 if y2 <= y1 else 0.25)
        if e.kind == "relayed":
            color, ls, lw = RELAY_COLOR, "solid", 1.2
        else:
            color, ls = STANCE_STYLES.get(e.stance or e.kind, ("#495057", "solid"))
            lw = 2.0 if e.kind == "stance" else 1.2
        ax.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=4,
                    arrowprops=dict(arrowstyle="-|>", color=color, lw=lw, linestyle=ls,
                                    mutation_scale=12, shrinkA=3, shrinkB=3,
                                    patchA=boxes[e.src].get_bbox_patch(),
                                    patchB=boxes[e.dst].get_bbox_patch(),
                                    connectionstyle=f"arc3,rad={rad}"))
        if e.label:
            # a point 40% along the quadratic arc3 curve (its control point moved back
            # from inches to data units), nearer the speaker than the target's box
            cx = (x1 + x2) / 2 + rad * (y2 - y1) * sy / sx
            cy = (y1 + y2) / 2 - rad * (x2 - x1) * sx / sy
            f = 0.4
            mx = (1 - f) ** 2 * x1 + 2 * f * (1 - f) * cx + f ** 2 * x2
            my = (1 - f) ** 2 * y1 + 2 * f * (1 - f) * cy + f ** 2 * y2
            ax.text(mx, my, e.label, ha="center", va="center", fontsize=8, color=color,
                    fontweight="bold", zorder=5,
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.9))

    kinds = []
    for n in lay.nodes:
        if n.role != "claim" and n.kind not in kinds:
            kinds.append(n.kind)
    handles = [Patch(fc=KIND_COLORS.get(k, KIND_COLORS[UNKNOWN])[0],
                     ec=KIND_COLORS.get(k, KIND_COLORS[UNKNOWN])[1],
                     label=KIND_NAMES.get(k, k)) for k in kinds]
    handles.append(Line2D([], [], color=RELAY_COLOR, lw=1.2, label="relayed"))
    seen = []
    for e in lay.edges:
        s = e.stance or e.kind
        if e.kind != "relayed" and s not in seen:
            seen.append(s)
            color, ls = STANCE_STYLES.get(s, ("#495057", "solid"))
            handles.append(Line2D([], [], color=color, lw=2, linestyle=ls,
                                  label=STANCE_LABELS.get(s, s)))
    fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 10), fontsize=7,
               frameon=False, bbox_to_anchor=(0.5, (reasons_h + 0.05) / fig_h))
    y = (reasons_h - 0.15) / fig_h
    if text_lines:
        fig.text(0.02, y, "why flagged:", fontsize=8, fontweight="bold", va="top")
        y -= 0.22 / fig_h
    for line in text_lines:
        fig.text(0.02, y, line, fontsize=7.5, va="top", color="#343a40")
        y -= 0.2 * (line.count("\n") + 1) / fig_h
    if len(reason_lines) > len(shown):
        fig.text(0.02, y, f"... and {len(reason_lines) - len(shown)} more", fontsize=7.5,
                 va="top", color="#343a40")
    head = title if title is not None else f"Where does it come from? {getattr(claim, 'text', '')}"
    fig.suptitle(textwrap.shorten(head, 110), fontsize=11, y=1 - 0.12 / fig_h, va="top")
    return fig


def figure_texts(fig) -> list[str]:
    """Every string the figure writes (boxes, arrows, badges, legend, reasons), with
    line breaks folded to spaces, for tests and search.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.figure
    >>> f = matplotlib.figure.Figure(); _ = f.text(0, 0, "a diplomatic\\nsource")
    >>> figure_texts(f)
    ['a diplomatic source']
    """
    from matplotlib.text import Text

    out = []
    for t in fig.findobj(Text):
        s = " ".join(t.get_text().split())
        if s:
            out.append(s)
    return out
