"""Notebook views: DataFrames, HTML display and trace pictures (model-free, hand-made records)."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from example_records import POSTPONED, example_corpus_inputs, postponed_article, postponed_records
import quotes
from quotes.claims.corpus import Corpus
from quotes.views.frames import flag_table, source_table
from quotes.results import AttributionList, ClaimList, Table, Trace
from quotes.types import (
    ANONYMOUS, CANNOT_CONFIRM, CONFIRMS, DOCUMENT, HEDGED, INDIRECT, PERSON, UNCONFIRMED,
    Attribution, ChainLink, Speaker,
)

VOID = {"br", "hr", "img", "meta", "link", "input", "col", "wbr"}


class _Checker(HTMLParser):
    """Fails on a closing tag that does not match the open one; collects the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def well_formed_text(markup: str) -> str:
    """Parse HTML, assert every tag is closed in order, return its text."""
    p = _Checker()
    p.feed(markup)
    p.close()
    assert not p.errors, p.errors
    assert not p.stack, f"unclosed tags: {p.stack}"
    return " ".join("".join(p.text).split())


@pytest.fixture(scope="module")
def corpus():
    # the attributed statements alone (own voice: tests/test_check.py)
    return Corpus(example_corpus_inputs(), own_voice=False)


@pytest.fixture(scope="module")
def trace(corpus):
    return corpus.trace("postponed")


def real_like_records():
    """Records shaped like the real extractor's for the postponed visit: the headline's
    "report" is anonymous, and "a report"/"reports" sit nested under the diplomat and
    Peskov (chain [Tass, speaker])."""
    art = postponed_article()
    t = art.text
    recs = postponed_records(art)
    head = recs[0]
    recs[0] = replace(head, speaker=Speaker("report", "report", ANONYMOUS, None, *_span(t, "report")))
    dip = next(a for a in recs if a.stance == CONFIRMS)
    pes = next(a for a in recs if a.stance == CANNOT_CONFIRM)
    tass = dip.chain[0]
    inner = "Putin's meeting with Erdoğan in Turkey had been postponed"
    s, e = _span(t, inner)
    recs.append(Attribution(art.id, INDIRECT, inner, s, e, "reports", HEDGED,
                            Speaker("reports", "reports", DOCUMENT, None, *_span(t, "reports")),
                            (pes.chain[0], ChainLink("Dmitry Peskov", PERSON, "told", pes.speaker.start,
                                                     pes.speaker.end))))
    s2, e2 = _span(t, "that Putin's visit to the NATO country was canceled")
    recs.append(Attribution(art.id, INDIRECT, "that Putin's visit to the NATO country was canceled",
                            s2, e2, "a report", HEDGED,
                            Speaker("a report", "a report", DOCUMENT, None, s2 - 9, s2 - 1),
                            (tass, ChainLink("a diplomatic source in Turkey", ANONYMOUS, "confirmed",
                                             dip.speaker.start, dip.speaker.end))))
    return art, recs


def _span(text, part):
    i = text.index(part)
    return i, i + len(part)


# --- HTML display -------------------------------------------------------------------


def test_attribution_list_html_and_frame(corpus):
    al = corpus.attributions
    assert isinstance(al, AttributionList) and len(al) == 15
    df = al.to_frame()
    assert list(df.columns) == list(AttributionList.FRAME_COLUMNS)
    row = df[df.speaker == "a diplomatic source in Turkey"].iloc[0]
    assert (row.speaker_kind, row.stance, row.chain) == ("anonymous", "confirms", "Tass")
    assert row.publisher == "Newsweek" and str(row.date.date()) == "2024-02-09"
    assert row.claim in corpus.claims().ids() and corpus.articles[row.doc].text[row.start:row.end] == row.content
    text = well_formed_text(al._repr_html_())
    for word in ("a diplomatic source in Turkey", "confirms", "Tass", "cannot_confirm", "indirect"):
        assert word in text
    assert len(al.by_doc(POSTPONED)) == 10 and len(al.by_speaker("dmitry peskov")) == 6


def test_claim_list_html_shows_flags_and_reasons(corpus):
    flagged = corpus.claims(flag=UNCONFIRMED)
    assert isinstance(flagged, ClaimList) and flagged
    text = well_formed_text(flagged._repr_html_())
    assert "unconfirmed" in text and "no named source asserts it on the record" in text
    assert "Putin's visit to the NATO country was canceled" in text


def test_trace_html_shows_flag_reasons_and_paths(trace):
    assert isinstance(trace, Trace)
    text = well_formed_text(trace._repr_html_())
    assert "flags: unconfirmed" in text
    assert "could not confirm it" in text  # a reason naming Peskov's statement
    assert "Newsweek > Tass > a diplomatic source in Turkey > a report" in text


def test_table_and_corpus_html(corpus):
    origins = corpus.origins("postponed")
    assert isinstance(origins, Table)
    assert "a diplomatic source in Turkey" in well_formed_text(origins._repr_html_())
    text = well_formed_text(corpus._repr_html_())
    assert "2 articles" in text and "15 attributions" in text and "unconfirmed" in text
    assert "Newsweek" in text and "Anadolu Agency" in text


def test_html_escapes_markup():
    art = quotes.Article("x", "<b>Ann</b> said <i>rain</i> & hail.", publisher="A&B")
    c = Corpus([(art, [Attribution("x", INDIRECT, "<i>rain</i> & hail", 16, 34, "said", "asserts",
                                   Speaker("<b>Ann</b>", "<b>Ann</b>", PERSON, start=0, end=10))])])
    for obj in (c, c.attributions, c.claims(), c.trace("rain hail"), source_table(c)):
        text = well_formed_text(obj._repr_html_())
        assert "<b>Ann</b>" in text or "<i>rain</i> & hail" in text or "A&B" in text


# --- views --------------------------------------------------------------------------


def test_source_table(corpus):
    t = source_table(corpus)
    rows = {r["source"]: r for r in t}
    assert rows["a diplomatic source in Turkey"]["record"] == "anonymous"
    assert rows["Dmitry Peskov"]["record"] == "on the record"
    assert rows["Dmitry Peskov"]["statements"] == 6
    assert rows["a report"]["record"] == "unnamed report"
    assert rows["Tass"]["relayed"] == 3 and rows["Tass"]["statements"] == 1
    assert rows["Newsweek"]["relayed"] == 10
    df = t.to_frame()
    assert list(df.columns)[:4] == ["source", "kind", "record", "statements"]
    assert "Kremlin spokesman" in rows["Dmitry Peskov"]["roles"]


def test_flag_table(corpus):
    t = flag_table(corpus.claims(), UNCONFIRMED)
    assert t.rows and {r["flag"] for r in t} == {UNCONFIRMED}
    assert any("could not confirm" in r["reason"] for r in t)


def test_from_paths_with_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Ann Lee said it rained.", encoding="utf-8")
    c = Corpus.from_paths([tmp_path], extract=lambda art: [],
                          metadata={"a": {"publisher": "Daily", "title": "Rain"}})
    assert c.articles["a"].publisher == "Daily" and c.articles["a"].title == "Rain"
    with pytest.raises(quotes.InputError):
        Corpus.from_paths([tmp_path / "missing.txt"], extract=lambda art: [])


def test_lazy_exports():
    assert quotes.Corpus is Corpus and quotes.AttributionList is AttributionList
    assert callable(quotes.read_articles) and callable(quotes.source_table)
    with pytest.raises(AttributeError):
        quotes.no_such_thing  # noqa: B018


# --- pictures -----------------------------------------------------------------------


mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")

from quotes.views.plot import figure_texts, plot_trace, trace_layout  # noqa: E402

REQUIRED = ("Tass", "a diplomatic source in Turkey", "a report", "Dmitry Peskov",
            "could not confirm", "confirms", "unconfirmed")


def test_plot_trace_shows_sources_relays_stances_and_flag(trace):
    fig = quotes.plot_trace(trace)
    texts = figure_texts(fig)
    for label in REQUIRED:
        assert label in texts, label
    assert "Newsweek" in texts
    assert any("no named source asserts it" in s for s in texts)  # the reasons underneath
    lay = trace_layout(trace)
    pes = next(n for n in lay.nodes if n.name == "Dmitry Peskov")
    rep = next(n for n in lay.nodes if n.name == "a report")
    edge = next(e for e in lay.edges if e.src == pes.key)
    assert edge.label == "could not confirm" and edge.dst == rep.key
    roles = {n.name: n.role for n in lay.nodes}
    assert roles["Tass"] == "relay" and roles["Newsweek"] == "publisher"
    assert roles["a diplomatic source in Turkey"] == "source"
    # columns: publisher, relay, sources, the report they answer, the claim
    layers = {n.name: n.layer for n in lay.nodes}
    assert layers["Newsweek"] < layers["Tass"] < layers["Dmitry Peskov"] < layers["a report"]


def test_plot_trace_robust_to_real_extractor_shape():
    art, recs = real_like_records()
    c = Corpus([(art, recs)])
    t = c.trace("postponed")
    names = {r["speaker"] for r in t}
    assert {"a diplomatic source in Turkey", "Dmitry Peskov"} <= names
    fig = plot_trace(t)
    texts = figure_texts(fig)
    for label in ("Tass", "a diplomatic source in Turkey", "Dmitry Peskov", "could not confirm",
                  "unconfirmed"):
        assert label in texts, label
    assert any(s in texts for s in ("a report", "report", "reports"))
    fig.savefig(__import__("io").BytesIO(), format="png")  # draws without error


def test_plot_trace_without_publisher_or_flags():
    from quotes.types import Claim
    t = Trace(Claim("c-1", "It rained"), [
        {"doc": "d", "stance": "asserts", "effective_stance": "asserts", "publisher": None,
         "path": [("Ann", "person")], "responds_to": []},
        {"doc": "d", "stance": "denies", "effective_stance": "denies", "publisher": None,
         "path": [("Tass", "outlet"), ("Bob", "person")], "responds_to": [("Ann", "person")]},
    ])
    fig = plot_trace(t, reasons=False)
    texts = figure_texts(fig)
    assert {"Ann", "Bob", "Tass", "denies", "asserts"} <= set(texts)
    assert trace_layout(Trace(Claim("c", "x"), [])).labels() == ["x"]
