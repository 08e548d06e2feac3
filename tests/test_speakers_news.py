"""Speakers that are somebody, through the real compact parser, on real-news shapes.

Every sentence was written for this test (same shapes as the viral-news articles where the
speakers went wrong, none copied from an article). A row gives the sentence and what must
hold of its records: who said a cue (name and kind), what a cue's content must not swallow,
and, for every record, that its speaker names somebody (no adverb, lone place, bare title
or question fragment: :func:`quotes.extractors.somebody.not_somebody`).
"""

import pytest

from quotes.lexicons import load
from quotes.types import ANONYMOUS, ORGANIZATION, OUTLET, PERSON

UNNAMED = "unnamed sources"

ROWS = [
    # (id, text, cue, speaker name, speaker kind, words the cue's content must not hold)
    ("hedge_allegedly", "The singer allegedly told friends that she would quit the band.",
     "allegedly", UNNAMED, ANONYMOUS, None),
    ("hedge_reportedly", "The council reportedly approved the new budget late on Tuesday.",
     "reportedly", UNNAMED, ANONYMOUS, None),
    ("outlet_told", "“We have nothing to hide,” a spokesperson for the band told TMZ on Friday.",
     "told", "a spokesperson for the band", ANONYMOUS, None),
    ("outlet_reported", "TMZ reported that the couple had quietly split in March.",
     "reported", "TMZ", OUTLET, None),
    ("outlet_according", "According to Snopes, the photograph was digitally altered.",
     "According to", "Snopes", OUTLET, None),
    ("outlet_the_guardian", "The Guardian reported that the minister had resigned over the scandal.",
     "reported", "The Guardian", OUTLET, None),
    ("outlet_agency", "The Jewish Telegraphic Agency reported that the rabbi had been released.",
     "reported", "Jewish Telegraphic Agency", OUTLET, None),
    ("outlet_whole_name", "NBC News reported that the mayor had left the party in June.",
     "reported", "NBC News", OUTLET, None),
    ("outlet_name_cut_short", "The mayor declined to comment. USA TODAY said the audit had found no fraud.",
     "said", "USA TODAY", OUTLET, None),
    ("outlet_local_station", "Channel 7 News reported that the bridge would stay closed until May.",
     "reported", "Channel 7 News", OUTLET, None),
    ("he_not_the_woman_named_before",
     "Dr. Michael Reyes, a plastic surgeon in Miami, examined the photographs of Jasmine Tridley. "
     "“There is no way this is real,” he said.",
     "said", "Michael Reyes", PERSON, None),
    ("he_after_she_spoke",
     "Jasmine Tridley insisted that the implant was real. Her story was doubted by Dr. Paul Kemper, a surgeon "
     "in Ohio. “I would be glad to go on record saying this is a made-up story,” he said.",
     "said", "Paul Kemper", PERSON, None),
    ("place_is_its_government", "Russia insisted that the talks would continue next week.",
     "insisted", "government of Russia", ORGANIZATION, None),
    ("title_before_name", "Attorney General Eric Schneiderman said the charity was not registered in the state.",
     "said", "Eric Schneiderman", PERSON, None),
    ("place_before_title", "Vermont Sen. Harold Beckett said the pipeline would not be approved this year.",
     "said", "Harold Beckett", PERSON, None),
    ("title_between_names", "House Speaker Linda Ferraro told reporters that the bill would pass on Monday.",
     "told", "Linda Ferraro", PERSON, None),
    ("plural_title", "Sens. Tom Albright and Rachel Moss said the agency had misled the committee.",
     "said", "Tom Albright", PERSON, None),
    ("military_ranks", "Retired Lt. Col. Dana Whitfield said the base had never been used for testing.",
     "said", "Dana Whitfield", PERSON, None),
    ("honorific_before_title_word", "Mr. Judge told the hearing that the records had been destroyed in 2019.",
     "told", "Mr. Judge", PERSON, None),
    ("list_of_names_one_and", "Sens. Ann Hollis (D-Ore.), Mark Jensen (D-Ohio) and Luis Ortega (D-N.J.) all "
     "suggested that the filings could support a fraud case.", "suggested", "Luis Ortega", PERSON, None),
    ("organisation_whole_name", "The Supreme Court ruled that the state law was unconstitutional.",
     "ruled", "Supreme Court", ORGANIZATION, None),
    ("relative_clause_ends",
     "A woman who claimed she had grown a sixth finger was lying and the whole story is a hoax.",
     "claimed", None, None, "was lying"),
    ("according_after_relative",
     "The woman who said she had married a ghost made up the whole tale, according to TMZ.",
     "said", None, None, "made up"),
]


def _extract(text):
    from quotes.extractors import extract
    return extract(text)


@pytest.mark.model
@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_news_speaker(nlp, row):
    from quotes.extractors.somebody import not_somebody
    _, text, cue, name, kind, not_in_content = row
    records = _extract(text)
    got = [(r.cue, r.speaker.name, r.speaker.kind, r.content) for r in records]
    mine = [r for r in records if r.cue == cue]
    if name is not None:
        assert any((r.speaker.name, r.speaker.kind) == (name, kind) for r in mine), got
    if not_in_content is not None:  # nobody but the outlet that reports it says the main clause
        assert all(not_in_content not in r.content for r in records if r.speaker.kind != OUTLET), got
    lex = load()
    assert [r.speaker.name for r in records if not_somebody(r.speaker.name, lex)] == [], got


@pytest.mark.model
def test_question_fragment_is_not_a_name(nlp):
    records = _extract("Did Senator Maria Lopez say that the bill would pass the Senate this year?")
    assert all(not r.speaker.name.startswith("Did") for r in records), [r.speaker.name for r in records]


SPEAKER_SETS = [
    # (id, text, the speakers of its records, in order)
    ("list_of_names_each_speaks", "Sens. Ann Hollis (D-Ore.), Mark Jensen (D-Ohio) and Luis Ortega (D-N.J.) all "
     "suggested that the filings could support a fraud case.", ["Ann Hollis", "Mark Jensen", "Luis Ortega"]),
    ("apposition_in_two_parts", "Helen Marsh, director of the Budget Policy Center and a professor at Tulane "
     "University, said the plan would cut revenue.", ["Helen Marsh"]),
]


@pytest.mark.model
@pytest.mark.parametrize("row", SPEAKER_SETS, ids=[r[0] for r in SPEAKER_SETS])
def test_speakers_of_a_sentence(nlp, row):
    _, text, names = row
    assert [r.speaker.name for r in _extract(text)] == names


@pytest.mark.model
def test_told_an_outlet_links_it(nlp):
    (r,) = [r for r in _extract("“We have nothing to hide,” a spokesperson for the band told TMZ on Friday.")
            if r.cue == "told"]
    assert [(c.name, c.kind) for c in r.chain] == [("TMZ", OUTLET)]


@pytest.mark.model
@pytest.mark.slow
def test_no_polnear_dev_speaker_names_nobody(nlp, polnear_dir):
    """Acceptance: over the PolNeAR dev predictions no speaker (nor chain link) is an adverb,
    a lone place or a bare title (``scripts/speaker_audit.py --polnear`` prints the same count)."""
    from quotes.evaluation.polnear import load_split
    from quotes.extractors import extract_many
    from quotes.extractors.somebody import audit
    records = [r for _, atts in extract_many(a for a, _ in load_split(polnear_dir / "dev")) for r in atts]
    assert len(records) > 1000
    found = audit(records, load())
    assert [(reason, name, r.doc, r.cue) for reason, name, r in found] == []
