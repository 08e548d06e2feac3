"""The provenance graph and the queries on it (model-free)."""

from __future__ import annotations

import networkx as nx
import pytest

from example_records import AA, POSTPONED, example_corpus_inputs
from quotes.claims import graph as qg
from quotes.claims.corpus import Corpus
from quotes.errors import NotFoundError
from quotes.results import ClaimList, Table, Trace, format_trace_tree
from quotes.types import CONFIRMED, UNCONFIRMED


@pytest.fixture(scope="module")
def corpus():
    # the attributed statements alone (own voice: tests/test_check.py)
    return Corpus(example_corpus_inputs(), own_voice=False)


@pytest.fixture(scope="module")
def G(corpus):
    return corpus.graph


def kinds(G, kind):
    return [n for n, k in G.nodes(data="kind") if k == kind]


def test_graph_nodes_and_edges(corpus, G):
    assert isinstance(G, nx.MultiDiGraph)
    assert len(kinds(G, "article")) == 2
    # one node per statement: the records, cut into sentences (quotes.claims.pieces)
    assert len(kinds(G, "statement")) == len(corpus.statements) >= len(corpus.attributions)
    assert len(kinds(G, "claim")) == len(corpus.claims())
    edge_kinds = {k for _, _, k in G.edges(data="kind")}
    assert {"published", "contains", "said", "relayed", "about", "confirms",
            "cannot_confirm"} <= edge_kinds
    # publishers are sources (outlets) that published their article
    assert G.has_edge("source:newsweek", f"article:{POSTPONED}", key="published")
    assert G.has_edge("source:anadolu agency", f"article:{AA}", key="published")
    # every statement: one speaker, one article, one claim
    for s in kinds(G, "statement"):
        ins = [k for _, _, k in G.in_edges(s, data="kind")]
        assert ins.count("said") == 1 and ins.count("contains") == 1
        assert [k for _, _, k in G.out_edges(s, data="kind")].count("about") == 1


@pytest.mark.parametrize("name,kind", [
    ("Dmitry Peskov", "person"), ("Tass", "outlet"), ("Interfax", "outlet"),
    ("Newsweek", "outlet"), ("a diplomatic source in Turkey", "anonymous"),
    ("a report", "document"),
])
def test_source_nodes(G, name, kind):
    found = [d for _, d in G.nodes(data=True) if d.get("kind") == "source" and d["name"] == name]
    assert found and all(d["source_kind"] == kind for d in found)


def test_relay_edges_follow_the_chain(G):
    sid = next(n for n, d in G.nodes(data=True) if d.get("kind") == "statement"
               and d["speaker"] == "a diplomatic source in Turkey")
    stmt = sid.split(":", 1)[1]
    hops = sorted((d["hop"], u, v) for u, v, d in G.edges(data=True)
                  if d.get("kind") == "relayed" and d.get("statement") == stmt)
    assert hops == [(0, "source:newsweek", "source:tass"),
                    (1, "source:tass", "source:a diplomatic source in turkey@tass")]


def test_trace_shows_tass_source_report_path(G):
    t = qg.trace(G, "Putin visit postponed")
    assert isinstance(t, Trace) and len(t) == 4
    assert ["Newsweek", "Tass", "a diplomatic source in Turkey", "a report"] in t.paths()
    row = next(r for r in t.rows if r["speaker"] == "a diplomatic source in Turkey")
    assert row["stance"] == "confirms" and row["chain"] == ["Tass"] and row["doc"] == POSTPONED
    assert row["origin"] == "a diplomatic source in Turkey"
    tree = format_trace_tree(t)
    lines = tree.splitlines()
    i_tass = next(i for i, ln in enumerate(lines) if ln.strip() == "Tass (outlet)")
    i_src = next(i for i, ln in enumerate(lines)
                 if ln.strip().startswith("a diplomatic source in Turkey (anonymous) confirms:"))
    assert i_src > i_tass and "-> confirms a report (document)" in lines[i_src + 1]
    frame = t.to_frame()
    assert "Newsweek > Tass > a diplomatic source in Turkey > a report" in frame["path"].tolist()
    html = t._repr_html_()
    assert "unconfirmed" in html and "Dmitry Peskov" in html and "<table" in html


def test_trace_by_id_equals_trace_by_text(G):
    by_text = qg.trace(G, "Putin visit postponed")
    assert qg.trace(G, by_text.claim.id).rows == by_text.rows
    with pytest.raises(NotFoundError):
        qg.trace(G, "nothing like this at all")


def test_origins(G):
    rows = {r["origin"]: r for r in qg.origins(G, "Putin visit postponed")}
    assert set(rows) == {"a report", "a diplomatic source in Turkey", "Dmitry Peskov"}
    assert rows["a diplomatic source in Turkey"]["relays"] == ["Newsweek", "Tass"]
    assert not rows["a report"]["named"] and rows["Dmitry Peskov"]["named"]
    assert len(rows["a report"]["statements"]) == 2


@pytest.mark.parametrize("stance,speakers", [
    (None, {"a report", "a diplomatic source in Turkey", "Dmitry Peskov"}),
    ("confirms", {"a diplomatic source in Turkey"}),
    ("cannot_confirm", {"Dmitry Peskov"}),
    ("hedged", {"a report"}),
    ("denies", set()),
])
def test_sources_by_stance(G, stance, speakers):
    t = qg.sources(G, "Putin visit postponed", stance=stance)
    assert isinstance(t, Table)
    assert {r["speaker"] for r in t} == speakers
    assert list(t.to_frame().columns)[:3] == ["speaker", "kind", "stance"]


def test_claims_by_flag(G, corpus):
    everything = qg.claims(G)
    assert isinstance(everything, ClaimList) and len(everything) == len(corpus.claims())
    unconfirmed = qg.claims(G, flag=UNCONFIRMED)
    assert "Putin's visit to the NATO country was canceled" in [c.text for c in unconfirmed]
    assert all(c.has_flag(UNCONFIRMED) for c in unconfirmed)
    assert "A visit is being prepared" in [c.text for c in qg.claims(G, flag=CONFIRMED)]
    # the graph gives back the same claims as the corpus (which adds first/last seen, publishers)
    def plain(claims):
        return {c.id: {k: v for k, v in c.to_dict().items()
                       if k not in ("first_seen", "last_seen", "publishers")} for c in claims}
    assert plain(everything) == plain(corpus.claims())
    html = everything._repr_html_()
    assert "unconfirmed" in html and "no named source asserts it" in html
    assert set(everything.to_frame().columns) >= {"id", "text", "flags", "reasons"}


def test_said_by(G):
    t = qg.said_by(G, "dmitry peskov")
    docs = {r["doc"] for r in t}
    assert docs == {POSTPONED, AA}
    assert any(r["stance"] == "cannot_confirm" and r["chain"] == "Tass" for r in t)
    assert all(r["claim"] for r in t)
    with pytest.raises(NotFoundError):
        qg.said_by(G, "Nobody Atall")


def _without_metadata(rows):
    return [{k: v for k, v in r.items() if k not in ("date", "title", "url", "author")} for r in rows]


def test_corpus_methods_match_graph_functions(corpus, G):
    # the corpus adds each article's metadata to the graph functions' rows
    assert _without_metadata(corpus.trace("Putin visit postponed").rows) == \
        qg.trace(G, "Putin visit postponed").rows
    assert corpus.origins("visit prepared").rows == qg.origins(G, "visit prepared").rows
    assert [{k: v for k, v in r.items() if k != "publisher"} for r in _without_metadata(
        corpus.said_by("Tass").rows)] == qg.said_by(G, "Tass").rows
    assert len(corpus.sources("visit prepared", stance="asserts")) == 2


def test_corpus_add_invalidates_cached_claims():
    inputs = example_corpus_inputs()
    c = Corpus(inputs[:1])
    n_before = len(c.claims())
    g_before = c.graph
    c.add(*inputs[1])
    assert len(c.claims()) > n_before and c.graph is not g_before


def test_add_articles_uses_the_extractor():
    inputs = dict((a.id, (a, recs)) for a, recs in example_corpus_inputs())
    c = Corpus()
    n = c.add_articles([a for a, _ in inputs.values()], extract=lambda art: inputs[art.id][1])
    assert n == 2 and len(c.attributions) == sum(len(r) for _, r in inputs.values())
