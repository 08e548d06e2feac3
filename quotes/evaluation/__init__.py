"""Scoring against annotated corpora: PolNeAR (attributions) and Emergent (headline stance).

>>> DATASETS
('polnear', 'emergent')
"""

from __future__ import annotations

#: The datasets ``quotes eval`` scores against.
DATASETS = ("polnear", "emergent")
#: Worker processes for a PolNeAR evaluation unless told otherwise.
WORKERS = 2


def evaluate(dataset: str, path: str, *, workers: int = WORKERS, models: str | None = None,
             limit: int | None = None) -> str:
    """The printable report of one evaluation (``quotes eval DATASET PATH``).

    >>> evaluate("fnc", "x")
    Traceback (most recent call last):
    ...
    ValueError: unknown dataset 'fnc'; expected one of polnear, emergent
    """
    if dataset == "polnear":
        from quotes.evaluation.polnear import evaluate_polnear
        return evaluate_polnear(path, workers=workers, models=models, limit=limit).format()
    if dataset == "emergent":
        from quotes.evaluation.emergent import evaluate_emergent
        return evaluate_emergent(path, limit=limit)
    raise ValueError(f"unknown dataset {dataset!r}; expected one of {', '.join(DATASETS)}")
