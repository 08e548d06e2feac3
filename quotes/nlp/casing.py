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

from dataclasses import dataclass
from typing import Sequence

from quotes.lexicons import fold, load

@dataclass(frozen=True)
class TitleCase:
    """A setting of :func:`is_title_case`: which words count, and how many must be capitalised."""

    min_words: int  #: fewest counted words
    min_share: float  #: share of the counted words that must be capitalised
    min_len: int = 1  #: counted words have at least this many characters
    skip_first: bool = False  #: the first word never counts (a sentence starts with a capital anyway)
    alphabetic: bool = False  #: counted words are all letters (else they start with one)
    all_caps: bool = True  #: an ALL-CAPS word counts as capitalised


#: Title-Case Headlines whose function words the tagger sees in lower case (ALL CAPS is not title case).
TAGGER = TitleCase(min_words=3, min_share=0.8, min_len=4, skip_first=True, alphabetic=True, all_caps=False)
#: A headline whose capitals name nobody ("Gold Star Mom Corners Obama"), for the speakers' name registry.
HEADLINE = TitleCase(min_words=4, min_share=0.75, min_len=4)
#: A statement whose capitals do not mark names, for claim keys (stopwords passed as ``ignore``).
CLAIM = TitleCase(min_words=4, min_share=0.6)


def is_title_case(forms: Sequence[str], setting: TitleCase = TAGGER, ignore: frozenset[str] = frozenset()) -> bool:
    """Whether most of the words ``setting`` counts are capitalised (words whose :func:`fold` is in
    ``ignore`` never count). The project's one title-case test; its settings are named above.

    >>> is_title_case("Lindsey Graham Says Trump Could Address Clean Energy".split())
    True
    >>> shout = "AUSTRALIA: WOMAN GIVES BIRTH TO BABY".split()
    >>> is_title_case(shout), is_title_case(shout, HEADLINE)
    (False, True)
    """
    words = forms[1:] if setting.skip_first else forms
    words = [f for f in words if len(f) >= setting.min_len and (f.isalpha() if setting.alphabetic else f[:1].isalpha())]
    if ignore:
        words = [f for f in words if fold(f) not in ignore]
    if len(words) < setting.min_words:
        return False
    caps = sum(f[:1].isupper() and (setting.all_caps or not f.isupper()) for f in words)
    return caps >= setting.min_share * len(words)


def tagger_case(forms: Sequence[str]) -> list[str]:
    """``forms`` with the function words and saying verbs of a title-case sentence in lower
    case; any other sentence unchanged."""
    if not is_title_case(forms):
        return list(forms)
    lower = load().headline_words
    return [f.lower() if f[:1].isupper() and f.lower() in lower and not f.isupper() else f for f in forms]
