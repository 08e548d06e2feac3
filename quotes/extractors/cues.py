"""Speech events in one parsed sentence: who (head word) said what (span) with which cue.

Patterns, all read off the dependency tree:

- a reporting verb with a clausal complement, in any order: "X said (that) Y",
  "Y, X said", "Y, said X", "X said: Y", "X told Z that Y", "X is quoted as saying Y",
  "X declined to confirm Y", "X had confirmed a report that Y";
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
>>> [(c.text, text[c.content_start:c.content_end]) for c in sentence_cues(doc.sentences[0], text)]
[('said', 'it was fine')]
"""

from __future__ import annotations

import dataclasses
from typing import Iterator

from quotes.lexicons import Lexicon, load
from quotes.types import ASSERTS, HEDGED, Cue, CueKind, NoSpan, Sentence, Word
from quotes.extractors.tree import Tree
from quotes.extractors.verbs import BARE, verb_cue

__all__ = ["BARE", "sentence_cues"]

VERB_TAGS = {"VERB"}


def sentence_cues(sent: Sentence, text: str, lex: Lexicon | None = None) -> Iterator[Cue]:
    """Yield every :class:`Cue` in a parsed sentence (see the module docstring)."""
    if not sent.parsed:
        return
    lex = lex or load()
    t = Tree(sent)
    seen_content: set[tuple[int, int]] = set()
    for w in sent.words:
        lemma = w.lemma.lower()
        if w.upos in VERB_TAGS and lemma not in lex.verbs:
            fixed = lex.verb_lemma(w.text, lemma)
            if fixed != lemma:  # the lemmatizer's "warning" for the verb "warn"
                w, lemma = dataclasses.replace(w, lemma=fixed), fixed
        cue = None
        if w.upos in VERB_TAGS and lex.is_speech_verb(lemma):
            cue = verb_cue(t, w, text, lex)
        elif w.text.lower() == "according":
            cue = _according_cue(t, w, text, lex) or _according_fallback(t, w, text, lex)
        elif w.upos == "NOUN" and w.deprel == "root" and (colon := _colon_cue(t, w, text, lex)) is not None:
            cue = colon
        elif w.upos == "NOUN" and lemma in lex.nouns:
            cue = _noun_cue(t, w, text, lex)
        elif lemma in lex.hedges or w.text.lower() in lex.hedges:
            cue = _hedge_cue(t, w, text, lex)
        if cue is not None and cue.content_end > cue.content_start:
            key = (cue.content_start, cue.content_end)
            if key in seen_content and cue.kind == CueKind.HEDGE:
                continue
            seen_content.add(key)
            yield cue
        elif cue is not None and cue.kind == CueKind.VERB and cue.content_start in (NoSpan.FOLLOWS, NoSpan.BARE):
            yield cue  # "X said:" with the quote in the next sentence, or a bare "she said"
    yield from _headline_cue(t, text, lex)


# --- according to, nouns, hedges, headlines -------------------------------------------

def _according_cue(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    src = t.w(w.head) if w.head else None
    if src is None or src.deprel.split(":")[0] not in ("obl", "nmod", "advmod", "nsubj", "obj", "conj",
                                                          "root", "parataxis", "dep"):
        return None
    clause = src.head
    if not clause:
        return None
    src_ids = t.subtree(src.id)
    if clause > w.id and t.w(clause).head and t.w(clause).head < w.id:
        # "..., according to a speech Mrs. Clinton delivered in July" parsed with the speech
        # as the relative clause's own phrase: what was said comes before "according"
        src_ids = src_ids | t.subtree(clause)
        clause = t.w(clause).head
    ids = t.trimmed(t.subtree(clause, skip=src_ids))
    if not ids:
        return None
    runs = t.contiguous_runs(set(ids))
    # "Y, according to X, ..." says Y: the words before it, when there are enough of them
    before = [r for r in runs if r[-1] < w.id and len(t.trimmed(set(r))) >= 3
              and any(t.w(i).upos in ("VERB", "AUX") for i in r)]
    ids = t.trimmed(set(before[-1] if before else max(runs, key=len)))
    if not ids:
        return None
    to = t.child(src.id, "case")
    end_word = to if to is not None and to.id > w.id else w
    stance = ASSERTS
    if src.lemma.lower() in lex.nouns and lex.nouns[src.lemma.lower()] == "document" and \
            not any(t.w(i).upos == "PROPN" for i in src_ids):
        stance = HEDGED  # "according to a report"
    return Cue(sentence=t.sent.index, kind=CueKind.ACCORDING, lemma="according to", text=text[w.start:end_word.end],
               start=w.start, end=end_word.end, stance=stance, speaker=src.id,
               content_start=t.w(ids[0]).start, content_end=t.w(ids[-1]).end, content_ids=frozenset(ids),
               anchor=w.id, rule="according_to")


def _according_fallback(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    """'according to X' read off the words when the parse does not hang it together:
    X runs from after 'to' to the next punctuation or verb; what was said is the rest of
    the sentence on the other side."""
    words = t.words
    i = w.id  # 1-based id: words[i] is the next word
    if i >= len(words) or words[i].text.lower() != "to":
        return None
    np = []
    for k, x in enumerate(words[i + 1:], start=i + 1):
        nxt = words[k + 1] if k + 1 < len(words) else None
        # "according to show insiders": a noun the tagger read as a verb before another noun
        misread = x.upos == "VERB" and not np and nxt is not None and nxt.upos in ("NOUN", "PROPN")
        # "the conservative-leaning Tax Foundation": a hyphenated compound is one word
        hyphen = x.text == "-" and x.start == words[k - 1].end and nxt is not None and nxt.start == x.end
        compound = np and words[k - 1].text == "-" and words[k - 1].end == x.start
        if (x.upos in ("PUNCT", "VERB", "AUX", "SCONJ") and not (misread or hyphen or compound)) \
                or x.text.lower() == "that":
            break
        np.append(x)
    heads = [x for x in np if x.upos in ("NOUN", "PROPN", "PRON")]
    if not heads:
        return None
    head = heads[0]
    for x in np:  # the head is the last noun before the first preposition: "the Bureau of Prisons"
        if x.upos == "ADP":
            break
        if x.upos in ("NOUN", "PROPN", "PRON"):
            head = x
    block = {w.id, words[i].id} | {x.id for x in np}
    before = [x.id for x in words if x.id < w.id]
    after = [x.id for x in words if x.id > max(block)]
    # "Y, according to X, ...": the words before, when there are enough of them
    ids = t.trimmed(set(before))
    if len(ids) < 3:
        ids = t.trimmed(set(after))
    if len(ids) < 3:
        return None
    stance = HEDGED if head.lemma.lower() in lex.nouns and lex.nouns[head.lemma.lower()] == "document" and \
        not any(x.upos == "PROPN" for x in np) else ASSERTS
    return Cue(sentence=t.sent.index, kind=CueKind.ACCORDING, lemma="according to", text=text[w.start:words[i].end],
               start=w.start, end=words[i].end, stance=stance, speaker=head.id,
               content_start=t.w(ids[0]).start, content_end=t.w(ids[-1]).end, content_ids=frozenset(ids),
               anchor=w.id, rule="according_to_words")


def _colon_cue(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    """'The New York Times reports:' with "reports" tagged as a noun: a speech verb's form
    ending its sentence with a colon, after a name. What was said is the quotation that
    follows."""
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


def _noun_cue(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    clause = None
    for k in t.children(w.id, "acl", "ccomp"):
        mark = t.child(k.id, "mark")
        if mark is not None and mark.lemma.lower() == "that" and k.id > w.id:
            clause = k
            break
    if clause is None and w.id < len(t.words):
        # "his claim that people would ..." with the clause hung elsewhere: the clause that
        # opens right after the noun
        nxt = t.w(w.id + 1)
        if nxt.text.lower() == "that" and nxt.deprel == "mark":
            clause = t.clause_opened_by(nxt, after=w.id)
    if clause is None and w.lemma.lower() in lex.topic_nouns:
        # "comments on the shooting", "questions about his health": what the remark is about
        # (not "remarks on Saturday": when)
        clause = next((k for k in t.children(w.id, "nmod") if k.id > w.id and
                       (c := t.child(k.id, "case")) is not None and c.lemma.lower() in ("about", "on")
                       and k.lemma.lower() not in lex.not_speakers), None)
    if clause is None:
        return None
    ids = t.trimmed(t.subtree(clause.id), drop_lead=("that", "about", "on"))
    if not ids:
        return None
    return Cue(sentence=t.sent.index, kind=CueKind.NOUN, lemma=w.lemma.lower(), text=w.text, start=w.start,
               end=w.end, stance=ASSERTS, speaker=w.id, content_start=t.w(ids[0]).start,
               content_end=t.w(ids[-1]).end, content_ids=frozenset(ids), anchor=w.id, rule="reporting_noun")


def _hedge_cue(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    if not w.head:
        return None
    clause = w.head
    ids = t.trimmed(t.subtree(clause))
    if len(ids) < 3:
        return None
    return Cue(sentence=t.sent.index, kind=CueKind.HEDGE, lemma=w.text.lower(), text=w.text, start=w.start,
               end=w.end, stance=HEDGED, speaker=None, content_start=t.w(ids[0]).start,
               content_end=t.w(ids[-1]).end, content_ids=frozenset(ids), anchor=w.id, source_text=w.text,
               rule="hedge_word")


def _headline_cue(t: Tree, text: str, lex: Lexicon) -> Iterator[Cue]:
    """'Putin's first NATO visit in four years postponed: report' and the like."""
    words = t.words
    colons = [w for w in words if w.text == ":"]
    if not colons:
        return
    c = colons[-1]
    tail = [w for w in words if w.id > c.id and w.text not in ".!?"]
    head = [w for w in words if w.id < c.id]
    if not tail or len(tail) > 5 or len(head) < 3:
        return
    lemmas = {w.lemma.lower() for w in tail}
    tail_text = text[tail[0].start:tail[-1].end]
    is_source = bool(lemmas & set(lex.nouns)) or bool(lemmas & lex.anonymous_heads) or \
        lex.outlet_name(tail_text) is not None
    if not is_source or any(lex.is_speech_verb(w.lemma.lower()) and w.upos == "VERB" for w in tail):
        return
    ids = t.trimmed({w.id for w in head})
    if not ids:
        return
    noun = next((w for w in tail if w.lemma.lower() in lex.nouns), None)
    stance = HEDGED if noun is not None and lex.nouns[noun.lemma.lower()] == "document" else ASSERTS
    yield Cue(sentence=t.sent.index, kind=CueKind.HEADLINE, lemma=":", text=":", start=c.start, end=c.end,
              stance=stance, speaker=None, content_start=t.w(ids[0]).start, content_end=t.w(ids[-1]).end,
              content_ids=frozenset(ids), anchor=c.id, source_text=tail_text, rule="headline_colon")
