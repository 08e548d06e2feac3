"""A speaker reading for a main verb the tagger read as a participle ("Only 52 percent of
voters agreed that ..." with "agreed" a VBN hung off "voters"): the noun phrase the sentence
is left with is the subject. One of :data:`.speaker_rules.SPEAKER_READINGS`; the participle
vetoes of :mod:`.verb_vetoes` let such a verb through.
"""

from __future__ import annotations

from quotes.extractors.tree import Tree
from quotes.types import Word

#: Parts of speech that can head the noun phrase left as the sentence's root.
NOMINAL_ROOTS = ("NOUN", "PROPN", "NUM", "PRON")


def participle_main_verb_subject(t: Tree, w: Word) -> Word | None:
    """In a sentence with no verb of its own (its root is the noun phrase the participle hangs
    in, through "of" phrases), a participle modifier with a that-clause of its own is the main
    verb, misread; the root noun is its subject.

    >>> from quotes.extractors.explain import trial
    >>> trial("Most/ADJ/2/amod voters/NOUN/0/root agreed/VERB:VBN/2/acl/agree that/SCONJ/6/mark it/PRON/6/nsubj "
    ...       "failed/VERB/3/ccomp/fail ./PUNCT/2/punct", "participle_main_verb_subject")
    participle_main_verb_subject fired on 'agreed'
    cue 'agreed': voters -> 'it failed' (complement_clause)
    """
    if w.deprel != "acl" or w.xpos != "VBN" or not w.head:
        return None
    top = t.w(w.head)
    while top.deprel.split(":")[0] == "nmod" and top.head:
        top = t.w(top.head)
    if top.deprel != "root" or top.upos not in NOMINAL_ROOTS:
        return None
    for k in t.children(w.id, "ccomp"):
        mark = t.child(k.id, "mark")
        if k.id > w.id and mark is not None and mark.lemma.lower() == "that":
            return top
    return None
