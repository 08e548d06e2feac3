"""The process pool's parent lane (quotes.extractors.pool): answers in input order, errors
and dead workers while the parent computes a share itself, one worker unchanged.

Model-free. Nothing here is timed: where a test needs the parent to compute a batch, the
workers wait (at most :data:`PATIENCE` seconds) until it has, so the parent, finding no
answer ready, always takes one; where a worker must die while the parent computes, the
parent's batch waits until the worker has started dying.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import time
from pathlib import Path

import pytest

from quotes.extractors.pool import BatchFailed, run_pool
from quotes.types import Article

#: Seconds a gated process waits for the other side before going on regardless (the
#: assertions then fail: they never depend on it).
PATIENCE = 60.0


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + PATIENCE
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)


def _gated(batch, *, parent: int, gate: Path | None):
    """Squares, each with the process that computed it; workers start only once the parent
    has computed a batch (``gate``), so the parent lane is sure to be used."""
    if os.getpid() == parent:
        if gate is not None:
            gate.touch()
    elif gate is not None:
        _wait_for(gate)
    return [(x * x, os.getpid()) for x in batch]


def _no_workers_left() -> bool:
    return multiprocessing.active_children() == []


@pytest.mark.parametrize("workers, parent_lane, n, parent_computes, forked", [
    (2, True, 7, True, 1),     # the parent is one of two workers: one process forked
    (3, True, 9, True, 2),
    (2, False, 5, False, 2),   # no lane: the parent only collects
    (1, True, 4, False, 1),    # one worker: no lane, the batches stay off this process
])
def test_answers_come_in_input_order_with_or_without_the_parent_lane(tmp_path, workers, parent_lane, n,
                                                                   parent_computes, forked):
    gate = tmp_path / "parent-computed" if parent_computes else None
    work = functools.partial(_gated, parent=os.getpid(), gate=gate)
    batches = [[i, i + 100] for i in range(n)]
    results = list(run_pool(batches, work, workers=workers, parent_lane=parent_lane))
    assert [[sq for sq, _ in r] for r in results] == [[i * i, (i + 100) ** 2] for i in range(n)]
    pids = {pid for r in results for _, pid in r}
    assert (os.getpid() in pids) == parent_computes
    assert len(pids - {os.getpid()}) <= forked
    assert _no_workers_left()


def _raises_in(batch, *, parent: int, where: str, gate: Path):
    here = "parent" if os.getpid() == parent else "worker"
    if here == "parent":
        gate.touch()
    else:
        _wait_for(gate)
    if here == where:
        raise ValueError(f"bad batch {batch} in the {here}")
    return batch


@pytest.mark.parametrize("where", ["parent", "worker"])
def test_an_exception_in_a_batch_is_raised_here_wherever_it_was_computed(tmp_path, where):
    work = functools.partial(_raises_in, parent=os.getpid(), where=where, gate=tmp_path / "gate")
    with pytest.raises(ValueError, match=f"in the {where}"):
        list(run_pool([[i] for i in range(6)], work, workers=2, parent_lane=True))
    assert _no_workers_left()


def _dies_in_worker(batch, *, parent: int, killer: int, always: bool, dying: Path):
    """The batch ``[killer]`` kills the worker holding it (every time, or its first time
    only); the parent's own batches wait until that worker has started dying."""
    if os.getpid() == parent:
        assert batch != [killer], "a batch that killed a worker was computed in the parent"
        _wait_for(dying)
    elif batch == [killer] and (always or not dying.exists()):
        dying.touch()
        os.kill(os.getpid(), 9)
    return [x * x for x in batch]


@pytest.mark.parametrize("killer, always, retries, failed", [
    (0, True, 1, True),    # the batch the worker computes; the one queued behind it goes again free
    (0, True, 0, True),    # no second try: still only the batch it computed fails
    (1, True, 1, True),    # the batch queued behind the worker's first one
    (0, False, 1, False),  # the worker died once: the second try goes through
])
def test_a_worker_killed_while_the_parent_computes_costs_only_its_batch(tmp_path, killer, always, retries,
                                                                        failed):
    work = functools.partial(_dies_in_worker, parent=os.getpid(), killer=killer, always=always,
                             dying=tmp_path / "dying")
    results = list(run_pool([[i] for i in range(8)], work, workers=2, parent_lane=True, retries=retries))
    assert [r if isinstance(r, list) else "failed" for r in results] == \
        [("failed" if i == killer and failed else [i * i]) for i in range(8)]
    if failed:
        assert results[killer].batch == [killer]
        assert results[killer].reason == \
            f"worker process died (killed by SIGKILL) on every one of {retries + 1} tries"
    assert _no_workers_left()


def _killer_anywhere(batch):
    if batch == [2]:
        os.kill(os.getpid(), 9)
    return [os.getpid()]


def test_one_worker_keeps_every_batch_off_this_process_even_with_the_lane_asked_for():
    results = list(run_pool([[i] for i in range(5)], _killer_anywhere, workers=1, parent_lane=True))
    assert isinstance(results[2], BatchFailed)
    assert all(r[0] != os.getpid() for i, r in enumerate(results) if i != 2)


# --- extraction on the parent lane: a bad article is reported, the run goes on --------------------

def _fake_many(items, *, parent: int, gate: Path, seen: list, **_):
    if os.getpid() == parent:
        seen.extend(a.id for a in items)
        gate.touch()
    else:
        _wait_for(gate)
    for art in items:
        if "EXPLODE" in art.text:
            raise RuntimeError("boom")
        yield art, []


def test_a_bad_article_in_the_parents_batch_is_reported_like_a_workers(tmp_path, monkeypatch):
    import quotes.extractors as extractors
    from quotes.extractors import parallel
    seen: list[str] = []
    monkeypatch.setattr(extractors, "extract_many", functools.partial(
        _fake_many, parent=os.getpid(), gate=tmp_path / "gate", seen=seen))
    monkeypatch.setattr(parallel, "preload_models", lambda models=None: None)
    batches = [[Article(f"{b}{k}", "EXPLODE" if k == 1 else "fine") for k in range(3)] for b in "abcde"]
    results = list(parallel.run_extraction(batches, workers=2, method="fork"))
    assert [[(art.id, out) for art, out in r] for r in results] == [
        [(f"{b}0", []), (f"{b}1", "extraction failed: RuntimeError: boom"), (f"{b}2", [])] for b in "abcde"]
    assert seen, "the parent computed no batch"
    assert _no_workers_left()
    assert gc.get_freeze_count() == 0, "what the pool froze in this process is collectable again"
