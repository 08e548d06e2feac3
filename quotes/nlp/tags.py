"""Tags made to agree after tagging: the tagger predicts the universal tag (UPOS) and the
English one (XPOS) apart, and now and then they disagree.

A finite verb's XPOS (``VBD``, ``VBP``, ``VBZ``) has no noun reading in English, while a
noun UPOS on the same word is the tagger's commonest slip on reporting verbs in running
text ("though Lynch notes they were appointed", "many Democrats say Mrs. Clinton's
advantage obscures concerns"). The parser reads both tags and mostly builds the verb's
tree; the rules read the UPOS, so it is made a verb. Capitalised words keep their tags:
in a Title-Case Headline a capitalised "Reports" or "Quotes" is as often a noun.

>>> from quotes.types import Word
>>> w = Word(1, "notes", 0, 5, upos="NOUN", xpos="VBZ")
>>> agree_tags([w]); w.upos
'VERB'
"""

from __future__ import annotations

from typing import Iterable

from quotes.types import Word

#: XPOS tags of a finite verb: a word with one of these is no noun.
FINITE_VERB_TAGS = frozenset({"VBD", "VBP", "VBZ"})
#: The UPOS tags a finite verb's XPOS overrules.
NOUN_TAGS = frozenset({"NOUN", "PROPN"})


def agree_tags(words: Iterable[Word]) -> None:
    """Give a lower-case word tagged as a noun with a finite verb's XPOS the UPOS ``VERB``.

    >>> from quotes.types import Word
    >>> ws = [Word(1, "Reports", 0, 7, upos="PROPN", xpos="VBZ"), Word(2, "claims", 8, 14, upos="NOUN", xpos="NNS")]
    >>> agree_tags(ws); [w.upos for w in ws]
    ['PROPN', 'NOUN']
    """
    for w in words:
        if w.upos in NOUN_TAGS and w.xpos in FINITE_VERB_TAGS and w.text[:1].islower():
            w.upos = "VERB"
