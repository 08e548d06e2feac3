"""What the sentence stance rules of :mod:`quotes.claims.stance_rules` look at: the
:class:`Context` of one sentence (its records, the claim's content keys and speakers, the
sentence without the deciding records' cues) and the helpers that relate words to the claim.

>>> c = context("Banksy arrested, police say", [], claim="Banksy was arrested")
>>> sorted(c.words), c.own_text
(['arrest', 'banksy'], 'Banksy arrested, police say')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from quotes.claims.normalize import content_keys, stem
from quotes.lexicons import fold, lines, load
from quotes.nlp.tokenize import load_abbreviations
from quotes.types import CANNOT_CONFIRM, DIRECT, Attribution

#: Complement flags of a verb that passes on a clause (``reporting_verbs.tsv``).
CLAUSE_COMPLEMENTS = frozenset({"clause", "bare-clause"})
#: Share of the sentence an attribution must cover to decide its stance.
MIN_COVER = 0.5


@dataclass
class Context:
    """What the rules look at: the sentence, its records and the claim (all precomputed)."""

    text: str                       # the sentence
    claim: str | None
    publisher: str | None
    every: list[Attribution]        # records that are not the claim's own event
    deciding: list[Attribution]     # those that cover most of the sentence and are about the claim
    own_text: str                   # the sentence without the deciding records' cues
    words: frozenset[str]           # the claim's content keys
    speakers: frozenset[str]        # who speaks in the claim itself ("Pope told ...")
    offset: int = 0                 # where the sentence starts in the article



# --- helpers ------------------------------------------------------------------------------

def is_publisher(a: Attribution, publisher: str | None) -> bool:
    if not publisher:
        return False
    pub, name = fold(publisher), fold(a.speaker.name)
    return name == pub or name.replace(" ", "") in pub.replace(" ", "")


def _extent(a: Attribution) -> int:
    """Characters from the first to the last of speaker, cue and content (a record
    without cue offsets is not judged: it counts as covering everything)."""
    if a.cue_start is None:
        return 10 ** 9
    points = [p for p in (a.start, a.end, a.cue_start, a.cue_end, a.speaker.start, a.speaker.end) if p is not None]
    return max(points) - min(points)


@lru_cache(maxsize=4096)
def claim_words(claim: str | None) -> frozenset[str]:
    """The claim's content keys (lemmas, entities, synonyms mapped).

    >>> sorted(claim_words("Banksy was arrested in London"))
    ['arrest', 'banksy', 'london']
    """
    return content_keys(claim).all if claim else frozenset()


@lru_cache(maxsize=65536)
def word_keys(word: str) -> frozenset[str]:
    """The content keys of one word (cached: the rules look words up one by one)."""
    return content_keys(word).all


def _overlap(text: str, claim: frozenset[str]) -> int:
    return len(content_keys(text).all & claim)


def claim_event(a: Attribution, claim: frozenset[str]) -> bool:
    """A record whose cue the claim itself uses is the claim's own event, not somebody's
    speech about it: "shoots down" for the claim that the army "shot down" two planes, "threatened"
    for the claim that a boy was suspended after "threatening" a classmate.

    >>> from quotes.types import Speaker
    >>> boy = Speaker("boy", "boy", "unknown")
    >>> a = Attribution("h", "indirect", "to make a student disappear", 14, 41, "threatened", "asserts", boy)
    >>> claim_event(a, claim_words("A boy was suspended after threatening a student"))
    True
    >>> claim_event(a, claim_words("A boy made a student disappear"))
    False
    """
    if not claim or not a.cue:
        return False
    cue = [stem(w) for w in re.findall(r"[\w'’]+", a.cue) if len(w) > 2]
    return bool(cue) and cue[0] in claim


def cue_lemma(a: Attribution) -> str:
    """The lemma of a record's reporting verb (the last word of its cue: "has been confirmed").

    >>> from quotes.types import Speaker
    >>> cue_lemma(Attribution("h", "indirect", "x", 0, 1, "Reveals", "asserts", Speaker("A", "A", "unknown")))
    'reveal'
    """
    words = re.findall(r"[\w'’]+", fold(a.cue or ""))
    return load().verb_lemma(words[-1], words[-1]) if words else ""


@lru_cache(maxsize=8)
def verb_class(name: str) -> frozenset[str]:
    """The lemmas of one stance verb list (``stance_act_verbs.txt``, ``stance_revelation_verbs.txt``)."""
    return frozenset(fold(w) for w in lines(f"stance_{name}_verbs.txt"))


def act_event(a: Attribution) -> bool:
    """A record whose cue is a speech act that tells of an act, not a proposition ("vows to
    hunt down", "calls 911", "asks Disney to move up ...", "denounces the killing":
    ``stance_act_verbs.txt``): the sentence states the event in its own voice.

    >>> from quotes.types import Speaker
    >>> mom = Speaker("Mom", "Mom", "unknown")
    >>> act_event(Attribution("h", "indirect", "911 on son", 9, 19, "Calls", "asserts", mom))
    True
    >>> act_event(Attribution("h", "indirect", "son is fine", 9, 20, "says", "asserts", mom))
    False

    A quotation, or a that-clause after a verb that can pass one on ("he added that ...",
    ``clause`` in ``reporting_verbs.tsv``), is speech all the same:

    >>> peskov = Speaker("Peskov", "Peskov", "person")
    >>> act_event(Attribution("d", "indirect", "the visit was off", 20, 37, "added", "asserts", peskov,
    ...                       rule="complement_clause"))
    False
    """
    lemma = cue_lemma(a)
    if lemma not in verb_class("act") or a.type == DIRECT:
        return False
    verb = load().verbs.get(lemma)
    return not (verb and verb.complement & CLAUSE_COMPLEMENTS and a.rule == "complement_clause")


@lru_cache(maxsize=4096)
def claim_speakers(claim: str | None) -> frozenset[str]:
    """Stems of the words before a claim's own reporting verb: for a claim about speech
    ("Pope Francis told a boy that ..."), who spoke; else empty.

    >>> sorted(claim_speakers("Pope Francis told a boy that dogs go to heaven"))
    ['francis', 'pope']
    """
    if not claim:
        return frozenset()
    cues = load().cue_words()
    words = re.findall(r"[\w'’-]+", claim)
    for i, w in enumerate(words):
        if w.lower() in cues and i > 0:
            return frozenset(stem(x) for x in words[:i] if len(x) > 2)
    return frozenset()


def in_claim(a: Attribution, speakers: frozenset[str]) -> bool:
    words = [w for w in re.findall(r"[\w'’-]+", a.speaker.name or "") if len(w) > 2]
    return bool(words) and stem(words[-1]) in speakers


def outside(text: str, a: Attribution, offset: int) -> str:
    """The sentence without ``a``'s content."""
    return text[:a.start - offset] + " " + text[a.end - offset:]


def _off_claim(a: Attribution, text: str, offset: int, claim: frozenset[str]) -> bool:
    """The attributed content says nothing of the claim while the rest of the sentence does."""
    return _overlap(a.content, claim) == 0 and _overlap(outside(text, a, offset), claim) > 0


def strip_claim_words(text: str, pattern: re.Pattern, claim_text: str | None) -> str:
    """``text`` (folded) without the hedge or denial words the claim itself uses.

    >>> from quotes.claims.headlines import stance_lexicon
    >>> strip_claim_words("Nessie could be real", stance_lexicon()["hedge"], "Nessie could exist")
    'nessie   be real'
    """
    own = _own_phrases(pattern, claim_text) if claim_text else frozenset()
    if not own:  # the usual case: the claim uses none of the words
        return folded(text)
    return pattern.sub(lambda m: " " if _phrase_key(m.group(0)) in own else m.group(0), folded(text))


def _phrase_key(phrase: str) -> tuple[str, ...]:
    """"shot down" and "shoots down" are one phrase."""
    return tuple(stem(w) for w in phrase.split())


@lru_cache(maxsize=4096)
def _own_phrases(pattern: re.Pattern, claim_text: str) -> frozenset[tuple[str, ...]]:
    return frozenset(_phrase_key(m.group(0)) for m in pattern.finditer(fold(claim_text)))


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Abbreviations that never end a sentence (``abbreviations.txt``), case-folded: a Title-Case
    headline writes "Vs." for "vs."."""
    abbrevs, final, _ = load_abbreviations()
    return frozenset(fold(a) for a in abbrevs - final)


def clauses(text: str) -> list[str]:
    """``text`` cut after each question mark, full stop, exclamation mark or colon, but not after
    an abbreviation ("Vs.", "U.S.", an initial): the clauses a question or a denial is sought in.

    >>> clauses("Has The Batman Vs. Superman Batmobile Been Stolen? UPDATE")
    ['Has The Batman Vs. Superman Batmobile Been Stolen?', 'UPDATE']
    """
    out: list[str] = []
    for part in re.split(r"(?<=[?.!:])\s+", text):
        last = re.findall(r"\S+$", out[-1]) if out else []
        if last and (fold(last[0]) in _abbreviations() or re.fullmatch(r"(?:\w\.)+", last[0])):
            out[-1] += " " + part
        else:
            out.append(part)
    return out


@lru_cache(maxsize=16384)
def folded(text: str) -> str:
    """:func:`quotes.lexicons.fold`, remembered (an article's sentences are read once per claim)."""
    return fold(text)


def context(text: str, attributions: Sequence[Attribution], claim: str | None = None,
            publisher: str | None = None, offset: int = 0) -> Context:
    """Precompute what the rules need; ``offset`` is where ``text`` starts in the article
    the records' offsets index."""
    words, speakers = claim_words(claim), claim_speakers(claim)
    every = [a for a in attributions if not claim_event(a, words) and not act_event(a)]
    deciding = [a for a in every if _extent(a) >= MIN_COVER * len(text.strip())
                and not (words and _off_claim(a, text, offset, words))]
    own = text
    cues = {a.cue for a in every if a.cue and len(a.cue) > 1 and (a in deciding or a.stance == CANNOT_CONFIRM)}
    for cue in sorted(cues, key=len, reverse=True):
        own = re.sub(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", " ", own, flags=re.I)
    return Context(text, claim, publisher, every, deciding, own, words, speakers, offset)
