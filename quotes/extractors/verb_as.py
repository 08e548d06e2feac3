""""As Clyburn noted, those voters will ...", "..., as the Times reported on Saturday": a
reporting clause opened by "as" speaks for the clause it hangs off, its own words aside. A
position reading of :data:`.verbs.POSITION_READINGS`.
"""

from __future__ import annotations

from quotes.extractors.speech import SpeechAct
from quotes.extractors.tree import Tree
from quotes.extractors.verb_content import Content
from quotes.types import Word

#: Fewest words (after trimming) of the clause an "as" reporting clause speaks for.
MIN_AS_CLAUSE = 3


def marked_as(t: Tree, w: Word) -> bool:
    """Whether clause ``w`` opens with the subordinator "as" ("as Clyburn noted", "as reported by").

    >>> t = Tree.of("as Clyburn noted", [("as", "SCONJ", 3, "mark"), ("Clyburn", "PROPN", 3, "nsubj"),
    ...                                  ("noted", "VERB", 0, "root")])
    >>> marked_as(t, t.w(3)), marked_as(t, t.w(2))
    (True, False)
    """
    mark = t.child(w.id, "mark")
    return mark is not None and mark.text.lower() == "as"


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
    if a.rel != "advcl" or not w.head or not marked_as(t, w) or not a.takes("clause", "bare-clause"):
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
