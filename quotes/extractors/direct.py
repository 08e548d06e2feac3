"""Quotation marks against speech events: direct, mixed or reported, and quotations with no cue.

A cue whose content lies within one quotation yields a ``direct`` record of the whole
quotation (over sentences and paragraphs); one whose content quotes a fragment, ``mixed``.
A quotation nobody claimed is given to a speech verb right next to it ("“...,” she said"),
to the speaker of the quotation right after it whose cue follows ('“A.” “B,” she said.'),
or continues the speaker of the quotation before it; short ones with no cue (scare quotes,
titles) yield nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from quotes.types import (ANONYMOUS, ASSERTS, DIRECT, INDIRECT, MIXED, Attribution, Cue, ParsedDoc, QuoteSpan,
                     Speaker)
from quotes.extractors.cues import BARE
from quotes.extractors.quotations import cue_record, trim_end

#: A quote with no cue continues the previous speaker only this close (characters) after it.
CONTINUATION_GAP = 1500
#: Most characters between two pieces of one interrupted quotation (“A,” she said, “B.”).
MAX_INTERRUPTION = 80
#: ... or this many when the gap is the quotation's own cue clause, in one sentence.
MAX_CUE_CLAUSE = 300
#: Most characters between a quotation and a speech verb after it that claims it
#: ('“...,” Oversight Chairman Jason Chaffetz (R-Utah) said').
NEAR_VERB = 60
#: ... of any words; past this, only a name ('Oversight Chairman Jason Chaffetz (R-Utah)').
NEAR_ANY = 40
#: ... or the cue's own speaker with an apposition of up to this many characters.
NEAR_SPEAKER = 160
_BREAKS = re.compile(r"[.!?;\n“”\"«»]|''")
_NAME_ONLY = re.compile(r"[\s,]*(?:(?:[A-Z][\w.'’-]*|\([^()]{1,20}\)|of|the|and|de|van|von)[\s,]+"
                        r"|(?:a|an|the)\s[^,.;:\"“”\n]{1,50},\s+)+")  # ... or an apposition: ', an oversight panel member,'

#: Quotes shorter than this many words with no cue are terms or titles, not speech.
MIN_CONTINUATION_WORDS = 3


#: Words right before a quotation that make it part of a noun phrase: a title or a term.
_PHRASE_WORDS = frozenset({"on", "of", "in", "at", "for", "from", "with", "by", "the", "a", "an", "his", "her",
                           "its", "their", "our", "my", "your", "this", "that"})


def _inside_phrase(text: str, q: QuoteSpan) -> bool:
    """Whether quotation ``q`` sits inside a noun phrase ('on CBS's “Face the Nation,”',
    'to his “Keepin' It Real” radio program'): the word before it is a preposition, a
    determiner or a possessive."""
    before = text[max(0, q.open - 40):q.open].split()
    if not before:
        return False
    last = before[-1].lower()
    return last in _PHRASE_WORDS or last.endswith(("'s", "’s"))


def _own_speaker_between(c: Cue, trees, start: int, text: str) -> bool:
    """'“...,” Michael McFaul, a senior fellow at the Hoover Institution and a former
    ambassador, said': only the cue's own speaker with a long apposition stands between the
    quotation (ending in a comma) and the cue."""
    if c.speaker is None or c.sentence not in trees or c.content_start != BARE:
        return False  # (a cue with a statement of its own: 'On “The Steve Harvey Show,” she said she ...')
    sp = trees[c.sentence].w(c.speaker)
    gap = text[start:c.start]
    return start < sp.start < c.start and c.start - start <= NEAR_SPEAKER and not _BREAKS.search(gap)


def unclaimed_quotes(doc: ParsedDoc, quotes: list[QuoteSpan], claimed: set[int], records: list[Attribution],
                      trees, cues: list[Cue], speakers: list[Speaker], chains, text: str) -> list[Attribution]:
    out: list[Attribution] = []
    sent_of = _sentence_index(doc)
    for k, q in enumerate(quotes):
        if k in claimed or q.single:
            continue  # single quotes with no cue are titles and terms, not speech
        words = len(text[q.start:q.end].split())
        # 1. a speech verb next to the quote whose parse missed it: '“...,” he said.'
        # (a cue before the quote only when it has nothing else to say: "he said: “...”")
        near = [i for i, c in enumerate(cues) if c.kind == "verb" and
                (q.outer_end <= c.start and "\n" not in text[q.outer_end:c.start]
                 and (c.start <= q.outer_end + NEAR_VERB and (c.start - q.outer_end <= NEAR_ANY or
                                                             _NAME_ONLY.fullmatch(text[q.outer_end:c.start]))
                      or text[q.start:q.end].rstrip().endswith(",") and _own_speaker_between(c, trees, q.outer_end,
                                                                                              text))
                 # not a verb that claims the quotation after it, nor one after a full stop
                 and c.content_start != -1 and not text[q.start:q.end].rstrip().endswith(".")
                 or c.end <= q.open <= c.end + 3 and c.content_start in (-1, BARE))]
        # (one word is enough for the first piece of an interrupted quotation: '"That," he added, "..."';
        # a quotation inside a noun phrase is a title: 'on CBS's “Face the Nation,” Ryan said')
        if near and (words >= 2 or text[q.start:q.end].rstrip().endswith(",")) and not _inside_phrase(text, q):
            i = near[0]
            out.append(cue_record(doc.id, DIRECT, q.start, trim_end(text, q.start, q.end), cues[i], speakers[i],
                               chains[i], text))
            continue
        # 2. the rest of a quotation its cue interrupts: '“A,” she wrote, “and B.”'
        around = [r for r in records + out if r.type == DIRECT and _interrupts(text, r, q.open)]
        if around and words >= 2:
            r = around[-1]
            end = trim_end(text, q.start, q.end)
            out.append(Attribution(doc=doc.id, type=DIRECT, content=text[q.start:end], start=q.start, end=end,
                                   cue=None, stance=r.stance, speaker=r.speaker, chain=r.chain,
                                   sentence=sent_of(q.start)))
            continue
        # 3. the first of two quotations whose cue follows the second: '“A.” “B,” she said.'
        ahead = [r for r in records if r.type == DIRECT and r.cue and r.cue_start is not None
                 and r.start > q.end and r.cue_start >= r.end and r.start - q.outer_end <= MAX_INTERRUPTION
                 and "\n" not in text[q.outer_end:r.start] and not any(m in text[q.outer_end:r.start - 1] for m in
                                                                     "“”\"«»")]
        if ahead and words >= 2:
            r = ahead[0]
            end = trim_end(text, q.start, q.end)
            out.append(replace(r, content=text[q.start:end], start=q.start, end=end, parts=(),
                               sentence=sent_of(q.start)))
            continue
        # 4. continuation: a quote that opens a sentence continues the previous quoted speaker
        prev = [r for r in records + out if r.type in (DIRECT, MIXED) and r.end <= q.open and
                q.open - r.end <= CONTINUATION_GAP and r.speaker.kind != ANONYMOUS]
        opens_sentence = _opens_sentence(text, q)
        if prev and opens_sentence and words >= MIN_CONTINUATION_WORDS:
            r = max(prev, key=lambda r: r.end)
            out.append(Attribution(doc=doc.id, type=DIRECT, content=text[q.start:trim_end(text, q.start, q.end)],
                                   start=q.start, end=trim_end(text, q.start, q.end), cue=None, stance=ASSERTS,
                                   # the same source: its mention is the one that introduced it
                                   speaker=r.speaker,
                                   chain=r.chain, sentence=sent_of(q.start)))
    return out


def join_interrupted(records: list[Attribution], text: str) -> list[Attribution]:
    """Join a quotation its own cue interrupts into one record: “A,” she said, “B.” (or
    “A,” she said. “B.”) is one statement. The joined record runs from A to B and keeps the
    quoted pieces in ``parts``; quotations further apart stay separate records.

    >>> from quotes.types import Speaker
    >>> t = '“We act,” he said, “and we win.”'
    >>> sp = Speaker("Al", "he", start=10, end=12)
    >>> a = Attribution("d", DIRECT, "We act", 1, 7, "said", ASSERTS, sp, cue_start=13, cue_end=17)
    >>> b = Attribution("d", DIRECT, "and we win.", 20, 31, None, ASSERTS, sp)
    >>> (r,) = join_interrupted([a, b], t)
    >>> r.content, r.parts, r.statement
    ('We act,” he said, “and we win.', ((1, 7), (20, 31)), 'We act and we win.')
    """
    out: list[Attribution] = []
    for r in sorted(records, key=lambda r: (r.start, r.end)):
        # the piece before, past statements its cue clause makes on the way ('“A,” said
        # Caddell, speaking of Clinton’s health. “B.”': "speaking of ..." sits between)
        k = len(out) - 1
        while k > 0 and out[k].type == INDIRECT and out[k].speaker.name == r.speaker.name \
                and out[k - 1].end <= out[k].start:
            k -= 1
        prev = out[k] if out else None
        if prev is not None and r.type == DIRECT and prev.type in (DIRECT, MIXED) and not r.key and not prev.key \
                and (r.cue is None or r.cue_start == prev.cue_start) and prev.end <= r.start \
                and (r.speaker.name, r.speaker.start, r.speaker.end) == \
                (prev.speaker.name, prev.speaker.start, prev.speaker.end):
            gap = text[prev.end:r.start]
            # the cue clause between the pieces may be long when it describes the speaker
            # ('“A,” said Don Fowler, who helmed the DNC from 1995 to 1997. “B.”'): one sentence
            cue_between = prev.cue_start is not None and prev.end <= prev.cue_start < r.start
            short = len(gap) <= MAX_INTERRUPTION or \
                cue_between and len(gap) <= MAX_CUE_CLAUSE and len(_SENTENCE_END.findall(gap)) <= 1
            if short and "\n" not in gap:  # a new paragraph is a new statement
                out[k] = replace(prev, end=r.end, content=text[prev.start:r.end], parts=prev.spans + r.spans)
                continue
        out.append(r)
    return out


#: A sentence end (not an abbreviation such as "Mr." or "Mrs.").
_SENTENCE_END = re.compile(r"""(?<![A-Z][a-z]{2})(?<=[a-z]{2})[.!?]["'”’]?\s""")
_PUNCT_ONLY = re.compile(r"""[\s,.:;!?'"“”‘’«»—–-]*""")


def _interrupts(text: str, r: Attribution, offset: int) -> bool:
    """Whether ``r``'s cue clause sits right between the end of its quotation and
    ``offset`` ('“A,” she wrote, “B'): nothing but punctuation on either side of it."""
    if r.cue_start is None or r.cue_end is None or r.speaker.start is None or r.speaker.end is None:
        return False
    lo, hi = min(r.cue_start, r.speaker.start), max(r.cue_end, r.speaker.end)
    tail = text[hi:offset]  # ' Capital Download on Wednesday, ' may follow the cue
    return r.end <= lo and hi <= offset and hi - lo <= MAX_INTERRUPTION \
        and bool(_PUNCT_ONLY.fullmatch(text[r.end:lo])) and len(tail) <= MAX_INTERRUPTION \
        and tail.rstrip(" \t“\"'‘").endswith((",", ":")) and not _SENTENCE_END.search(tail) \
        and not any(m in tail.rstrip(" \t“\"'‘") for m in "“”\"«»")


def _opens_sentence(text: str, q: QuoteSpan) -> bool:
    before = text[:q.open].rstrip(" \t")
    return not before or before[-1] in ".!?\n:”\"" or before.endswith(("—", "–"))


def _sentence_index(doc: ParsedDoc):
    starts = [s.start for s in doc.sentences]

    def find(offset: int) -> int | None:
        i = bisect.bisect_right(starts, offset) - 1
        return doc.sentences[i].index if i >= 0 else None
    return find
