"""Speech events in one parsed sentence: who (head word) said what (span) with which cue.

Patterns, all read off the dependency tree, one rule each in :data:`WORD_CUES` (tried in
order on every word; the first that claims a word decides) and :func:`headline_colon`:

- a reporting verb with a clausal complement, in any order: "X said (that) Y",
  "Y, X said", "Y, said X", "X said: Y", "X told Z that Y", "X is quoted as saying Y",
  "X declined to confirm Y", "X had confirmed a report that Y" (:mod:`.verbs`);
- a quoted characterisation: "X pounded Y as a “con artist”" (:mod:`.characterized`);
- "according to X, Y";
- reporting nouns with a clause: "a report that Y", "reports that Y";
- hedges: "Y reportedly ...", "Y is said to ...", "it was reported that Y";
- headline attributions: "...: report", "...: officials".

>>> from quotes.nlp.pipeline import from_conllu
>>> text = "Peskov said it was fine."
>>> conllu = '''1\\tPeskov\\tPeskov\\tPROPN\\t_\\t_\\t2\\tnsubj\\t_\\tstart_char=0|end_char=6
... 2\\tsaid\\tsay\\tVERB\\t_\\t_\\t0\\troot\\t_\\tstart_char=7|end_char=11
... 3\\tit\\tit\\tPRON\\t_\\t_\\t5\\tnsubj\\t_\\tstart_char=12|end_char=14
... 4\\twas\\tbe\\tAUX\\t_\\t_\\t5\\tcop\\t_\\tstart_char=15|end_char=18
... 5\\tfine\\tfine\\tADJ\\t_\\t_\\t2\\tccomp\\t_\\tstart_char=19|end_char=23
... 6\\t.\\t.\\tPUNCT\\t_\\t_\\t2\\tpunct\\t_\\tstart_char=23|end_char=24
... '''
>>> doc = from_conllu(text, conllu)
>>> [(c.text, text[c.content_start:c.content_end], c.rule) for c in sentence_cues(doc.sentences[0], text)]
[('said', 'it was fine', 'complement_clause')]
"""

from __future__ import annotations

import dataclasses
from typing import Iterator

from quotes.extractors import rules
from quotes.extractors.according import according_to, according_to_words
from quotes.extractors.characterized import quoted_characterization
from quotes.extractors.complements import medium_clause, that_clause_after, that_clause_under
from quotes.extractors.tree import CLOSE_QUOTES, OPEN_QUOTES, Tree
from quotes.extractors.verbs import BARE, verb_cue
from quotes.lexicons import Lexicon, load
from quotes.nlp.colon import AFTER, colon_source
from quotes.types import ASSERTS, HEDGED, ColonSource, Cue, CueKind, NoSpan, Sentence, Word

__all__ = ["BARE", "sentence_cues"]

RULE_SEQUENCES = ("WORD_CUES",)

#: Where a verb after a quotation hangs when it speaks it (the quotation is its parataxis or
#: the verb is the quotation's: either way a main clause, never a relative or adverbial one).
QUOTED_VERB_RELS = ("root", "parataxis", "ccomp", "conj")
#: What ends a quotation a verb after it speaks ('“...,” she quipped', '“Why?” he shrugged').
QUOTATION_END_PUNCT = (",", "?", "!")


def speech_verb(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | rules.Stop | None:
    """A reporting verb: its speech act (:func:`.verbs.verb_cue`), or nothing from this word.

    >>> from quotes.extractors.explain import trial
    >>> trial("Peskov/PROPN/2/nsubj said/VERB/0/root/say that/SCONJ/6/mark the/DET/5/det visit/NOUN/6/nsubj "
    ...       "continued/VERB/2/ccomp/continue ./PUNCT/2/punct", "speech_verb")
    speech_verb fired on 'said'
    speech_verb fired on 'continued'
    cue 'said': Peskov -> 'the visit continued' (clause_after_verb)
    cue 'continued': visit -> (nothing here: a bare cue) (bare_cue)
    """
    if w.upos != "VERB" or not lex.is_speech_verb(w.lemma.lower()):
        return None
    return verb_cue(t, w, text, lex) or rules.veto("a reporting verb whose rules found no speech act here")


def verb_after_quotation(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    """'“..., you fool,” Oliver barked.', '“...,” opined the Plain Dealer': any verb the
    lexicon does not list speaks the quotation it follows when the quotation ends with a
    comma (or "?", "!") and only the verb's subject stands between them; what was said is
    that quotation (a bare cue the quotation stage gives it to).

    >>> text = "“Go home,” Oliver barked."
    >>> t = Tree.of(text, [("“", "PUNCT", 2, "punct"), ("Go", "VERB", 7, "parataxis"), ("home", "ADV", 2, "advmod"),
    ...                    (",", "PUNCT", 2, "punct"), ("”", "PUNCT", 2, "punct"), ("Oliver", "PROPN", 7, "nsubj"),
    ...                    ("barked", "VERB", 0, "root", "bark"), (".", "PUNCT", 7, "punct")])
    >>> c = verb_after_quotation(t, t.w(7), text, load())
    >>> c.text, t.w(c.speaker).text, c.content_start == NoSpan.BARE, c.rule
    ('barked', 'Oliver', True, 'verb_after_quotation')
    >>> verb_after_quotation(t, t.w(2), text, load()) is None
    True
    """
    lemma = _quoted_verb_lemma(t, w, lex)
    if lemma is None or w.deprel.split(":")[0] not in QUOTED_VERB_RELS:
        return None
    subj = t.child(w.id, "nsubj")
    if subj is not None and subj.id > w.id:
        subj = None
    first = min(t.subtree(subj.id)) if subj is not None else w.id
    if first < 3 or t.w(first - 1).text not in CLOSE_QUOTES or t.w(first - 2).text not in QUOTATION_END_PUNCT:
        return None
    if subj is None:  # '“...,” opined the Plain Dealer'
        subj = next((k for k in t.children(w.id) if k.id > w.id and k.upos in ("PROPN", "NOUN")
                     and k.deprel.split(":")[0] in ("nsubj", "obj", "appos", "dep", "flat")), None)
    elif not set(range(first, w.id)) <= t.subtree(subj.id):
        return None
    if subj is None or any(k.id > w.id and k.deprel.split(":")[0] in ("ccomp", "xcomp", "csubj")
                           for k in t.children(w.id)):
        return None  # the verb has a clause of its own: the quotation is not what it says
    return Cue(sentence=t.sent.index, kind=CueKind.VERB, lemma=lemma, text=w.text, start=w.start,
               end=w.end, stance=ASSERTS, speaker=subj.id, content_start=NoSpan.BARE, content_end=NoSpan.BARE,
               anchor=w.id, rule="verb_after_quotation")


def _quoted_verb_lemma(t: Tree, w: Word, lex: Lexicon) -> str | None:
    """The lemma of a verb that may speak the quotation before it: one the lexicon does not
    list (the speech verbs have rules of their own), or a speech verb's form tagged as a noun
    after its subject ('“...,” Conway notes.')."""
    if w.upos == "VERB":
        return None if lex.is_speech_verb(w.lemma.lower()) else w.lemma.lower()
    lemma = lex.verb_lemma(w.text, w.lemma)
    if w.upos == "NOUN" and lex.is_speech_verb(lemma) and lemma != w.text.lower() \
            and any(k.id < w.id for k in t.children(w.id, "nsubj")):
        return lemma
    return None


def verb_before_colon(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    """'He also played up his strength: “Who gives us the best chance?”', 'Clinton's campaign
    worded it more carefully: “...”': the main verb of a sentence whose colon opens a quotation
    (at its end or running to its end) speaks it, though the lexicon does not list it; its
    subject is the speaker.

    >>> text = "He played up his odds: “We win.”"
    >>> t = Tree.of(text, [("He", "PRON", 2, "nsubj"), ("played", "VERB", 0, "root", "play"),
    ...     ("up", "ADP", 2, "compound:prt"), ("his", "PRON", 5, "nmod:poss"), ("odds", "NOUN", 2, "obj"),
    ...     (":", "PUNCT", 8, "punct"), ("“", "PUNCT", 8, "punct"), ("We", "PRON", 8, "nsubj"),
    ...     ("win", "VERB", 2, "parataxis"), (".", "PUNCT", 8, "punct"), ("”", "PUNCT", 8, "punct")])
    >>> c = verb_before_colon(t, t.w(2), text, load())
    >>> c.text, t.w(c.speaker).text, c.content_start == NoSpan.FOLLOWS, c.rule
    ('played', 'He', True, 'verb_before_colon')
    """
    if w.upos != "VERB" or w.deprel != "root" or lex.is_speech_verb(w.lemma.lower()):
        return None
    colon = next((x for x in t.words if x.text == ":" and x.id > w.id), None)
    if colon is None:
        return None
    after = [x for x in t.words if x.id > colon.id]
    opens = not after or after[0].text in OPEN_QUOTES and _quoted_to_end(after)
    subj = next((k for k in t.children(w.id) if k.deprel == "nsubj" and k.id < w.id), None)
    if not opens or subj is None or subj.upos == "PRON" and subj.lemma.lower() in ("it", "this", "that"):
        return None
    return Cue(sentence=t.sent.index, kind=CueKind.VERB, lemma=w.lemma.lower(), text=w.text, start=w.start,
               end=w.end, stance=ASSERTS, speaker=subj.id, content_start=NoSpan.FOLLOWS,
               content_end=NoSpan.FOLLOWS, anchor=w.id, rule="verb_before_colon")


def _quoted_to_end(words: list[Word]) -> bool:
    """Whether ``words`` (opening with a quotation mark) are one quotation to the sentence end."""
    closes = [i for i, x in enumerate(words) if x.text in CLOSE_QUOTES and i > 0]
    return not closes or all(x.upos == "PUNCT" for x in words[closes[0] + 1:])


def according(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | rules.Stop | None:
    """"according to X": read off the parse, or off the words when the parse does not hang
    it together (:mod:`.according`).

    >>> from quotes.extractors.explain import trial
    >>> trial("According/VERB:VBG/3/case to/ADP/1/fixed Tass/PROPN/6/obl ,/PUNCT/3/punct talks/NOUN/6/nsubj "
    ...       "resumed/VERB/0/root ./PUNCT/6/punct", "according")
    according fired on 'According'
    cue 'According to': Tass -> 'talks resumed' (according_to)
    """
    if w.text.lower() != "according":
        return None
    return according_to(t, w, text, lex) or according_to_words(t, w, text, lex) or \
        rules.veto('"according to" with no source or nothing said around it')


def colon_after_name(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    """'The New York Times reports:' with "reports" tagged as a noun: a speech verb's form
    ending its sentence with a colon, after a name; what was said is the quotation that
    follows.

    >>> text = "The Times reports:"
    >>> t = Tree.of(text, [("The", "DET", 2, "det"), ("Times", "PROPN", 3, "compound"),
    ...                    ("reports", "NOUN", 0, "root"), (":", "PUNCT", 3, "punct")])
    >>> c = colon_after_name(t, t.w(3), text, load())
    >>> c.lemma, c.source_text, c.content_start == NoSpan.FOLLOWS
    ('report', 'The Times', True)
    """
    if w.upos != "NOUN" or w.deprel != "root":
        return None
    rest = [x for x in t.words[w.id:] if x.text not in ("“", '"')]
    if [x.text for x in rest] != [":"] or w.id == 1 or t.w(w.id - 1).upos != "PROPN":
        return None
    lemma = lex.verb_lemma(w.text, w.lemma)
    if not lex.is_speech_verb(lemma):
        return None
    phrase = text[t.words[0].start:t.w(w.id - 1).end]
    outlet = lex.outlet_name(phrase) is not None  # "The New York Times" (parsed as "York Times")
    return Cue(sentence=t.sent.index, kind=CueKind.VERB, lemma=lemma, text=w.text, start=w.start, end=w.end,
               stance=lex.verbs[lemma].stance, speaker=None if outlet else w.id - 1, content_start=NoSpan.FOLLOWS,
               content_end=NoSpan.FOLLOWS, anchor=w.id, source_text=phrase if outlet else None,
               rule="colon_after_name")


def medium_noun(t: Tree, w: Word, text: str, lex: Lexicon) -> rules.Stop | None:
    """A reporting noun that is the medium of a speech verb before it ("says in a statement
    that ...") does not speak on its own: the verb says its clause (:func:`.verb_content.clause_of_medium`).

    >>> text = "Awad says in a statement that talks failed"
    >>> t = Tree.of(text, [("Awad", "PROPN", 2, "nsubj"), ("says", "VERB", 0, "root", "say"), ("in", "ADP", 5, "case"),
    ...     ("a", "DET", 5, "det"), ("statement", "NOUN", 2, "obl"), ("that", "SCONJ", 8, "mark"),
    ...     ("talks", "NOUN", 8, "nsubj"), ("failed", "VERB", 5, "acl")])
    >>> medium_noun(t, t.w(5), text, load()) is rules.VETO
    True
    """
    if w.upos != "NOUN" or w.lemma.lower() not in lex.nouns or not w.deprel.startswith("obl") or not w.head:
        return None
    verb = t.w(w.head)
    if verb.id > w.id or verb.upos != "VERB" or not lex.is_speech_verb(verb.lemma.lower()):
        return None
    if t.child(w.id, "case") is None or medium_clause(t, w) is None:
        return None
    return rules.VETO


def reporting_noun(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | rules.Stop | None:
    """A reporting noun with its clause ("a report that the visit was canceled", "his claim
    that people would ...", "comments on the shooting"): the noun speaks.

    >>> text = "a report that talks failed"
    >>> t = Tree.of(text, [("a", "DET", 2, "det"), ("report", "NOUN", 0, "root"), ("that", "SCONJ", 5, "mark"),
    ...                    ("talks", "NOUN", 5, "nsubj"), ("failed", "VERB", 2, "acl")])
    >>> c = reporting_noun(t, t.w(2), text, load())
    >>> text[c.content_start:c.content_end], t.w(c.speaker).text
    ('talks failed', 'report')
    """
    if w.upos != "NOUN" or w.lemma.lower() not in lex.nouns:
        return None
    clause = _noun_clause(t, w, lex)
    if clause is None:
        return rules.veto("a reporting noun with no that-clause or topic of its own")
    ids = t.trimmed(t.subtree(clause.id), drop_lead=lex.words("noun_content_lead"))
    if not ids:
        return rules.veto("a reporting noun whose clause is empty")
    return Cue(sentence=t.sent.index, kind=CueKind.NOUN, lemma=w.lemma.lower(), text=w.text, start=w.start,
               end=w.end, stance=ASSERTS, speaker=w.id, content_start=t.w(ids[0]).start,
               content_end=t.w(ids[-1]).end, content_ids=frozenset(ids), anchor=w.id, rule="reporting_noun")


def _noun_clause(t: Tree, w: Word, lex: Lexicon) -> Word | None:
    clause = that_clause_under(t, w)
    if clause is None:  # "his claim that people would ..." with the clause hung elsewhere
        clause = that_clause_after(t, w)
    if clause is not None:
        return clause
    if w.lemma.lower() not in lex.topic_nouns:
        return None
    # "comments on the shooting", "questions about his health": what the remark is about
    # (not "remarks on Saturday": when)
    return next((k for k in t.children(w.id, "nmod") if k.id > w.id and
                 (c := t.child(k.id, "case")) is not None and c.lemma.lower() in lex.words("noun_topic_cases")
                 and k.lemma.lower() not in lex.not_speakers), None)


def hedge_word(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | rules.Stop | None:
    """A hedge ("reportedly", "allegedly") hedges the clause it modifies; no source is named.

    >>> text = "Talks reportedly failed badly."
    >>> t = Tree.of(text, [("Talks", "NOUN", 3, "nsubj"), ("reportedly", "ADV", 3, "advmod"),
    ...                    ("failed", "VERB", 0, "root"), ("badly", "ADV", 3, "advmod"), (".", "PUNCT", 3, "punct")])
    >>> c = hedge_word(t, t.w(2), text, load())
    >>> text[c.content_start:c.content_end], c.stance
    ('Talks reportedly failed badly', 'hedged')
    """
    if w.lemma.lower() not in lex.hedges and w.text.lower() not in lex.hedges:
        return None
    ids = t.trimmed(t.subtree(w.head)) if w.head else []
    if len(ids) < 3:
        return rules.veto("a hedge on a clause of fewer than three words")
    return Cue(sentence=t.sent.index, kind=CueKind.HEDGE, lemma=w.text.lower(), text=w.text, start=w.start,
               end=w.end, stance=HEDGED, speaker=None, content_start=t.w(ids[0]).start,
               content_end=t.w(ids[-1]).end, content_ids=frozenset(ids), anchor=w.id, source_text=w.text,
               rule="hedge_word")


#: What a word may be the cue of, tried in order; the first rule that claims the word decides.
WORD_CUES = (speech_verb, verb_after_quotation, verb_before_colon, quoted_characterization, according,
             colon_after_name, medium_noun, reporting_noun, hedge_word)


def sentence_cues(sent: Sentence, text: str, lex: Lexicon | None = None) -> Iterator[Cue]:
    """Yield every :class:`Cue` in a parsed sentence (see the module docstring)."""
    if not sent.parsed:
        return
    lex = lex or load()
    t = Tree(sent)
    seen_content: set[tuple[int, int]] = set()
    for w in sent.words:
        w = _relemmatized(w, lex)
        rules.at(sent.index, w.id)
        hit = rules.first_match(WORD_CUES, t, w, text, lex)
        cue = hit[1] if hit is not None and not isinstance(hit[1], rules.Stop) else None
        if cue is not None and cue.content_end > cue.content_start:
            key = (cue.content_start, cue.content_end)
            if key in seen_content and cue.kind == CueKind.HEDGE:
                continue
            seen_content.add(key)
            yield cue
        elif cue is not None and cue.kind == CueKind.VERB and cue.content_start in (NoSpan.FOLLOWS, NoSpan.BARE):
            yield cue  # "X said:" with the quote in the next sentence, or a bare "she said"
    rules.at(sent.index, None)
    yield from headline_colon(t, text, lex)


def _relemmatized(w: Word, lex: Lexicon) -> Word:
    """The lemmatizer's "warning" for the verb "warn": the lexicon's lemma."""
    lemma = w.lemma.lower()
    if w.upos == "VERB" and lemma not in lex.verbs:
        fixed = lex.verb_lemma(w.text, lemma)
        if fixed != lemma:
            return dataclasses.replace(w, lemma=fixed)
    return w


def headline_colon(t: Tree, text: str, lex: Lexicon) -> Iterator[Cue]:
    """'Putin's first NATO visit in four years postponed: report' and the like: a short
    source after a sentence's last colon.

    >>> text = "Visit to Turkey postponed: report"
    >>> t = Tree.of(text, [("Visit", "NOUN", 4, "nsubj"), ("to", "ADP", 3, "case"), ("Turkey", "PROPN", 1, "nmod"),
    ...                    ("postponed", "VERB", 0, "root"), (":", "PUNCT", 6, "punct"),
    ...                    ("report", "NOUN", 4, "parataxis")])
    >>> [(c.source_text, c.stance) for c in headline_colon(t, text, load())]
    [('report', 'hedged')]
    """
    words = t.words
    colons = [w for w in words if w.text == ":"]
    if not colons:
        return
    c = colons[-1]
    tail = [w for w in words if w.id > c.id and w.text not in ".!?"]
    head = [w for w in words if w.id < c.id]
    source = _headline_source(tail, text, lex) if tail and len(head) >= 3 else None
    if source is None:
        return
    ids = t.trimmed({w.id for w in head})
    if not ids:
        return
    rules.record(headline_colon, rules.FIRED)
    yield Cue(sentence=t.sent.index, kind=CueKind.HEADLINE, lemma=":", text=":", start=c.start, end=c.end,
              stance=source.stance, speaker=None, content_start=t.w(ids[0]).start, content_end=t.w(ids[-1]).end,
              content_ids=frozenset(ids), anchor=c.id, source_text=text[tail[0].start:tail[-1].end],
              rule="headline_colon")


def _headline_source(tail: list[Word], text: str, lex: Lexicon) -> ColonSource | None:
    """What the words after a headline's colon name as a source (:func:`quotes.nlp.colon.colon_source`:
    "report", "officials", "Tass"), when they have no speech verb of their own."""
    if any(lex.is_speech_verb(w.lemma.lower()) and w.upos == "VERB" for w in tail):
        return None
    return colon_source(text[tail[0].start:tail[-1].end], AFTER, lex=lex)
