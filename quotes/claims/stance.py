"""An article's (or one statement's) stance toward a claim: one logic for headlines and bodies.

:func:`article_stance` answers ``supports``, ``denies``, ``reports``, ``cannot_confirm`` or
``unrelated`` with the evidence behind it:

1. **Relatedness** (:func:`relatedness`): how much of the claim's content (lemmas,
   entities, synonyms) the text covers, overall, in its lead and in its best sentence.
2. **Sentence stance**: every sentence about the claim is judged by the named rules of
   :mod:`quotes.claims.stance_rules` (denial words, a negation of the claim's own
   proposition, attributions and their stances, hedges, the own voice).
3. **The article**: a one-sentence article (a headline, a statement) takes its sentence's
   stance. A longer one is decided by a small logistic regression over readable features
   (the shares of sentences per stance, denial and hedge words near the claim, coverage:
   :data:`quotes.claims.stance_features.FEATURES`), whose weights are data
   (``quotes/lexicons/stance_model.json``, trained by ``scripts/train_stance.py``); every
   decision lists the features that weighed most.

>>> claim = "A woman had a third breast implanted"
>>> art = Article("a1", "Jasmine Tridevil says she had a third breast implanted. "
...               "The story is a hoax, TMZ reports. Her driver's licence shows two breasts.")
>>> j = article_stance(claim, art)
>>> j.label in CLAIM_STANCES, j.evidence[1].stance, j.evidence[1].rule, j.evidence[1].start
(True, 'denies', 'denial_words', 56)
>>> article_stance(claim, Article("a2", "Woman had a third breast implanted")).label
'supports'
>>> article_stance(claim, Article("a3", "Stocks fell sharply in Tokyo on Monday")).label
'unrelated'
"""

from __future__ import annotations

from typing import Sequence

from quotes.claims.stance_features import (
    Sentence, article_features, judge_sentences, measure_relatedness, relatedness,
)
from quotes.claims.stance_model import load_model
from quotes.errors import InputError
from quotes.claims.stance_rules import claim_words, sentence_stance
from quotes.types import (
    CANNOT_CONFIRM, DENIES, REPORTS, SUPPORTS, UNRELATED, Article, Attribution, StanceEvidence,
    StanceJudgement,
)

__all__ = ["CLAIM_STANCES", "article_stance", "relatedness", "sentence_stance", "statement_stance"]

CLAIM_STANCES = (SUPPORTS, DENIES, REPORTS, CANNOT_CONFIRM, UNRELATED)
#: How many sentences an article's evidence lists at most.
MAX_EVIDENCE = 8


def _check_claim(claim: str) -> None:
    if not claim or not claim.strip():
        raise InputError("claim", "the claim is empty")
    if not claim_words(claim):
        raise InputError("claim", f"the claim {claim!r} has no content words (only stopwords?)")


def _evidence(s: Sentence) -> StanceEvidence:
    return StanceEvidence(s.start, s.end, s.text, s.stance, s.rule, s.reason, s.relatedness,
                          tuple(s.attributions))


def statement_stance(claim: str, text: str, attributions: Sequence[Attribution] = (),
                     publisher: str | None = None, doc: str = "statement") -> StanceJudgement:
    """The stance of one statement or headline toward ``claim``: ``text`` is judged as one
    sentence (the sentence rules alone), once it is about the claim.

    >>> statement_stance("Banksy was arrested", "Banksy arrest was a hoax").label
    'denies'
    >>> statement_stance("Banksy was arrested", "I don't want to date anymore").label
    'unrelated'
    """
    _check_claim(claim)
    return article_stance(claim, Article(doc, text, publisher=publisher, title=text), attributions)


def article_stance(claim: str, article: Article, attributions: Sequence[Attribution] = (),
                   related: bool | None = None) -> StanceJudgement:
    """The article's stance toward ``claim``, with evidence and reasons.

    ``attributions`` are the records extracted from the article (optional: without them
    the sentence rules work from words alone). ``related=True`` skips the relatedness
    decision when the caller knows the article is about the claim (Emergent headlines). An
    article whose text is its title (a headline alone) is judged as one sentence.
    Raises :class:`~quotes.errors.InputError` for an empty claim or one without content words.

    >>> j = article_stance("Israel opened dams in Gaza", Article("h", "Israel denies opening dams"))
    >>> j.label, j.reasons[-1]
    ('denies', "sentence 1 (denial_words): denial word 'denies' in its own words")
    """
    _check_claim(claim)
    sentences = judge_sentences(claim, article, attributions)
    rel = measure_relatedness(claim, article.text)
    model = load_model()
    if len(sentences) <= 1:
        return _one_sentence(claim, article, sentences, rel, related, model)
    feats = article_features(claim, sentences, rel)
    reasons = []
    if related is None:
        p_rel, why = model.related(feats)
        reasons.append(f"about the claim: p={p_rel:.2f} ({why})")
        if p_rel < 0.5:
            return StanceJudgement(claim, article.id, UNRELATED, 1 - p_rel, rel.overall, (), tuple(reasons))
    label, p, why = model.stance(feats)
    reasons.append(f"{label}: p={p:.2f} ({why})")
    about = sorted((s for s in sentences if s.about), key=lambda s: -s.relatedness)[:MAX_EVIDENCE]
    evidence = tuple(_evidence(s) for s in sorted(about, key=lambda s: s.start))
    reasons.extend(f"sentence {s.index + 1} ({s.rule}): {s.reason}" for s in sorted(about, key=lambda s: s.start)
                   if s.stance == label)
    return StanceJudgement(claim, article.id, label, p, rel.overall, evidence, tuple(reasons))


def _one_sentence(claim, article, sentences, rel, related, model) -> StanceJudgement:
    if not sentences:
        return StanceJudgement(claim, article.id, UNRELATED, 1.0, 0.0, (), ("the article is empty",))
    s = sentences[0]
    reasons = []
    if related is None:
        if not model.related_sentence(rel):
            return StanceJudgement(claim, article.id, UNRELATED, 1.0, rel.overall, (),
                                   (f"about the claim: no ({rel.describe()})",))
        reasons.append(f"about the claim: yes ({rel.describe()})")
    reasons.append(f"sentence 1 ({s.rule}): {s.reason}")
    return StanceJudgement(claim, article.id, s.stance, 1.0, rel.overall, (_evidence(s),), tuple(reasons))

