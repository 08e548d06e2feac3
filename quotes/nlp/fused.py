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

__all__ = ["split_word", "load_fused_words", "multiword_tokens"]

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


def multiword_tokens(text: str, spans: list[tuple[int, int]]) -> dict[int, int]:
    """The multiword tokens among a sentence's word spans: index of a token's first word ->
    index of its last. A token is several words that share one span (stanza's tokenizer
    gives each word of a token the token's span) or adjacent words :func:`split_word` made
    of one written word (``do`` ``n't``, ``gon`` ``na``, ``Putin`` ``'s``), as CoNLL-U and
    EWT write them (``1-2 don't``).

    >>> t = "I don't know Putin's plan."
    >>> multiword_tokens(t, [(0, 1), (2, 4), (4, 7), (8, 12), (13, 18), (18, 20), (21, 25), (25, 26)])
    {1: 2, 4: 5}
    >>> multiword_tokens("don't", [(0, 5), (0, 5)])
    {0: 1}
    """
    out: dict[int, int] = {}
    i = 0
    while i < len(spans) - 1:
        j = i
        while j + 1 < len(spans) and spans[j + 1] == spans[i]:
            j += 1
        if j == i:
            j = _written_word(text, spans, i)
        if j > i:
            out[i] = j
        i = j + 1
    return out


def _written_word(text: str, spans: list[tuple[int, int]], i: int) -> int:
    """The index of the last word of the written word that starts at word ``i`` (``i``
    itself when it is a word of its own)."""
    for n in (3, 2):
        part = spans[i:i + n]
        if len(part) == n and all(a[1] == b[0] for a, b in zip(part, part[1:])):
            if split_word(text, part[0][0], part[-1][1], first=i == 0) == part:
                return i + n - 1
    return i
