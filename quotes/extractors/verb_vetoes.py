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
from quotes.extractors.speaker_misread import participle_main_verb_subject
from quotes.extractors.speech import (EVIDENCE, SPEECH, SpeechAct, audience_of, make_cue, right_after_quotation,
                                      stance_of)
from quotes.extractors.verb_as import marked_as
from quotes.extractors.subjects import name_after_title, name_before, outside_parentheses, subject_before
from quotes.types import ASSERTS, HEDGED, NoSpan


# --- vetoes: no speech act here ----------------------------------------------------------

def unrealized_speech(a: SpeechAct) -> bool:
    """A speech act somebody is required or allowed to make, not one made ("the law requires
    candidates to disclose", "no way to tell").

    >>> from quotes.extractors.explain import trial
    >>> trial("Rules/NOUN/2/nsubj allow/VERB/0/root firms/NOUN/2/obj to/PART/5/mark tell/VERB/2/xcomp "
    ...       "investors/NOUN/5/obj that/SCONJ/9/mark profits/NOUN/9/nsubj rose/VERB/5/ccomp ./PUNCT/2/punct",
    ...       "unrealized_speech")
    unrealized_speech vetoed on 'tell'
    """
    t, w = a.t, a.w
    return a.rel in ("xcomp", "advcl", "acl", "ccomp") and bool(w.head) \
        and t.w(w.head).lemma.lower() in a.lex.words("unrealized") and w.id > w.head \
        and t.child(w.id, "nsubj") is None


def asked_participle(a: SpeechAct) -> bool:
    """A bare passive participle is no speech act by its subject ("Asked if ..., the
    spokesman said": he was asked).

    >>> from quotes.extractors.explain import trial
    >>> trial("Peskov/PROPN/2/nsubj said/VERB/0/root/say ,/PUNCT/5/punct when/SCONJ/5/mark asked/VERB:VBN/2/advcl/ask "
    ...       "about/ADP/7/case talks/NOUN/5/obl ,/PUNCT/10/punct they/PRON/10/nsubj failed/VERB/2/ccomp "
    ...       "./PUNCT/2/punct", "asked_participle")
    asked_participle vetoed on 'asked'
    cue 'said': Peskov -> 'they failed' (complement_clause)
    """
    return a.w.xpos == "VBN" and a.rel in ("advcl", "acl") and not a.t.children(a.w.id, "aux", "aux:pass") \
        and not a.after_quote and participle_main_verb_subject(a.t, a.w) is None and not _as_reported_by(a)


def _as_reported_by(a: SpeechAct) -> bool:
    """'As reported by Western Journalism, ...': a participle marked "as" with its agent speaks."""
    return marked_as(a.t, a.w) and a.t.child(a.w.id, "obl:agent") is not None


def modifier_participle(a: SpeechAct) -> bool:
    """Whether the verb is a participle that modifies a noun ("a reported deal")."""
    return (a.rel == "amod" or (a.rel == "acl" and a.w.xpos == "VBN" and not a.t.children(a.w.id, "aux"))) \
        and not a.after_quote and participle_main_verb_subject(a.t, a.w) is None


def attributive_participle(a: SpeechAct) -> bool:
    """A participle that describes a noun, with no reporting clause of its own ("a reported
    deal"; not '..., a spokesman announced Monday morning.').

    >>> from quotes.extractors.explain import trial
    >>> trial("Peskov/PROPN/2/nsubj denied/VERB/0/root/deny the/DET/6/det Tass/PROPN/5/nsubj "
    ...       "reported/VERB:VBN/6/amod/report deal/NOUN/2/obj on/ADP/8/case gas/NOUN/5/obl ./PUNCT/2/punct",
    ...       "attributive_participle")
    attributive_participle vetoed on 'reported'
    cue 'denied': Peskov -> 'the Tass reported deal on gas' (topic_object)
    """
    return modifier_participle(a) and reporting_tail(a.t, a.w) is None


def evidence_description(a: SpeechAct) -> bool:
    """An evidence verb in a relative clause describes its noun; nobody speaks ("video that
    shows the explosion").

    >>> from quotes.extractors.explain import trial
    >>> trial("Tass/PROPN/2/nsubj aired/VERB/0/root video/NOUN/2/obj that/PRON/5/nsubj shows/VERB/3/acl/show "
    ...       "troops/NOUN/7/nsubj left/VERB/5/ccomp ./PUNCT/2/punct", "evidence_description")
    evidence_description vetoed on 'shows'
    cue 'aired': Tass -> (nothing here: a bare cue) (bare_cue)
    """
    return a.rel == "acl" and a.verb.kind == EVIDENCE and not modifier_participle(a)


def opening_participle(a: SpeechAct) -> bool:
    """A participle opening the sentence with no auxiliary ("Asked if ..., the spokesman
    said": he was asked).

    >>> from quotes.extractors.explain import trial
    >>> trial("Asked/VERB:VBD/6/advcl/ask about/ADP/3/case talks/NOUN/1/obl ,/PUNCT/1/punct Peskov/PROPN/6/nsubj "
    ...       "said/VERB/0/root/say no/INTJ/6/obj ./PUNCT/6/punct", "opening_participle")
    opening_participle vetoed on 'Asked'
    cue 'said': Peskov -> (nothing here: a bare cue) (bare_cue)
    """
    t, w = a.t, a.w
    return w.xpos in ("VBN", "VBD") and w.text[:1].isupper() and all(x.upos == "PUNCT" for x in t.words[:w.id - 1]) \
        and not t.children(w.id, "aux", "aux:pass") and not modifier_participle(a)


# --- the speaker -------------------------------------------------------------------------

def name_over_apposition(a: SpeechAct) -> bool | None:
    """After a quotation, the name speaks, not its apposition ('“...,” Rep. Jim Jordan
    (R-Ohio), an oversight panel member, said' parsed with "member" as the subject).

    >>> from quotes.extractors.explain import trial
    >>> trial("“/PUNCT/3/punct Deals/NOUN/3/nsubj fail/VERB/0/root ,/PUNCT/3/punct ”/PUNCT/6/punct Jim/PROPN/3/appos "
    ...       "Jordan/PROPN/6/flat ,/PUNCT/11/punct an/DET/11/det panel/NOUN/11/compound member/NOUN/13/nsubj "
    ...       ",/PUNCT/11/punct said/VERB/6/acl:relcl/say ./PUNCT/3/punct", "name_over_apposition")
    name_over_apposition fired on 'said'
    cue 'said': Jordan -> (nothing here: a bare cue) (bare_cue)
    """
    subj, name = a.subj, a.name
    if a.after_quote and subj is not None and subj.upos == "NOUN" and name is not None \
            and name.upos == "PROPN" and name.id < subj.id:
        a.subj = name
        return True
    return None


def title_before_name(a: SpeechAct) -> bool | None:
    """A title parsed as the subject stands for the name after it ("Mr. McKinley" parsed as
    two subjects: the name is the head).

    >>> from quotes.extractors.explain import trial
    >>> trial("Mr./PROPN/3/nsubj McKinley/PROPN/1/flat said/VERB/0/root/say that/SCONJ/6/mark talks/NOUN/6/nsubj "
    ...       "failed/VERB/3/ccomp ./PUNCT/3/punct", "title_before_name")
    title_before_name fired on 'said'
    cue 'said': McKinley -> 'talks failed' (complement_clause)
    """
    name = name_after_title(a.t, a.subj, a.lex)
    if name is None:
        return None
    a.subj = name
    return True


# --- readings of the whole cue -----------------------------------------------------------

def participle_with_tail(a: SpeechAct) -> rules.Stop | None:
    """A reporting clause hung off a noun ('..., a spokesman announced Monday morning.' with
    "announced" attached to "morning"): what comes before is what was said.

    >>> from quotes.extractors.explain import trial
    >>> trial("Records/NOUN/2/nsubj come/VERB/0/root soon/ADV/2/advmod ,/PUNCT/6/punct a/DET/6/det "
    ...       "spokesman/NOUN/2/appos announced/VERB/8/amod/announce Monday/PROPN/2/obl:tmod ./PUNCT/2/punct",
    ...       "participle_with_tail")
    participle_with_tail fired on 'announced'
    cue 'announced': spokesman -> 'Records come soon' (participle_with_tail)
    """
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
    The Washington Post"; "it was reported that" and "X is said to" are read later).

    >>> from quotes.extractors.explain import trial
    >>> trial("Quiros/PROPN/3/nsubj:pass was/AUX/3/aux:pass accused/VERB/0/root/accuse of/SCONJ/5/mark "
    ...       "lying/VERB:VBG/3/advcl to/ADP/7/case investors/NOUN/5/obl ./PUNCT/3/punct", "passive_speech")
    passive_speech fired on 'accused'
    cue 'was accused': None -> 'Quiros was accused of lying to investors' (passive_speech)
    """
    t, w, subj = a.t, a.w, a.subj
    if not (a.passive and subj.lemma.lower() != "it" and not (a.lemma == "say" and t.child(w.id, "xcomp"))
            and t.child(w.id, "aux:pass") is not None):
        return None
    # ("could not explain why a requirement is cited": the clause is what the other verb says)
    within = a.rel in ("ccomp", "xcomp") and w.head and a.lex.is_speech_verb(t.w(w.head).lemma)
    if a.verb.kind != SPEECH or within:
        return rules.veto("a passive that is no speech act of its own (an evidence verb, or inside another "
                          "speech verb's clause)")
    p = passive_statement(t, w, subj, audience_object=a.lemma in a.lex.words("audience_object_verbs"))
    if p is None:
        return rules.veto("a passive speech verb with no statement of its own")
    stance = stance_of(t, w, a.verb.stance, a.lex)
    if p.agent is None and stance == ASSERTS:
        stance = HEDGED
    return rules.Stop(make_cue(a, stance, p.agent, p.parts[0][0], p.parts[-1][1], p.ids, rule="passive_speech",
                               audience=p.audience, parts=p.parts if len(p.parts) > 1 else ()))


def quotation_after_verb(a: SpeechAct) -> rules.Stop | None:
    """The quotation right after the verb is what was said, however the parse attached it
    ('O'Neill said, "Not going to go into that."'; it may run on over several sentences).

    >>> from quotes.extractors.explain import trial
    >>> trial("To/ADP/2/case which/PRON/4/obl she/PRON/4/nsubj said/VERB/7/advcl/say ,/PUNCT/4/punct “/PUNCT/4/punct "
    ...       "Thank/VERB/0/root God/PROPN/7/obj ./PUNCT/7/punct ”/PUNCT/7/punct", "quotation_after_verb")
    quotation_after_verb fired on 'said'
    cue 'said': she -> (the quotation that follows) (quotation_after_verb)
    """
    if a.passive or not quotation_follows(a.t, a.w):
        return None
    subj = a.subj or outside_parentheses(a.t, subject_before(a.t, a.w, set(), a.lex))
    if subj is None:
        return rules.veto("a quotation follows, but no speaker was found")
    return rules.Stop(make_cue(a, stance_of(a.t, a.w, a.verb.stance, a.lex), subj, NoSpan.FOLLOWS, NoSpan.FOLLOWS,
                               frozenset(), rule="quotation_after_verb",
                               audience=audience_of(a.t, a.w, set(), None, a.lex)))


def interrupting_clause(a: SpeechAct) -> rules.Stop | None:
    """What was said on both sides of ", X said," ("The museum, Mr. Obama said, would make
    visitors ..."): the name between the commas speaks (the parse may have made "The
    museum" the subject). The commas decide, however the parse hung the verb: the root with
    the statement as its complement, or a relative or adverbial clause of the statement's
    first noun.

    >>> from quotes.extractors.explain import trial
    >>> trial("The/DET/2/det museum/NOUN/5/nsubj ,/PUNCT/4/punct Obama/PROPN/5/nsubj said/VERB/0/root/say "
    ...       ",/PUNCT/8/punct would/AUX/8/aux teach/VERB/5/ccomp us/PRON/8/obj ./PUNCT/5/punct", "interrupting_clause")
    interrupting_clause fired on 'said'
    cue 'said': Obama -> 'The museum, Obama said, would teach us' (interrupting_clause)
    >>> trial("The/DET/2/det goal/NOUN/8/nsubj ,/PUNCT/2/punct he/PRON/5/nsubj said/VERB/2/acl:relcl/say "
    ...       ",/PUNCT/5/punct would/AUX/8/aux fail/VERB/0/root ./PUNCT/8/punct", "interrupting_clause")
    interrupting_clause fired on 'said'
    cue 'said': he -> 'The goal, he said, would fail' (interrupting_clause)
    """
    if a.passive:
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
