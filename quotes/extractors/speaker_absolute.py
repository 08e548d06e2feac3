"""Speaker readings for participles with no subject of their own, of
:data:`.speaker_rules.SPEAKER_READINGS`: the noun of an absolute "with" phrase ('..., with 50
percent saying she is prepared') says what its participle says; a passive participle speaks
through its agent ("As reported by Politico, ...").
"""

from __future__ import annotations

from quotes.extractors.tree import Tree
from quotes.types import Word

#: Words before a participle searched for the noun of its "with" phrase ("with nearly half of
#: all likely voters saying": "half" is 5 words before "saying").
WITH_REACH = 8
#: Parts of speech that can head the "with" phrase's noun.
WITH_HEADS = ("NOUN", "PROPN", "PRON", "NUM")


def with_absolute_subject(t: Tree, w: Word) -> Word | None:
    """'..., with 50 percent saying she is prepared': the noun of the "with" phrase right
    before a participle with no subject of its own is who says it (not the clause's subject).

    >>> from quotes.extractors.explain import trial
    >>> trial("Voters/NOUN/2/nsubj backed/VERB/0/root her/PRON/2/obj ,/PUNCT/8/punct with/ADP/7/case 50/NUM/7/nummod "
    ...       "percent/NOUN/2/obl saying/VERB:VBG/2/advcl/say she/PRON/11/nsubj is/AUX/11/cop ready/ADJ/8/ccomp "
    ...       "./PUNCT/2/punct", "with_absolute_subject")
    with_absolute_subject fired on 'saying'
    cue 'saying': percent -> 'she is ready' (complement_clause)
    """
    if w.xpos != "VBG" or t.child(w.id, "nsubj") is not None:
        return None
    own = t.subtree(w.id)
    for x in reversed(t.words[max(0, w.id - 1 - WITH_REACH):w.id - 1]):
        if x.upos in WITH_HEADS and any(c.lemma.lower() == "with" for c in t.children(x.id, "case")):
            # the phrase must end right before the participle ("with 50 percent | saying")
            return x if max(t.subtree(x.id) - own, default=0) == w.id - 1 else None
    return None


def participle_agent(t: Tree, w: Word) -> Word | None:
    """A participle with no subject of its own speaks through its agent ("As reported by
    Western Journalism, ...", not the subject of the clause it hangs off).

    >>> from quotes.extractors.explain import trial
    >>> trial("As/SCONJ/2/mark reported/VERB:VBN/7/advcl/report by/ADP/4/case Politico/PROPN/2/obl:agent "
    ...       ",/PUNCT/2/punct voters/NOUN/7/nsubj returned/VERB/0/root/return home/ADV/7/advmod "
    ...       "./PUNCT/7/punct", "participle_agent")
    participle_agent fired on 'reported'
    cue 'reported': Politico -> 'voters returned home' (as_clause)
    """
    if w.xpos != "VBN" or t.child(w.id, "nsubj", "nsubj:pass") is not None:
        return None
    return t.child(w.id, "obl:agent")
