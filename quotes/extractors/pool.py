"""The one local process pool: workers forked (or spawned) once, batches in, answers out in order.

:func:`run_pool` computes ``work(batch)`` for every batch on worker processes and yields the
answers in input order, with at most ``2 * workers`` batches in flight. Where the platform
can fork, whatever this process loaded before the pool started (the models) is shared with
the workers instead of each loading its own copy.

The parent lane (``parent_lane=True``, at two workers or more): the parent process is one
of the ``workers`` itself, so ``workers - 1`` processes are forked. Whenever the parent
would otherwise wait for an answer and a new batch is within the bounds, it computes that
batch here; meanwhile each worker holds up to two batches (one it computes, one queued),
so it does not wait for the parent either. At two workers that is two processes holding
the models rather than three (the parent keeps its own copy anyway: it loaded them).
What the parent lane gives up is isolation for the batches the parent computes: an
exception ``work`` raises is raised here as a worker's would be, but a batch that kills
its process (a crash in native code, the kernel's out-of-memory killer) kills the run
instead of costing one worker. Batches tried again after a worker died are never computed
in the parent. Use it only for work that reports bad input as values (extraction reports
a bad article as a failure and goes on, :func:`quotes.extractors.parallel.extract_batch`).

Faults: a worker dies with its parent (``PR_SET_PDEATHSIG`` on Linux, and everywhere a
watchdog thread that notices the parent is gone), so killing ``quotes`` leaves no worker
behind. When a worker dies (killed, out of memory), the pool starts another; the oldest
batch the worker held (the one it was computing) gets one more try and, after a second
death, is reported as :class:`BatchFailed`; a batch queued behind it is tried again at no
cost. A batch tried again runs on a worker alone, so a batch that kills its worker cannot
cost another batch a try twice. The run goes on.

>>> list(run_pool([[1, 2], [3], [4, 5, 6]], len, workers=2))
[2, 1, 3]
>>> list(run_pool([[1, 2], [3], [4, 5, 6]], len, workers=2, parent_lane=True))
[2, 1, 3]
"""

from __future__ import annotations

import os
import queue
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
#: Bytes of answers a worker may leave in the kernel's buffer while the parent is busy
#: computing its own batch (the system's maximum caps it; 90-180 KB per 16 news articles).
SEND_BUFFER = 4 << 20
#: Batches a worker holds at once with the parent lane (one it computes, one queued).
DEPTH = 2


@dataclass
class BatchFailed:
    """A batch no worker got through: the worker holding it died on every try."""

    batch: list[Any]
    reason: str
    tries: int = field(default=RETRIES + 1)


def start_method() -> str:
    """``fork`` where the platform has it (workers share the loaded models), else ``spawn``.

    >>> start_method() in ("fork", "spawn")
    True
    """
    import multiprocessing as mp
    return "fork" if "fork" in mp.get_all_start_methods() else "spawn"


# --- the worker process -----------------------------------------------------------------------

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


def _roomy(conn) -> None:
    """Let the worker's answers wait in the kernel (up to :data:`SEND_BUFFER`) rather than
    block the worker while the parent is computing a batch of its own."""
    import socket
    try:
        sock = socket.socket(fileno=os.dup(conn.fileno()))
    except (OSError, ValueError, AttributeError):  # pragma: no cover - not a socket (Windows pipe)
        return
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
    except OSError:  # pragma: no cover - the system refuses: answers wait in the worker
        pass
    finally:
        sock.close()


def _receive(conn, jobs: queue.SimpleQueue) -> None:
    """The worker's reader thread: jobs go to ``jobs`` as they arrive (so the parent never
    blocks handing over a queued batch); ``None`` when the parent says stop or is gone."""
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            job = None
        jobs.put(job)
        if job is None:
            return


def _worker(conn, work: Callable[[Any], Any], parent: int) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    os.environ["OMP_NUM_THREADS"] = "1"  # the processes share the cores
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(1)
    _roomy(conn)
    jobs: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(conn, jobs), name="quotes-jobs", daemon=True).start()
    while (job := jobs.get()) is not None:
        i, batch = job
        try:
            answer = (i, True, work(batch))
        except BaseException as err:  # sent back and raised in the parent
            answer = (i, False, err)
        try:
            conn.send(answer)
        except (EOFError, OSError):  # the parent is gone
            return
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


# --- the worker processes, seen from the parent --------------------------------------------------

@dataclass
class _Lane:
    """A worker process and the batches it holds, oldest (the one it computes) first."""

    process: Any
    jobs: deque = field(default_factory=deque)
    alone: bool = False  # holds a batch tried again: nothing goes with it
    gone: bool = False  # could not be sent a batch: died holding others (collect sees to it)


class _Pool:
    """Worker processes, each with its own pipe: the pool always knows which batches a
    worker holds, so a death costs the batch it was computing one try and nothing else."""

    def __init__(self, work: Callable[[Any], Any], processes: int, method: str, depth: int = 1):
        import multiprocessing as mp
        self.ctx = mp.get_context(method)
        self.work, self.size, self.depth = work, processes, depth
        self.lanes: dict[Any, _Lane] = {}  # conn -> lane

    def start(self) -> None:
        parent_end, child_end = self.ctx.Pipe()
        p = self.ctx.Process(target=_worker, args=(child_end, self.work, os.getpid()),
                             name="quotes-worker", daemon=True)
        p.start()
        child_end.close()
        self.lanes[parent_end] = _Lane(p)

    def room(self, retry: bool) -> list[Any]:
        """Workers that can take a batch (a batch tried again: only an empty one); a
        worker that died empty (after its last answer) is replaced first."""
        for conn, lane in list(self.lanes.items()):
            if not lane.jobs and not lane.process.is_alive():
                self.drop(conn)
                self.start()
        if retry:
            return [c for c, lane in self.lanes.items() if not lane.jobs]
        return [c for c, lane in self.lanes.items()
                if not (lane.alone or lane.gone) and len(lane.jobs) < self.depth]

    def busy(self) -> dict[Any, _Lane]:
        return {c: lane for c, lane in self.lanes.items() if lane.jobs}

    def drop(self, conn) -> None:
        lane = self.lanes.pop(conn)
        lane.process.join(1)
        conn.close()

    def send(self, conn, i: int, batch, retry: bool = False) -> bool:
        """Give a worker a batch; False if it is gone (replaced, or, if it died holding
        batches, left for :meth:`_Run.collect` to account for)."""
        lane = self.lanes[conn]
        try:
            conn.send((i, batch))
        except OSError:
            if lane.jobs:
                lane.gone = True
            else:
                self.drop(conn)
                self.start()
            return False
        lane.jobs.append(i)
        lane.alone = retry
        return True

    def close(self) -> None:
        for conn, lane in self.lanes.items():
            if not lane.jobs:
                try:
                    conn.send(None)
                except OSError:
                    pass
        deadline = time.monotonic() + 2
        for conn, lane in self.lanes.items():
            p = lane.process
            if lane.jobs:
                p.kill()
            p.join(max(0.0, deadline - time.monotonic()))
            if p.is_alive():
                p.kill()
                p.join(1)
            conn.close()
        self.lanes.clear()


# --- one run: batches in, answers out in order -------------------------------------------------

class _Run:
    """The bookkeeping of one :func:`run_pool` call: which batches are taken, held by a
    worker, waiting to be tried again, or done and waiting for their turn to be yielded."""

    def __init__(self, batches: Iterable[Any], pool: _Pool, limit: int, retries: int):
        self.source = iter(batches)
        self.pool, self.limit, self.retries = pool, limit, retries
        self.again: deque[int] = deque()  # batches to try again (their worker died), oldest first
        self.held: dict[int, tuple[Any, int]] = {}  # index -> (batch, tries so far), off this process
        self.done: dict[int, Any] = {}
        self.next_out = self.taken = 0
        self.exhausted = False

    def in_order(self) -> Iterator[Any]:
        """The answers whose turn has come."""
        while self.next_out in self.done:
            yield self.done.pop(self.next_out)
            self.next_out += 1

    def finished(self) -> bool:
        return self.exhausted and not self.held

    def fresh(self) -> tuple[int, Any] | None:
        """The next batch from the input, if one is left and the bound allows it."""
        if self.exhausted or self.taken >= self.next_out + self.limit:
            return None
        batch = next(self.source, _END)
        if batch is _END:
            self.exhausted = True
            return None
        self.taken += 1
        return self.taken - 1, batch

    def dispatch(self) -> None:
        """Hand batches to the workers with room: those to try again first, each alone on
        an empty worker (until one is, the workers get no new batch: they empty)."""
        while self.again and (room := self.pool.room(retry=True)):
            i = self.again.popleft()
            if not self.pool.send(room[0], i, self.held[i][0], retry=True):
                self.again.appendleft(i)
        while not self.again and (room := self.pool.room(retry=False)) and (job := self.fresh()) is not None:
            self.held[job[0]] = (job[1], 0)
            if not self.pool.send(room[0], *job):
                self.again.append(job[0])  # that worker is gone: the next free one takes it

    def compute_here(self, work: Callable[[Any], Any]) -> bool:
        """The parent lane: compute the next new batch in this process; False if there is none."""
        job = self.fresh()
        if job is None:
            return False
        self.done[job[0]] = work(job[1])
        return True

    def collect(self, timeout: float | None) -> bool:
        """Take the answers of the workers that are ready (waiting up to ``timeout``
        seconds, ``None``: until one is); True if a worker answered or died."""
        from multiprocessing.connection import wait
        busy = self.pool.busy()
        if not busy:
            return False
        ready = set(wait(list(busy) + [lane.process.sentinel for lane in busy.values()], timeout))
        for conn, lane in busy.items():
            if conn in ready and self._answer(conn, lane):
                continue
            if lane.process.sentinel in ready or conn in ready:
                self._died(conn, lane)
        return bool(ready)

    def _answer(self, conn, lane: _Lane) -> bool:
        try:
            j, ok, answer = conn.recv()
        except (EOFError, OSError):
            return False  # died: see _died
        if not ok:
            raise answer
        del self.held[j]
        self.done[j] = answer
        lane.jobs.remove(j)
        lane.alone = lane.alone and bool(lane.jobs)
        return True

    def _died(self, conn, lane: _Lane) -> None:
        """A worker died: the batch it was computing costs a try (or, past ``retries``, is a
        :class:`BatchFailed`); a batch queued behind it is tried again at no cost."""
        lane.process.join(1)
        if lane.process.is_alive():
            return
        reason = _death(lane.process.exitcode)
        self.pool.drop(conn)
        first, *queued = lane.jobs
        batch, tries = self.held[first]
        if tries < self.retries:
            self.held[first] = (batch, tries + 1)
            queued.insert(0, first)
        else:
            del self.held[first]
            self.done[first] = BatchFailed(batch, f"{reason} on every one of {tries + 1} tries")
        self.again.extendleft(reversed(queued))
        self.pool.start()


def run_pool(batches: Iterable[Any], work: Callable[[Any], Any], *, workers: int = 2,
             method: str | None = None, retries: int = RETRIES, parent_lane: bool = False,
             started: Callable[[], None] | None = None) -> Iterator[Any]:
    """Yield ``work(batch)`` for every batch, in input order, computed on ``workers``
    processes; a batch whose worker died on every try (``1 + retries``) yields a
    :class:`BatchFailed` instead. An exception ``work`` raises is raised here.
    ``parent_lane`` (at ``workers`` >= 2): this process is one of the workers (see the
    module's docstring for what it gives up). ``started`` is called once the first workers
    are running (e.g. :func:`~quotes.extractors.parallel.release_models`).

    ``work`` must be picklable under ``spawn`` (a module-level function or a
    ``functools.partial`` of one); under ``fork`` (the default where available) whatever this
    process has loaded (models) is shared with the workers.

    >>> list(run_pool([[1], [2, 3]], len, workers=1, parent_lane=True))  # one worker: no lane
    [1, 2]
    """
    parent_lane = parent_lane and workers >= 2
    pool = _Pool(work, workers - parent_lane, method or start_method(), DEPTH if parent_lane else 1)
    run = _Run(batches, pool, 2 * workers, retries)
    try:
        for _ in range(pool.size):
            pool.start()
        if started is not None:
            started()
        while True:
            yield from run.in_order()
            run.dispatch()
            if run.finished():
                return
            if parent_lane and (run.collect(0) or run.compute_here(work)):
                continue  # answers came in, or the parent computed a batch instead of waiting
            run.collect(None)
    finally:
        pool.close()


_END = object()
