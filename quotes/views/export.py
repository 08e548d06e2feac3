"""Exports: claims as JSON Lines, the graph as GraphML, provenance as W3C PROV-O JSON-LD.

Written to a path, an export is atomic: it goes to a temporary file beside the target,
which replaces the target only once complete (a full disk leaves the old file, or none,
never a truncated one; :class:`~quotes.errors.OutputError`). GraphML and PROV are valid
XML and JSON-LD for any input: characters XML 1.0 forbids (control characters other
than tab, LF and CR; unpaired surrogates; U+FFFE, U+FFFF) become U+FFFD, one for one,
so offsets still line up with the article text.

>>> from quotes.types import Claim
>>> list(claims_jsonl([Claim("c-1", "It rained")]))
['{"id": "c-1", "text": "It rained", "label": "It rained", "flags": [], "reasons": [], "first_seen": null,
  "last_seen": null, "publishers": [], "statements": []}']
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import tempfile
from typing import IO, TYPE_CHECKING, Iterable, Iterator
from urllib.parse import quote

from quotes.errors import OutputError
from quotes.types import Claim

if TYPE_CHECKING:
    import networkx as nx
    from quotes.claims.corpus import Corpus

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
#: What ``quotes export --to`` writes: the graph as GraphML or PROV-O JSON-LD, or the claims as JSON Lines.
EXPORTS = ("graphml", "prov", "jsonl")
#: quotes predicate of each statement -> claim/statement stance edge.
STANCE_PREDICATES = {"confirms": "quotes:confirms", "denies": "quotes:denies",
                     "cannot_confirm": "quotes:cannotConfirm"}
#: Characters XML 1.0 does not allow in a document.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def xml_safe(value):
    """``value`` with every character XML 1.0 forbids replaced by U+FFFD (strings only).

    >>> xml_safe("a\\x01b\\x1b[0m\\tc"), xml_safe(3)
    ('a\ufffdb\ufffd[0m\\tc', 3)
    """
    return NOT_XML.sub(REPLACEMENT, value) if isinstance(value, str) else value


def _xml_safe_tree(obj):
    if isinstance(obj, dict):
        return {xml_safe(k): _xml_safe_tree(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_xml_safe_tree(v) for v in obj]
    return xml_safe(obj)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike, binary: bool = False):
    """Open a temporary file beside ``path`` for writing; on success it replaces ``path``,
    on any error it is removed and ``path`` is left as it was (:class:`OutputError` for
    an operating-system error such as a full disk).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_output(p) as fh:
    ...     _ = fh.write("done")
    >>> p.read_text(), [x.name for x in p.parent.iterdir()]
    ('done', ['out.txt'])
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise OutputError(f"cannot write {path}: {err.strerror or err}; "
                              "nothing was written") from None
        raise


def claims_jsonl(claims: Iterable[Claim]) -> Iterator[str]:
    """One JSON object per claim (``Claim.to_dict``: id, text, flags, reasons, statements)."""
    for c in claims:
        yield json.dumps(c.to_dict(), ensure_ascii=False)


def write_claims_jsonl(claims: Iterable[Claim], out: str | os.PathLike | IO[str]) -> int:
    """Write claims as JSON Lines to a path or an open text file; returns the count.

    >>> import io
    >>> buf = io.StringIO()
    >>> write_claims_jsonl([Claim("c-1", "It rained")], buf), buf.getvalue().count("\\n")
    (1, 1)
    """
    if isinstance(out, (str, os.PathLike)):
        with atomic_output(out) as fh:
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
        return xml_safe(v)
    return xml_safe(json.dumps(v, ensure_ascii=False, default=str))


def graphml_ready(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all GraphML scalars (None dropped, others JSON),
    node ids, keys and values XML-safe (:func:`xml_safe`).

    >>> import networkx as nx
    >>> H = nx.MultiDiGraph(); H.add_node("a", x=None, y=[1, 2])
    >>> dict(graphml_ready(H).nodes["a"])
    {'y': '[1, 2]'}
    """
    import networkx as nx

    H = nx.MultiDiGraph()
    H.graph.update({k: _scalar(v) for k, v in G.graph.items() if _scalar(v) is not None})
    for n, d in G.nodes(data=True):
        H.add_node(xml_safe(n), **{xml_safe(k): _scalar(v) for k, v in d.items() if v is not None})
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(xml_safe(u), xml_safe(v), key=xml_safe(k),
                   **{xml_safe(a): _scalar(x) for a, x in d.items() if x is not None})
    return H


def write_graphml(G: nx.MultiDiGraph, out: str | os.PathLike | IO[bytes]) -> None:
    """Write the provenance graph as GraphML (read back with ``nx.read_graphml``).

    >>> import io, networkx as nx
    >>> H = nx.MultiDiGraph(); _ = H.add_edge("a", "b", key="said", kind="said")
    >>> buf = io.BytesIO(); write_graphml(H, buf); _ = buf.seek(0)
    >>> nx.read_graphml(buf, force_multigraph=True).number_of_edges()
    1
    """
    import networkx as nx

    if isinstance(out, (str, os.PathLike)):
        with atomic_output(out, binary=True) as fh:
            nx.write_graphml(graphml_ready(G), fh)
    else:
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


def _source(d: dict, n: str) -> dict:
    types = ["prov:Agent"] + ([AGENT_TYPES[d["source_kind"]]] if d.get("source_kind") in AGENT_TYPES else [])
    return {"@type": types, "rdfs:label": d.get("name", n), "quotes:sourceKind": d.get("source_kind")}


def _article(d: dict, n: str) -> dict:
    obj = {"@type": ["prov:Entity", "quotes:Article"], "rdfs:label": d.get("title") or d.get("doc")}
    obj.update({f"quotes:{attr}": d[attr] for attr in ("publisher", "date", "url") if d.get(attr)})
    return obj


def _statement(d: dict, n: str) -> dict:
    obj = {"@type": ["prov:Entity", "quotes:Statement"], "prov:value": d.get("content")}
    obj.update({f"quotes:{attr}": d[attr] for attr in ("doc", "start", "end", "stance", "effective_stance",
                                                       "type", "cue") if d.get(attr) not in (None, "")})
    return obj


def _claim(d: dict, n: str) -> dict:
    reasons = json.loads(d.get("reasons") or "{}")
    return {"@type": ["prov:Entity", "quotes:Claim"], "prov:value": d.get("text"),
            "quotes:flag": [f for f in (d.get("flags") or "").split(",") if f],
            "quotes:reason": [r for rs in reasons.values() for r in rs]}


#: The PROV-O description of each kind of graph node.
NODE_KINDS = {"source": _source, "article": _article, "statement": _statement, "claim": _claim}
#: Edge kind -> (predicate, whether it points from the edge's target back to its source).
EDGE_PREDICATES = {
    "published": ("prov:wasAttributedTo", True), "said": ("prov:wasAttributedTo", True),
    "contains": ("prov:hadMember", False), "about": ("quotes:about", False),
    **{k: (pred, False) for k, pred in STANCE_PREDICATES.items()},
}


def _prov_node(n: str, d: dict) -> dict:
    obj: dict = {"@id": _iri(n)}
    describe = NODE_KINDS.get(d.get("kind"))
    if describe:
        obj.update(describe(d, n))
    return obj


def _relay_versions(sid: str, hops: list[tuple[int, str]]) -> list[dict]:
    """Each relay's version of one statement, outermost first, each derived from the next inner one."""
    statement = _iri(f"statement:{sid}")
    hops = sorted(hops)
    versions = []
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
    return versions


def graph_to_prov(G: nx.MultiDiGraph) -> dict:
    """The graph as W3C PROV-O JSON-LD (a dict with ``@context`` and ``@graph``).

    Articles, statements, claims and relayed versions of statements are
    ``prov:Entity``; sources are ``prov:Agent``. A statement ``prov:wasAttributedTo``
    its speaker; each relay's version of it ``prov:wasAttributedTo`` that relay and
    ``prov:wasDerivedFrom`` the next inner version, the innermost one
    ``prov:wasQuotedFrom`` the statement; the publisher's version
    ``prov:hadPrimarySource`` the statement.

    >>> import networkx as nx
    >>> H = nx.MultiDiGraph()
    >>> H.add_node("source:ann", kind="source", name="Ann", source_kind="person")
    >>> H.add_node("statement:d:0-1", kind="statement", content="x", stance="asserts")
    >>> H.add_edge("source:ann", "statement:d:0-1", key="said", kind="said")
    'said'
    >>> [n["@type"] for n in graph_to_prov(H)["@graph"]]
    [['prov:Agent', 'prov:Person'], ['prov:Entity', 'quotes:Statement']]
    """
    nodes = {n: _prov_node(n, d) for n, d in G.nodes(data=True)}
    relays: dict[str, list[tuple[int, str]]] = {}
    for u, v, d in G.edges(data=True):
        k = d.get("kind")
        if k == "relayed":
            relays.setdefault(d["statement"], []).append((d["hop"], u))
        elif k in EDGE_PREDICATES:
            predicate, backwards = EDGE_PREDICATES[k]
            subject, obj = (v, u) if backwards else (u, v)
            _add(nodes[subject], predicate, {"@id": _iri(obj)})
    versions = [v for sid, hops in relays.items() for v in _relay_versions(sid, hops)]
    return {"@context": CONTEXT, "@graph": list(nodes.values()) + versions}


def write_prov(G: nx.MultiDiGraph, out: str | os.PathLike | IO[str]) -> None:
    """Write :func:`graph_to_prov` as JSON-LD text to a path or an open text file (text
    XML-safe as in GraphML, so any RDF serialisation of it is valid too).

    >>> import io, networkx as nx
    >>> buf = io.StringIO(); write_prov(nx.MultiDiGraph(), buf)
    >>> json.loads(buf.getvalue())["@graph"]
    []
    """
    doc = json.dumps(_xml_safe_tree(graph_to_prov(G)), ensure_ascii=False, indent=1)
    if isinstance(out, (str, os.PathLike)):
        with atomic_output(out) as fh:
            fh.write(doc + "\n")
    else:
        out.write(doc + "\n")


def write_export(corpus: Corpus, to: str, out: str | os.PathLike | None = None) -> None:
    """Write one of :data:`EXPORTS` of ``corpus`` to the file ``out`` (None: standard output).

    >>> from quotes.claims.corpus import Corpus
    >>> write_export(Corpus(), "jsonl")
    >>> write_export(Corpus(), "rdf")
    Traceback (most recent call last):
    ...
    ValueError: unknown export 'rdf'; expected one of graphml, prov, jsonl
    """
    if to == "graphml":
        write_graphml(corpus.graph, out or sys.stdout.buffer)
    elif to == "prov":
        write_prov(corpus.graph, out or sys.stdout)
    elif to == "jsonl":
        write_claims_jsonl(corpus.claims(), out or sys.stdout)
    else:
        raise ValueError(f"unknown export {to!r}; expected one of {', '.join(EXPORTS)}")
