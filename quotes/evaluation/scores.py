"""Scores shared by the evaluations: per-label F1 from a confusion count, and the
confusion matrix as printed lines.

>>> from collections import Counter
>>> f1 = per_label_f1(Counter({("a", "a"): 2, ("a", "b"): 1, ("b", "b"): 1}), ("a", "b"))
>>> round(f1["a"], 3), round(f1["b"], 3)
(0.8, 0.667)
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence


def per_label_f1(pairs: Counter, labels: Sequence[str]) -> dict[str, float]:
    """F1 of each label, from counts of ``(gold, predicted)`` pairs (0.0 where undefined)."""
    f1 = {}
    for lab in labels:
        tp = pairs[(lab, lab)]
        prec = tp / max(1, sum(pairs[(g, lab)] for g in labels))
        rec = tp / max(1, sum(pairs[(lab, p)] for p in labels))
        f1[lab] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return f1


def confusion_lines(confusion: dict[str, dict[str, int]], labels: Sequence[str]) -> list[str]:
    """A blank line, then the confusion matrix (gold rows, predicted columns) as text.

    >>> print("\\n".join(confusion_lines({"a": {"a": 2, "b": 1}, "b": {"a": 0, "b": 1}}, ("a", "b"))))
    <BLANKLINE>
    gold \\ predicted           a          b
    a                          2          1
    b                          0          1
    """
    lines = ["", "gold \\ predicted " + "".join(f"{p:>11}" for p in labels)]
    for g in labels:
        lines.append(f"{g:<17}" + "".join(f"{confusion[g][p]:>11}" for p in labels))
    return lines
