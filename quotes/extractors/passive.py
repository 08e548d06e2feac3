"""Passive speech acts: "Mr. Quiros was accused of using $50 million", "A curfew was
announced from midnight", "The story was first reported by The Washington Post".

What was said is the passive subject with what follows the verb ("Mr. Quiros ... using $50
million ..."), one statement in two pieces around the verb. Whoever said it is the "by"
phrase when there is one; otherwise the source is unnamed. Verbs whose object is an
audience ("was told that ...", "was asked whether ...") make their subject the audience
and only the clause what was said.

>>> text = "Quiros was accused of fraud by regulators."
>>> t = Tree.of(text, [("Quiros", "PROPN", 3, "nsubj:pass"), ("was", "AUX", 3, "aux:pass"),
...                    ("accused", "VERB", 0, "root"), ("of", "ADP", 5, "case"), ("fraud", "NOUN", 3, "obl"),
...                    ("by", "ADP", 7, "case"), ("regulators", "NOUN", 3, "obl:agent"), (".", "PUNCT", 3, "punct")])
>>> p = passive_statement(t, t.w(3), t.w(1), audience_object=False)
>>> p.agent.text, [text[s:e] for s, e in p.parts]
('regulators', ['Quiros', 'of fraud'])
"""

from __future__ import annotations

from typing import NamedTuple

from quotes.types import Word
from quotes.extractors.tree import QUOTE_MARKS, Tree

#: Dependents after a passive verb that carry what was said ("accused of ...", "charged with ...").
_REST_RELS = ("obl", "xcomp", "advcl", "ccomp", "obj", "iobj")
#: Passive subjects that make no statement: a relative pronoun ("a history that isn't told"), nobody.
_RELATIVE = {"that", "which", "who", "whom"}
_NOBODY = {"no", "neither", "none", "nobody", "nothing"}
#: Words opening a dependent that says when or where, not what was said.
_CIRCUMSTANCE = {"in", "at", "on", "during", "after", "before", "since", "until", "when", "while", "last", "this",
                 "earlier", "later", "yesterday", "today"}


class PassiveStatement(NamedTuple):
    """What a passive speech verb reports: the pieces of what was said, in order, with all
    their word ids; the "by" phrase's head (the speaker) or None; the audience's ids."""

    parts: tuple[tuple[int, int], ...]
    ids: frozenset[int]
    agent: Word | None
    audience: tuple[int, ...]


def passive_statement(t: Tree, w: Word, subj: Word, *, audience_object: bool) -> PassiveStatement | None:
    """What passive speech verb ``w`` with passive subject ``subj`` reports, or None when
    the sentence does not say (a bare pronoun: "He was criticized.")."""
    if subj.lemma.lower() in _RELATIVE or w.deprel.startswith("acl") or t.negated(w.id) or \
            t.w(min(t.subtree(subj.id))).text.lower() in _NOBODY:
        return None  # "a history that isn't told", "has never been charged": no statement
    agent = next((k for k in t.children(w.id, "obl") if k.deprel == "obl:agent" or
                  any(c.lemma.lower() == "by" for c in t.children(k.id, "case"))), None)
    if agent is not None and agent.upos not in ("PROPN", "NOUN", "PRON"):
        agent = None
    rest = [k for k in t.children(w.id, *_REST_RELS)
            if k.id > w.id and (agent is None or k.id != agent.id) and not _circumstance(t, k)]
    rest_ids: set[int] = set().union(*(t.subtree(k.id) for k in rest)) if rest else set()
    if len(rest_ids) < 2:
        rest_ids = set()  # "are called failing": a label, not what was said
    if any(t.w(i).text in QUOTE_MARKS for i in rest_ids) and not any(t.w(i).upos in ("VERB", "AUX") for i in rest_ids):
        rest_ids = set()  # 'was called a “charlatan”' is a label; the name is what was said
    subject_ids = t.subtree(subj.id)
    if audience_object:
        if not rest_ids and w.deprel.split(":")[0] in ("parataxis", "ccomp") and w.head and w.head < w.id:
            rest_ids = t.subtree(w.head, skip=t.subtree(w.id))  # "Y, the UN is warned"
        if not rest_ids:
            return None
        return PassiveStatement((_span(t, rest_ids),), frozenset(rest_ids), agent, (subj.id,))
    if not rest_ids and (subj.upos == "PRON" or len(subject_ids) < 2):
        return None
    if subj.upos == "PRON" and len(rest_ids) < 3:
        return None
    parts = tuple(_span(t, ids) for ids in (subject_ids, rest_ids) if ids)
    return PassiveStatement(parts, frozenset(subject_ids | rest_ids), agent, ())


def _circumstance(t: Tree, k: Word) -> bool:
    first = t.w(min(t.subtree(k.id)))
    return first.lemma.lower() in _CIRCUMSTANCE or first.text.lower() in _CIRCUMSTANCE


def _span(t: Tree, ids) -> tuple[int, int]:
    ids = sorted(i for i in ids if t.w(i).upos != "PUNCT" or t.w(i).text in QUOTE_MARKS)
    return t.w(ids[0]).start, t.w(ids[-1]).end
