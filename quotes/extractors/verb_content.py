"""Rules that read what a reporting verb says: where its content hangs in the parse.

Three sequences, tried in this order by :func:`.verbs.verb_cue`:

- :data:`CLAUSE_READINGS`: the verb's own complement, first match wins (a that-clause, the
  object and infinitive of "urged her to", a quotation, a clause the parse split into
  object and clause, the object of an evaluative speech act);
- :data:`POSITION_READINGS`: where no clause of the verb's own was found, the verb's place
  says it ("Y, X said": the clause the verb hangs off; "X said:" at a sentence's end);
- :data:`TOPIC_READINGS`: with nothing yet, what the speech act is about ("complained
  about his mic") or a clause that opens right after the verb (:mod:`.verb_topic`).

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
from quotes.extractors.complements import (adverbial, bidding, complement_subject_on_verb, fronted_adjuncts,
                                           infinitive_read_as_noun, noun_clause, participle_aside,
                                           quote_or_clause_child, that_clause_child, that_clause_on_audience)
from quotes.extractors.speech import SpeechAct, after_colon_label, is_reporting_tail, make_cue, subjects_said
from quotes.extractors.subjects import first_word, noun_apposition, relative_clause, set_off
from quotes.extractors.tree import Tree
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
    subj = complement_subject_on_verb(t, w, comp)  # "said the nominee was a failure" with "nominee" the verb's
    ids = ids | (t.subtree(subj.id) if subj is not None else set())
    return Content(frozenset(ids | fronted_adjuncts(t, w, ids)), comp, obj_noun)


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
    bidden = bidding(t, w) if a.takes("no-object") else None  # "asked them to discuss it, a request not honored"
    return bare or own or relative_clause(t, k) or (bidden is not None and k.id > bidden[1].id) \
        or (k.id > w.id and participle_aside(t, k, lex)) \
        or noun_apposition(t, k) \
        or adverbial(t, k, lex) or first_word(t, k) in lex.words("time_marks")


# --- the verb's own complement -------------------------------------------------------------

def complement_clause(a: SpeechAct) -> Content | None:
    """The verb's complement clause ("X said (that) Y"; "told the Interfax news agency that
    ..." with the that-clause hung off the audience counts too). Not a relative clause, an
    apposition, a participle aside, a when-or-why clause or a bare reporting clause.

    >>> from quotes.extractors.explain import trial
    >>> trial("“/PUNCT/3/punct We/PRON/3/nsubj act/VERB/7/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct Peskov/PROPN/7/nsubj "
    ...       "said/VERB/0/root/say ./PUNCT/7/punct", "complement_clause")
    complement_clause fired on 'said'
    cue 'said': Peskov -> '“We act,”' (complement_clause)
    """
    ccomps = [k for k in a.t.children(a.w.id, "ccomp") if not _no_complement(a, k)]
    after = [k for k in ccomps if k.id > a.w.id]
    comp = that_clause_on_audience(a.t, a.w, a.lex) or (after[0] if after else (ccomps[0] if ccomps else None))
    return _clause(a, comp) if comp is not None else None


def bidden_infinitive(a: SpeechAct) -> Content | None:
    """Whom a verb urges and what they are urged to do ("urges her husband to come out of
    the car"), for verbs whose object is their audience.

    >>> from quotes.extractors.explain import trial
    >>> trial("She/PRON/2/nsubj urges/VERB/0/root/urge her/PRON/4/nmod:poss husband/NOUN/2/obj to/PART/6/mark "
    ...       "leave/VERB/2/advcl ./PUNCT/2/punct", "bidden_infinitive")
    bidden_infinitive fired on 'urges'
    cue 'urges': She -> 'her husband to leave' (bidden_infinitive)
    """
    if not a.takes("no-object"):
        return None
    bidden = bidding(a.t, a.w)
    return Content(frozenset().union(*(a.t.subtree(k.id) for k in bidden))) if bidden else None


def quoted_clause_child(a: SpeechAct) -> Content | None:
    """A complement parsed as parataxis, xcomp, object or adverbial clause that is a clause
    or a quotation (not a quoted term: 'announced a “special military operation”').

    >>> from quotes.extractors.explain import trial
    >>> trial("Peskov/PROPN/2/nsubj said/VERB/0/root/say :/PUNCT/5/punct talks/NOUN/5/nsubj failed/VERB/2/parataxis "
    ...       "./PUNCT/2/punct", "quoted_clause_child")
    quoted_clause_child fired on 'said'
    cue 'said': Peskov -> 'talks failed' (quoted_clause_child)
    """
    k = quote_or_clause_child(a.t, a.w)
    return _clause(a, k) if k is not None else None


def that_clause_elsewhere(a: SpeechAct) -> Content | None:
    """A that-clause the parse hung off the verb as a conj, advcl, dep, xcomp or object
    ("announced in a statement that he had reached ...").

    >>> from quotes.extractors.explain import trial
    >>> trial("Peskov/PROPN/2/nsubj announced/VERB/0/root/announce a/DET/4/det deal/NOUN/2/obj and/CCONJ/8/cc "
    ...       "that/SCONJ/8/mark talks/NOUN/8/nsubj failed/VERB/2/conj ./PUNCT/2/punct", "that_clause_elsewhere")
    that_clause_elsewhere fired on 'announced'
    cue 'announced': Peskov -> 'and that talks failed' (that_clause_elsewhere)
    """
    k = that_clause_child(a.t, a.w)
    return _clause(a, k) if k is not None else None


def object_noun_clause(a: SpeechAct) -> Content | None:
    """The clause of a reporting noun the verb takes as its object (:func:`.complements.noun_clause`).

    >>> from quotes.extractors.explain import trial
    >>> trial("Tass/PROPN/2/nsubj reported/VERB/0/root/report that/SCONJ/7/mark a/DET/5/det source/NOUN/7/nsubj "
    ...       "had/AUX/7/aux confirmed/VERB/2/ccomp/confirm a/DET/9/det report/NOUN/7/obj that/SCONJ/13/mark "
    ...       "the/DET/12/det visit/NOUN/13/nsubj:pass ended/VERB/9/acl ./PUNCT/2/punct", "object_noun_clause")
    object_noun_clause fired on 'confirmed'
    cue 'reported': Tass -> 'a source had confirmed a report that the visit ended' (complement_clause)
    cue 'had confirmed': source -> 'the visit ended' (object_noun_clause)
    cue 'report': report -> 'the visit ended' (reporting_noun)
    """
    obj = a.t.child(a.w.id, "obj")
    if obj is None or obj.lemma.lower() not in a.lex.nouns:
        return None
    clause = noun_clause(a.t, obj)
    return _clause(a, clause, obj) if clause is not None else None


def clause_after_verb(a: SpeechAct) -> Content | None:
    """The words after the verb, when they make a clause the parse split up ("Figueroa said
    the campaign planned to ..." parsed as said -> obj + xcomp), less the audience of "told";
    not an adjunct ("wrote a letter about how ...") nor the speaker's apposition.

    >>> from quotes.extractors.explain import trial
    >>> trial("Figueroa/PROPN/2/nsubj said/VERB/0/root/say the/DET/4/det campaign/NOUN/2/obj planned/VERB/2/xcomp "
    ...       "to/PART/7/mark appeal/VERB/5/xcomp ./PUNCT/2/punct", "clause_after_verb")
    clause_after_verb fired on 'said'
    cue 'said': Figueroa -> 'the campaign planned to appeal' (clause_after_verb)
    """
    if not a.takes("bare-clause", "clause"):
        return None
    t, lex = a.t, a.lex
    after = _words_after(a)
    clauses = [k for k in _clauses_among(a, after) if not (noun_apposition(t, k) and set_off(t, a.w, k)) and
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
    ("accused her of being asleep", "described Clinton as “a lifetime politician”").

    >>> from quotes.extractors.explain import trial
    >>> trial("Trump/PROPN/2/nsubj accused/VERB/0/root/accuse her/PRON/2/obj of/SCONJ/5/mark lying/VERB:VBG/2/advcl "
    ...       "about/ADP/7/case Benghazi/PROPN/5/obl ./PUNCT/2/punct", "object_and_complement")
    object_and_complement fired on 'accused'
    cue 'accused': Trump -> 'her of lying about Benghazi' (object_and_complement)
    """
    t, w = a.t, a.w
    if not a.takes("object") or t.child(w.id, "obj", "xcomp") is None:
        return None
    right = [k for k in t.children(w.id, "obj", "iobj", "obl", "xcomp", "advcl", "ccomp") if k.id > w.id]
    ids = frozenset().union(*(t.subtree(k.id) for k in right)) if right else frozenset()
    return Content(ids) if len(ids) >= 2 else None


def topic_object(a: SpeechAct) -> Content | None:
    """What the speech act is about when it has no clause of its own ("vowed not to repeat
    that mistake", "questioned Europe's reliance on ..."); not a time ("said Friday
    afternoon") nor a quoted term ('announced a “special military operation”').

    >>> from quotes.extractors.explain import trial
    >>> trial("The/DET/2/det ministry/NOUN/5/nsubj would/AUX/5/aux neither/ADV/5/advmod confirm/VERB/0/root "
    ...       "nor/PART/7/cc deny/VERB/5/xcomp that/SCONJ/10/mark talks/NOUN/10/nsubj stalled/VERB/7/ccomp "
    ...       "./PUNCT/5/punct", "topic_object")
    topic_object fired on 'confirm'
    cue 'would neither confirm': ministry -> 'nor deny that talks stalled' (topic_object)
    cue 'deny': ministry -> 'talks stalled' (complement_clause)
    """
    t, w = a.t, a.w
    comp = (t.child(w.id, "xcomp") or infinitive_read_as_noun(t, w, a.lex) if not a.takes("no-xcomp") else None) \
        or (t.child(w.id, "obj") if not a.takes("no-object") else None)
    if comp is None or comp.upos == "PRON" or len(t.subtree(comp.id)) < 2 \
            or comp.lemma.lower() in a.lex.not_speakers or a.subj is not None and comp.id == a.subj.id:
        return None
    sub = t.subtree(comp.id)
    if any(t.w(i).text in "“\"«‘" for i in sub) and not any(t.w(i).upos in ("VERB", "AUX") for i in sub):
        return None
    return _clause(a, comp)


# --- the verb's place in the sentence ------------------------------------------------------

def reporting_clause_tail(a: SpeechAct) -> Content | None:
    """"Y, X said": the verb hangs off the clause it reports (as parataxis, ccomp or an
    unmarked conj); not "X said he cannot comment on the letter", where the verb is the
    complement of another speech verb.

    >>> from quotes.extractors.explain import trial
    >>> trial("The/DET/2/det visit/NOUN/3/nsubj continued/VERB/0/root/continue ,/PUNCT/6/punct Peskov/PROPN/6/nsubj "
    ...       "said/VERB/3/parataxis/say ./PUNCT/3/punct", "reporting_clause_tail")
    reporting_clause_tail fired on 'said'
    cue 'continued': visit -> 'Peskov said' (quoted_clause_child)
    cue 'said': Peskov -> 'The visit continued' (reporting_clause_tail)
    """
    t, w, rel = a.t, a.w, a.rel
    tail = rel == "parataxis" and not after_colon_label(t, w) or \
        (rel == "ccomp" and is_reporting_tail(t, w)
         and not (a.lex.is_speech_verb(t.w(w.head).lemma.lower()) and
                  any(k.id > w.id and k.upos != "PUNCT" for k in t.children(w.id)))) or \
        (rel == "conj" and is_reporting_tail(t, w) and t.child(w.id, "cc") is None)
    if not tail or not w.head:
        return None
    return Content(frozenset(t.subtree(w.head, skip=t.subtree(w.id)) | subjects_said(t, w)))


def clause_before_comma(a: SpeechAct) -> Content | None:
    """"Y, X said." with Y hung elsewhere by the parse (as a second subject of the verb): a
    reporting clause that ends its sentence after a comma says everything before the comma,
    when that holds a verb.

    >>> from quotes.extractors.explain import trial
    >>> trial("That/DET/2/det kind/NOUN/9/nsubj of/ADP/4/case tie/NOUN/2/nmod has/AUX/6/aux helped/VERB/2/acl "
    ...       ",/PUNCT/2/punct donors/NOUN/9/nsubj said/VERB/0/root/say ./PUNCT/9/punct", "clause_before_comma")
    clause_before_comma fired on 'said'
    cue 'said': donors -> 'That kind of tie has helped' (clause_before_comma)
    """
    t, w, s = a.t, a.w, a.subj
    if s is None or s.id > w.id or not all(k.deprel.split(":")[0] in TAIL_RELS for k in t.children(w.id)
                                          if k.id > w.id):
        return None
    first = min(t.subtree(s.id))
    if first < 2 or t.w(first - 1).text != "," or \
            not set(range(first, w.id)) <= t.subtree(s.id) | {k.id for k in t.children(w.id, "advmod", "aux")}:
        return None
    if s.upos == "PRON" and s.lemma.lower() in a.lex.words("relative_speakers") or \
            any(x.text.lower() == "that" or x.text in ":“\"" for x in t.words[w.id:]):
        return None  # '..., who added ...'; "said on Friday that ...", "wrote:"
    before = set(range(1, first - 1))
    tops = [t.w(i) for i in before if t.w(i).head not in before]
    if not all(x.head == w.id and (x.deprel.split(":")[0] in BEFORE_RELS or _statement_as_adjunct(t, x))
               or x.head not in before | {w.id} and x.upos == "PUNCT" for x in tops):
        return None  # "In one memorable moment after ..., Sanders declared ...": the verb's own adjunct
    ids = frozenset(t.trimmed(before))
    if len(ids) < 3 or not any(t.w(i).upos in ("VERB", "AUX") for i in ids):
        return None
    return Content(ids)


def _statement_as_adjunct(t: Tree, x: Word) -> bool:
    """Whether ``x``, hung on the verb as an adverbial clause, is a statement of its own: a
    tensed clause with its own subject and no subordinator ("The port will close, Reuters
    reported"; not "When terrorists are revealed, ..." nor "Asked about it, ...")."""
    return x.deprel.split(":")[0] == "advcl" and t.child(x.id, "nsubj", "nsubj:pass") is not None \
        and not t.children(x.id, "mark") and not any(k.xpos.startswith("W") for k in t.children(x.id, "advmod")) \
        and (x.xpos in ("VBD", "VBZ", "VBP") or any(k.xpos in ("MD", "VBD", "VBZ", "VBP")
                                                    for k in t.children(x.id, "aux", "aux:pass", "cop")))


#: What may follow the verb of a reporting clause that ends its sentence ("said Tuesday", "said
#: in a statement").
TAIL_RELS = ("punct", "obl", "advmod", "nmod")
#: How the parse may hang the clause before such a reporting clause on its verb (not as an
#: adjunct of its own: "In a memorable moment, Sanders declared ...").
BEFORE_RELS = ("nsubj", "ccomp", "parataxis", "csubj", "dep", "conj")


def colon_ends_sentence(a: SpeechAct) -> rules.Stop | None:
    """"X said:" at the end of a sentence: the quotation in the next one is what was said.

    >>> from quotes.extractors.explain import trial
    >>> trial("Peskov/PROPN/2/nsubj said/VERB/0/root/say on/ADP/4/case Monday/PROPN/2/obl :/PUNCT/2/punct",
    ...       "colon_ends_sentence")
    colon_ends_sentence fired on 'said'
    cue 'said': Peskov -> (the quotation that follows) (colon_ends_sentence)
    """
    words = a.t.words
    if a.rel != "root" or not (words[-1].text == ":" or
                               (len(words) > 1 and words[-1].text in "“\"" and words[-2].text == ":")):
        return None
    return rules.Stop(make_cue(a, a.verb.stance, a.subj, NoSpan.FOLLOWS, NoSpan.FOLLOWS, frozenset(),
                               rule="colon_ends_sentence"))


def bare_cue(a: SpeechAct) -> rules.Stop | None:
    """"..., she said." with the quotation outside this sentence's parse: a bare cue that a
    neighbouring quotation can claim (when the verb has a speaker and ends a reporting clause).

    >>> from quotes.extractors.explain import trial
    >>> trial("Peskov/PROPN/2/nsubj said/VERB/0/root/say that/SCONJ/6/mark the/DET/5/det visit/NOUN/6/nsubj "
    ...       "continued/VERB/2/ccomp/continue ./PUNCT/2/punct", "bare_cue")
    bare_cue fired on 'continued'
    cue 'said': Peskov -> 'the visit continued' (clause_after_verb)
    cue 'continued': visit -> (nothing here: a bare cue) (bare_cue)
    """
    if a.subj is not None and (a.rel in ("root", "parataxis", "ccomp", "conj") or a.after_quote):
        return rules.Stop(make_cue(a, a.verb.stance, a.subj, NoSpan.BARE, NoSpan.BARE, frozenset(), rule="bare_cue"))
    return None
