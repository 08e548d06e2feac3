"""Fast rule-based English tokenizer and sentence splitter for news text.

This is the cheap first pass of the NLP pipeline: pure Python + :mod:`re`,
several hundred thousand tokens per second, with exact character offsets
into the original text.  Tokenization follows the UD English-EWT
conventions that stanza's tagger and parser were trained on:

* punctuation, quotes (straight and curly), brackets and dashes are split
  off words; ``--`` and ``...`` are single tokens;
* decimals (``3.5``), thousands (``1,000``), times (``10:30``), dates
  (``9/11``), phone numbers (``+44``, ``3-5213``), URLs, e-mail addresses,
  ``@handles``, ``#hashtags``, ``w/``, ``b/c``, ``US$`` and ``$$$`` stay
  whole; ``$100`` -> ``$`` ``100``; ``5%`` -> ``5`` ``%``;
* abbreviations (``U.S.``, ``Mr.``, ``e.g.``, ``a.m.``, initials ``J.``)
  keep their period; the list lives in ``lexicons/abbreviations.txt``;
* clitics are split as in EWT, with ``'`` and ``’`` treated alike:
  ``Clinton's`` -> ``Clinton`` ``'s``, ``don't`` -> ``do`` ``n't``,
  ``can't`` -> ``ca`` ``n't``, ``I'm`` -> ``I`` ``'m``; ``leaders'`` ->
  ``leaders`` ``'``; so are fused words (``lexicons/fused_words.tsv``:
  ``cannot`` -> ``can`` ``not``, ``gonna`` -> ``gon`` ``na``, ``dont`` ->
  ``do`` ``nt``; :mod:`quotes.nlp.fused`), but not decades (``the 70's``);
* a unit glued to a number is a word (``5kg`` -> ``5`` ``kg``; not ``21st``,
  ``1990s``, ``3G``: ``lexicons/number_suffixes.txt``); a slash between two
  numbers splits unless they read as a date (``24 / 7``, ``9/11``);
* hyphens are split off (``search - engine``, ``Al - Qaeda``,
  ``1969 - 1970``), which is what EWT does in the majority of cases,
  except after the bound prefixes EWT keeps attached (``e-mail``,
  ``non-stop``, ``re-election``, ``anti-war``, ...) and in phone numbers.

Sentences end after ``. ! ? ... …`` (plus any closing quotes/brackets glued
to them) when whitespace and an upper-case letter, digit, opening
quote/bracket, currency sign or bullet dash follow; also before a lower-case
word after ``?`` / ``!`` and after a ``.`` glued to a word with no closing quote
(``ok. then``, ``cars. iPhone``, ``really? where``: web text), but not after
``?” he asked``.  After a known abbreviation only before a sentence starter
(``Apple Inc. The company``; ``lexicons/sentence_starters.txt``), and the
abbreviation then gives its period to the sentence as EWT does (``etc`` ``.``).
Emoticons end a sentence before a capital, and so do a URL or e-mail address
(or before another URL) and a letter's closing (``Best regards,``;
``lexicons/valedictions.txt``); an e-mail time stamp and a separator line
(``***``) stand alone; a list marker (``1.``) opening a sentence ends none.  A
line break always ends a sentence.

Every offset pair ``(start, end)`` indexes the original string, so
``text[start:end]`` is the token (a clitic split gives two adjacent
substrings, e.g. ``ca`` + ``n't``).
"""

from __future__ import annotations

import re

from quotes.lexicons import lines
from quotes.nlp.fused import split_word

__all__ = ["tokenize", "sentences", "token_texts", "load_abbreviations"]

# Bound prefixes that EWT keeps attached to the following word with their hyphen
# ("e-mail", "re-election", "mid-1980s"): lexicons/hyphen_prefixes.txt. Every other
# word-internal hyphen is split off, as EWT does in the majority of cases.
_HYPHEN_PREFIXES = tuple(lines("hyphen_prefixes.txt"))

_SENT_END = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset("\"'”’»)]}")
_OPENERS = frozenset("\"'“‘«([{¿¡")
# After a sentence end, these open the next sentence as an upper-case letter does:
# currency ("... in 2004. $200m - Amount ...") and list bullets or a signature's dash
# ("... for now. -- Liz", "... alone. - Simone Weil").
_NEXT_OPENERS = frozenset("$£€¥-–—•")

# Sentence-end states used by tokenize(): _NO none pending; _ABBR an abbreviation's
# period (a boundary only before a sentence starter: "Apple Inc. The company");
# _WEAK a boundary before whitespace and an upper-case letter, digit, opening
# quote/bracket, currency sign or bullet; _STRONG also before a lower-case word
# ("ok. then", "Why? he asked") or an upper-case word glued to the period ("hint.Then").
_NO, _ABBR, _WEAK, _STRONG = 0, 1, 2, 3
# _CAPS, after a URL or e-mail address: a boundary only before a capitalised word or
# another URL ("... www.risk.com/aus Beth has made"; in EWT train 47 of 54 and 35 of 37
# such places are one); also after the comma of a closing ("Regards, Anne Clayton"). Not
# before a one-letter word ("Thanks, I know").
_CAPS = 4

# Rule "e-mail time stamp": "04/16/2001 03:11 PM" in a header is a sentence of its own,
# or ends the sentence it closes ("Chris.Germany@enron.com on 01/25/2002 03:13:58 PM").
_STAMP_RE = re.compile(r"(?<![\w/])(?P<on>(?:on|at)\s+)?\d{1,2}/\d{1,2}/\d{2,4}"
                       r"\s+\d{1,2}:\d\d(?::\d\d)?\s*[AaPp]\.?[Mm]\b\.?(?=\s+[A-Z<\"'(\d])")

_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x85\x0b\x0c]+")


def load_abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Read ``lexicons/abbreviations.txt``.

    Returns ``(abbreviations, sentence_final, number_only)``: all
    abbreviations (with their final period), the subset that may end a
    sentence, and the subset that is an abbreviation only before a number.
    Names ending in ``!`` ("Yahoo!") are read by :func:`load_bang_names`.

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
        if word.endswith("!"):
            continue
        if tag == "num":
            num.add(word)
            continue
        abbrevs.add(word)
        if tag == "final":
            final.add(word)
    return frozenset(abbrevs | num), frozenset(final), frozenset(num)


def load_bang_names() -> frozenset[str]:
    """The names of ``lexicons/abbreviations.txt`` that end in ``!`` and keep it as one
    token that ends no sentence ("Yahoo!", as EWT has it).

    >>> "Yahoo!" in load_bang_names()
    True
    """
    return frozenset(w.split("\t")[0].strip() for w in lines("abbreviations.txt")
                     if w.split("\t")[0].strip().endswith("!"))


_ABBREVS, _FINAL_ABBREVS, _NUM_ABBREVS = load_abbreviations()
_BANG_NAMES = load_bang_names()
#: Words that start a sentence after an abbreviation (lexicons/sentence_starters.txt).
_STARTERS = frozenset(lines("sentence_starters.txt"))
#: Closings of a letter ("Regards,"): lexicons/valedictions.txt.
_VALEDICTIONS = frozenset(v.lower() for v in lines("valedictions.txt"))


def _alternation(words) -> str:
    # longest first so that e.g. "Mrs." is preferred over "Mr" + "s."
    return "|".join(re.escape(w[:-1]) for w in sorted(words, key=len, reverse=True))


_PREFIX_ALT = "|".join(sorted(_HYPHEN_PREFIXES, key=len, reverse=True))

# Order matters: at each position the first alternative that matches wins.
_TOKEN_RE = re.compile(
    r"""
    (?P<url>(?:https?://|ftp://|www\.|mailto:)[^\s<>"“”«»]*[^\s<>"“”«».,;:!?'’)\]])
  | (?P<email>\w[\w.+-]*@\w[\w-]*(?:\.\w[\w-]*)*)
  | (?P<emoticon>(?<!\w)[:;=]-?[()DPp](?!\w)|\^_\^)
  | (?P<bang>(?:%(bang)s)!(?!\w))
  | (?P<tag>[@\#][^\W\d]\w*)
  | (?P<phone>(?<![\d-])(?:(?:1-)?(?:\d{3}[-/])?\d{3}|\d{5}|\d)-\d{4}(?![\w-])
        | (?<![\w+])\+\d{1,3}(?=[ \t]?\(?\d|[-.]\d))
  | (?P<slash>(?:%(slash)s)(?![\w/]))
  | (?P<abbr>(?:%(abbr)s)\.(?!\w|\.\.)
        | (?:%(num)s)\.(?=\s?\d)
        | (?:[^\W\d_]\.){2,}(?!\w)
        | [A-ZÀ-ÖØ-Þ]\.(?!\w))
  | (?P<year>['’]\d\ds?(?!\w))
  | (?P<clock>\d{1,2}(?=[ap]m(?!\w)|[AP]M(?!\w)))
  | (?P<ratio>(?!(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\w/]))\d+(?=/\d+(?![\w/])))
  | (?P<number>\d+(?:[,:/]\d+)+(?:[.,]\d+)*(?:s|st|nd|rd|th)?)
  | (?P<decade>\d+['’]s(?!\w))
  | (?P<measure>\d+(?:\.\d+)?(?=[^\W\d_]+(?!\w))(?!(?:%(suffix)s)(?!\w)) | \d+(?=['’]\d))
  | (?P<money>\$\$+|(?<![\w$])[A-Z]{1,2}\$(?=\s|\d))
  | (?P<word>(?:(?i:%(prefix)s)-(?=\w))?\w+(?:&\w+|\.(?!(?<=[a-z]{2}\.)[A-Z][a-z])\w+)*(?P<apos>(?:['’]\w+)+)?)
  | (?P<rule>(?=[-=]{3})[-=]*(?:-=|=-)[-=]*)
  | (?P<extension>(?<![\w.])\.(?i:%(ext)s)(?!\w))
  | (?P<dash>-{2,}|[—–―])
  | (?P<dquote>''|``|’’|‘‘|‘’)
  | (?P<repeat>(?P<rc>[*=+^~_<>|\\/])(?P=rc)+)
  | (?P<ellipsis>\.{2,}|…)
  | (?P<excl>[.,]?[!?]+)
  | (?P<other>\S)
    """
    % {
        "abbr": _alternation(_ABBREVS - _NUM_ABBREVS),
        "num": _alternation(_NUM_ABBREVS),
        "prefix": _PREFIX_ALT,
        "ext": "|".join(sorted(lines("file_extensions.txt"), key=len, reverse=True)),
        "slash": "|".join(re.escape(w) for w in sorted(lines("slash_abbreviations.txt"), key=len, reverse=True)),
        "suffix": "|".join(sorted(lines("number_suffixes.txt"), key=len, reverse=True)),
        "bang": "|".join(re.escape(w[:-1]) for w in sorted(_BANG_NAMES, key=len, reverse=True)) or "(?!)",
    },
    re.VERBOSE,
)


def tokenize(text: str) -> list[list[tuple[int, int]]]:
    """Split ``text`` into sentences of tokens, as ``(start, end)`` offsets.

    ``text[start:end]`` is the token; offsets are increasing and never
    overlap.  Every line break ends a sentence.

    >>> text = "Mr. Smith didn't go to the U.S. He stayed home."
    >>> [[text[s:e] for s, e in sent] for sent in tokenize(text)]
    [['Mr.', 'Smith', 'did', "n't", 'go', 'to', 'the', 'U.S', '.'], ['He', 'stayed', 'home', '.']]
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
    ended = _NO  # the sentence-end state after the previous token
    prev_end = -1
    prev_kind = ""
    forced = _forced_starts(text, line_start, line_end)
    for m in _TOKEN_RE.finditer(text, line_start, line_end):
        start, end = m.span()
        kind = m.lastgroup
        if sent and ((ended and _boundary(text, start, end, kind, ended, start == prev_end))
                     or start in forced or (start > prev_end and _separator(kind, start, end))):
            _close(text, sent, prev_kind)
            result.append(sent)
            sent = []
        if kind == "word":
            _append_word(text, m, start, end, sent)
            ended = _NO
        else:
            sent.append((start, end))
            ended = _ending(text, m, kind, start == prev_end, prev_kind == "word", ended)
            if ended and _list_marker(text, sent):
                ended = _NO
            elif kind == "other" and len(sent) < 5 and _valediction(text, sent):
                ended = _CAPS
        prev_end, prev_kind = end, kind
    if sent:
        _close(text, sent, prev_kind)
        result.append(sent)


def _boundary(text: str, start: int, end: int, kind: str, ended: int, glued: bool) -> bool:
    """Whether a sentence ends before the token ``text[start:end]``, given the pending end."""
    c = text[start]
    if glued:  # "hint.Then": a period glued to a lower-case word and to a capitalised one
        return ended is _STRONG and kind == "word" and c.isupper() and text[start - 1] == "."
    if ended is _ABBR:
        return kind == "word" and text[start:end] in _STARTERS
    if ended is _CAPS:
        return (kind == "word" and c.isupper() and end - start > 1) or kind == "url"
    if c.isupper() or c.isdigit() or c in _OPENERS or c in _NEXT_OPENERS:
        return True
    return ended is _STRONG and c.islower()


def _valediction(text: str, sent: list) -> bool:
    """Rule "closing": a sentence so far made of a letter's closing and its comma
    ("Best regards,", lexicons/valedictions.txt) ends before a capitalised word.

    >>> t = "Best regards, Anne"
    >>> _valediction(t, [(0, 4), (5, 12), (12, 13)]), _valediction(t, [(0, 4), (4, 5)])
    (True, False)
    """
    if text[sent[-1][0]:sent[-1][1]] != ",":
        return False
    return " ".join(text[a:b] for a, b in sent[:-1]).lower() in _VALEDICTIONS


def _separator(kind: str, start: int, end: int) -> bool:
    """Rule "separator": a run of three or more ``*``, ``=``, ``-``... standing apart
    between two parts of a text ends the sentence before it, and the one it closes before
    a capital (``... Graae. *** Bush also nominated``; not ``News==----``)."""
    return end - start > 2 and kind in ("repeat", "dash", "rule")


def _forced_starts(text: str, line_start: int, line_end: int) -> set[int]:
    """Where sentences start whatever the punctuation: around an e-mail time stamp.

    >>> t = "Tana Jones 04/16/2001 03:11 PM Samuel Schott wrote"
    >>> sorted(_forced_starts(t, 0, len(t)))
    [11, 31]
    """
    out: set[int] = set()
    if "/" not in text[line_start:line_end]:
        return out
    for m in _STAMP_RE.finditer(text, line_start, line_end):
        if not m.group("on"):
            out.add(m.start())
        out.add(m.end() + len(text[m.end():line_end]) - len(text[m.end():line_end].lstrip()))
    return out


def _close(text: str, sent: list, last_kind: str) -> None:
    """Rule "abbreviation at a sentence end": its period is the sentence's own token, as
    in EWT ("... etc" "."; "at 5 p.m" ".")."""
    s, e = sent[-1]
    if last_kind == "abbr" and e - s > 1 and text[e - 1] == ".":
        sent[-1] = (s, e - 1)
        sent.append((e - 1, e))


def _list_marker(text: str, sent: list) -> bool:
    """Rule "list marker": a number of one or two digits and its period opening a sentence
    ("1. Be responsible.", "*2. The second") end no sentence."""
    if len(sent) < 2 or text[sent[-1][0]:sent[-1][1]] != ".":
        return False
    s, e = sent[-2]
    return e - s <= 2 and text[s:e].isdigit() and all(text[a:b] in "*•-" for a, b in sent[:-2])


def _append_word(text: str, m: re.Match, start: int, end: int, sent: list) -> None:
    """A word's spans: clitics split off ("did", "n't") and fused words split
    ("gon" "na", "do" "nt"): :func:`quotes.nlp.fused.split_word`."""
    sent.extend(split_word(text, start, end, first=not sent))


def _ending(text: str, m: re.Match, kind: str, glued: bool, prev_word: bool, ended):
    """The sentence-end state after this non-word token (_NO, _ABBR, _WEAK or _STRONG)."""
    if kind == "other":
        c = text[m.start()]
        if c in _SENT_END:
            return _STRONG if (glued and prev_word and c == ".") else _WEAK
        if ended and glued and c in _CLOSERS:
            return _WEAK  # `.”` ends a sentence, `?” he asked` does not
        return _NO
    if kind == "excl":
        return _STRONG  # web text goes on in lower case after "?" and "!" ("really? where")
    if kind == "ellipsis" or kind == "emoticon":
        return _WEAK  # "... works :) I have"
    if kind == "abbr":
        return _WEAK if m.group() in _FINAL_ABBREVS else _ABBR
    if kind == "url" or kind == "email":
        return _CAPS
    if not glued and _separator(kind, m.start(), m.end()):
        return _WEAK
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
