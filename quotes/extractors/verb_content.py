"""Rules that read what a reporting verb says: where its content hangs in the parse.

Three sequences, tried in this order by :func:`.verbs.verb_cue`:

- :data:`CLAUSE_READINGS`: the verb's own complement, first match wins (a that-clause, the
  object and infinitive of "urged her to", a quotation, a clause the parse split into
  object and clause, the object of an evaluative speech act);
- :data:`POSITION_READINGS`: where no clause of the verb's own was found, the verb's place
  says it ("Y, X said": the clause the verb hangs off; "X said:" at a sentence's end);
- :data:`TOPIC_READINGS`: with nothing yet, what the speech act is about ("complained
  about his mic") or a clause that opens right after the verb.

Each rule takes a :class:`~quotes.extractors.speech.SpeechAct` and returns a
:class:`Content` (a :class:`~quotes.extractors.rules.Stop` for a finished cue), or None.

>>> a = SpeechAct.example("Peskov said that talks failed.", [("Peskov", "PROPN", 2, "nsubj"),
...     ("said", "VERB", 0, "root", "say"), ("that", "SCONJ", 5, "mark"), ("talks", "NOUN", 5, "nsubj"),
...     ("failed", "VERB", 2, "ccomp"), (".", "PUNCT", 2, "punct")], verb=2)
>>> sorted(complement_clause(a).ids)
[3, 4, 5]
"""

from __future__ import annotations

from dataclasses import dataclass

from quotes.extractors import rules
from quotes.extractors.complements import (adverbial, bidding, participle_aside, quote_or_clause_child,
                                           that_clause_child, that_clause_on_audience)
from quotes.extractors.speech import SpeechAct, is_reporting_tail, make_cue
from quotes.extractors.subjects import first_word, noun_apposition, relative_clause
from quotes.types import NoSpan, Word


@dataclass(frozen=True, slots=True)
class Content:
    """Word ids of what was said; ``head``: the clause that gave them, when one did;
    ``obj_noun``: the reporting noun they hang off ("confirmed a report that ...")."""

    ids: frozenset[int]
    head: Word | None = None
    obj_noun: Word | None = None


def _clause(a: SpeechAct, comp: Word, obj_noun: Word | None = None) -> Content:
    """The words of clause ``comp``; "said the politics surrounding the ticket would be more
    intense" parsed as an object and a subjectless clause: the object is the clause's subject."""
    t, w = a.t, a.w
    ids = t.subtree(comp.id)
    obj = t.child(w.id, "obj")
    if a.takes("bare-clause") and not a.takes("no-object") and obj is not None \
            and w.id < obj.id < comp.id and comp.deprel.startswith("ccomp") \
            and t.child(comp.id, "nsubj", "nsubj:pass", "csubj", "expl") is None:
        ids = ids | t.subtree(obj.id)
    return Content(frozenset(ids), comp, obj_noun)


def _no_complement(a: SpeechAct, k: Word) -> bool:
    """Whether ccomp ``k`` of the verb is not what was said."""
    t, w, lex = a.t, a.w, a.lex
    # a bare reporting clause ("Erdoğan said ..., Tass reported"), unless it has words of its
    # own after it ("said 20 people have indicated an interest")
    bare = k.upos == "VERB" and lex.is_speech_verb(k.lemma.lower()) and k.id > w.id \
        and t.child(k.id, "nsubj") is not None \
        and not any(c.id > k.id for c in t.children(k.id, "ccomp", "obj", "xcomp"))
    # a clause of its own opening with "and" after a mid-sentence "..., he said, and ..."
    own = a.rel == "parataxis" and k.id > w.id and \
        any(c.id < k.id and c.lemma.lower() in lex.words("clause_conjunctions") for c in t.children(k.id, "cc"))
    return bare or own or relative_clause(t, k) \
        or (k.id > w.id and participle_aside(t, k, lex)) \
        or noun_apposition(t, k) \
        or adverbial(t, k, lex) or first_word(t, k) in lex.words("time_marks")


# --- the verb's own complement -------------------------------------------------------------

def complement_clause(a: SpeechAct) -> Content | None:
    """The verb's complement clause ("X said (that) Y"; "told the Interfax news agency that
    ..." with the that-clause hung off the audience counts too). Not a relative clause, an
    apposition, a participle aside, a when-or-why clause or a bare reporting clause."""
    ccomps = [k for k in a.t.children(a.w.id, "ccomp") if not _no_complement(a, k)]
    after = [k for k in ccomps if k.id > a.w.id]
    comp = that_clause_on_audience(a.t, a.w, a.lex) or (after[0] if after else (ccomps[0] if ccomps else None))
    return _clause(a, comp) if comp is not None else None


def bidden_infinitive(a: SpeechAct) -> Content | None:
    """Whom a verb urges and what they are urged to do ("urges her husband to come out of
    the car"), for verbs whose object is their audience."""
    if not a.takes("no-object"):
        return None
    bidden = bidding(a.t, a.w)
    return Content(frozenset().union(*(a.t.subtree(k.id) for k in bidden))) if bidden else None


def quoted_clause_child(a: SpeechAct) -> Content | None:
    """A complement parsed as parataxis, xcomp, object or adverbial clause that is a clause
    or a quotation (not a quoted term: 'announced a “special military operation”')."""
    k = quote_or_clause_child(a.t, a.w)
    return _clause(a, k) if k is not None else None


def that_clause_elsewhere(a: SpeechAct) -> Content | None:
    """A that-clause the parse hung off the verb as a conj, advcl, dep, xcomp or object
    ("announced in a statement that he had reached ...")."""
    k = that_clause_child(a.t, a.w)
    return _clause(a, k) if k is not None else None


def object_noun_clause(a: SpeechAct) -> Content | None:
    """The clause of a reporting noun the verb takes as its object ("confirmed a report that
    the visit was canceled")."""
    obj = a.t.child(a.w.id, "obj")
    if obj is None or obj.lemma.lower() not in a.lex.nouns:
        return None
    clause = a.t.child(obj.id, "acl", "ccomp")
    return _clause(a, clause, obj) if clause is not None else None


def clause_after_verb(a: SpeechAct) -> Content | None:
    """The words after the verb, when they make a clause the parse split up ("Figueroa said
    the campaign planned to ..." parsed as said -> obj + xcomp), less the audience of "told";
    not an adjunct ("wrote a letter about how ...") nor the speaker's apposition."""
    if not a.takes("bare-clause", "clause"):
        return None
    t, lex = a.t, a.lex
    after = _words_after(a)
    clauses = [k for k in _clauses_among(a, after) if not noun_apposition(t, k) and
               (a.subj is None or k.id != a.subj.id) and not participle_aside(t, k, lex)]
    if not (clauses and any(t.w(i).upos in ("VERB", "AUX") for k in clauses for i in t.subtree(k.id))):
        return None
    return Content(frozenset().union(*(t.subtree(k.id) for k in after if not participle_aside(t, k, lex))))


def _words_after(a: SpeechAct) -> list[Word]:
    """The phrases hung off the verb after it (less the audience of "told"); a conj with no
    "and" of its own belongs to them ("said single people ... would qualify")."""
    t, w = a.t, a.w
    after = [k for k in t.children(w.id, "obj", "xcomp", "dep", "ccomp", "advcl", "iobj", "conj")
             if k.id > w.id and not (k.deprel.startswith("conj") and (t.child(k.id, "cc") is not None
                                                                      or not a.takes("bare-clause")))
             and not adverbial(t, k, a.lex)]
    if a.lemma == "tell" and after and after[0].deprel.split(":")[0] in ("obj", "iobj"):
        after = after[1:]
    return after


def _clauses_among(a: SpeechAct, after: list[Word]) -> list[Word]:
    """Of the phrases after the verb, those that may be what was said: all of them for a
    verb that takes a bare clause, else those that are no object and have no mark other
    than "that", "if", "whether" or "to"."""
    if a.takes("bare-clause"):
        return after
    marks = a.lex.words("complement_marks")
    return [k for k in after if k.deprel.split(":")[0] not in ("obj", "iobj") and
            all(m.lemma.lower() in marks for m in a.t.children(k.id, "mark"))]


def object_and_complement(a: SpeechAct) -> Content | None:
    """The object with what follows it, for verbs that say something of their object
    ("accused her of being asleep", "described Clinton as “a lifetime politician”")."""
    t, w = a.t, a.w
    if not a.takes("object") or t.child(w.id, "obj", "xcomp") is None:
        return None
    right = [k for k in t.children(w.id, "obj", "iobj", "obl", "xcomp", "advcl", "ccomp") if k.id > w.id]
    ids = frozenset().union(*(t.subtree(k.id) for k in right)) if right else frozenset()
    return Content(ids) if len(ids) >= 2 else None


def topic_object(a: SpeechAct) -> Content | None:
    """What the speech act is about when it has no clause of its own ("vowed not to repeat
    that mistake", "questioned Europe's reliance on ..."); not a time ("said Friday
    afternoon") nor a quoted term ('announced a “special military operation”')."""
    t, w = a.t, a.w
    comp = (t.child(w.id, "xcomp") if not a.takes("no-xcomp") else None) or \
        (t.child(w.id, "obj") if not a.takes("no-object") else None)
    if comp is None or comp.upos == "PRON" or len(t.subtree(comp.id)) < 2 \
            or comp.lemma.lower() in a.lex.not_speakers:
        return None
    sub = t.subtree(comp.id)
    if any(t.w(i).text in "“\"«‘" for i in sub) and not any(t.w(i).upos in ("VERB", "AUX") for i in sub):
        return None
    return _clause(a, comp)


# --- the verb's place in the sentence ------------------------------------------------------

def reporting_clause_tail(a: SpeechAct) -> Content | None:
    """"Y, X said": the verb hangs off the clause it reports (as parataxis, ccomp or an
    unmarked conj); not "X said he cannot comment on the letter", where the verb is the
    complement of another speech verb."""
    t, w, rel = a.t, a.w, a.rel
    tail = rel == "parataxis" or \
        (rel == "ccomp" and is_reporting_tail(t, w)
         and not (a.lex.is_speech_verb(t.w(w.head).lemma.lower()) and
                  any(k.id > w.id and k.upos != "PUNCT" for k in t.children(w.id)))) or \
        (rel == "conj" and is_reporting_tail(t, w) and t.child(w.id, "cc") is None)
    if not tail or not w.head:
        return None
    return Content(frozenset(t.subtree(w.head, skip=t.subtree(w.id))))


def colon_ends_sentence(a: SpeechAct) -> rules.Stop | None:
    """"X said:" at the end of a sentence: the quotation in the next one is what was said."""
    words = a.t.words
    if a.rel != "root" or not (words[-1].text == ":" or
                               (len(words) > 1 and words[-1].text in "“\"" and words[-2].text == ":")):
        return None
    return rules.Stop(make_cue(a, a.verb.stance, a.subj, NoSpan.FOLLOWS, NoSpan.FOLLOWS, frozenset(),
                               rule="colon_ends_sentence"))


# --- what the speech act is about ----------------------------------------------------------

def about_topic(a: SpeechAct) -> Content | None:
    """What the speech act is about ("complained about his mic", "commented on Crutcher's
    death", "asked Clinton about her emails", "responded by using ..."); not when the verb
    has an object of its own ("wrote a letter about ..." is about the letter)."""
    t, w, lex = a.t, a.w, a.lex
    if t.child(w.id, "obj") is not None and a.lemma not in lex.words("audience_object_verbs"):
        return None
    for k in t.children(w.id, "obl", "advcl"):
        c = t.child(k.id, "case", "mark") if k.id > w.id else None
        if c is None:
            continue
        case = c.lemma.lower()
        if case == "about" or case == "on" and a.lemma in lex.words("on_topic_verbs") \
                or case in lex.words("response_cases") and a.lemma in lex.words("response_verbs"):
            return Content(frozenset(t.subtree(k.id)))
    return None


def clause_opened_after(a: SpeechAct) -> Content | None:
    """The clause that opens right after the verb (and its audience), wherever the parse hung
    it ("began by saying he would “never” diagnose ...", "by telling them that their lives
    are ...")."""
    if not a.takes("bare-clause", "clause"):
        return None
    t, w = a.t, a.w
    k = w.id + 1
    while k < len(t.words) and t.w(k).head == w.id and t.w(k).deprel.split(":")[0] in ("obj", "iobj") \
            and t.w(k).upos in ("PRON", "PROPN"):
        k += 1
    nxt = t.w(k) if k <= len(t.words) else None
    opener = nxt is not None and (nxt.deprel.startswith("nsubj") and a.takes("bare-clause")
                                  or nxt.deprel == "mark" and nxt.text.lower() == "that")
    clause = t.clause_opened_by(nxt, after=w.id) if opener else None
    return Content(frozenset(t.subtree(clause.id))) if clause is not None else None


def bare_cue(a: SpeechAct) -> rules.Stop | None:
    """"..., she said." with the quotation outside this sentence's parse: a bare cue that a
    neighbouring quotation can claim (when the verb has a speaker and ends a reporting clause)."""
    if a.subj is not None and (a.rel in ("root", "parataxis", "ccomp", "conj") or a.after_quote):
        return rules.Stop(make_cue(a, a.verb.stance, a.subj, NoSpan.BARE, NoSpan.BARE, frozenset(), rule="bare_cue"))
    return None
