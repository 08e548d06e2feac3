"""The model build run stage by stage (quotes.models.build): a stage takes the earlier stages'
models it reads from the committed set when its work folder lacks them, install keeps the
models a run did not build, and the card keeps what earlier runs measured. No training."""

from __future__ import annotations

import pytest

from quotes.errors import ModelError
from quotes.models.build import INPUTS, install, seed_inputs, train
from quotes.models.card import NOT_IN_LOG, carried_forward, component_scores
from quotes.nlp.settings import MODEL_FILES

torch = pytest.importorskip("torch")


def _checkpoint(path, value=1.0):
    """A model file as stanza writes it; the vectors' file as the committed set has it (float16)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.name == MODEL_FILES["pretrain"]:
        torch.save({"vocab": {}, "emb": torch.full((2, 2), value).half()}, path)
    else:
        torch.save({"model": {"w": torch.full((2,), value)}, "optimizer": {"lr": 0.1}}, path)


def _weights(path):
    ck = torch.load(path, weights_only=False)
    return ck["emb"] if "emb" in ck else ck["model"]["w"]


@pytest.mark.parametrize("stage, in_work, in_out, copied", [
    ("pos", [], ["pretrain"], ["pretrain"]),
    ("ner", ["pretrain"], ["pretrain"], []),                       # the work folder's own wins
    ("retag", [], ["pos", "pretrain"], ["pos", "pretrain"]),
    ("retag", ["pos"], ["pretrain"], ["pretrain"]),
    ("depparse", [], ["pretrain", "depparse"], ["pretrain"]),      # never its own output
    ("tokenize", [], [], []),                                      # reads no earlier model
])
def test_seed_inputs(tmp_path, stage, in_work, in_out, copied):
    work, out = tmp_path / "work", tmp_path / "out"
    for proc in in_work:
        _checkpoint(work / "models" / MODEL_FILES[proc], 1.0)
    for proc in in_out:
        _checkpoint(out / MODEL_FILES[proc], 2.0)
    assert seed_inputs(stage, work, out) == copied
    for proc in INPUTS.get(stage, ()):
        kept = _weights(work / "models" / MODEL_FILES[proc])
        assert kept.flatten()[0].item() == (2.0 if proc in copied else 1.0)
        if proc == "pretrain" and proc in copied:       # widened for stanza's training scripts
            assert kept.dtype == torch.float32


@pytest.mark.parametrize("stage, missing", [("retag", "run stage 'pos' first"), ("ner", "run stage 'vectors' first")])
def test_seed_inputs_names_the_stage_to_run(tmp_path, stage, missing):
    with pytest.raises(ModelError, match=missing):
        seed_inputs(stage, tmp_path / "work", tmp_path / "out")


@pytest.mark.parametrize("stage, prepared, message", [
    ("pos", False, "run stage 'prepare' first"),
    ("depparse", True, "run stage 'retag' first"),
])
def test_train_says_what_is_missing(tmp_path, stage, prepared, message):
    if prepared:
        (tmp_path / "data").mkdir()
    with pytest.raises(ModelError, match=message):
        train(stage, tmp_path, 1)


def test_install_keeps_what_this_run_did_not_build(tmp_path):
    work, out = tmp_path / "work", tmp_path / "out"
    for proc in MODEL_FILES:
        _checkpoint(out / MODEL_FILES[proc], 2.0)
    _checkpoint(work / "models" / MODEL_FILES["ner"], 1.0)
    install(work, out)
    ner = torch.load(out / MODEL_FILES["ner"], weights_only=False)
    assert ner["model"]["w"].dtype == torch.float16 and "optimizer" not in ner     # installed, halved
    pos = torch.load(out / MODEL_FILES["pos"], weights_only=False)
    assert pos["model"]["w"][0].item() == 2.0 and "optimizer" in pos               # left as it was


@pytest.mark.parametrize("proc, dtype", [("pretrain", torch.float16), ("depparse", torch.float16)])
def test_install_stores_half_precision(tmp_path, proc, dtype):
    work, out = tmp_path / "work", tmp_path / "out"
    for p in MODEL_FILES:
        _checkpoint(out / MODEL_FILES[p], 2.0)
    path = work / "models" / MODEL_FILES[proc]
    path.parent.mkdir(parents=True)
    if proc == "pretrain":                              # the vectors stage writes float32
        torch.save({"vocab": {}, "emb": torch.full((2, 2), 0.1)}, path)
    else:
        _checkpoint(path, 0.1)
    install(work, out)
    got = _weights(out / MODEL_FILES[proc])
    assert got.dtype == dtype and abs(got.flatten()[0].item() - 0.1) < 1e-3


def test_install_stops_on_a_model_nowhere(tmp_path):
    with pytest.raises(ModelError, match="run stage 'tokenize' first"):
        install(tmp_path / "work", tmp_path / "out")


@pytest.mark.parametrize("comp, times, previous, expected", [
    ({"ner": NOT_IN_LOG}, {}, {}, ({"ner": NOT_IN_LOG}, {})),                          # nothing earlier
    ({"ner": NOT_IN_LOG}, {}, {"components": {"ner": "F1 76"}}, ({"ner": "F1 76"}, {})),
    ({"ner": "F1 77"}, {"ner": 50}, {"components": {"ner": "F1 76"}, "timings": {"ner": 40, "pos": 9}},
     ({"ner": "F1 77"}, {"ner": 50, "pos": 9})),                                       # this run's own win
])
def test_carried_forward(comp, times, previous, expected):
    assert carried_forward(comp, times, previous) == expected


LEMMA = "lemma (EWT test, gold tags)"


@pytest.mark.parametrize("log, expected", [
    ("2026-12-02 15:00:00 INFO: Finished evaluation\nLemma score:\nen_ewt 97.71\n", "97.71"),
    ("2026-12-02 15:00:00 INFO: Finished evaluation\nLemma score:\nen_ewt 97.10\n"
     "2026-12-02 15:09:00 INFO: Finished evaluation\nLemma score:\nen_ewt 97.71\n", "97.71"),  # the last run's
    ("2026-12-02 15:00:00 INFO: Running test lemmatizer\n", NOT_IN_LOG),                     # stopped before its score
    (None, NOT_IN_LOG),                                                                      # stage not run here
])
def test_component_scores_read_the_lemmatizer_test_log(tmp_path, log, expected):
    (tmp_path / "logs").mkdir()
    if log is not None:
        (tmp_path / "logs" / "lemma_test.log").write_text(log)
    assert component_scores(tmp_path)[LEMMA] == expected


def test_committed_vectors_are_half_and_load_as_float32():
    from quotes.nlp.pipeline import COMPACT_DIR
    from quotes.nlp.vectors import full_precision
    path = COMPACT_DIR / MODEL_FILES["pretrain"]
    assert _weights(path).dtype == torch.float16
    assert full_precision(str(path)).emb.dtype == torch.float32


def test_committed_model_files_stay_within_the_budget():
    """Every model file under data/ (the models in use, and any kept beside them): 60 MB at most."""
    from quotes.nlp.pipeline import COMPACT_DIR
    files = [*COMPACT_DIR.parent.rglob("*.pt")]
    assert files and sum(f.stat().st_size for f in files) <= 60e6
