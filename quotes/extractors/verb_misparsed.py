"""A reporting verb whose clause the tagger or the parser broke up so that no clause of the
verb's own is left: a clause reading of :data:`.verbs.CLAUSE_READINGS`.
"""

from __future__ import annotations

from quotes.extractors.speech import SpeechAct
from quotes.extractors.verb_content import Content


def second_subject_clause(a: SpeechAct) -> Content | None:
    """"Cameron's spokesman said the prime minister stood by his comments" with "stood" read
    as a modifier of "minister" (or "... and protests demands that ..." with "demands" tagged
    a noun): the parse made the complement's subject a second subject of the verb, after it,
    and left no clause. For a verb that takes a bare clause, with its own subject before it,
    what was said runs from that second subject to the end of the verb's phrase, when a verb
    stands in it.

    >>> from quotes.extractors.explain import trial
    >>> trial("Aides/NOUN/2/nsubj said/VERB/0/root/say the/DET/4/det minister/NOUN/2/nsubj "
    ...       "stood/VERB/4/acl/stand by/ADP/7/case it/PRON/5/obl ./PUNCT/2/punct", "second_subject_clause")
    second_subject_clause fired on 'said'
    cue 'said': Aides -> 'the minister stood by it' (second_subject_clause)
    """
    t, w = a.t, a.w
    if not a.takes("bare-clause") or a.subj is None or a.subj.id > w.id:
        return None
    second = next((s for s in t.children(w.id, "nsubj") if s.id > w.id), None)
    if second is None:
        return None
    first = min(t.subtree(second.id))
    ids = frozenset(i for i in t.subtree(w.id) if i >= first)
    if not any(t.w(i).upos in ("VERB", "AUX") for i in ids):
        return None
    return Content(ids, second)
