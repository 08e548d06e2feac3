"""The one reading of a headline colon (:func:`quotes.nlp.colon.colon_source`): every
reading and veto by name, then the three callers that ask it agree."""

import pytest

from quotes.claims.headlines import headline_extract
from quotes.extractors.layout import layout_cues
from quotes.nlp.colon import AFTER, BEFORE, READINGS, VETOES, colon_source
from quotes.types import Article

# phrase, side, by_shape, text, expected (reading, kind, stance) or the veto that refuses it
CASES = [
    ("report", AFTER, False, "", ("document_head", "document", "hedged")),
    ("Reuters report", AFTER, False, "", ("document_head", "document", "hedged")),
    ("report by Tass", AFTER, False, "", ("document_head", "document", "hedged")),
    ("new study", AFTER, False, "", ("document_head", "document", "hedged")),
    ("Poll", BEFORE, False, "", ("document_head", "document", "hedged")),
    ("CNN", AFTER, False, "", ("outlet", "outlet", "asserts")),
    ("The Guardian", BEFORE, False, "", ("outlet", "outlet", "asserts")),
    ("local newspaper", AFTER, False, "", ("outlet", "outlet", "asserts")),
    ("officials", AFTER, False, "", ("source_head", "anonymous", "asserts")),
    ("officials in Kiev", AFTER, False, "", ("source_head", "anonymous", "asserts")),
    ("Police", BEFORE, False, "", ("source_head", "anonymous", "asserts")),
    ("Source", BEFORE, False, "", ("source_head", "anonymous", "asserts")),
    ("Putin's spokesman", BEFORE, False, "", ("source_head", "anonymous", "asserts")),
    ("WALLACE", BEFORE, True, "", ("transcript_name", "person", "asserts")),
    ("Pat Caddell", BEFORE, True, "Pat Caddell: Voters worry. Caddell said so.",
     ("speaks_elsewhere", "person", "asserts")),
    # any common form of saying after the surname ("Stone warned that ...")
    ("Roger Stone", BEFORE, True, "Roger Stone: Machines fail. Stone warned that they fail.",
     ("speaks_elsewhere", "person", "asserts")),
    ("Zzyzx", AFTER, True, "", ("bare_word", "unknown", "asserts")),
    # what names no source
    ("UPDATE", BEFORE, True, "", "story_label"),
    ("live", AFTER, True, "", "story_label"),
    ("The Plan", BEFORE, True, "", "topic_phrase"),
    ("President", BEFORE, True, "", "topic_phrase"),
    ("AUSTRALIA", BEFORE, True, "", "topic_phrase"),
    ("Vogue's new offices", BEFORE, True, "", None),
    ("Apple Watch Edition", BEFORE, True, "", None),
    ("WALLACE", BEFORE, False, "", None),  # a shape reading only when asked for
    ("Zzyzx", AFTER, False, "", None),
    ("Zzyzx", BEFORE, True, "", None),  # one bare word names a source only after the colon
    ("one two three four five six", AFTER, True, "", None),
]


@pytest.mark.parametrize("phrase,side,by_shape,text,expected", CASES)
def test_colon_source(phrase, side, by_shape, text, expected):
    found = colon_source(phrase, side, text=text, by_shape=by_shape)
    if isinstance(expected, tuple):
        assert (found.rule, found.kind, found.stance) == expected
    else:
        assert found is None
        if expected is not None:
            assert expected in {v.__name__ for v in VETOES}


def test_every_reading_and_veto_has_a_row():
    named = {e[0] if isinstance(e, tuple) else e for *_, e in CASES}
    assert {r.__name__ for r in READINGS + VETOES} <= named


# the callers agree: a headline's colon source and its stance, model-free and (a label
# opening the line) as a layout speaker label
AGREE = [
    ("Meteorite hits Nicaragua: report", "hedged", False),
    ("Banksy arrested in London: police", "asserts", False),
    ("Police: Banksy was arrested in London today", "asserts", True),
    ("Poll: Wealthy voters abandon the party in droves", "hedged", True),
]


@pytest.mark.parametrize("headline,stance,label", AGREE)
def test_headline_rules_and_layout_agree(headline, stance, label):
    (a,) = headline_extract(Article("h", headline))
    assert a.stance == stance
    if label:
        (lc,) = list(layout_cues(headline))
        assert lc.source.stance == stance
