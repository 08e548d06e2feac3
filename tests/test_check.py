"""`quotes check` on small hand-made corpora: every article stance, every flag, own voice,
independence, relay loops and bad claim texts (model-free)."""

from __future__ import annotations

import json

import pytest

from quotes.claims.corpus import Corpus
from quotes.claims.flags import flags_of, independent_origins, rows_of
from quotes.claims.ownvoice import own_voice
from quotes.types import (
    ANONYMOUS, ASSERTS, CANNOT_CONFIRM, CONFIRMED, CONTRADICTED, DENIES, HEDGED, OUTLET,
    OWN_VOICE, PERSON, REPORTS, SINGLE_SOURCE, SUPPORTS, UNCONFIRMED, UNRELATED, Article,
    Attribution, ChainLink, Speaker,
)

CLAIM = "Jasmine Tridevil had a third breast implanted"


def said(art: Article, content: str, speaker: str, kind: str = PERSON, stance: str = ASSERTS,
         chain: tuple[tuple[str, str], ...] = (), cue: str = "said", type: str = "indirect"
         ) -> Attribution:
    """A record for ``content`` in ``art`` with exact offsets (speaker found after it, or implicit)."""
    start = art.text.index(content)
    at = art.text.find(speaker)
    sp = Speaker(speaker, speaker, kind, start=at if at >= 0 else None,
                 end=at + len(speaker) if at >= 0 else None)
    links = []
    for name, link_kind in chain:
        s = art.text.find(name)
        links.append(ChainLink(name, link_kind, "reported", s if s >= 0 else None,
                               s + len(name) if s >= 0 else None))
    return Attribution(art.doc if hasattr(art, "doc") else art.id, type, content, start,
                       start + len(content), cue, stance, sp, tuple(links))


def corpus(*items: tuple[Article, list]) -> Corpus:
    return Corpus(items)


def article(doc: str, text: str, publisher: str | None = None) -> Article:
    return Article(doc, text, publisher=publisher)


def stances(result) -> dict[str, str]:
    return {a.doc: a.stance for a in result.articles}


# --- own voice ------------------------------------------------------------------------------

def test_own_voice_sentences_become_publisher_statements():
    art = article("a", "Jasmine Tridevil said she had a third breast implanted. The third breast "
                       "implant story was a hoax. Is it real? By Ann Lee", "Gawker")
    rec = said(art, "she had a third breast implanted", "Jasmine Tridevil")
    own = own_voice(art, [rec])
    assert [(a.content, a.speaker.name, a.speaker.kind, a.type) for a in own] == [
        ("The third breast implant story was a hoax.", "Gawker", OUTLET, OWN_VOICE)]
    assert all(art.text[a.start:a.end] == a.content for a in own)
    # no publisher: "the article" speaks
    anon = own_voice(article("b", art.text), [said(article("b", art.text), "she had a third breast implanted",
                                                     "Jasmine Tridevil")])
    assert anon[0].speaker.name == "the article"


def test_own_voice_enters_claims_graph_trace_and_said_by():
    art = article("a", "Jasmine Tridevil had a third breast implanted in Tampa last year.", "Daily")
    c = corpus((art, []))
    assert [a.type for a in c.statements] == [OWN_VOICE]
    assert c.claims()[0].statements[0].speaker.name == "Daily"
    assert c.trace("third breast implanted").paths() == [["Daily"]]
    assert len(c.said_by("Daily")) == 1


# --- the article's stance, one test per stance ------------------------------------------------

@pytest.mark.parametrize("tmz_stance,b_stance", [
    (ASSERTS, DENIES),   # "The story was a hoax, TMZ reports": the denial relayed as is
    (HEDGED, REPORTS),   # "The story was reportedly a hoax": relayed at a distance
])
def test_outlet_refuting_in_its_own_voice_denies(tmz_stance, b_stance):
    a = article("a", "Jasmine Tridevil said she had a third breast implanted.", "Daily")
    b = article("b", "Jasmine Tridevil says she had a third breast implanted. The story was a hoax, "
                     "TMZ reports.", "Gawker")
    c_ = article("c", "Jasmine Tridevil claimed she had a third breast implanted. The claim is false.", "Snopes")
    c = corpus(
        (a, [said(a, "she had a third breast implanted", "Jasmine Tridevil")]),
        (b, [said(b, "she had a third breast implanted", "Jasmine Tridevil"),
             said(b, "The story was a hoax", "TMZ", OUTLET, stance=tmz_stance, cue="reports")]),
        (c_, [said(c_, "she had a third breast implanted", "Jasmine Tridevil", stance=HEDGED,
                   cue="claimed")]))
    r = c.check(CLAIM)
    assert stances(r) == {"a": REPORTS, "b": b_stance, "c": DENIES}
    assert r.has_flag(CONTRADICTED)
    reasons = " ".join(x for f in r.flags if f.name == CONTRADICTED for x in f.reasons)
    assert "TMZ" in reasons and "Snopes" in reasons
    ev = {e.statement.speaker.name: e for a in r.articles for e in a.evidence}
    assert ev["TMZ"].stance == DENIES and ev["Snopes"].stance == DENIES
    text = c.articles["c"].text
    assert text[ev["Snopes"].sentence_start:ev["Snopes"].sentence_end] == "The claim is false."


def test_own_voice_assertion_supports():
    a = article("a", "Jasmine Tridevil had a third breast implanted, her doctor confirmed.", "Daily")
    own = article("b", "Jasmine Tridevil had a third breast implanted last year.", "Tampa Bay Times")
    c = corpus((a, [said(a, "Jasmine Tridevil had a third breast implanted", "her doctor", ANONYMOUS,
                         stance="confirms", cue="confirmed")]), (own, []))
    assert stances(c.check(CLAIM)) == {"a": REPORTS, "b": SUPPORTS}


def test_cannot_confirm():
    a = article("a", "The spokesman could not confirm that Jasmine Tridevil had a third breast implanted.")
    c = corpus((a, [said(a, "Jasmine Tridevil had a third breast implanted", "The spokesman", ANONYMOUS,
                         stance=CANNOT_CONFIRM, cue="could not confirm")]))
    r = c.check(CLAIM)
    assert stances(r) == {"a": CANNOT_CONFIRM} and r.has_flag(UNCONFIRMED)


def test_own_voice_hedge_and_could_not_be_verified():
    a = article("a", "Jasmine Tridevil reportedly had a third breast implanted.", "Daily")
    b = article("b", "That Jasmine Tridevil had a third breast implanted could not be verified.", "Post")
    r = corpus((a, []), (b, [])).check(CLAIM)
    ev = {a.doc: a.evidence[0].stance for a in r.articles}
    assert ev == {"a": HEDGED, "b": CANNOT_CONFIRM}
    assert stances(r) == {"a": REPORTS, "b": CANNOT_CONFIRM} and r.has_flag(UNCONFIRMED)


def test_speaker_negation_not_about_the_claim_is_no_denial():
    a = article("a", "Jasmine Tridevil said she had a third breast implanted. "
                     "“I don't want to date anymore,” Jasmine Tridevil said.", "Daily")
    c = corpus((a, [said(a, "she had a third breast implanted", "Jasmine Tridevil"),
                    said(a, "I don't want to date anymore", "Jasmine Tridevil", type="direct")]))
    r = c.check(CLAIM)
    assert stances(r) == {"a": REPORTS}
    assert not r.has_flag(CONTRADICTED)
    assert all(e.stance != DENIES for a in r.articles for e in a.evidence)


def test_unrelated_articles_only_with_all():
    a = article("a", "Jasmine Tridevil said she had a third breast implanted.", "Daily")
    b = article("b", "The bridge over the Thames was closed for repairs on Monday.", "Post")
    c = corpus((a, [said(a, "she had a third breast implanted", "Jasmine Tridevil")]), (b, []))
    assert stances(c.check(CLAIM)) == {"a": REPORTS}
    assert stances(c.check(CLAIM, all_articles=True)) == {"a": REPORTS, "b": UNRELATED}


# --- flags and independence ----------------------------------------------------------------------

def bridge(doc: str, publisher: str, speaker: str = "Ann Lee", agency: str | None = "AP",
           kind: str = PERSON) -> tuple[Article, list]:
    via = f" told {agency}" if agency else " said"
    art = article(doc, f"{speaker}{via} that the bridge over the river was closed.", publisher)
    chain = ((agency, OUTLET),) if agency else ()
    return art, [said(art, "the bridge over the river was closed", speaker, kind, chain=chain)]


def test_five_outlets_citing_one_agency_are_single_source():
    c = corpus(*(bridge(f"d{i}", f"Outlet {i}") for i in range(5)))
    r = c.check("the bridge over the river was closed")
    assert r.flag_names == [SINGLE_SOURCE]
    assert len(r.articles) == 5 and len(r.origins) == 1
    assert r.origins[0].name == "Ann Lee" and "AP" in r.origins[0].relays
    reason = r.flags[0].reasons[0]
    assert "5 article(s)" in reason and "Ann Lee" in reason and "AP" in reason


def test_independent_named_sources_confirm():
    c = corpus(bridge("d1", "Outlet 1"), bridge("d2", "Outlet 2", speaker="Bo Chen", agency="Reuters"))
    r = c.check("the bridge over the river was closed")
    assert r.flag_names == [CONFIRMED] and len(r.origins) == 2


def test_anonymous_only_is_unconfirmed():
    c = corpus(bridge("d1", "Outlet 1", speaker="officials", kind=ANONYMOUS, agency=None))
    assert UNCONFIRMED in c.check("the bridge over the river was closed").flag_names


def test_a_relay_is_not_an_independent_origin_of_what_it_relays():
    a = article("a", "Balmaceda told the Guardian that the president adopted the seventh son.", "BBC")
    b = article("b", "The Guardian reported that the president adopted the seventh son.", "Daily")
    c = corpus((a, [said(a, "the president adopted the seventh son", "Balmaceda",
                         chain=(("the Guardian", OUTLET),))]),
               (b, [said(b, "the president adopted the seventh son", "The Guardian", OUTLET,
                         cue="reported")]))
    r = c.check("the president adopted the seventh son")
    assert not r.has_flag(CONFIRMED) and r.has_flag(SINGLE_SOURCE)
    assert [o.name for o in r.origins] == ["Balmaceda"] and r.origins[0].merged == ("The Guardian",)


def test_the_same_quotation_in_two_outlets_is_one_origin():
    q = "I had the third breast implanted to become less attractive"
    a = article("a", f"“{q},” Jasmine Tridevil said.", "Daily")
    b = article("b", f"“{q},” the woman said.", "Post")
    c = corpus((a, [said(a, q, "Jasmine Tridevil", type="direct")]),
               (b, [said(b, q, "the woman", PERSON, type="direct")]))
    r = c.check("she had the third breast implanted to become less attractive")
    assert not r.has_flag(CONFIRMED) and r.has_flag(SINGLE_SOURCE)


def test_outlet_own_voice_relaying_its_source_counts_once():
    a = article("a", "Ann Lee told AP that the bridge over the river was closed. The bridge over "
                     "the river was closed on Monday.", "Outlet 1")
    c = corpus((a, [said(a, "the bridge over the river was closed", "Ann Lee", chain=(("AP", OUTLET),))]))
    r = c.check("the bridge over the river was closed")
    assert stances(r) == {"a": SUPPORTS}
    assert not r.has_flag(CONFIRMED) and r.has_flag(SINGLE_SOURCE)


# --- relay loops: no hang, bounded walks -----------------------------------------------------------

def test_a_chain_looping_back_to_its_speaker_is_cut():
    art = article("a", "TMZ said, citing Dr Korovin, that Jasmine Tridevil had a third breast implanted.", "Gawker")
    loop = said(art, "Jasmine Tridevil had a third breast implanted", "TMZ", OUTLET,
                chain=(("TMZ", OUTLET), ("Dr Korovin", PERSON)))
    c = corpus((art, [loop]))
    t = c.trace("third breast implanted")
    assert t.paths() == [["Gawker", "Dr Korovin", "TMZ"]]
    r = c.check(CLAIM)
    assert [x.via for x in r.repeats] == [("Gawker", "Dr Korovin")]


def test_two_sources_relaying_each_other_count_as_one():
    a = article("a", "Ann Lee told Bo Chen that the bridge over the river was closed.", "Outlet 1")
    b = article("b", "Bo Chen told Ann Lee that the bridge over the river was closed.", "Outlet 2")
    recs = [(a, [said(a, "the bridge over the river was closed", "Ann Lee", chain=(("Bo Chen", PERSON),))]),
            (b, [said(b, "the bridge over the river was closed", "Bo Chen", chain=(("Ann Lee", PERSON),))])]
    rows = rows_of([(x, ASSERTS) for _, rs in recs for x in rs], {"a": "Outlet 1", "b": "Outlet 2"})
    assert len(set(independent_origins(rows).values())) == 1
    assert SINGLE_SOURCE in [f.name for f in flags_of([(x, ASSERTS) for _, rs in recs for x in rs])]
    assert corpus(*recs).check("the bridge over the river was closed").has_flag(SINGLE_SOURCE)


# --- what the text means: candidates, and bad claim texts ---------------------------------------

def test_ambiguous_text_lists_candidates():
    a = article("a", "Ann Lee said she will run for mayor of Boston. Bo Chen said Ann Lee sold her "
                     "house in Boston.", "Outlet 1")
    c = corpus((a, [said(a, "she will run for mayor of Boston", "Ann Lee"),
                    said(a, "Ann Lee sold her house in Boston", "Bo Chen")]))
    r = c.check("Ann Lee in Boston")
    assert r.claim is not None and len(r.candidates) == 2
    assert {k.label for k in r.candidates} == {"She will run for mayor of Boston",
                                               "Ann Lee sold her house in Boston"}
    assert r.candidates[0].claim == r.claim.id
    assert len(c.candidates("Ann Lee in Boston")) == 2


@pytest.mark.parametrize("text,expected", [
    ("", "the claim is empty"),
    ("   ", "the claim is empty"),
    ("it was the one that they said", "only stopwords"),
    ("?!", "has no words"),
    ("Путин отложил визит в Турцию", "CYRILLIC"),
    ("the moon landing was faked in a studio", "no claim matches"),
])
def test_bad_claim_text_gives_a_message_not_a_traceback(text, expected):
    c = corpus(bridge("d1", "Outlet 1"))
    r = c.check(text)
    assert r.claim is None and expected in r.message and r.articles == ()
    json.dumps(r.to_dict())  # the empty result is still valid JSON


def test_check_result_is_json_ready():
    r = corpus(bridge("d1", "Outlet 1"), bridge("d2", "Outlet 2")).check("the river bridge was closed")
    d = json.loads(json.dumps(r.to_dict()))
    assert d["claim"]["label"] and d["flags"][0]["name"] == SINGLE_SOURCE
    ev = d["articles"][0]["evidence"][0]
    assert ev["record"]["speaker"]["name"] == "Ann Lee" and ev["record"]["chain"][0]["name"] == "AP"
    assert {"text", "start", "end"} <= set(ev["sentence"])
    assert r.to_frame().shape[0] == 2 and "<table" in r._repr_html_()


# --- claims are propositions ------------------------------------------------------------------

STORY = {
    "surgery": ["Jasmine Tridevil had a third breast implanted",
                "The Tampa woman says she had a third breast implanted",
                "Woman claims she got a third breast implant",
                "The third breast is a hoax",                      # denials stay in the claim
                "She did not have a third breast implanted"],
    "cost": ["The surgery cost her $20,000", "She paid $20,000 for the operation"],
    "motive": ["She did it to make herself less attractive to men"],
    "dating": ["I don't want to date anymore"],
}
OTHER_STORIES = {
    "selfie": ["Joan Rivers' doctor took a selfie during her surgery",
               "The doctor took a selfie while Joan Rivers was under anesthesia"],
    "werewolf": ["Argentina's president adopted a godson to stop him becoming a werewolf",
                 "Cristina Kirchner adopted the boy so he would not turn into a werewolf"],
}


def _group(stories: dict[str, list[str]]):
    from quotes.claims.group import group_claims, statement_flipped
    atts = [Attribution(f"{name}{i}", "indirect", t, 0, len(t), "said", ASSERTS,
                        Speaker("X", "X", PERSON))
            for name, texts in stories.items() for i, t in enumerate(texts)]
    claims = group_claims(atts)
    return {frozenset(a.doc.rstrip("0123456789") for a in c.statements): c for c in claims}, \
        statement_flipped


def test_one_story_holds_several_propositions_with_denials_inside():
    by_topic, flipped = _group(STORY)
    assert set(by_topic) == {frozenset({"surgery"}), frozenset({"cost"}), frozenset({"motive"}),
                             frozenset({"dating"})}
    surgery = by_topic[frozenset({"surgery"})]
    assert len(surgery.statements) == 5
    assert [flipped(surgery, a) for a in surgery.statements] == [False, False, False, True, True]


def test_unrelated_stories_never_merge():
    by_topic, _ = _group({**STORY, **OTHER_STORIES})
    assert all(len(topics) == 1 for topics in by_topic)
