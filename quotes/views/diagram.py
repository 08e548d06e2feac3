"""A trace as a diagram, with no plotting library: boxes in columns and the arrows between them.

:func:`trace_layout` turns a :class:`~quotes.results.Trace` into nodes (publishers,
relays, sources, reports and the claim) placed in columns, and edges (relayed, a
stance, reported); :func:`quotes.views.plot.plot_trace` draws it.

>>> from quotes.results import Trace
>>> from quotes.types import Claim
>>> t = Trace(Claim("c-1", "It rained"), [{"doc": "d", "stance": "asserts",
...     "effective_stance": "asserts", "path": [("Daily", "outlet"), ("Ann", "person")],
...     "responds_to": []}])
>>> [(n.name, n.role, n.layer) for n in trace_layout(t).nodes]
[('Daily', 'publisher', 0), ('Ann', 'source', 1), ('It rained', 'claim', 2)]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quotes.claims.graph import source_node
from quotes.lexicons import fold
from quotes.types import ASSERTS, CANNOT_CONFIRM, CONFIRMS, DENIES, HEDGED, UNKNOWN

#: Words shown on stance arrows.
STANCE_LABELS = {ASSERTS: "asserts", CONFIRMS: "confirms", DENIES: "denies",
                 CANNOT_CONFIRM: "could not confirm", HEDGED: "hedged", "reported": "reported"}
#: The key of the claim's box (source boxes are keyed by their graph node, "source:...").
CLAIM_KEY = "claim"


@dataclass
class Node:
    """A box in the picture: ``role`` is publisher, relay, source, report or claim."""

    key: str
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

    src: str
    dst: str
    kind: str
    stance: str | None = None
    count: int = 1

    @property
    def label(self) -> str:
        """The words on the arrow ("could not confirm", "hedged ×2"; none for relays).

        >>> Edge("a", "b", "stance", "cannot_confirm").label, Edge("a", "b", "relayed").label
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

    def node(self, key: str) -> Node:
        """The node with this key (StopIteration if none).

        >>> from quotes.results import Trace
        >>> from quotes.types import Claim
        >>> trace_layout(Trace(Claim("c", "x"), [])).node(CLAIM_KEY).role
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


def _key(name: str, kind: str, scope: str | None) -> str:
    """The box of a source: its node in the provenance graph (unnamed ones scoped by their carrier)."""
    return source_node(name, kind, scope)


class _Boxes:
    """The boxes and arrows of a trace as they are collected (arrows between the same boxes merge)."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple, Edge] = {}

    def node(self, key: str, name: str, kind: str, role: str) -> Node:
        n = self.nodes.get(key)
        if n is None:
            n = self.nodes[key] = Node(key, name, kind, role, [role], order=len(self.nodes))
        else:
            if n.kind == UNKNOWN:
                n.kind = kind
            if role not in n.roles:
                n.roles.append(role)
        return n

    def edge(self, src: str, dst: str, kind: str, stance: str | None = None) -> None:
        k = (src, dst, kind, stance)
        if k in self.edges:
            self.edges[k].count += 1
        else:
            self.edges[k] = Edge(src, dst, kind, stance)

    def add_path(self, row: dict) -> list[str]:
        """The boxes of one statement's path (publisher, relays, speaker), relay arrows between them."""
        keys, scope = [], row.get("doc")
        path = list(row["path"])
        for i, (name, kind) in enumerate(path):
            last = i == len(path) - 1
            role = "source" if last else "publisher" if i == 0 and _is_publisher(row, name) else "relay"
            k = _key(name, kind, scope)
            self.node(k, name, kind, role)
            keys.append(k)
            scope = name
        for a, b in zip(keys, keys[1:]):
            self.edge(a, b, "relayed")
        return keys

    def add_stance(self, row: dict, keys: list[str], row_paths: list[list[str]]) -> bool:
        """The speaker's stance arrow: to the reports it answers, else to the claim (then True)."""
        speaker = keys[-1]
        found = [(_find_report(self.nodes, row_paths, speaker, name, kind, row.get("doc")), name, kind)
                 for name, kind in row.get("responds_to", ())]
        # A report nested under the speaker ("confirmed a report that ...") is the one it
        # answers; only without one does it answer every report of the article.
        nested = [f for f in found if f[0][1]]
        targets: list[str] = []
        for (t, _), name, kind in nested or found:
            if t not in targets:
                self.node(t, name, kind, "report")
                targets.append(t)
        for t in targets:
            self.edge(speaker, t, "stance", row.get("stance") or row.get("effective_stance"))
        if not targets:
            self.edge(speaker, CLAIM_KEY, "stance", row.get("effective_stance") or row.get("stance"))
        return not targets

    def shown_edges(self) -> list[Edge]:
        """The arrows to draw: a relay arrow doubled by a stance arrow between the same boxes says nothing more."""
        stance_pairs = {(e.src, e.dst) for e in self.edges.values() if e.kind != "relayed"}
        return [e for e in self.edges.values() if e.kind != "relayed" or (e.src, e.dst) not in stance_pairs]


def trace_layout(trace) -> TraceLayout:
    """Place a trace's sources in columns: publishers first, then relays, sources and
    the reports they answer; the claim last. Rows are ordered to keep arrows short.

    Unnamed sources are one box per relay that carried them (as in the graph); a
    statement that answers reports ("confirmed a report", "could not confirm reports")
    points at the box of that report, preferring one nested under the statement's
    own speaker; reports with no statement of their own about the claim get a dotted
    "reported" arrow to it.
    """
    boxes = _Boxes()
    rows = list(trace.rows)
    row_paths = [boxes.add_path(r) for r in rows]
    stance_sources = {keys[-1] for r, keys in zip(rows, row_paths) if boxes.add_stance(r, keys, row_paths)}
    claim = getattr(trace, "claim", None)
    nodes = boxes.nodes
    nodes[CLAIM_KEY] = Node(CLAIM_KEY, getattr(claim, "text", ""), "claim", "claim", ["claim"], order=len(nodes))
    for k, n in nodes.items():
        if "report" in n.roles and k not in stance_sources:
            boxes.edge(k, CLAIM_KEY, "reported")
    out_edges = boxes.shown_edges()
    _layers(nodes, out_edges, CLAIM_KEY)
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


def _find_report(nodes, row_paths, speaker, name, kind, doc) -> tuple[str, bool]:
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


def _layers(nodes: dict, edges: list, claim_key: str) -> None:
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
    preds: dict[str, list] = {k: [] for k in nodes}
    succs: dict[str, list] = {k: [] for k in nodes}
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
