"""Exports: claims as JSON Lines, the graph as GraphML, provenance as W3C PROV-O JSON-LD.

>>> from quotes.types import Claim
>>> list(claims_jsonl([Claim("c-1", "It rained")]))
['{"id": "c-1", "text": "It rained", "flags": [], "reasons": [], "statements": []}']
"""

from __future__ import annotations

import io
import json
import os
from typing import IO, Iterable, Iterator
from urllib.parse import quote

import networkx as nx

from quotes.types import Claim

PROV = "http://www.w3.org/ns/prov#"
#: Namespace of the quotes vocabulary (stance, flags, offsets) in PROV exports.
QUOTES_NS = "https://quotes.readthedocs.io/ns#"
CONTEXT = {
    "prov": PROV, "quotes": QUOTES_NS, "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
#: PROV agent type of each source kind.
AGENT_TYPES = {"person": "prov:Person", "organization": "prov:Organization",
               "outlet": "prov:Organization"}
#: quotes predicate of each statement -> claim/statement stance edge.
STANCE_PREDICATES = {"confirms": "quotes:confirms", "denies": "quotes:denies",
                     "cannot_confirm": "quotes:cannotConfirm"}


def claims_jsonl(claims: Iterable[Claim]) -> Iterator[str]:
    """One JSON object per claim (``Claim.to_dict``: id, text, flags, reasons, statements)."""
    for c in claims:
        yield json.dumps(c.to_dict(), ensure_ascii=False)


def write_claims_jsonl(claims: Iterable[Claim], out: str | os.PathLike | IO[str]) -> int:
    """Write claims as JSON Lines to a path or an open text file; returns the count.

    >>> buf = io.StringIO()
    >>> write_claims_jsonl([Claim("c-1", "It rained")], buf), buf.getvalue().count("\\n")
    (1, 1)
    """
    if isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8") as fh:
            return write_claims_jsonl(claims, fh)
    n = 0
    for line in claims_jsonl(claims):
        out.write(line + "\n")
        n += 1
    return n


def _scalar(v):
    if v is None:
        return None
    if isinstance(v, (bool, int, float, str)):
        return v
    return json.dumps(v, ensure_ascii=False, default=str)


def graphml_ready(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all GraphML scalars (None dropped, others JSON).

    >>> H = nx.MultiDiGraph(); H.add_node("a", x=None, y=[1, 2])
    >>> dict(graphml_ready(H).nodes["a"])
    {'y': '[1, 2]'}
    """
    H = nx.MultiDiGraph()
    H.graph.update({k: _scalar(v) for k, v in G.graph.items() if _scalar(v) is not None})
    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: _scalar(v) for k, v in d.items() if v is not None})
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **{a: _scalar(x) for a, x in d.items() if x is not None})
    return H


def write_graphml(G: nx.MultiDiGraph, out: str | os.PathLike | IO[bytes]) -> None:
    """Write the provenance graph as GraphML (read back with ``nx.read_graphml``).

    >>> H = nx.MultiDiGraph(); _ = H.add_edge("a", "b", key="said", kind="said")
    >>> buf = io.BytesIO(); write_graphml(H, buf); _ = buf.seek(0)
    >>> nx.read_graphml(buf, force_multigraph=True).number_of_edges()
    1
    """
    nx.write_graphml(graphml_ready(G), out)


def _iri(node: str) -> str:
    kind, _, rest = node.partition(":")
    return f"urn:quotes:{kind}:{quote(rest, safe='-_.:@')}"


def _add(obj: dict, key: str, value) -> None:
    if key not in obj:
        obj[key] = value
    elif isinstance(obj[key], list):
        obj[key].append(value)
    else:
        obj[key] = [obj[key], value]


def graph_to_prov(G: nx.MultiDiGraph) -> dict:
    """The graph as W3C PROV-O JSON-LD (a dict with ``@context`` and ``@graph``).

    Articles, statements, claims and relayed versions of statements are
    ``prov:Entity``; sources are ``prov:Agent``. A statement ``prov:wasAttributedTo``
    its speaker; each relay's version of it ``prov:wasAttributedTo`` that relay and
    ``prov:wasDerivedFrom`` the next inner version, the innermost one
    ``prov:wasQuotedFrom`` the statement; the publisher's version
    ``prov:hadPrimarySource`` the statement.

    >>> H = nx.MultiDiGraph()
    >>> H.add_node("source:ann", kind="source", name="Ann", source_kind="person")
    >>> H.add_node("statement:d:0-1", kind="statement", content="x", stance="asserts")
    >>> H.add_edge("source:ann", "statement:d:0-1", key="said", kind="said")
    'said'
    >>> [n["@type"] for n in graph_to_prov(H)["@graph"]]
    [['prov:Agent', 'prov:Person'], ['prov:Entity', 'quotes:Statement']]
    """
    nodes: dict[str, dict] = {}
    for n, d in G.nodes(data=True):
        obj: dict = {"@id": _iri(n)}
        kind = d.get("kind")
        if kind == "source":
            types = ["prov:Agent"] + ([AGENT_TYPES[d["source_kind"]]]
                                      if d.get("source_kind") in AGENT_TYPES else [])
            obj.update({"@type": types, "rdfs:label": d.get("name", n),
                        "quotes:sourceKind": d.get("source_kind")})
        elif kind == "article":
            obj.update({"@type": ["prov:Entity", "quotes:Article"],
                        "rdfs:label": d.get("title") or d.get("doc")})
            for attr in ("publisher", "date", "url"):
                if d.get(attr):
                    obj[f"quotes:{attr}"] = d[attr]
        elif kind == "statement":
            obj.update({"@type": ["prov:Entity", "quotes:Statement"], "prov:value": d.get("content")})
            for attr in ("doc", "start", "end", "stance", "effective_stance", "type", "cue"):
                if d.get(attr) not in (None, ""):
                    obj[f"quotes:{attr}"] = d[attr]
        elif kind == "claim":
            obj.update({"@type": ["prov:Entity", "quotes:Claim"], "prov:value": d.get("text")})
            reasons = json.loads(d.get("reasons") or "{}")
            obj["quotes:flag"] = [f for f in (d.get("flags") or "").split(",") if f]
            obj["quotes:reason"] = [r for rs in reasons.values() for r in rs]
        nodes[n] = obj
    relays: dict[str, list[tuple[int, str]]] = {}
    for u, v, d in G.edges(data=True):
        k = d.get("kind")
        if k == "published":
            _add(nodes[v], "prov:wasAttributedTo", {"@id": _iri(u)})
        elif k == "contains":
            _add(nodes[u], "prov:hadMember", {"@id": _iri(v)})
        elif k == "said":
            _add(nodes[v], "prov:wasAttributedTo", {"@id": _iri(u)})
        elif k == "about":
            _add(nodes[u], "quotes:about", {"@id": _iri(v)})
        elif k in STANCE_PREDICATES:
            _add(nodes[u], STANCE_PREDICATES[k], {"@id": _iri(v)})
        elif k == "relayed":
            relays.setdefault(d["statement"], []).append((d["hop"], u))
    versions = []
    for sid, hops in relays.items():
        statement = _iri(f"statement:{sid}")
        hops.sort()
        for i, (hop, relay) in enumerate(hops):
            v = {"@id": f"{statement}/relay/{hop}", "@type": ["prov:Entity", "quotes:Relayed"],
                 "prov:wasAttributedTo": {"@id": _iri(relay)}, "quotes:hop": hop}
            if i + 1 < len(hops):
                v["prov:wasDerivedFrom"] = {"@id": f"{statement}/relay/{hops[i + 1][0]}"}
            else:
                v["prov:wasQuotedFrom"] = {"@id": statement}
            if i == 0:
                v["prov:hadPrimarySource"] = {"@id": statement}
            versions.append(v)
    return {"@context": CONTEXT, "@graph": list(nodes.values()) + versions}


def write_prov(G: nx.MultiDiGraph, out: str | os.PathLike | IO[str]) -> None:
    """Write :func:`graph_to_prov` as JSON-LD text to a path or an open text file.

    >>> buf = io.StringIO(); write_prov(nx.MultiDiGraph(), buf)
    >>> json.loads(buf.getvalue())["@graph"]
    []
    """
    doc = json.dumps(graph_to_prov(G), ensure_ascii=False, indent=1)
    if isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(doc + "\n")
    else:
        out.write(doc + "\n")
