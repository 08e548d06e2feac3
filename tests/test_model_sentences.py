"""Extraction through the real compact parser, one news sentence at a time.

The rule tests (``test_rules.py``) pin each rule on a hand-written parse; these rows pin
what a user gets from the shipped models on the same constructions, the parser's own
mistakes included (a name tagged as a verb, "said" hung off an apposition, a source
attached inside the content).
"""

import pytest

ROWS = [
    # (sentence, speaker name, cue, words of the content)
    ("“It’s an invasion, in our estimation, of the state regulatory domain,” Scott Pruitt, the Republican "
     "attorney general of Oklahoma, one of the states suing the EPA, said at a Washington event this month.",
     "Scott Pruitt", "said", "It’s an invasion, in our estimation"),
    ("Asked to describe the device that caused the explosion, O'Neill said, \"Not going to go into that.\"",
     "O'Neill", "said", "Not going to go into that."),
    ("In a statement, Husted said the court's decision \"will effectively force us to put voters back on the "
     "voter rolls who have died or long since moved to another address.\"",
     "Husted", "said", "the court's decision"),
    ("“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., "
     "said Tuesday.",
     "Mitch McConnell", "said", "Our assumption is that the veto will be overridden"),
    ("The top 1 percent would see their after-tax incomes go up by as much as 19.9 percent, according to the "
     "conservative-leaning Tax Foundation, more than twice what it projected for those in the middle.",
     "Tax Foundation", "according to", "The top 1 percent would see"),
    ("Donald Trump is warning voters that a Hillary Clinton victory would bring her husband’s sex scandal "
     "back to the White House.",
     "Donald Trump", "is warning", "a Hillary Clinton victory would bring"),
    ("Obama said that because terrorists are Muslim does not mean Muslims are terrorists.",
     "Obama", "said", "because terrorists are Muslim does not mean"),
    ("“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton before asking her, “I just want "
     "to know, where do we go from here?”",
     "Blige", "asking", "I just want to know"),
    ("On Thursday, the panel held Pagliano in contempt of Congress for refusing to show up to a hearing "
     "despite a subpoena.",
     "Pagliano", "refusing", "to show up to a hearing"),
    ("The museum, Mr. Obama said, would make visitors face uncomfortable truths.",
     "Obama", "said", "The museum, Mr. Obama said, would make visitors"),
    ("Few donors give small sums.\n\nThe New York Times reports:\n\n\"Just 24 percent of the contributors "
     "have given $200 or less.\"",
     "The New York Times", "reports", "Just 24 percent of the contributors"),
    ("Several women hold leadership roles, though Lynch notes they were appointed before she formally came "
     "to lead the department.",
     "Lynch", "notes", "they were appointed before"),
    ("Mr. Quiros was accused of using $50 million for personal expenses including a luxury condominium.",
     "unnamed sources", "was accused", "Mr. Quiros was accused of using $50 million"),
    ("“Every time you say that,” Tester said, referring to the 1 percent excuse, “you give ammunition to the "
     "people who want to break up the big banks.”",
     "Tester", "said", "Every time you say that,” Tester said, referring"),
    ("''Their strategy is very clear: to create the appearance of being a legitimate source of news,'' Michael "
     "McFaul, a senior fellow at the Hoover Institution and a former United States ambassador to Russia, said of RT.",
     "Michael McFaul", "said", "Their strategy is very clear"),
    ("Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says.",
     "Lindsey Graham", "Says", "Trump ‘The Dealmaker’ Could Address Clean Energy"),
    ("The registration issue was first reported by The Washington Post.",
     "The Washington Post", "was first reported", "The registration issue"),
]


@pytest.mark.parametrize("sentence, speaker, cue, content", ROWS, ids=[r[1] for r in ROWS])
def test_sentence(nlp, sentence, speaker, cue, content):
    from quotes.extractors import extract
    records = extract(sentence)
    found = [(r.speaker.name, r.cue, r.content[:50]) for r in records]
    assert any(r.speaker.name == speaker and r.cue == cue and content in r.content for r in records), found
    for r in records:
        assert sentence[r.start:r.end] == r.content


def test_relative_pronoun_stays_the_mention(nlp):
    from quotes.extractors import extract
    (r,) = [r for r in extract("Some economists, who argue corporate taxes should be very low, disagree.")
            if r.cue == "argue"]
    assert (r.speaker.name, r.speaker.mention) == ("Some economists", "who")


def test_participle_after_the_cue_is_its_own_statement(nlp):
    from quotes.extractors import extract
    got = sorted((r.cue, r.content) for r in extract(
        "“We will win,” Smith said, adding that the campaign had raised more money than expected."))
    assert got == [("adding", "the campaign had raised more money than expected"), ("said", "We will win")]


RYAN = ('In an interview on CBS\'s "Face the Nation," House Speaker Paul D. Ryan (R-Wis.) said the recent '
        'spate of police shootings and protests demands that all Americans engage in "more listening."')


def test_quoted_title_inside_a_phrase_is_nobody_s_statement(nlp):
    from quotes.extractors import extract
    records = extract(RYAN)
    assert [r.content for r in records if "Face the Nation" in r.content] == []


def test_speaker_after_a_quoted_title_says_the_rest(nlp):
    from quotes.extractors import extract
    records = extract(RYAN)
    assert any("Ryan" in r.speaker.name and r.cue == "said" for r in records), [(r.speaker.name, r.content)
                                                                                for r in records]
