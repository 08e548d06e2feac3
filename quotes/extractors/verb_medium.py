"""A reporting verb whose content the parse hung off the medium it was said in ("says in a
statement that ..."): a clause reading of :data:`.verbs.CLAUSE_READINGS`.
"""

from __future__ import annotations

from quotes.extractors.complements import medium_clause
from quotes.extractors.speech import SpeechAct
from quotes.extractors.verb_content import Content


def clause_of_medium(a: SpeechAct) -> Content | None:
    """The that-clause the parse hung off the reporting noun in the verb's prepositional
    phrase ("says in a statement that the rhetoric crossed the line"): the verb says it
    (the noun is only the medium, :func:`.cues.medium_noun`).

    >>> from quotes.extractors.explain import trial
    >>> trial("Awad/PROPN/2/nsubj says/VERB/0/root/say in/ADP/5/case a/DET/5/det statement/NOUN/2/obl "
    ...       "that/SCONJ/9/mark the/DET/8/det rhetoric/NOUN/9/nsubj crossed/VERB/5/acl/cross the/DET/11/det "
    ...       "line/NOUN/9/obj ./PUNCT/2/punct", "clause_of_medium")
    clause_of_medium fired on 'says'
    cue 'says': Awad -> 'the rhetoric crossed the line' (clause_of_medium)
    """
    for noun in a.t.children(a.w.id, "obl"):
        if noun.id < a.w.id or noun.lemma.lower() not in a.lex.nouns or a.t.child(noun.id, "case") is None:
            continue
        clause = medium_clause(a.t, noun)
        if clause is not None:
            return Content(frozenset(a.t.subtree(clause.id)), clause)
    return None
