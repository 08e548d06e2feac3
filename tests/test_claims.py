"""Claim grouping, normalisation and flags (model-free)."""

from __future__ import annotations

import pytest

from example_records import POSTPONED, example_corpus_inputs
from quotes.claims.group import cluster, find_claim, group_claims, similar
from quotes.claims.corpus import Corpus
from quotes.errors import NotFoundError, QuotesError
from quotes.claims.normalize import content_keys
from quotes.types import (
    ANONYMOUS, ASSERTS, CANNOT_CONFIRM, CONFIRMED, CONFIRMS, CONTRADICTED, DENIES, HEDGED,
    OUTLET, PERSON, SINGLE_SOURCE, UNCONFIRMED, Article, Attribution, ChainLink, Speaker,
)


def st(doc, content, speaker="Ann Lee", kind=PERSON, stance=ASSERTS, chain=()):
    return Attribution(doc, "indirect", content, 0, len(content), "said", stance,
                       Speaker(speaker, speaker, kind),
                       tuple(ChainLink(c, OUTLET, "reported") for c in chain))


@pytest.fixture(scope="module")
def corpus():
    # the attributed statements alone (own voice: tests/test_check.py)
    return Corpus(example_corpus_inputs(), own_voice=False)


# --- grouping ------------------------------------------------------------------------

SAME = [
    ("Putin's first visit to a NATO country in four years was postponed",
     "Putin's visit to the NATO country was canceled"),
    ("Putin's visit to the NATO country was canceled",
     "reports that Putin's meeting with Erdoğan in Turkey had been postponed"),
    ("A visit is being prepared", "We continue to prepare contacts at the highest level"),
    ("The summit was delayed", "the talks have been postponed"),
    ("Banksy was arrested", "Banksy has not been arrested"),  # negation keeps the claim
    ("the U.S. called off the talks", "The USA cancelled the meeting"),
]
DIFFERENT = [
    ("A visit is being prepared", "Putin's visit to the NATO country was canceled"),
    ("Putin's visit was postponed", "Putin's visit is being prepared"),
    ("Biden's visit was postponed", "Putin's visit was postponed"),
    ("We continue to prepare contacts at the highest level",
     "reports that Putin's meeting with Erdoğan in Turkey had been postponed"),
    ("Banksy was arrested", "a new Banksy mural appeared in Bristol"),
]


@pytest.mark.parametrize("a,b", SAME)
def test_same_claim(a, b):
    assert similar(content_keys(a), content_keys(b))
    assert len(group_claims([st("x", a), st("y", b)])) == 1


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_different_claims(a, b):
    assert not similar(content_keys(a), content_keys(b))
    # grouping weighs words by rarity among the statements it groups: among the example
    # articles' statements (a realistic background), the two stay apart
    background = [x for _, recs in example_corpus_inputs() for x in recs]
    claims = group_claims(background + [st("x", a), st("y", b)])
    where = {s.doc: c.id for c in claims for s in c.statements if s.doc in ("x", "y")}
    assert where["x"] != where["y"]


@pytest.mark.parametrize("text,negated", [
    ("the visit was postponed", False), ("the visit was not postponed", True),
    ("the visit wasn't postponed", True), ("no visit was postponed", True),
])
def test_negation(text, negated):
    assert content_keys(text).negated is negated


def test_cluster_is_order_independent():
    texts = ["the talks were delayed", "Paris hosts the games", "the meeting was postponed",
             "the games in Paris were hosted"]
    keys = [content_keys(t) for t in texts]
    groups = sorted(sorted(texts[i] for i in g) for g in cluster(keys))
    groups_rev = sorted(sorted(texts[::-1][i] for i in g) for g in cluster(keys[::-1]))
    assert groups == groups_rev and len(groups) == 2



@pytest.mark.parametrize("kept,expected", [
    ({(0, 1)}, {(0, 1)}),            # a pair still compared keeps its cosine
    (set(), set()),                  # groups merged away: nothing to remember
    ({(0, 1), (1, 2)}, {(0, 1)}),    # a pair never scored is not invented
])
def test_centroid_cache_forgets_pairs_no_longer_compared(kept, expected):
    from quotes.claims.group import _Centroids
    c = _Centroids()
    for root, text in enumerate(["talks delayed", "talks postponed", "games hosted"]):
        c.add(root, {k: 1.0 for k in content_keys(text).all})
    before = c.cosine(0, 1), c.cosine(0, 2)
    c.keep(kept)
    assert set(c._cosine) == expected and (c.cosine(0, 1), c.cosine(0, 2)) == before

# --- the two example articles ---------------------------------------------------------

def test_postponed_claim_groups_report_source_and_peskov(corpus):
    claim = corpus.claim("Putin visit postponed")
    who = {(a.speaker.name, a.speaker.kind, a.stance, tuple(x.name for x in a.chain))
           for a in claim.statements}
    assert who == {
        ("a report", "document", HEDGED, ()),
        ("a diplomatic source in Turkey", ANONYMOUS, CONFIRMS, ("Tass",)),
        ("Dmitry Peskov", PERSON, CANNOT_CONFIRM, ("Tass",)),
    }
    contents = {a.content for a in claim.statements}
    assert "Putin's first NATO visit in four years postponed" in contents
    assert "Putin's visit to the NATO country was canceled" in contents
    assert "reports that Putin's meeting with Erdoğan in Turkey had been postponed" in contents
    assert all(a.doc == POSTPONED for a in claim.statements)
    text = corpus.articles[POSTPONED].text
    assert all(text[a.start:a.end] == a.content for a in claim.statements)


def test_postponed_claim_is_unconfirmed_with_named_reasons(corpus):
    claim = corpus.claim("Putin visit postponed")
    assert claim.has_flag(UNCONFIRMED)
    assert not claim.has_flag(CONFIRMED) and not claim.has_flag(CONTRADICTED)
    reasons = [r for f in claim.flags if f.name == UNCONFIRMED for r in f.reasons]
    for name in ("a report", "a diplomatic source in Turkey", "Dmitry Peskov"):
        assert any(name in r for r in reasons), name
    assert any("could not confirm" in r and "Dmitry Peskov" in r for r in reasons)
    assert any("not named" in r and "diplomatic source" in r for r in reasons)


def test_visit_prepared_claim_is_not_unconfirmed(corpus):
    claim = corpus.claim("a visit is being prepared")
    assert {a.speaker.name for a in claim.statements} == {"Yuri Ushakov", "Dmitry Peskov"}
    assert {x.name for a in claim.statements for x in a.chain} == {"Interfax", "Tass"}
    assert not claim.has_flag(UNCONFIRMED)
    assert claim.has_flag(CONFIRMED)
    assert claim.id != corpus.claim("Putin visit postponed").id


def test_lookup_by_id_and_text(corpus):
    claim = corpus.claim("Putin visit postponed")
    assert corpus.claim(claim.id) == claim
    assert find_claim(corpus.claims(), "meeting with Erdogan postponed").id == claim.id
    with pytest.raises(NotFoundError):
        corpus.claim("weather in Paris tomorrow")
    with pytest.raises(QuotesError):
        corpus.claim("c-0000000000")


# --- one small corpus per flag ----------------------------------------------------------

def _flags(statements, publishers):
    claims = group_claims(statements, publishers)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def test_on_the_record_denial_contradicts():
    c = _flags([st("a", "The minister resigned on Monday", "Daily Mail", OUTLET),
                st("b", "the minister resigned", "Jane Roe", PERSON, DENIES)],
               {"a": "Daily Mail", "b": "Reuters"})
    assert c.has_flag(CONTRADICTED)
    (reason,) = [r for f in c.flags if f.name == CONTRADICTED for r in f.reasons]
    assert "Jane Roe" in reason and "denies" in reason


def test_negated_assertion_contradicts():
    c = _flags([st("a", "Banksy was arrested in London", "Sky News", OUTLET),
                st("b", "Banksy has not been arrested", "Pest Control", "organization")],
               {"a": "Sky News", "b": "BBC"})
    assert c.text == "Banksy was arrested in London"
    assert c.has_flag(CONTRADICTED)
    assert any("Pest Control" in r and "opposite" in r for f in c.flags for r in f.reasons)


def test_two_independent_named_sources_confirm():
    c = _flags([st("a", "The factory will close in May", "John Smith", PERSON),
                st("b", "the factory is closing in May", "Mary Jones", PERSON, CONFIRMS)],
               {"a": "Reuters", "b": "AP"})
    assert c.has_flag(CONFIRMED) and not c.has_flag(SINGLE_SOURCE)
    assert not c.has_flag(UNCONFIRMED) and not c.has_flag(CONTRADICTED)
    reasons = [r for f in c.flags for r in f.reasons]
    assert any("John Smith" in r for r in reasons) and any("Mary Jones" in r for r in reasons)


@pytest.mark.parametrize("as_speaker", [True, False])
def test_five_outlets_relaying_one_agency_are_single_source(as_speaker):
    outlets = ["Daily Mail", "The Sun", "Fox News", "NDTV", "Yahoo News"]
    if as_speaker:  # "..., Reuters reported"
        sts = [st(f"d{i}", "The factory will close in May", "Reuters", OUTLET)
               for i in range(5)]
    else:  # "John Smith told Reuters that ..."
        sts = [st(f"d{i}", "The factory will close in May", "John Smith", PERSON,
                  chain=("Reuters",)) for i in range(5)]
    c = _flags(sts, {f"d{i}": o for i, o in enumerate(outlets)})
    assert c.has_flag(SINGLE_SOURCE)
    assert not c.has_flag(CONFIRMED)
    (reason,) = [r for f in c.flags if f.name == SINGLE_SOURCE for r in f.reasons]
    assert "5 statement(s) in 5 article(s)" in reason
    assert all(o in reason for o in outlets)


def test_anonymous_sources_relayed_by_one_agency_count_once():
    sts = [st(f"d{i}", "The factory will close in May", "a company source", ANONYMOUS,
              chain=("Reuters",)) for i in range(3)]
    c = _flags(sts, {f"d{i}": f"Outlet {i}" for i in range(3)})
    assert c.has_flag(SINGLE_SOURCE) and c.has_flag(UNCONFIRMED)


def test_named_official_declining_to_confirm_is_unconfirmed():
    c = _flags([st("a", "the factory will close in May", "workers", ANONYMOUS, HEDGED),
                st("b", "the factory will close", "John Smith", PERSON, CANNOT_CONFIRM)],
               {"a": "Reuters", "b": "AP"})
    assert c.has_flag(UNCONFIRMED) and not c.has_flag(CONFIRMED)


def test_corpus_add_rejects_foreign_or_out_of_range_records():
    from quotes.errors import InputError
    art = Article("a", "Short text.")
    with pytest.raises(InputError):
        Corpus().add(art, [st("a", "x" * 50)])
