"""The Emergent stance scorer: mapping attributions to for/against/observing (model-free)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.errors import InputError
from quotes.evaluation.emergent import (
    AGAINST, FOR, OBSERVING, EmergentRow, evaluate_emergent, headline_extract,
    headline_stance, read_emergent, score, score_predictions,
)
from quotes.types import (
    ANONYMOUS, ASSERTS, CANNOT_CONFIRM, CONFIRMS, DENIES, HEDGED, INDIRECT, OUTLET, PERSON,
    Article, Attribution, Speaker,
)

EMERGENT = Path("/work/shared/corpora/emergent/train.csv")


def att(art, content, speaker, kind, stance, cue="said"):
    start = art.text.index(content)
    return Attribution(art.id, INDIRECT, content, start, start + len(content), cue, stance,
                       Speaker(speaker, speaker, kind))


# (headline, publisher, attribution as (content, speaker, kind, stance[, cue]) or None,
#  expected)
MAPPING = [
    ("Hewlett-Packard splits off PC, printer businesses", "reuters.com", None, FOR),
    ("Woman with three breasts is a fake", "x.com", None, AGAINST),
    ("Banksy has NOT been arrested", "x.com", None, AGAINST),
    ("ISIS leader dead?", "x.com", None, OBSERVING),
    ("Apple rumored to add engravings", "x.com", None, OBSERVING),
    ("Israel denies causing Gaza floods", "x.com",
     ("causing Gaza floods", "Israel", "organization", DENIES), AGAINST),
    ("Small meteorite strikes Nicaragua, government says", "x.com",
     ("Small meteorite strikes Nicaragua", "government", ANONYMOUS, ASSERTS), OBSERVING),
    ("Peskov could not confirm that the visit was postponed", "x.com",
     ("the visit was postponed", "Dmitry Peskov", PERSON, CANNOT_CONFIRM, "could not confirm"), OBSERVING),
    ("ISIS Reportedly Beheads U.S. Journalist", "x.com",
     ("ISIS Reportedly Beheads U.S. Journalist", "reportedly", ANONYMOUS, HEDGED), OBSERVING),
    ("White House confirms authenticity of ISIS video", "x.com",
     ("authenticity of ISIS video", "White House", "organization", CONFIRMS), FOR),
    ("Meteorite hits Nicaragua, x.com reports", "x.com",
     ("Meteorite hits Nicaragua", "x.com", OUTLET, ASSERTS, "reports"), FOR),
]


# (headline, claim, attribution or None, expected): stance relative to the claim
CLAIM_RELATIVE = [
    # the claim is about what the Pope said: reporting his words asserts it
    ("Pope tells boy dogs go to heaven", "Pope Francis told a boy that dogs go to heaven",
     ("dogs go to heaven", "Pope", PERSON, ASSERTS, "tells"), FOR),
    # the same words about a claim that is not about speech attribute it to the Pope
    ("Pope tells boy dogs go to heaven", "Dogs go to heaven",
     ("dogs go to heaven", "Pope", PERSON, ASSERTS, "tells"), OBSERVING),
    ("Catholic priest claims God is female", "A Catholic priest says he met God and she is a woman",
     None, FOR),
    # an attribution beside the point: the publisher asserts the murder
    ("Cameron vows to hunt down IS after Haines murder", "ISIS beheaded British aid worker David Haines",
     ("to hunt down IS", "Cameron", PERSON, ASSERTS, "vows"), FOR),
    # hedge and denial words the claim itself uses
    ("iOS 8 bug could delete your files", "A bug in iOS 8 could delete files", None, FOR),
    ("Kim Jong Un is not missing", "Kim Jong Un is not missing", None, FOR),
    # a question and a contrast are no denials; a contradicting word is
    ("Woman with three breasts: real or hoax?", "A woman got a third breast", None, OBSERVING),
    ("Tesla will build its factory in Nevada, not Texas", "Tesla is building its factory in Nevada", None, FOR),
    ("Hugh Hefner is alive and well", "Hugh Hefner is dead", None, AGAINST),
    ("Homeland Security: No ISIL fighters on U.S. border", "ISIS fighters were caught at the U.S. border",
     None, AGAINST),
    ("Stolen Batmobile rumor put to rest", "The Batmobile was stolen", None, AGAINST),
    # the claim's speaker did not say it
    ("Pope Francis did NOT say our pets are going to heaven",
     "Pope Francis told a boy that paradise is open to all creatures",
     ("our pets are going to heaven", "Pope Francis", PERSON, CANNOT_CONFIRM, "did NOT say"), AGAINST),
    # a denial cue the claim itself uses reports the claim
    ("Iraq shoots down 2 UK planes delivering weapons", "The Iraqi army shot down two British planes",
     ("2 UK planes delivering weapons", "Iraq", "organization", DENIES, "shoots down"), FOR),
    ("WH won't say if Foley family was threatened not to pay ransom",
     "The US threatened the family of James Foley",
     ("if Foley family was threatened not to pay ransom", "WH", "organization", CANNOT_CONFIRM, "won't say"),
     OBSERVING),
]


@pytest.mark.parametrize("headline,claim,record,expected", CLAIM_RELATIVE)
def test_claim_relative(headline, claim, record, expected):
    art = Article("h", headline, publisher="x.com")
    records = [att(art, *record)] if record else []
    assert headline_stance(art, records, claim) == expected


@pytest.mark.parametrize("headline,publisher,record,expected", MAPPING)
def test_mapping(headline, publisher, record, expected):
    art = Article("h", headline, publisher=publisher)
    records = [att(art, *record)] if record else []
    assert headline_stance(art, records) == expected


@pytest.mark.parametrize("headline,speaker,stance,content,rule", [
    ("Nicaragua says meteorite probable cause of blast", "Nicaragua", ASSERTS,
     "meteorite probable cause of blast", "leading_verb"),
    ("Small meteorite strikes Nicaragua, government says", "government", ASSERTS,
     "Small meteorite strikes Nicaragua", "trailing_verb"),
    ("Apple Denies Report That It Will Shut Down Beats Music", "Apple", DENIES,
     "Report That It Will Shut Down Beats Music", "leading_verb"),
    ("Putin's first NATO visit in four years postponed: report", "report", HEDGED,
     "Putin's first NATO visit in four years postponed", "trailing_colon"),
    ("Source: Tom Brokaw Wants Brian Williams Fired", "Source", ASSERTS,
     "Tom Brokaw Wants Brian Williams Fired", "leading_colon"),
    ("Tim Cook: I wear my Apple Watch in the shower", "Tim Cook", ASSERTS,
     "I wear my Apple Watch in the shower", "first_person_label"),
    ("Gill Rosenberg reportedly captured by ISIS in Syria", "unnamed sources", HEDGED,
     "Gill Rosenberg reportedly captured by ISIS in Syria", "implicit_cue"),
    ("Tesla settles on Nevada for gigafactory site -CNBC", "CNBC", ASSERTS,
     "Tesla settles on Nevada for gigafactory site", "dash_source"),
    ("Apple Watch screens to come from LG: South Korea paper", "South Korea paper", ASSERTS,
     "Apple Watch screens to come from LG", "trailing_colon"),
    ("Banksy arrested in London, according to police", "police", HEDGED,
     "Banksy arrested in London", "prefix_cue"),
])
def test_headline_extract(headline, speaker, stance, content, rule):
    art = Article("h", headline)
    (a,) = headline_extract(art)
    assert (a.speaker.name, a.stance, a.content, a.rule) == (speaker, stance, content, rule)
    assert headline[a.start:a.end] == a.content


@pytest.mark.parametrize("headline", ["IT'S OFFICIAL: HP Is Splitting Into 2 Businesses",
                                      "Jihadi John named as Mohammed Emwazi: live"])
def test_headline_labels_are_not_speakers(headline):
    assert headline_extract(Article("h", headline)) == []


@pytest.mark.parametrize("headline", ["Tesla chooses Nevada for battery factory",
                                      "Ottawa Shooting: Soldier Shot at War Memorial",
                                      "Obama: US Won't Stop Confronting Islamic State"])
def test_headline_extract_finds_nothing(headline):
    assert headline_extract(Article("h", headline)) == []


def test_scorer_calls_the_extractor_once_per_headline():
    rows = [EmergentRow("c", "claim", f"a{i}", h, gold, "x.com") for i, (h, gold) in
            enumerate([("Banksy arrested", FOR), ("Banksy arrest is a hoax", AGAINST),
                       ("Banksy arrested?", OBSERVING), ("Banksy arrested", OBSERVING)])]
    seen = []

    def stub(article):
        seen.append(article)
        return []

    s = score(rows, extract=stub)
    assert [a.id for a in seen] == ["a0", "a1", "a2", "a3"]
    assert all(a.publisher == "x.com" and a.text == r.headline for a, r in zip(seen, rows))
    assert s.accuracy == pytest.approx(0.75)
    assert s.confusion[OBSERVING][FOR] == 1 and s.confusion[FOR][FOR] == 1


def test_score_predictions_macro_f1():
    s = score_predictions([FOR, FOR, AGAINST, OBSERVING], [FOR, AGAINST, AGAINST, FOR])
    # for: p=1/2 r=1/2; against: p=1/2 r=1; observing: 0
    assert s.f1[FOR] == pytest.approx(0.5)
    assert s.f1[AGAINST] == pytest.approx(2 / 3)
    assert s.macro_f1 == pytest.approx((0.5 + 2 / 3 + 0) / 3)
    report = s.format()
    assert "accuracy   0.500" in report and "gold \\ predicted" in report


def test_read_emergent_rejects_bad_files(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("a,b\n1,2\n")
    with pytest.raises(InputError):
        read_emergent(p)
    p.write_text("claim_id,claim,article_id,headline,stance,source\nc,C,a,H,maybe,x\n")
    with pytest.raises(InputError, match=":2: unknown stance"):
        read_emergent(p)


@pytest.mark.skipif(not EMERGENT.exists(), reason="Emergent corpus not available")
def test_emergent_train_with_the_model_free_extractor():
    rows = read_emergent(EMERGENT)
    s = score(rows, extract=headline_extract)
    assert s.n == 2071
    # measured 0.78 accuracy; this guards against regressions in the rules or word lists
    assert s.accuracy >= 0.76 and s.macro_f1 >= 0.75
    assert "macro-F1" in evaluate_emergent(EMERGENT, extract=headline_extract)
