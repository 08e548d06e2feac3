"""Lay out a claim's provenance as a tree for a server-side SVG drawing.

Each statement is a path from its article through the publisher and every relay to the
speaker, and on to the reports a confirmation or denial answers. Paths sharing a start
share nodes, so the drawing is one tree per article: the origins on the left, the relays
in between, the article on the right, arrows running the way the claim travelled. Edges
take the colour of the stance toward the claim. This module only computes coordinates;
the template draws them (and escapes every label).

>>> st = {"article": {"id": "d", "title": "T"}, "effective_stance": "hedged",
...       "path": [{"name": "Tass", "kind": "outlet", "key": "tass"},
...                {"name": "a source", "kind": "anonymous", "key": "a source"}], "answers": []}
>>> t = layout([st])
>>> [n["label"] for n in t["nodes"]], len(t["edges"])
(['T', 'Tass', 'a source'], 2)
>>> [n["x"] for n in t["nodes"]] == sorted((n["x"] for n in t["nodes"]), reverse=True)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

COLUMN = 200      # horizontal distance between levels
BOX_W = 170       # node box width
BOX_H = 26        # node box height
ROW = 36          # vertical distance between leaves
MARGIN = 12
LABEL_CHARS = 24  # longer labels are cut (the full text is the node's tooltip)
#: The most statements drawn in one tree (the page lists the rest).
MAX_STATEMENTS = 60
MIXED = "mixed"


@dataclass
class _Node:
    label: str
    kind: str
    href: str | None
    depth: int
    answer: str | None = None  # the stance of the statement this report is answered by
    stances: set[str] = field(default_factory=set)
    children: dict[tuple, "_Node"] = field(default_factory=dict)
    y: float = 0.0


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


def _insert(roots: dict[tuple, _Node], st: dict[str, Any]) -> None:
    art = st["article"]
    key = ("article", art["id"])
    node = roots.setdefault(key, _Node(art.get("title") or art["id"], "article",
                                       f"/articles/{art['id']}", 0))
    stance = st["effective_stance"]
    node.stances.add(stance)
    for hop in st["path"]:
        key = ("source", hop["name"], hop["kind"])
        node = node.children.setdefault(key, _Node(hop["name"], hop["kind"],
                                                   f"/sources/{hop['key']}", node.depth + 1))
        node.stances.add(stance)
    for ans in st.get("answers", ()):
        key = ("answer", ans["name"], ans["stance"])
        child = node.children.setdefault(key, _Node(ans["name"], ans["kind"],
                                                    f"/sources/{ans['key']}", node.depth + 1,
                                                    answer=ans["stance"]))
        child.stances.add(stance)


def _walk(node: _Node) -> Iterable[_Node]:
    yield node
    for child in node.children.values():
        yield from _walk(child)


def layout(statements: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Nodes (``x``, ``y``, ``w``, ``h``, ``label``, ``title``, ``kind``, ``href``, ``stance``)
    and edges (``x1``..``y2``, ``stance``, ``dashed``, ``label``) of the provenance tree of
    up to :data:`MAX_STATEMENTS` statement views, with the drawing's ``width`` and ``height``."""
    statements = list(statements)
    roots: dict[tuple, _Node] = {}
    for st in statements[:MAX_STATEMENTS]:
        _insert(roots, st)
    depth = max((n.depth for r in roots.values() for n in _walk(r)), default=0)
    row = 0

    def place(node: _Node) -> float:
        nonlocal row
        if not node.children:
            node.y = MARGIN + row * ROW
            row += 1
        else:
            ys = [place(c) for c in node.children.values()]
            node.y = (ys[0] + ys[-1]) / 2
        return node.y

    nodes, edges = [], []

    def x_of(n: _Node) -> float:
        return MARGIN + (depth - n.depth) * COLUMN

    def emit(node: _Node) -> None:
        stance = next(iter(node.stances)) if len(node.stances) == 1 else MIXED
        nodes.append({"x": x_of(node), "y": node.y, "w": BOX_W, "h": BOX_H,
                      "label": _short(node.label), "title": f"{node.label} ({node.kind})",
                      "kind": node.kind, "href": node.href, "stance": stance})
        for child in node.children.values():
            cstance = child.answer or (next(iter(child.stances)) if len(child.stances) == 1 else MIXED)
            edges.append({"x1": x_of(child) + BOX_W, "y1": child.y + BOX_H / 2,
                          "x2": x_of(node), "y2": node.y + BOX_H / 2, "stance": cstance,
                          "dashed": child.answer is not None, "label": child.answer or ""})
            emit(child)

    for i, root in enumerate(roots.values()):
        row += 0.5 if i else 0  # a gap between articles
        place(root)
        emit(root)
    return {"nodes": nodes, "edges": edges, "width": 2 * MARGIN + depth * COLUMN + BOX_W,
            "height": int(2 * MARGIN + max(row, 1) * ROW), "drawn": min(len(statements), MAX_STATEMENTS),
            "total": len(statements)}
