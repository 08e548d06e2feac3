"""Run a command and report its wall time and peak memory of its whole process tree,
sampled from /proc: PSS (proportional set size: pages shared between the processes, such
as model weights a forked worker inherits, are counted once, split between them) and, for
comparison, RSS summed over the processes (counts shared pages in every process). Linux
only; no dependencies.

Sampling is not free: reading ``smaps_rollup`` walks the page tables of every process, and
on a 2-core machine every 20 ms slowed ``quotes extract`` by a fifth. :func:`timed` runs a
command unobserved for its wall time; :func:`run` samples memory (every 50 ms by default),
so its wall time is an upper bound.

    python benchmarks/memwatch.py -- quotes extract ../shared/corpora/polnear/dev/text
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time


def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out.extend(int(x) for x in fh.read().split())
    except OSError:
        pass
    return out


def _mem(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in bytes."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
    except OSError:
        pass
    return pss, rss


def tree_procs(pid: int) -> dict[int, tuple[int, int]]:
    """(PSS, RSS) of ``pid`` and of each of its descendants, by process id."""
    out: dict[int, tuple[int, int]] = {}
    stack = [pid]
    while stack:
        p = stack.pop()
        if p in out:
            continue
        out[p] = _mem(p)
        stack.extend(_children(p))
    return out


def tree_mem(pid: int) -> tuple[int, int]:
    """(PSS, RSS) summed over ``pid`` and its descendants."""
    procs = tree_procs(pid).values()
    return sum(p for p, _ in procs), sum(r for _, r in procs)


def timed(cmd: list[str], **kw) -> tuple[float, int]:
    """Run ``cmd`` unobserved; return (wall seconds, exit code)."""
    t0 = time.perf_counter()
    rc = subprocess.run(cmd, **kw).returncode
    return time.perf_counter() - t0, rc


def run(cmd: list[str], interval: float = 0.05, **kw) -> tuple[float, int, int, int]:
    """Run ``cmd`` sampling memory every ``interval`` seconds; return (wall seconds, peak
    tree PSS, peak tree RSS sum (bytes), exit code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, **kw)
    peak = [0, 0]
    done = threading.Event()

    def watch():
        while not done.is_set():
            pss, rss = tree_mem(proc.pid)
            peak[0], peak[1] = max(peak[0], pss), max(peak[1], rss)
            time.sleep(interval)

    th = threading.Thread(target=watch, daemon=True)
    th.start()
    rc = proc.wait()
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    return wall, peak[0], peak[1], rc


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--":
        args = args[1:]
    wall, rc = timed(args, stdout=subprocess.DEVNULL)
    _, pss, rss, rc2 = run(args, stdout=subprocess.DEVNULL)
    print(f"wall {wall:.2f} s (unobserved run)  peak PSS {pss / 2**20:.0f} MiB  "
          f"(RSS summed {rss / 2**20:.0f} MiB; sampled run)  exit {rc or rc2}")
    sys.exit(rc or rc2)
