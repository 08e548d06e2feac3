"""Running extraction over many articles: in this process, or on the one local process pool.

:func:`run_pool` is the pool ``quotes extract`` and ``quotes ingest`` share. Where the
platform can fork, the models are loaded once in this process and the workers are forked
after that, so they share the weights' memory pages instead of each loading its own copy;
elsewhere (Windows, macOS' default) workers are spawned and load the models on their first
batch. Batches go out to idle workers and come back in input order, with at most
``2 * workers`` batches in flight (memory stays flat: parsed documents never leave a worker).

Faults: a worker dies with its parent (``PR_SET_PDEATHSIG`` on Linux, and everywhere a
watchdog thread that notices the parent is gone), so killing ``quotes`` leaves no worker
behind. When a worker dies (killed, out of memory), the pool starts another, gives the
batch it held one more try, and after a second death reports that batch as
:class:`BatchFailed` with its articles; the run goes on.

>>> list(extract_parallel([], workers=1))
[]
>>> list(run_pool([[1, 2], [3], [4, 5, 6]], len, workers=2))
[2, 1, 3]
"""

from __future__ import annotations

import functools
import os
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from quotes.errors import QuotesError
from quotes.types import Article, Attribution

Result = tuple[Article, list[Attribution]]
#: A worker's answer per article: its attributions, or why extraction failed on it.
Outcome = tuple[Article, "list[Attribution] | str"]
Extractor = Callable[[Article], list[Attribution]]
#: How many times a batch is tried again after the worker holding it died.
RETRIES = 1
#: Seconds between a worker's checks that its parent is still alive.
WATCHDOG_EVERY = 0.5


class WorkerError(QuotesError):
    """A worker process died on a batch (twice): its articles were not extracted."""

    exit_code = 2


@dataclass
class BatchFailed:
    """A batch no worker got through: the worker holding it died on every try."""

    batch: list[Any]
    reason: str
    tries: int = field(default=RETRIES + 1)


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
    """Load extraction's models in this process, single-threaded, before workers fork."""
    from quotes.extractors import EXTRACTION_LEMMAS
    from quotes.nlp.pipeline import load_pipelines
    load_pipelines(models, 1, False, EXTRACTION_LEMMAS)


def release_models() -> None:
    """Drop this process's reference to the loaded models once the workers are forked.

    The forked workers keep the weights (their pages stay mapped in the workers), so the
    parent, which only collects and writes results, gives its copy back to the system: at
    two workers that is a third less memory summed over the processes. A worker forked later
    (to replace one that died) loads the models itself on its first batch.

    >>> release_models()  # nothing loaded: nothing to do
    """
    import gc
    pipeline = sys.modules.get("quotes.nlp.pipeline")
    if pipeline is None:
        return
    pipeline.load_pipelines.cache_clear()
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None).malloc_trim(0)  # hand freed heap pages back to the system
        except (OSError, AttributeError):  # pragma: no cover - not glibc
            pass


# --- the pool ---------------------------------------------------------------------------------

def start_method() -> str:
    """``fork`` where the platform has it (workers share the loaded models), else ``spawn``.

    >>> start_method() in ("fork", "spawn")
    True
    """
    import multiprocessing as mp
    return "fork" if "fork" in mp.get_all_start_methods() else "spawn"


def _die_with_parent(parent: int) -> None:
    """Make this worker end when its parent does: the kernel's parent-death signal on
    Linux, and a watchdog thread everywhere (the parent may die before the signal is set)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_PDEATHSIG = 1
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the watchdog remains
            pass

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(WATCHDOG_EVERY)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, name="quotes-watchdog", daemon=True).start()


def _worker(conn, work: Callable[[Any], Any], parent: int) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    os.environ["OMP_NUM_THREADS"] = "1"  # the processes share the cores
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(1)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        i, batch = job
        try:
            answer = (i, True, work(batch))
        except BaseException as err:  # sent back and raised in the parent
            answer = (i, False, err)
        try:
            conn.send(answer)
        except Exception as err:  # an unpicklable answer or exception
            conn.send((i, False, QuotesError(f"worker could not send its answer back: {err!r}")))


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        return f"worker process died (killed by {name})"
    return f"worker process died (exit code {exitcode})"


class _Pool:
    """Worker processes, each with its own pipe: the pool always knows which batch a
    worker holds, so a death costs that batch one try and nothing else."""

    def __init__(self, work: Callable[[Any], Any], workers: int, method: str):
        import multiprocessing as mp
        self.ctx = mp.get_context(method)
        self.work = work
        self.size = workers
        self.procs: dict[Any, tuple[Any, Any]] = {}  # conn -> (process, job index or None)

    def start(self) -> None:
        parent_end, child_end = self.ctx.Pipe()
        p = self.ctx.Process(target=_worker, args=(child_end, self.work, os.getpid()),
                             name="quotes-worker", daemon=True)
        p.start()
        child_end.close()
        self.procs[parent_end] = (p, None)

    def idle(self) -> list[Any]:
        """Idle workers; one that died idle (after its last answer) is replaced first."""
        for conn, (p, job) in list(self.procs.items()):
            if job is None and not p.is_alive():
                self.drop(conn)
                self.start()
        return [c for c, (_, job) in self.procs.items() if job is None]

    def drop(self, conn) -> None:
        p, _ = self.procs.pop(conn)
        p.join(1)
        conn.close()

    def send(self, conn, i: int, batch) -> bool:
        """Give a worker a batch; False (worker replaced) if it is gone."""
        p, _ = self.procs[conn]
        try:
            conn.send((i, batch))
        except OSError:
            self.drop(conn)
            self.start()
            return False
        self.procs[conn] = (p, i)
        return True

    def close(self) -> None:
        for conn, (p, job) in list(self.procs.items()):
            if job is None:
                try:
                    conn.send(None)
                except OSError:
                    pass
        deadline = time.monotonic() + 2
        for conn, (p, job) in list(self.procs.items()):
            if job is not None:
                p.kill()
            p.join(max(0.0, deadline - time.monotonic()))
            if p.is_alive():
                p.kill()
                p.join(1)
            conn.close()
        self.procs.clear()


def run_pool(batches: Iterable[Any], work: Callable[[Any], Any], *, workers: int = 2,
             method: str | None = None, retries: int = RETRIES,
             started: Callable[[], None] | None = None) -> Iterator[Any]:
    """Yield ``work(batch)`` for every batch, in input order, computed on ``workers``
    processes; a batch whose worker died on every try (``1 + retries``) yields a
    :class:`BatchFailed` instead. An exception ``work`` raises is raised here.
    ``started`` is called once the first workers are running (e.g. :func:`release_models`).

    ``work`` must be picklable under ``spawn`` (a module-level function or a
    ``functools.partial`` of one); under ``fork`` (the default where available) whatever this
    process has loaded (models) is shared with the workers.
    """
    from multiprocessing.connection import wait
    pool = _Pool(work, workers, method or start_method())
    source = iter(batches)
    todo: deque[tuple[int, Any]] = deque()  # (index, batch) waiting for a worker: retries first
    held: dict[int, tuple[Any, int]] = {}  # index -> (batch, tries so far)
    done: dict[int, Any] = {}
    next_out = taken = 0
    limit = 2 * workers
    exhausted = False
    try:
        for _ in range(workers):
            pool.start()
        if started is not None:
            started()
        while True:
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            for conn in pool.idle():
                if not todo and not exhausted and taken < next_out + limit:
                    batch = next(source, _END)
                    if batch is _END:
                        exhausted = True
                    else:
                        todo.append((taken, batch))
                        held[taken] = (batch, 0)
                        taken += 1
                if not todo:
                    break
                i, batch = todo.popleft()
                if not pool.send(conn, i, batch):
                    todo.appendleft((i, batch))
            busy = {c: p for c, (p, job) in pool.procs.items() if job is not None}
            if not busy:
                if exhausted and not todo:
                    return
                continue
            ready = wait(list(busy) + [p.sentinel for p in busy.values()])
            _collect(pool, busy, set(ready), held, done, todo, retries)
    finally:
        pool.close()


def _collect(pool: _Pool, busy: dict, ready: set, held: dict, done: dict, todo: deque, retries: int) -> None:
    """Take the answers of the workers that are ready; a worker that died costs its batch one
    try (it goes back to the front of ``todo``) or, past ``retries``, a :class:`BatchFailed`."""
    for conn, p in busy.items():
        _, i = pool.procs[conn]
        if conn in ready:
            try:
                j, ok, answer = conn.recv()
            except (EOFError, OSError):
                pass  # died: handled below
            else:
                if not ok:
                    raise answer
                del held[j]
                done[j] = answer
                pool.procs[conn] = (p, None)
                continue
        if p.sentinel in ready or conn in ready:
            p.join(1)
            if p.is_alive():
                continue
            reason = _death(p.exitcode)
            pool.drop(conn)
            batch, tries = held[i]
            if tries < retries:
                held[i] = (batch, tries + 1)
                todo.appendleft((i, batch))
            else:
                del held[i]
                done[i] = BatchFailed(batch, f"{reason} on every one of {tries + 1} tries")
            pool.start()


_END = object()


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _report(failed: Callable[[Article, str], None] | None, art: Article, reason: str) -> None:
    if failed is None:
        raise WorkerError(f"{art.id}: {reason}")
    failed(art, reason)


def extract_parallel(articles: Iterable[Article], *, workers: int = 1, models: str | None = None,
                     batch: int = 8, failed: Callable[[Article, str], None] | None = None,
                     method: str | None = None) -> Iterator[Result]:
    """Yield ``(article, attributions)`` for every article, in input order.

    ``workers=1`` runs in this process (models cached here); more use :func:`run_pool`,
    whose workers each use one thread; ``0`` means one per core (at most 4). An article
    extraction failed on (or whose worker died twice) is passed to ``failed(article,
    reason)`` and skipped; without ``failed`` it raises :class:`WorkerError`.
    """
    if workers <= 0:
        workers = min(os.cpu_count() or 1, 4)
    if workers <= 1:
        outcomes: Iterator[list[Outcome] | BatchFailed] = (
            extract_batch(b, None, models) for b in _batches(articles, batch))
    else:
        batches = _batches(articles, batch)
        first = next(batches, None)
        if first is None:
            return  # nothing to do: no models loaded, no processes started
        method = method or start_method()
        if method == "fork":
            preload_models(models)  # once, here: the forked workers share the weights
        work = functools.partial(extract_batch, extract=None, models=models, threads=1)
        outcomes = run_pool(_chain(first, batches), work, workers=workers, method=method,
                            started=release_models if method == "fork" else None)
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
