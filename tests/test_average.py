"""Checkpoint weight averaging of the tagger (quotes.models.average): no training, tiny
synthetic checkpoints made with torch, stanza's dev scoring replaced by a table."""

from __future__ import annotations

import json
import re

import pytest

from quotes.errors import ModelError
from quotes.models import average
from quotes.models.average import (alltags, average_best, average_weights, best_step, checkpoint_steps,
                                   dev_scores, windows)
from quotes.models.card import stage_line
from quotes.nlp.settings import AVERAGE_WINDOWS, MODEL_FILES, STAGE_ARGS

torch = pytest.importorskip("torch")


@pytest.mark.parametrize("steps, best, sizes, expected", [
    ([250, 500, 750, 1000], 750, (1, 2, 3, 4), [(750,), (500, 750), (250, 500, 750)]),
    ([250, 500, 750, 1000], 1000, (1, 4), [(1000,), (250, 500, 750, 1000)]),
    ([1000, 250, 750, 500], 500, (2,), [(250, 500)]),            # any order in, step order out
    ([250, 500], 250, (1, 2, 3), [(250,)]),                      # n past the first step: skipped
    ([250, 500], 750, (1, 2), []),                               # best step not saved
    ([], 250, (1, 2), []),
    ([250, 500, 750], 750, (0, 3), [(250, 500, 750)]),           # n=0 means nothing
])
def test_windows(steps, best, sizes, expected):
    assert windows(steps, best, sizes) == expected


@pytest.mark.parametrize("names, expected", [
    (["t_00250.pt", "t_01000.pt", "t_00500.pt"], [250, 500, 1000]),
    (["t.pt", "t_avg2.pt", "t_0250.pt", "t_00250.pt.tmp", "u_00250.pt"], []),   # not per-step files
    (["t_00000.pt", "t_12500.pt", "t_123456.pt"], [0, 12500, 123456]),
])
def test_checkpoint_steps(tmp_path, names, expected):
    for name in names:
        (tmp_path / name).write_bytes(b"")
    found = checkpoint_steps(tmp_path, "t.pt")
    assert list(found) == expected
    assert all(found[s] == tmp_path / f"t_{s:05d}.pt" for s in expected)


LOG = """\
2026-11-30 11:33:01 INFO: UPOS\tXPOS\tUFeats\tAllTags
2026-11-30 11:33:01 INFO: 87.09\t84.23\t81.32\t73.96
2026-11-30 11:33:01 INFO: step 250: train_loss = 7.282633, dev_score = 0.7396
2026-11-30 11:41:38 INFO: step 500: train_loss = 4.234142, dev_score = 0.8339
2026-11-30 11:49:00 INFO: step 750: train_loss = 3.774717, dev_score = 0.8339
2026-11-30 11:55:27 INFO: step 1000: train_loss = 3.576223, dev_score = 0.8101
"""


@pytest.mark.parametrize("log, scores, best", [
    (LOG, {250: 0.7396, 500: 0.8339, 750: 0.8339, 1000: 0.8101}, 500),      # a tie: stanza keeps the first
    (LOG + "$ python -m stanza.utils.training.run_pos ...\n"
     "INFO: step 250: train_loss = 7.0, dev_score = 0.7000\n"
     "INFO: step 500: train_loss = 4.0, dev_score = 0.9000\n", {250: 0.70, 500: 0.90}, 500),  # last run only
    ("Finished STEP 100/8000, loss = 3.2\nstep 250: dev_score 0.7\n", {}, None),            # no step line
])
def test_dev_scores_and_best_step(log, scores, best):
    assert dev_scores(log) == scores
    assert best_step(dev_scores(log)) == best


@pytest.mark.parametrize("log, expected", [
    (LOG, 73.96),
    (LOG + "INFO: UPOS\tXPOS\tUFeats\tAllTags\nINFO: 95.10\t94.80\t95.00\t92.75\n", 92.75),   # the last table
    ("UPOS XPOS UFeats AllTags\n95.1 94.8 95.0 92.75\n", 92.75),                             # no log prefix
    ("UPOS\tXPOS\tUFeats\tAllTags\nTraceback (most recent call last):\n", None),
    ("", None),
])
def test_alltags(log, expected):
    assert alltags(log) == expected


def checkpoint(path, w, n=7, vocab="v"):
    """A stanza-like checkpoint: a float weight, an integer counter, vocab and config."""
    torch.save({"model": {"w": torch.tensor(w, dtype=torch.float32), "n": torch.tensor(n)},
                "vocab": {"words": vocab}, "config": {"hidden_dim": 4}}, path)
    return path


@pytest.mark.parametrize("weights, mean", [
    ([[1.0, 2.0]], [1.0, 2.0]),
    ([[1.0, 2.0], [3.0, 6.0]], [2.0, 4.0]),
    ([[0.0, 0.0], [3.0, 3.0], [6.0, -3.0]], [3.0, 0.0]),
])
def test_average_weights(tmp_path, weights, mean):
    paths = [checkpoint(tmp_path / f"c{i}.pt", w, n=10 + i, vocab=f"v{i}") for i, w in enumerate(weights)]
    out = average_weights(paths, tmp_path / "sub" / "avg.pt")
    ck = torch.load(out, weights_only=False)
    assert torch.allclose(ck["model"]["w"], torch.tensor(mean))
    assert ck["model"]["w"].dtype == torch.float32
    assert ck["model"]["n"].item() == 10                      # non-float: the first file's
    assert ck["vocab"] == {"words": "v0"} and ck["config"] == {"hidden_dim": 4}


def test_average_weights_keeps_half_precision(tmp_path):
    for i, w in enumerate(([1.0, 2.0], [2.0, 5.0])):
        torch.save({"model": {"w": torch.tensor(w, dtype=torch.float16)}}, tmp_path / f"h{i}.pt")
    ck = torch.load(average_weights([tmp_path / "h0.pt", tmp_path / "h1.pt"], tmp_path / "a.pt"))
    assert ck["model"]["w"].dtype == torch.float16
    assert ck["model"]["w"].tolist() == [1.5, 3.5]


def bad_inputs(tmp_path):
    """Named cases of checkpoint lists that cannot be averaged, with the file the error names."""
    good = checkpoint(tmp_path / "good.pt", [1.0, 2.0])
    torch.save({"model": {"w": torch.zeros(3), "n": torch.tensor(1)}}, tmp_path / "shape.pt")
    torch.save({"model": {"w": torch.zeros(2), "m": torch.tensor(1)}}, tmp_path / "keys.pt")
    torch.save({"weights": {}}, tmp_path / "nomodel.pt")
    (tmp_path / "junk.pt").write_text("not a checkpoint")
    return {
        "empty": ([], "no checkpoints"),
        "missing": ([good, tmp_path / "gone.pt"], "gone.pt: checkpoint not found"),
        "shape": ([good, tmp_path / "shape.pt"], "shape.pt: w has shape (3,)"),
        "keys": ([good, tmp_path / "keys.pt"], "keys.pt: model entries differ"),
        "no model": ([tmp_path / "nomodel.pt"], "nomodel.pt: not a stanza checkpoint"),
        "junk": ([good, tmp_path / "junk.pt"], "junk.pt: cannot be read as a checkpoint"),
    }


@pytest.mark.parametrize("case", ["empty", "missing", "shape", "keys", "no model", "junk"])
def test_average_weights_bad_input(tmp_path, case):
    paths, message = bad_inputs(tmp_path)[case]
    with pytest.raises(ModelError, match=re.escape(message)):
        average_weights(paths, tmp_path / "out.pt")
    assert not (tmp_path / "out.pt").exists()


def fake_build(tmp_path, dev_by_weight, log_scores):
    """A work dir after a pos stage trained with --save_each: per-step checkpoints whose weight
    is the step / 250, stanza's best model, a pos.log; dev scoring replaced by ``dev_by_weight``."""
    models, name = tmp_path / "models", MODEL_FILES["pos"]
    models.mkdir()
    stem = name[:-3]
    for step in [0, *log_scores]:
        checkpoint(models / f"{stem}_{step:05d}.pt", [step / 250])
    best = best_step(log_scores)
    checkpoint(models / name, [best / 250])
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "pos.log").write_text("".join(
        f"INFO: step {s}: train_loss = 1.0, dev_score = {d:.4f}\n" for s, d in log_scores.items()))

    def score(model, work, threads):
        return dev_by_weight[round(torch.load(model, weights_only=False)["model"]["w"].item(), 3)]
    return models / name, score


@pytest.mark.parametrize("dev_by_weight, kept, weight", [
    # weights: step 750 -> 3; the n=2 average (500, 750) -> 2.5; n=3 -> 2; n=4 skipped (steps 250-750 only)
    ({3.0: 93.0, 2.5: 93.4, 2.0: 93.2}, 2, 2.5),
    ({3.0: 93.5, 2.5: 93.4, 2.0: 93.2}, 1, 3.0),      # averaging loses: stanza's model stays
    ({3.0: 93.0, 2.5: 93.4, 2.0: 93.4}, 2, 2.5),      # a tie keeps the smaller window
])
def test_average_best(tmp_path, monkeypatch, capsys, dev_by_weight, kept, weight):
    model, score = fake_build(tmp_path, dev_by_weight, {250: 0.80, 500: 0.85, 750: 0.90, 1000: 0.88})
    monkeypatch.setattr(average, "tagger_dev_score", score)
    summary = average_best(tmp_path, 1, (1, 2, 3, 4))
    assert summary["best_step"] == 750 and summary["kept"] == kept
    assert [c["n"] for c in summary["candidates"]] == [1, 2, 3]
    assert torch.load(model, weights_only=False)["model"]["w"].item() == pytest.approx(weight)
    assert json.loads((tmp_path / "average.json").read_text()) == summary
    assert f"kept n={kept}" in capsys.readouterr().out
    assert len(checkpoint_steps(model.parent, model.name)) == 5           # kept by default


def test_average_best_prunes_on_request(tmp_path, monkeypatch):
    model, score = fake_build(tmp_path, {2.0: 93.0, 1.5: 93.1}, {250: 0.80, 500: 0.85})
    monkeypatch.setattr(average, "tagger_dev_score", score)
    assert average_best(tmp_path, 1, (2,), prune=True)["kept"] == 2     # n=1 is always a candidate
    assert checkpoint_steps(model.parent, model.name) == {}
    assert not (model.parent / "averages").exists()
    assert torch.load(model, weights_only=False)["model"]["w"].item() == pytest.approx(1.5)


@pytest.mark.parametrize("setup", ["no log", "no checkpoints"])
def test_average_best_nothing_to_average(tmp_path, capsys, setup):
    (tmp_path / "models").mkdir()
    if setup == "no checkpoints":
        (tmp_path / "logs").mkdir()
        (tmp_path / "logs" / "pos.log").write_text("step 250: train_loss = 1.0, dev_score = 0.9\n")
    assert average_best(tmp_path, 1) is None
    assert "no per-step checkpoint" in capsys.readouterr().out
    assert not (tmp_path / "average.json").exists()


def test_build_stage_average_reports_errors(tmp_path, monkeypatch):
    from quotes.models import build
    model, _ = fake_build(tmp_path, {}, {250: 0.80, 500: 0.85})
    (model.parent / f"{model.stem}_00250.pt").write_text("broken")
    monkeypatch.setattr(average, "tagger_dev_score", lambda model, work, threads: 90.0)
    with pytest.raises(SystemExit, match=r"^\[build\] .*_00250.pt: cannot be read"):
        build.main(["--work", str(tmp_path), "--stage", "average"])


def test_pos_stage_saves_each_checkpoint_and_card_says_so():
    assert "--save_each" in STAGE_ARGS["pos"] and 1 in AVERAGE_WINDOWS
    line = stage_line("pos", STAGE_ARGS["pos"], 3600, None, AVERAGE_WINDOWS)
    assert line.startswith("- pos (60 min): `--share_hid")
    assert f"averaged with up to {max(AVERAGE_WINDOWS) - 1} preceding ones" in line
    assert "averaged" not in stage_line("depparse", STAGE_ARGS["depparse"])
    kept_alone = stage_line("pos", (), None, {"kept": 1, "candidates": [{"n": 1, "dev_alltags": 93.5},
                                                                       {"n": 2, "dev_alltags": 93.4}]})
    assert kept_alone.endswith("this build kept the best checkpoint alone (dev AllTags 93.5, best average 93.4)")
