"""Every notebook under notebooks/ runs top to bottom with the real extractor.

Executed with nbclient on the ``python3`` kernel (the environment running pytest), from
the notebooks/ folder, as a reader would. Skipped, with the reason, when no NLP models
are available (``quotes.nlp.pipeline.resolve_models()`` raises ModelError); point
``QUOTES_MODELS`` at a models directory to run it against other models.
"""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
TIMEOUT = 600  # seconds per cell


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
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as err:
        pytest.fail(f"{path.name} failed:\n{err}", pytrace=False)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    if path.stem == "provenance_walkthrough":
        html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
        assert "unconfirmed" in html and "Tass" in html
        assert any("image/png" in o.get("data", {}) for o in outputs), "the trace picture is missing"
