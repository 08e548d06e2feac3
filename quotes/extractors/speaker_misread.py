"""A speaker reading for a main verb the tagger read as a participle ("Only 52 percent of
voters agreed that ..." with "agreed" a VBN hung off "voters"): the noun phrase the sentence
is left with is the subject. One of :data:`.speaker_rules.SPEAKER_READINGS`; the participle
vetoes of :mod:`.verb_vetoes` let such a verb through.
"""

from __future__ import annotations

from quotes.extractors.complements import that_clause_under
from quotes.extractors.tree import Tree
from quotes.types import Word

#: Parts of speech that can head the noun phrase left as the sentence's root.
NOMINAL_ROOTS = ("NOUN", "PROPN", "NUM", "PRON")


def participle_main_verb_subject(t: Tree, w: Word) -> Word | None:
    """In a sentence with no verb of its own (its root is the noun phrase the participle hangs
    in, through "of" phrases), a participle modifier with a that-clause of its own is the main
    verb, misread; the root noun is its subject.

    >>> from quotes.extractors.explain import trial
    >>> trial("Only/ADV/3/advmod 52/NUM/3/nummod percent/NOUN/0/root of/ADP/6/case registered/VERB/6/amod/register "
    ...       "voters/NOUN/3/nmod agreed/VERB:VBN/6/acl/agree that/SCONJ/10/mark it/PRON/10/nsubj "
    ...       "failed/VERB/7/ccomp/fail ./PUNCT/3/punct", "participle_main_verb_subject")
    participle_main_verb_subject fired on 'agreed'
    cue 'agreed': percent -> 'it failed' (complement_clause)
    """
    if w.deprel != "acl" or w.xpos != "VBN" or not w.head:
        return None
    top = t.w(w.head)
    while top.deprel.split(":")[0] == "nmod" and top.head:
        top = t.w(top.head)
    if top.deprel != "root" or top.upos not in NOMINAL_ROOTS:
        return None
    return top if that_clause_under(t, w, rels=("ccomp",)) is not None else None
