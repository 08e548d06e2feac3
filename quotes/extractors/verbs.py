"""Speech verbs in a parsed sentence: who said what, read off the dependency tree.

:func:`verb_cue` turns one reporting verb into a :class:`~quotes.types.Cue` by trying named
rules in the order the sequences below state:

1. :data:`VETOES` -- the verb makes no speech act here ("a reported deal", "Asked if ...");
2. the speaker (:func:`.speaker_rules.speaker_of`), corrected by :data:`SPEAKER_FIXES`;
3. :data:`CUE_READINGS` -- the verb's place gives the whole cue (a passive, a quotation
   after "said,", both sides of ", X said,");
4. what was said: :data:`CLAUSE_READINGS` (the first that matches), then, where no clause of
   the verb's own was found, :data:`POSITION_READINGS` ("Y, X said"), then with nothing yet
   :data:`TOPIC_READINGS` ("complained about ..."); with nothing at all, :data:`NO_CONTENT`;
5. :data:`FILTERS` -- trim what was said, fix the speaker and the stance, or give up.

How each verb takes what was said is data: the ``complement`` column of
``reporting_verbs.tsv``. The rules live in :mod:`.verb_vetoes`, :mod:`.verb_content` and
:mod:`.verb_filters`; ``quotes explain`` shows which of them ran.

>>> from quotes.lexicons import load
>>> text = "Peskov said that talks failed."
>>> t = Tree.of(text, [("Peskov", "PROPN", 2, "nsubj"), ("said", "VERB", 0, "root", "say"),
...                    ("that", "SCONJ", 5, "mark"), ("talks", "NOUN", 5, "nsubj"), ("failed", "VERB", 2, "ccomp"),
...                    (".", "PUNCT", 2, "punct")])
>>> c = verb_cue(t, t.w(2), text, load())
>>> text[c.content_start:c.content_end], c.rule, t.w(c.speaker).text
('talks failed', 'complement_clause', 'Peskov')
"""

from __future__ import annotations

from quotes.extractors import rules
from quotes.extractors.speaker_rules import speaker_of
from quotes.extractors.speech import SpeechAct, audience_of, make_cue, stance_of
from quotes.extractors.tree import Tree
from quotes.extractors.verb_medium import clause_of_adjunct, clause_of_audience, clause_of_medium
from quotes.extractors.verb_as import as_clause
from quotes.extractors.verb_misparsed import inverted_tail, second_subject_clause
from quotes.extractors.verb_questions import question_clause
from quotes.extractors.verb_topic import about_topic, clause_opened_after
from quotes.extractors.verb_content import (Content, bare_cue, bidden_infinitive, clause_after_verb,
                                            clause_before_comma, colon_ends_sentence, complement_clause,
                                            object_and_complement, object_noun_clause, quoted_clause_child,
                                            reporting_clause_tail, that_clause_elsewhere, topic_object)
from quotes.extractors.verb_filters import (evidence_without_finding, fronted_adverbial, infinitive_with_gap,
                                            is_said_to, it_was_reported, longest_run, quotation_before_speaker,
                                            quoted_reason,
                                            relative_clause_content, speaker_before_verb, subject_in_complement,
                                            trim_edges, when_or_where)
from quotes.extractors.verb_vetoes import (asked_participle, attributive_participle, evidence_description,
                                           interrupting_clause, name_over_apposition, opening_participle,
                                           participle_with_tail, passive_speech, quotation_after_verb, start,
                                           title_before_name, unrealized_speech)
from quotes.lexicons import Lexicon
from quotes.types import Cue, NoSpan, Word

#: content offsets of a cue with nothing to say in its own sentence ("she said.")
BARE = NoSpan.BARE

RULE_SEQUENCES = ("VETOES", "SPEAKER_FIXES", "CUE_READINGS", "LATE_SPEAKER_FIXES", "CLAUSE_READINGS",
                  "POSITION_READINGS", "TOPIC_READINGS", "NO_CONTENT", "FILTERS")

#: Reasons a reporting verb makes no speech act here; any one of them vetoes it.
VETOES = (unrealized_speech, asked_participle, attributive_participle, evidence_description, opening_participle)
#: Corrections of the speaker the parse gave, before the cue readings.
SPEAKER_FIXES = (name_over_apposition,)
#: Readings that give the whole cue from the verb's place in the sentence.
CUE_READINGS = (participle_with_tail, passive_speech, quotation_after_verb, interrupting_clause)
#: Corrections of the speaker after the cue readings.
LATE_SPEAKER_FIXES = (title_before_name,)
#: Where the verb's own complement hangs, most specific first: the first match is what was said.
CLAUSE_READINGS = (complement_clause, question_clause, bidden_infinitive, quoted_clause_child,
                   that_clause_elsewhere, object_noun_clause, clause_of_medium, clause_of_adjunct,
                   clause_of_audience, clause_after_verb, second_subject_clause, object_and_complement, topic_object)
#: With no clause of the verb's own, its place in the sentence says what was said.
POSITION_READINGS = (reporting_clause_tail, inverted_tail, clause_before_comma, colon_ends_sentence, as_clause)
#: With nothing yet: what the speech act is about.
TOPIC_READINGS = (about_topic, clause_opened_after)
#: With nothing at all to say in this sentence.
NO_CONTENT = (bare_cue,)
#: Applied in turn to what was read.
FILTERS = (subject_in_complement, fronted_adverbial, quoted_reason, trim_edges, longest_run, quotation_before_speaker,
           evidence_without_finding, when_or_where, it_was_reported, is_said_to, speaker_before_verb,
           relative_clause_content, infinitive_with_gap)


def verb_cue(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    """The speech event of reporting verb ``w``, or None when it reports nothing here."""
    a = SpeechAct.of(t, w, text, lex)
    rules.at(t.sent.index, w.id)
    start(a)
    if rules.first_veto(VETOES, a) is not None:
        return None
    _speaker(a, SPEAKER_FIXES)
    hit = rules.first_match(CUE_READINGS, a)
    if hit is not None:
        return hit[1].value
    _speaker(a, LATE_SPEAKER_FIXES, find=False)
    found = _content(a)
    if isinstance(found, rules.Stop):
        return found.value
    rule, content = found
    a.content, a.comp, a.obj_noun = set(content.ids), content.head, content.obj_noun
    a.stance = stance_of(t, w, a.verb.stance, lex)
    stop = rules.run_filters(FILTERS, a)
    if stop is not None:
        return stop.value
    return make_cue(a, a.stance, a.subj, t.w(a.ids[0]).start, t.w(a.ids[-1]).end, frozenset(a.ids),
                    rule=rules.name(rule), audience=audience_of(t, w, a.content, a.obj_noun, lex))


def _speaker(a: SpeechAct, fixes, find: bool = True) -> None:
    if find:
        a.subj = speaker_of(a.t, a.w, a.lex)
    rules.run_filters(fixes, a)
    if find:
        s = a.subj
        a.passive = s is not None and s.deprel.endswith(":pass") and s.head == a.w.id


def _content(a: SpeechAct) -> tuple[object, Content] | rules.Stop:
    """The rule that read what was said and its words, or the :class:`.rules.Stop` that ends the act."""
    found = rules.first_match(CLAUSE_READINGS, a)
    if found is None or found[1].head is None:
        placed = rules.first_match(POSITION_READINGS, a)
        if placed is not None:
            if isinstance(placed[1], rules.Stop):
                return placed[1]
            found = placed
    if found is None:
        found = rules.first_match(TOPIC_READINGS, a)
    if found is None:
        hit = rules.first_match(NO_CONTENT, a)
        if hit is None:
            rules.record("no content", rules.VETOED, "no rule found what was said, and the verb is no bare cue")
        return hit[1] if hit is not None else rules.VETO
    return found
