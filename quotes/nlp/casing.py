"""Title-Case Headlines shown to the tagger in sentence case.

A tagger trained on running text reads "Lindsey Graham Says Trump Could Address Clean
Energy" as a string of proper nouns and finds no verb. Before tagging, a sentence written in
title case has its function words and the verbs of plain saying lower-cased (the list is
``lexicons/headline_function_words.txt``, extensible like the other lexicons); names and
other words stay as written. Only the forms the tagger sees change: offsets and the words'
own text are the original's.

>>> tagger_case(["Lindsey", "Graham", "Says", "Trump", "Could", "Address", "Clean", "Energy"])
['Lindsey', 'Graham', 'says', 'Trump', 'could', 'Address', 'Clean', 'Energy']
>>> tagger_case(["Graham", "Says", "the", "deal", "is", "off"])
['Graham', 'Says', 'the', 'deal', 'is', 'off']
"""

from __future__ import annotations

from typing import Sequence

from quotes.lexicons import load

#: Fewest capitalizable words for a sentence to count as a title-case headline.
MIN_WORDS = 3
#: Share of those words that must be capitalized.
MIN_SHARE = 0.8


def is_title_case(forms: Sequence[str]) -> bool:
    """Whether most words after the first (alphabetic, longer than three letters) are capitalized."""
    words = [f for f in forms[1:] if f.isalpha() and len(f) > 3]
    if len(words) < MIN_WORDS:
        return False
    return sum(f[0].isupper() and not f.isupper() for f in words) >= MIN_SHARE * len(words)


def tagger_case(forms: Sequence[str]) -> list[str]:
    """``forms`` with the function words and saying verbs of a title-case sentence in lower
    case; any other sentence unchanged."""
    if not is_title_case(forms):
        return list(forms)
    lower = load().headline_words
    return [f.lower() if f[:1].isupper() and f.lower() in lower and not f.isupper() else f for f in forms]
