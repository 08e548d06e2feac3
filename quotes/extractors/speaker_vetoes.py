"""Rejections of a speaker a reading found where the parse gave a verb the wrong subject:
part of :data:`.speaker_rules.SPEAKER_REJECTIONS`.
"""

from __future__ import annotations

from quotes.extractors.complements import complement_subject_on_verb
from quotes.extractors.tree import Tree
from quotes.lexicons import Lexicon
from quotes.types import Word


def subject_of_complement(t: Tree, w: Word, x: Word, lex: Lexicon) -> bool:
    """A subject the parse gave the verb after it, before a complement clause with no subject
    of its own, is that clause's ('Saturday Warren said the nominee was a “failure”').

    >>> from quotes.extractors.explain import trial
    >>> trial("Warren/PROPN/2/dep said/VERB/0/root/say the/DET/4/det nominee/NOUN/2/nsubj was/AUX/7/cop "
    ...       "a/DET/7/det failure/NOUN/2/ccomp ./PUNCT/2/punct", "subject_of_complement")
    subject_of_complement vetoed on 'said'
    cue 'said': Warren -> 'the nominee was a failure' (complement_clause)
    """
    return x.head == w.id and x.id > w.id and any(
        complement_subject_on_verb(t, w, k) is x for k in t.children(w.id, "ccomp"))


def named_before_conjunct(t: Tree, w: Word, x: Word, lex: Lexicon) -> bool:
    """A subject inherited by a conjunct with no "and" or "but" is not its speaker when a
    name in apposition stands right before the verb ('The report comes after one of his
    advisers, Yuri Ushakov, told Interfax that ...' parsed with "told" a conjunct of
    "comes"): that name is (the speaker before the verb is found later).

    >>> from quotes.extractors.explain import trial
    >>> trial("The/DET/2/det report/NOUN/3/nsubj came/VERB/0/root after/ADP/5/case one/NUM/3/obl ,/PUNCT/7/punct "
    ...       "Yuri/PROPN/5/appos Ushakov/PROPN/7/flat ,/PUNCT/7/punct told/VERB/3/conj/tell Tass/PROPN/10/obj "
    ...       "that/SCONJ/15/mark talks/NOUN/15/nsubj had/AUX/15/aux failed/VERB/10/ccomp ./PUNCT/3/punct",
    ...       "named_before_conjunct")
    named_before_conjunct vetoed on 'told'
    named_before_conjunct vetoed on 'told'
    cue 'told': Yuri -> 'talks had failed' (complement_clause)
    """
    if not w.deprel.startswith("conj") or x.head == w.id or t.child(w.id, "cc") is not None or w.xpos == "VBG":
        return False  # ('spoke ... in Tulsa, Oklahoma, arguing that ...': a participle's speaker is the clause's)
    k = w.id - 1
    while k >= 1 and t.w(k).upos == "PUNCT":
        k -= 1
    if k < 1 or k == w.id - 1:
        return False  # (a comma must set the name off)
    name = t.w(k)
    while name.deprel.startswith(("flat", "compound")) and name.head:
        name = t.w(name.head)
    return name.upos == "PROPN" and name.deprel.startswith("appos")


def subject_before_complement(t: Tree, w: Word, x: Word, lex: Lexicon) -> bool:
    """A subject the parse gave a verb set off after what was said, with the verb's complement
    between them, is the complement's own ('Debates are not likely to matter, noted NBC's
    Dante Chinni' parsed with "debates" the subject of "noted"): the noun after the verb is
    the speaker (:func:`.speaker_inverted.inverted_subject`).

    >>> from quotes.extractors.explain import trial
    >>> trial("Debates/NOUN/6/nsubj are/AUX/4/cop not/PART/4/advmod likely/ADJ/6/ccomp ,/PUNCT/1/punct "
    ...       "noted/VERB/0/root/note Chinni/PROPN/6/obj ./PUNCT/6/punct", "subject_before_complement")
    subject_before_complement vetoed on 'noted'
    cue 'noted': Chinni -> 'are not likely' (complement_clause)
    """
    if x.head != w.id or x.id > w.id or w.id < 2 or t.w(w.id - 1).text != ",":
        return False
    between = [k for k in t.children(w.id, "ccomp") if x.id < k.id < w.id and t.child(k.id, "nsubj") is None]
    after = any(k.id > w.id and k.upos in ("PROPN", "NOUN") and k.deprel.split(":")[0] in ("nsubj", "obj")
                for k in t.children(w.id))
    return bool(between) and after
