"""Tags made to agree after tagging (quotes.nlp.tags): no model needed."""

import pytest

from quotes.nlp.tags import agree_tags
from quotes.types import Word


@pytest.mark.parametrize("text, upos, xpos, expected", [
    ("notes", "NOUN", "VBZ", "VERB"),      # "though Lynch notes they were appointed"
    ("obscures", "NOUN", "VBZ", "VERB"),   # "advantage obscures concerns"
    ("announced", "PROPN", "VBD", "VERB"),
    ("say", "NOUN", "VBP", "VERB"),        # "Six in 10 say he is decisive"
    ("Reports", "PROPN", "VBZ", "PROPN"),  # capitalised: a headline's noun as often
    ("comment", "NOUN", "VB", "NOUN"),     # a base form may be a noun ("no comment")
    ("claims", "NOUN", "NNS", "NOUN"),     # the tags agree
    ("running", "NOUN", "VBG", "NOUN"),    # a gerund is a noun in UD
    ("alleged", "ADJ", "VBN", "ADJ"),      # a participle is an adjective in UD
])
def test_finite_verb_tag_overrules_a_noun(text, upos, xpos, expected):
    w = Word(1, text, 0, len(text), upos=upos, xpos=xpos)
    agree_tags([w])
    assert w.upos == expected
