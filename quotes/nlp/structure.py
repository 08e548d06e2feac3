"""Article structure before parsing: datelines, bylines, captions and boilerplate.

News text carries lines and line openings that are no sentence of the article: a dateline
("MOSCOW (AA) –", "FLINT, Mich., Oct. 4 (UPI) —"), a byline ("By Elena Teslova"), a photo
caption ("In this photograph distributed by ...", "(AP Photo/Evan Vucci)"), boilerplate
("Advertisement", "Read more: ...", "© 2015 ... All rights reserved"). Read as part of the
sentence that follows, a dateline becomes the subject of its verb ("MOSCOW ... announced").

:func:`segments` finds them with named rules tried in order, whose patterns are data
(``lexicons/article_structure.tsv``, read with :func:`quotes.lexicons.lines`): the line
rules (:func:`byline`, :func:`caption`, :func:`boilerplate`) judge a whole line, the
opening rules (:func:`kicker`, :func:`dateline`, :func:`heading`) the start of one, the
closing rule (:func:`credit`) its end.
:func:`split_off` then cuts the tokenized sentences so that every such stretch is a segment
of its own (its :attr:`~quotes.types.Sentence.role` the rule's name, never parsed), and the
sentence after a dateline starts after it. Words keep their offsets into the original text.

>>> text = "By Elena Teslova\\nMOSCOW (AA) – Putin has accepted, Peskov announced."
>>> [(s.rule, text[s.start:s.end]) for s in segments(text)]
[('byline', 'By Elena Teslova'), ('dateline', 'MOSCOW (AA) –')]
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Callable

from quotes.errors import InputError
from quotes.lexicons import BUILTIN, fold, lines, load
from quotes.types import ParsedDoc, Segment, Sentence

#: The lexicon file of the patterns.
PATTERNS = "article_structure.tsv"
_PIECE = re.compile(r"\{([a-z_]+)\}")
#: Line breaks, as the tokenizer sees them (a line break always ends a sentence).
_LINE = re.compile(r"[^\n\r\u2028\u2029\x85\x0b\x0c]+")
#: How many openings one line may lose ("EXCLUSIVE – WASHINGTON (AP) — ...").
MAX_OPENINGS = 2


@functools.lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern]:
    """The compiled patterns of ``article_structure.tsv``, by name (rows of one name are
    alternatives; ``{name}`` stands for an earlier name's rows).

    >>> bool(patterns()["dateline"].match("WASHINGTON — The"))
    True
    """
    rows: dict[str, list[str]] = {}
    for line in lines(PATTERNS):
        name, _, rx = line.partition("\t")
        if not rx.strip():
            raise InputError(BUILTIN / PATTERNS, f"expected 'name<TAB>expression', got {line!r}")
        rx = _PIECE.sub(lambda m: _piece(rows, m.group(1), name), rx.strip())
        rows.setdefault(name.strip(), []).append(rx)
    out = {}
    for name, alternatives in rows.items():
        try:
            out[name] = re.compile("|".join(f"(?:{a})" for a in alternatives))
        except re.error as err:
            raise InputError(BUILTIN / PATTERNS, f"pattern {name!r} is not a regular expression: {err}") from None
    return out


def _piece(rows: dict[str, list[str]], piece: str, name: str) -> str:
    if piece not in rows:
        raise InputError(BUILTIN / PATTERNS, f"pattern {name!r} uses {{{piece}}}, defined on no line above it")
    return "(?:" + "|".join(rows[piece]) + ")"


def _full(rule: str, line: str) -> bool:
    return patterns()[rule].fullmatch(line) is not None


def _opening(rule: str, line: str) -> int:
    m = patterns()[rule].match(line)
    return len(line[:m.end()].rstrip()) if m else 0


# --- line rules: the whole (stripped) line is no sentence ----------------------------------


def byline(line: str) -> bool:
    """Who wrote the article: "By NAME", names joined by "and", an outlet after a comma.

    >>> byline("By Elena Teslova"), byline("By JOHN SMITH, Associated Press")
    (True, True)
    >>> byline("By Monday morning the trail had started to blister.")
    False
    """
    return _full("byline", line)


def caption(line: str) -> bool:
    """A photo caption or credit line: "[Image via screengrab]", "Image: Imgur", "PHOTOS: ...",
    "In this photograph distributed by ...".

    >>> caption("In this photograph distributed by Russian state agency Sputnik, Putin at a meeting.")
    True
    >>> caption("(Photo courtesy of Twitter)"), caption("Images from the scene show the fire, police said.")
    (True, False)
    """
    return _full("caption", line)


def boilerplate(line: str) -> bool:
    """The page around the article: "Advertisement", "Read more: ...", "Share this:",
    "Follow us on Twitter", copyright notes, "Source: ...", time-stamp lines and an
    "Editor's note: ..." line (the outlet's standing note, not the article's reporting).

    >>> boilerplate("Advertisement"), boilerplate("© 2015 MediaMass All rights reserved.")
    (True, True)
    >>> boilerplate("More than 200 people died."), boilerplate("Sources say the bill will pass.")
    (False, False)
    >>> boilerplate("Editor's note: The mayor has repeatedly promised to close the port.")
    True
    """
    return _full("boilerplate", line)


# --- opening rules: the start of a line is split off the sentence it opens ------------------


def kicker(line: str) -> int:
    """The length of a label in capitals before a dash ("UPDATE -", "EXCLUSIVE –"); a label
    is one of ``lexicons/headline_labels.txt``; 0 when there is none.

    >>> kicker("EXCLUSIVE – Roger Stone: Don't Trust the Voting Machines"), kicker("LONDON — The")
    (11, 0)
    """
    m = patterns()["kicker"].match(line)
    if not m or fold(m.group("label")) not in load().labels:
        return 0
    return len(line[:m.end()].rstrip())


def dateline(line: str) -> int:
    """The length of the dateline opening ``line``: a place in capitals with its region, date
    and agency, a place in title case with its agency, or the agency alone, then a dash
    ("MOSCOW (AA) –", "FLINT, Mich., Oct. 4 (UPI) —", "New York (CNN) —"); 0 when none.

    >>> line = "FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton criticized"
    >>> line[:dateline(line)]
    'FLINT, Mich., Oct. 4 (UPI) —'
    >>> dateline("US officials — and Russian ones — said"), dateline("Washington — a city")
    (0, 0)
    """
    return _opening("dateline", line)


def heading(line: str) -> int:
    """The length of a heading in capitals run into its paragraph before a dash
    ("QUESTIONABLE MEDICAL CLAIMS — For years, ..."); 0 when there is none.

    >>> heading("FELLOW DOCTORS DON'T WANT HIM — Oz said"), heading("He said — Oz")
    (31, 0)
    """
    return _opening("heading", line)


# --- closing rule: the end of a line is split off the sentence it closes ---------------------


def credit(line: str) -> int:
    """Where a photo credit closing ``line`` starts ("... Ottawa. Photo: AP", "... with the
    Emwazis.  Carl Court / Getty Images", "(AP Photo/Hani Mohammed)"); -1 when there is none.

    >>> line = "He said he barely knew them.  Carl Court / Getty Images"
    >>> line[credit(line):], credit("Reuters/Ipsos poll")
    ('Carl Court / Getty Images', -1)
    """
    m = patterns()["credit"].search(line)
    return m.start() if m else -1


#: The line rules, in the order they are tried.
LINE_RULES: tuple[Callable[[str], bool], ...] = (byline, caption, boilerplate)
#: The opening rules, in the order they are tried.
OPENING_RULES: tuple[Callable[[str], int], ...] = (kicker, dateline, heading)


def line_segments(text: str, start: int, end: int) -> list[Segment]:
    """The segments of the line ``text[start:end]``: the whole line, or its openings and its
    closing credit.

    >>> t = "x\\n  UPDATE - LONDON, Jan 9 (Reuters) - The"
    >>> [(s.rule, t[s.start:s.end]) for s in line_segments(t, 2, len(t))]
    [('kicker', 'UPDATE -'), ('dateline', 'LONDON, Jan 9 (Reuters) -')]
    """
    line = text[start:end]
    a = start + len(line) - len(line.lstrip())
    b = start + len(line.rstrip())
    if a >= b:
        return []
    stripped = text[a:b]
    for rule in LINE_RULES:
        if rule(stripped):
            return [Segment(rule.__name__, a, b)]
    out: list[Segment] = []
    for _ in range(MAX_OPENINGS):
        for rule in OPENING_RULES:
            n = rule(text[a:b])
            if n:
                out.append(Segment(rule.__name__, a, a + n))
                a += n + len(text[a + n:b]) - len(text[a + n:b].lstrip())
                break
        else:
            break
    c = credit(text[a:b]) if a < b else -1
    if c >= 0:
        out.append(Segment(credit.__name__, a + c, b))
    return out


def segments(text: str) -> list[Segment]:
    """Every dateline, byline, caption and boilerplate line of an article, in text order.

    >>> t = "Putin said so.\\nAdvertisement\\nWASHINGTON (AP) — The Latest:"
    >>> [(s.rule, t[s.start:s.end]) for s in segments(t)]
    [('boilerplate', 'Advertisement'), ('dateline', 'WASHINGTON (AP) —')]
    """
    return [s for m in _LINE.finditer(text) for s in line_segments(text, m.start(), m.end())]


def split_off(sents: list[Sentence], segs: list[Segment]) -> list[Sentence]:
    """``sents`` cut so that the words of every segment form a sentence of their own, with the
    segment's rule as role, numbered anew; words keep their offsets, so the sentence after a
    dateline starts where its first word does in the original text.

    >>> from quotes.types import Word
    >>> t = "MOSCOW (AA) – Putin left."
    >>> ws = [Word(i + 1, t[a:b], a, b) for i, (a, b) in enumerate([(0, 6), (7, 8), (8, 10), (10, 11),
    ...       (12, 13), (14, 19), (20, 24), (24, 25)])]
    >>> out = split_off([Sentence(0, 0, 25, ws, parsed=False)], [Segment("dateline", 0, 13)])
    >>> [(s.index, s.role, t[s.start:s.end], [w.id for w in s.words]) for s in out]
    [(0, 'dateline', 'MOSCOW (AA) –', [1, 2, 3, 4, 5]), (1, 'sentence', 'Putin left.', [1, 2, 3])]
    """
    if not segs:
        return sents
    out: list[Sentence] = []
    k = 0
    for s in sents:
        groups: list[tuple[str, list]] = []
        for w in s.words:
            while k < len(segs) and segs[k].end <= w.start:
                k += 1
            role = segs[k].rule if k < len(segs) and segs[k].start <= w.start else s.role
            if not groups or groups[-1][0] != role:
                groups.append((role, []))
            groups[-1][1].append(w)
        if len(groups) == 1 and groups[0][0] == s.role:
            out.append(s)
            continue
        out.extend(_piece_of(s, role, words) for role, words in groups)
    for i, s in enumerate(out):
        s.index = i
    return out


def _piece_of(s: Sentence, role: str, words: list) -> Sentence:
    for i, w in enumerate(words):
        w.id = i + 1
    return Sentence(index=s.index, start=words[0].start, end=words[-1].end, words=words,
                    parsed=False, role=role)


def structured(text: str, sents: list[Sentence]) -> list[Sentence]:
    """The tokenized sentences of ``text`` with its datelines, bylines, captions and
    boilerplate as segments of their own (:func:`segments`, :func:`split_off`)."""
    return split_off(sents, segments(text))


def in_prose(doc: ParsedDoc, offset: int) -> bool:
    """Whether ``offset`` of ``doc``'s text is outside every dateline, byline, caption and
    boilerplate segment (in a sentence of the article, or between sentences).

    >>> from quotes.types import Word
    >>> doc = ParsedDoc("d", "Ad\\nHe said.", [Sentence(0, 0, 2, [Word(1, "Ad", 0, 2)], role="boilerplate"),
    ...                 Sentence(1, 3, 11, [Word(1, "He", 3, 5)])])
    >>> in_prose(doc, 1), in_prose(doc, 4)
    (False, True)
    """
    i = bisect.bisect_right([s.start for s in doc.sentences], offset) - 1
    return i < 0 or doc.sentences[i].prose or offset >= doc.sentences[i].end
