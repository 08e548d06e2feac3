"""Reported speech that its own reporting clause interrupts: "The museum, Mr. Obama said,
would make visitors face uncomfortable truths."

The parse usually hangs one side of such a sentence off the verb and leaves the other out
(or makes "The museum" the subject of "said"); what was said is both sides, one statement
in two pieces.

:func:`around_reporting_clause` finds the reporting clause between two commas
(:func:`reporting_clause`), drops it when one of the :data:`VETOES` applies, and picks the
speaker with the first of the :data:`SPEAKER_RULES` that names one.

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

from collections.abc import Callable
from typing import NamedTuple

from quotes.lexicons import load
from quotes.types import Word
from quotes.extractors import rules
from quotes.extractors.tree import OPEN_QUOTES, QUOTE_MARKS, Tree

#: The rule sequences of this module (tests/test_rules.py takes out each rule in turn).
RULE_SEQUENCES = ("VETOES", "SPEAKER_RULES")

#: Most words between the verb and the comma that closes its clause ("said Friday",
#: "said in a statement").
MAX_TAIL = 5
#: Tags of a verb form that names or modifies rather than reports ("His group, called the Legacy Fund, ...").
PARTICIPLES = ("VBN", "VBG")
#: What may follow the verb inside its own clause: "said on Friday", "told me then".
_TAIL_RELS = frozenset({"obl", "advmod", "case", "det", "amod", "compound", "nmod", "nummod", "flat", "punct",
                        "iobj"})
_STOPS = frozenset({","}) | QUOTE_MARKS
_NP = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON", "PUNCT", "NUM", "ADP", "PART"})  # "advisers to Mr. Obama"
_NOMINAL = ("PROPN", "NOUN", "PRON")


class Interruption(NamedTuple):
    """A reporting clause between two commas, and the words on either side of it.

    ``lo`` is the id of the clause's first word (the comma before it is word ``lo - 1``),
    ``hi`` the id of the comma that closes it; ``names`` are its nominal words."""

    lo: int
    hi: int
    names: list[Word]
    left: list[Word]
    right: list[Word]


def _inverted_end(t: Tree, w: Word) -> int | None:
    """', said Fowler,': the id after the name that follows verb ``w`` (only verbs of saying
    invert: the word list ``inverting_verbs``), None for another verb."""
    if w.lemma.lower() not in load().words("inverting_verbs"):
        return None
    hi, words = w.id + 1, t.words
    while hi <= len(words) and words[hi - 1].upos in _NP and words[hi - 1].text not in _STOPS:
        hi += 1
    return hi


def _tail_end(t: Tree, w: Word, hi: int) -> int | None:
    """The id of the comma closing verb ``w``'s clause past a short tail ("said on Friday,"),
    None when a clause or an object of its own follows the verb ("said he would ...",
    "criticized Tulsa, Okla., police officer ...")."""
    words = t.words
    while hi <= len(words) and words[hi - 1].text != "," and hi - w.id <= MAX_TAIL:
        x = words[hi - 1]
        if x.upos in ("VERB", "AUX", "SCONJ") or x.deprel.split(":")[0] not in _TAIL_RELS \
                and not (x.upos == "PRON" and x.head == w.id):
            return None
        hi += 1
    return hi if hi <= len(words) and words[hi - 1].text == "," else None


def reporting_clause(t: Tree, w: Word) -> Interruption | None:
    """', X said,' or ', said X,' around verb ``w`` between two commas, or None.

    >>> t = Tree.of("Prices, he said on Friday, will rise.", [("Prices", "NOUN", 9, "nsubj"),
    ...     (",", "PUNCT", 4, "punct"), ("he", "PRON", 4, "nsubj"), ("said", "VERB", 0, "root"),
    ...     ("on", "ADP", 6, "case"), ("Friday", "PROPN", 4, "obl"), (",", "PUNCT", 4, "punct"),
    ...     ("will", "AUX", 9, "aux"), ("rise", "VERB", 4, "ccomp"), (".", "PUNCT", 4, "punct")])
    >>> x = reporting_clause(t, t.w(4))
    >>> x.lo, x.hi, [n.text for n in x.names]
    (3, 7, ['he'])
    """
    words = t.words
    lo, hi = phrase_start(t, w), w.id + 1
    if lo == w.id:
        hi = _inverted_end(t, w)
        if hi is None:
            return None
    names = [x for x in words[lo - 1:hi - 1] if x.upos in _NOMINAL]
    if lo > 2 and words[lo - 2].text.lower() == "as" and words[lo - 3].text == ",":
        lo -= 1  # "Hawaii, as one of Mr. Obama's climate advisers pointed out, normally does not ..."
    if lo < 2 or words[lo - 2].text != "," or not names:
        return None
    hi = _tail_end(t, w, hi)
    if hi is None:
        return None
    left = [x for x in words[:lo - 2] if x.upos != "PUNCT"]
    right = [x for x in words[hi:] if x.upos != "PUNCT"]
    return Interruption(lo, hi, names, left, right)


# --- vetoes: an interruption that is no reporting clause of a statement around it ---------

def quotation_follows(t: Tree, x: Interruption) -> bool:
    """', X said, “...”': the quotation is what was said.

    >>> t = Tree.of('So, he said, “we go.”', [("So", "ADV", 4, "advmod"), (",", "PUNCT", 4, "punct"),
    ...     ("he", "PRON", 4, "nsubj"), ("said", "VERB", 0, "root"), (",", "PUNCT", 4, "punct"),
    ...     ("“", "PUNCT", 7, "punct"), ("we", "PRON", 8, "nsubj"), ("go", "VERB", 4, "ccomp")])
    >>> quotation_follows(t, reporting_clause(t, t.w(4)))
    True
    """
    return x.hi < len(t.words) and t.words[x.hi].text in OPEN_QUOTES


def quotation_before(t: Tree, x: Interruption) -> bool:
    """'“A,” she said, “B.”': a quotation its cue interrupts has its own rules (direct).

    >>> t = Tree.of('“We act,” she said, and left.', [("“", "PUNCT", 3, "punct"), ("We", "PRON", 3, "nsubj"),
    ...     ("act", "VERB", 7, "ccomp"), (",", "PUNCT", 3, "punct"), ("”", "PUNCT", 3, "punct"),
    ...     ("she", "PRON", 7, "nsubj"), ("said", "VERB", 0, "root"), (",", "PUNCT", 7, "punct"),
    ...     ("and", "CCONJ", 10, "cc"), ("left", "VERB", 7, "conj")])
    >>> quotation_before(t, Interruption(6, 8, [t.w(6)], [t.w(2), t.w(3)], [t.w(9), t.w(10)]))
    True
    """
    return any(w.text in QUOTE_MARKS for w in t.words[:x.lo - 2][:2])


def little_before(t: Tree, x: Interruption) -> bool:
    """'Yes, he said, ...': one word before the clause is a statement only when it is a noun
    phrase's head ("Prices, he said, will rise").

    >>> t = Tree.of("So, he said, prices will rise.", [("So", "ADV", 4, "advmod"), (",", "PUNCT", 4, "punct"),
    ...     ("he", "PRON", 4, "nsubj"), ("said", "VERB", 0, "root"), (",", "PUNCT", 4, "punct"),
    ...     ("prices", "NOUN", 8, "nsubj"), ("will", "AUX", 8, "aux"), ("rise", "VERB", 4, "ccomp")])
    >>> little_before(t, reporting_clause(t, t.w(4)))
    True
    """
    return not x.left or len(x.left) < 2 and x.left[0].upos not in _NOMINAL


def little_after(t: Tree, x: Interruption) -> bool:
    """'Prices, he said, rose.': fewer than two words after the clause.

    >>> t = Tree.of("Prices, he said, rose.", [("Prices", "NOUN", 6, "nsubj"), (",", "PUNCT", 4, "punct"),
    ...     ("he", "PRON", 4, "nsubj"), ("said", "VERB", 0, "root"), (",", "PUNCT", 4, "punct"),
    ...     ("rose", "VERB", 4, "ccomp"), (".", "PUNCT", 4, "punct")])
    >>> little_after(t, reporting_clause(t, t.w(4)))
    True
    """
    return len(x.right) < 2


def clause_after(t: Tree, x: Interruption) -> bool:
    """'The plan, he said, adding that ...': what follows the clause opens a clause of its
    own ("adding", "while", or a gerund), not the rest of the statement.

    >>> t = Tree.of("The plan, he said, while we wait.", [("The", "DET", 2, "det"), ("plan", "NOUN", 5, "obj"),
    ...     (",", "PUNCT", 5, "punct"), ("he", "PRON", 5, "nsubj"), ("said", "VERB", 0, "root"),
    ...     (",", "PUNCT", 5, "punct"), ("while", "SCONJ", 9, "mark"), ("we", "PRON", 9, "nsubj"),
    ...     ("wait", "VERB", 5, "advcl")])
    >>> clause_after(t, reporting_clause(t, t.w(5)))
    True
    """
    return x.right[0].text.lower() in load().words("interruption_clause_openers") or x.right[0].xpos == "VBG"


def no_verb_after(t: Tree, x: Interruption) -> bool:
    """'..., said Brian Baker, a political adviser.': the rest of the clause has its verb after
    the interruption; an apposition has none.

    >>> t = Tree.of("The plan failed, say officials, a team of advisers.", [("The", "DET", 2, "det"),
    ...     ("plan", "NOUN", 3, "nsubj"), ("failed", "VERB", 0, "root"), (",", "PUNCT", 5, "punct"),
    ...     ("say", "VERB", 3, "parataxis"), ("officials", "NOUN", 5, "nsubj"), (",", "PUNCT", 9, "punct"),
    ...     ("a", "DET", 9, "det"), ("team", "NOUN", 6, "appos"), ("of", "ADP", 11, "case"),
    ...     ("advisers", "NOUN", 9, "nmod"), (".", "PUNCT", 3, "punct")])
    >>> no_verb_after(t, reporting_clause(t, t.w(5)))
    True
    """
    return not any(w.upos in ("VERB", "AUX") for w in x.right)


#: What makes a comma-bounded clause around a verb no interruption of a statement, in order.
VETOES: tuple[Callable[[Tree, Interruption], bool], ...] = (
    quotation_follows, quotation_before, little_before, little_after, clause_after, no_verb_after)


# --- speaker rules: who in the clause speaks -------------------------------------------

def verb_subject(t: Tree, w: Word, x: Interruption) -> Word | None:
    """The verb's own nominal subject ("Prices, he said, will rise": "he").

    >>> t = Tree.of("Prices, he said, will rise.", [("Prices", "NOUN", 9, "nsubj"), (",", "PUNCT", 4, "punct"),
    ...     ("he", "PRON", 4, "nsubj"), ("said", "VERB", 0, "root"), (",", "PUNCT", 4, "punct"),
    ...     ("will", "AUX", 7, "aux"), ("rise", "VERB", 4, "ccomp")])
    >>> verb_subject(t, t.w(4), Interruption(3, 5, [t.w(3)], [], [])).text
    'he'
    """
    return next((n for n in x.names if n.head == w.id and n.deprel.startswith("nsubj")), None)


def head_before_preposition(t: Tree, w: Word, x: Interruption) -> Word | None:
    """With words before the verb and no subject among them: the last noun before any
    preposition ("advisers to Mr. Obama": "advisers"), else the last noun.

    >>> t = Tree.of("Prices, advisers to Obama said", [("Prices", "NOUN", 7, "nsubj"), (",", "PUNCT", 7, "punct"),
    ...     ("advisers", "NOUN", 6, "obl"), ("to", "ADP", 5, "case"), ("Obama", "PROPN", 3, "nmod"),
    ...     ("said", "VERB", 0, "root")])
    >>> head_before_preposition(t, t.w(6), Interruption(3, 7, [t.w(3), t.w(5)], [], [])).text
    'advisers'
    """
    if x.lo >= w.id:
        return None
    block = t.words[x.lo - 1:w.id - 1]
    cut = next((i for i, b in enumerate(block) if b.upos == "ADP"), len(block))
    return next((b for b in reversed(block[:cut]) if b in x.names), x.names[-1])


def first_name(t: Tree, w: Word, x: Interruption) -> Word | None:
    """', said Fowler,': the first name after the verb.

    >>> t = Tree.of("said Fowler", [("said", "VERB", 0, "root"), ("Fowler", "PROPN", 1, "obj")])
    >>> first_name(t, t.w(1), Interruption(1, 3, [t.w(2)], [], [])).text
    'Fowler'
    """
    return x.names[0]


#: Who speaks, in order: the first rule that names a word wins.
SPEAKER_RULES: tuple[Callable[[Tree, Word, Interruption], Word | None], ...] = (
    verb_subject, head_before_preposition, first_name)


def _name_head(t: Tree, x: Interruption, speaker: Word) -> Word:
    """'Charlotte Mayor Jennifer Roberts': up from a name's flat or compound part to its head."""
    while speaker.deprel.startswith(("flat", "compound")) and speaker.head and \
            x.lo <= speaker.head < x.hi and t.w(speaker.head).upos in ("PROPN", "NOUN"):
        speaker = t.w(speaker.head)
    return speaker


def around_reporting_clause(t: Tree, w: Word) -> tuple[Word, tuple[tuple[int, int], tuple[int, int]]] | None:
    """The speaker and the two pieces of what was said around ", X said," (or ", said X,")
    in the middle of sentence ``t``: ``(speaker word, ((start, end), (start, end)))``; None
    unless verb ``w`` and a noun phrase stand alone between two commas with enough words on
    either side."""
    if w.xpos in PARTICIPLES:
        return None  # "His group, called the Legacy Fund, ..." names
    x = reporting_clause(t, w)
    if x is None or rules.first_veto(VETOES, t, x):
        return None
    _, speaker = rules.first_match(SPEAKER_RULES, t, w, x)
    left, right = x.left, x.right
    return _name_head(t, x, speaker), ((left[0].start, left[-1].end), (right[0].start, right[-1].end))


def reporting_tail(t: Tree, w: Word) -> tuple[Word, tuple[int, int]] | None:
    """'..., a spokesman announced Monday morning.' ending its sentence, however the parse
    attached the verb (it may make "announced" modify "morning"): the speaker and the span
    of what was said before the comma."""
    words = t.words
    if w.xpos == "VBG":  # (a past participle is the usual mistag: "a spokesman announced/VBN Monday")
        return None
    lo = phrase_start(t, w)
    names = [x for x in words[lo - 1:w.id - 1] if x.upos in _NOMINAL]
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


def phrase_start(t: Tree, w: Word) -> int:
    """Word id where the noun phrase right before verb ``w`` starts (``w.id`` when there is
    none): ", Mr. Obama said", ", the agency said", ", Charlotte Mayor Jennifer Roberts said".

    >>> t = Tree.of("Prices, Mr. Obama said", [("Prices", "NOUN", 5, "obj"), (",", "PUNCT", 5, "punct"),
    ...     ("Mr.", "PROPN", 4, "compound"), ("Obama", "PROPN", 5, "nsubj"), ("said", "VERB", 0, "root")])
    >>> phrase_start(t, t.w(5))
    3
    """
    lo = w.id
    while lo > 1 and w.id - lo < 2 and t.w(lo - 1).upos == "ADV" and t.w(lo - 1).head == w.id:
        lo -= 1  # ", Mr. Obama often says,"
    adverbs = lo
    while lo > 1 and t.w(lo - 1).upos in _NP and t.w(lo - 1).text not in _STOPS:
        lo -= 1
    return lo if lo < adverbs else w.id
