"""Claim grouping scored on Emergent: do headlines about one claim end up in one claim?

Every headline of the Emergent CSV is one statement by its source (the publishing site),
as an article of one sentence. :func:`quotes.claims.group.group_claims` groups them; the
dataset's ``claim_id`` is the gold cluster. The score is B-cubed (Bagga and Baldwin
1998): for each headline, precision is the share of its predicted cluster that shares its
gold claim, recall the share of its gold claim found in its predicted cluster; both are
averaged over headlines and F1 is their harmonic mean.

>>> bcubed({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "x"})
(1.0, 0.5555555555555555, 0.7142857142857143)
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Hashable, Mapping

from quotes.claims.group import group_claims
from quotes.evaluation.emergent import read_emergent
from quotes.types import OWN_VOICE, OUTLET, Attribution, Speaker


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]
           ) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against gold."""
    pred_sets: dict[Hashable, set[str]] = defaultdict(set)
    gold_sets: dict[Hashable, set[str]] = defaultdict(set)
    for item in gold:
        pred_sets[predicted[item]].add(item)
        gold_sets[gold[item]].add(item)
    p = r = 0.0
    for item in gold:
        mine, truth = pred_sets[predicted[item]], gold_sets[gold[item]]
        both = len(mine & truth)
        p += both / len(mine)
        r += both / len(truth)
    n = max(len(gold), 1)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class GroupingScore:
    headlines: int
    gold_claims: int
    predicted_claims: int
    precision: float
    recall: float
    f1: float
    seconds: float

    def format(self) -> str:
        return (f"claim grouping on {self.headlines} headlines ({self.gold_claims} gold claims): "
                f"{self.predicted_claims} claims predicted\n"
                f"B-cubed precision {self.precision:.3f}  recall {self.recall:.3f}  "
                f"F1 {self.f1:.3f}  ({self.seconds:.2f} s)")


def evaluate_grouping(path, limit: int | None = None) -> GroupingScore:
    """Group the headlines of an Emergent CSV and score the claims with B-cubed.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "e.csv"
    >>> _ = p.write_text("claim_id,claim,claim_truth,article_id,headline,stance,source,url\\n"
    ...     "1,c,true,a1,Putin's visit to Turkey postponed,for,x.com,u\\n"
    ...     "1,c,true,a2,Putin's trip to Turkey delayed,for,y.com,u\\n"
    ...     "2,c,true,a3,Banksy arrested in London,for,z.com,u\\n")
    >>> s = evaluate_grouping(p); (s.predicted_claims, s.f1)
    (2, 1.0)
    """
    rows = read_emergent(path)[:limit]
    statements = [Attribution(f"h{i}", OWN_VOICE, r.headline, 0, len(r.headline), None, "asserts",
                              Speaker(r.source, r.source, OUTLET))
                  for i, r in enumerate(rows)]
    t0 = time.perf_counter()
    claims = group_claims(statements, {a.doc: a.speaker.name for a in statements})
    seconds = time.perf_counter() - t0
    predicted = {a.doc: c.id for c in claims for a in c.statements}
    gold = {f"h{i}": r.claim_id for i, r in enumerate(rows)}
    p, r, f = bcubed(predicted, gold)
    return GroupingScore(len(rows), len(set(gold.values())), len(claims), p, r, f, seconds)
