"""Checkpoint weight averaging for the tagger: average the best checkpoint with the ones before it.

Trained with ``--save_each``, stanza's tagger writes ``<save_dir>/en_ewt_glove50_tagger_%05d.pt``
at every dev evaluation besides its best model ``en_ewt_glove50_tagger.pt``. After the ``pos``
stage the build averages the weights of the best checkpoint and its n-1 predecessors for each n
in ``settings.AVERAGE_WINDOWS``, scores every candidate on the dev file with stanza's tagger
in predict mode (AllTags, the score stanza's own early stop selects on) and keeps the best one as
the tagger. n=1 is the model stanza kept, so averaging replaces it only when it scores better
on dev. The candidates' scores go to ``<work>/logs/average.log`` and ``<work>/average.json``
(the model card quotes the choice).

Rerun on its own (after changing the window sizes) with
``python -m quotes.models.build --stage average``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from quotes.errors import ModelError
from quotes.nlp.settings import AVERAGE_WINDOWS, MODEL_FILES, SHORT

#: stanza's line after each dev evaluation while training a tagger.
STEP_LINE = re.compile(r"step (\d+): train_loss = \S+, dev_score = ([\d.]+)")
#: stanza's tagger scores: a header line, then the numbers on the next line.
SCORE_HEADER = re.compile(r"UPOS\s+XPOS\s+UFeats\s+AllTags\s*\n"
                          r"(?:[^\n]*: )?([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)")


def checkpoint_steps(save_dir: Path, save_name: str) -> dict[int, Path]:
    """The per-step checkpoints stanza's ``--save_each`` wrote for ``save_name``, in step order.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for n in ("m_00500.pt", "m_00250.pt", "m.pt", "m_avg.pt", "other_00250.pt"):
    ...     _ = (d / n).write_bytes(b"")
    >>> {step: p.name for step, p in checkpoint_steps(d, "m.pt").items()}
    {250: 'm_00250.pt', 500: 'm_00500.pt'}
    """
    stem, suffix = os.path.splitext(save_name)
    pattern = re.compile(re.escape(stem) + r"_(\d{5,})" + re.escape(suffix))
    found = {}
    for path in Path(save_dir).glob(f"{stem}_*{suffix}"):
        m = pattern.fullmatch(path.name)
        if m:
            found[int(m.group(1))] = path
    return dict(sorted(found.items()))


def windows(steps: Sequence[int], best_step: int, sizes: Iterable[int]) -> list[tuple[int, ...]]:
    """For each n in ``sizes``, the n consecutive steps of ``steps`` ending at ``best_step``;
    a size larger than the steps up to ``best_step`` is skipped, as is everything when
    ``best_step`` is not among ``steps``.

    >>> windows([250, 500, 750, 1000], 750, (1, 2, 3, 4))
    [(750,), (500, 750), (250, 500, 750)]
    """
    ordered = sorted(steps)
    if best_step not in ordered:
        return []
    upto = ordered[:ordered.index(best_step) + 1]
    return [tuple(upto[-n:]) for n in sizes if 0 < n <= len(upto)]


def dev_scores(log: str) -> dict[int, float]:
    """Dev score per step from stanza's tagger training log, for the last training run in it
    (a run starts again where the step count goes down: the build appends to its logs).

    >>> dev_scores("step 250: train_loss = 7.2, dev_score = 0.7396\\n"
    ...            "step 500: train_loss = 4.2, dev_score = 0.8339\\n"
    ...            "step 250: train_loss = 7.0, dev_score = 0.7400\\n")
    {250: 0.74}
    """
    scores: dict[int, float] = {}
    for m in STEP_LINE.finditer(log):
        step = int(m.group(1))
        if scores and step <= max(scores):
            scores = {}
        scores[step] = float(m.group(2))
    return scores


def best_step(scores: dict[int, float]) -> int | None:
    """The step of the best dev score; on a tie the earliest, as stanza keeps the first best model.

    >>> best_step({250: 0.80, 500: 0.85, 750: 0.85, 1000: 0.84})
    500
    """
    if not scores:
        return None
    top = max(scores.values())
    return min(step for step, score in scores.items() if score == top)


def alltags(log: str) -> float | None:
    """The AllTags score (percent) of the last score table stanza's tagger printed.

    >>> alltags("2026-11-30 11:33:01 INFO: UPOS\\tXPOS\\tUFeats\\tAllTags\\n"
    ...         "2026-11-30 11:33:01 INFO: 87.09\\t84.23\\t81.32\\t73.96\\n")
    73.96
    """
    hits = SCORE_HEADER.findall(log)
    return float(hits[-1][3]) if hits else None


def average_weights(paths: Sequence[Path], out: Path) -> Path:
    """Average the model weights of stanza checkpoints into ``out``.

    Every floating-point tensor of ``ck["model"]`` is averaged over the files (in float32, then
    stored in the first file's dtype); everything else (integer tensors, vocab, config, ...) is
    kept from the first file. Raises :class:`ModelError` for an empty list, a missing file or
    files whose model entries differ in names or shapes (naming the file).
    """
    import torch

    if not paths:
        raise ModelError("no checkpoints to average")
    first = _load(paths[0])
    model = first["model"]
    sums = {k: v.float().clone() for k, v in model.items() if _is_float(v)}
    for path in paths[1:]:
        other = _load(path)["model"]
        _check_same(model, other, paths[0], path)
        for k in sums:
            sums[k] += other[k].float()
    for k, total in sums.items():
        model[k] = (total / len(paths)).to(model[k].dtype)
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(first, out)
    return out


def _is_float(value) -> bool:
    import torch
    return torch.is_tensor(value) and value.is_floating_point()


def _load(path: Path) -> dict:
    """A stanza checkpoint (a dict with a ``model`` state dict), or a ModelError naming the file."""
    import torch

    if not Path(path).is_file():
        raise ModelError(f"{path}: checkpoint not found")
    try:
        ck = torch.load(path, map_location="cpu", weights_only=False)
    except Exception as err:  # torch raises many types for a file that is no checkpoint
        raise ModelError(f"{path}: cannot be read as a checkpoint ({err})") from err
    if not isinstance(ck, dict) or not isinstance(ck.get("model"), dict):
        raise ModelError(f"{path}: not a stanza checkpoint (no 'model' state dict)")
    return ck


def _check_same(model: dict, other: dict, first: Path, path: Path) -> None:
    """Raise ModelError unless ``other`` has the same entries and tensor shapes as ``model``."""
    if set(model) != set(other):
        diff = sorted(set(model) ^ set(other))
        raise ModelError(f"{path}: model entries differ from {first}'s ({', '.join(diff[:3])})")
    for k, v in model.items():
        if _is_float(v) and (not _is_float(other[k]) or other[k].shape != v.shape):
            shape = tuple(getattr(other[k], "shape", ()))
            raise ModelError(f"{path}: {k} has shape {shape}, {first} has {tuple(v.shape)}")


def tagger_dev_score(model: Path, work: Path, threads: int) -> float:
    """AllTags on the EWT dev file of a tagger checkpoint, by stanza's tagger in predict mode
    (the command the build's ``retag`` stage runs); its output goes to ``<work>/logs/average.log``."""
    cmd = [sys.executable, "-m", "stanza.models.tagger", "--mode", "predict",
           "--eval_file", str(work / "data" / "pos" / f"{SHORT}.dev.in.conllu"),
           "--save_dir", str(model.parent), "--save_name", model.name, "--shorthand", SHORT,
           "--wordvec_pretrain_file", str(work / "models" / MODEL_FILES["pretrain"]), "--cpu", "--lang", "en"]
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    log = work / "logs" / "average.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "a", encoding="utf-8") as fh:
        fh.write(f"\n$ {' '.join(cmd)}\n{proc.stdout}{proc.stderr}")
    score = alltags(proc.stdout + proc.stderr)
    if proc.returncode or score is None:
        raise ModelError(f"scoring {model} on dev failed (exit {proc.returncode}): see {log}")
    return score


def average_best(work: Path, threads: int = 1, sizes: Iterable[int] = AVERAGE_WINDOWS,
                 prune: bool = False) -> dict | None:
    """Replace the trained tagger ``<work>/models/<pos model>`` by the best-scoring average of
    its best checkpoint with up to n-1 preceding ones (n in ``sizes``; n=1, the model stanza
    kept, is always a candidate), scored on dev. The best step is read from
    ``<work>/logs/pos.log``. Per-step checkpoints are kept unless ``prune`` (about 8 MB each).
    Returns the choice (also written to ``<work>/average.json``), or None when there is nothing
    to average (no per-step checkpoint of the best step: trained without ``--save_each``).
    """
    models, name = work / "models", MODEL_FILES["pos"]
    log = work / "logs" / "pos.log"
    scores = dev_scores(log.read_text(errors="replace")) if log.exists() else {}
    files = checkpoint_steps(models, name)
    best = best_step(scores)
    cands = windows([s for s in scores if s in files], best, sorted({1, *sizes})) if best is not None else []
    if not cands:
        print(f"[average] no per-step checkpoint of the best dev step in {models}: keeping {name}", flush=True)
        return None
    results = []
    for steps in cands:
        path = files[steps[0]] if len(steps) == 1 else \
            average_weights([files[s] for s in steps], models / "averages" / f"{Path(name).stem}_avg{len(steps)}.pt")
        dev = tagger_dev_score(path, work, threads)
        print(f"[average] n={len(steps)} (steps {steps[0]}-{steps[-1]}): dev AllTags {dev:.2f}", flush=True)
        results.append({"n": len(steps), "steps": list(steps), "dev_alltags": dev, "path": path})
    chosen = max(results, key=lambda r: (r["dev_alltags"], -r["n"]))  # a tie keeps the smaller window
    shutil.copy2(chosen["path"], models / name)
    print(f"[average] kept n={chosen['n']} as {models / name}", flush=True)
    summary = {"best_step": best, "kept": chosen["n"],
               "candidates": [{k: v for k, v in r.items() if k != "path"} for r in results]}
    (work / "average.json").write_text(json.dumps(summary, indent=1) + "\n")
    if prune:
        for path in files.values():
            path.unlink()
        shutil.rmtree(models / "averages", ignore_errors=True)
    return summary
