"""Article structure before parsing (quotes.nlp.structure): each rule's rows, then the split
of tokenized sentences, whose offsets must still index the original text.

The rows are shapes seen in news text (PolNeAR dev, FNC-1 training bodies), written fresh.
"""

from __future__ import annotations

import pytest

from quotes.errors import InputError
from quotes.nlp import structure
from quotes.nlp.pipeline import tokenize
from quotes.nlp.structure import segments

#: (rule, line, the part of the line the rule claims; "" for none).
OPENINGS = [
    ("dateline", "MOSCOW (AA) – Russian President Vladimir Putin has accepted", "MOSCOW (AA) –"),
    ("dateline", "FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton said", "FLINT, Mich., Oct. 4 (UPI) —"),
    ("dateline", "WASHINGTON ― Donald Trump’s obsession", "WASHINGTON ―"),
    ("dateline", "WASHINGTON -- President Obama, dedicating the museum", "WASHINGTON --"),
    ("dateline", "PORTLAND, Ore. - The city council voted", "PORTLAND, Ore. -"),
    ("dateline", "NAIROBI, Jan 12 (Reuters) - Kenyan police said", "NAIROBI, Jan 12 (Reuters) -"),
    ("dateline", "KOBANE , Syria, Dec. 1 (UPI) -- Kurdish fighters", "KOBANE , Syria, Dec. 1 (UPI) --"),
    ("dateline", "Cape Town (AFP) - South Africa's president", "Cape Town (AFP) -"),
    ("dateline", "(CNN) -- A man who said he was", "(CNN) --"),
    ("dateline", "SAN JUAN (AP) — “We are ready,” the governor said", "SAN JUAN (AP) —"),
    ("dateline", "FORT WORTH, Texas -", "FORT WORTH, Texas -"),      # alone on its line
    ("dateline", "OTTAWA, Ontario—A soldier on guard", "OTTAWA, Ontario—"),
    ("dateline", "U.S.—Mexico talks resumed", ""),                   # glued: needs a region or agency
    ("dateline", "US-China talks resumed", ""),
    ("dateline", "Washington — a city of monuments", ""),             # title case needs an agency
    ("dateline", "US officials — and Russian ones — said", ""),      # not capitals
    ("dateline", "NATO said on Monday", ""),                         # no dash
    ("dateline", "MADRID — it rained", ""),                          # no capital after the dash
    ("kicker", "UPDATE - Putin accepts the invitation", "UPDATE -"),
    ("kicker", "EXCLUSIVE – Senator says he will run", "EXCLUSIVE –"),
    ("kicker", "LONDON — The mayor said", ""),                       # a place: the dateline's
    ("heading", "HE WAS WARNED BY HIS OWN STAFF — For months, aides said", "HE WAS WARNED BY HIS OWN STAFF —"),
    ("heading", "He said — to nobody", ""),
    ("heading", "88 - Percentage of workers who lost their jobs", ""),   # a figure opens a list row
    ("heading", "COVID-19 CASES RISE — The count", "COVID-19 CASES RISE —"),
]

#: (rule, a whole line, whether the rule takes it).
LINES = [
    ("byline", "By Elena Teslova", True),
    ("byline", "By MARIA GARCIA and TOM O’NEILL, Associated Press", True),
    ("byline", "By Anna van der Berg | Reuters", True),
    ("byline", "(Reporting by Ann Lee; Editing by Bob Roe)", True),
    ("byline", "By Tuesday night the count was over.", False),
    ("byline", "By law, the president must report it.", False),
    ("caption", "[Image via screengrab]", True),
    ("caption", "(Photo courtesy of the family)", True),
    ("caption", "Image: Instagram", True),
    ("caption", "Photo credit: Getty Images", True),
    ("caption", "In this file photo, protesters gather outside the court.", True),
    ("caption", "This undated photo provided by the police shows the suspect.", True),
    ("caption", "Images from the scene show the fire, police said.", False),
    ("caption", "The photo was taken in 2010, she said.", False),
    ("boilerplate", "Advertisement", True),
    ("boilerplate", "Continue reading the main story", True),
    ("boilerplate", "Read more: Senate passes the budget", True),
    ("boilerplate", "MORE: Five things to know about the vote", True),
    ("boilerplate", "RELATED COVERAGE", True),
    ("boilerplate", "Share this:", True),
    ("boilerplate", "Follow us on Twitter | Like us on Facebook", True),
    ("boilerplate", "Copyright 2015 The Associated Press. All rights reserved.", True),
    ("boilerplate", "This article originally appeared on Example News.", True),
    ("boilerplate", "Source: The Wall Street Journal", True),
    ("boilerplate", "Updated at 11:45 p.m. ET", True),
    ("boilerplate", "Watch the video below, via CNN:", True),
    ("boilerplate", "Editor’s note: The mayor has repeatedly promised to close the port.", True),
    ("boilerplate", "The editor’s note said the mayor would resign.", False),
    ("boilerplate", "More than 200 people died.", False),
    ("boilerplate", "Sources say the bill will pass.", False),
    ("boilerplate", "Source: Senator will quit next week", False),       # a headline with a source
    ("boilerplate", "Subscribers were told the paper would close.", False),
    ("boilerplate", "Related to the case, the judge said more.", False),
]

#: (line, the credit the closing rule splits off; "" for none).
CREDITS = [
    ("Police officers take cover near the building. Photo: Reuters", "Photo: Reuters"),
    ("He said he barely knew them.  Jane Roe / Getty Images", "Jane Roe / Getty Images"),
    ("Soldiers on patrol in the north (AP Photo/Jane Roe)", "(AP Photo/Jane Roe)"),
    ("The Reuters/Ipsos poll showed Clinton ahead.", ""),
    ("He showed a photo to reporters.", ""),
]


@pytest.mark.parametrize("rule, line, claimed", OPENINGS, ids=[f"{r[0]}:{r[1][:25]}" for r in OPENINGS])
def test_opening_rule(rule, line, claimed):
    assert line[:getattr(structure, rule)(line)] == claimed


@pytest.mark.parametrize("rule, line, taken", LINES, ids=[f"{r[0]}:{r[1][:25]}" for r in LINES])
def test_line_rule(rule, line, taken):
    assert getattr(structure, rule)(line) is taken


@pytest.mark.parametrize("line, claimed", CREDITS, ids=[r[0][:25] for r in CREDITS])
def test_credit_rule(line, claimed):
    at = structure.credit(line)
    assert (line[at:] if at >= 0 else "") == claimed


ARTICLE = (
    "UPDATE - Senate passes the budget\n\n"
    "By Ann Lee\n\n"
    "WASHINGTON (AP) – The Senate passed the budget late on Friday, Senator Bob Roe announced.\n"
    "Advertisement\n"
    "Roe told reporters: “It was a long night.” Photo: Reuters\n"
)


def test_segments_index_the_original_text():
    got = [(s.rule, ARTICLE[s.start:s.end]) for s in segments(ARTICLE)]
    assert got == [("kicker", "UPDATE -"), ("byline", "By Ann Lee"), ("dateline", "WASHINGTON (AP) –"),
                   ("boilerplate", "Advertisement"), ("credit", "Photo: Reuters")]


def test_sentences_after_structure_keep_original_offsets():
    sents = tokenize([ARTICLE])[0]
    roles = [(s.role, ARTICLE[s.start:s.end]) for s in sents]
    assert roles == [
        ("kicker", "UPDATE -"),
        ("sentence", "Senate passes the budget"),
        ("byline", "By Ann Lee"),
        ("dateline", "WASHINGTON (AP) –"),
        ("sentence", "The Senate passed the budget late on Friday, Senator Bob Roe announced."),
        ("boilerplate", "Advertisement"),
        ("sentence", "Roe told reporters: “It was a long night.”"),
        ("credit", "Photo: Reuters"),
    ]
    assert [s.index for s in sents] == list(range(len(sents)))
    for s in sents:
        assert [w.id for w in s.words] == list(range(1, len(s.words) + 1))
        for w in s.words:
            assert ARTICLE[w.start:w.end] == w.text
        assert s.prose == (s.role == "sentence") and not s.parsed


def test_text_without_structure_is_untouched():
    text = "Peskov said no. It rained."
    assert [s.role for s in tokenize([text])[0]] == ["sentence", "sentence"]


def test_bad_pattern_file_is_a_clear_error(tmp_path, monkeypatch):
    (tmp_path / "article_structure.tsv").write_text("dateline\t{nowhere}X\n", encoding="utf-8")
    monkeypatch.setenv("QUOTES_LEXICONS", str(tmp_path))
    structure.patterns.cache_clear()
    try:
        with pytest.raises(InputError, match="nowhere"):
            structure.patterns()
    finally:
        monkeypatch.delenv("QUOTES_LEXICONS")
        structure.patterns.cache_clear()


def test_user_rows_extend_the_rules(tmp_path, monkeypatch):
    (tmp_path / "article_structure.tsv").write_text("boilerplate\tNewsletter sign-up\n", encoding="utf-8")
    monkeypatch.setenv("QUOTES_LEXICONS", str(tmp_path))
    structure.patterns.cache_clear()
    try:
        assert structure.boilerplate("Newsletter sign-up") and structure.boilerplate("Advertisement")
    finally:
        monkeypatch.delenv("QUOTES_LEXICONS")
        structure.patterns.cache_clear()


@pytest.mark.model
def test_dateline_is_not_parsed_with_the_lede(nlp):
    from quotes.extractors import extract
    text = ("MOSCOW (AA) – Russia has accepted the invitation of Turkey to the talks, "
            "Kremlin spokesman Dmitry Peskov announced on Thursday.\n")
    records = extract(text)
    hits = [r for r in records if r.cue == "announced"]
    assert hits, [(r.speaker.name, r.cue, r.content) for r in records]
    r = hits[0]
    assert r.speaker.name == "Dmitry Peskov"
    assert text[r.start:r.end] == r.content and r.content.startswith("Russia has accepted")
    assert text[r.speaker.start:r.speaker.end] == r.speaker.mention


@pytest.mark.model
def test_quotation_in_a_link_line_is_nobodys(nlp):
    from quotes.extractors import extract
    text = ("“We will not stop now,” Mayor Ann Lee said on Monday.\n"
            "MORE: “Taxes will rise again next year” and other promises\n")
    records = extract(text)
    assert [r.speaker.name for r in records] == ["Ann Lee"], [(r.speaker.name, r.content) for r in records]
