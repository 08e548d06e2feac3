"""Speaker readings for a speaker named after its verb ("..., said 9/11 widow Terry Strada",
"Y, said one GOP source in the room"), when the parse did not make the name the verb's
subject. Two of :data:`.speaker_rules.SPEAKER_READINGS`.
"""

from __future__ import annotations

from quotes.extractors.subjects import noun_apposition, relative_clause
from quotes.extractors.tree import Tree
from quotes.types import Word


def inverted_subject(t: Tree, w: Word) -> Word | None:
    """'..., said 9/11 widow Terry Strada': a noun after the verb that the parser did not
    label as its subject (obj, dep, appos ...), when what was said comes before.

    >>> from quotes.extractors.explain import trial
    >>> trial("Talks/NOUN/2/nsubj failed/VERB/0/root ,/PUNCT/4/punct said/VERB/2/parataxis/say Ushakov/PROPN/4/obj "
    ...       "./PUNCT/2/punct", "inverted_subject")
    inverted_subject fired on 'said'
    cue 'said': Ushakov -> 'Talks failed' (reporting_clause_tail)
    """
    if w.deprel.split(":")[0] not in ("parataxis", "root", "ccomp", "conj") or w.xpos == "VBG":
        return None  # ('Brown said, recalling a visit to ...': a participle's object is what it recalls)
    if any(k.id > w.id and not relative_clause(t, k) and not noun_apposition(t, k)
           for k in t.children(w.id, "ccomp", "parataxis")):
        return None  # what was said follows the verb: the noun after it is its audience or object
    for k in t.children(w.id):
        if k.id > w.id and k.upos in ("PROPN", "NOUN") and k.deprel.split(":")[0] in ("obj", "dep", "appos",
                                                                                      "iobj", "nsubj", "flat"):
            if t.child(k.id, "case") is None:
                return k
    return None


def comma_tail_subject(t: Tree, w: Word) -> Word | None:
    """'Y, said one GOP source in the room.' parsed with "said" a conj of Y's verb and the
    source its object: a reporting verb right after a comma, with no subject of its
    own, whose noun after it is all that follows to the sentence's end, is said by that noun
    (not by Y's subject, which it would inherit).

    >>> from quotes.extractors.explain import trial
    >>> trial("Talks/NOUN/2/nsubj failed/VERB/0/root ,/PUNCT/4/punct said/VERB/2/conj/say one/NUM/6/nummod "
    ...       "source/NOUN/4/obj ./PUNCT/2/punct", "comma_tail_subject")
    comma_tail_subject fired on 'said'
    cue 'said': source -> 'Talks failed' (inverted_tail)
    """
    if w.deprel.split(":")[0] != "conj" or not w.head or w.head > w.id or w.id < 2 or t.w(w.id - 1).text != "," \
            or t.child(w.id, "nsubj") is not None:
        return None  # (an "and" right before the verb cannot be: a comma is)
    k = inverted_subject(t, w)
    if k is None:
        return None
    phrase = t.subtree(k.id)
    if any(x.id not in phrase and x.upos != "PUNCT" for x in t.words[w.id:]) \
            or any(t.w(i).upos in ("VERB", "AUX") for i in phrase):
        return None  # (a noun with a clause of its own: "accused the leadership of using ...")
    return k
