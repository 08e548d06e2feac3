"""Finding quotation spans in raw text: no model, just the marks and their context.

Handles straight and curly double quotes, guillemets, low-9 marks, single quotes (as
headlines use them), quotes that run over several paragraphs (a paragraph that opens a
quote without closing it continues when the next one opens with a mark), marks that
point the wrong way, and stray marks. A quote never runs past the end of its paragraph
unless the next paragraph continues it, so one bad mark cannot swallow the document.

>>> text = 'Peskov said “there are not so many reasons for optimism” today.'
>>> [text[q.start:q.end] for q in quote_spans(text)]
['there are not so many reasons for optimism']
>>> t2 = "‘Not many reasons for optimism’: Kremlin's view"
>>> [t2[q.start:q.end] for q in quote_spans(t2)]
['Not many reasons for optimism']
"""

from __future__ import annotations

import re
from typing import Iterator

from quotes.types import QuoteSpan

DOUBLE = "\"“”«»„‟"
SINGLE = "'‘’‹›‚‛"
OPENERS_D = "“«„‟"
CLOSERS_D = "”»"
#: Characters that may stand right before an opening mark.
BEFORE_OPEN = set(" \t\n([{—–-/:;,“‘\"'")
#: Longest span (characters) accepted for single quotes, which double as apostrophes.
MAX_SINGLE = 300

_PARA = re.compile(r"\n")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _PARA.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


#: Stands in for the second character of a doubled mark ('' or ``) while scanning.
_PAIR = "\x01"


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    j = i + 2 if text[i + 1: i + 2] == _PAIR else i + 1
    after = text[j] if j < len(text) else " "
    return (before in BEFORE_OPEN or not before.strip()) and after.strip() != "" and after not in ",.;:)!?"


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    j = i + 2 if text[i + 1: i + 2] == _PAIR else i + 1
    after = text[j] if j < len(text) else " "
    return before.strip() != "" and (not after.isalnum())


def _double_marks(text: str, s: int, e: int) -> Iterator[tuple[int, str]]:
    """Yield (offset, 'open'|'close'|'either') for each double mark in text[s:e]."""
    for i in range(s, e):
        c = text[i]
        if c not in DOUBLE:
            continue
        o, cl = _can_open(text, i), _can_close(text, i)
        if c == "«":
            yield i, "open"
        elif c == "»":
            yield i, "close"
        elif c in OPENERS_D and o:
            yield i, "open"
        elif c in CLOSERS_D and cl:
            yield i, "close"
        elif o and not cl:
            yield i, "open"
        elif cl and not o:
            yield i, "close"
        elif o and cl:
            yield i, "either"


def quote_spans(text: str) -> list[QuoteSpan]:
    """All quotation spans in ``text``, in order, double-quoted first-class, single-quoted
    only outside double quotes.

    >>> t = '“We are ready.\\n\\n“We will act,” he said. A stray ” mark.'
    >>> [t[q.start:q.end] for q in quote_spans(t)]
    ['We are ready.\\n\\n“We will act,']
    >>> t = "''It's tinkering,'' Mr. Cole said."
    >>> [t[q.start:q.end] for q in quote_spans(t)]
    ["It's tinkering,"]
    """
    scan = text.replace("''", '"' + _PAIR).replace("``", '"' + _PAIR)
    spans = _spans(scan)
    if scan is not text and _PAIR in scan:
        fixed = []
        for q in spans:
            start = q.start + 1 if scan[q.start:q.start + 1] == _PAIR else q.start
            mark_len = 2 if q.close is not None and scan[q.close + 1:q.close + 2] == _PAIR else 1
            if text[start:q.end].strip():
                fixed.append(QuoteSpan(start, q.end, q.open, q.close, q.single, mark_len))
        spans = fixed
    return spans


def _scan_paragraph(text: str, ps: int, pe: int, open_at: int | None, skip: int,
                    spans: list[QuoteSpan]) -> int | None:
    """Pair the double marks of paragraph ``text[ps:pe]`` into ``spans``, starting with the
    quotation open at ``open_at`` (or none); the mark at ``skip`` (a continuing paragraph's
    opener) is passed over. Returns where a quotation is still open, or None."""
    for i, kind in _double_marks(text, ps, pe):
        if i == skip:
            continue
        if open_at is None:
            if kind in ("open", "either"):
                open_at = i
        elif kind in ("close", "either") and i > open_at + 1 and text[open_at + 1:i].strip():
            spans.append(QuoteSpan(open_at + 1, i, open_at, i))
            open_at = None
        elif kind == "open" and text[i - 1: i].strip() == "" and i > open_at + 1:
            # A second opener inside an open quote: the first never closed. Close it at
            # the last non-space before this mark and start again.
            end = i
            while end > open_at + 1 and not text[end - 1].strip():
                end -= 1
            spans.append(QuoteSpan(open_at + 1, end, open_at, None))
            open_at = i
    return open_at


def _paragraph_end(text: str, pe: int, nxt: tuple[int, int] | None, open_at: int, skip: int,
                   spans: list[QuoteSpan]) -> tuple[int | None, int]:
    """A quotation still open at the end of its paragraph (ending at ``pe``): it goes on when
    the next paragraph opens with a mark (whose opener is then skipped), else it ends here.
    Returns the quotation still open (or None) and the mark to skip."""
    if nxt is not None and text[nxt[0]] in DOUBLE and _can_open(text, nxt[0]):
        return open_at, nxt[0]  # the continuing paragraph's opening mark is part of the same quote
    end = pe
    while end > open_at + 1 and (not text[end - 1].strip() or text[end - 1] in DOUBLE):
        end -= 1
    if end > open_at + 1:
        spans.append(QuoteSpan(open_at + 1, end, open_at, None))
    return None, skip


def _spans(text: str) -> list[QuoteSpan]:
    paras = _paragraphs(text)
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    skip = -1
    for pi, (ps, pe) in enumerate(paras):
        open_at = _scan_paragraph(text, ps, pe, open_at, skip, spans)
        if open_at is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            open_at, skip = _paragraph_end(text, pe, nxt, open_at, skip, spans)
    spans.extend(_single_spans(text, paras, spans))
    spans.sort(key=lambda q: q.start)
    return [q for q in spans if text[q.start:q.end].strip()]


def _inside(i: int, spans: list[QuoteSpan]) -> bool:
    return any(q.open <= i < q.outer_end for q in spans)


def _single_spans(text: str, paras, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    out = []
    for ps, pe in paras:
        i = ps
        while i < pe:
            c = text[i]
            if c in "‘'‹‛" and _can_open(text, i) and not _inside(i, doubles):
                limit = min(pe, i + MAX_SINGLE)
                closes = [j for j in range(i + 2, limit) if text[j] in "’'›" and _can_close(text, j)]
                found = None
                for n, j in enumerate(closes):
                    nxt = text[j + 1: j + 3]
                    possessive = text[j - 1] == "s" and len(nxt) == 2 and nxt[0] == " " and nxt[1].islower()
                    if not possessive:
                        found = j
                        break
                    # "leaders’ meeting" is an apostrophe, unless another quote opens before the next close
                    later = closes[n + 1] if n + 1 < len(closes) else None
                    if later is not None and any(text[k] in "‘'‹" and _can_open(text, k) for k in range(j + 1, later)):
                        found = j
                        break
                if found is not None:
                    out.append(QuoteSpan(i + 1, found, i, found, single=True))
                    i = found + 1
                    continue
            i += 1
    return out
