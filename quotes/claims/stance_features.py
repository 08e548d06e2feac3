"""Readable features of an article's stance toward a claim.

Relatedness is measured on content keys (:func:`quotes.claims.normalize.content_keys`:
lemmas, entities, synonyms); an entity of the claim weighs :data:`ENTITY_WEIGHT` words.
Every sentence about the claim (:data:`ABOUT`) is judged by the sentence rules; the
article's features (:data:`FEATURES`) count what those rules and the word lists found.

>>> r = measure_relatedness("Banksy was arrested in London", "Police in London arrested Banksy. He is 40.")
>>> r.overall, r.best
(1.0, 1.0)
>>> relatedness("Banksy was arrested", "Stocks fell in Tokyo")
0.0
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from quotes.claims.headlines import stance_lexicon
from quotes.claims.normalize import content_keys, lexicon, stem
from quotes.lexicons import fold, lines
from quotes.claims.stance_rules import claim_words, folded, sentence_stance, strip_claim_words
from quotes.nlp.tokenize import sentences as _sentences
from quotes.types import CANNOT_CONFIRM, DENIES, REPORTS, SUPPORTS, Article, Attribution

#: An entity key of the claim ("Banksy") weighs this many content words.
ENTITY_WEIGHT = 2.0
#: A sentence covering this share of the claim is about it (and is judged).
ABOUT = 0.3
#: Sentences that make an article's lead.
LEAD = 3
#: Longest text judged, in characters (longer bodies are cut: the claim is in the lead).
MAX_CHARS = 20_000

#: The word lists whose every entry is also a feature of its own ("cue:hoax": how often the
#: word occurs in the sentences about the claim), so the model weighs each word apart.
CUE_LISTS = ("stance_denial_words.txt", "stance_negations.txt", "stance_hedge_words.txt",
             "stance_unconfirmed_words.txt", "stance_support_words.txt")
CUE_PREFIX = "cue:"
#: The same entries counted over the whole text, per sentence ("body:reportedly").
BODY_PREFIX = "body:"

#: The article features the learned model weighs, in order (each a readable quantity).
BASE_FEATURES = (
    "cover",             # share of the claim's content the whole text covers
    "lead_cover",        # ... its first sentences cover
    "best_cover",        # ... its best sentence covers
    "entity_cover",      # share of the claim's names (entities) the text has
    "pair_cover",        # share of the claim's word pairs ("third breast") the text repeats
    "about_share",       # share of the text's sentences that are about the claim
    "about_sentences",   # log(1 + sentences about the claim)
    "share_supports",    # share of the sentences about the claim judged supports
    "share_denies",      # ... denies
    "share_reports",     # ... reports
    "share_cannot",      # ... cannot_confirm
    "lead_denies",       # a lead sentence about the claim denies it
    "lead_reports",      # a lead sentence about the claim reports it
    "denial_words",      # log(1 + words calling something false: hoax, fake, debunked, denied)
    "denial_about",      # log(1 + such words in sentences about the claim)
    "denial_lead",       # log(1 + such words in the first sentences)
    "hedge_words",       # hedge words per sentence (reportedly, claims, allegedly, may)
    "hedge_about",       # log(1 + hedge words in sentences about the claim)
    "hedge_lead",        # log(1 + hedge words in the first sentences)
    "support_about",     # log(1 + confirming words in sentences about the claim: confirmed, proof)
    "unconfirmed",       # log(1 + "could not be verified", "unconfirmed", "no evidence")
    "claim_denies",      # the claim itself holds a denial word ("... is a hoax")
    "claim_hedged",      # the claim itself holds a hedge word
    "claim_x_denial",    # claim_denies times denial_words: a hoax story agreeing it is a hoax
    "claim_x_denies",    # claim_denies times share_denies
    "claim_x_hedge",     # claim_hedged times hedge_lead: a hedged claim, a hedged lead
    "question_about",    # log(1 + questions about the claim)
    "length",            # log(1 + sentences)
    "best_supports",     # the sentence most about the claim supports it
    "best_denies",       # ... denies it
    "best_reports",      # ... reports it
    "lead_supports",     # a lead sentence about the claim supports it
    "first_about_pos",   # where the first sentence about the claim stands (0 first, 1 last or none)
    "half_cover_share",  # share of the sentences covering half the claim or more
    "quote_rate",        # quotation marks per sentence (a body quoting its sources)
    "support_words",     # log(1 + confirming words anywhere in the text)
    "negation_about",    # log(1 + negations in the sentences about the claim)
    "claim_question",    # the claim is a question ("Real or hoax?")
    "claim_supported",   # the claim holds a confirming word ("confirmed")
    "claim_words",       # log(1 + the claim's content keys)
    "key_frequency",     # log(1 + sentences holding each claim key), averaged
    "entity_frequency",  # ... over the claim's names
    "shared_keys",       # log(1 + the claim's keys the text has)
    "second_cover",      # the second best sentence's cover of the claim
    "top3_cover",        # the three best sentences' mean cover
)


def cue_entries() -> tuple[str, ...]:
    """Every entry of :data:`CUE_LISTS`, folded, once each ("hoax*", "not true", "reportedly")."""
    seen: dict[str, None] = {}
    for name in CUE_LISTS:
        for line in lines(name):
            seen.setdefault(fold(line.strip()), None)
    return tuple(seen)


FEATURES = BASE_FEATURES + tuple(CUE_PREFIX + w for w in cue_entries()) + tuple(
    BODY_PREFIX + w for w in cue_entries())


@dataclass
class Relatedness:
    """How much of the claim a text covers: overall, in its lead, in its best sentence,
    its names (entities), its word pairs."""

    overall: float
    lead: float
    best: float
    entities: float = 0.0
    pairs: float = 0.0
    #: log(1 + sentences holding each of the claim's keys), averaged (entities weigh double)
    frequency: float = 0.0
    #: the same over the claim's names only
    entity_frequency: float = 0.0
    #: how many of the claim's keys the text has
    shared: int = 0

    def describe(self) -> str:
        return f"covers {self.overall:.0%} of the claim's content, best sentence {self.best:.0%}"


@dataclass
class Sentence:
    """One sentence of the article with its relatedness and, when about the claim, its stance."""

    index: int
    start: int
    end: int
    text: str
    relatedness: float
    about: bool = False
    stance: str = ""
    rule: str = ""
    reason: str = ""
    attributions: list[Attribution] = field(default_factory=list)


@lru_cache(maxsize=4096)
def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: the rule tokenizer's, each line its own sentence.

    >>> sentence_spans("Banksy arrested\\nPolice in London said so. He is 40.")
    [(0, 15), (16, 41), (42, 51)]
    """
    out, pos = [], 0
    for line in text[:MAX_CHARS].split("\n"):
        if line.strip():
            out.extend((pos + s, pos + e) for s, e in _sentences(line))
        pos += len(line) + 1
    return out


@lru_cache(maxsize=4096)
def _sentence_keys(text: str) -> tuple[frozenset[str], ...]:
    return tuple(content_keys(text[s:e]).all for s, e in sentence_spans(text))


def _cover(claim: frozenset[str], entities: frozenset[str], keys: frozenset[str]) -> float:
    total = sum(ENTITY_WEIGHT if k in entities else 1.0 for k in claim)
    return sum(ENTITY_WEIGHT if k in entities else 1.0 for k in claim & keys) / total if total else 0.0


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _stems(text: str) -> list[str]:
    """Content-word stems in order (stopwords dropped)."""
    stops = lexicon()["stopwords"]
    out = []
    for w in _WORD.findall(text):
        s = stem(w)
        if s not in stops and len(s) > 1:
            out.append(s)
    return out


@lru_cache(maxsize=4096)
def _pairs(text: str) -> frozenset[tuple[str, str]]:
    """Adjacent content-word pairs of ``text`` ("third breast")."""
    words = _stems(text)
    return frozenset(zip(words, words[1:]))


@lru_cache(maxsize=4096)
def _text_pairs(text: str) -> frozenset[tuple[str, str]]:
    return frozenset().union(*(_pairs(text[s:e]) for s, e in sentence_spans(text))) if text else frozenset()


@lru_cache(maxsize=4096)
def _claim(claim: str) -> tuple[frozenset[str], frozenset[str]]:
    return claim_words(claim), content_keys(claim).entities


def measure_relatedness(claim: str, text: str) -> Relatedness:
    """:class:`Relatedness` of ``text`` to ``claim``."""
    words, entities = _claim(claim)
    keys = _sentence_keys(text)
    if not keys or not words:
        return Relatedness(0.0, 0.0, 0.0)
    union = frozenset().union(*keys)
    pairs = _pairs(claim)
    freq = {k: math.log1p(sum(k in s for s in keys)) for k in words}
    weight = {k: ENTITY_WEIGHT if k in entities else 1.0 for k in words}
    frequency = sum(weight[k] * freq[k] for k in words) / sum(weight.values())
    named = entities & words
    return Relatedness(_cover(words, entities, union),
                       _cover(words, entities, frozenset().union(*keys[:LEAD])),
                       max(_cover(words, entities, k) for k in keys),
                       len(entities & union) / len(entities) if entities else _cover(words, entities, union),
                       len(pairs & _text_pairs(text)) / len(pairs) if pairs else 0.0,
                       frequency,
                       sum(freq[k] for k in named) / len(named) if named else frequency,
                       len(words & union))


def relatedness(claim: str, text: str) -> float:
    """Share of the claim's content (entities weigh double) that ``text`` covers, 0..1.

    >>> relatedness("Banksy was arrested in London", "Banksy arrested")
    0.6
    """
    return round(measure_relatedness(claim, text).overall, 4)


def is_headline(article: Article) -> bool:
    """A headline-only article (its text is its title) is judged as one sentence.

    >>> is_headline(Article("h", "Crabzilla? A 50-foot crab", title="Crabzilla? A 50-foot crab"))
    True
    """
    return bool(article.title) and article.text.strip() == article.title.strip()


@lru_cache(maxsize=16384)
def _calls_false(text: str) -> bool:
    """Whether a sentence calls something false or unconfirmed ("The story is a hoax")."""
    lex = stance_lexicon()
    return bool(lex["denial"].search(folded(text)) or lex["unconfirmed"].search(folded(text)))


def judge_sentences(claim: str, article: Article, attributions: Sequence[Attribution]) -> list[Sentence]:
    """The article's sentences; those about the claim judged by the sentence rules.

    A sentence is about the claim when it covers :data:`ABOUT` of it, or, in an article
    about the claim, when it calls something false or unconfirmed ("The story is a hoax").
    A headline-only article (:func:`is_headline`) is one sentence.
    """
    words, entities = _claim(claim)
    spans, keys = sentence_spans(article.text), _sentence_keys(article.text)
    if is_headline(article):  # "20 year old burger? McDonald's burger ... hasn't aged a bit"
        stripped = article.text.strip()
        start = article.text.index(stripped)
        spans, keys = [(start, start + len(stripped))], (frozenset().union(*keys),)
    covers = [_cover(words, entities, k) for k in keys]
    on_topic = bool(covers) and max(covers) >= ABOUT
    out = []
    for i, ((s, e), c) in enumerate(zip(spans, covers)):
        sent = Sentence(i, s, e, article.text[s:e], c)
        # in an article about the claim, "The story is a hoax" refers back to it
        sent.about = c >= ABOUT or len(spans) == 1 or on_topic and _calls_false(sent.text)
        if sent.about:
            sent.attributions = [a for a in attributions if s <= a.start < e or s <= (a.cue_start or -1) < e]
            sent.stance, sent.rule, sent.reason = sentence_stance(
                sent.text, sent.attributions, claim, article.publisher, offset=s)
        out.append(sent)
    return out


@lru_cache(maxsize=16384)
def _count(pattern: re.Pattern, text: str) -> int:
    return len(pattern.findall(text))


@lru_cache(maxsize=1)
def _cue_index() -> tuple[dict[str, str], list[tuple[str, str]], list[tuple[str, str]]]:
    """Entries by kind: single words, prefixes ("hoax*"), phrases ("not true")."""
    words, prefixes, phrases = {}, [], []
    for e in cue_entries():
        body = e.rstrip("*")
        if e.endswith("*"):
            prefixes.append((body, e))
        elif " " in body or not re.fullmatch(r"[\w'’]+", body):
            phrases.append((" " + " ".join(re.findall(r"[\w'’]+|[^\w\s]", body)) + " ", e))
        else:
            words[body] = e
    return words, prefixes, phrases


@lru_cache(maxsize=1024)
def cue_occurrences(text: str) -> dict[str, int]:
    """How often every cue entry occurs in ``text`` (entries that do not occur are left out)."""
    words, prefixes, phrases = _cue_index()
    tokens = re.findall(r"[\w'’]+|[^\w\s]", folded(text))
    joined = " " + " ".join(tokens) + " "
    found: dict[str, int] = {}
    for t in tokens:
        if t in words:
            found[words[t]] = found.get(words[t], 0) + 1
        for body, e in prefixes:
            if t.startswith(body):
                found[e] = found.get(e, 0) + 1
    for pat, e in phrases:
        n = joined.count(pat)
        if n:
            found[e] = found.get(e, 0) + n
    return found


def cue_counts(text: str) -> dict[str, float]:
    """``cue:ENTRY`` -> log(1 + occurrences) for every cue entry in ``text``.

    >>> c = cue_counts("It is a hoax, not true, a hoaxer said.")
    >>> round(c["cue:hoax*"], 3), round(c["cue:not true"], 3)
    (1.099, 0.693)
    """
    return {CUE_PREFIX + e: math.log1p(n) for e, n in cue_occurrences(text).items()}


def _position_features(claim: str, sentences: Sequence[Sentence], about: Sequence[Sentence]) -> dict[str, float]:
    """The best sentence's stance, the lead's support, where the claim first comes up."""
    best = max(about, key=lambda s: (s.relatedness, -s.index)) if about else None
    n = max(1, len(sentences))
    return {
        "best_supports": float(best is not None and best.stance == SUPPORTS),
        "best_denies": float(best is not None and best.stance == DENIES),
        "best_reports": float(best is not None and best.stance in (REPORTS, CANNOT_CONFIRM)),
        "lead_supports": float(any(s.stance == SUPPORTS for s in about if s.index < LEAD)),
        "first_about_pos": about[0].index / n if about else 1.0,
        "half_cover_share": sum(s.relatedness >= 0.5 for s in sentences) / n,
    }


def article_features(claim: str, sentences: Sequence[Sentence], rel: Relatedness) -> dict[str, float]:
    """The :data:`FEATURES` of an article whose sentences were judged."""
    lex = stance_lexicon()
    about = [s for s in sentences if s.about]
    n = max(1, len(about))
    share = {st: sum(s.stance == st for s in about) / n for st in (SUPPORTS, DENIES, REPORTS, CANNOT_CONFIRM)}
    lead = [s for s in about if s.index < LEAD]
    body = " ".join(s.text for s in sentences)
    about_text = " ".join(s.text for s in about)
    denial = lambda t: _count(lex["denial"], strip_claim_words(t, lex["denial"], claim))  # noqa: E731
    hedge = lambda t: _count(lex["hedge"], strip_claim_words(t, lex["hedge"], claim))  # noqa: E731
    claim_denies = float(bool(lex["denial"].search(folded(claim))))
    f = {
        "cover": rel.overall, "lead_cover": rel.lead, "best_cover": rel.best,
        "entity_cover": rel.entities, "pair_cover": rel.pairs,
        "about_share": len(about) / max(1, len(sentences)),
        "about_sentences": math.log1p(len(about)),
        "share_supports": share[SUPPORTS], "share_denies": share[DENIES],
        "share_reports": share[REPORTS], "share_cannot": share[CANNOT_CONFIRM],
        "lead_denies": float(any(s.stance == DENIES for s in lead)),
        "lead_reports": float(any(s.stance == REPORTS for s in lead)),
        "denial_words": math.log1p(denial(body)), "denial_about": math.log1p(denial(about_text)),
        "hedge_words": hedge(body) / max(1, len(sentences)), "hedge_about": math.log1p(hedge(about_text)),
        "hedge_lead": math.log1p(hedge(" ".join(s.text for s in sentences[:LEAD]))),
        "denial_lead": math.log1p(denial(" ".join(s.text for s in sentences[:LEAD]))),
        "support_about": math.log1p(_count(lex["support"], folded(about_text))),
        "unconfirmed": math.log1p(_count(lex["unconfirmed"], folded(body))),
        "claim_denies": claim_denies,
        "claim_hedged": float(bool(lex["hedge"].search(folded(claim)))),
        "question_about": math.log1p(sum(s.text.rstrip(" '\"’”").endswith("?") for s in about)),
        "length": math.log1p(len(sentences)),
    }
    f["claim_x_denial"] = claim_denies * f["denial_words"]
    f["claim_x_denies"] = claim_denies * f["share_denies"]
    f["claim_x_hedge"] = f["claim_hedged"] * f["hedge_lead"]
    f.update(_position_features(claim, sentences, about))
    f["quote_rate"] = len(re.findall(r"[\"“”]", body)) / max(1, len(sentences))
    f["support_words"] = math.log1p(_count(lex["support"], folded(body)))
    f["negation_about"] = math.log1p(_count(lex["negation"], strip_claim_words(about_text, lex["negation"], claim)))
    f["claim_question"] = float(claim.rstrip(" '\"’”").endswith("?"))
    f["claim_supported"] = float(bool(lex["support"].search(folded(claim))))
    f["claim_words"] = math.log1p(len(claim_words(claim)))
    covers = sorted((s.relatedness for s in sentences), reverse=True) + [0.0, 0.0]
    f.update(key_frequency=rel.frequency, entity_frequency=rel.entity_frequency,
             shared_keys=math.log1p(rel.shared), second_cover=covers[1], top3_cover=sum(covers[:3]) / 3)
    f.update(cue_counts(about_text))
    f.update((BODY_PREFIX + e, n / max(1, len(sentences))) for e, n in dict(cue_occurrences(body)).items())
    return {k: float(f.get(k, 0.0)) for k in FEATURES}
