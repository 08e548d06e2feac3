""""according to X, Y": read off the parse (:func:`according_to`) or, where the parse does
not hang the phrase together, off the words (:func:`according_to_words`).

>>> from quotes.lexicons import load
>>> text = "According to Tass, talks resumed."
>>> t = Tree.of(text, [("According", "VERB", 3, "case"), ("to", "ADP", 1, "fixed"), ("Tass", "PROPN", 6, "obl"),
...                    (",", "PUNCT", 3, "punct"), ("talks", "NOUN", 6, "nsubj"), ("resumed", "VERB", 0, "root"),
...                    (".", "PUNCT", 6, "punct")])
>>> c = according_to(t, t.w(1), text, load())
>>> text[c.content_start:c.content_end], t.w(c.speaker).text, c.rule
('talks resumed', 'Tass', 'according_to')
"""

from __future__ import annotations

from quotes.extractors.tree import Tree
from quotes.lexicons import Lexicon
from quotes.types import ASSERTS, HEDGED, Cue, CueKind, Word

#: Relations by which the source of "according to" hangs off the clause it speaks for.
SOURCE_RELS = ("obl", "nmod", "advmod", "nsubj", "obj", "conj", "root", "parataxis", "dep")
#: Parts of speech of a subject the phrase may hang off.
NOMINAL = ("NOUN", "PROPN", "PRON")
#: Fewest words (after trimming) of what was said on one side of "according to X".
MIN_SIDE = 3


def according_to(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    """"according to X" hung off the clause it speaks for: X speaks; what was said is that
    clause without X ("Y, according to X, ..." says Y, the words before it, when there are
    enough of them)."""
    src = t.w(w.head) if w.head else None
    if src is None or src.deprel.split(":")[0] not in SOURCE_RELS or not src.head:
        return None
    clause = src.head
    src_ids = t.subtree(src.id)
    if t.w(clause).deprel.startswith("nsubj") and t.w(clause).upos in NOMINAL and t.w(clause).head:
        # "Other cleavages, according to the poll, include ...": hung off the subject, the
        # phrase speaks for the subject's clause
        clause = t.w(clause).head
    if clause > w.id and t.w(clause).head and t.w(clause).head < w.id:
        # "..., according to a speech Mrs. Clinton delivered in July" parsed with the speech
        # as the relative clause's own phrase: what was said comes before "according"
        src_ids = src_ids | t.subtree(clause)
        clause = t.w(clause).head
    ids = t.trimmed(t.subtree(clause, skip=src_ids))
    if not ids:
        return None
    runs = t.contiguous_runs(set(ids))
    before = [r for r in runs if r[-1] < w.id and len(t.trimmed(set(r))) >= MIN_SIDE
              and any(t.w(i).upos in ("VERB", "AUX") for i in r)]
    ids = t.trimmed(set(before[-1] if before else max(runs, key=len)))
    ids = sentence_side(t, w, src_ids) or ids
    if not ids:
        return None
    # the cue ends with "to", whether the parse made it the source's case or fixed to "according"
    to = next((k for k in t.children(src.id, "case") + t.children(w.id, "fixed") if k.id == w.id + 1), None)
    end_word = to if to is not None else w
    stance = HEDGED if _unnamed_document(src, [t.w(i) for i in src_ids], lex) else ASSERTS
    return _cue(t, w, end_word, text, stance, src, ids, "according_to")


def sentence_side(t: Tree, w: Word, src_ids: set[int]) -> list[int] | None:
    """"According to X, Y." and "Y, according to X.": with the phrase at an edge of its
    sentence, what X says is the whole rest of the sentence (the parse often hangs the phrase
    off one word of Y: "Other cleavages include ..., according to the poll").

    >>> text = "Other cleavages include age, according to the poll."
    >>> t = Tree.of(text, [("Other", "ADJ", 2, "amod"), ("cleavages", "NOUN", 3, "nsubj"),
    ...     ("include", "VERB", 0, "root"), ("age", "NOUN", 3, "obj"), (",", "PUNCT", 6, "punct"),
    ...     ("according", "VERB", 9, "case"), ("to", "ADP", 6, "fixed"), ("the", "DET", 9, "det"),
    ...     ("poll", "NOUN", 2, "nmod"), (".", "PUNCT", 3, "punct")])
    >>> [t.w(i).text for i in sentence_side(t, t.w(6), {8, 9})]
    ['Other', 'cleavages', 'include', 'age']
    """
    root = t.root()
    if root is None or root.upos not in ("VERB", "AUX"):
        return None  # no verb at the root: the parse hides the predicate, the side may not be one clause
    last = max(i for i in src_ids | {w.id + 1} if t.w(i).upos != "PUNCT")
    rest = [x for x in t.words if x.id > last]
    lead = [x for x in t.words if x.id < w.id]
    if all(x.upos == "PUNCT" for x in rest) and lead and lead[-1].text == ",":
        side = t.trimmed({x.id for x in lead})
    elif all(x.upos == "PUNCT" for x in lead) and rest and rest[0].text == ",":
        side = t.trimmed({x.id for x in rest})
    else:
        return None
    return side if len(side) >= MIN_SIDE else None


def according_to_words(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    """'according to X' read off the words when the parse does not hang it together: X runs
    from after 'to' to the next punctuation or verb; what was said is the rest of the
    sentence on the other side.

    >>> from quotes.lexicons import load
    >>> text = "Talks on trade resumed, according to two officials."
    >>> t = Tree.of(text, [("Talks", "NOUN", 4, "nsubj"), ("on", "ADP", 3, "case"), ("trade", "NOUN", 1, "nmod"),
    ...     ("resumed", "VERB", 0, "root"), (",", "PUNCT", 4, "punct"), ("according", "VERB", 4, "advcl"),
    ...     ("to", "ADP", 9, "case"), ("two", "NUM", 9, "nummod"), ("officials", "NOUN", 6, "obl"),
    ...     (".", "PUNCT", 4, "punct")])
    >>> c = according_to_words(t, t.w(6), text, load())
    >>> text[c.content_start:c.content_end], t.w(c.speaker).text
    ('Talks on trade resumed', 'officials')
    """
    words = t.words
    i = w.id  # 1-based id: words[i] is the next word
    if i >= len(words) or words[i].text.lower() != "to":
        return None
    np = _source_phrase(words, i)
    head = _phrase_head(np)
    if head is None:
        return None
    block = {w.id, words[i].id} | {x.id for x in np}
    # "Y, according to X, ...": the words before, when there are enough of them
    ids = t.trimmed({x.id for x in words if x.id < w.id})
    if len(ids) < MIN_SIDE:
        ids = t.trimmed({x.id for x in words if x.id > max(block)})
    if len(ids) < MIN_SIDE:
        return None
    stance = HEDGED if _unnamed_document(head, np, lex) else ASSERTS
    return _cue(t, w, words[i], text, stance, head, ids, "according_to_words")


def _source_phrase(words: list[Word], i: int) -> list[Word]:
    """The words after "to" (``words[i]``) up to the next punctuation, verb, subordinator or "that"."""
    np: list[Word] = []
    for k, x in enumerate(words[i + 1:], start=i + 1):
        nxt = words[k + 1] if k + 1 < len(words) else None
        # "according to show insiders": a noun the tagger read as a verb before another noun
        misread = x.upos == "VERB" and not np and nxt is not None and nxt.upos in ("NOUN", "PROPN")
        # "the conservative-leaning Tax Foundation": a hyphenated compound is one word
        hyphen = x.text == "-" and x.start == words[k - 1].end and nxt is not None and nxt.start == x.end
        compound = bool(np) and words[k - 1].text == "-" and words[k - 1].end == x.start
        if (x.upos in ("PUNCT", "VERB", "AUX", "SCONJ") and not (misread or hyphen or compound)) \
                or x.text.lower() == "that":
            break
        np.append(x)
    return np


def _phrase_head(np: list[Word]) -> Word | None:
    """The head of a source phrase: the last noun before its first preposition ("the Bureau
    of Prisons"), else its first noun."""
    heads = [x for x in np if x.upos in ("NOUN", "PROPN", "PRON")]
    if not heads:
        return None
    head = heads[0]
    for x in np:
        if x.upos == "ADP":
            break
        if x.upos in ("NOUN", "PROPN", "PRON"):
            head = x
    return head


def _unnamed_document(head: Word, phrase: list[Word], lex: Lexicon) -> bool:
    """Whether the source is an unnamed document ("according to a report"): hedged."""
    return lex.nouns.get(head.lemma.lower()) == "document" and not any(x.upos == "PROPN" for x in phrase)


def _cue(t: Tree, w: Word, end_word: Word, text: str, stance: str, src: Word, ids: list[int], rule: str) -> Cue:
    return Cue(sentence=t.sent.index, kind=CueKind.ACCORDING, lemma="according to", text=text[w.start:end_word.end],
               start=w.start, end=end_word.end, stance=stance, speaker=src.id,
               content_start=t.w(ids[0]).start, content_end=t.w(ids[-1]).end, content_ids=frozenset(ids),
               anchor=w.id, rule=rule)
