"""A reporting verb whose clause the tagger or the parser broke up so that no clause of the
verb's own is left: a clause reading of :data:`.verbs.CLAUSE_READINGS`
(:func:`second_subject_clause`) and a position reading of :data:`.verbs.POSITION_READINGS`
(:func:`inverted_tail`).
"""

from __future__ import annotations

from quotes.extractors.speech import SpeechAct, clause_after
from quotes.extractors.verb_content import Content


def second_subject_clause(a: SpeechAct) -> Content | None:
    """"Cameron's spokesman said the prime minister stood by his comments" with "stood" read
    as a modifier of "minister" (or "... and protests demands that ..." with "demands" tagged
    a noun): the parse made the complement's subject a second subject of the verb, after it,
    and left no clause. For a verb that takes a bare clause (or any verb with "that" right
    after it: "Trump charges that countries ... donated"), with its own subject before it,
    what was said runs from that second subject to the end of the verb's phrase, when a verb
    stands in it.

    >>> from quotes.extractors.explain import trial
    >>> trial("Aides/NOUN/2/nsubj said/VERB/0/root/say the/DET/4/det minister/NOUN/2/nsubj "
    ...       "stood/VERB/4/acl/stand by/ADP/7/case it/PRON/5/obl ./PUNCT/2/punct", "second_subject_clause")
    second_subject_clause fired on 'said'
    cue 'said': Aides -> 'the minister stood by it' (second_subject_clause)
    """
    t, w = a.t, a.w
    that = w.id < len(t.words) and t.w(w.id + 1).lemma.lower() == "that" and t.w(w.id + 1).upos == "SCONJ"
    if not (a.takes("bare-clause") or that) or a.subj is None or a.subj.id > w.id:
        return None
    second = next((s for s in t.children(w.id, "nsubj") if s.id > w.id), None)
    if second is None:
        return None
    first = min(t.subtree(second.id))
    ids = frozenset(i for i in t.subtree(w.id) if i >= first)
    if not any(t.w(i).upos in ("VERB", "AUX") for i in ids):
        return None
    return Content(ids, second)


#: What may follow a reporting clause that ends its sentence: its audience, a time or place
#: ("told The Huffington Post on Thursday"), punctuation.
_TAIL = ("obj", "iobj", "obl", "advmod", "punct", "nmod")


def _ends_sentence(a: SpeechAct) -> bool:
    """Whether nothing but the verb's subject (with its apposition), its audience, a time or
    a place, or punctuation follows the verb to the sentence's end: no clause of its own."""
    t, w = a.t, a.w
    own, speaker = t.subtree(w.id), t.subtree(a.subj.id) if a.subj is not None else set()
    return all(x.id in own and (x.head != w.id or x.deprel.split(":")[0] in _TAIL + ("nsubj",))
               or x.upos == "PUNCT" and x.id == len(t.words) for x in t.words[w.id:]) \
        and not clause_after(t, w, skip=speaker)


def inverted_tail(a: SpeechAct) -> Content | None:
    """"Y, said Mr. Barrett, the state's lawyer." parsed with "said" as a conj of Y's verb:
    a reporting verb right after a comma, its subject after it, ending the sentence, says
    the clause it hangs off.

    >>> from quotes.extractors.explain import trial
    >>> trial("Officials/NOUN/2/nsubj felt/VERB/0/root/feel fine/ADJ/2/xcomp ,/PUNCT/5/punct said/VERB/2/conj/say "
    ...       "Barrett/PROPN/5/nsubj ,/PUNCT/9/punct the/DET/9/det lawyer/NOUN/6/appos ./PUNCT/2/punct",
    ...       "inverted_tail")
    inverted_tail fired on 'said'
    cue 'said': Barrett -> 'Officials felt fine' (inverted_tail)
    """
    t, w, s = a.t, a.w, a.subj
    if a.rel not in ("conj", "ccomp") or not w.head or w.head > w.id or s is None or s.id < w.id \
            or any(c.id >= w.id - 2 for c in t.children(w.id, "cc")) or w.id < 2 or t.w(w.id - 1).text != "," \
            or not _ends_sentence(a):
        return None
    return Content(frozenset(t.subtree(w.head, skip=t.subtree(w.id))))
