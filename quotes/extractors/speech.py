"""One reporting verb while its rules run: :class:`SpeechAct`, what is known so far, and
how a finished reading becomes a :class:`~quotes.types.Cue` (:func:`make_cue`), with its
stance (:func:`stance_of`) and audience (:func:`audience_of`).

>>> from quotes.lexicons import load
>>> text = "Ushakov told Interfax that the visit was off."
>>> a = SpeechAct.example(text, [("Ushakov", "PROPN", 2, "nsubj"), ("told", "VERB", 0, "root", "tell"),
...     ("Interfax", "PROPN", 2, "obj"), ("that", "SCONJ", 8, "mark"), ("the", "DET", 6, "det"),
...     ("visit", "NOUN", 8, "nsubj"), ("was", "AUX", 8, "cop"), ("off", "ADV", 2, "ccomp"),
...     (".", "PUNCT", 2, "punct")], verb=2)
>>> a.verb.lemma, a.rel, [a.t.w(i).text for i in audience_of(a.t, a.w, {4, 5, 6, 7, 8}, None, a.lex)]
('tell', 'root', ['Interfax'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quotes.lexicons import Lexicon, Verb, load
from quotes.types import CANNOT_CONFIRM, CONFIRMS, DENIES, HEDGED, Cue, CueKind, Word
from quotes.extractors.tree import CLOSE_QUOTES, Tree

#: Dependency relations of a verb's audience ("told Interfax", "said to reporters").
AUDIENCE_RELS = ("obj", "iobj", "obl")
#: The verb kinds that report speech (not "cognition": "believe", "think").
SPEECH, EVIDENCE = "speech", "evidence"


@dataclass(slots=True)
class SpeechAct:
    """What the rules know so far about reporting verb ``w`` of tree ``t``.

    Filled in order: the speaker (``subj``; ``passive`` when it is a passive subject), the
    words of what was said (``content``; ``comp``: the head of the clause that gave them,
    ``obj_noun``: "confirmed a report that ..."), then ``ids`` (``content`` trimmed, in
    order), ``stance`` and ``implicit`` (no speaker is named: "it was reported that").
    """

    t: Tree
    w: Word
    text: str
    lex: Lexicon
    verb: Verb
    rel: str
    name: Word | None = None
    after_quote: bool = False
    subj: Word | None = None
    passive: bool = False
    content: set[int] = field(default_factory=set)
    comp: Word | None = None
    obj_noun: Word | None = None
    ids: list[int] = field(default_factory=list)
    stance: str = ""
    implicit: bool = False

    @classmethod
    def of(cls, t: Tree, w: Word, text: str, lex: Lexicon) -> "SpeechAct":
        return cls(t, w, text, lex, lex.verbs[w.lemma.lower()], w.deprel.split(":")[0])

    @classmethod
    def example(cls, text: str, tokens, verb: int, lex: Lexicon | None = None) -> "SpeechAct":
        """The act of word ``verb`` (an id) on a hand-made parse (:meth:`.Tree.of`): for examples."""
        t = Tree.of(text, tokens)
        return cls.of(t, t.w(verb), text, lex or load())

    def takes(self, *flags: str) -> bool:
        """Whether the verb takes any of these complements (``reporting_verbs.tsv``)."""
        return any(f in self.verb.complement for f in flags)

    @property
    def lemma(self) -> str:
        return self.w.lemma.lower()


def stance_of(t: Tree, w: Word, base: str, lex: Lexicon) -> str:
    """The stance of verb ``w`` whose lexicon stance is ``base``: "could not confirm",
    "refused to confirm or deny" cannot confirm; a negated or refused verb, or one with a
    hedge ("reportedly said"), is hedged."""
    lemma = w.lemma.lower()
    head = t.w(w.head) if w.head else None
    refused = head is not None and w.deprel.startswith("xcomp") and head.lemma.lower() in lex.words("refusals")
    if base == CANNOT_CONFIRM:
        return CANNOT_CONFIRM
    coordinated = w.deprel.startswith("conj") or any(k.lemma.lower() in lex.words("alternatives")
                                                     for k in t.children(w.id, "cc"))
    if head is not None and coordinated and lex.verbs.get(head.lemma.lower()) and \
            stance_of(t, head, lex.verbs[head.lemma.lower()].stance, lex) == CANNOT_CONFIRM:
        return CANNOT_CONFIRM  # "refused to confirm or deny", "would neither confirm nor deny"
    if refused or t.negated(w.id):
        if base == CONFIRMS or lemma in lex.words("cannot_confirm_verbs"):
            return CANNOT_CONFIRM
        if base == DENIES:
            return HEDGED
        return HEDGED
    for k in t.children(w.id, "advmod"):
        if k.lemma.lower() in lex.hedges or k.text.lower() in lex.hedges:
            return HEDGED
    return base


def audience_of(t: Tree, w: Word, content_ids, obj_noun: Word | None, lex: Lexicon) -> tuple[int, ...]:
    """Whom verb ``w`` speaks to; "told Tass that ..., but said: ..." -- the second verb
    speaks to the same outlet."""
    audience = _audience(t, w, content_ids, obj_noun, lex)
    if not audience and w.deprel.startswith("conj") and w.head and lex.is_speech_verb(t.w(w.head).lemma.lower()):
        audience = _audience(t, t.w(w.head), set(content_ids) | t.subtree(w.id), None, lex)
    return audience


def _audience(t: Tree, w: Word, content_ids, obj_noun: Word | None, lex: Lexicon) -> tuple[int, ...]:
    out = []
    for a in t.children(w.id, *AUDIENCE_RELS):
        if a.id in content_ids or (obj_noun is not None and a.id == obj_noun.id):
            continue
        if a.upos not in ("PROPN", "NOUN", "PRON"):
            continue
        if a.deprel.startswith("obl"):
            case = t.child(a.id, "case")
            if case is None or case.lemma.lower() not in lex.words("audience_cases"):
                continue
        out.append(a.id)
    return tuple(out)


def make_cue(a: SpeechAct, stance: str, subj: Word | None, start: int, end: int, ids, *, rule: str,
             audience=(), parts=()) -> Cue:
    """The cue of act ``a``: the verb with its auxiliaries and negation ("could not
    confirm"), or the refusing head ("declined to comment"), as its words."""
    t, w, lex = a.t, a.w, a.lex
    first = w
    for k in t.children(w.id, "aux", "advmod", "neg"):
        if k.id < w.id and (k.deprel.startswith("aux") or k.lemma.lower() in lex.words("cue_negations")) \
                and not t.quote_between(k.id, w.id):
            first = k if k.id < first.id else first
    if w.deprel.startswith("xcomp") and w.head and t.w(w.head).lemma.lower() in lex.words("refusals"):
        first = t.w(w.head)
    return Cue(sentence=t.sent.index, kind=CueKind.VERB, lemma=w.lemma.lower(), text=a.text[first.start:w.end],
               start=first.start, end=w.end, stance=stance, speaker=subj.id if subj is not None else None,
               content_start=start, content_end=end, content_ids=frozenset(ids), audience=tuple(audience),
               anchor=w.id, parts=tuple(parts), rule=rule)


def is_reporting_tail(t: Tree, w: Word) -> bool:
    """Whether ccomp verb ``w`` comes after its head with a subject of its own set off by
    punctuation ("Y, X said", "“Y” X said"; not "she believes we must continue"), also when
    the parse hangs that comma off the subject ("Y, Kremlin spokesman Dmitry Peskov announced").

    >>> t = Tree.from_spec("Russia/PROPN/2/nsubj accepted/VERB/0/root ,/PUNCT/5/punct spokesman/NOUN/5/nmod "
    ...                    "Peskov/PROPN/6/nsubj announced/VERB/2/conj/announce")
    >>> is_reporting_tail(t, t.w(6))
    True
    """
    subj = tail_subject(t, w)
    if w.head is None or w.id <= w.head or subj is None:
        return False
    first = min((i for i in t.subtree(subj.id) if t.w(i).upos != "PUNCT"), default=subj.id)
    return first > 1 and t.w(first - 1).upos == "PUNCT"  # (the comma may hang off the subject)


def after_colon_label(t: Tree, w: Word) -> bool:
    """Whether ``w`` opens its own statement after a colon and says something after it ("The
    Latest: Trump urges supporters to vote"): what stands before the colon is a label, not
    what ``w`` reports (unlike "'We will win': Trump says", with nothing after the verb).

    >>> t = Tree.from_spec("Latest/ADJ/0/root :/PUNCT/4/punct Trump/PROPN/4/nsubj urges/VERB/1/parataxis/urge "
    ...                    "voters/NOUN/4/obj")
    >>> after_colon_label(t, t.w(4))
    True
    """
    first = min(i for i in t.subtree(w.id) if t.w(i).upos != "PUNCT")
    return first > 1 and t.w(first - 1).text == ":" and \
        any(k.id > w.id and k.deprel.split(":")[0] in ("obj", "ccomp", "xcomp") for k in t.children(w.id))


def clause_after(t: Tree, w: Word, skip: frozenset[int] | set[int] = frozenset()) -> bool:
    """Whether a verb or a "that" follows ``w`` in its sentence (words in ``skip`` aside): the
    verb has a clause of its own after it, so it ends no reporting tail.

    >>> t = Tree.from_spec("Talks/NOUN/2/nsubj ended/VERB/0/root ,/PUNCT/5/punct he/PRON/5/nsubj said/VERB/2/conj/say")
    >>> clause_after(t, t.w(5)), clause_after(t, t.w(2))
    (False, True)
    """
    return any(x.upos in ("VERB", "AUX") or x.text.lower() == "that" for x in t.words[w.id:] if x.id not in skip)


def tail_subject(t: Tree, w: Word) -> Word | None:
    """The subject of ``w``; of two or more before a verb that ends its sentence with no clause
    of its own, the nearest when a comma sets it off from the one before: the parse may hang a
    subject of the reported clause on the reporting verb too ("Y will be held when the
    situation allows, Peskov told reporters" with "situation" and "Peskov" both its subjects).

    >>> t = Tree.from_spec("talks/NOUN/5/nsubj end/VERB/0/root ,/PUNCT/5/punct Peskov/PROPN/5/nsubj "
    ...                    "said/VERB/2/conj/say")
    >>> tail_subject(t, t.w(5)).text
    'Peskov'
    """
    before = sorted((k for k in t.children(w.id, "nsubj") if k.id < w.id), key=lambda k: k.id)
    if len(before) < 2 or clause_after(t, w):
        return t.child(w.id, "nsubj")  # (no reporting tail)
    last = max((i for i in t.subtree(before[-2].id) if t.w(i).upos != "PUNCT"), default=before[-2].id)
    if not any(t.w(i).text == "," for i in range(last + 1, min(t.subtree(before[-1].id)))):
        return t.child(w.id, "nsubj")  # "teachers and union officials told": one subject
    return before[-1]


def subjects_said(t: Tree, w: Word) -> set[int]:
    """The words of the subjects hung on ``w`` before its :func:`tail_subject`: they belong to
    what was said ("..., when the situation allows, Peskov told").

    >>> t = Tree.from_spec("talks/NOUN/5/nsubj end/VERB/0/root ,/PUNCT/5/punct Peskov/PROPN/5/nsubj "
    ...                    "said/VERB/2/conj/say")
    >>> sorted(subjects_said(t, t.w(5)))
    [1]
    """
    speaker = tail_subject(t, w)
    if speaker is None:
        return set()
    return {i for k in t.children(w.id, "nsubj") if k.id < speaker.id for i in t.subtree(k.id)}


def right_after_quotation(t: Tree, w: Word) -> bool:
    """'“...,” he added': a pronoun between a closing quotation mark and the verb."""
    return w.id > 2 and t.w(w.id - 1).upos == "PRON" and t.w(w.id - 2).text in CLOSE_QUOTES
