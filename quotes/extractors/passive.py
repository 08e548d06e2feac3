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

from collections.abc import Callable
from typing import NamedTuple

from quotes.lexicons import load
from quotes.types import Word
from quotes.extractors import rules
from quotes.extractors.tree import QUOTE_MARKS, Tree

#: The rule sequences of this module (tests/test_rules.py takes out each rule in turn).
RULE_SEQUENCES = ("VETOES",)

#: Dependents after a passive verb that carry what was said ("accused of ...", "charged with ...").
_REST_RELS = ("obl", "xcomp", "advcl", "ccomp", "obj", "iobj")


class PassiveStatement(NamedTuple):
    """What a passive speech verb reports: the pieces of what was said, in order, with all
    their word ids; the "by" phrase's head (the speaker) or None; the audience's ids."""

    parts: tuple[tuple[int, int], ...]
    ids: frozenset[int]
    agent: Word | None
    audience: tuple[int, ...]


# --- vetoes: a passive that makes no statement ---------------------------------------

def relative_subject(t: Tree, w: Word, subj: Word) -> bool:
    """'a history that isn't told': a relative pronoun is no statement.

    >>> t = Tree.of("a history that was told", [("a", "DET", 2, "det"), ("history", "NOUN", 0, "root"),
    ...     ("that", "PRON", 5, "nsubj:pass"), ("was", "AUX", 5, "aux:pass"), ("told", "VERB", 2, "acl:relcl")])
    >>> relative_subject(t, t.w(5), t.w(3))
    True
    """
    return subj.lemma.lower() in load().words("passive_relative_subjects")


def modifier(t: Tree, w: Word, subj: Word) -> bool:
    """'the deal announced Monday': a participle modifying a noun names, it does not report.

    >>> t = Tree.of("the deal announced", [("the", "DET", 2, "det"), ("deal", "NOUN", 0, "root"),
    ...     ("announced", "VERB", 2, "acl")])
    >>> modifier(t, t.w(3), t.w(2))
    True
    """
    return w.deprel.startswith("acl")


def negated(t: Tree, w: Word, subj: Word) -> bool:
    """'He has never been charged': a speech act not made.

    >>> t = Tree.of("He was never charged", [("He", "PRON", 4, "nsubj:pass"), ("was", "AUX", 4, "aux:pass"),
    ...     ("never", "ADV", 4, "advmod"), ("charged", "VERB", 0, "root")])
    >>> negated(t, t.w(4), t.w(1))
    True
    """
    return t.negated(w.id)


def nobody(t: Tree, w: Word, subj: Word) -> bool:
    """'No charges were announced': a subject that is nobody or nothing.

    >>> t = Tree.of("No charges were announced", [("No", "DET", 2, "det"), ("charges", "NOUN", 4, "nsubj:pass"),
    ...     ("were", "AUX", 4, "aux:pass"), ("announced", "VERB", 0, "root")])
    >>> nobody(t, t.w(4), t.w(2))
    True
    """
    return t.w(min(t.subtree(subj.id))).text.lower() in load().words("nobody_words")


#: What makes a passive speech verb report nothing, in order.
VETOES: tuple[Callable[[Tree, Word, Word], bool], ...] = (relative_subject, modifier, negated, nobody)


def by_agent(t: Tree, w: Word) -> Word | None:
    """The head of the "by" phrase of passive verb ``w`` when it is nominal: who said it.

    >>> t = Tree.of("It was reported by Tass", [("It", "PRON", 3, "nsubj:pass"), ("was", "AUX", 3, "aux:pass"),
    ...     ("reported", "VERB", 0, "root"), ("by", "ADP", 5, "case"), ("Tass", "PROPN", 3, "obl")])
    >>> by_agent(t, t.w(3)).text
    'Tass'
    """
    agent = next((k for k in t.children(w.id, "obl") if k.deprel == "obl:agent" or
                  any(c.lemma.lower() == "by" for c in t.children(k.id, "case"))), None)
    return agent if agent is not None and agent.upos in ("PROPN", "NOUN", "PRON") else None


def what_follows(t: Tree, w: Word, agent: Word | None) -> set[int]:
    """The words after passive verb ``w`` that carry what was said ("accused of using $50
    million"): not the agent nor a dependent that says when or where; nothing when they are
    one word ("are called failing") or a quoted label with no verb ('was called a “charlatan”').

    >>> t = Tree.of("He was accused of fraud on Monday", [("He", "PRON", 3, "nsubj:pass"),
    ...     ("was", "AUX", 3, "aux:pass"), ("accused", "VERB", 0, "root"), ("of", "ADP", 5, "case"),
    ...     ("fraud", "NOUN", 3, "obl"), ("on", "ADP", 7, "case"), ("Monday", "PROPN", 3, "obl")])
    >>> sorted(what_follows(t, t.w(3), None))
    [4, 5]
    """
    rest = [k for k in t.children(w.id, *_REST_RELS)
            if k.id > w.id and (agent is None or k.id != agent.id) and not _circumstance(t, k)]
    ids: set[int] = set().union(*(t.subtree(k.id) for k in rest)) if rest else set()
    if len(ids) < 2:
        return set()
    if any(t.w(i).text in QUOTE_MARKS for i in ids) and not any(t.w(i).upos in ("VERB", "AUX") for i in ids):
        return set()
    return ids


def _told(t: Tree, w: Word, subj: Word, agent: Word | None, rest: set[int]) -> PassiveStatement | None:
    """'He was told that ...', 'Y, the UN is warned': the subject is the audience; what was
    said is the clause after the verb, or the clause before it that the verb hangs off or
    that hangs off the verb.

    >>> t = Tree.from_spec("Prices/NOUN/2/nsubj rose/VERB/6/ccomp ,/PUNCT/2/punct UN/PROPN/6/nsubj:pass "
    ...                    "is/AUX/6/aux:pass warned/VERB/0/root")
    >>> sorted(_told(t, t.w(6), t.w(4), None, set()).ids)
    [1, 2, 3]
    """
    if not rest and w.deprel.split(":")[0] in ("parataxis", "ccomp") and w.head and w.head < w.id:
        rest = t.subtree(w.head, skip=t.subtree(w.id))
    if not rest:
        before = next((k for k in t.children(w.id, "ccomp", "parataxis") if k.id < subj.id), None)
        rest = t.subtree(before.id) if before is not None else set()
    if not rest:
        return None
    return PassiveStatement((_span(t, rest),), frozenset(rest), agent, (subj.id,))


def _said_of_subject(t: Tree, w: Word, subj: Word, agent: Word | None, rest: set[int]) -> PassiveStatement | None:
    """'Quiros was accused of fraud': the subject and what follows the verb, in two pieces;
    a pronoun subject needs three words after the verb, a one-word subject some words."""
    subject_ids = t.subtree(subj.id)
    if not rest and (subj.upos == "PRON" or len(subject_ids) < 2):
        return None
    if subj.upos == "PRON" and len(rest) < 3:
        return None
    parts = tuple(_span(t, ids) for ids in (subject_ids, rest) if ids)
    if len(parts) == 2 and parts[0][1] > parts[1][0]:  # pieces that overlap or run backwards: one span
        parts = (_span(t, subject_ids | rest),)
    return PassiveStatement(parts, frozenset(subject_ids | rest), agent, ())


def passive_statement(t: Tree, w: Word, subj: Word, *, audience_object: bool) -> PassiveStatement | None:
    """What passive speech verb ``w`` with passive subject ``subj`` reports, or None when
    one of the :data:`VETOES` applies or the sentence does not say (a bare pronoun: "He was
    criticized.")."""
    if rules.first_veto(VETOES, t, w, subj):
        return None
    agent = by_agent(t, w)
    rest = what_follows(t, w, agent)
    return (_told if audience_object else _said_of_subject)(t, w, subj, agent, rest)


def _circumstance(t: Tree, k: Word) -> bool:
    """Whether dependent ``k`` says when or where ("on Monday", "last week")."""
    first = t.w(min(t.subtree(k.id)))
    words = load().words("circumstance_words")
    return first.lemma.lower() in words or first.text.lower() in words


def _span(t: Tree, ids) -> tuple[int, int]:
    ids = sorted(i for i in ids if t.w(i).upos != "PUNCT" or t.w(i).text in QUOTE_MARKS)
    return t.w(ids[0]).start, t.w(ids[-1]).end
