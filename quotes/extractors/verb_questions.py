"""A question somebody asked ("asked workers if they planned to attend", "wondered why the
vote was delayed"), however the parse hung it on the verb: a clause reading of
:data:`.verbs.CLAUSE_READINGS`.
"""

from __future__ import annotations

from quotes.extractors.speech import SpeechAct
from quotes.extractors.verb_content import Content

#: How the parse may hang the question on the verb.
QUESTION_RELS = ("ccomp", "advcl", "xcomp", "dep", "parataxis", "obj")


def question_clause(a: SpeechAct) -> Content | None:
    """The question a verb of asking puts (``question_verbs``): a clause after it that opens
    with "if", "whether" or a question word (``question_openers``), past the one asked.

    >>> from quotes.extractors.explain import trial
    >>> trial("He/PRON/2/nsubj asked/VERB/0/root/ask workers/NOUN/2/obj if/SCONJ/6/mark they/PRON/6/nsubj "
    ...       "voted/VERB/2/advcl/vote ./PUNCT/2/punct", "question_clause")
    question_clause fired on 'asked'
    cue 'asked': He -> 'if they voted' (question_clause)
    """
    t, w, lex = a.t, a.w, a.lex
    if a.lemma not in lex.words("question_verbs"):
        return None
    openers = lex.words("question_openers")
    for k in t.children(w.id, *QUESTION_RELS):
        ids = sorted(t.subtree(k.id))
        first = next((t.w(i) for i in ids if t.w(i).upos != "PUNCT"), None)
        if k.id > w.id and first is not None and first.id > w.id and first.text.lower() in openers \
                and any(t.w(i).upos in ("VERB", "AUX") for i in ids):
            return Content(frozenset(ids), k)
    return None
