"""Pictures of traces: where a claim came from, through whom, and who said what about it.

:func:`plot_trace` draws the layout of :func:`quotes.views.diagram.trace_layout` with
matplotlib (the optional ``plot`` extra) and returns the figure:

- boxes are sources, coloured by kind (person, organization, outlet, anonymous,
  unnamed report); the small line under a box says its kind and its role (publisher,
  relay, source, report);
- thin grey arrows are relays (publisher -> relay -> source); coloured arrows are
  stances (asserts, confirms, denies, could not confirm, hedged), drawn to the reports a
  statement answers when it answers one ("could not confirm reports that ..."), else
  to the claim;
- the claim sits in the last column with its flags as coloured badges, and the reasons
  behind the flags are listed under the picture.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from quotes.types import (
    ANONYMOUS, ASSERTS, CANNOT_CONFIRM, CONFIRMED, CONFIRMS, CONTRADICTED, DENIES, DOCUMENT,
    HEDGED, ORGANIZATION, OUTLET, PERSON, SINGLE_SOURCE, UNCONFIRMED, UNKNOWN,
)
from quotes.views.diagram import STANCE_LABELS, Edge, Node, TraceLayout, trace_layout

__all__ = ["plot_trace", "figure_texts", "trace_layout", "TraceLayout", "Node", "Edge"]

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
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("plot_trace needs matplotlib: pip install 'quotes[plot]'") from err

    lay = trace_layout(trace)
    flags = list(getattr(lay.claim, "flags", ()) or ())
    size = _Size.of(lay, flags, reasons, max_reasons, width)
    fig = plt.figure(figsize=(size.fig_w, size.fig_h))
    plt.close(fig)  # returned, not shown twice by notebook backends
    ax = fig.add_axes((0.01, (size.legend_h + size.reasons_h) / size.fig_h, 0.98, size.graph_h / size.fig_h))
    ax.set_axis_off()
    ax.set_xlim(-1.5, size.xmax + 1.9)
    ax.set_ylim(-(size.n_rows - 1) - 0.7, 0.7)
    boxes = {n.key: (_draw_claim(ax, n, lay.claim, flags, size) if n.role == "claim" else _draw_box(ax, n, size))
             for n in lay.nodes}
    pos = {n.key: (n.layer * DX, -n.y) for n in lay.nodes}
    layer = {n.key: n.layer for n in lay.nodes}
    for e in lay.edges:
        _draw_arrow(ax, e, pos, layer, boxes, size)
    handles = _legend_handles(lay)
    fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 10), fontsize=7, frameon=False,
               bbox_to_anchor=(0.5, (size.reasons_h + 0.05) / size.fig_h))
    _draw_reasons(fig, size)
    head = title if title is not None else f"Where does it come from? {getattr(lay.claim, 'text', '')}"
    fig.suptitle(textwrap.shorten(head, 110), fontsize=11, y=1 - 0.12 / size.fig_h, va="top")
    return fig


#: Horizontal distance between columns, in data units.
DX = 3.0


@dataclass
class _Size:
    """The figure's measures (inches) and the reason lines written under the picture."""

    n_rows: float
    xmax: float
    fig_w: float
    fig_h: float
    graph_h: float
    legend_h: float
    reasons_h: float
    text_lines: list[str]
    more: int
    sx: float  # inches per data unit, across
    sy: float  # inches per data unit, down

    @classmethod
    def of(cls, lay: TraceLayout, flags: list, reasons: bool, max_reasons: int, width: float | None) -> "_Size":
        n_layers = max((n.layer for n in lay.nodes), default=0) + 1
        n_rows = max((n.y for n in lay.nodes), default=0.0) + 1
        reason_lines = [r for f in flags for r in f.reasons] if reasons else []
        fig_w = width or max(7.0, 2.5 * n_layers + 1.5)
        wrap = max(60, int(fig_w * 15))
        shown = reason_lines[:max_reasons]
        text_lines = [textwrap.fill(r, wrap, subsequent_indent="    ") for r in shown]
        n_text = sum(t.count("\n") + 1 for t in text_lines) + (1 if len(reason_lines) > len(shown) else 0)
        graph_h = max(2.4, 1.0 * n_rows + 0.8)
        legend_h, title_h = 0.7, 0.5
        reasons_h = 0.2 * n_text + (0.35 if n_text else 0)
        xmax = (n_layers - 1) * DX
        return cls(n_rows, xmax, fig_w, graph_h + legend_h + reasons_h + title_h, graph_h, legend_h, reasons_h,
                   text_lines, len(reason_lines) - len(shown),
                   sx=0.98 * fig_w / (xmax + 3.4), sy=graph_h / (n_rows + 0.4))


def _draw_claim(ax, n: Node, claim, flags: list, size: _Size):
    """The claim's box, its id underneath and its flags as badges."""
    x, y, sy = n.layer * DX, -n.y, size.sy
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
    return t


def _draw_box(ax, n: Node, size: _Size):
    """A source's box, coloured by kind, with its kind and roles underneath."""
    x, y = n.layer * DX, -n.y
    fc, ec = KIND_COLORS.get(n.kind, KIND_COLORS[UNKNOWN])
    source = n.role in ("source", "report")
    t = ax.text(x, y, textwrap.fill(n.name, 18), ha="center", va="center", fontsize=9,
                zorder=3, fontweight="bold" if source else "normal",
                bbox=dict(boxstyle="round,pad=0.4", fc=fc, ec=ec, lw=1.8 if source else 0.8,
                          ls="solid" if source else (0, (3, 2))))
    roles = ", ".join(r for r in ("publisher", "relay", "source", "report") if r in n.roles)
    lines = len(textwrap.wrap(n.name, 18)) or 1
    ax.text(x, y - (0.085 * lines + 0.1) / size.sy, f"{KIND_NAMES.get(n.kind, n.kind)} · {roles}",
            ha="center", va="top", fontsize=7, style="italic", color="#495057", zorder=3)
    return t


def _edge_style(e: Edge) -> tuple[str, str | tuple, float]:
    """Colour, line style and width of an arrow."""
    if e.kind == "relayed":
        return RELAY_COLOR, "solid", 1.2
    color, ls = STANCE_STYLES.get(e.stance or e.kind, ("#495057", "solid"))
    return color, ls, 2.0 if e.kind == "stance" else 1.2


def _draw_arrow(ax, e: Edge, pos: dict, layer: dict, boxes: dict, size: _Size) -> None:
    """One arrow between two boxes (curved when it would cross a column), with its label."""
    (x1, y1), (x2, y2) = pos[e.src], pos[e.dst]
    span = layer[e.dst] - layer[e.src]
    rad = 0.0 if span == 1 or (span > 1 and abs(y2 - y1) >= 0.5 * span) else (-0.25 if y2 <= y1 else 0.25)
    color, ls, lw = _edge_style(e)
    ax.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=4,
                arrowprops=dict(arrowstyle="-|>", color=color, lw=lw, linestyle=ls,
                                mutation_scale=12, shrinkA=3, shrinkB=3,
                                patchA=boxes[e.src].get_bbox_patch(),
                                patchB=boxes[e.dst].get_bbox_patch(),
                                connectionstyle=f"arc3,rad={rad}"))
    if not e.label:
        return
    # a point 40% along the quadratic arc3 curve (its control point moved back
    # from inches to data units), nearer the speaker than the target's box
    sx, sy = size.sx, size.sy
    cx = (x1 + x2) / 2 + rad * (y2 - y1) * sy / sx
    cy = (y1 + y2) / 2 - rad * (x2 - x1) * sx / sy
    f = 0.4
    mx = (1 - f) ** 2 * x1 + 2 * f * (1 - f) * cx + f ** 2 * x2
    my = (1 - f) ** 2 * y1 + 2 * f * (1 - f) * cy + f ** 2 * y2
    ax.text(mx, my, e.label, ha="center", va="center", fontsize=8, color=color,
            fontweight="bold", zorder=5,
            bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.9))


def _legend_handles(lay: TraceLayout) -> list:
    """One legend entry per source kind shown, then relays, then each stance shown."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

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
            handles.append(Line2D([], [], color=color, lw=2, linestyle=ls, label=STANCE_LABELS.get(s, s)))
    return handles


def _draw_reasons(fig, size: _Size) -> None:
    """The reasons behind the flags, under the legend."""
    y = (size.reasons_h - 0.15) / size.fig_h
    if size.text_lines:
        fig.text(0.02, y, "why flagged:", fontsize=8, fontweight="bold", va="top")
        y -= 0.22 / size.fig_h
    for line in size.text_lines:
        fig.text(0.02, y, line, fontsize=7.5, va="top", color="#343a40")
        y -= 0.2 * (line.count("\n") + 1) / size.fig_h
    if size.more > 0:
        fig.text(0.02, y, f"... and {size.more} more", fontsize=7.5, va="top", color="#343a40")


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
