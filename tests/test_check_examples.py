"""`quotes check` on the two example articles with the real extractor (acceptance 4)."""

from __future__ import annotations

import pytest

from quotes.claims.corpus import Corpus
from quotes.types import (
    ANONYMOUS, ASSERTS, CANNOT_CONFIRM, CONFIRMS, HEDGED, REPORTS, UNCONFIRMED, Article,
)

pytestmark = pytest.mark.model

POSTPONED = "putin_nato_visit_postponed"


@pytest.fixture(scope="module")
def corpus(example_records, example_texts):
    return Corpus((Article(doc, example_texts[doc]), recs) for doc, recs in example_records.items())


def test_postponed_is_unconfirmed_and_the_article_reports_it(corpus):
    r = corpus.check("Putin's visit to Turkey was postponed")
    assert r.has_flag(UNCONFIRMED) and not r.has_flag("confirmed")
    assert [(a.doc, a.stance) for a in r.articles] == [(POSTPONED, REPORTS)]
    reasons = " ".join(x for f in r.flags if f.name == UNCONFIRMED for x in f.reasons)
    assert "a report (anonymous)" in reasons                               # the unnamed report
    assert "a diplomatic source in Turkey (anonymous) via Tass" in reasons  # via Tass
    assert "Dmitry Peskov (person) via Tass" in reasons and "could not confirm it" in reasons
    who = {(e.statement.speaker.name, e.stance) for a in r.articles for e in a.evidence}
    assert {("a diplomatic source in Turkey", CONFIRMS), ("Dmitry Peskov", CANNOT_CONFIRM)} <= who
    assert any(name in ("a report", "report") and st == HEDGED for name, st in who)
    text = corpus.articles[POSTPONED].text
    for e in r.articles[0].evidence:  # evidence sentences index the article
        assert text[e.sentence_start:e.sentence_end] == e.sentence
        assert e.statement.content in e.sentence


def test_visit_prepared_is_supported_by_ushakov_and_peskov(corpus):
    r = corpus.check("a Putin visit to Turkey is being prepared")
    supporting = {(e.statement.speaker.name, tuple(x.name for x in e.statement.chain))
                  for a in r.articles for e in a.evidence if e.stance == ASSERTS}
    assert ("Yuri Ushakov", ("Interfax",)) in supporting
    assert ("Dmitry Peskov", ("Tass",)) in supporting
    assert all(o.kind != ANONYMOUS for o in r.origins if "asserts" in o.stances)


def test_trace_lists_the_other_claims_the_text_may_mean(corpus):
    t = corpus.trace("Putin visit Turkey")
    assert len(t.candidates) >= 2 and t.candidates[0].claim == t.claim.id
