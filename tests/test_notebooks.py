"""Every notebook under notebooks/ runs top to bottom with the real extractor, and shows
what its committed outputs show.

Executed with nbclient on the ``python3`` kernel (the environment running pytest), from
the notebooks/ folder, as a reader would (``scripts/notebooks.py``, which also writes the
outputs back: run it after changing what a notebook shows). Skipped, with the reason,
when no NLP models are available (``quotes.nlp.pipeline.resolve_models()`` raises
ModelError).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
sys.path.insert(0, str(ROOT / "scripts"))
import notebooks as runner  # noqa: E402


def _models_or_skip():
    from quotes.errors import ModelError
    from quotes.nlp.pipeline import resolve_models
    try:
        return resolve_models()
    except ModelError as err:
        pytest.skip(f"notebooks need the NLP models, none found: {err}")


def test_there_are_notebooks():
    assert PATHS, f"no notebooks in {NOTEBOOKS}"


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebook_runs(path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    _models_or_skip()
    committed = nbformat.read(path, as_version=4)
    try:
        nb = runner.execute(path)
    except nbclient.exceptions.CellExecutionError as err:
        pytest.fail(f"{path.name} failed:\n{err}", pytrace=False)
    runner.strip_volatile(nb)
    diff = runner.differences(committed, nb)
    assert not diff, (f"{path.name}: the committed outputs differ from a fresh run; "
                      f"run `python scripts/notebooks.py` and commit:\n{diff[:4000]}")
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    if path.stem == "provenance_walkthrough":
        html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
        assert "unconfirmed" in html and "Tass" in html
        assert any("image/png" in o.get("data", {}) for o in outputs), "the trace picture is missing"
        assert "claim_sources" in "".join(c.source for c in nb.cells)  # the SQL over the views


def test_notebook_comparison_ignores_what_changes_between_runs():
    nbformat = pytest.importorskip("nbformat")
    v4 = nbformat.v4

    def nb(text, extra=()):
        cell = v4.new_code_cell("x", outputs=[v4.new_output("stream", name="stdout", text=text), *extra])
        cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00"}
        return v4.new_notebook(cells=[cell])

    widget = v4.new_output("display_data", data={runner.WIDGET: {"model_id": "abc"}})
    bar = v4.new_output("stream", name="stderr", text="extracting: 2 articles [00:03, 1.5s/it]")
    a = nb(f"<Figure at 0x7f00aa11bb22> in {ROOT}/data and /tmp/quotes-ab12/x")
    b = nb("<Figure at 0x7f99cc33dd44> in <repo>/data and /tmp/quotes-zz99/x", [widget, bar])
    assert runner.differences(a, b) == ""
    assert runner.differences(a, nb("something else")) != ""
