"""Ingest: read articles, extract attributions in parallel, store them, refresh claims.

The run streams: files are read one record at a time (:func:`quotes.inputs.readers.read_articles`),
an article whose id, content hash and extractor are already stored is counted as
unchanged and not extracted again, the others go out in batches to the extractor (this
process, a local process pool, or a Dask cluster) with at most ``2 * workers`` batches
in flight, and each batch of results is written in one transaction. Memory stays flat:
parsed documents never leave the workers and results are written as they arrive.

"Incremental" means: articles and attributions are durable batch by batch (a killed
run keeps every committed batch; running it again skips what is stored and does the
rest); claims, flags, sources and graph edges are regrouped from all stored
attributions once at the end of each run that changed something (claims span
articles, so a new article can merge or split old claims), and stored in the same
file. Until then ``meta.stale`` says the derived tables lag behind.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("It rained.")
>>> _ = (d / "b.txt").write_bytes(b"\\x00\\x01")
>>> r = ingest([d], d / "q.db", extract=no_attributions, progress=False)
>>> r.ingested, r.unchanged, r.failed
(1, 0, 1)
>>> ingest([d], d / "q.db", extract=no_attributions, progress=False).unchanged
1
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from quotes.errors import InputError, QuotesError
from quotes.inputs.readers import MAX_BYTES, read_articles
from quotes.store.sqlite import DEFAULT_DB, Store, article_hash
from quotes.types import Article, Attribution

if TYPE_CHECKING:
    from quotes.extractors.parallel import Outcome

Extractor = Callable[[Article], list[Attribution]]
__all__ = ["ingest", "IngestReport", "map_batches", "extract_batch", "no_attributions", "extractor_name"]

#: Articles per extraction batch and per write transaction.
BATCH = 16
DEFAULT_EXTRACTOR = "quotes.extractors.extract_many"


def extract_batch(batch: list[Article], extract: Extractor | None = None,
                  models: str | None = None, threads: int | None = None) -> list[Outcome]:
    """:func:`quotes.extractors.parallel.extract_batch`, imported on first use (the
    extractors load only when something is extracted).

    >>> extract_batch([Article("a", "x")], no_attributions)[0][1]
    []
    """
    from quotes.extractors.parallel import extract_batch as run
    return run(batch, extract, models, threads)


def no_attributions(article: Article) -> list[Attribution]:
    """An extractor that finds nothing (for trying the plumbing without models).

    >>> no_attributions(Article("a", "He said so."))
    []
    """
    return []


def extractor_name(extract: Extractor | None) -> str:
    """The name stored with each article's attributions (``module.function``).

    >>> extractor_name(None), extractor_name(no_attributions)
    ('quotes.extractors.extract_many', 'quotes.store.ingest.no_attributions')
    """
    if extract is None:
        return DEFAULT_EXTRACTOR
    return f"{getattr(extract, '__module__', '?')}.{getattr(extract, '__qualname__', repr(extract))}"


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def map_batches(batches: Iterable[list[Article]], extract: Extractor | None = None, *,
                workers: int = 1, scheduler: Any = None, models: str | None = None,
                start_method: str | None = None, parent_lane: bool | None = None) -> Iterator[list[Outcome]]:
    """Yield :func:`~quotes.extractors.parallel.extract_batch` of every batch, in input
    order, with a bounded number in flight: in this process (``workers=1``), on the local
    process pool (:func:`~quotes.extractors.parallel.run_extraction`: forked after the
    models are loaded here, so the workers share them, this process computing one
    worker's share unless ``parent_lane=False``; a batch whose worker died twice comes
    back as one failure per article), or on a Dask cluster (``scheduler``: an address or a
    ``distributed.Client``).

    >>> [len(r) for r in map_batches([[Article("a", "x")]], no_attributions)]
    [1]
    """
    if scheduler is not None:
        yield from _map_dask(batches, extract, scheduler, models)
    elif workers <= 1:
        for b in batches:
            yield extract_batch(b, extract, models)
    else:
        # the extractors (and their word lists) load only when something is extracted
        from quotes.extractors.parallel import BatchFailed, run_extraction
        for result in run_extraction(batches, extract, workers=workers, models=models,
                                     method=start_method, parent_lane=parent_lane):
            if isinstance(result, BatchFailed):
                yield [(art, f"extraction failed: {result.reason}") for art in result.batch]
            else:
                yield result


def _bounded(submit, batches, limit: int):
    pending: deque = deque()
    for b in batches:
        pending.append(submit(b))
        while len(pending) >= limit:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _map_dask(batches, extract, scheduler, models):
    try:
        from distributed import Client
    except ImportError:
        raise QuotesError("--scheduler needs Dask: pip install 'quotes[dask]'") from None
    own = not isinstance(scheduler, Client)
    try:
        client = Client(scheduler) if own else scheduler
    except OSError as err:
        raise QuotesError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
    try:
        limit = 2 * max(1, sum(client.nthreads().values()))
        yield from _bounded(lambda b: client.submit(extract_batch, b, extract, models, pure=False),
                            batches, limit)
    finally:
        if own:
            client.close()


@dataclass
class IngestReport:
    """What a run did: counts, one line per failure (file and line, and why), time.

    >>> print(IngestReport(ingested=2, failed=1, failures=["a.csv:3: broken CSV row"]).format())
    ingested 2, unchanged 0, failed 1 (0.0 s)
      a.csv:3: broken CSV row
    """

    ingested: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    refreshed: bool = False

    @property
    def seen(self) -> int:
        return self.ingested + self.unchanged + self.failed

    @property
    def articles_per_minute(self) -> float:
        """Ingested articles per minute of wall time."""
        return 60.0 * self.ingested / self.seconds if self.seconds else 0.0

    def fail(self, reason: str) -> None:
        self.failed += 1
        self.failures.append(reason)

    @property
    def summary(self) -> str:
        """One line: the counts and the time taken."""
        return (f"ingested {self.ingested}, unchanged {self.unchanged}, failed {self.failed} "
                f"({self.seconds:.1f} s)")

    def format(self) -> str:
        """The summary line, then one indented line per failure."""
        return "\n".join([self.summary] + [f"  {r}" for r in self.failures])


def _check(art: Article, attrs: list[Attribution] | str) -> str | None:
    if isinstance(attrs, str):
        return attrs
    for a in attrs:
        if not isinstance(a, Attribution):
            return f"extractor returned {type(a).__name__}, expected Attribution"
        if a.doc != art.id:
            return f"attribution {a.id} belongs to another article"
        if not 0 <= a.start <= a.end <= len(art.text):
            return f"attribution {a.id} lies outside the text"
    return None


def _progress_bar(progress: bool | None, quiet: bool):
    show = (not quiet and sys.stderr.isatty()) if progress is None else progress
    if not show:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


class _Ticker:
    """One step of the progress bar per article settled (if there is a bar), its counts in the postfix."""

    def __init__(self, report: IngestReport, bar):
        self.report, self.bar = report, bar

    def __call__(self, n: int = 1) -> None:
        if self.bar is None:
            return
        for _ in range(n):
            r = self.report
            self.bar.set_postfix_str(f"new {r.ingested}, unchanged {r.unchanged}, failed {r.failed}",
                                     refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _to_extract(articles: Iterable[Article | InputError], store: Store, name: str,
                report: IngestReport, tick: _Ticker) -> Iterator[Article]:
    """Step 1: the articles that need extracting; bad records are counted as failed and
    articles stored unchanged (same content hash and extractor) as unchanged."""
    for item in articles:
        if isinstance(item, InputError):  # a bad record, or an id seen earlier in this run
            report.fail(str(item))
        elif store.lookup(item.id) == (article_hash(item), name):
            report.unchanged += 1
        else:
            yield item
            continue
        tick()


def _store_batch(outcomes: list[Outcome], store: Store, name: str, report: IngestReport,
                 tick: _Ticker) -> None:
    """Step 2: write a batch's good results in one transaction; each bad one is a failure."""
    good = []
    for art, attrs in outcomes:
        why = _check(art, attrs)
        if why is None:
            good.append((art, attrs))
        else:
            report.fail(f"{art.id}: {why}")
            tick()
    store.write(good, extractor=name)
    report.ingested += len(good)
    tick(len(good))


def ingest(paths: Iterable[str | os.PathLike], db: str | os.PathLike | Store = DEFAULT_DB, *,
           workers: int = 1, scheduler: Any = None, extract: Extractor | None = None,
           models: str | None = None, batch: int = BATCH, max_bytes: int = MAX_BYTES,
           progress: bool | None = None, quiet: bool = False, busy_timeout: float | None = None,
           start_method: str | None = None, parent_lane: bool | None = None,
           callback: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Ingest articles from ``paths`` (``.txt``, ``.jsonl``, ``.csv`` files, folders) into
    the store ``db``; returns an :class:`IngestReport`.

    ``extract`` is a picklable function ``Article -> list[Attribution]`` (default: the
    real extractor, batched, which needs the models). ``workers`` > 1 uses a local
    process pool; ``scheduler`` (a Dask address or Client) runs extraction on a cluster.
    Bad records and articles the extractor fails on are reported and skipped. A
    progress bar (tqdm, on stderr) shows unless ``quiet``, stderr is not a terminal, or
    ``progress=False``. ``callback`` gets the report after every committed batch.
    ``busy_timeout``: seconds to wait for another writer's lock (see :class:`Store`);
    ``start_method``: the pool's ``fork`` (default where available) or ``spawn``;
    ``parent_lane``: whether this process extracts a share itself (default: with the real
    extractor under ``fork``; see :func:`~quotes.extractors.parallel.run_extraction`).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "feed.jsonl").write_text('{"id": "x", "text": "Hi."}\\n{"id": "y"}\\n')
    >>> print(ingest([d / "feed.jsonl"], d / "q.db", extract=no_attributions, progress=False).format())
    ingested 1, unchanged 0, failed 1 (... s)
      ...feed.jsonl:2: record has no 'text'
    """
    t0 = time.perf_counter()
    store = db if isinstance(db, Store) else Store(db, busy_timeout=busy_timeout)
    name = extractor_name(extract)
    report = IngestReport()
    tick = _Ticker(report, _progress_bar(progress, quiet))
    try:
        todo = _to_extract(read_articles(paths, max_bytes=max_bytes), store, name, report, tick)
        for outcomes in map_batches(_chunks(todo, batch), extract, workers=workers,
                                    scheduler=scheduler, models=models, start_method=start_method,
                                    parent_lane=parent_lane):
            _store_batch(outcomes, store, name, report, tick)
            if callback is not None:
                callback(report)
        report.refreshed = store.refresh()  # step 3: regroup claims, flags, sources, edges
    finally:
        tick.close()
        if not isinstance(db, Store):
            store.close()
    report.seconds = time.perf_counter() - t0
    return report
