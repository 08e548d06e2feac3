"""Scoring against annotated corpora: PolNeAR (attributions), Emergent (headline stance) and
FNC-1 (article stance) and claim grouping on Emergent's claims.

>>> DATASETS
('polnear', 'emergent', 'fnc', 'grouping')
"""

from __future__ import annotations

#: The datasets ``quotes eval`` scores against.
DATASETS = ("polnear", "emergent", "fnc", "grouping")
#: Parts of the FNC-1 split ``quotes eval fnc --part`` scores (the first is the default).
FNC_PARTS = ("heldout", "train", "all")
#: Worker processes for a PolNeAR evaluation unless told otherwise.
WORKERS = 2


def evaluate(dataset: str, path: str, *, workers: int = WORKERS, models: str | None = None,
             limit: int | None = None, part: str = FNC_PARTS[0], split_file: str | None = None) -> str:
    """The printable report of one evaluation (``quotes eval DATASET PATH``).

    ``part`` and ``split_file`` choose the FNC-1 pairs (see :mod:`quotes.evaluation.fnc`).

    >>> evaluate("semeval", "x")
    Traceback (most recent call last):
    ...
    ValueError: unknown dataset 'semeval'; expected one of polnear, emergent, fnc, grouping
    """
    if dataset == "polnear":
        from quotes.evaluation.polnear import evaluate_polnear
        return evaluate_polnear(path, workers=workers, models=models, limit=limit).format()
    if dataset == "emergent":
        from quotes.evaluation.emergent import evaluate_emergent
        return evaluate_emergent(path, limit=limit)
    if dataset == "fnc":
        from quotes.evaluation.fnc import evaluate_fnc
        return evaluate_fnc(path, part=part, split_file=split_file, limit=limit, workers=workers).format()
    if dataset == "grouping":
        from quotes.evaluation.grouping import evaluate_grouping
        return evaluate_grouping(path, limit=limit).format()
    raise ValueError(f"unknown dataset {dataset!r}; expected one of {', '.join(DATASETS)}")
