"""Running extraction over many articles: in process, or on a local process pool.

Each worker process loads the models once (on its first batch) and keeps them; batches
of articles go out and ``(article, attributions)`` come back in input order. Memory stays
flat: at most ``2 * workers`` batches are in flight, parsed documents never leave the
worker.

>>> from quotes.types import Article
>>> list(extract_parallel([], workers=1))
[]
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ProcessPoolExecutor
import itertools
from itertools import islice
from typing import Iterable, Iterator

from quotes.types import Article, Attribution

Result = tuple[Article, list[Attribution]]


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def _work(batch: list[Article], models: str | None, threads: int | None) -> list[Result]:
    from quotes.extractors import extract_many
    return list(extract_many(batch, models=models, threads=threads, batch=len(batch)))


def _init_worker() -> None:
    # one torch thread per worker process: the processes share the cores
    os.environ["OMP_NUM_THREADS"] = "1"
    import torch
    torch.set_num_threads(1)


def extract_parallel(articles: Iterable[Article], *, workers: int = 1, models: str | None = None,
                     batch: int = 8) -> Iterator[Result]:
    """Yield ``(article, attributions)`` for every article, in input order.

    ``workers=1`` runs in this process (models cached here); more start a process pool
    whose workers each use one thread; ``0`` means one per core (at most 4).
    """
    if workers <= 0:
        workers = min(os.cpu_count() or 1, 4)
    if workers <= 1:
        from quotes.extractors import extract_many
        yield from extract_many(articles, models=models, batch=batch)
        return
    batches = _batches(articles, batch)
    first = next(batches, None)
    if first is None:
        return  # nothing to do: no models loaded, no processes started
    import multiprocessing as mp
    if "fork" in mp.get_all_start_methods():
        # load the models once here, single-threaded, and fork: the workers share the
        # weights' memory pages instead of each loading its own copy
        from quotes.extractors import EXTRACTION_LEMMAS
        from quotes.nlp.pipeline import load_pipelines
        load_pipelines(models, 1, False, EXTRACTION_LEMMAS)
        ctx = mp.get_context("fork")
    else:  # pragma: no cover - Windows, macOS default
        ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker) as pool:
        pending: list[Future] = []
        for chunk in itertools.chain([first], batches):
            pending.append(pool.submit(_work, chunk, models, 1))
            while len(pending) >= 2 * workers:
                yield from pending.pop(0).result()
        for f in pending:
            yield from f.result()
