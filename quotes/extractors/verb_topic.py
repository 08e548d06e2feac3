"""What a reporting verb's speech act is about, where it has no clause of its own: the
topic readings of :data:`.verbs.TOPIC_READINGS` ("complained about his mic"; a clause that
opens right after the verb, wherever the parse hung it).
"""

from __future__ import annotations

from quotes.extractors.speech import SpeechAct
from quotes.extractors.verb_content import Content


def about_topic(a: SpeechAct) -> Content | None:
    """What the speech act is about ("complained about his mic", "commented on Crutcher's
    death", "asked Clinton about her emails", "responded by using ..."); not when the verb
    has an object of its own ("wrote a letter about ..." is about the letter).

    >>> from quotes.extractors.explain import trial
    >>> trial("Chairman/NOUN/4/nsubj ,/PUNCT/3/punct Lovas/PROPN/1/appos said/VERB/0/root/say he/PRON/8/nsubj "
    ...       "can/AUX/8/aux not/PART/8/advmod comment/VERB/4/ccomp on/ADP/10/case letter/NOUN/8/obl ./PUNCT/4/punct",
    ...       "about_topic")
    about_topic fired on 'comment'
    cue 'said': Chairman -> 'he can not comment on letter' (clause_after_verb)
    cue 'can not comment': he -> 'on letter' (about_topic)
    """
    t, w, lex = a.t, a.w, a.lex
    if t.child(w.id, "obj") is not None and a.lemma not in lex.words("audience_object_verbs"):
        return None
    for k in t.children(w.id, "obl", "advcl"):
        c = t.child(k.id, "case", "mark") if k.id > w.id else None
        if c is None or k.lemma.lower() in lex.words("media_nouns"):
            continue  # ("wrote on Facebook": where it was said)
        case = c.lemma.lower()
        if case == "about" or case == "on" and a.lemma in lex.words("on_topic_verbs") \
                or case in lex.words("response_cases") and a.lemma in lex.words("response_verbs"):
            return Content(frozenset(t.subtree(k.id)))
    return None


def clause_opened_after(a: SpeechAct) -> Content | None:
    """The clause that opens right after the verb (and its audience), wherever the parse hung
    it ("began by saying he would “never” diagnose ...", "by telling them that their lives
    are ...", 'saying it “could take place”' with "it" parsed as the object of "take").

    >>> from quotes.extractors.explain import trial
    >>> trial("Dean/PROPN/2/nsubj began/VERB/0/root by/SCONJ/4/mark saying/VERB:VBG/2/advcl/say he/PRON/7/nsubj "
    ...       "would/AUX/7/aux diagnose/VERB/2/parataxis nobody/PRON/7/obj ./PUNCT/2/punct", "clause_opened_after")
    clause_opened_after fired on 'saying'
    cue 'saying': Dean -> 'he would diagnose nobody' (clause_opened_after)
    """
    if not a.takes("bare-clause", "clause"):
        return None
    t, w = a.t, a.w
    k = w.id + 1
    while k < len(t.words) and t.w(k).head == w.id and t.w(k).deprel.split(":")[0] in ("obj", "iobj") \
            and t.w(k).upos in ("PRON", "PROPN"):
        k += 1
    nxt = t.w(k) if k <= len(t.words) else None
    subject = nxt is not None and (nxt.deprel.startswith("nsubj") or nxt.deprel == "obj" and nxt.head > nxt.id
                                   and t.child(nxt.head, "nsubj", "nsubj:pass") is None)  # 'saying it “could'
    that = nxt is not None and nxt.deprel == "mark" and nxt.text.lower() == "that"
    opener = subject and a.takes("bare-clause") or that
    clause = t.clause_opened_by(nxt, after=w.id) if opener else None
    return Content(frozenset(t.subtree(clause.id))) if clause is not None else None
