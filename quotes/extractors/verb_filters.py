"""Rules applied after a reporting verb's content was read: :data:`FILTERS` in
:mod:`.verbs`, each in turn (:func:`.rules.run_filters`). A filter may trim what was said,
change the speaker or the stance, or end the act with a :class:`~quotes.extractors.rules.Stop`.

>>> a = SpeechAct.example("Ankara said that talks failed.", [("Ankara", "PROPN", 2, "nsubj"),
...     ("said", "VERB", 0, "root", "say"), ("that", "SCONJ", 5, "mark"), ("talks", "NOUN", 5, "nsubj"),
...     ("failed", "VERB", 2, "ccomp"), (".", "PUNCT", 2, "punct")], verb=2)
>>> a.content = {3, 4, 5}
>>> trim_edges(a), a.ids
(True, [4, 5])
"""

from __future__ import annotations

from quotes.extractors import rules
from quotes.extractors.complements import adverbial
from quotes.extractors.speech import EVIDENCE, SpeechAct, make_cue
from quotes.extractors.subjects import in_complement, outside_parentheses, subject_before
from quotes.extractors.tree import CLOSE_QUOTES, OPEN_QUOTES, QUOTE_MARKS
from quotes.types import ASSERTS, HEDGED, NoSpan


def subject_in_complement(a: SpeechAct) -> bool | None:
    """A subject of the verb inside its that-clause belongs to what was said ("asserted
    that she and the other family members ... are tired" parsed with "she" as the subject).

    >>> from quotes.extractors.explain import trial
    >>> trial("Strada/PROPN/2/nsubj wept/VERB/0/root and/CCONJ/4/cc asserted/VERB/2/conj/assert that/SCONJ/8/mark "
    ...       "she/PRON/4/nsubj was/AUX/8/cop tired/ADJ/4/ccomp ./PUNCT/2/punct", "subject_in_complement")
    subject_in_complement fired on 'asserted'
    cue 'asserted': Strada -> 'she was tired' (complement_clause)
    """
    t, w = a.t, a.w
    grown = False
    for k in t.children(w.id, "nsubj"):
        if w.id < k.id < max(a.content) and in_complement(t, k, w):
            a.content = a.content | t.subtree(k.id)
            grown = True
    return grown or None


#: How the parse may hang on the verb what opens its that-clause ("that, in March, ...", "that
#: while he got care, ...").
FRONTED_RELS = ("advcl", "obl", "advmod", "nmod", "punct")


def fronted_adverbial(a: SpeechAct) -> bool | None:
    """What stands between a that-clause's "that" and the rest of it is what was said too,
    when the parse hung it on the verb ("noted that, through the end of March, spending had
    reached $2 million", "said that while he got care, his friends had none").

    >>> from quotes.extractors.explain import trial
    >>> trial("Kohl/PROPN/2/nsubj noted/VERB/0/root/note that/SCONJ/9/mark ,/PUNCT/6/punct in/ADP/6/case "
    ...       "March/PROPN/2/obl ,/PUNCT/6/punct costs/NOUN/9/nsubj rose/VERB/2/ccomp/rise ./PUNCT/2/punct",
    ...       "fronted_adverbial")
    fronted_adverbial fired on 'noted'
    cue 'noted': Kohl -> 'in March, costs rose' (complement_clause)
    """
    t, w = a.t, a.w
    ids = sorted(a.content)
    first = t.w(ids[0])
    if len(ids) < 2 or first.id < w.id or first.upos != "SCONJ" or first.text.lower() != "that" \
            or ids[1] == first.id + 1:
        return None
    gap = set(range(first.id + 1, ids[1]))
    own = [k for k in t.children(w.id) if k.id in gap]
    if not own or any(k.deprel.split(":")[0] not in FRONTED_RELS for k in own) or \
            not gap <= set().union(*(t.subtree(k.id) for k in own)) | {i for i in gap if t.w(i).upos == "PUNCT"}:
        return None
    a.content = a.content | gap
    return True


def quoted_reason(a: SpeechAct) -> bool | None:
    """A why-clause of the verb right after what was said, holding words in quotation marks,
    is the speaker's too ('Peskov said “there are few reasons for optimism” because Blinken
    “said about the rejection”': the quoted words are Peskov's). Without quotation marks a
    "because ..." clause may be the reporter's, and stays out.

    >>> from quotes.extractors.explain import trial
    >>> trial("He/PRON/2/nsubj said/VERB/0/root/say “/PUNCT/5/punct talks/NOUN/5/nsubj failed/VERB/2/ccomp/fail "
    ...       "”/PUNCT/5/punct because/SCONJ/10/mark they/PRON/10/nsubj “/PUNCT/10/punct lied/VERB/2/advcl/lie "
    ...       "”/PUNCT/10/punct ./PUNCT/2/punct", "quoted_reason")
    quoted_reason fired on 'said'
    cue 'said': He -> '“talks failed” because they “lied”' (complement_clause)
    """
    t, w = a.t, a.w
    end = max(a.content)
    for k in t.children(w.id, "ccomp", "advcl"):
        ids = t.subtree(k.id)
        if k.id in a.content or min(ids) != end + 1 or not adverbial(t, k, a.lex) \
                or not any(t.w(i).text in OPEN_QUOTES for i in ids):
            continue
        a.content = a.content | ids
        return True
    return None


def trim_edges(a: SpeechAct) -> bool | rules.Stop:
    """What was said, in order, without edge punctuation and a leading "that" or "about".

    >>> from quotes.extractors.explain import trial
    >>> trial("Peskov/PROPN/2/nsubj said/VERB/0/root/say that/SCONJ/6/mark the/DET/5/det visit/NOUN/6/nsubj "
    ...       "continued/VERB/2/ccomp/continue ./PUNCT/2/punct", "trim_edges")
    trim_edges fired on 'said'
    cue 'said': Peskov -> 'the visit continued' (clause_after_verb)
    cue 'continued': visit -> (nothing here: a bare cue) (bare_cue)
    """
    a.ids = a.t.trimmed(a.content, drop_lead=a.lex.words("content_lead"))
    return True if a.ids else rules.veto("nothing is left of what was said")


def longest_run(a: SpeechAct) -> bool | rules.Stop | None:
    """Of what was said in pieces, the longest run of adjacent words.

    >>> from quotes.extractors.explain import trial
    >>> trial("“/PUNCT/4/punct Bad/ADJ/7/amod things/NOUN/4/nsubj happen/VERB/0/root ,/PUNCT/8/punct ”/PUNCT/8/punct "
    ...       "Trump/PROPN/8/nsubj warned/VERB/4/parataxis/warn ./PUNCT/4/punct", "longest_run")
    longest_run fired on 'warned'
    cue 'warned': Trump -> 'things happen' (reporting_clause_tail)

    A quotation mark the parse hung elsewhere does not break a run: 'saying it “could take
    place next year”' is one run with "it".

    >>> trial("Putin/PROPN/2/nsubj spoke/VERB/0/root ,/PUNCT/4/punct saying/VERB/2/advcl/say it/PRON/8/nsubj "
    ...       "“/PUNCT/4/punct could/AUX/8/aux happen/VERB/2/conj ./PUNCT/8/punct ”/PUNCT/8/punct", "longest_run")
    longest_run fired on 'saying'
    cue 'saying': Putin -> 'it “could happen.”' (clause_opened_after)
    """
    ids = a.ids
    if not any(b != x + 1 for x, b in zip(ids, ids[1:])):
        return None
    bridged = set(ids) | {x + 1 for x, b in zip(ids, ids[1:]) if b == x + 2 and a.t.w(x + 1).text in QUOTE_MARKS}
    a.ids = a.t.trimmed(set(max(a.t.contiguous_runs(bridged), key=len)))
    return True if a.ids else rules.VETO


def quotation_before_speaker(a: SpeechAct) -> bool | rules.Stop | None:
    """What was said ends with the quotation when the speaker's titles were parsed into it
    ('“Subpoenas are not optional,” panel Chairman Rep. Jason Chaffetz said').

    >>> from quotes.extractors.explain import trial
    >>> trial("“/PUNCT/3/punct Subpoenas/NOUN/3/nsubj matter/VERB/8/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct "
    ...       "panel/NOUN/3/appos Chaffetz/PROPN/6/flat said/VERB/0/root/say after/ADP/10/case "
    ...       "Pagliano/PROPN/11/nsubj left/VERB/8/ccomp ./PUNCT/8/punct", "quotation_before_speaker")
    quotation_before_speaker fired on 'said'
    cue 'said': Chaffetz -> '“Subpoenas matter,”' (complement_clause)
    """
    t, ids, subj = a.t, a.ids, a.subj
    if subj is None or not (ids[0] < subj.id <= ids[-1] and subj.id < a.w.id):
        return None
    closes = [i for i in ids if i < subj.id and t.w(i).text in CLOSE_QUOTES]
    opens = t.w(ids[0]).text in OPEN_QUOTES or ids[0] > 1 and t.w(ids[0] - 1).text in OPEN_QUOTES
    if not (closes and opens):
        return None
    a.ids = t.trimmed({i for i in ids if i <= closes[-1]})
    return True if a.ids else rules.VETO


def _has_verb(a: SpeechAct) -> bool:
    return any(a.t.w(i).upos in ("VERB", "AUX") for i in a.ids)


def evidence_without_finding(a: SpeechAct) -> rules.Stop | None:
    """An evidence verb with no clause reports no finding ("find some middle ground", "show
    support").

    >>> from quotes.extractors.explain import trial
    >>> trial("The/DET/2/det poll/NOUN/3/nsubj shows/VERB/0/root/show support/NOUN/3/obj for/ADP/6/case "
    ...       "Clinton/PROPN/4/nmod ./PUNCT/3/punct", "evidence_without_finding")
    evidence_without_finding vetoed on 'shows'
    """
    return rules.VETO if a.verb.kind == EVIDENCE and not _has_verb(a) else None


def when_or_where(a: SpeechAct) -> rules.Stop | None:
    """Words after the verb that say when or where, not what was said ("said this month on
    CNBC", "said at a campaign stop"): a bare cue, when the verb has a speaker.

    >>> from quotes.extractors.explain import trial
    >>> trial("Peskov/PROPN/2/nsubj commented/VERB/0/root/comment on/ADP/4/case Monday/PROPN/2/obl ./PUNCT/2/punct",
    ...       "when_or_where")
    when_or_where fired on 'commented'
    cue 'commented': Peskov -> (nothing here: a bare cue) (when_or_where)
    """
    t, lex = a.t, a.lex
    lead = t.w(a.ids[0])
    if _has_verb(a) or a.takes("object") or not (
            lead.upos == "ADP" and lead.lemma.lower() not in lex.words("topic_marks")
            or any(t.w(i).lemma.lower() in lex.not_speakers and t.w(i).upos in ("NOUN", "PROPN") for i in a.ids[:3])):
        return None
    if a.subj is not None and not a.passive:
        return rules.Stop(make_cue(a, a.verb.stance, a.subj, NoSpan.BARE, NoSpan.BARE, frozenset(),
                                   rule="when_or_where"))
    return rules.veto("words that say when or where, and no speaker for a bare cue")


def it_was_reported(a: SpeechAct) -> bool | None:
    """"It was reported that ...": no source is named, and a plain assertion is hedged.

    >>> from quotes.extractors.explain import trial
    >>> trial("It/PRON/3/nsubj:pass was/AUX/3/aux:pass reported/VERB/0/root/report that/SCONJ/6/mark "
    ...       "talks/NOUN/6/nsubj failed/VERB/3/ccomp ./PUNCT/3/punct", "it_was_reported")
    it_was_reported fired on 'reported'
    cue 'was reported': None -> 'talks failed' (complement_clause)
    """
    if not (a.passive and a.subj is not None and a.subj.lemma.lower() == "it"):
        return None
    a.subj, a.implicit = None, True
    a.stance = HEDGED if a.stance == ASSERTS else a.stance
    return True


def is_said_to(a: SpeechAct) -> bool | None:
    """"X is said to ...": the source is unnamed, X is the topic; hedged.

    >>> from quotes.extractors.explain import trial
    >>> trial("Putin/PROPN/3/nsubj:pass is/AUX/3/aux:pass said/VERB/0/root/say to/PART/5/mark be/AUX/6/cop "
    ...       "ill/ADJ/3/xcomp ./PUNCT/3/punct", "is_said_to")
    is_said_to fired on 'said'
    cue 'is said': None -> 'to be ill' (clause_after_verb)
    """
    if not (a.passive and a.subj is not None and a.lemma == "say" and a.t.child(a.w.id, "xcomp") is not None):
        return None
    a.subj, a.stance, a.implicit = None, HEDGED, True
    return True


def speaker_before_verb(a: SpeechAct) -> bool | rules.Stop | None:
    """With no speaker yet, the nearest noun phrase before the verb that no other verb claims
    ("Conservative economist Aparna Mathur, who studies ..., said"); none: the parse lost it.

    >>> from quotes.extractors.explain import trial
    >>> trial("In/ADP/2/case meeting/NOUN/8/obl with/ADP/7/case the/DET/7/det Washington/PROPN/7/compound "
    ...       "Post/PROPN/7/compound Trump/PROPN/2/nmod said/VERB/0/root/say taxes/NOUN/10/nsubj rose/VERB/8/ccomp "
    ...       "./PUNCT/8/punct", "speaker_before_verb")
    speaker_before_verb fired on 'said'
    cue 'said': Trump -> 'taxes rose' (complement_clause)

    A verb coordinated with an earlier one by "and" or "but" looks before the first ("Sen. Sanders, in a
    speech, called him divisive and accused him of lying" with no subject parsed: not "him"):

    >>> trial("The/DET/2/det senator/NOUN/4/appos ,/PUNCT/4/punct called/VERB/0/root/call him/PRON/4/obj "
    ...       "weak/ADJ/4/xcomp and/CCONJ/8/cc accused/VERB/4/conj/accuse him/PRON/8/obj of/SCONJ/11/mark "
    ...       "lying/VERB/8/advcl ./PUNCT/4/punct", "speaker_before_verb")
    speaker_before_verb fired on 'called'
    speaker_before_verb fired on 'accused'
    cue 'called': senator -> 'him weak' (object_and_complement)
    cue 'accused': senator -> 'him of lying' (object_and_complement)
    """
    if a.subj is not None or a.implicit:
        return None
    first = a.w  # "X called him divisive and accused him of ...": before the first verb of the coordination
    while first.deprel.startswith("conj") and first.head and first.head < first.id \
            and a.t.child(first.id, "cc") is not None:
        first = a.t.w(first.head)
    a.subj = outside_parentheses(a.t, subject_before(a.t, first, set(a.ids), a.lex))
    return True if a.subj is not None else rules.veto("no speaker: the parse lost it")


def relative_clause_content(a: SpeechAct) -> rules.Stop | None:
    """A relative clause is not what was said ("..., who has four children").

    >>> from quotes.extractors.explain import trial
    >>> trial("Peskov/PROPN/2/nsubj said/VERB/0/root/say ,/PUNCT/5/punct who/PRON/5/nsubj knew/VERB/2/ccomp "
    ...       "./PUNCT/2/punct", "relative_clause_content")
    relative_clause_content vetoed on 'said'
    """
    first = a.t.w(a.ids[0]).text.lower() if a.ids else ""
    if first not in a.lex.words("relative_pronouns"):
        return None
    w = a.w
    if a.subj is not None and (a.after_quote or w.id > 1 and a.t.w(w.id - 1).text in CLOSE_QUOTES):
        # '“...,” said Louise Sunshine, who has known him since ...': the quotation before is what she said
        return rules.Stop(make_cue(a, a.verb.stance, a.subj, NoSpan.BARE, NoSpan.BARE, frozenset(), rule="bare_cue"))
    return rules.VETO


def infinitive_with_gap(a: SpeechAct) -> rules.Stop | None:
    """In a relative clause, an infinitive whose object is the clause's own noun says nothing
    alone ("the emissions target it pledged to reach", "the questions he refused to answer").

    >>> from quotes.extractors.explain import trial
    >>> trial("They/PRON/2/nsubj met/VERB/0/root the/DET/4/det target/NOUN/2/obj it/PRON/6/nsubj "
    ...       "pledged/VERB/4/acl:relcl/pledge to/PART/8/mark reach/VERB/6/xcomp in/ADP/10/case Paris/PROPN/8/obl "
    ...       "./PUNCT/2/punct", "infinitive_with_gap")
    infinitive_with_gap vetoed on 'pledged'
    """
    t, k = a.t, a.comp
    if a.rel != "acl" or k is None or not k.deprel.startswith("xcomp") or k.head != a.w.id \
            or t.child(k.id, "mark") is None or t.child(k.id, "obj", "iobj", "ccomp", "xcomp") is not None:
        return None
    return rules.veto("an infinitive whose object is the relative clause's noun")
