"""One proposition per statement: an attribution's content cut into its sentences.

A quotation often runs over several sentences ("I think we will be able to meet. Indeed,
I am planning this. ... I was ready to fly to Turkey."), and each sentence can say
something else. Claims are grouped from the pieces: each piece is a record like its
parent (same speaker, chain, cue, stance, type), with its own offsets into the article
(``text[start:end] == content`` still holds) and the key ``<parent key>~s<n>``. A
statement its cue interrupts is cut at the cue first (its ``parts``). A content of one
sentence stays the record it was.

>>> from quotes.types import Attribution, Speaker
>>> text = "We act now. The dates will be agreed."
>>> a = Attribution("d", "direct", text, 0, len(text), "said", "asserts", Speaker("Ann", "Ann"))
>>> [(p.content, p.start, p.end, p.id) for p in pieces(a)]
[('We act now.', 0, 11, 'd:0-11~s0'), ('The dates will be agreed.', 12, 37, 'd:12-37~s1')]
"""

from __future__ import annotations

from dataclasses import replace

from quotes.nlp.tokenize import sentences
from quotes.types import Attribution

#: Characters trimmed from a piece's ends (quotation marks and the spaces around them).
TRIM = " \t\n\"“”‘’'«»"


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for s, e in sentences(text[start:end]):
        piece = text[start + s:start + e]
        lead = len(piece) - len(piece.lstrip(TRIM))
        trail = len(piece) - len(piece.rstrip(TRIM))
        if e - s - lead - trail > 0:
            out.append((start + s + lead, start + e - trail))
    return out


def pieces(a: Attribution) -> list[Attribution]:
    """The record cut into one record per sentence of what was said (see the module);
    ``[a]`` when it is one sentence.

    >>> from quotes.types import Attribution, Speaker
    >>> a = Attribution("d", "direct", "A visit is being prepared", 0, 25, "said", "asserts", Speaker("U", "U"))
    >>> pieces(a) == [a]
    True
    """
    text = " " * a.start + a.content  # offsets of the article, without its text
    spans = [sp for s, e in a.spans for sp in _spans(text, s, e)]
    if len(spans) <= 1:
        return [a]
    base = f"{a.key}~" if a.key else ""
    return [replace(a, content=text[s:e], start=s, end=e, parts=(), key=f"{base}s{n}")
            for n, (s, e) in enumerate(spans)]
