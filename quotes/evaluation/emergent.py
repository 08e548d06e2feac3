"""Emergent stance scorer (``quotes eval emergent``): is each headline for, against or
observing its claim? Each headline is a one-sentence article judged by
:func:`quotes.claims.stance.article_stance` (the same logic as article bodies); its labels map
onto Emergent's: ``supports`` -> for, ``denies`` -> against, ``reports`` and
``cannot_confirm`` -> observing. This module reads the CSV, runs the judgement and scores it.

>>> s = score_predictions(["for", "against"], ["for", "for"])
>>> s.accuracy
0.5
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

from quotes.errors import InputError
from quotes.claims.headlines import has_denial, has_hedge, headline_extract
from quotes.claims.stance import article_stance, sentence_stance
from quotes.claims.stance_rules import claim_words
from quotes.types import CANNOT_CONFIRM, DENIES, REPORTS, SUPPORTS, Article, Attribution
from quotes.evaluation.scores import confusion_lines, per_label_f1

__all__ = ["AGAINST", "FOR", "LABELS", "OBSERVING", "EmergentRow", "EmergentScore", "evaluate_emergent",
           "has_denial", "has_hedge", "headline_extract", "headline_stance", "read_emergent", "score",
           "score_predictions"]

Extract = Callable[[Article], list[Attribution]]

FOR, AGAINST, OBSERVING = "for", "against", "observing"
LABELS = (FOR, AGAINST, OBSERVING)
#: Claim stances as Emergent labels.
EMERGENT_LABEL = {SUPPORTS: FOR, DENIES: AGAINST, REPORTS: OBSERVING, CANNOT_CONFIRM: OBSERVING}


def headline_stance(art: Article, attributions: Sequence[Attribution], claim: str | None = None) -> str:
    """A headline's Emergent label (``for`` / ``against`` / ``observing``) toward ``claim``.

    The headline is judged as a one-sentence article about the claim (see
    :func:`quotes.claims.stance.article_stance`); without a claim, by the sentence rules alone.

    >>> art = Article("h", "Israel denies opening dams", publisher="bbc.co.uk")
    >>> headline_stance(art, headline_extract(art), "Israel opened dams in Gaza")
    'against'
    >>> art = Article("h", "Pope tells boy dogs go to heaven", publisher="x.com")
    >>> headline_stance(art, headline_extract(art), claim="Pope Francis told a boy that dogs go to heaven")
    'for'
    """
    if not claim or not claim_words(claim):
        return EMERGENT_LABEL[sentence_stance(art.text, attributions, None, art.publisher)[0]]
    return EMERGENT_LABEL[article_stance(claim, art, attributions, related=True).label]


@dataclass(frozen=True)
class EmergentRow:
    claim_id: str
    claim: str
    article_id: str
    headline: str
    stance: str
    source: str


def read_emergent(path) -> list[EmergentRow]:
    """Rows of an Emergent CSV (claim_id, claim, article_id, headline, stance, source).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "e.csv"
    >>> _ = p.write_text("claim_id,claim,article_id,headline,stance,source\\n"
    ...                  "c,Claim,a,Head line,for,x.com\\n")
    >>> read_emergent(p)[0].headline
    'Head line'
    """
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        need = {"claim_id", "claim", "article_id", "headline", "stance", "source"}
        if not need <= set(reader.fieldnames or ()):
            raise InputError(path, f"not an Emergent CSV: needs columns {sorted(need)}")
        rows = []
        for i, r in enumerate(reader, start=2):
            if r["stance"] not in LABELS:
                raise InputError(path, f"unknown stance {r['stance']!r}", line=i)
            rows.append(EmergentRow(*(r[k] for k in ("claim_id", "claim", "article_id",
                                                      "headline", "stance", "source"))))
    return rows


@dataclass
class EmergentScore:
    """Accuracy, macro-F1, per-label F1 and the confusion matrix (gold -> predicted)."""

    n: int
    accuracy: float
    macro_f1: float
    f1: dict
    confusion: dict
    predictions: list

    def format(self) -> str:
        """A plain-text report: accuracy, macro-F1, per-label F1, confusion matrix."""
        lines = [f"headlines  {self.n}", f"accuracy   {self.accuracy:.3f}",
                 f"macro-F1   {self.macro_f1:.3f}",
                 "F1         " + "  ".join(f"{k} {v:.3f}" for k, v in self.f1.items())]
        lines += confusion_lines(self.confusion, LABELS)
        return "\n".join(lines)


def score_predictions(gold: Sequence[str], predicted: Sequence[str]) -> EmergentScore:
    """Score predicted labels against gold ones.

    >>> s = score_predictions(["for", "against", "observing"], ["for", "for", "observing"])
    >>> round(s.accuracy, 3), s.confusion["against"]["for"]
    (0.667, 1)
    """
    pairs = Counter(zip(gold, predicted))
    confusion = {g: {p: pairs[(g, p)] for p in LABELS} for g in LABELS}
    f1 = per_label_f1(pairs, LABELS)
    n = len(gold)
    return EmergentScore(n, sum(pairs[(x, x)] for x in LABELS) / max(1, n),
                         sum(f1.values()) / len(LABELS), f1, confusion, list(predicted))


def score(rows: Sequence[EmergentRow], extract: Extract | None = None) -> EmergentScore:
    """Classify every headline through ``extract`` and :func:`headline_stance`; score it.

    ``extract`` defaults to :func:`quotes.extractors.extract` (it needs the NLP models);
    :func:`headline_extract` is the model-free alternative.

    >>> rows = [EmergentRow("c", "Banksy was arrested", "a1", "Banksy not arrested", "against", "x.com")]
    >>> score(rows, extract=lambda art: []).accuracy
    1.0
    """
    arts = [Article(r.article_id, r.headline, publisher=r.source, title=r.headline) for r in rows]
    if extract is None:
        from quotes.extractors import extract_many  # needs the NLP models; batched
        # headline patterns the parser has not seen ("... : report") back the parse up
        results = ((a, atts or headline_extract(a)) for a, atts in extract_many(arts, batch=64))
    else:
        results = ((a, extract(a)) for a in arts)
    predicted = [headline_stance(art, atts, r.claim) for r, (art, atts) in zip(rows, results)]
    return score_predictions([r.stance for r in rows], predicted)


def evaluate_emergent(path, extract: Extract | None = None, limit: int | None = None) -> str:
    """Score an Emergent CSV and return the printable report (``quotes eval emergent``).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "e.csv"
    >>> _ = p.write_text("claim_id,claim,article_id,headline,stance,source\\n"
    ...                  "c,C,a,Banksy arrested,for,x.com\\n")
    >>> print(evaluate_emergent(p, extract=headline_extract).splitlines()[1])
    accuracy   1.000
    """
    rows = read_emergent(path)
    return score(rows[:limit] if limit else rows, extract).format()
