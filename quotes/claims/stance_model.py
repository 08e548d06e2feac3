"""The learned part of the stance judgement: two small logistic regressions over the readable
features of :mod:`quotes.claims.stance_features`, applied with plain arithmetic.

The weights are data, ``quotes/lexicons/stance_model.json`` (with the training data,
command and licence recorded in it); ``scripts/train_stance.py`` writes it. Every decision
comes with the features that weighed most, so a person can check it.

>>> m = load_model()
>>> p, why = m.related({f: 0.0 for f in m.related_features} | {"cover": 1.0, "best_cover": 1.0})
>>> p > 0.5
True
>>> label, p, why = m.stance({f: 0.0 for f in m.stance_features} | {"share_denies": 1.0, "denial_about": 1.0})
>>> label
'denies'
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from quotes.errors import InputError

MODEL_FILE = Path(__file__).resolve().parent.parent / "lexicons" / "stance_model.json"
#: Features named in a decision's explanation.
EXPLAIN_TOP = 3


@dataclass(frozen=True)
class Linear:
    """Standardised linear scores: one weight row per class (one row for a binary model)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    std: tuple[float, ...]
    weights: tuple[tuple[float, ...], ...]
    bias: tuple[float, ...]

    def z(self, feats: dict[str, float]) -> list[float]:
        # a feature the text lacks (a word list entry added since training) weighs nothing
        return [(feats.get(f, m) - m) / (s or 1.0) for f, m, s in zip(self.features, self.mean, self.std)]

    def scores(self, z: list[float]) -> list[float]:
        return [b + sum(w * x for w, x in zip(row, z)) for row, b in zip(self.weights, self.bias)]

    def explain(self, feats: dict[str, float], z: list[float], row: int, against: list[int]) -> str:
        """The features that pushed class ``row`` up (or down) most against ``against``."""
        contrib = []
        for k, f in enumerate(self.features):
            w = self.weights[row][k] - (sum(self.weights[j][k] for j in against) / len(against) if against else 0)
            contrib.append((w * z[k], f))
        top = sorted(contrib, key=lambda c: -abs(c[0]))[:EXPLAIN_TOP]
        return ", ".join(f"{f}={feats.get(f, 0.0):.2f} ({c:+.2f})" for c, f in top)


@dataclass(frozen=True)
class StanceModel:
    related_model: Linear
    stance_model: Linear
    classes: tuple[str, ...]
    sentence_threshold: float
    info: dict

    @property
    def related_features(self) -> tuple[str, ...]:
        return self.related_model.features

    @property
    def stance_features(self) -> tuple[str, ...]:
        return self.stance_model.features

    def related(self, feats: dict[str, float]) -> tuple[float, str]:
        """Probability that the article is about the claim, and why."""
        z = self.related_model.z(feats)
        s = self.related_model.scores(z)[0]
        return 1 / (1 + math.exp(-s)), self.related_model.explain(feats, z, 0, [])

    def related_sentence(self, rel) -> bool:
        """Whether a one-sentence text (a headline) is about the claim."""
        return rel.best >= self.sentence_threshold

    def stance(self, feats: dict[str, float]) -> tuple[str, float, str]:
        """The most probable stance, its probability, and the features behind it."""
        z = self.stance_model.z(feats)
        s = self.stance_model.scores(z)
        top = max(s)
        exp = [math.exp(x - top) for x in s]
        best = s.index(top)
        others = [j for j in range(len(s)) if j != best]
        return self.classes[best], exp[best] / sum(exp), self.stance_model.explain(feats, z, best, others)


def _linear(d: dict, where: str) -> Linear:
    try:
        feats = tuple(d["features"])
        rows = d["weights"] if isinstance(d["weights"][0], list) else [d["weights"]]
        weights = tuple(tuple(float(x) for x in row) for row in rows)
        bias = d["bias"]
        bias = tuple(float(b) for b in (bias if isinstance(bias, list) else [bias]))
        lin = Linear(feats, tuple(float(x) for x in d.get("mean", [0.0] * len(feats))),
                     tuple(float(x) for x in d.get("std", [1.0] * len(feats))), weights, bias)
    except (KeyError, TypeError, ValueError, IndexError) as err:
        raise InputError(where, f"not a stance model: {err}") from None
    if any(len(r) != len(feats) for r in weights) or len(bias) != len(weights):
        raise InputError(where, "not a stance model: weights do not match the features")
    return lin


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> StanceModel:
    """The stance model in ``path`` (default: the built-in ``stance_model.json``)."""
    where = Path(path) if path else MODEL_FILE
    try:
        d = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise InputError(where, f"cannot read the stance model: {err}") from None
    return StanceModel(_linear(d["related"], str(where)), _linear(d["stance"], str(where)),
                       tuple(d["stance"]["classes"]), float(d.get("sentence_threshold", 0.5)),
                       {k: v for k, v in d.items() if k not in ("related", "stance")})
