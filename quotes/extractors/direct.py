"""Quotations with no cue of their own, and quotations their cue interrupts.

A quotation nobody claimed is given, by the first of the :data:`UNCLAIMED_RULES` that
applies, to a speech verb right next to it ("“...,” she said"), to the speaker of the
quotation its cue interrupts ('“A,” she wrote, “B.”'), to the speaker of the quotation
right after it whose cue follows ('“A.” “B,” she said.'), or it continues the speaker of
the quotation before it; short ones with no cue (scare quotes, titles) yield nothing.
:func:`join_interrupted` makes one record of a quotation its own cue interrupts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from collections.abc import Callable

from quotes.types import (ANONYMOUS, ASSERTS, DIRECT, INDIRECT, MIXED, Attribution, Cue, CueKind, NoSpan, ParsedDoc,
                          QuoteSpan)
from quotes.lexicons import load
from quotes.nlp.structure import in_prose
from quotes.extractors import rules
from quotes.extractors.extraction import Extraction
from quotes.extractors.quotations import cue_record, trim_end
from quotes.extractors.sources import latest_mention, named_subject_before

#: The rule sequences of this module (tests/test_rules.py takes out each rule in turn).
RULE_SEQUENCES = ("UNCLAIMED_RULES",)

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
#: Only a name between a quotation and its verb, or an apposition (', an oversight panel member,').
_NAME_ONLY = re.compile(r"[\s,]*(?:(?:[A-Z][\w.'’-]*|\([^()]{1,20}\)|of|the|and|de|van|von)[\s,]+"
                        r"|(?:a|an|the)\s[^,.;:\"“”\n]{1,50},\s+)+")

#: Quotes shorter than this many words with no cue are terms or titles, not speech.
MIN_CONTINUATION_WORDS = 3


def _inside_phrase(text: str, q: QuoteSpan) -> bool:
    """Whether quotation ``q`` sits inside a noun phrase ('on CBS's “Face the Nation,”',
    'to his “Keepin' It Real” radio program'): the word before it is a preposition, a
    determiner or a possessive (the word list ``quotation_phrase_words``)."""
    before = text[max(0, q.open - 40):q.open].split()
    if not before:
        return False
    last = before[-1].lower()
    return last in load().words("quotation_phrase_words") or last.endswith(("'s", "’s"))


def _own_speaker_between(c: Cue, trees, start: int, text: str) -> bool:
    """'“...,” Michael McFaul, a senior fellow at the Hoover Institution and a former
    ambassador, said': only the cue's own speaker with a long apposition stands between the
    quotation (ending in a comma) and the cue."""
    if c.speaker is None or c.sentence not in trees or c.content_start != NoSpan.BARE:
        return False  # (a cue with a statement of its own: 'On “The Steve Harvey Show,” she said she ...')
    sp = trees[c.sentence].w(c.speaker)
    gap = text[start:c.start]
    return start < sp.start < c.start and c.start - start <= NEAR_SPEAKER and not _BREAKS.search(gap)


def _words(x: Extraction, q: QuoteSpan) -> int:
    return len(x.text[q.start:q.end].split())


def _quoted(x: Extraction, q: QuoteSpan) -> str:
    return x.text[q.start:q.end].rstrip()


def _verb_after(x: Extraction, q: QuoteSpan, c: Cue) -> bool:
    """'“...,” he said': verb cue ``c`` follows quotation ``q`` closely in its paragraph (past a
    name, or its own speaker's apposition), has no quotation after it to claim
    (:attr:`NoSpan.FOLLOWS`) and the quotation does not end a sentence."""
    gap = x.text[q.outer_end:c.start]
    if q.outer_end > c.start or "\n" in gap or c.content_start == NoSpan.FOLLOWS or _quoted(x, q).endswith("."):
        return False
    close = c.start <= q.outer_end + NEAR_VERB and (c.start - q.outer_end <= NEAR_ANY or _NAME_ONLY.fullmatch(gap))
    return bool(close) or _quoted(x, q).endswith(",") and _own_speaker_between(c, x.trees, q.outer_end, x.text)


def _verb_before(text: str, q: QuoteSpan, c: Cue) -> bool:
    """'he said: “...”': verb cue ``c`` with nothing else to say right before quotation ``q``
    (not one whose sentence ends there: '... Oliver barked. “Honestly,” he continued')."""
    return c.end <= q.open <= c.end + 3 and c.content_start in (NoSpan.FOLLOWS, NoSpan.BARE) \
        and text[c.end:q.open].strip() in ("", ",", ":")


def verb_beside(x: Extraction, q: QuoteSpan, out: list[Attribution]) -> Attribution | None:
    """A speech verb right beside the quotation whose parse missed it: '“...,” he said.'

    One word is enough for the first piece of an interrupted quotation ('"That," he added,
    "..."'); a quotation inside a noun phrase is a title ('on CBS's “Face the Nation,” Ryan said').
    """
    near = [i for i, c in enumerate(x.cues)
            if c.kind == CueKind.VERB and (_verb_after(x, q, c) or _verb_before(x.text, q, c))]
    if not near or not (_words(x, q) >= 2 or _quoted(x, q).endswith(",")) or _inside_phrase(x.text, q):
        return None
    i = near[0]
    return cue_record(x.doc.id, DIRECT, q.start, trim_end(x.text, q.start, q.end), x.cues[i], x.speakers[i],
                      x.chains[i], x.text)


def interrupted_rest(x: Extraction, q: QuoteSpan, out: list[Attribution]) -> Attribution | None:
    """The rest of a quotation its cue interrupts: '“A,” she wrote, “and B.”'."""
    around = [r for r in x.records + out if r.type == DIRECT and _interrupts(x.text, r, q.open)]
    if not around or _words(x, q) < 2:
        return None
    r = around[-1]
    end = trim_end(x.text, q.start, q.end)
    return Attribution(doc=x.doc.id, type=DIRECT, content=x.text[q.start:end], start=q.start, end=end, cue=None,
                       stance=r.stance, speaker=r.speaker, chain=r.chain, sentence=_sentence_of(x.doc, q.start))


def _cued_after(x: Extraction, q: QuoteSpan, r: Attribution) -> bool:
    """Whether ``r`` is a direct quotation soon after ``q`` in its paragraph, with no other
    mark between them, whose cue follows it ('“A.” “B,” she said.')."""
    if r.type != DIRECT or not r.cue or r.cue_start is None or r.start <= q.end or r.cue_start < r.end:
        return False
    between = x.text[q.outer_end:r.start]
    return r.start - q.outer_end <= MAX_INTERRUPTION and "\n" not in between \
        and not any(m in x.text[q.outer_end:r.start - 1] for m in "“”\"«»")


def before_cued_quotation(x: Extraction, q: QuoteSpan, out: list[Attribution]) -> Attribution | None:
    """The first of two quotations whose cue follows the second: '“A.” “B,” she said.'."""
    ahead = [r for r in x.records if _cued_after(x, q, r)]
    if not ahead or _words(x, q) < 2:
        return None
    end = trim_end(x.text, q.start, q.end)
    return replace(ahead[0], content=x.text[q.start:end], start=q.start, end=end, parts=(),
                   sentence=_sentence_of(x.doc, q.start))


def continuation(x: Extraction, q: QuoteSpan, out: list[Attribution]) -> Attribution | None:
    """A quotation that opens a sentence continues the speaker of the quotation before it
    (the one named outside it) within :data:`CONTINUATION_GAP` characters; it needs
    :data:`MIN_CONTINUATION_WORDS` words (shorter ones are terms or titles)."""
    prev = [r for r in x.records + out if r.type in (DIRECT, MIXED) and r.end <= q.open and
            q.open - r.end <= CONTINUATION_GAP]
    if not prev or not _opens_sentence(x.text, q) or _words(x, q) < MIN_CONTINUATION_WORDS:
        return None
    r = max(prev, key=lambda r: (r.end, not _speaker_inside(r), -r.start))
    if r.speaker.kind == ANONYMOUS and r.speaker.start is None:
        return None
    end = trim_end(x.text, q.start, q.end)
    # the same source: its mention is the one that introduced it (a piece of the same statement), or
    # the latest that names it again
    a = Attribution(doc=x.doc.id, type=DIRECT, content=x.text[q.start:end], start=q.start, end=end, cue=None,
                    stance=ASSERTS, speaker=r.speaker, chain=r.chain, sentence=_sentence_of(x.doc, q.start))
    if _close(x.text, r, a):
        return a
    speaker = latest_mention(r.speaker, x.text, max(r.end, r.speaker.end or 0), q.open, x.lex)
    named = named_subject_before(x.doc.sentences, x.trees, q.open, x.text, x.lex, x.resolver)
    if named is not None and named.start is not None and (speaker.start is None or speaker.start < named.start):
        speaker = named  # a source the sentence before names as its subject ('Sanders identified ...: “...”')
    return replace(a, speaker=speaker)


def _speaker_inside(r: Attribution) -> bool:
    """Whether ``r``'s speaker is named inside what it says (a reporting noun of the quotation,
    'disagree with the assertion that ...': the quotation's speaker is the one outside it)."""
    return r.speaker.start is not None and r.start <= r.speaker.start < r.end


#: Who says a quotation no cue claimed, in order: the first rule that gives a record wins.
UNCLAIMED_RULES: tuple[Callable[[Extraction, QuoteSpan, list[Attribution]], Attribution | None], ...] = (
    verb_beside, interrupted_rest, before_cued_quotation, continuation)


def unclaimed_quotes(x: Extraction) -> list[Attribution]:
    """The records of the double quotations no record took, by the first of the
    :data:`UNCLAIMED_RULES` that says who said them, each record named after its rule (single
    quotes with no cue are titles and terms, not speech)."""
    out: list[Attribution] = []
    for k, q in enumerate(x.quotes):
        if k in x.claimed or q.single or not in_prose(x.doc, q.open):  # not in a caption, byline, ...
            continue
        found = rules.first_match(UNCLAIMED_RULES, x, q, out)
        if found is not None:
            rule, r = found
            out.append(replace(r, rule=rule.__name__))
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
        k = _piece_before(out, r)
        if k is not None and _same_statement(out[k], r) and _close(text, out[k], r):
            prev = out[k]
            out[k] = replace(prev, end=r.end, content=text[prev.start:r.end], parts=prev.spans + r.spans)
            continue
        out.append(r)
    return out


def _piece_before(out: list[Attribution], r: Attribution) -> int | None:
    """The index in ``out`` of the piece before ``r``, past statements its cue clause makes on
    the way ('“A,” said Caddell, speaking of Clinton’s health. “B.”': "speaking of ..." sits
    between), or None when ``out`` is empty."""
    k = len(out) - 1
    while k > 0 and out[k].type == INDIRECT and out[k].speaker.name == r.speaker.name \
            and out[k - 1].end <= out[k].start:
        k -= 1
    return _quotation_before_clause(out, k) if out else None


def _quotation_before_clause(out: list[Attribution], k: int) -> int:
    """Past the statements of the cue clause between two pieces, whoever makes them ('“A,”
    said Schifano, who recalled his temper. “B.”', '“A,” Ms. Hughes said, pointing out the
    mill. “B.”'): the quotation before them, when they all stand after its end."""
    j = k
    while j > 0 and out[j].type == INDIRECT:
        j -= 1
    if j == k or out[j].type == INDIRECT or any(x.start < out[j].end for x in out[j + 1:k + 1]):
        return k
    return j


def _same_statement(prev: Attribution, r: Attribution) -> bool:
    """Whether direct quotation ``r`` may continue ``prev``: no cue of its own (or the same),
    after it, by the same speaker mention, neither one keyed apart."""
    if r.type != DIRECT or prev.type not in (DIRECT, MIXED) or r.key or prev.key:
        return False
    if not (r.cue is None or r.cue_start == prev.cue_start) or prev.end > r.start:
        return False
    return (r.speaker.name, r.speaker.start, r.speaker.end) == (prev.speaker.name, prev.speaker.start, prev.speaker.end)


def _close(text: str, prev: Attribution, r: Attribution) -> bool:
    """Whether the gap between ``prev`` and ``r`` is short, in one paragraph (a new paragraph
    is a new statement); the cue clause between the pieces may be long when it describes the
    speaker ('“A,” said Don Fowler, who helmed the DNC from 1995 to 1997. “B.”'): one sentence."""
    gap = text[prev.end:r.start]
    cue_between = prev.cue_start is not None and prev.end <= prev.cue_start < r.start
    short = len(gap) <= MAX_INTERRUPTION or \
        cue_between and len(gap) <= MAX_CUE_CLAUSE and len(_SENTENCE_END.findall(gap)) <= 1
    if "\n" in gap and r.cue is None:
        head, _, tail = gap.rstrip(" \t\xa0\u201c\"'").rpartition("\n")
        return short and not tail.strip() and "\n" not in head.strip()
    return short and "\n" not in gap


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
    before = text[:q.open].rstrip(" \t\xa0\u2009\u200b")
    return not before or before[-1] in ".!?\n:”\"" or before.endswith(("—", "–"))


def _sentence_of(doc: ParsedDoc, offset: int) -> int | None:
    """The index of the sentence of ``doc`` that holds ``offset``."""
    i = bisect.bisect_right([s.start for s in doc.sentences], offset) - 1
    return doc.sentences[i].index if i >= 0 else None
