"""FNC-1 scorer (``quotes eval fnc DIR``): does each article body agree with, disagree with,
discuss, or not concern its headline's claim?

Each pair is judged by :func:`quotes.claims.stance.article_stance` (the headline is the
claim, the body the article, no NLP parse: the word-level path), and the claim stances map
onto FNC-1's labels: ``supports`` -> agree, ``denies`` -> disagree, ``reports`` and
``cannot_confirm`` -> discuss, ``unrelated`` -> unrelated.

A folder with ``competition_test_stances.csv`` and ``competition_test_bodies.csv`` is
scored whole. A folder with the training files (``train_stances.csv``,
``train_bodies.csv``) is scored on one part of the split file (``data/fnc1_split.tsv``:
one fifth of the headlines held out, chosen by :func:`make_split`), by default the
held-out part.

The FNC-1 score: +0.25 for each pair whose related/unrelated decision is right, +0.75 more
for each related pair whose label is right, as a share of the maximum.

>>> s = score_fnc(["agree", "unrelated", "discuss"], ["agree", "unrelated", "agree"])
>>> round(s.fnc_score, 3), s.related_accuracy
(0.667, 1.0)
"""

from __future__ import annotations

import csv
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from quotes.claims.stance import article_stance
from quotes.errors import InputError
from quotes.evaluation import FNC_PARTS as PARTS
from quotes.types import CANNOT_CONFIRM, DENIES, REPORTS, SUPPORTS, UNRELATED, Article
from quotes.evaluation.scores import confusion_lines, per_label_f1

AGREE, DISAGREE, DISCUSS = "agree", "disagree", "discuss"
LABELS = (AGREE, DISAGREE, DISCUSS, UNRELATED)
#: Claim stances as FNC-1 labels.
FNC_LABEL = {SUPPORTS: AGREE, DENIES: DISAGREE, REPORTS: DISCUSS, CANNOT_CONFIRM: DISCUSS, UNRELATED: UNRELATED}
#: The split file shipped with the repository (headline -> train | heldout).
SPLIT_FILE = Path(__file__).resolve().parents[2] / "data" / "fnc1_split.tsv"
SPLIT_SEED = 2017
HELDOUT_SHARE = 0.2


csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True)
class FncPair:
    headline: str
    body_id: str
    stance: str


def _read_csv(path: Path, need: set[str]) -> list[dict]:
    if not path.is_file():
        raise InputError(path, "file not found")
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        cols = set(reader.fieldnames or ())
        if not need <= cols:
            raise InputError(path, f"not an FNC-1 file: needs columns {sorted(need)}, has {sorted(cols)}")
        return list(reader)


def read_fnc(folder) -> tuple[list[FncPair], dict[str, str], bool]:
    """The pairs and bodies of an FNC-1 folder, and whether they are the competition test.

    Competition test files are used whole when present; otherwise the training files.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "not a folder (expected one holding FNC-1's *_stances.csv and *_bodies.csv)")
    test = (folder / "competition_test_stances.csv").is_file()
    prefix = "competition_test" if test else "train"
    bodies = {r["Body ID"]: r["articleBody"]
              for r in _read_csv(folder / f"{prefix}_bodies.csv", {"Body ID", "articleBody"})}
    pairs = []
    path = folder / f"{prefix}_stances.csv"
    for i, r in enumerate(_read_csv(path, {"Headline", "Body ID", "Stance"}), start=2):
        if r["Stance"] not in LABELS:
            raise InputError(path, f"unknown stance {r['Stance']!r} (expected one of {', '.join(LABELS)})", line=i)
        if r["Body ID"] not in bodies:
            raise InputError(path, f"body {r['Body ID']!r} is not in {prefix}_bodies.csv", line=i)
        pairs.append(FncPair(r["Headline"], r["Body ID"], r["Stance"]))
    return pairs, bodies, test


def make_split(headlines: Iterable[str], seed: int = SPLIT_SEED, share: float = HELDOUT_SHARE) -> dict[str, str]:
    """Headline -> ``train`` | ``heldout``: a seeded shuffle of the sorted distinct headlines,
    the first ``share`` of them held out.

    >>> s = make_split(["a", "b", "c", "d", "e"])
    >>> sorted(s.values())
    ['heldout', 'train', 'train', 'train', 'train']
    """
    order = sorted(set(headlines))
    random.Random(seed).shuffle(order)
    held = set(order[:round(len(order) * share)])
    return {h: "heldout" if h in held else "train" for h in order}


def read_split(path=SPLIT_FILE) -> dict[str, str]:
    """The split file: ``#`` comment lines, the header ``headline<TAB>split``, then
    ``headline<TAB>train|heldout`` lines (a headline may itself start with ``#``)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "split file not found (give --split-file)")
    split, body = {}, False
    for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not body:
            body = line == "headline\tsplit"
            if body or line.startswith("#"):
                continue
            raise InputError(path, "expected '#' comments, then the header 'headline<TAB>split'", line=i)
        if not line:
            continue
        head, sep, part = line.rpartition("\t")
        if not sep or part not in ("train", "heldout"):
            raise InputError(path, "expected 'headline<TAB>train|heldout'", line=i)
        split[head] = part
    return split


def select(pairs: Sequence[FncPair], split: dict[str, str], part: str) -> list[FncPair]:
    """The pairs of one part of the split (``all``: every pair)."""
    if part == "all":
        return list(pairs)
    missing = {p.headline for p in pairs} - split.keys()
    if missing:
        raise InputError("split file", f"{len(missing)} headlines are not in the split file, "
                                       f"e.g. {next(iter(missing))!r}")
    return [p for p in pairs if split[p.headline] == part]


@dataclass
class FncScore:
    """FNC-1 score, related/unrelated accuracy, per-label F1, macro-F1, confusion (gold -> predicted)."""

    n: int
    fnc_score: float
    related_accuracy: float
    accuracy: float
    f1: dict
    macro_f1: float
    confusion: dict
    predictions: list = field(default_factory=list, repr=False)
    note: str = ""

    def format(self) -> str:
        lines = ([self.note] if self.note else []) + [
            f"pairs              {self.n}",
            f"FNC-1 score        {self.fnc_score:.3f}  (share of the maximum)",
            f"related accuracy   {self.related_accuracy:.3f}",
            f"accuracy           {self.accuracy:.3f}",
            f"macro-F1           {self.macro_f1:.3f}",
            "F1                 " + "  ".join(f"{k} {v:.3f}" for k, v in self.f1.items())]
        lines += confusion_lines(self.confusion, LABELS)
        return "\n".join(lines)


def score_fnc(gold: Sequence[str], predicted: Sequence[str], note: str = "") -> FncScore:
    """Score FNC-1 labels.

    >>> s = score_fnc(["disagree", "unrelated"], ["discuss", "agree"])
    >>> s.fnc_score, s.f1["disagree"]
    (0.2, 0.0)
    """
    pairs = Counter(zip(gold, predicted))
    got = best = 0.0
    for (g, p), k in pairs.items():
        best += k * (0.25 if g == UNRELATED else 1.0)
        if (g == UNRELATED) == (p == UNRELATED):
            got += k * 0.25
            if g != UNRELATED and g == p:
                got += k * 0.75
    f1 = per_label_f1(pairs, LABELS)
    n = len(gold)
    rel_ok = sum(k for (g, p), k in pairs.items() if (g == UNRELATED) == (p == UNRELATED))
    return FncScore(n, got / best if best else 0.0, rel_ok / max(1, n),
                    sum(pairs[(x, x)] for x in LABELS) / max(1, n), f1, sum(f1.values()) / len(LABELS),
                    {g: {p: pairs[(g, p)] for p in LABELS} for g in LABELS}, list(predicted), note)


_BODIES: dict[str, str] = {}


def _init(bodies: dict[str, str]) -> None:
    _BODIES.update(bodies)


def _label(job: tuple[str, str]) -> str:
    headline, body_id = job
    return FNC_LABEL[article_stance(headline, Article(body_id, _BODIES[body_id]), ()).label]


def predict(pairs: Sequence[FncPair], bodies: dict[str, str], workers: int = 1) -> list[str]:
    """FNC-1 labels for ``pairs`` through :func:`article_stance` (word-level path), in
    ``workers`` processes; a body's pairs go together so its sentences are read once."""
    jobs = [(p.headline, p.body_id) for p in pairs]
    order = sorted(range(len(jobs)), key=lambda i: jobs[i][1])
    if workers > 1 and len(jobs) > 1:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(workers, initializer=_init, initargs=(bodies,)) as pool:
            labels = list(pool.map(_label, [jobs[i] for i in order], chunksize=64))
    else:
        _init(bodies)
        labels = [_label(jobs[i]) for i in order]
    out = [""] * len(jobs)
    for i, lab in zip(order, labels):
        out[i] = lab
    return out


def evaluate_fnc(folder, part: str = "heldout", split_file=None, limit: int | None = None,
                 workers: int = 1) -> FncScore:
    """Score an FNC-1 folder (``quotes eval fnc``): competition test files whole, else the
    ``part`` of the training pairs named by the split file."""
    if part not in PARTS:
        raise InputError("--part", f"expected one of {', '.join(PARTS)}")
    pairs, bodies, test = read_fnc(folder)
    if test:
        note = "competition test files, scored whole"
    else:
        pairs = select(pairs, read_split(split_file or SPLIT_FILE), part)
        note = f"training files, {part} part of the split ({'by headline' if part != 'all' else 'every pair'})"
    pairs = pairs[:limit] if limit else pairs
    return score_fnc([p.stance for p in pairs], predict(pairs, bodies, workers), note)
