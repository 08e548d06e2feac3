"""Quotation spans from raw text: rule tests, no model."""

import pytest

from quotes.extractors.marks import quote_spans


def contents(text):
    return [text[q.start:q.end] for q in quote_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we are ready" today.', ["we are ready"]),
    ("He said “we are ready” today.", ["we are ready"]),
    ("Il a dit « nous sommes prêts » hier.", [" nous sommes prêts "]),
    ("‘Not many reasons for optimism’: Peskov", ["Not many reasons for optimism"]),
    ("The leaders’ meeting and Erdogan’s visit.", []),
    ("Putin's 'special operation' began.", ["special operation"]),
    ("He didn't say 'yes' or 'no'.", ["yes", "no"]),
    # a quote running over two paragraphs: the first one opens without closing
    ("“We are ready.\n\n“We will act,” he said.", ["We are ready.\n\n“We will act,"]),
    # a stray closing mark loses nothing and swallows nothing
    ("A stray ” mark. Then “a quote” here.", ["a quote"]),
    # an unclosed quote ends with its paragraph
    ("He said “we are ready.\nNext paragraph “with a quote” here.", ["we are ready.", "with a quote"]),
    # a closing mark written the wrong way round at the end
    ("“I was ready to fly to Turkey. “\n\nNext.", ["I was ready to fly to Turkey."]),
    ("", []),
    ('"', []),
    ("“”", []),
])
def test_quote_spans(text, expected):
    assert contents(text) == expected


def test_nested_single_quotes_stay_inside_the_double_quote():
    text = "“He told me ‘never’ twice,” she said."
    assert contents(text) == ["He told me ‘never’ twice,"]


def test_offsets_index_the_text():
    text = open("data/examples/putin_nato_visit_postponed.txt", encoding="utf-8").read()
    spans = quote_spans(text)
    assert len(spans) >= 10
    for q in spans:
        assert text[q.open] in "“”\"«»‘’'"
        assert q.start == q.open + 1 and q.end <= len(text)
