"""Reported speech that its own reporting clause interrupts: "The museum, Mr. Obama said,
would make visitors face uncomfortable truths."

The parse usually hangs one side of such a sentence off the verb and leaves the other out
(or makes "The museum" the subject of "said"); what was said is both sides, one statement
in two pieces.

>>> text = "The museum, Obama said, would teach us."
>>> t = Tree.of(text, [("The", "DET", 2, "det"), ("museum", "NOUN", 5, "nsubj"), (",", "PUNCT", 4, "punct"),
...                    ("Obama", "PROPN", 5, "nsubj"), ("said", "VERB", 0, "root"), (",", "PUNCT", 8, "punct"),
...                    ("would", "AUX", 8, "aux"), ("teach", "VERB", 5, "ccomp"), ("us", "PRON", 8, "obj"),
...                    (".", "PUNCT", 5, "punct")])
>>> speaker, parts = around_reporting_clause(t, t.w(5))
>>> speaker.text, [text[s:e] for s, e in parts]
('Obama', ['The museum', 'would teach us'])
"""

from __future__ import annotations

from quotes.types import Word
from quotes.extractors.tree import OPEN_QUOTES, QUOTE_MARKS, Tree

#: Most words between the verb and the comma that closes its clause ("said Friday",
#: "said in a statement").
MAX_TAIL = 5
_CLAUSE_OPENERS = {"adding", "saying", "noting", "arguing", "while", "although", "because", "as", "who", "which",
                   "when"}


def around_reporting_clause(t: Tree, w: Word) -> tuple[Word, tuple[tuple[int, int], tuple[int, int]]] | None:
    """The speaker and the two pieces of what was said around ", X said," (or ", said X,")
    in the middle of sentence ``t``: ``(speaker word, ((start, end), (start, end)))``; None
    unless verb ``w`` and a noun phrase stand alone between two commas with enough words on
    either side."""
    words = t.words
    if w.xpos in ("VBN", "VBG"):
        return None  # "His group, called the Legacy Fund, ..." names
    lo = _phrase_start(t, w)
    hi = w.id + 1
    if lo == w.id:  # ", said Fowler,": the name follows the verb (only verbs of saying invert)
        if w.lemma.lower() not in _INVERTING:
            return None
        while hi <= len(words) and words[hi - 1].upos in _NP and words[hi - 1].text not in _STOPS:
            hi += 1
    names = [x for x in words[lo - 1:hi - 1] if x.upos in ("PROPN", "NOUN", "PRON")]
    if lo > 2 and words[lo - 2].text.lower() == "as" and words[lo - 3].text == ",":
        lo -= 1  # "Hawaii, as one of Mr. Obama's climate advisers pointed out, normally does not ..."
    if lo < 2 or words[lo - 2].text != "," or not names:
        return None
    while hi <= len(words) and words[hi - 1].text != "," and hi - w.id <= MAX_TAIL:
        x = words[hi - 1]
        if x.upos in ("VERB", "AUX", "SCONJ") or x.deprel.split(":")[0] not in _TAIL_RELS \
                and not (x.upos == "PRON" and x.head == w.id):
            return None  # a clause or an object of its own after the verb, not a tail ("said he
            # would ...", "criticized Tulsa, Okla., police officer ...")
        hi += 1
    if hi > len(words) or words[hi - 1].text != "," or hi < len(words) and words[hi].text in OPEN_QUOTES:
        return None  # (', X said, “...”': the quotation is what was said)
    if any(x.text in QUOTE_MARKS for x in words[:lo - 2][:2]):
        return None  # '“A,” she said, “B.”': a quotation its cue interrupts has its own rules
    left = [x for x in words[:lo - 2] if x.upos != "PUNCT"]
    right = [x for x in words[hi:] if x.upos != "PUNCT"]
    if not left or len(left) < 2 and left[0].upos not in ("PROPN", "NOUN", "PRON") or len(right) < 2 \
            or right[0].text.lower() in _CLAUSE_OPENERS or right[0].xpos == "VBG":
        return None
    if not any(x.upos in ("VERB", "AUX") for x in right):
        return None  # the rest of the clause has its verb after the interruption ("..., said
        # Brian Baker, a political adviser." has none: an apposition)
    subject = [x for x in names if x.head == w.id and x.deprel.startswith("nsubj")]
    if subject:
        speaker = subject[0]
    elif lo < w.id:  # the head noun before any preposition: "advisers to Mr. Obama"
        block = words[lo - 1:w.id - 1]
        cut = next((i for i, x in enumerate(block) if x.upos == "ADP"), len(block))
        speaker = next((x for x in reversed(block[:cut]) if x in names), names[-1])
    else:
        speaker = names[0]
    while speaker.deprel.startswith(("flat", "compound")) and speaker.head and \
            lo <= speaker.head < hi and t.w(speaker.head).upos in ("PROPN", "NOUN"):
        speaker = t.w(speaker.head)
    return speaker, ((left[0].start, left[-1].end), (right[0].start, right[-1].end))


#: Verbs that stand before their speaker in ", said X,".
_INVERTING = frozenset({"say", "add", "write", "ask", "note", "explain", "recall", "argue", "continue", "insist",
                        "reply", "tell"})
#: What may follow the verb inside its own clause: "said on Friday", "told me then".
_TAIL_RELS = frozenset({"obl", "advmod", "case", "det", "amod", "compound", "nmod", "nummod", "flat", "punct",
                        "iobj"})
_STOPS = frozenset({","}) | QUOTE_MARKS
_NP = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON", "PUNCT", "NUM", "ADP", "PART"})  # "advisers to Mr. Obama"


def reporting_tail(t: Tree, w: Word) -> tuple[Word, tuple[int, int]] | None:
    """'..., a spokesman announced Monday morning.' ending its sentence, however the parse
    attached the verb (it may make "announced" modify "morning"): the speaker and the span
    of what was said before the comma."""
    words = t.words
    if w.xpos == "VBG":  # (a past participle is the usual mistag: "a spokesman announced/VBN Monday")
        return None
    lo = _phrase_start(t, w)
    names = [x for x in words[lo - 1:w.id - 1] if x.upos in ("PROPN", "NOUN", "PRON")]
    if lo < 2 or words[lo - 2].text != "," or not names:
        return None
    tail = [x for x in words[w.id:] if x.upos != "PUNCT"]
    if len(tail) > MAX_TAIL or any(x.upos not in ("NOUN", "PROPN", "ADP", "DET", "NUM", "ADV", "ADJ") for x in tail):
        return None
    if any(x.text in QUOTE_MARKS for x in words[w.id:]):
        return None
    left = [x for x in words[:lo - 2] if x.upos != "PUNCT"]
    if len(left) < 3 or not any(x.upos in ("VERB", "AUX") for x in left) or left[0].text in QUOTE_MARKS:
        return None
    return names[-1], (left[0].start, left[-1].end)


def _phrase_start(t: Tree, w: Word) -> int:
    """Word id where the noun phrase right before verb ``w`` starts (``w.id`` when there is
    none): ", Mr. Obama said", ", the agency said", ", Charlotte Mayor Jennifer Roberts said"."""
    lo = w.id
    while lo > 1 and w.id - lo < 2 and t.w(lo - 1).upos == "ADV" and t.w(lo - 1).head == w.id:
        lo -= 1  # ", Mr. Obama often says,"
    adverbs = lo
    while lo > 1 and t.w(lo - 1).upos in _NP and t.w(lo - 1).text not in _STOPS:
        lo -= 1
    return lo if lo < adverbs else w.id
