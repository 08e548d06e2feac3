"""The provenance graph (a networkx ``MultiDiGraph``) and the queries on it.

Nodes (attribute ``kind``): ``article``, ``source`` (``source_kind`` person,
organization, outlet, anonymous, document, unknown), ``statement`` and ``claim``.
Edges (attribute ``kind``; also the edge key, except ``relayed:<statement id>``):

- ``published``: publisher -> article;  ``contains``: article -> statement
- ``said``: speaker -> statement
- ``relayed``: outer relay -> inner relay or speaker, one edge per hop of a
  statement's path (attributes ``statement``, ``hop``); the publisher is hop 0
- ``about``: statement -> claim (attributes ``stance``, ``effective_stance``)
- ``confirms`` / ``denies`` / ``cannot_confirm``: statement -> claim, and statement ->
  the reports it answers in the same article

Every node attribute is a scalar (GraphML-ready); a statement node keeps its full
record as JSON in ``record``. Queries take ``G`` first and return plain values or
:mod:`quotes.results` objects.

>>> from quotes.types import Article, Attribution, Speaker
>>> art = Article("d", "Ann Lee said rain fell.", publisher="Daily")
>>> a = Attribution("d", "indirect", "rain fell", 12, 21, "said", "asserts",
...                 Speaker("Ann Lee", "Ann Lee", "person", start=0, end=7))
>>> G = build_graph([art], [a])
>>> sorted(k for _, _, k in G.edges(data="kind"))
['about', 'contains', 'published', 'relayed', 'said']
>>> trace(G, "rain").paths()
[['Daily', 'Ann Lee']]
"""

from __future__ import annotations

import json
import weakref
from collections import defaultdict
from typing import Iterable, Mapping

import networkx as nx

from quotes.claims.group import group_claims, statement_flipped
from quotes.claims.index import ClaimIndex
from quotes.errors import NotFoundError
from quotes.claims.flags import acyclic, effective_stance, origin_of
from quotes.lexicons import fold
from quotes.results import ClaimList, Table, Trace
from quotes.types import (
    ANONYMOUS, CANNOT_CONFIRM, CONFIRMS, DENIES, DOCUMENT, HEDGED, NAMED_KINDS, OUTLET, Article,
    Attribution, Claim, Flag,
)

#: Columns of the query tables.
ORIGIN_COLUMNS = ("origin", "kind", "named", "stances", "statements", "articles", "relays")
SOURCE_COLUMNS = ("speaker", "kind", "stance", "stated", "via", "doc", "statement", "content")
SAID_COLUMNS = ("statement", "doc", "start", "end", "content", "stance", "chain", "claim",
                "claim_text")
#: Stances that get their own statement -> claim edge besides ``about``.
STANCE_EDGES = (CONFIRMS, DENIES, CANNOT_CONFIRM)


def source_node(name: str, kind: str, scope: str | None = None) -> str:
    """The node id of a source; unnamed ones are scoped by the relay that carried them.

    >>> source_node("Dmitry Peskov", "person"), source_node("officials", "anonymous", "Tass")
    ('source:dmitry peskov', 'source:officials@tass')
    """
    if kind in (ANONYMOUS, DOCUMENT) and scope:
        return f"source:{fold(name)}@{fold(scope)}"
    return f"source:{fold(name)}"


def _add_source(G: nx.MultiDiGraph, name: str, kind: str, scope: str | None) -> str:
    node = source_node(name, kind, scope)
    if node not in G:
        G.add_node(node, kind="source", name=name, source_kind=kind)
    elif G.nodes[node]["source_kind"] == "unknown":
        G.nodes[node]["source_kind"] = kind
    return node


def build_graph(articles: Iterable[Article] | Mapping[str, Article],
                attributions: Iterable[Attribution],
                claims: Iterable[Claim] | None = None) -> nx.MultiDiGraph:
    """Build the provenance graph; ``claims`` are grouped here when not given.

    >>> from quotes.types import Article
    >>> build_graph([Article("d", "Nothing said.")], []).number_of_nodes()
    1
    """
    arts = dict(articles) if isinstance(articles, Mapping) else {a.id: a for a in articles}
    attributions = [acyclic(a) for a in attributions]
    publishers = {i: a.publisher for i, a in arts.items()}
    if claims is None:
        claims = group_claims(attributions, publishers)
    G = nx.MultiDiGraph(name="quotes provenance")
    for art in arts.values():
        G.add_node(f"article:{art.id}", kind="article", doc=art.id,
                   **{k: v for k, v in art.to_dict().items() if k in ("title", "publisher",
                                                                       "date", "url") and v})
        if art.publisher:
            pub = _add_source(G, art.publisher, OUTLET, None)
            G.add_edge(pub, f"article:{art.id}", key="published", kind="published")
    for a in attributions:
        _add_statement(G, a, publishers.get(a.doc))
    for c in claims:
        _add_claim(G, c, publishers)
    return G


def _add_statement(G: nx.MultiDiGraph, a: Attribution, publisher: str | None) -> None:
    sid = f"statement:{a.id}"
    G.add_node(sid, kind="statement", doc=a.doc, start=a.start, end=a.end, content=a.content,
               type=a.type, cue=a.cue or "", stance=a.stance, speaker=a.speaker.name,
               speaker_kind=a.speaker.kind, chain=" > ".join(x.name for x in a.chain),
               record=json.dumps(a.to_dict(), ensure_ascii=False))
    art = f"article:{a.doc}"
    if art not in G:
        G.add_node(art, kind="article", doc=a.doc)
    G.add_edge(art, sid, key="contains", kind="contains")
    hops = ([(publisher, OUTLET)] if publisher else []) + [(x.name, x.kind) for x in a.chain]
    nodes, scope = [], None
    for name, kind in hops:
        node = _add_source(G, name, kind, scope)
        if node not in nodes:
            nodes.append(node)
        scope = name
    speaker = _add_source(G, a.speaker.name, a.speaker.kind, scope or a.doc)
    G.add_edge(speaker, sid, key="said", kind="said")
    if speaker in nodes:  # an outlet's own voice: the publisher is the speaker, not its relay
        nodes = nodes[:nodes.index(speaker)]
    for hop, (outer, inner) in enumerate(zip(nodes, nodes[1:] + [speaker])):
        G.add_edge(outer, inner, key=f"relayed:{a.id}", kind="relayed", statement=a.id, hop=hop)


def _add_claim(G: nx.MultiDiGraph, c: Claim, publishers: Mapping[str, str | None]) -> None:
    cid = f"claim:{c.id}"
    G.add_node(cid, kind="claim", claim=c.id, text=c.text, label=c.label or c.text,
               flags=",".join(c.flag_names),
               reasons=json.dumps({f.name: list(f.reasons) for f in c.flags}, ensure_ascii=False),
               statements=len(c.statements))
    reports = defaultdict(list)  # doc -> statements others may confirm or deny
    for a in c.statements:
        if a.stance == HEDGED or a.speaker.kind == DOCUMENT:
            reports[a.doc].append(a)
    for a in c.statements:
        sid = f"statement:{a.id}"
        eff = effective_stance(a.stance, statement_flipped(c, a))
        G.nodes[sid].update(claim=c.id, effective_stance=eff)
        G.add_edge(sid, cid, key="about", kind="about", stance=a.stance, effective_stance=eff)
        if eff in STANCE_EDGES:
            G.add_edge(sid, cid, key=eff, kind=eff)
        if a.stance in STANCE_EDGES:
            for r in reports.get(a.doc, ()):
                if r.id != a.id:
                    G.add_edge(sid, f"statement:{r.id}", key=a.stance, kind=a.stance)


# --- queries ------------------------------------------------------------------------


def _of_kind(G: nx.MultiDiGraph, kind: str) -> list[str]:
    return [n for n, k in G.nodes(data="kind") if k == kind]


def _record(G: nx.MultiDiGraph, sid: str) -> Attribution:
    return Attribution.from_dict(json.loads(G.nodes[sid]["record"]))


def _claim_from_node(G: nx.MultiDiGraph, cid: str) -> Claim:
    d = G.nodes[cid]
    stmts = sorted((u for u, _, k in G.in_edges(cid, keys=True) if k == "about"),
                   key=lambda s: (G.nodes[s]["doc"], G.nodes[s]["start"]))
    reasons = json.loads(d.get("reasons") or "{}")
    flags = tuple(Flag(n, tuple(reasons.get(n, ()))) for n in d.get("flags", "").split(",") if n)
    return Claim(d["claim"], d["text"], tuple(_record(G, s) for s in stmts), flags,
                 label=d.get("label", ""))


def claims(G: nx.MultiDiGraph, flag: str | None = None) -> ClaimList:
    """The claims in the graph, largest first; only those with ``flag`` if given.

    >>> claims(nx.MultiDiGraph())
    []
    """
    out = [_claim_from_node(G, n) for n in _of_kind(G, "claim")]
    out.sort(key=lambda c: (-len(c.statements), c.id))
    return ClaimList(c for c in out if flag is None or c.has_flag(flag))


def get_claim(G: nx.MultiDiGraph, claim: str | Claim) -> Claim:
    """A claim by id, by free text, or a Claim passed through; NotFoundError otherwise.

    >>> get_claim(nx.MultiDiGraph(), "anything")
    Traceback (most recent call last):
    ...
    quotes.errors.NotFoundError: no claim matches 'anything'
    """
    if isinstance(claim, Claim):
        claim = claim.id
    node = f"claim:{claim}"
    if node in G:
        return _claim_from_node(G, node)
    ranked = claim_index(G).search(claim, limit=1)
    if not ranked:
        raise NotFoundError(f"no claim matches {claim!r}")
    return ranked[0][0]


#: The claim index of each graph, with the graph's size when it was built.
_INDEXES: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple[tuple[int, int], ClaimIndex]]" = \
    weakref.WeakKeyDictionary()


def claim_index(G: nx.MultiDiGraph) -> ClaimIndex:
    """The graph's claims in a :class:`~quotes.claims.index.ClaimIndex`, built once per graph
    (again when the graph has changed size), so a free-text lookup does not recompute every
    claim's keys.

    >>> claim_index(nx.MultiDiGraph()).search("anything")
    []
    """
    size = (G.number_of_nodes(), G.number_of_edges())
    cached = _INDEXES.get(G)
    if cached is None or cached[0] != size:
        cached = (size, ClaimIndex(claims(G)))
        _INDEXES[G] = cached
    return cached[1]


def _path(G: nx.MultiDiGraph, sid: str, a: Attribution) -> list[tuple[str, str]]:
    """The statement's path, publisher first: the ``relayed`` edges of this statement walked
    back from its speaker, at most one step per hop and never to a node twice."""
    speaker = next(u for u, _, k in G.in_edges(sid, keys=True) if k == "said")
    relays: list[str] = []
    node, seen = speaker, {speaker}
    for _ in range(len(a.chain) + 1):  # publisher + chain: the most hops there can be
        prev = [u for u, _, d in G.in_edges(node, data=True)
                if d.get("kind") == "relayed" and d.get("statement") == a.id and u not in seen]
        if not prev:
            break
        node = prev[0]
        seen.add(node)
        relays.append(node)
    nodes = list(reversed(relays)) + [speaker]
    return [(G.nodes[n]["name"], G.nodes[n]["source_kind"]) for n in nodes]


def trace(G: nx.MultiDiGraph, claim: str | Claim) -> Trace:
    """Every statement about a claim with its stance, source, chain and article, as
    paths from the publisher back to the origin (and on to the reports it answers).

    >>> trace(nx.MultiDiGraph(), "c-0")
    Traceback (most recent call last):
    ...
    quotes.errors.NotFoundError: no claim matches 'c-0'
    """
    c = get_claim(G, claim)
    rows = []
    for a in c.statements:
        sid = f"statement:{a.id}"
        art = G.nodes.get(f"article:{a.doc}", {})
        responds = [v for _, v, k in G.out_edges(sid, keys=True)
                    if k in STANCE_EDGES and G.nodes[v]["kind"] == "statement"]
        origin = origin_of(a, art.get("publisher"))
        rows.append({
            "statement": a.id, "doc": a.doc, "start": a.start, "end": a.end,
            "content": a.content, "stance": a.stance,
            "effective_stance": G.nodes[sid].get("effective_stance", a.stance),
            "speaker": a.speaker.name, "speaker_kind": a.speaker.kind,
            "chain": [x.name for x in a.chain], "publisher": art.get("publisher"),
            "origin": origin.name, "origin_kind": origin.kind,
            "path": _path(G, sid, a),
            "responds_to": sorted({(G.nodes[v]["speaker"], G.nodes[v]["speaker_kind"])
                                   for v in responds}),
        })
    return Trace(c, rows)


def origins(G: nx.MultiDiGraph, claim: str | Claim) -> Table:
    """The distinct origins of a claim: name, kind, named?, stances, statements, relays.

    >>> origins(nx.MultiDiGraph(), "x")
    Traceback (most recent call last):
    ...
    quotes.errors.NotFoundError: no claim matches 'x'
    """
    t = trace(G, claim)
    by: dict[tuple, dict] = {}
    for r in t.rows:
        row = by.setdefault((r["origin"], r["origin_kind"]), {
            "origin": r["origin"], "kind": r["origin_kind"],
            "named": r["origin_kind"] in NAMED_KINDS,
            "stances": [], "statements": [], "articles": [], "relays": []})
        row["stances"].append(r["effective_stance"])
        row["statements"].append(r["statement"])
        if r["doc"] not in row["articles"]:
            row["articles"].append(r["doc"])
        for name, _ in r["path"][:-1]:
            if name not in row["relays"] and name != r["origin"]:
                row["relays"].append(name)
    return Table(list(by.values()), ORIGIN_COLUMNS, title=f"origins of {t.claim.id}: {t.claim.text}")


def sources(G: nx.MultiDiGraph, claim: str | Claim, stance: str | None = None) -> Table:
    """Who speaks about a claim: one row per statement (speaker, kind, stance toward
    the claim, relays, article); only ``stance`` (as it bears on the claim) if given.

    >>> sources(nx.MultiDiGraph(), "x", stance="denies")
    Traceback (most recent call last):
    ...
    quotes.errors.NotFoundError: no claim matches 'x'
    """
    t = trace(G, claim)
    rows = [{"speaker": r["speaker"], "kind": r["speaker_kind"], "stance": r["effective_stance"],
             "stated": r["stance"], "via": [n for n, _ in r["path"][:-1]], "doc": r["doc"],
             "statement": r["statement"], "content": r["content"]}
            for r in t.rows if stance is None or r["effective_stance"] == stance]
    return Table(rows, SOURCE_COLUMNS, title=f"sources of {t.claim.id}: {t.claim.text}")


def said_by(G: nx.MultiDiGraph, source: str) -> Table:
    """Everything a source said (matched by name, case and accents ignored), with the
    claim each statement belongs to; NotFoundError when the graph has no such source.

    >>> said_by(nx.MultiDiGraph(), "Nobody")
    Traceback (most recent call last):
    ...
    quotes.errors.NotFoundError: no source named 'Nobody'
    """
    want = fold(source)
    speakers = [n for n in _of_kind(G, "source") if fold(G.nodes[n]["name"]) == want]
    if not speakers:
        raise NotFoundError(f"no source named {source!r}")
    rows = []
    for sp in speakers:
        for _, sid, k in G.out_edges(sp, keys=True):
            if k != "said":
                continue
            d = G.nodes[sid]
            cid = d.get("claim")
            rows.append({"statement": sid.split(":", 1)[1], "doc": d["doc"], "start": d["start"],
                         "end": d["end"], "content": d["content"], "stance": d["stance"],
                         "chain": d["chain"], "claim": cid,
                         "claim_text": G.nodes[f"claim:{cid}"]["text"] if cid else None})
    rows.sort(key=lambda r: (r["doc"], r["start"]))
    return Table(rows, SAID_COLUMNS, title=f"said by {source}")
