"""Shared fixtures: the NLP pipeline is loaded once per session; model tests skip
cleanly (with the reason) when no models are installed."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "data" / "examples"
SHARED = ROOT.parent / "shared"


def _models_or_skip():
    from quotes.errors import ModelError
    from quotes.nlp.pipeline import resolve_models
    try:
        return resolve_models()
    except ModelError as err:
        pytest.skip(f"no models: {err}")


@pytest.fixture(scope="session")
def models():
    """The resolved model set (skips the test when there is none)."""
    return _models_or_skip()


@pytest.fixture(scope="session")
def nlp(models):
    """The loaded stanza pipelines (tokenizer, tagger/parser), once per session."""
    from quotes.nlp.pipeline import load_pipelines
    return load_pipelines()


@pytest.fixture(scope="session")
def example_texts():
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def example_records(nlp, example_texts):
    """The real extractor's records for the two example articles, by article id."""
    from quotes.extractors import extract_many
    from quotes.types import Article
    arts = [Article(id=k, text=v) for k, v in example_texts.items()]
    return {a.id: atts for a, atts in extract_many(arts)}


@pytest.fixture(scope="session")
def polnear_dir():
    d = SHARED / "corpora" / "polnear"
    if not d.is_dir():
        pytest.skip("../shared/corpora/polnear is not here")
    return d
