"""The speakers stage's rules: who each cue's source is, resolved in article order.

A cue's speaker word becomes a noun phrase (:func:`~quotes.extractors.phrases.describe`)
and then a :class:`Speaker` through the article's :class:`Resolver` ("he" -> the last
person who spoke); a cue with no speaker word but a source text ("...: report") is that
source; one with neither is :data:`UNNAMED`.

>>> from quotes.types import Cue
>>> from quotes.lexicons import load
>>> text = "Peskov said it was fine."
>>> t = Tree.of(text, [("Peskov", "PROPN", 2, "nsubj"), ("said", "VERB", 0, "root"), ("it", "PRON", 5, "nsubj"),
...                    ("was", "AUX", 5, "cop"), ("fine", "ADJ", 2, "ccomp"), (".", "PUNCT", 2, "punct")])
>>> c = Cue(0, "verb", "say", "said", 7, 11, "asserts", 1, 12, 23, frozenset({3, 4, 5}), anchor=2)
>>> sp, ids = cue_speaker(c, {0: t}, text, load(), Resolver())
>>> sp.name, sp.kind, ids
('Peskov', 'person', {1})
"""

from __future__ import annotations

import dataclasses
import re

from quotes.lexicons import Lexicon, fold
from quotes.types import ANONYMOUS, OUTLET, PERSON, UNKNOWN, Cue, CueKind, Speaker, Word
from quotes.extractors.names import is_title
from quotes.extractors.phrases import NP, describe
from quotes.extractors.speakers import Resolver, gender_of, resolve
from quotes.extractors.tree import Tree

#: The speaker of a cue that names no source at all.
UNNAMED = "unnamed sources"
#: Cue kinds whose coordinated subjects each say the same thing ("Stoltenberg and Blinken said").
COORDINATING_KINDS = (CueKind.VERB, CueKind.ACCORDING)


def cue_speaker(c: Cue, trees: dict[int, Tree], text: str, lex: Lexicon,
                resolver: Resolver) -> tuple[Speaker, set[int]]:
    """The speaker of cue ``c`` and the word ids of its mention (for nested cues' leftovers)."""
    if c.speaker is not None:
        t = trees[c.sentence]
        if c.kind == CueKind.NOUN:
            return _noun_source(c, t, text, lex, resolver)
        return _subject_source(c, t, text, lex, resolver)
    if c.source_text:
        return _named_source(c, text, lex), set()
    return Speaker(UNNAMED, "", ANONYMOUS, None, None, None), set()


def _noun_source(c: Cue, t: Tree, text: str, lex: Lexicon, resolver: Resolver) -> tuple[Speaker, set[int]]:
    """The reporting noun's own phrase, without its clause: "a report", "reports"."""
    head = t.w(c.speaker)
    clause = {i for i in t.subtree(head.id) if t.w(i).deprel in ("acl", "ccomp") and t.w(i).head == head.id}
    ids = t.subtree(head.id, skip=c.content_ids | clause)
    ids = {i for i in ids if i not in c.content_ids}
    ids = [i for i in t.trimmed(ids) if t.w(i).text.lower() != "that"  # (nor "to" of "contrary to his claim")
           and not (t.w(i).deprel == "case" and t.w(i).head == head.id)]
    if not ids:
        ids = [head.id]
    s, e = t.w(ids[0]).start, t.w(ids[-1]).end
    np = describe(t, head, text, lex)
    np = NP(text[s:e], s, e, np.name, np.role, np.kind if np.kind != UNKNOWN else ANONYMOUS, np.head,
            definite=np.definite)
    return resolve(np, resolver, lex), set(ids)


def _relative_antecedent(c: Cue, t: Tree, head: Word, lex: Lexicon) -> Word | None:
    """'officials who said ...': the noun the relative clause modifies (the relative pronoun
    stands for it and, like "he", stays the mention)."""
    if head.upos != "PRON" or head.lemma.lower() not in lex.words("relative_speakers") or c.anchor is None:
        return None
    v = t.w(c.anchor)
    while v.deprel.split(":")[0] in ("conj", "xcomp") and v.head:
        v = t.w(v.head)
    return t.w(v.head) if v.deprel.startswith("acl") and v.head else None


def _subject_source(c: Cue, t: Tree, text: str, lex: Lexicon, resolver: Resolver) -> tuple[Speaker, set[int]]:
    """The phrase of the cue's speaker word (its antecedent for a relative pronoun)."""
    head = relative = t.w(c.speaker)
    antecedent = _relative_antecedent(c, t, head, lex)
    if antecedent is not None:
        head = antecedent
    np = describe(t, head, text, lex)
    if c.kind == CueKind.ACCORDING and not (c.end <= np.start):
        # a source the parse hung elsewhere ("according to the conservative-leaning Tax
        # Foundation, more than twice what ..."): its words run from "to" to the comma
        end = next((x.start for x in t.words if x.start >= head.end and x.text in ",;:()"), np.end)
        start, end = max(np.start, c.end + 1), min(end, np.end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:  # (a phrase wholly before the cue, 'Ann Lee according to ...', stays as it is)
            np = dataclasses.replace(np, mention=text[start:end], start=start, end=end)
    ids = set(range(_word_at(t, np.start), _word_at(t, np.end - 1) + 1))
    sp = resolve(np, resolver, lex)
    if antecedent is not None:
        sp = dataclasses.replace(sp, mention=relative.text, start=relative.start, end=relative.end)
        ids.add(relative.id)
    return sp, ids


def _named_source(c: Cue, text: str, lex: Lexicon) -> Speaker:
    """A source given as text ("...: report", "reportedly"): an outlet or an anonymous one; a
    hedge's source is unnamed (the hedge is its mention)."""
    src = c.source_text
    if c.kind == CueKind.HEDGE:
        return Speaker(UNNAMED, src, ANONYMOUS, None, c.start, c.end)
    outlet = lex.outlet_name(src)
    if outlet:
        return Speaker(outlet, src, OUTLET, None, *_find(text, src, c))
    start, end = _find(text, src, c)
    return Speaker(src, src, ANONYMOUS, None, start, end)


def _word_at(t: Tree, offset: int) -> int:
    for w in t.words:
        if w.start <= offset < w.end or w.start >= offset:
            return w.id
    return t.words[-1].id


def _find(text: str, src: str, c: Cue) -> tuple[int | None, int | None]:
    if c.kind == CueKind.HEDGE:
        return c.start, c.end
    i = text.find(src, c.end)
    if i < 0:
        i = text.rfind(src, 0, c.start)  # "The New York Times reports:"
    return (i, i + len(src)) if i >= 0 else (None, None)


def cataphora(speakers: list[Speaker], resolver: Resolver) -> list[Speaker]:
    """A headline's "Kremlin spokesman says ..." names the person introduced later.

    >>> r = Resolver()
    >>> r.register("Dmitry Peskov", "Kremlin spokesman", PERSON)
    >>> [s.name for s in cataphora([Speaker("Kremlin spokesman", "Kremlin spokesman", ANONYMOUS, None, 0, 17)], r)]
    ['Dmitry Peskov']
    """
    out = []
    for sp in speakers:
        if sp.kind in (ANONYMOUS, UNKNOWN) and sp.mention and sp.start is not None:
            m = fold(sp.mention)
            m = m[4:] if m.startswith("the ") else m
            hit = next((n for n, r in resolver.people if r and fold(r) == m), None)
            if hit:
                sp = Speaker(hit, sp.mention, PERSON, sp.mention, sp.start, sp.end)
        out.append(sp)
    return out


#: The end of a sentence: a person named again after it names them in a sentence of its own.
_SENTENCE_END = re.compile(r"[.!?][\"'”’]*\s")


def latest_mention(sp: Speaker, text: str, start: int, end: int, lex: Lexicon) -> Speaker:
    """A person who goes on speaking, named again between ``start`` and ``end`` (by surname, or
    by "he" or "she" when their gender is known: :func:`.speakers.gender_of`): the same speaker
    at the latest such mention in a sentence after ``start`` ('“A,” Bolton said. Later he
    added: “B.”': "he" says B); else ``sp`` as it is.

    >>> from quotes.lexicons import load
    >>> text = "“A,” Bolton said. Later he added: “B.”"
    >>> sp = Speaker("John Bolton", "Bolton", PERSON, None, 5, 11)
    >>> again = latest_mention(sp, text, 11, 34, load())
    >>> again.name, again.mention, text[again.start:again.end]
    ('John Bolton', 'he', 'he')
    """
    if sp.kind != PERSON:
        return sp
    names = [w.strip(".,’'") for w in sp.name.split() if w[:1].isupper()]
    words = [names[-1]] if names and len(names[-1]) > 1 else []
    gender = gender_of(sp.name, sp.role, lex)
    if gender is not None:
        pronouns = lex.words("female_subject_pronouns" if gender == "f" else "male_subject_pronouns")
        words += [form for p in sorted(pronouns) for form in (p, p.capitalize())]
    if not words:
        return sp
    found = list(re.finditer(r"\b(?:%s)\b" % "|".join(map(re.escape, words)), text[start:end]))
    if not found or not _SENTENCE_END.search(text[start:start + found[-1].start()]):
        return sp  # (a mention in the cue's own sentence, '“A,” she said, adding she ...', is the same mention)
    s, e = start + found[-1].start(), start + found[-1].end()
    return dataclasses.replace(sp, mention=text[s:e], start=s, end=e)


def named_subject_before(sentences, trees: dict[int, Tree], offset: int, text: str, lex: Lexicon,
                         resolver: Resolver) -> Speaker | None:
    """The source a quotation opening at ``offset`` turns to: the named subject (a proper noun)
    of the main verb of the sentence right before it ('Sanders identified bigotry as a reason.
    “The younger people are ...”': Sanders), or None (that sentence is not parsed, or its
    subject is no name).

    >>> from quotes.lexicons import load
    >>> text = "Ann Lee listed reasons."  # ... and “We act.” opens at 24
    >>> t = Tree.of(text, [("Ann", "PROPN", 2, "compound"), ("Lee", "PROPN", 3, "nsubj"), ("listed", "VERB", 0, "root"),
    ...                    ("reasons", "NOUN", 3, "obj"), (".", "PUNCT", 3, "punct")])
    >>> named_subject_before([t.sent], {0: t}, 24, text, load(), Resolver()).mention
    'Ann Lee'
    """
    before = [s for s in sentences if s.end <= offset]
    if not before or before[-1].index not in trees:
        return None
    t = trees[before[-1].index]
    root = t.root()
    subject = t.child(root.id, "nsubj") if root is not None else None
    if subject is None or subject.upos != "PROPN":
        return None
    return resolve(describe(t, subject, text, lex), resolver, lex)


def coordinated(c: Cue, trees: dict[int, Tree], text: str, lex: Lexicon, resolver: Resolver) -> list[Speaker]:
    """'Stoltenberg and Blinken said ...': one more speaker per coordinated name."""
    if c.speaker is None or c.kind not in COORDINATING_KINDS:
        return []
    t = trees[c.sentence]
    out = []
    base = phrase_head(t, t.w(c.speaker))
    if base.deprel == "flat" and base.head and is_title(t.w(base.head).text, lex):
        base = t.w(base.head)  # "Sens. Tom Albright (D-Ore.), ...": the name hung flat off the title
    first = t.w(base.head) if base.deprel.startswith("conj") and t.child(base.id, "cc") is not None else base
    conjuncts = list_conjuncts(t, first)
    appos = t.child(first.id, "appos")
    if appos is not None and appos.upos == "PROPN" and is_title(first.text, lex):
        # "NATO Secretary, Jens Stoltenberg and US Secretary ...": the conjunct hung off the name
        conjuncts += [k for k in list_conjuncts(t, appos) if k not in conjuncts]
    listed = first.upos == "PROPN" and any(t.child(k.id, "cc") is not None for k in conjuncts)
    others = ([first] if first is not base else []) + [
        k for k in conjuncts if k is not base
        # "Leonard E. Burman, director of ... and a professor at ...": the apposition's second part
        and not (k.upos == "NOUN" and appos is not None and appos.id < k.id)]
    for k in others:
        # a conjunct needs its "and"/"or": "The state's campaign chairman, Phil Lovas," is one man;
        # in a list of names one "and" serves them all ("Sens. A (D-Ore.), B (D-Ohio) and C")
        if k.upos in ("PROPN", "NOUN") and (k is first or t.child(k.id, "cc") is not None
                                            or listed and k.upos == "PROPN"):
            np = describe(t, k, text, lex)
            if np.kind != UNKNOWN:
                out.append(resolve(np, resolver, lex))
    return out


#: How deep a list's conjuncts are followed when the parse chains them ("A, B and C" as A -> B -> C).
MAX_CONJUNCT_DEPTH = 8


def list_conjuncts(t: Tree, first: Word) -> list[Word]:
    """The conjuncts of ``first``, and theirs where the parse chained a list ("A, B and C"
    read as A -> B -> C), in text order, at most :data:`MAX_CONJUNCT_DEPTH` levels down.

    >>> t = Tree.from_spec("Albright/PROPN/0/root ,/PUNCT/3/punct Moss/PROPN/1/conj and/CCONJ/5/cc Lang/PROPN/3/conj")
    >>> [w.text for w in list_conjuncts(t, t.w(1))]
    ['Moss', 'Lang']
    """
    found: list[Word] = []
    level = [first]
    for _ in range(MAX_CONJUNCT_DEPTH):
        level = [k for w in level for k in t.children(w.id, "conj") if k not in found]
        if not level:
            break
        found += level
    return sorted(found, key=lambda w: w.id)


def phrase_head(t: Tree, w: Word) -> Word:
    """The head of the phrase a speaker word names inside, where the parse hung the name
    under its title ("US Secretary of State Antony Blinken" with the name under "of State"):
    up through noun modifiers to a noun before it (three steps at most), so that the
    phrase's conjuncts are found ("Jens Stoltenberg and US Secretary of State Antony
    Blinken"); a flat name stays itself ("Leonard E. Burman, director of ... and a professor
    at ..." is one man).

    >>> t = Tree.from_spec("Jens/PROPN/0/root and/CCONJ/3/cc Secretary/PROPN/1/conj of/ADP/5/case "
    ...                    "Antony/PROPN/3/nmod Blinken/PROPN/5/flat")
    >>> phrase_head(t, t.w(5)).text
    'Secretary'
    """
    for _ in range(3):
        if w.deprel.split(":")[0] != "nmod" or not w.head:
            break
        h = t.w(w.head)
        if h.upos not in ("PROPN", "NOUN") or h.id > w.id:
            break
        w = h
    return w
