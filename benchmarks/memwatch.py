"""Run a command and report its wall time and peak memory (RSS summed over the process
tree, sampled every 20 ms from /proc). Linux only; no dependencies.

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


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int) -> int:
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        total += _rss(p)
        stack.extend(_children(p))
    return total


def run(cmd: list[str], **kw) -> tuple[float, int, int]:
    """Run ``cmd``; return (wall seconds, peak tree RSS in bytes, exit code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, **kw)
    peak = [0]
    done = threading.Event()

    def watch():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.02)

    th = threading.Thread(target=watch, daemon=True)
    th.start()
    rc = proc.wait()
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    return wall, peak[0], rc


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--":
        args = args[1:]
    wall, peak, rc = run(args, stdout=subprocess.DEVNULL)
    print(f"wall {wall:.2f} s  peak RSS {peak / 2**20:.0f} MiB  exit {rc}")
    sys.exit(rc)
