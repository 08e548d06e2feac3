"""Exports: claims JSON Lines, GraphML, PROV-O JSON-LD (model-free)."""

from __future__ import annotations

import io
import json
from collections import Counter

import networkx as nx
import pytest

from example_records import example_corpus_inputs
from quotes.claims.corpus import Corpus
from quotes.views.export import graph_to_prov, write_claims_jsonl, write_graphml, write_prov


@pytest.fixture(scope="module")
def corpus():
    # the attributed statements alone (own voice: tests/test_check.py)
    return Corpus(example_corpus_inputs(), own_voice=False)


def test_claims_jsonl_contract(corpus, tmp_path):
    path = tmp_path / "claims.jsonl"
    n = write_claims_jsonl(corpus.claims(), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == len(corpus.claims())
    objs = [json.loads(ln) for ln in lines]
    for obj in objs:
        assert {"id", "text", "flags", "reasons", "statements"} <= set(obj)
        assert all(isinstance(r, str) and "\n" not in r for r in obj["reasons"])
        for s in obj["statements"]:
            assert {"doc", "start", "end", "content", "stance", "speaker", "chain"} <= set(s)
            text = corpus.articles[s["doc"]].text
            assert text[s["start"]:s["end"]] == s["content"]
    postponed = next(o for o in objs if o["text"] == "Putin's visit to the NATO country was canceled")
    assert postponed["flags"] == ["unconfirmed"]
    assert any("Dmitry Peskov" in r for r in postponed["reasons"])


def test_graphml_round_trip(corpus, tmp_path):
    G = corpus.graph
    path = tmp_path / "graph.graphml"
    write_graphml(G, path)
    H = nx.read_graphml(path, force_multigraph=True)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    assert set(H.nodes) == set(G.nodes)
    assert Counter(d["kind"] for _, _, d in H.edges(data=True)) == \
        Counter(d["kind"] for _, _, d in G.edges(data=True))
    assert Counter(d["kind"] for _, d in H.nodes(data=True)) == \
        Counter(d["kind"] for _, d in G.nodes(data=True))
    sid = next(n for n, d in G.nodes(data=True) if d["kind"] == "statement")
    assert H.nodes[sid]["record"] == G.nodes[sid]["record"]
    assert H.nodes[sid]["start"] == G.nodes[sid]["start"]


def _prov_counts(G):
    node_kinds = Counter(d["kind"] for _, d in G.nodes(data=True))
    edge_kinds = Counter(d["kind"] for _, _, d in G.edges(data=True))
    return node_kinds, edge_kinds


def test_prov_jsonld_parses_with_rdflib(corpus, tmp_path):
    rdflib = pytest.importorskip("rdflib")
    G = corpus.graph
    path = tmp_path / "prov.jsonld"
    write_prov(G, path)
    g = rdflib.Graph().parse(path, format="json-ld")
    PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
    Q = rdflib.Namespace("https://quotes.readthedocs.io/ns#")
    RDF = rdflib.RDF
    nodes, edges = _prov_counts(G)

    def typed(t):
        return set(g.subjects(RDF.type, t))

    assert len(typed(Q.Statement)) == nodes["statement"]
    assert len(typed(Q.Article)) == nodes["article"]
    assert len(typed(Q.Claim)) == nodes["claim"]
    assert len(typed(PROV.Agent)) == nodes["source"]
    statements = typed(Q.Statement)
    said = [t for t in g.triples((None, PROV.wasAttributedTo, None)) if t[0] in statements]
    assert len(said) == edges["said"]
    published = [t for t in g.triples((None, PROV.wasAttributedTo, None)) if t[0] in typed(Q.Article)]
    assert len(published) == edges["published"]
    relays = len(list(g.triples((None, PROV.wasDerivedFrom, None)))) + \
        len(list(g.triples((None, PROV.wasQuotedFrom, None))))
    assert relays == edges["relayed"]
    assert len(typed(Q.Relayed)) == edges["relayed"]
    assert len(list(g.triples((None, PROV.hadMember, None)))) == edges["contains"]
    assert len(list(g.triples((None, Q.about, None)))) == edges["about"]
    assert len(list(g.triples((None, Q.confirms, None)))) == edges["confirms"]
    assert len(list(g.triples((None, Q.cannotConfirm, None)))) == edges["cannot_confirm"]
    # the diplomatic source's statement: Tass's version is quoted from it, and the
    # publisher's (Newsweek's) version derives from Tass's and has it as primary source
    dip = next(n for n in statements
               if "a diplomatic source in Turkey" in {str(x) for x in g.objects(
                   next(g.objects(n, PROV.wasAttributedTo)), rdflib.RDFS.label)})
    (tass_version,) = g.subjects(PROV.wasQuotedFrom, dip)
    tass = next(g.objects(tass_version, PROV.wasAttributedTo))
    assert str(next(g.objects(tass, rdflib.RDFS.label))) == "Tass"
    (newsweek_version,) = g.subjects(PROV.wasDerivedFrom, tass_version)
    assert set(g.objects(newsweek_version, PROV.hadPrimarySource)) == {dip}


def test_prov_jsonld_plain_json(corpus):
    G = corpus.graph
    buf = io.StringIO()
    write_prov(G, buf)
    doc = json.loads(buf.getvalue())
    assert doc["@context"]["prov"] == "http://www.w3.org/ns/prov#"
    ids = [o["@id"] for o in doc["@graph"]]
    assert len(ids) == len(set(ids))
    nodes, edges = _prov_counts(G)
    assert len(ids) == G.number_of_nodes() + edges["relayed"]
    assert doc == graph_to_prov(G)
