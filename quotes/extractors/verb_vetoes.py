"""Rules that decide what kind of speech act a reporting verb is before its content is read.

:data:`VETOES` (in :mod:`.verbs`) make a verb no speech act at all; the speaker fixes
correct the speaker the parse gave; the :data:`CUE_READINGS` read a whole cue at once
where the verb's place in the sentence says what was said (a participle after a noun, a
passive, a quotation after "said,", a clause the verb interrupts). Each rule takes a
:class:`~quotes.extractors.speech.SpeechAct`.

>>> a = SpeechAct.example("Asked if it was off, Peskov said no.", [("Asked", "VERB", 7, "advcl", "ask", "VBN"),
...     ("if", "SCONJ", 5, "mark"), ("it", "PRON", 5, "nsubj"), ("was", "AUX", 5, "cop"), ("off", "ADV", 1, "advcl"),
...     (",", "PUNCT", 1, "punct"), ("Peskov", "PROPN", 8, "nsubj"), ("said", "VERB", 0, "root", "say"),
...     ("no", "INTJ", 8, "obj"), (".", "PUNCT", 8, "punct")], verb=1)
>>> bool(asked_participle(a))
True
"""

from __future__ import annotations

from quotes.extractors import rules
from quotes.extractors.complements import quotation_follows
from quotes.extractors.interrupted import around_reporting_clause, reporting_tail
from quotes.extractors.passive import passive_statement
from quotes.extractors.speech import (EVIDENCE, SPEECH, SpeechAct, audience_of, make_cue, right_after_quotation,
                                      stance_of)
from quotes.extractors.subjects import name_before, outside_parentheses, subject_before
from quotes.lexicons import fold
from quotes.types import ASSERTS, HEDGED, NoSpan


# --- vetoes: no speech act here ----------------------------------------------------------

def unrealized_speech(a: SpeechAct) -> bool:
    """A speech act somebody is required or allowed to make, not one made ("the law requires
    candidates to disclose", "no way to tell")."""
    t, w = a.t, a.w
    return a.rel in ("xcomp", "advcl", "acl", "ccomp") and bool(w.head) \
        and t.w(w.head).lemma.lower() in a.lex.words("unrealized") and w.id > w.head \
        and t.child(w.id, "nsubj") is None


def asked_participle(a: SpeechAct) -> bool:
    """A bare passive participle is no speech act by its subject ("Asked if ..., the
    spokesman said": he was asked)."""
    return a.w.xpos == "VBN" and a.rel in ("advcl", "acl") and not a.t.children(a.w.id, "aux", "aux:pass") \
        and not a.after_quote


def modifier_participle(a: SpeechAct) -> bool:
    """Whether the verb is a participle that modifies a noun ("a reported deal")."""
    return (a.rel == "amod" or (a.rel == "acl" and a.w.xpos == "VBN" and not a.t.children(a.w.id, "aux"))) \
        and not a.after_quote


def attributive_participle(a: SpeechAct) -> bool:
    """A participle that describes a noun, with no reporting clause of its own ("a reported
    deal"; not '..., a spokesman announced Monday morning.')."""
    return modifier_participle(a) and reporting_tail(a.t, a.w) is None


def evidence_description(a: SpeechAct) -> bool:
    """An evidence verb in a relative clause describes its noun; nobody speaks ("video that
    shows the explosion")."""
    return a.rel == "acl" and a.verb.kind == EVIDENCE and not modifier_participle(a)


def opening_participle(a: SpeechAct) -> bool:
    """A participle opening the sentence with no auxiliary ("Asked if ..., the spokesman
    said": he was asked)."""
    t, w = a.t, a.w
    return w.xpos in ("VBN", "VBD") and w.text[:1].isupper() and all(x.upos == "PUNCT" for x in t.words[:w.id - 1]) \
        and not t.children(w.id, "aux", "aux:pass") and not modifier_participle(a)


# --- the speaker -------------------------------------------------------------------------

def name_over_apposition(a: SpeechAct) -> bool | None:
    """After a quotation, the name speaks, not its apposition ('“...,” Rep. Jim Jordan
    (R-Ohio), an oversight panel member, said' parsed with "member" as the subject)."""
    subj, name = a.subj, a.name
    if a.after_quote and subj is not None and subj.upos == "NOUN" and name is not None \
            and name.upos == "PROPN" and name.id < subj.id:
        a.subj = name
        return True
    return None


def title_before_name(a: SpeechAct) -> bool | None:
    """A title parsed as the subject stands for the name after it ("Mr. McKinley" parsed as
    two subjects: the name is the head)."""
    t, subj = a.t, a.subj
    if subj is not None and subj.upos == "PROPN" and fold(subj.text) in a.lex.titles and subj.id < len(t.words) \
            and t.w(subj.id + 1).upos == "PROPN":
        a.subj = t.w(subj.id + 1)
        return True
    return None


# --- readings of the whole cue -----------------------------------------------------------

def participle_with_tail(a: SpeechAct) -> rules.Stop | None:
    """A reporting clause hung off a noun ('..., a spokesman announced Monday morning.' with
    "announced" attached to "morning"): what comes before is what was said."""
    if not modifier_participle(a):
        return None
    tail = reporting_tail(a.t, a.w)
    if tail is None:
        return None
    sp, (start, end) = tail
    ids = frozenset(x.id for x in a.t.words if start <= x.start < end)
    return rules.Stop(make_cue(a, stance_of(a.t, a.w, a.verb.stance, a.lex), sp, start, end, ids,
                               rule="participle_with_tail"))


def passive_speech(a: SpeechAct) -> rules.Stop | None:
    """A passive speech act: its "by" phrase speaks; with none the source is unnamed and a
    plain assertion is hedged ("Mr. Quiros was accused of using ...", "was first reported by
    The Washington Post"; "it was reported that" and "X is said to" are read later)."""
    t, w, subj = a.t, a.w, a.subj
    if not (a.passive and subj.lemma.lower() != "it" and not (a.lemma == "say" and t.child(w.id, "xcomp"))
            and t.child(w.id, "aux:pass") is not None):
        return None
    # ("could not explain why a requirement is cited": the clause is what the other verb says)
    within = a.rel in ("ccomp", "xcomp") and w.head and a.lex.is_speech_verb(t.w(w.head).lemma)
    if a.verb.kind != SPEECH or within:
        return rules.VETO
    p = passive_statement(t, w, subj, audience_object=a.lemma in a.lex.words("audience_object_verbs"))
    if p is None:
        return rules.VETO
    stance = stance_of(t, w, a.verb.stance, a.lex)
    if p.agent is None and stance == ASSERTS:
        stance = HEDGED
    return rules.Stop(make_cue(a, stance, p.agent, p.parts[0][0], p.parts[-1][1], p.ids, rule="passive_speech",
                               audience=p.audience, parts=p.parts if len(p.parts) > 1 else ()))


def quotation_after_verb(a: SpeechAct) -> rules.Stop | None:
    """The quotation right after the verb is what was said, however the parse attached it
    ('O'Neill said, "Not going to go into that."'; it may run on over several sentences)."""
    if a.passive or not quotation_follows(a.t, a.w):
        return None
    subj = a.subj or outside_parentheses(a.t, subject_before(a.t, a.w, set(), a.lex))
    if subj is None:
        return rules.VETO
    return rules.Stop(make_cue(a, stance_of(a.t, a.w, a.verb.stance, a.lex), subj, NoSpan.FOLLOWS, NoSpan.FOLLOWS,
                               frozenset(), rule="quotation_after_verb",
                               audience=audience_of(a.t, a.w, set(), None, a.lex)))


def interrupting_clause(a: SpeechAct) -> rules.Stop | None:
    """What was said on both sides of ", X said," ("The museum, Mr. Obama said, would make
    visitors ..."): the name between the commas speaks (the parse may have made "The
    museum" the subject)."""
    if a.rel not in ("root", "parataxis", "ccomp", "conj") or a.passive:
        return None
    around = around_reporting_clause(a.t, a.w)
    if around is None:
        return None
    sp, parts = around
    w = a.w
    ids = frozenset(x.id for x in a.t.words if parts[0][0] <= x.start < parts[-1][1] and
                    not (sp.id <= x.id <= w.id or w.id <= x.id <= sp.id))
    return rules.Stop(make_cue(a, stance_of(a.t, w, a.verb.stance, a.lex), sp, parts[0][0], parts[-1][1], ids,
                               rule="interrupting_clause", audience=audience_of(a.t, w, set(), None, a.lex),
                               parts=parts))


def start(a: SpeechAct) -> None:
    """Fill in what the vetoes need: a name right after a quotation (:func:`.name_before`)."""
    a.name = name_before(a.t, a.w)
    a.after_quote = a.name is not None or right_after_quotation(a.t, a.w)
