"""Running extraction over many articles: in this process, or on the one local process pool.

:func:`extract_parallel` is what ``quotes extract`` runs; its pool part, :func:`run_extraction`,
is what ``quotes ingest`` runs. The pool itself (:func:`run_pool`: forking after the models
are loaded so the workers share the weights, the parent lane, fault handling) is
:mod:`quotes.extractors.pool`; this module is the extraction work a worker does, loading
the models before the workers fork, and releasing them after where the parent does not
extract itself.

>>> list(extract_parallel([], workers=1))
[]
>>> list(run_pool([[1, 2], [3], [4, 5, 6]], len, workers=2))
[2, 1, 3]
"""

from __future__ import annotations

import functools
import os
import sys
from itertools import islice
from typing import Callable, Iterable, Iterator

from quotes.errors import QuotesError
from quotes.extractors.pool import RETRIES, BatchFailed, run_pool, start_method
from quotes.types import Article, Attribution

__all__ = ["extract_parallel", "run_extraction", "extract_batch", "pool_batch", "trim_heap", "preload_models",
           "release_models", "run_pool",
           "start_method", "BatchFailed", "WorkerError", "RETRIES"]

Result = tuple[Article, list[Attribution]]
#: A worker's answer per article: its attributions, or why extraction failed on it.
Outcome = tuple[Article, "list[Attribution] | str"]
Extractor = Callable[[Article], list[Attribution]]
#: Articles a worker parses together (:func:`extract_parallel`, so ``quotes extract`` and ``quotes eval``).
BATCH = 8


class WorkerError(QuotesError):
    """A worker process died on a batch (twice): its articles were not extracted."""

    exit_code = 2


# --- the work a worker does --------------------------------------------------------------------

def extract_batch(batch: list[Article], extract: Extractor | None = None,
                  models: str | None = None, threads: int | None = None) -> list[Outcome]:
    """``(article, attributions)`` per article, or ``(article, reason)`` when extraction
    failed on it (the other articles of the batch still go through). ``extract`` is a
    function ``Article -> list[Attribution]``; ``None`` is the real extractor, batched
    (``threads``: torch threads; workers use 1, as the models :func:`preload_models` loaded).

    >>> extract_batch([Article("a", "x")], lambda art: [])
    [(Article(id='a', text='x', publisher=None, date=None, url=None, title=None, author=None), [])]
    """
    if extract is None:
        from quotes.extractors import extract_many
        try:
            return list(extract_many(batch, models=models, batch=len(batch), threads=threads))
        except QuotesError:
            raise  # no models: every article would fail the same way
        except Exception:  # one bad article spoils a batched parse: retry them one by one
            if len(batch) == 1:
                raise
            return [o for art in batch
                    for o in _one(art, lambda a: extract_batch([a], None, models, threads)[0][1])]
    return [o for art in batch for o in _one(art, extract)]


def _one(art: Article, extract: Extractor) -> list[Outcome]:
    try:
        return [(art, list(extract(art)))]
    except QuotesError:
        raise
    except Exception as err:  # report the article, keep the run going
        return [(art, f"extraction failed: {type(err).__name__}: {err}")]


def preload_models(models: str | None = None) -> None:
    """Load extraction's models in this process, single-threaded, before workers fork; then
    move everything loaded to the cycle collector's permanent generation (``gc.freeze``):
    the collector no longer walks (nor, in a forked worker, copies) the models' objects, so
    :func:`trim_heap` after each batch costs milliseconds. :func:`release_models` undoes it."""
    import gc
    from quotes.extractors import EXTRACTION_LEMMAS
    from quotes.nlp.pipeline import load_pipelines
    load_pipelines(models, 1, False, EXTRACTION_LEMMAS)
    gc.collect()
    gc.freeze()


def release_models() -> None:
    """Drop this process's copy of the models and give the memory back to the system: once
    the workers are forked (the layout without the parent lane, ``parent_lane=False``), and
    once extraction is done (what comes next, ingest's claim regrouping, needs no models).

    The forked workers keep the weights (their pages stay mapped in the workers). A worker
    forked later (to replace one that died) loads the models itself on its first batch.

    >>> release_models()  # nothing loaded: nothing to do
    """
    import gc
    from quotes.nlp.pipeline import unload_pipelines
    unload_pipelines()
    gc.unfreeze()
    trim_heap()


def trim_heap() -> None:
    """Free what only the cycle collector frees (parsed documents point at their sentences
    and back) and hand the freed heap pages back to the system (glibc's ``malloc_trim``), so
    a process's memory does not creep up batch after batch.

    >>> trim_heap()
    """
    import gc
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):  # pragma: no cover - not glibc
            pass


def pool_batch(batch: list[Article], extract: Extractor | None = None, models: str | None = None,
               threads: int | None = None, freeze: bool = False) -> list[Outcome]:
    """:func:`extract_batch` as the pool runs it (on a worker or in the parent lane), then
    :func:`trim_heap`. ``freeze``: a spawned worker, which loads its models on its first
    batch, then freezes what is left, as :func:`preload_models` does before forking.

    >>> pool_batch([Article("a", "x")], lambda art: [])[0][1]
    []
    """
    import gc
    try:
        return extract_batch(batch, extract, models, threads)
    finally:
        trim_heap()
        if freeze and not gc.get_freeze_count():
            gc.freeze()


def run_extraction(batches: Iterable[list[Article]], extract: Extractor | None = None, *,
                   workers: int = 2, models: str | None = None, method: str | None = None,
                   parent_lane: bool | None = None) -> Iterator[list[Outcome] | BatchFailed]:
    """:func:`extract_batch` of every batch on the process pool, in input order (a batch
    whose worker died on every try comes back as :class:`BatchFailed`).

    With the real extractor (``extract=None``) under ``fork``, the models are loaded here
    once and the workers forked after that, sharing them. ``parent_lane`` (default: on
    exactly then) makes this process one of the ``workers``: at two workers, two processes
    hold the models instead of three (see :mod:`quotes.extractors.pool` for the isolation it
    gives up; extraction reports a bad article and goes on). With ``parent_lane=False`` this
    process drops its models once the workers are forked (:func:`release_models`). Models
    loaded here are released when the batches are done. Another extractor keeps every batch
    on a worker: nothing is loaded here to share.

    >>> [len(r) for r in run_extraction([[Article("a", "x")]], lambda art: [], workers=2)]
    [1]
    """
    from quotes.nlp.pipeline import loaded_pipelines
    method = method or start_method()
    shared = extract is None and method == "fork"
    lane = shared if parent_lane is None else parent_lane and shared
    batches = iter(batches)
    first = next(batches, None)
    if first is None:
        return  # nothing to do: no models loaded, no processes started
    ours = shared and not loaded_pipelines()
    if shared:
        preload_models(models)  # once, here: the forked workers share the weights
    work = functools.partial(pool_batch, extract=extract, models=models, threads=1,
                             freeze=extract is None and not shared)
    try:
        yield from run_pool(_chain(first, batches), work, workers=workers, method=method, parent_lane=lane,
                            started=release_models if shared and not lane else None)
    finally:
        if ours:
            release_models()
        elif shared:
            import gc
            gc.unfreeze()  # the models were loaded before: this process keeps them, collectable again


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _report(failed: Callable[[Article, str], None] | None, art: Article, reason: str) -> None:
    if failed is None:
        raise WorkerError(f"{art.id}: {reason}")
    failed(art, reason)


def extract_parallel(articles: Iterable[Article], *, workers: int = 1, models: str | None = None,
                     batch: int = BATCH, failed: Callable[[Article, str], None] | None = None,
                     method: str | None = None, parent_lane: bool | None = None) -> Iterator[Result]:
    """Yield ``(article, attributions)`` for every article, in input order.

    ``workers=1`` runs in this process (models cached here); more use
    :func:`run_extraction` (``method``, ``parent_lane``: see there), whose workers each use
    one thread; ``0`` means one per core (at most 4). An article extraction failed on (or
    whose worker died twice) is passed to ``failed(article, reason)`` and skipped; without
    ``failed`` it raises :class:`WorkerError`.
    """
    if workers <= 0:
        workers = min(os.cpu_count() or 1, 4)
    if workers <= 1:
        outcomes: Iterator[list[Outcome] | BatchFailed] = (
            extract_batch(b, None, models) for b in _batches(articles, batch))
    else:
        outcomes = run_extraction(_batches(articles, batch), workers=workers, models=models,
                                  method=method, parent_lane=parent_lane)
    for result in outcomes:
        if isinstance(result, BatchFailed):
            for art in result.batch:
                _report(failed, art, f"extraction failed: {result.reason}")
            continue
        for art, atts in result:
            if isinstance(atts, str):
                _report(failed, art, atts)
            else:
                yield art, atts


def _chain(first, rest):
    yield first
    yield from rest
