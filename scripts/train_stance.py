"""Train the stance model (quotes/lexicons/stance_model.json) on the FNC-1 training pairs.

Two logistic regressions over the readable features of quotes.claims.stance_features:
one decides whether a body is about the headline's claim (related), the other its stance
(supports / denies / reports = FNC-1 agree / disagree / discuss) on the related pairs.
Only the ``train`` part of the split file is read (the ``heldout`` fifth of the headlines
is for reporting, never for training); the cross-validated figures printed are by headline
within that part.

    pip install -e '.[train]'          # scikit-learn
    python scripts/train_stance.py PATH/TO/fnc-1 [--cv] [-j 2]

FNC-1 (github.com/FakeNewsChallenge/fnc-1) is derived from the Emergent data set
(Ferreira & Vlachos, NAACL 2016); see the README for its licence.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.claims.stance_features import (  # noqa: E402
    FEATURES, article_features, judge_sentences, measure_relatedness,
)
from quotes.claims.stance_model import MODEL_FILE  # noqa: E402
from quotes.evaluation.fnc import (  # noqa: E402
    FNC_LABEL, SPLIT_FILE, read_fnc, read_split, score_fnc, select,
)
from quotes.types import DENIES, REPORTS, SUPPORTS, Article  # noqa: E402

#: The relatedness model weighs every feature (the stance words help tell a story's
#: articles from the rest); the stance model too (chosen by 5-fold cross-validation by
#: headline on the train part, against the measures and cue counts without ``body:``).
RELATED_FEATURES = FEATURES
STANCE_FEATURES = FEATURES
CLASSES = (SUPPORTS, DENIES, REPORTS)
GOLD = {"agree": SUPPORTS, "disagree": DENIES, "discuss": REPORTS}
#: L2 regularisation strength (sklearn's C).
C = 1.0
#: Class weights of the stance model: disagreeing bodies are one related pair in twelve;
#: weighing them up (less than "balanced" would) trades some discuss precision for them.
CLASS_WEIGHT = {SUPPORTS: 1.5, DENIES: 3.0, REPORTS: 1.0}
#: One unrelated pair in this many is used (they are three in four, and alike); each
#: counts this many times in the relatedness model, so its prior is the data's.
UNRELATED_SAMPLE = 3
SEED = 13

_BODIES: dict[str, str] = {}


def _init(bodies):
    _BODIES.update(bodies)


def _features(job: tuple[str, str]) -> list[float]:
    headline, body_id = job
    art = Article(body_id, _BODIES[body_id])
    f = article_features(headline, judge_sentences(headline, art, ()), measure_relatedness(headline, art.text))
    return [f[k] for k in FEATURES]


def features(pairs, bodies, workers: int) -> np.ndarray:
    jobs = [(p.headline, p.body_id) for p in pairs]
    # a body's pairs together, so each worker's caches serve them
    order = sorted(range(len(jobs)), key=lambda i: jobs[i][1])
    rows = []
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(bodies,)) as pool:
        for k, row in enumerate(pool.map(_features, [jobs[i] for i in order], chunksize=64)):
            rows.append(row)
            if k % 2000 == 0:
                print(f"features {k}/{len(jobs)}", file=sys.stderr, flush=True)
    out = np.zeros((len(jobs), len(FEATURES)))
    for i, row in zip(order, rows):
        out[i] = row
    return out


def _cols(names) -> list[int]:
    return [FEATURES.index(f) for f in names]


def _fit(X, y, class_weight=None, weight=None):
    from sklearn.linear_model import LogisticRegression
    mean, std = X.mean(axis=0), X.std(axis=0)
    std[std == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=3000, class_weight=class_weight)
    model.fit((X - mean) / std, y, sample_weight=weight)
    return model, mean, std


def fit(X: np.ndarray, gold: list[str]):
    """(related model, stance model) as (sklearn model, mean, std) triples."""
    rel_cols = _cols(RELATED_FEATURES)
    related = np.array([g != "unrelated" for g in gold])
    rel = _fit(X[:, rel_cols], related, weight=np.where(related, 1.0, float(UNRELATED_SAMPLE)))
    y = np.array([GOLD[g] for g in gold if g != "unrelated"])
    stance = _fit(X[related][:, _cols(STANCE_FEATURES)], y, class_weight=CLASS_WEIGHT)
    return rel, stance


def predict(models, X: np.ndarray) -> list[str]:
    (rm, rmean, rstd), (sm, smean, sstd) = models
    is_rel = rm.predict((X[:, _cols(RELATED_FEATURES)] - rmean) / rstd)
    stance = sm.predict((X[:, _cols(STANCE_FEATURES)] - smean) / sstd)
    return [FNC_LABEL[s] if r else "unrelated" for r, s in zip(is_rel, stance)]


def cross_validate(X, gold, groups, folds: int = 5) -> None:
    from sklearn.model_selection import GroupKFold
    pred = [""] * len(gold)
    for tr, te in GroupKFold(n_splits=folds).split(X, gold, groups):
        models = fit(X[tr], [gold[i] for i in tr])
        for i, p in zip(te, predict(models, X[te])):
            pred[i] = p
    # each sampled unrelated pair stands for UNRELATED_SAMPLE of them
    weights = [UNRELATED_SAMPLE if g == "unrelated" else 1 for g in gold]
    gold_w = [g for g, w in zip(gold, weights) for _ in range(w)]
    pred_w = [p for p, w in zip(pred, weights) for _ in range(w)]
    print(score_fnc(gold_w, pred_w, f"{folds}-fold cross-validation by headline, train part "
                                    "(sampled unrelated pairs weighted back)").format())


def to_json(models, n_pairs: int, n_related: int) -> dict:
    (rm, rmean, rstd), (sm, smean, sstd) = models
    # sklearn's binary model has one row; True is its positive class
    rel_w = rm.coef_[0] if rm.classes_[1] else -rm.coef_[0]
    order = [list(sm.classes_).index(c) for c in CLASSES]
    return {
        "about": "Logistic regressions over readable stance features (quotes.claims.stance_features).",
        "trained_on": f"FNC-1 training pairs, train part of data/fnc1_split.tsv ({n_pairs} pairs: "
                      f"{n_related} related, one unrelated in {UNRELATED_SAMPLE}); the held-out fifth "
                      "of the headlines was not used",
        "command": "python scripts/train_stance.py PATH/TO/fnc-1",
        "data_licence": "FNC-1 (github.com/FakeNewsChallenge/fnc-1), derived from Emergent "
                        "(Ferreira & Vlachos 2016); see the README",
        "class_weight": CLASS_WEIGHT,
        "related": {"features": list(RELATED_FEATURES), "mean": rmean.tolist(), "std": rstd.tolist(),
                    "weights": [round(float(w), 5) for w in rel_w], "bias": round(float(rm.intercept_[0]), 5)},
        "sentence_threshold": 0.4,
        "stance": {"classes": list(CLASSES), "features": list(STANCE_FEATURES),
                   "mean": smean.tolist(), "std": sstd.tolist(),
                   "weights": [[round(float(w), 5) for w in sm.coef_[k]] for k in order],
                   "bias": [round(float(sm.intercept_[k]), 5) for k in order]},
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("fnc_dir", help="folder with FNC-1's train_stances.csv and train_bodies.csv")
    ap.add_argument("--split-file", default=str(SPLIT_FILE))
    ap.add_argument("--out", default=str(MODEL_FILE))
    ap.add_argument("--cv", action="store_true", help="also print 5-fold cross-validation by headline")
    ap.add_argument("--cache", help="save/load the feature matrix here (.npy) to iterate on the model")
    ap.add_argument("-j", "--workers", type=int, default=2)
    args = ap.parse_args(argv)
    pairs, bodies, test = read_fnc(args.fnc_dir)
    if test:
        sys.exit("train_stance: refusing to train on competition test files")
    pairs = select(pairs, read_split(args.split_file), "train")
    rng = np.random.default_rng(SEED)
    pairs = [p for p in pairs if p.stance != "unrelated" or rng.integers(UNRELATED_SAMPLE) == 0]
    gold = [p.stance for p in pairs]
    X = np.load(args.cache) if args.cache and Path(args.cache).is_file() else None
    if X is None or X.shape != (len(pairs), len(FEATURES)):  # a cache from other features is stale
        X = features(pairs, bodies, args.workers)
        if args.cache:
            np.save(args.cache, X)
    if args.cv:
        cross_validate(X, gold, [p.headline for p in pairs])
    models = fit(X, gold)
    model = to_json(models, len(pairs), sum(g != "unrelated" for g in gold))
    Path(args.out).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
