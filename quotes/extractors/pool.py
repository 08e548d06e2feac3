"""The one local process pool: workers forked (or spawned) once, batches in, answers out in order.

:func:`run_pool` computes ``work(batch)`` for every batch on worker processes and yields the
answers in input order, with at most ``2 * workers`` batches in flight. Where the platform
can fork, whatever this process loaded before the pool started (the models) is shared with
the workers instead of each loading its own copy.

Faults: a worker dies with its parent (``PR_SET_PDEATHSIG`` on Linux, and everywhere a
watchdog thread that notices the parent is gone), so killing ``quotes`` leaves no worker
behind. When a worker dies (killed, out of memory), the pool starts another, gives the
batch it held one more try, and after a second death reports that batch as
:class:`BatchFailed`; the run goes on.

>>> list(run_pool([[1, 2], [3], [4, 5, 6]], len, workers=2))
[2, 1, 3]
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from quotes.errors import QuotesError

#: How many times a batch is tried again after the worker holding it died.
RETRIES = 1
#: Seconds between a worker's checks that its parent is still alive.
WATCHDOG_EVERY = 0.5


@dataclass
class BatchFailed:
    """A batch no worker got through: the worker holding it died on every try."""

    batch: list[Any]
    reason: str
    tries: int = field(default=RETRIES + 1)


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
