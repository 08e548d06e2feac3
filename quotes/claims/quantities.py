"""Quantities written one way: "72M", "72 million" and "72,000,000" are one content key.

Reports of one claim write its numbers differently ("$72m", "72 million dollars",
"ten percent", "10%"). Before a statement is cut into content keys, every quantity in it
is rewritten as one token: the number multiplied out by its scale words ("million",
"bn", "k"), digits for number words ("two" -> ``2``), ``d`` for a decimal point (keys
are words) and ``pct`` for a percent sign or word. The words are data,
``quotes/lexicons/claim_quantities.tsv``.

>>> canonical("72M voters, 72 million voters and 72,000,000 voters")
'72000000 voters, 72000000 voters and 72000000 voters'
>>> canonical("ten percent, 10 per cent and 10%; a 1.5bn deal")
'10pct, 10pct and 10pct; a 1500000000 deal'
>>> canonical("no one came; one million came")
'no one came; 1000000 came'
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from quotes.errors import InputError
from quotes.lexicons import fold, lines
from quotes.lexicons.patterns import alternatives

LEXICON = "claim_quantities.tsv"
#: The kinds of entry in the lexicon (see its header).
KINDS = ("number", "counted", "article", "scale", "suffix", "percent")
#: How a quantity's percent is written in its key ("10pct").
PERCENT = "pct"
#: How a decimal point is written in a key ("1d5"): a key is a word.
POINT = "d"
#: Values of the number words that make one number together, tens then units ("twenty-five").
TENS = frozenset(range(20, 100, 10))
UNITS = frozenset(range(1, 10))
#: Digits as written: with thousands commas, with a decimal part, or a bare decimal part.
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"


class Table(NamedTuple):
    """The quantity words of the lexicon, by kind (folded word -> value)."""

    numbers: dict[str, Decimal]
    counted: dict[str, Decimal]
    articles: dict[str, Decimal]
    scales: dict[str, Decimal]
    suffixes: dict[str, Decimal]
    percents: frozenset[str]
    #: every number word (number, counted, article) with its value, merged once for :func:`_rewrite`
    words: dict[str, Decimal]


@lru_cache(maxsize=1)
def table() -> Table:
    """The lexicon, read once; a malformed line is an :class:`~quotes.errors.InputError`.

    >>> t = table(); t.numbers["two"], t.scales["million"], "%" in t.percents
    (Decimal('2'), Decimal('1000000'), True)
    """
    kinds: dict[str, dict[str, Decimal]] = {k: {} for k in KINDS}
    for ln in lines(LEXICON):
        word, _, rest = ln.partition("\t")
        kind, _, value = rest.partition("\t")
        if kind not in KINDS:
            raise InputError(LEXICON, f"expected 'word<TAB>kind<TAB>value' with a kind of {', '.join(KINDS)}, "
                             f"got {ln!r}")
        try:
            kinds[kind][fold(word)] = Decimal(value) if kind != "percent" else Decimal(0)
        except InvalidOperation:
            raise InputError(LEXICON, f"expected a number as the value of {word!r}, got {value!r}") from None
    return Table(kinds["number"], kinds["counted"], kinds["article"], kinds["scale"], kinds["suffix"],
                 frozenset(kinds["percent"]), kinds["number"] | kinds["counted"] | kinds["article"])


@lru_cache(maxsize=1)
def pattern() -> re.Pattern:
    """One regular expression for a quantity (digits or number words, scale words, a percent),
    built once from :func:`table`.

    >>> pattern().search("up to 3.5 per cent").group("digits", "percent")
    ('3.5', ' per cent')
    """
    t = table()
    counts = t.numbers | t.counted
    tens = alternatives(w for w, v in counts.items() if v in TENS)
    units = alternatives(w for w, v in counts.items() if v in UNITS)
    word = alternatives(t.words)
    scale, suffix = alternatives(t.scales), alternatives(t.suffixes)
    pct_words = alternatives(p for p in t.percents if p[:1].isalpha())
    pct_signs = alternatives(p for p in t.percents if not p[:1].isalpha())
    return re.compile(
        rf"(?<![\w.,])(?:(?P<digits>{DIGITS})(?:(?P<suffix>{suffix})(?![\w]))?"
        rf"|(?P<words>(?:{tens})[-\s]+(?:{units})|(?:{word}))(?!-\w))(?!\w)"
        rf"(?P<scales>(?:[-\s]*(?:{scale})(?!\w))*)"
        rf"(?P<percent>\s*(?:{pct_signs})|\s+(?:{pct_words})(?!\w))?",
        re.IGNORECASE)


def _words_value(words: str, t: Table) -> Decimal:
    """The value of one number word, or of tens and units ("twenty-five")."""
    return sum((t.words[fold(w)] for w in re.split(r"[-\s]+", words) if w), Decimal(0))


def _not_a_count(word: str, scaled: bool, percent: bool, t: Table) -> bool:
    """'one' alone and 'a' without a scale word are not counts ("no one", "a percent")."""
    w = fold(word)
    return (w in t.articles and not scaled) or (w in t.counted and not (scaled or percent))


def _key(value: Decimal, percent: bool) -> str:
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", POINT) + (PERCENT if percent else "")


def _rewrite(m: re.Match) -> str:
    t = table()
    scales = [fold(s) for s in re.split(r"[-\s]+", m.group("scales")) if s]
    if m.group("digits"):
        value = Decimal(m.group("digits").replace(",", ""))
        if m.group("suffix"):
            value *= t.suffixes[fold(m.group("suffix"))]
    else:
        if _not_a_count(m.group("words"), bool(scales), bool(m.group("percent")), t):
            return m.group(0)
        value = _words_value(m.group("words"), t)
    for s in scales:
        value *= t.scales[s]
    return _key(value, bool(m.group("percent")))


def canonical(text: str) -> str:
    """``text`` with every quantity rewritten as its key (see the module's examples).

    >>> canonical("Two-thirds of 2,500 people, a dozen, twenty-five and .5")
    'Two-thirds of 2500 people, 12, 25 and 0d5'
    """
    return pattern().sub(_rewrite, text)
