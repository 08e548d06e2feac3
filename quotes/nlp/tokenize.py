"""Fast rule-based English tokenizer and sentence splitter for news text.

This is the cheap first pass of the NLP pipeline: pure Python + :mod:`re`,
several hundred thousand tokens per second, with exact character offsets
into the original text.  Tokenization follows the UD English-EWT
conventions that stanza's tagger and parser were trained on:

* punctuation, quotes (straight and curly), brackets and dashes are split
  off words; ``--`` and ``...`` are single tokens;
* decimals (``3.5``), thousands (``1,000``), times (``10:30``), dates
  (``9/11``), phone numbers, URLs, e-mail addresses, ``@handles`` and
  ``#hashtags`` stay whole; ``$100`` -> ``$`` ``100``; ``5%`` -> ``5`` ``%``;
* abbreviations (``U.S.``, ``Mr.``, ``e.g.``, ``a.m.``, initials ``J.``)
  keep their period; the list lives in ``lexicons/abbreviations.txt``;
* clitics are split as in EWT, with ``'`` and ``’`` treated alike:
  ``Clinton's`` -> ``Clinton`` ``'s``, ``don't`` -> ``do`` ``n't``,
  ``can't`` -> ``ca`` ``n't``, ``I'm`` -> ``I`` ``'m``, ``cannot`` ->
  ``can`` ``not``, ``gonna`` -> ``gon`` ``na``; ``leaders'`` ->
  ``leaders`` ``'``;
* hyphens are split off (``search - engine``, ``Al - Qaeda``,
  ``1969 - 1970``), which is what EWT does in the majority of cases,
  except after the bound prefixes EWT keeps attached (``e-mail``,
  ``non-stop``, ``re-election``, ``anti-war``, ...) and in phone numbers.

Sentences end after ``. ! ? ... …`` (plus any closing quotes/brackets glued
to them) when whitespace and an upper-case letter, digit or opening
quote/bracket follow; also before a lower-case word when the ``.`` is
glued to a word with no closing quote (``ok. then``, ``cars. iPhone``), but
not after ``?`` / ``!`` (``Why? he asked``, ``Yahoo! said``).  Never after a known abbreviation (``etc.``
excepted), and always at a line break.

Every offset pair ``(start, end)`` indexes the original string, so
``text[start:end]`` is the token (a clitic split gives two adjacent
substrings, e.g. ``ca`` + ``n't``).
"""

from __future__ import annotations

import re

from quotes.lexicons import lines

__all__ = ["tokenize", "sentences", "token_texts", "load_abbreviations"]

# Bound prefixes that EWT keeps attached to the following word with their
# hyphen ("e-mail", "non-stop", "re-election", "mid-1980s").  Derived from
# the hyphenated single tokens of en_ewt-ud-train.conllu; every other
# word-internal hyphen is split off, as EWT does in the majority of cases.
_HYPHEN_PREFIXES = (
    "e", "non", "pre", "post", "anti", "mid", "re", "co", "over", "pro",
    "multi", "ex", "sub", "semi", "cross", "neo", "psycho", "socio",
    "counter", "intra", "inter", "vice", "micro", "macro", "un", "arch",
    "bi", "tri", "quasi", "pseudo", "ultra", "mega", "mini", "self",
)

# Words EWT splits although they contain no apostrophe (stem length).
_SPLIT_WORDS = {"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3}
_SPLIT_WORDS_CASED = {
    variant: n
    for w, n in _SPLIT_WORDS.items()
    for variant in (w, w.capitalize(), w.upper())
}

_CLITICS = frozenset({"s", "m", "d", "re", "ve", "ll"})

_SENT_END = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset("\"'”’»)]}")
_OPENERS = frozenset("\"'“‘«([{¿¡")

_NO, _WEAK, _STRONG = 0, 1, 2  # sentence-end states used by tokenize()

_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x85\x0b\x0c]+")


def load_abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Read ``lexicons/abbreviations.txt``.

    Returns ``(abbreviations, sentence_final, number_only)``: all
    abbreviations (with their final period), the subset that may end a
    sentence, and the subset that is an abbreviation only before a number.

    >>> abbrevs, final, num = load_abbreviations()
    >>> "Sen." in abbrevs, "etc." in final, "No." in num
    (True, True, True)
    """
    abbrevs: set[str] = set()
    final: set[str] = set()
    num: set[str] = set()
    for line in lines("abbreviations.txt"):
        word, _, tag = line.partition("\t")
        word, tag = word.strip(), tag.strip()
        if tag == "num":
            num.add(word)
            continue
        abbrevs.add(word)
        if tag == "final":
            final.add(word)
    return frozenset(abbrevs | num), frozenset(final), frozenset(num)


_ABBREVS, _FINAL_ABBREVS, _NUM_ABBREVS = load_abbreviations()


def _alternation(words) -> str:
    # longest first so that e.g. "Mrs." is preferred over "Mr" + "s."
    return "|".join(re.escape(w[:-1]) for w in sorted(words, key=len, reverse=True))


_PREFIX_ALT = "|".join(sorted(_HYPHEN_PREFIXES, key=len, reverse=True))

# Order matters: at each position the first alternative that matches wins.
_TOKEN_RE = re.compile(
    r"""
    (?P<url>(?:https?://|ftp://|www\.|mailto:)[^\s<>"“”«»]*[^\s<>"“”«».,;:!?'’)\]])
  | (?P<email>\w[\w.+-]*@\w[\w-]*(?:\.\w[\w-]*)*)
  | (?P<emoticon>(?<!\w)[:;]-?[()DPp](?!\w))
  | (?P<tag>[@\#][^\W\d]\w*)
  | (?P<phone>(?<!\d)(?:(?:1-)?(?:\d{3}-)?\d{3}|\d{5})-\d{4}(?![\w-]))
  | (?P<abbr>(?:%(abbr)s)\.(?!\w)
        | (?:%(num)s)\.(?=\s?\d)
        | (?:[^\W\d_]\.){2,}(?!\w)
        | [A-ZÀ-ÖØ-Þ]\.(?!\w))
  | (?P<year>['’]\d\ds?(?!\w))
  | (?P<number>\d+(?:[,:/]\d+)+(?:[.,]\d+)*(?:s|st|nd|rd|th)?)
  | (?P<word>(?:(?i:%(prefix)s)-(?=\w))?\w+(?:[.&]\w+)*(?P<apos>(?:['’]\w+)+)?)
  | (?P<dash>-{2,}|[—–―])
  | (?P<dquote>''|``)
  | (?P<repeat>(?P<rc>[*=+^~_<>|\\/])(?P=rc)+)
  | (?P<ellipsis>\.{2,}|…)
  | (?P<excl>[!?]+)
  | (?P<other>\S)
    """
    % {
        "abbr": _alternation(_ABBREVS - _NUM_ABBREVS),
        "num": _alternation(_NUM_ABBREVS),
        "prefix": _PREFIX_ALT,
    },
    re.VERBOSE,
)


def _split_clitic(text: str, start: int, end: int, out: list) -> None:
    """Append the spans of a word containing an apostrophe, clitics split."""
    word = text[start:end]
    n = len(word)
    lower = word.lower()
    if n > 3 and lower[-3] == "n" and lower[-1] == "t" and lower[-2] in "'’":
        out.append((start, end - 3))
        out.append((end - 3, end))
        return
    cut = max(word.rfind("'"), word.rfind("’"))
    if cut > 0 and lower[cut + 1:] in _CLITICS:
        out.append((start, start + cut))
        out.append((start + cut, end))
        return
    out.append((start, end))


def tokenize(text: str) -> list[list[tuple[int, int]]]:
    """Split ``text`` into sentences of tokens, as ``(start, end)`` offsets.

    ``text[start:end]`` is the token; offsets are increasing and never
    overlap.  Every line break ends a sentence.

    >>> text = "Mr. Smith didn't go to the U.S. He stayed home."
    >>> [[text[s:e] for s, e in sent] for sent in tokenize(text)]
    [['Mr.', 'Smith', 'did', "n't", 'go', 'to', 'the', 'U.S.', 'He', 'stayed', 'home', '.']]
    >>> text = "“Yes,” he said. “We will.”"
    >>> [[text[s:e] for s, e in sent] for sent in tokenize(text)]
    [['“', 'Yes', ',', '”', 'he', 'said', '.'], ['“', 'We', 'will', '.', '”']]
    """
    result: list[list[tuple[int, int]]] = []
    for line in _LINE_RE.finditer(text):
        _tokenize_line(text, line.start(), line.end(), result)
    return result


def _tokenize_line(text: str, line_start: int, line_end: int, result: list) -> None:
    """Append the sentences of one line (a line break always ends a sentence) to ``result``."""
    sent: list[tuple[int, int]] = []
    append = sent.append
    # _NO: no sentence end pending; _WEAK: a boundary if whitespace and an
    # upper-case letter, digit or opening quote/bracket follow; _STRONG
    # ("." glued to a word, no closing quote): a lower-case word after
    # whitespace also starts a new sentence ("ok. then", "cars. iPhone").
    ended = _NO
    prev_end = -1
    prev_word = False
    for m in _TOKEN_RE.finditer(text, line_start, line_end):
        start, end = m.span()
        kind = m.lastgroup
        if ended and start > prev_end:
            c = text[start]
            if c.isupper() or c.isdigit() or c in _OPENERS or (ended is _STRONG and c.islower()):
                result.append(sent)
                sent = []
                append = sent.append
            ended = _NO
        if kind == "word":
            _append_word(text, m, start, end, sent)
            ended = _NO
            prev_word = True
        else:
            append((start, end))
            ended = _ending(text, m, kind, start == prev_end, prev_word, ended)
            prev_word = False
        prev_end = end
    if sent:
        result.append(sent)


def _append_word(text: str, m: re.Match, start: int, end: int, sent: list) -> None:
    """A word's token spans: clitics split off ("did", "n't"), and the few fused words split."""
    if m.start("apos") >= 0:
        _split_clitic(text, start, end, sent)
        return
    n = _SPLIT_WORDS_CASED.get(m.group()) if end - start < 7 else None
    if n:
        sent.append((start, start + n))
        sent.append((start + n, end))
    else:
        sent.append((start, end))


def _ending(text: str, m: re.Match, kind: str, glued: bool, prev_word: bool, ended):
    """Whether a sentence end is pending after this non-word token (_NO, _WEAK or _STRONG)."""
    if kind == "other":
        c = text[m.start()]
        if c in _SENT_END:
            return _STRONG if (glued and prev_word and c == ".") else _WEAK
        if ended and glued and c in _CLOSERS:
            return _WEAK  # `.”` ends a sentence, `?” he asked` does not
        return _NO
    if kind == "excl" or kind == "ellipsis":
        return _WEAK
    if kind == "abbr":
        return _WEAK if m.group() in _FINAL_ABBREVS else _NO
    return _NO


def sentences(text: str) -> list[tuple[int, int]]:
    """Return sentence spans ``(start, end)``: first token start, last token end.

    >>> text = "Sen. Warren spoke at 10 a.m. on Jan. 5. Nobody listened!"
    >>> [text[s:e] for s, e in sentences(text)]
    ['Sen. Warren spoke at 10 a.m. on Jan. 5.', 'Nobody listened!']
    """
    return [(sent[0][0], sent[-1][1]) for sent in tokenize(text)]


def token_texts(text: str) -> list[list[str]]:
    """Convenience: the token strings of :func:`tokenize`, per sentence.

    >>> token_texts("Clinton’s aides won't say. They're 5% sure it costs $100.")
    [['Clinton', '’s', 'aides', 'wo', "n't", 'say', '.'],
     ['They', "'re", '5', '%', 'sure', 'it', 'costs', '$', '100', '.']]
    """
    return [[text[s:e] for s, e in sent] for sent in tokenize(text)]
