""""As Clyburn noted, those voters will ...", "..., as the Times reported on Saturday": a
reporting clause opened by "as" speaks for the clause it hangs off, its own words aside. A
position reading of :data:`.verbs.POSITION_READINGS`.
"""

from __future__ import annotations

from quotes.extractors.speech import SpeechAct
from quotes.extractors.verb_content import Content

#: Fewest words (after trimming) of the clause an "as" reporting clause speaks for.
MIN_AS_CLAUSE = 3


def as_clause(a: SpeechAct) -> Content | None:
    """A verb that takes a clause, hung as an adverbial clause marked "as" off another clause
    and set off from it by a comma, says that clause without the "as" clause ("As Clyburn
    noted, those voters will give Sanders a second look"); not "as" of time with a verb taking
    no clause ("As Trump spoke, crowds left").

    >>> from quotes.extractors.explain import trial
    >>> trial("But/CCONJ/8/cc as/SCONJ/4/mark Clyburn/PROPN/4/nsubj noted/VERB/8/advcl/note ,/PUNCT/4/punct "
    ...       "voters/NOUN/8/nsubj will/AUX/8/aux return/VERB/0/root ./PUNCT/8/punct", "as_clause")
    as_clause fired on 'noted'
    cue 'noted': Clyburn -> 'voters will return' (as_clause)
    """
    t, w = a.t, a.w
    mark = t.child(w.id, "mark")
    if a.rel != "advcl" or not w.head or mark is None or mark.text.lower() != "as" \
            or not a.takes("clause", "bare-clause"):
        return None
    own = t.subtree(w.id)
    if not any(k.text == "," for k in t.children(w.id, "punct")) and \
            not any(t.w(i).text == "," for i in (min(own) - 1, max(own) + 1) if 0 < i <= len(t.words)):
        return None  # set off by a comma: "..., as X said" or "As X said, ..."
    lead = {k.id for k in t.children(w.head, "cc") if k.id < w.id}  # "But as X noted, ..."
    ids = t.trimmed(t.subtree(w.head) - own - lead)
    if len(ids) < MIN_AS_CLAUSE or not any(t.w(i).upos in ("VERB", "AUX") for i in ids):
        return None
    return Content(frozenset(ids))
