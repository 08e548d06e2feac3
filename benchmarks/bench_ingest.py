"""Benchmark `quotes ingest`: articles per minute and peak memory, at 1 and 2 workers.

Ingests PolNeAR train (840 articles) into a fresh store per worker count and prints,
at several corpus sizes (after 100, 200, 400, ... articles), the rate so far and the
memory of this process plus its workers (RSS summed over the process tree, and PSS,
which counts pages the forked workers share once; sampled every 50 ms from /proc, via
memwatch.py; MiB), and each process's RSS at the summed peak. Peak memory should stay
flat as the corpus grows: ingest streams, it never holds all parsed documents.

At two workers or more the parent extracts one worker's share itself (the pool's parent
lane: two processes hold the models at ``--workers 2``); ``--no-parent-lane`` measures the
layout without it (the parent forks ``--workers`` processes and drops its models).

    python benchmarks/bench_ingest.py                      # full run: real extractor (models)
    python benchmarks/bench_ingest.py --limit 5            # smoke test
    python benchmarks/bench_ingest.py --fake --limit 200   # plumbing only, no models
    python benchmarks/bench_ingest.py --workers 2 --no-parent-lane   # parent + 2 forked workers
    python benchmarks/bench_ingest.py --workers 2 --scheduler tcp://host:8786
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from memwatch import tree_mem, tree_procs  # noqa: E402  (one /proc process-tree walk for all benchmarks)
DEFAULT_TEXT = ROOT.parent / "shared" / "corpora" / "polnear" / "train" / "text"
MB = 1024 * 1024


def tree_rss(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in bytes (RSS summed; see memwatch)."""
    return tree_mem(pid)[1]


class Sampler:
    """Samples the process tree's memory in a thread: ``peak`` RSS summed since start,
    ``now``, ``peak_pss``, and ``at_peak`` (each process's RSS when the summed RSS peaked)."""

    def __init__(self, every: float = 0.05):
        self.every, self.peak, self.now, self.peak_pss = every, 0, 0, 0
        self.at_peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            procs = tree_procs(os.getpid())
            self.now = sum(rss for _, rss in procs.values())
            if self.now > self.peak:
                self.peak, self.at_peak = self.now, {p: rss for p, (_, rss) in procs.items()}
            self.peak_pss = max(self.peak_pss, sum(pss for pss, _ in procs.values()))
            time.sleep(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def breakdown(self) -> str:
        """``parent N + worker N ...`` (MiB) at the summed peak."""
        me = os.getpid()
        parts = [f"parent {self.at_peak.get(me, 0) / MB:.0f}"]
        parts += [f"worker {rss / MB:.0f}" for p, rss in sorted(self.at_peak.items()) if p != me]
        return " + ".join(parts)


def bench(files: list[Path], workers: int, args, extract) -> dict:
    from quotes.store.ingest import ingest
    checkpoints = sorted(c for c in args.checkpoints if c < len(files)) + [len(files)]
    rows: list[dict] = []
    t0 = time.perf_counter()

    with tempfile.TemporaryDirectory() as tmp, Sampler() as mem:
        db = Path(args.db or tmp) / f"bench_w{workers}.db"
        if db.exists():
            db.unlink()

        def at_batch(report):
            while checkpoints and report.seen >= checkpoints[0]:
                dt = time.perf_counter() - t0
                rows.append({"articles": report.seen, "seconds": dt,
                             "per_min": 60 * report.ingested / dt if dt else 0.0,
                             "rss_mb": mem.now / MB, "peak_mb": mem.peak / MB})
                checkpoints.pop(0)

        report = ingest([str(f) for f in files], db, workers=workers, scheduler=args.scheduler,
                        extract=extract, models=args.models, batch=args.batch, quiet=True,
                        progress=False, callback=at_batch, start_method=args.start_method,
                        parent_lane=False if args.no_parent_lane else None)
    return {"workers": workers, "report": report, "rows": rows, "peak_mb": mem.peak / MB,
            "pss_mb": mem.peak_pss / MB, "breakdown": mem.breakdown()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--path", type=Path, default=DEFAULT_TEXT, help="folder of .txt articles")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    ap.add_argument("--scheduler", help="Dask scheduler address (instead of the local pool)")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--checkpoints", type=lambda s: [int(x) for x in s.split(",")],
                    default=[100, 200, 400, 800], help="corpus sizes to report at (default 100,200,400,800)")
    ap.add_argument("--fake", action="store_true", help="model-free regex extractor (tests/fake_extract.py)")
    ap.add_argument("--models", help="models directory (default: the usual resolution order)")
    ap.add_argument("--db", help="keep the stores in this folder (default: a temporary one)")
    ap.add_argument("--start-method", choices=("fork", "spawn"), default=None,
                    help="how the pool starts its workers (default fork where available: they share "
                         "the models loaded once; spawn: each loads its own)")
    ap.add_argument("--no-parent-lane", action="store_true",
                    help="the parent only collects: --workers forked processes extract (the layout "
                         "before the parent lane)")
    args = ap.parse_args(argv)

    files = sorted(args.path.glob("*.txt"))[: args.limit]
    if not files:
        ap.error(f"no .txt files in {args.path}")
    extract = None
    if args.fake:
        sys.path.insert(0, str(ROOT / "tests"))
        from fake_extract import fake_extract as extract
    print(f"# ingest benchmark: {len(files)} articles from {args.path}, "
          f"extractor {'fake' if args.fake else 'real'}, batch {args.batch}")
    for w in args.workers:
        res = bench(files, w, args, extract)
        r = res["report"]
        print(f"\n## workers {w}{' (Dask ' + args.scheduler + ')' if args.scheduler else ''}")
        print(f"{'articles':>8} {'seconds':>8} {'art/min':>8} {'rss MiB':>8} {'peak MiB':>8}")
        for row in res["rows"]:
            print(f"{row['articles']:>8} {row['seconds']:>8.1f} {row['per_min']:>8.1f} "
                  f"{row['rss_mb']:>8.0f} {row['peak_mb']:>8.0f}")
        print(f"{r.summary}; {r.articles_per_minute:.1f} articles/min (incl. claim refresh); "
              f"peak {res['peak_mb']:.0f} MiB RSS summed ({res['breakdown']}), {res['pss_mb']:.0f} MiB PSS")
        for f in r.failures[:5]:
            print(f"  failed: {f}")
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\n# getrusage max RSS: self {self_mb:.0f} MiB, largest child {child_mb:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
