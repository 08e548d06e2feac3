"""Shared helpers of the stages: content spans against quotation marks, and records from cues.

A content span that lies within one quotation is ``direct`` and becomes the whole
quotation; one that quotes a fragment is ``mixed``; one with no quotation ``indirect``.

>>> from quotes.types import QuoteSpan
>>> t = 'He said “we act” now.'
>>> settle_quotes(t, 8, 16, [QuoteSpan(9, 15, 8, 15)])[:3]
('direct', 9, 15)
>>> settle_quotes("He said we act now.", 8, 18, [])
('indirect', 8, 18, [])
"""

from __future__ import annotations

from quotes.types import DIRECT, INDIRECT, MIXED, Attribution, ChainLink, Cue, QuoteSpan, Speaker

#: How far (characters) past a cue the quotation it introduces may open ("he said: ... “...”").
NEXT_QUOTE_REACH = 400
#: Most characters of a cue's own words between it and the quotation it introduces ('says of Clinton, “...').
AUDIENCE_GAP = 40


def settle_quotes(text: str, start: int, end: int, quotes: list[QuoteSpan]) -> tuple[str, int, int, list[int]]:
    """Decide direct / mixed / indirect for a content span and snap direct ones to the quote:
    ``(type, start, end, indices of the quotations it takes)``."""
    hits = [k for k, q in enumerate(quotes) if q.start < end and start < q.outer_end and q.open < end]
    if not hits:
        return INDIRECT, start, end, []
    for k in hits:
        q = quotes[k]
        if _within(text, start, end, q):
            # the cue's content lies within one quotation (which may run over several
            # sentences, the cue being in the last): the record is the whole quotation
            return DIRECT, q.start, trim_end(text, q.start, q.end), [k]
    # reported speech quoting a fragment (or running on into a quotation)
    s2 = min(start, min(quotes[k].open for k in hits))
    e2 = max(end, max(quotes[k].outer_end for k in hits))
    if s2 < start and text[s2:start].strip() in "“\"«‘'":
        start = s2
    if e2 > end and (text[end:e2].strip(" ,.") in ("", "”", "\"", "»", "’") or _runs_on(quotes, hits, start, end)):
        end = e2
    return MIXED, start, end, hits


def _runs_on(quotes: list[QuoteSpan], hits: list[int], start: int, end: int) -> bool:
    """Whether the last quotation the span takes opens inside it and closes after it, in a
    later sentence ('said Cruz “has courage to fight ... ideas. He’s not only unafraid ...”'):
    the quoted words run on, and what was said with them.

    >>> from quotes.types import QuoteSpan
    >>> text = 'Cruz said he “has courage. He is unafraid.” Then he left.'
    >>> settle_quotes(text, 10, 25, [QuoteSpan(14, 42, 13, 42)])[1:3]
    (10, 43)
    """
    q = quotes[max(hits, key=lambda k: quotes[k].open)]
    return start <= q.open and q.close is not None and q.close >= end


def _within(text: str, start: int, end: int, q: QuoteSpan) -> bool:
    """Whether the span ``start:end`` (its own marks and edge punctuation aside) lies in ``q``."""
    inner_s, inner_e = start, end
    while inner_s < inner_e and text[inner_s] in "“\"«‘' ":
        inner_s += 1
    while inner_e > inner_s and text[inner_e - 1] in "”\"»’' ,.":
        inner_e -= 1
    inside = inner_s >= q.start and inner_e <= q.end + 1 and start >= q.open
    return inside and (q.close is None or end <= q.outer_end + 1)


def trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing spaces and commas.

    >>> trim_end("We act, ", 0, 8)
    6
    """
    while end > start and text[end - 1] in " ,\n\t":
        end -= 1
    return end


def next_quote(quotes: list[QuoteSpan], after: int, text: str) -> QuoteSpan | None:
    """The quotation opening right after offset ``after`` (spaces and up to three characters
    between), the one a cue with no content of its own introduces ('he said: “...”').

    >>> from quotes.types import QuoteSpan
    >>> next_quote([QuoteSpan(10, 16, 9, 17)], 7, 'He said: “We act.”').open
    9
    """
    for q in quotes:
        gap = text[after:q.open]
        if q.open >= after - 1 and q.open - after <= 3 + len(gap) - len(gap.lstrip()):
            return q
        if q.open > after + NEXT_QUOTE_REACH:
            break
    return None


def quote_after_audience(quotes: list[QuoteSpan], c: Cue, text: str) -> QuoteSpan | None:
    """The quotation a cue introduces past a few words of its own ('asking her, “...',
    'says of Clinton, “...'): the next one in its sentence, after a comma or colon."""
    for q in quotes:
        if q.open >= c.end:
            gap = text[c.end:q.open].rstrip()
            ok = 0 < len(gap) <= AUDIENCE_GAP and gap.endswith((",", ":")) and not any(m in gap for m in ".!?\n“”\"")
            return q if ok else None
    return None


def cue_record(doc_id: str, kind: str, start: int, end: int, c: Cue, sp: Speaker, chain: tuple[ChainLink, ...],
               text: str) -> Attribution:
    """The record of what cue ``c`` reports: ``text[start:end]`` said by ``sp`` through ``chain``."""
    parts = c.parts if c.parts and (start, end) == (c.parts[0][0], c.parts[-1][1]) else ()
    return Attribution(doc=doc_id, type=kind, content=text[start:end], start=start, end=end, cue=c.text,
                       stance=c.stance, speaker=sp, chain=tuple(chain), cue_start=c.start, cue_end=c.end,
                       sentence=c.sentence, parts=parts, rule=c.rule)
