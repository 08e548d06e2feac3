"""A reporting verb whose content the parse hung off the medium it was said in ("says in a
statement that ...") or off the time or place it was said ("said this week that ..."): clause
readings of :data:`.verbs.CLAUSE_READINGS`.
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


def clause_of_adjunct(a: SpeechAct) -> Content | None:
    """The that-clause the parse hung off a time or place after the verb as a relative clause
    ("said this week that ...", "told CBS on Monday that ..."). A relative clause's "that" is a
    pronoun with a role in it; a "that" that only marks the clause (SCONJ, ``mark``) makes it a
    complement, and after a reporting verb it is the verb's. A reporting noun's clause is left
    to :func:`clause_of_medium`.

    >>> from quotes.extractors.explain import trial
    >>> trial("May/PROPN/2/nsubj said/VERB/0/root/say this/DET/4/det week/NOUN/2/obl:unmarked "
    ...       "that/SCONJ/7/mark it/PRON/7/nsubj quits/VERB/4/acl:relcl/quit ./PUNCT/2/punct", "clause_of_adjunct")
    clause_of_adjunct fired on 'said'
    cue 'said': May -> 'it quits' (clause_of_adjunct)
    """
    t, w = a.t, a.w
    for noun in t.children(w.id, "obl", "nmod"):
        if noun.id < w.id or noun.lemma.lower() in a.lex.nouns:
            continue
        clause = medium_clause(t, noun, rels=("acl",))  # where a relative clause hangs
        if clause is not None:
            return Content(frozenset(t.subtree(clause.id)), clause)
    return None
