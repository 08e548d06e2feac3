"""Words that UD English-EWT splits into several words: clitics after an apostrophe
(``don't`` -> ``do`` ``n't``), fused forms (``gonna`` -> ``gon`` ``na``) and contractions
written without their apostrophe (``dont`` -> ``do`` ``nt``, ``im`` -> ``i`` ``m``).

The fused forms are data (``lexicons/fused_words.tsv``); :mod:`quotes.nlp.tokenize` calls
:func:`split_word` for every word it finds. Offsets index the original text: the parts of
a word are adjacent substrings of it.

>>> t = "dont do it"
>>> [t[a:b] for a, b in split_word(t, 0, 4, first=True)]
['do', 'nt']
"""

from __future__ import annotations

import re
from typing import NamedTuple

from quotes.errors import InputError
from quotes.lexicons import lines

__all__ = ["split_word", "load_fused_words"]

_CLITICS = frozenset({"s", "m", "d", "re", "ve", "ll"})
#: Conditions of fused_words.tsv's third column.
ALWAYS, INITIAL, NEXT = "", "initial", "next"
_CONDITIONS = (ALWAYS, INITIAL, NEXT)
# The next word after a fused form, for the "next" condition: a word not followed by a
# hyphen or an apostrophe ("its all-time high" is the possessive).
_NEXT_RE = re.compile(r"[ \t]+([^\W\d_]+)(?![\w'’-])")


class Fused(NamedTuple):
    """A fused word's parts (their lengths, in order) and when it is split."""

    lengths: tuple[int, ...]
    condition: str


def load_fused_words() -> dict[str, Fused]:
    """Read ``lexicons/fused_words.tsv``: lower-cased word -> :class:`Fused`.

    >>> fused = load_fused_words()
    >>> fused["gonna"], fused["its"].condition
    (Fused(lengths=(3, 2), condition=''), 'next')
    """
    out: dict[str, Fused] = {}
    for line in lines("fused_words.tsv"):
        cols = [c.strip() for c in line.split("\t")]
        word, parts = cols[0].lower(), cols[1].lower().split() if len(cols) > 1 else []
        condition = cols[2] if len(cols) > 2 else ALWAYS
        if "".join(parts) != word or len(parts) < 2 or condition not in _CONDITIONS:
            raise InputError("fused_words.tsv", f"bad entry {line!r}: expected word<TAB>parts "
                             f"spelling the word[<TAB>{' or '.join(_CONDITIONS[1:])}]")
        out[word] = Fused(tuple(len(p) for p in parts), condition)
    return out


_FUSED = load_fused_words()
_LONGEST = max(map(len, _FUSED), default=0)
#: Words after which a "next" fused form splits (lexicons/contraction_followers.txt).
_FOLLOWERS = frozenset(w.lower() for w in lines("contraction_followers.txt"))


def split_word(text: str, start: int, end: int, *, first: bool) -> list[tuple[int, int]]:
    """The word spans of the word ``text[start:end]`` (``first``: it opens a sentence).

    >>> import re
    >>> def words(t):
    ...     return [t[a:b] for m in re.finditer(r"[\\w'’]+", t)
    ...             for a, b in split_word(t, m.start(), m.end(), first=m.start() == 0)]
    >>> words("Clinton's aides can't say its not gonna work; its own")
    ['Clinton', "'s", 'aides', 'ca', "n't", 'say', 'it', 's', 'not', 'gon', 'na', 'work', 'its', 'own']
    >>> words("Lets go"), words("it lets go")
    (['Let', 's', 'go'], ['it', 'lets', 'go'])
    """
    word = text[start:end]
    if "'" in word or "’" in word:
        return _split_clitic(text, start, end)
    fused = _FUSED.get(word.lower()) if end - start <= _LONGEST else None
    if fused is None or not _applies(fused.condition, text, start, end, first):
        return [(start, end)]
    spans, at = [], start
    for n in fused.lengths:
        spans.append((at, at + n))
        at += n
    return spans


def _applies(condition: str, text: str, start: int, end: int, first: bool) -> bool:
    """Rule "fused word": whether the condition of a fused form holds here."""
    if condition == INITIAL:
        return first or text[start].isupper()
    if condition == NEXT:
        m = _NEXT_RE.match(text, end)
        return m is not None and m.group(1).lower() in _FOLLOWERS
    return True


def _split_clitic(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Rule "clitic": the spans of a word containing an apostrophe, clitics split
    (``didn't`` -> ``did`` ``n't``, ``Putin's`` -> ``Putin`` ``'s``)."""
    word = text[start:end]
    lower = word.lower()
    if len(word) > 3 and lower[-3] == "n" and lower[-1] == "t" and lower[-2] in "'’":
        return [(start, end - 3), (end - 3, end)]
    cut = max(word.rfind("'"), word.rfind("’"))
    if cut > 0 and lower[cut + 1:] in _CLITICS:
        return [(start, start + cut), (start + cut, end)]
    return [(start, end)]
