"""Speech verbs in a parsed sentence: who said what, read off the dependency tree.

:func:`verb_cue` turns one reporting verb into a :class:`~quotes.types.Cue`: its speaker
(found by :mod:`.subjects`), what was said (a complement clause, a clause the parse split
into object and clause, the object of an evaluative speech act, the topic of "complained
about", a quotation after "said,": :mod:`.complements`; both sides of ", X said,":
:mod:`.interrupted`), its audience and its stance. How each verb takes what was said is
data: the ``complement`` column of ``reporting_verbs.tsv``.
"""

from __future__ import annotations

from quotes.lexicons import Lexicon, fold
from quotes.types import ASSERTS, CANNOT_CONFIRM, CONFIRMS, DENIES, HEDGED, Cue, CueKind, NoSpan, Word
from quotes.extractors.complements import (_adverbial, _bidding, _participle_aside, _quotation_follows, _quote_or_clause_child,
                          _that_clause_child, _that_clause_on_audience)
from quotes.extractors.interrupted import around_reporting_clause, reporting_tail
from quotes.extractors.passive import passive_statement
from quotes.extractors.subjects import (_RELATIVE, _first_word, _in_complement, _name_before, _noun_apposition, _outside_parentheses,
                       _relative_clause, _subject_before, speaker_of)
from quotes.extractors.tree import CLOSE_QUOTES, OPEN_QUOTES, Tree

#: content offsets of a cue with nothing to say in its own sentence ("she said.")
BARE = NoSpan.BARE
#: Verbs whose complement is a speech act not made: "declined to confirm", "refused to say".
REFUSALS = {"decline", "refuse", "fail", "unable", "can't", "cannot"}
#: Heads that make a speech act one somebody is required or allowed to make, not one made:
#: "the law requires candidates to disclose", "allow companies to tell", "no way to tell".
UNREALIZED = {"require", "allow", "let", "permit", "enable", "force", "persuade", "need", "way", "urge", "ask",
              "encourage", "want"}
AUDIENCE_RELS = ("obj", "iobj", "obl")
#: Words opening a clause that says when, never what was said ("said after Pagliano left").
_TIME_MARKS = {"after", "before", "when", "while", "until", "once"}
#: Prepositions that open what a speech act is about ("complained about", "commented on").
_TOPIC_MARKS = {"about", "on", "of", "for", "over", "against", "with", "to", "as"}


def content_start_word(t: Tree, ids: list[int]) -> str:
    return t.w(ids[0]).text.lower() if ids else ""


#: Speech verbs whose object is whom they speak to ("asked Clinton about ...").
_AUDIENCE_OBJECT = frozenset({"ask", "tell", "question", "brief", "inform", "warn", "remind", "press", "assure"})
#: Speech verbs whose "by" or "with" phrase is what they said ("responded with attacks on Machado").
_RESPONSES = frozenset({"respond", "reply", "react", "retort", "answer"})
#: Speech verbs whose "on" phrase is their topic ("commented on the shooting").
_ON_TOPIC = frozenset({"comment", "speak", "talk", "report", "testify", "write", "remark", "elaborate", "weigh",
                       "brief", "reflect", "focus", "touch"})


def verb_cue(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    """The speech event of reporting verb ``w``, or None when it reports nothing here."""
    verb = lex.verbs[w.lemma.lower()]
    rel = w.deprel.split(":")[0]
    if rel in ("xcomp", "advcl", "acl", "ccomp") and w.head and t.w(w.head).lemma.lower() in UNREALIZED \
            and w.id > w.head and t.child(w.id, "nsubj") is None:
        return None  # (an infinitive: "although they say ..." after "urged" is said)
    # '“...,” Rep. Jim Jordan, an oversight panel member, said' however the parse attached
    # "said": a speech verb right after a quotation and its speaker's name
    name = _name_before(t, w)
    after_quote = name is not None or \
        w.id > 2 and t.w(w.id - 1).upos == "PRON" and t.w(w.id - 2).text in CLOSE_QUOTES  # '“...,” he added'
    # "Asked if ..., the spokesman said" -- a bare passive participle is not a speech act by its subject
    if w.xpos == "VBN" and rel in ("advcl", "acl") and not t.children(w.id, "aux", "aux:pass") and not after_quote:
        return None
    if (rel == "amod" or (rel == "acl" and w.xpos in ("VBN",) and not t.children(w.id, "aux"))) and not after_quote:
        tail = reporting_tail(t, w)
        if tail is None:
            return None  # "a reported deal" (not "which has denied any involvement")
        # '..., a spokesman announced Monday morning.' with "announced" hung off "morning"
        (sp, (start, end)) = tail
        return _cue(t, w, text, _stance(t, w, verb.stance, lex), sp, start, end,
                    frozenset(x.id for x in t.words if start <= x.start < end), rule="reporting_tail")
    if rel == "acl" and verb.kind == "evidence":
        return None  # "video that shows the explosion" describes the video; nobody speaks
    if w.xpos in ("VBN", "VBD") and w.text[:1].isupper() and all(x.upos == "PUNCT" for x in t.words[:w.id - 1]) \
            and not t.children(w.id, "aux", "aux:pass"):
        return None  # "Asked if ..., the spokesman said": he was asked
    subj = speaker_of(t, w, lex)
    if after_quote and subj is not None and subj.upos == "NOUN":
        # '“...,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said' parsed with the
        # apposition as the subject: the name speaks
        if name is not None and name.upos == "PROPN" and name.id < subj.id:
            subj = name
    passive = subj is not None and subj.deprel.endswith(":pass") and subj.head == w.id
    if passive and subj.lemma.lower() != "it" and not (w.lemma.lower() == "say" and t.child(w.id, "xcomp")) \
            and t.child(w.id, "aux:pass") is not None:
        # "Mr. Quiros was accused of using ...", "was first reported by The Washington Post"
        # ("it was reported that ..." and "X is said to ..." are read below)
        # ("could not explain why a requirement is cited": the clause is what the other verb says)
        within = w.deprel.split(":")[0] in ("ccomp", "xcomp") and w.head and lex.is_speech_verb(t.w(w.head).lemma)
        return _passive_cue(t, w, text, subj, lex) if verb.kind == "speech" and not within else None
    if _quotation_follows(t, w) and not passive:
        # 'O'Neill said, "Not going to go into that."': the quotation after the verb is what
        # was said, however the parse attached it (it may run on over several sentences)
        subj = subj or _outside_parentheses(t, _subject_before(t, w, set(), lex))
        if subj is None:
            return None
        return _cue(t, w, text, _stance(t, w, verb.stance, lex), subj, NoSpan.FOLLOWS, NoSpan.FOLLOWS,
                    frozenset(), rule="quotation_follows", audience=_audience_of(t, w, set(), None, lex))
    around = around_reporting_clause(t, w) if rel in ("root", "parataxis", "ccomp", "conj") and not passive \
        else None
    if around is not None:
        # "The museum, Mr. Obama said, would make visitors ...": both sides, and the name
        # between the commas speaks (the parse may have made "The museum" the subject)
        sp, parts = around
        return _cue(t, w, text, _stance(t, w, verb.stance, lex), sp, parts[0][0], parts[-1][1],
                    frozenset(x.id for x in t.words if parts[0][0] <= x.start < parts[-1][1] and
                              not (sp.id <= x.id <= w.id or w.id <= x.id <= sp.id)),
                    rule="around_reporting_clause", audience=_audience_of(t, w, set(), None, lex), parts=parts)
    content_ids: set[int] = set()
    if subj is not None and subj.upos == "PROPN" and fold(subj.text) in lex.titles and subj.id < len(t.words) \
            and t.w(subj.id + 1).upos == "PROPN":
        subj = t.w(subj.id + 1)  # "Mr. McKinley" parsed as two subjects: the name is the head
    # 1. the verb's own complement; "told the Interfax news agency that ..." parsed with the
    #    that-clause hanging off the audience counts as the complement too. A complement that is
    #    itself a bare reporting clause ("Erdoğan said ..., Tass reported") is no content; one
    #    with words of its own after it is ("said 20 people have indicated an interest"); a
    #    "complement" opening with "and" after a mid-sentence "..., he said, and ..." is a
    #    clause of its own
    ccomps = [k for k in t.children(w.id, "ccomp")
              if not (k.upos == "VERB" and lex.is_speech_verb(k.lemma.lower()) and k.id > w.id
                      and t.child(k.id, "nsubj") is not None
                      and not any(c.id > k.id for c in t.children(k.id, "ccomp", "obj", "xcomp")))
              and not (rel == "parataxis" and k.id > w.id and
                       any(c.id < k.id and c.lemma.lower() in ("and", "but") for c in t.children(k.id, "cc")))
              # '“...,” said Joseph, who has four children': a relative clause, not what was said
              and not _relative_clause(t, k)
              and not (k.id > w.id and _participle_aside(t, k, lex))
              # '“...,” said Charlie King, a prominent New York Democrat': an apposition, no clause
              and not _noun_apposition(t, k)
              # '... said after Pagliano left': a time or reason clause, not what was said
              and not _adverbial(t, k) and _first_word(t, k) not in _TIME_MARKS]
    after = [k for k in ccomps if k.id > w.id]
    comp = _that_clause_on_audience(t, w) or (after[0] if after else (ccomps[0] if ccomps else None))
    bidden = _bidding(t, w) if comp is None and "no-object" in verb.complement else None
    if bidden:
        # "urges her husband to come out of the car": whom, and what they are urged to do
        content_ids = set().union(*(t.subtree(k.id) for k in bidden))
    else:
        comp = comp or _quote_or_clause_child(t, w) or _that_clause_child(t, w)
    obj_noun = None
    if comp is None:
        obj = t.child(w.id, "obj")
        if obj is not None and obj.lemma.lower() in lex.nouns:
            clause = t.child(obj.id, "acl", "ccomp")
            if clause is not None:
                comp, obj_noun = clause, obj
    if comp is None and not content_ids and verb.complement & {"bare-clause", "clause"}:
        # "Figueroa said the campaign planned to ..." parsed as said -> obj + xcomp: the words
        # after the verb are what was said (less the audience of "told")
        # (a clause the parse hung off as a conj with no "and" of its own belongs to it too:
        # "said single people ... would qualify")
        after = [k for k in t.children(w.id, "obj", "xcomp", "dep", "ccomp", "advcl", "iobj", "conj")
                 if k.id > w.id and not (k.deprel.startswith("conj") and (t.child(k.id, "cc") is not None
                                                                          or "bare-clause" not in verb.complement))
                 and not _adverbial(t, k)]
        if w.lemma.lower() == "tell" and after and after[0].deprel.split(":")[0] in ("obj", "iobj"):
            after = after[1:]
        # the clause must be what was said, not an adjunct: "wrote a letter about how ...",
        # "adds a third breast by undergoing surgery" say nothing
        clauses = after if "bare-clause" in verb.complement else \
            [k for k in after if k.deprel.split(":")[0] not in ("obj", "iobj") and
             all(m.lemma.lower() in ("that", "if", "whether", "to") for m in t.children(k.id, "mark"))]
        # (not the speaker after the verb with its apposition: '“...,” said Leslie Wimes, a
        # South Florida-based president of ...')
        clauses = [k for k in clauses if not _noun_apposition(t, k) and (subj is None or k.id != subj.id)
                   and not _participle_aside(t, k, lex)]
        if clauses and any(t.w(i).upos in ("VERB", "AUX") for k in clauses for i in t.subtree(k.id)):
            content_ids = set().union(*(t.subtree(k.id) for k in after if not _participle_aside(t, k, lex)))
            comp = None
    if not content_ids and comp is None and "object" in verb.complement and t.child(w.id, "obj", "xcomp") is not None:
        # "accused her of being asleep ...", "described Clinton as “a lifetime politician”",
        # "praised the protests for being peaceful": the object with what follows it
        right = [k for k in t.children(w.id, "obj", "iobj", "obl", "xcomp", "advcl", "ccomp") if k.id > w.id]
        if right and len(set().union(*(t.subtree(k.id) for k in right))) >= 2:
            content_ids = set().union(*(t.subtree(k.id) for k in right))
    if not content_ids and comp is None:
        # "vowed not to repeat that mistake", "questioned Europe's reliance on ...":
        # what the speech act is about, when it has no clause of its own
        comp = (t.child(w.id, "xcomp") if "no-xcomp" not in verb.complement else None) or \
            (t.child(w.id, "obj") if "no-object" not in verb.complement else None)
        if comp is not None and (comp.upos == "PRON" or len(t.subtree(comp.id)) < 2
                                 or comp.lemma.lower() in lex.not_speakers):
            comp = None  # (nor "said Friday afternoon": when)
        if comp is not None:
            sub = t.subtree(comp.id)
            if any(t.w(i).text in "“\"«‘" for i in sub) and not any(t.w(i).upos in ("VERB", "AUX") for i in sub):
                comp = None  # 'announced a “special military operation”': a quoted term, not speech
    if comp is not None and not content_ids:
        content_ids = t.subtree(comp.id)
        obj = t.child(w.id, "obj")
        if "bare-clause" in verb.complement and "no-object" not in verb.complement and obj is not None \
                and w.id < obj.id < comp.id and comp.deprel.startswith("ccomp") \
                and t.child(comp.id, "nsubj", "nsubj:pass", "csubj", "expl") is None:
            # "said the politics surrounding the ticket would be more intense" parsed as an object
            # and a subjectless clause: the object is the clause's subject
            content_ids = content_ids | t.subtree(obj.id)
    elif rel in ("parataxis",) or (rel == "ccomp" and _is_reporting_tail(t, w)
                                   # "X said he cannot comment on the letter": the complement of a
                                   # speech verb, not "..., Erdoğan said, Tass reported."
                                   and not (lex.is_speech_verb(t.w(w.head).lemma.lower()) and
                                            any(k.id > w.id and k.upos != "PUNCT" for k in t.children(w.id)))) or \
            (rel == "conj" and _is_reporting_tail(t, w) and t.child(w.id, "cc") is None):
        # "Y, X said" (the reporting clause parsed as parataxis, ccomp or an unmarked conj)
        # "Y, X said": the verb hangs off the clause it reports
        head = w.head
        if head:
            content_ids = t.subtree(head, skip=t.subtree(w.id))
    elif rel == "root":
        # "Y, X said" parsed with said as root and Y as its parataxis/ccomp handled above;
        # "X said:" at the end of a sentence: the quote follows in the next one
        last = t.words[-1]
        if last.text == ":" or (len(t.words) > 1 and t.words[-1].text in "“\"" and t.words[-2].text == ":"):
            return _cue(t, w, text, verb.stance, subj, NoSpan.FOLLOWS, NoSpan.FOLLOWS, frozenset(),
                        rule="colon_ends_sentence")
    if not content_ids and (t.child(w.id, "obj") is None or w.lemma.lower() in _AUDIENCE_OBJECT):
        # "... unequivocally said about the rejection of ...", "complained about his mic",
        # "commented on Crutcher's death", "asked Clinton about her emails", "responded by
        # using ...": what the speech act was about ("wrote a letter about ..." is about the letter)
        about = next((k for k in t.children(w.id, "obl", "advcl") if k.id > w.id and
                      (c := t.child(k.id, "case", "mark")) is not None and
                      (c.lemma.lower() == "about" or c.lemma.lower() == "on" and w.lemma.lower() in _ON_TOPIC
                       or c.lemma.lower() in ("by", "with") and w.lemma.lower() in _RESPONSES)), None)
        if about is not None:
            content_ids = t.subtree(about.id)
    if not content_ids and verb.complement & {"bare-clause", "clause"}:
        # "began by saying he would “never” diagnose ...", "by telling them that their lives
        # are ..." with the clause hung elsewhere: the clause that opens right after the verb
        # (and its audience)
        k = w.id + 1
        while k < len(t.words) and t.w(k).head == w.id and t.w(k).deprel.split(":")[0] in ("obj", "iobj") \
                and t.w(k).upos in ("PRON", "PROPN"):
            k += 1
        nxt = t.w(k) if k <= len(t.words) else None
        opener = nxt is not None and (nxt.deprel.startswith("nsubj") and "bare-clause" in verb.complement
                                      or nxt.deprel == "mark" and nxt.text.lower() == "that")
        clause = t.clause_opened_by(nxt, after=w.id) if opener else None
        if clause is not None:
            content_ids = t.subtree(clause.id)
    if not content_ids:
        if subj is not None and (rel in ("root", "parataxis", "ccomp", "conj") or after_quote):
            # "..., she said." with the quotation outside this sentence's parse: a bare cue
            # that a neighbouring quotation can claim
            return _cue(t, w, text, verb.stance, subj, BARE, BARE, frozenset(), rule="bare_cue")
        return None
    for k in t.children(w.id, "nsubj"):
        if w.id < k.id < max(content_ids) and _in_complement(t, k, w):  # "asserted that she and ... are tired"
            content_ids = content_ids | t.subtree(k.id)
    ids = t.trimmed(content_ids, drop_lead=("that", "about"))
    if not ids:
        return None
    run = max(t.contiguous_runs(set(ids)), key=len) if _gapped(ids) else ids
    ids = t.trimmed(set(run))
    if not ids:
        return None
    if subj is not None and ids[0] < subj.id <= ids[-1] and subj.id < w.id:
        # '“Subpoenas are not optional,” panel Chairman Rep. Jason Chaffetz said' parsed with
        # the speaker's titles inside the content: what was said ends with the quotation
        closes = [i for i in ids if i < subj.id and t.w(i).text in CLOSE_QUOTES]
        opens = t.w(ids[0]).text in OPEN_QUOTES or ids[0] > 1 and t.w(ids[0] - 1).text in OPEN_QUOTES
        if closes and opens:
            ids = t.trimmed({i for i in ids if i <= closes[-1]})
            if not ids:
                return None
    if verb.kind == "evidence" and not any(t.w(i).upos in ("VERB", "AUX") for i in ids):
        return None  # "find some middle ground", "show support": no finding is reported
    lead = t.w(ids[0])
    if not any(t.w(i).upos in ("VERB", "AUX") for i in ids) and "object" not in verb.complement and (
            lead.upos == "ADP" and lead.lemma.lower() not in _TOPIC_MARKS
            or any(t.w(i).lemma.lower() in lex.not_speakers and t.w(i).upos in ("NOUN", "PROPN") for i in ids[:3])):
        # "said this month on CNBC", "said at a campaign stop": when and where, not what was said
        if subj is not None and not passive:
            return _cue(t, w, text, verb.stance, subj, BARE, BARE, frozenset(), rule="when_or_where")
        return None
    start, end = t.w(ids[0]).start, t.w(ids[-1]).end
    stance = _stance(t, w, verb.stance, lex)
    implicit = False
    if passive and subj is not None and subj.lemma.lower() == "it":
        subj, stance, implicit = None, HEDGED if stance == ASSERTS else stance, True  # "it was reported that"
    if passive and subj is not None and w.lemma.lower() == "say" and t.child(w.id, "xcomp") is not None:
        # "X is said to ...": the source is unnamed, X is the topic
        subj, stance, implicit = None, HEDGED, True
    if subj is None and not implicit:
        subj = _outside_parentheses(t, _subject_before(t, w, set(ids), lex))
        if subj is None:
            return None  # an active speech verb whose speaker the parse lost
    if content_start_word(t, ids) in _RELATIVE:
        return None  # "..., who has four children": a relative clause, not what was said
    if obj_noun is not None and stance == ASSERTS:
        stance = CONFIRMS if w.lemma.lower() in ("confirm", "verify") else stance
    audience = _audience_of(t, w, content_ids, obj_noun, lex)
    return _cue(t, w, text, stance, subj, start, end, frozenset(ids), rule="verb_complement", audience=audience)


def _passive_cue(t: Tree, w: Word, text: str, subj: Word, lex: Lexicon) -> Cue | None:
    """A passive speech act: its "by" phrase speaks; with none, the source is unnamed and
    a plain assertion is hedged ("was accused of")."""
    p = passive_statement(t, w, subj, audience_object=w.lemma.lower() in _AUDIENCE_OBJECT)
    if p is None:
        return None
    stance = _stance(t, w, lex.verbs[w.lemma.lower()].stance, lex)
    if p.agent is None and stance == ASSERTS:
        stance = HEDGED
    return _cue(t, w, text, stance, p.agent, p.parts[0][0], p.parts[-1][1], p.ids, rule="passive_speech",
                audience=p.audience, parts=p.parts if len(p.parts) > 1 else ())


def _audience_of(t: Tree, w: Word, content_ids, obj_noun: Word | None, lex: Lexicon) -> tuple[int, ...]:
    """Whom verb ``w`` speaks to; "told Tass that ..., but said: ..." -- the second verb
    speaks to the same outlet."""
    audience = _audience(t, w, content_ids, obj_noun)
    if not audience and w.deprel.startswith("conj") and w.head and lex.is_speech_verb(t.w(w.head).lemma.lower()):
        audience = _audience(t, t.w(w.head), set(content_ids) | t.subtree(w.id), None)
    return audience


def _audience(t: Tree, w: Word, content_ids, obj_noun: Word | None) -> tuple[int, ...]:
    out = []
    for a in t.children(w.id, *AUDIENCE_RELS):
        if a.id in content_ids or (obj_noun is not None and a.id == obj_noun.id):
            continue
        if a.upos not in ("PROPN", "NOUN", "PRON"):
            continue
        if a.deprel.startswith("obl"):
            case = t.child(a.id, "case")
            if case is None or case.lemma.lower() not in ("to", "with"):
                continue
        out.append(a.id)
    return tuple(out)


def _gapped(ids: list[int]) -> bool:
    return any(b != a + 1 for a, b in zip(ids, ids[1:]))


def _is_reporting_tail(t: Tree, w: Word) -> bool:
    # a ccomp verb that comes after its head with a subject of its own, set off by punctuation
    # ("Y, X said", "“Y” X said"; not "she believes we must continue")
    subj = t.child(w.id, "nsubj")
    if w.head is None or w.id <= w.head or subj is None:
        return False
    first = min(t.subtree(subj.id))
    return first > 1 and t.w(first - 1).upos == "PUNCT"


def _stance(t: Tree, w: Word, base: str, lex: Lexicon) -> str:
    lemma = w.lemma.lower()
    head = t.w(w.head) if w.head else None
    refused = head is not None and w.deprel.startswith("xcomp") and head.lemma.lower() in REFUSALS
    if base == CANNOT_CONFIRM:
        return CANNOT_CONFIRM
    coordinated = w.deprel.startswith("conj") or any(k.lemma.lower() in ("or", "nor") for k in t.children(w.id, "cc"))
    if head is not None and coordinated and lex.verbs.get(head.lemma.lower()) and \
            _stance(t, head, lex.verbs[head.lemma.lower()].stance, lex) == CANNOT_CONFIRM:
        return CANNOT_CONFIRM  # "refused to confirm or deny", "would neither confirm nor deny"
    if refused or t.negated(w.id):
        if base == CONFIRMS or lemma in ("say", "comment", "confirm", "verify", "disclose", "specify"):
            return CANNOT_CONFIRM
        if base == DENIES:
            return HEDGED
        return HEDGED
    for k in t.children(w.id, "advmod"):
        if k.lemma.lower() in lex.hedges or k.text.lower() in lex.hedges:
            return HEDGED
    return base


def _cue(t: Tree, w: Word, text: str, stance: str, subj: Word | None, start: int, end: int,
         ids, *, rule: str, audience=(), parts=()) -> Cue:
    # cue phrase: the verb with its auxiliaries/negation ("could not confirm"), or the
    # refusing head ("declined to comment")
    first = w
    for k in t.children(w.id, "aux", "advmod", "neg"):
        if k.id < w.id and (k.deprel.startswith("aux") or k.lemma.lower() in ("not", "n't", "never")) \
                and not t.quote_between(k.id, w.id):
            first = k if k.id < first.id else first
    if w.deprel.startswith("xcomp") and w.head and t.w(w.head).lemma.lower() in REFUSALS:
        first = t.w(w.head)
    cue_text = text[first.start:w.end]
    return Cue(sentence=t.sent.index, kind=CueKind.VERB, lemma=w.lemma.lower(), text=cue_text, start=first.start,
               end=w.end, stance=stance, speaker=subj.id if subj is not None else None,
               content_start=start, content_end=end, content_ids=frozenset(ids), audience=tuple(audience),
               anchor=w.id, parts=tuple(parts), rule=rule)
