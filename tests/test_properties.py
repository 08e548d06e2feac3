"""Property tests: arbitrary text never raises, and every record indexes the original text.

The rule layers (quotation marks, layout cues, tokenizer) run on anything, including
1 MB inputs, without a model; the whole extractor runs on hypothesis-generated articles
and on a 1 MB article with the models.
"""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.extractors.layout import layout_cues
from quotes.extractors.marks import quote_spans
from quotes.nlp.tokenize import tokenize

FRAGMENTS = ["“", "”", '"', "‘", "’", "'", "''", "«", "»", "―", " — ", ": ", "\n", "\n\n", ", ", ". ",
             " said ", " told ", " according to ", " reportedly ", "Peskov", "Dmitry Peskov", "he", "Tass",
             " a report that ", "<p>", "</p>", "<br/>", "&nbsp;", "&amp;", "<a href='x'>", "</a>",
             "PENCE: ", "Poll: ", "We are ready", " could not confirm ", "\t", "\u00a0", "é", "日本", "🙂"]

articles = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map("".join)


@given(articles)
@settings(max_examples=200, deadline=None)
def test_rule_layers_never_raise_and_stay_in_bounds(text):
    for q in quote_spans(text):
        assert 0 <= q.open < q.start <= q.end <= len(text)
    for c in layout_cues(text):
        assert 0 <= c.start < c.end <= len(text) and text[c.speaker_start:c.speaker_end] == c.speaker
    prev = 0
    for sent in tokenize(text):
        for a, b in sent:
            assert prev <= a < b <= len(text) and text[a:b].strip() == text[a:b]
            prev = b


def _big_text(size: int) -> str:
    rnd = random.Random(7)
    plain = ["<div class='story'>", "&nbsp;", "</div>", "The weather was mild and the market closed higher.",
             "Trade volumes rose again this week.", "\n\n", "<p>Prices fell.</p>"]
    marked = ["“An unclosed quote runs on", "A stray ” mark.", "‘Single’ quotes and apostrophes’ mix."]
    out, n = [], 0
    while n < size:
        p = rnd.choice(marked) if rnd.random() < 0.01 else rnd.choice(plain)
        out.append(p + " ")
        n += len(p) + 1
    return "".join(out)[:size]


def test_rule_layers_on_1mb():
    text = _big_text(1_000_000)
    spans = quote_spans(text)
    assert all(q.end - q.start < 20_000 for q in spans)  # one bad mark swallows no more than its paragraph
    assert sum(len(s) for s in tokenize(text)) > 100_000


@pytest.mark.model
@given(articles)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_extract_on_arbitrary_text(nlp, text):
    from quotes.extractors import extract
    for r in extract(text):
        assert text[r.start:r.end] == r.content
        assert r.type in ("direct", "indirect", "mixed")
        if r.speaker.start is not None:
            assert text[r.speaker.start:r.speaker.end] == r.speaker.mention


@pytest.mark.model
@pytest.mark.parametrize("text", ["", "   ", "\n\n", "“", "”", "“”", '"""', "said", "according to"])
def test_extract_on_degenerate_input(nlp, text):
    from quotes.extractors import extract
    assert all(text[r.start:r.end] == r.content for r in extract(text))


@pytest.mark.model
def test_extract_on_1mb_article(nlp):
    from quotes.extractors import extract
    text = _big_text(1_000_000) + "\n\n“We are ready,” Kremlin spokesman Dmitry Peskov told reporters."
    records = extract(text)
    assert records and all(text[r.start:r.end] == r.content for r in records)
    assert any(r.speaker.name == "Dmitry Peskov" for r in records)


# --- offsets always ordered and inside their record (news-like text, 2,000 examples) ----------------

NAMES = ["Ann Lee", "Dmitry Peskov", "he", "she", "they", "the spokesman", "officials", "Tass", "a source",
         "Mr. Obama", "Lee", "the Interfax news agency", "Reuters"]
VERBS = ["said", "told reporters", "added", "reported", "confirmed", "denied", "could not confirm", "argued",
         "claimed", "wrote", "according to", "noted", "insisted", "was quoted as saying", "said on Friday"]
CLAUSES = ["the deal was done", "deal the deal", "the visit was postponed", "we are ready", "it is over",
           "the bridge in Ankara was closed", "prices will rise", "the talks failed", "nothing changed"]
MARKS = ['"', "“", "”", "‘", "’", "'", '""', "", "", ""]
GLUE = [" ", " ", ", ", ". ", " that ", " — ", ": ", "\n\n", " and ", " who ", " (", ") ", ", who ", " . "]
news_like = st.lists(st.one_of(st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(CLAUSES),
                               st.sampled_from(MARKS), st.sampled_from(GLUE)),
                     min_size=3, max_size=30).map("".join)


def _check_offsets(text, r):
    span = f"record {r.start}-{r.end}"
    assert 0 <= r.start <= r.end <= len(text) and text[r.start:r.end] == r.content, span
    for a, b in r.parts:
        assert r.start <= a <= b <= r.end, f"{span}: part {a}-{b} outside it"
    assert list(r.parts) == sorted(r.parts), f"{span}: parts out of order"
    s = r.speaker
    if s.start is not None:
        assert 0 <= s.start <= s.end <= len(text) and text[s.start:s.end] == s.mention, \
            f"{span}: speaker {s.start}-{s.end}"
        assert s.mention.strip(), f"{span}: empty speaker mention"
    for link in r.chain:
        if link.start is not None:
            assert 0 <= link.start <= link.end <= len(text), f"{span}: chain link {link.start}-{link.end}"
    if r.cue_start is not None:
        assert 0 <= r.cue_start <= r.cue_end <= len(text), f"{span}: cue {r.cue_start}-{r.cue_end}"


@pytest.mark.model
@pytest.mark.slow
@given(news_like)
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
def test_offsets_are_ordered_and_inside_their_record(nlp, text):
    from quotes.extractors import extract
    for r in extract(text):
        _check_offsets(text, r)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    'Ann Lee according to "deal the deal." ',   # was: speaker 18-17 with an empty mention
    'he, deal was, added ""deal is deal"" . ',  # was: parts [[4, 8], [0, 36]] in a record 4-36
])
def test_offsets_found_wrong_before(nlp, text):
    from quotes.extractors import extract
    for r in extract(text):
        _check_offsets(text, r)
