"""What reaches the parser is bounded: long sentences are parsed in pieces.

The parser's memory grows with the square of a sentence's length (a line of 2,000
quotation marks took 15 GB), so a sentence longer than :data:`MAX_WORDS` words (news
sentences stay under ~230) is cut into pieces of at most that many, after punctuation where
there is some, and a warning names the article and the offset (logger ``quotes``). A long
run of marks with no word in it is not parsed at all (:func:`wordless`).
"""

from __future__ import annotations

import logging

from quotes.types import Sentence, Word

#: The longest sentence, in words, the parser gets; longer ones are parsed in pieces.
MAX_WORDS = 250
#: Words a piece may end on, so a long sentence is cut at a clause or quotation boundary.
_CUT_AFTER = frozenset(",;:\"“”'‘’—–).!?")
log = logging.getLogger("quotes")


def cap_sentences(sents: list[Sentence], doc_id: str = "doc", limit: int = MAX_WORDS) -> list[Sentence]:
    """``sents`` with every sentence over ``limit`` words cut into pieces of at most
    ``limit`` words (after the last punctuation in a piece's second half, if any), numbered
    anew; a warning per cut sentence names the document and the offset.

    >>> from quotes.types import Word
    >>> long = Sentence(0, 0, 11, [Word(i + 1, "a,"[i % 2], 2 * i, 2 * i + 1) for i in range(6)])
    >>> [[w.text for w in s.words] for s in cap_sentences([long], limit=4)]
    [['a', ',', 'a', ','], ['a', ',']]
    """
    if all(len(s.words) <= limit for s in sents):
        return sents
    out: list[Sentence] = []
    for s in sents:
        if len(s.words) <= limit:
            out.append(s)
            continue
        pieces = _pieces(s.words, limit)
        log.warning("%s: the sentence at offset %d has %d words, over the %d the parser takes; "
                    "parsed in %d pieces", doc_id, s.start, len(s.words), limit, len(pieces))
        for words in pieces:
            for k, w in enumerate(words):
                w.id = k + 1
            out.append(Sentence(index=0, start=words[0].start, end=words[-1].end, words=words, parsed=False,
                                role=s.role))
    for i, s in enumerate(out):
        s.index = i
    return out


def _pieces(words: list[Word], limit: int) -> list[list[Word]]:
    pieces, i = [], 0
    while len(words) - i > limit:
        cut = next((j + 1 for j in range(i + limit - 1, i + limit // 2, -1) if words[j].text in _CUT_AFTER),
                   i + limit)
        pieces.append(words[i:cut])
        i = cut
    return pieces + [words[i:]]


def wordless(sent: Sentence, longer_than: int = 20) -> bool:
    """A long run of marks with no letter or digit in it (a line of quotation marks): nothing to parse.

    >>> from quotes.types import Word
    >>> wordless(Sentence(0, 0, 30, [Word(i + 1, '"', i, i + 1) for i in range(30)]))
    True
    """
    return len(sent.words) > longer_than and not any(c.isalnum() for w in sent.words for c in w.text)
