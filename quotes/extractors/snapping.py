"""Sentence snapping: stretch a cue's reported clause to the sentence edge on its side.

Parses of long news sentences often cut the complement short ("said the tax breaks used
by Trump and others"); the words between the complement and the sentence edge belong to
it unless another cue's reporting clause stands there.

>>> from quotes.types import Cue
>>> text = "Peskov said the tax breaks used by Trump and others ."
>>> t = Tree.of(text, [("Peskov", "PROPN", 2, "nsubj"), ("said", "VERB", 0, "root"), ("the", "DET", 4, "det"),
...                    ("tax", "NOUN", 5, "compound"), ("breaks", "NOUN", 2, "obj"), ("used", "VERB", 5, "acl"),
...                    ("by", "ADP", 8, "case"), ("Trump", "PROPN", 6, "obl"), ("and", "CCONJ", 10, "cc"),
...                    ("others", "NOUN", 2, "conj"), (".", "PUNCT", 2, "punct")])
>>> c = Cue(0, "verb", "say", "said", 7, 11, "asserts", 1, 12, 26, frozenset({3, 4, 5}), anchor=2)
>>> (snapped,) = snap_to_sentence([c], t)
>>> text[snapped.content_start:snapped.content_end]
'the tax breaks used by Trump and others'
"""

from __future__ import annotations

from quotes.types import Cue, CueKind, QuoteSpan, Word
from quotes.extractors.tree import CLOSE_QUOTES, OPEN_QUOTES, Tree

#: Cue kinds whose reported clause is snapped to the sentence edge.
SNAPPED_KINDS = (CueKind.VERB, CueKind.ACCORDING)
_KEPT_MARKS = "“”\"«»"


def quoted_cue(c: Cue, trees: dict[int, Tree], quotes: list[QuoteSpan]) -> bool:
    """A speech verb inside a quotation whose subject is quoted too ("I can say that ...",
    "what our colleagues said") is part of the quoted speaker's words, not a new source.

    >>> from quotes.types import Cue, QuoteSpan
    >>> t = Tree.of("“I can say that.”", [("“", "PUNCT", 4, "punct"), ("I", "PRON", 4, "nsubj"),
    ...                                    ("can", "AUX", 4, "aux"), ("say", "VERB", 0, "root")])
    >>> c = Cue(0, "verb", "say", "say", 7, 10, "asserts", 2, 11, 15, anchor=4)
    >>> quoted_cue(c, {0: t}, [QuoteSpan(1, 16, 0, 16)])
    True
    """
    if c.kind != CueKind.VERB:
        return False
    if c.speaker is None:  # "... that isn't told": a passive in a quotation is the quoted speaker's
        return any(q.start <= c.start < q.end for q in quotes)
    t = trees[c.sentence]
    sw = t.w(c.speaker)
    # (or a quoted title's verb with a subject before the quotation: 'Davis' commentary,
    # "Melania, tell your immigrant story," is ...')
    return any(q.start <= c.start < q.end and (q.start <= sw.start < q.end or sw.end <= q.open
                                               and not quoted_predicate(t, c, q)) for q in quotes)


def quoted_predicate(t: Tree, c: Cue, q: QuoteSpan) -> bool:
    """Whether quotation ``q`` opens on the predicate of cue ``c`` right after its subject,
    with nothing but adverbs and auxiliaries between the mark and the verb: 'Stoltenberg
    and Blinken “unequivocally said about the rejection”' quotes the words, the speech act
    is the subject's (a quoted title's verb has words of its own before it: 'Davis'
    commentary, “Melania, tell your story,” is ...').

    >>> from quotes.types import Cue, QuoteSpan
    >>> t = Tree.of("Aides “flatly said no.”", [("Aides", "NOUN", 4, "nsubj"), ("“", "PUNCT", 4, "punct"),
    ...                                          ("flatly", "ADV", 4, "advmod"), ("said", "VERB", 0, "root"),
    ...                                          ("no", "INTJ", 4, "obj"), (".", "PUNCT", 4, "punct"),
    ...                                          ("”", "PUNCT", 4, "punct")])
    >>> c = Cue(0, "verb", "say", "said", 14, 18, "asserts", 1, 19, 21, anchor=4)
    >>> quoted_predicate(t, c, QuoteSpan(7, 22, 6, 22))
    True
    """
    if c.anchor is None or c.speaker is None:
        return False
    inside = [w for w in t.words if q.open <= w.start < c.start]
    before = [w for w in t.words if w.end <= q.open]
    return bool(before) and before[-1].id in t.subtree(c.speaker) and \
        all(w.upos in ("ADV", "AUX", "PART") or w.start == q.open for w in inside)


def block(t: Tree, c: Cue) -> set[int]:
    """The words that make up a cue's reporting clause: verb, auxiliaries, subject, audience."""
    ids = {c.anchor} if c.anchor is not None else set()
    if c.speaker is not None:
        ids |= t.subtree(c.speaker)
    for a in c.audience:
        ids |= t.subtree(a)
    ids |= {w.id for w in t.words if c.start <= w.start < c.end}
    return ids - set(c.content_ids)


def _closes_quote(t: Tree, ids: set[int], w: Word) -> bool:
    """Whether the content ``ids`` is a whole quotation that ends right before ``w``."""
    marks = OPEN_QUOTES | CLOSE_QUOTES
    inside = sorted(ids)
    if not inside:
        return False
    first = t.w(inside[0])
    opened = first.text in marks or inside[0] > 1 and t.w(inside[0] - 1).text in marks
    last = t.w(w.id - 1) if w.id > 1 else None
    return opened and last is not None and last.text in CLOSE_QUOTES and last.id in ids | {inside[-1] + 1}


def _stops(t: Tree, i: int, c: Cue, cues: list[Cue], blocks: list[set[int]]) -> set[int]:
    """Words of other cues' reporting clauses, where cue ``i``'s clause may not stretch."""
    others = set().union(*(b for j, b in enumerate(blocks) if j != i and not (b & set(c.content_ids))))
    others -= blocks[i]
    # a coordinated cue's verb always stops the stretch, even when its block shares words
    # with this content ("urges her husband to ... and repeatedly says, ...")
    verbs = {o.anchor for j, o in enumerate(cues) if j != i and o.anchor is not None
             and t.w(o.anchor).deprel.startswith("conj")} - set(c.content_ids)
    return others | verbs | {k.id for a in verbs for k in t.children(a, "cc", "advmod", "aux") if k.id < a}


def _stretch_after(words: list[Word], c: Cue, ids: set[int], others: set[int], own: set[int]) -> None:
    """'X said (that) Y ...': add the words after the content up to the sentence end."""
    for w in words:
        if w.start >= c.content_end:
            if w.id in others or w.id in own:
                break
            ids.add(w.id)


def _stretch_before(t: Tree, words: list[Word], c: Cue, ids: set[int], others: set[int], own: set[int]) -> None:
    """'... Y, X said': add the words before the content, and those up to the reporting clause."""
    for w in reversed(words):
        if w.end <= c.content_start:
            if w.id in others or w.id in own:
                break
            ids.add(w.id)
    # and up to the reporting clause: "... allow for it, Peskov told reporters" (not past
    # the end of a quotation: '“...,” panel Chairman Rep. Jason Chaffetz said')
    first = min((t.w(b).start for b in own), default=t.w(c.anchor).start)
    for w in words:
        if c.content_end <= w.start < first:
            if w.id in others or _closes_quote(t, ids, w):
                break
            ids.add(w.id)


def relative_stop(t: Tree, anchor: Word) -> int | None:
    """Where a relative clause's cue must stop stretching: the first word after it of the
    predicate whose subject the clause modifies ("The woman who claimed she had ... | was
    lying and the story is a hoax"); None for a cue in no relative clause on such a subject.

    >>> t = Tree.of("A woman who claimed she lied was lying", [("A", "DET", 2, "det"),
    ...     ("woman", "NOUN", 8, "nsubj"), ("who", "PRON", 4, "nsubj"), ("claimed", "VERB", 2, "acl:relcl"),
    ...     ("she", "PRON", 6, "nsubj"), ("lied", "VERB", 4, "ccomp"), ("was", "AUX", 8, "aux"),
    ...     ("lying", "VERB", 0, "root")])
    >>> relative_stop(t, t.w(4))
    7
    """
    v = anchor
    for _ in range(len(t.words)):
        if v.deprel == "acl:relcl" and v.head:
            noun = t.w(v.head)
            if not noun.deprel.startswith("nsubj") or not noun.head:
                return None
            pred = t.w(noun.head)
            ids = [pred.id] + [k.id for k in t.children(pred.id, "aux", "aux:pass", "cop")]
            after = [i for i in ids if i > anchor.id]
            return min(after) if after else None
        if v.deprel.split(":")[0] not in ("conj", "xcomp", "ccomp") or not v.head:
            return None
        v = t.w(v.head)
    return None


def _snap(t: Tree, i: int, cues: list[Cue], blocks: list[set[int]], words: list[Word]) -> Cue:
    """Cue ``i`` with its content stretched to the sentence edge (itself when it cannot be)."""
    c = cues[i]
    if c.kind not in SNAPPED_KINDS or not c.has_span or c.anchor is None:
        return c
    anchor = t.w(c.anchor)
    others = _stops(t, i, c, cues, blocks)
    ids = set(c.content_ids)
    if c.content_start >= anchor.end:            # "X said (that) Y"
        stop = relative_stop(t, anchor)
        if stop is not None:  # a relative clause's cue: not into the predicate of the noun it modifies
            others = others | {w.id for w in t.words if w.id >= stop}
            ids = {i for i in ids if i < stop}
        _stretch_after(words, c, ids, others, blocks[i])
    elif c.content_end <= anchor.start:          # "Y, X said"
        _stretch_before(t, words, c, ids, others, blocks[i])
    else:
        return c
    order = t.trimmed(ids)
    if not order:
        return c
    return Cue(sentence=c.sentence, kind=c.kind, lemma=c.lemma, text=c.text, start=c.start, end=c.end,
               stance=c.stance, speaker=c.speaker, content_start=t.w(order[0]).start,
               content_end=t.w(order[-1]).end, content_ids=frozenset(order), audience=c.audience,
               anchor=c.anchor, source_text=c.source_text, rule=c.rule)


def snap_to_sentence(cues: list[Cue], t: Tree) -> list[Cue]:
    """The cues of sentence ``t``, each reported clause stretched to the sentence edge on its
    side of the cue (see the module docstring)."""
    if not cues:
        return cues
    blocks = [block(t, c) for c in cues]
    words = [w for w in t.words if w.upos != "PUNCT" or w.text in _KEPT_MARKS]
    if not words:
        return cues
    return [_snap(t, i, cues, blocks, words) for i in range(len(cues))]

