"""A reporting verb whose content the parse hung off the medium it was said in ("says in a
statement that ..."), off the time or place it was said ("said this week that ...") or off
its audience ("told reporters he ..."): clause readings of :data:`.verbs.CLAUSE_READINGS`.
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


def clause_of_audience(a: SpeechAct) -> Content | None:
    """"told reporters he thought Fields had made it up" parsed with "he thought ..." as a
    relative clause of "reporters": after the audience of a verb that takes a bare clause
    ("tell"), a clause opening with its own subject pronoun right after the audience's words
    is what was said, not a clause about the audience (which it is after a pronoun or a
    question word: "tell the IRS anything it doesn't know", "saying what techniques he'd support").

    >>> from quotes.extractors.explain import trial
    >>> trial("Trump/PROPN/2/nsubj told/VERB/0/root/tell reporters/NOUN/2/iobj he/PRON/5/nsubj "
    ...       "won/VERB/3/acl:relcl/win ./PUNCT/2/punct", "clause_of_audience")
    clause_of_audience fired on 'told'
    cue 'told': Trump -> 'he won' (clause_of_audience)
    """
    t, w = a.t, a.w
    if not a.takes("bare-clause"):
        return None
    asks, relatives = a.lex.words("question_words"), a.lex.words("relative_speakers")
    for audience in t.children(w.id, "iobj", "obj"):
        if audience.upos == "PRON" or any(k.lemma.lower() in asks for k in t.children(audience.id)):
            continue  # a relative clause after "anything" or "what techniques"
        clause = next((k for k in t.children(audience.id, "acl:relcl") if k.id > audience.id), None)
        if clause is None:
            continue
        ids = t.subtree(clause.id)
        subj = t.child(clause.id, "nsubj", "nsubj:pass")
        if subj is not None and subj.id == min(ids) and subj.upos == "PRON" and subj.lemma.lower() not in relatives \
                and subj.id == max(t.subtree(audience.id) - ids) + 1:
            return Content(frozenset(ids), clause)
    return None
