"""`Corpus.from_paths` against `quotes extract` on the same folder (issue 17: one fast path).

    python benchmarks/bench_from_paths.py [--texts ../shared/corpora/polnear/dev/text] [--repeat 3]

Both run from a fresh process, as a user runs them, with the default workers and no
progress bar, alternating so that the machine's drift hits both alike: `quotes extract DIR`
(JSON Lines to /dev/null) and a Python process that calls `quotes.Corpus.from_paths(DIR)`.
Prints every wall time, the best of each and the ratio
(target: from_paths no more than 1.1 x extract).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memwatch import timed  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear" / "dev" / "text"
FROM_PATHS = ("import sys, quotes; c = quotes.Corpus.from_paths(sys.argv[1], progress=False); "
              "print(len(c), 'articles', file=sys.stderr)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", default=str(DEFAULT), help="folder of .txt articles")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    commands = {
        "quotes extract": [sys.executable, "-m", "quotes.cli", "extract", args.texts, "-q",
                           "--format", "jsonl"],
        "Corpus.from_paths": [sys.executable, "-c", FROM_PATHS, args.texts],
    }
    times: dict[str, list[float]] = {k: [] for k in commands}
    for i in range(args.repeat):
        for name, cmd in commands.items():
            wall, rc = timed(cmd, stdout=subprocess.DEVNULL)
            if rc != 0:
                print(f"{name} failed (exit {rc})", file=sys.stderr)
                return 1
            times[name].append(wall)
            print(f"run {i + 1}: {name:18s} {wall:6.1f} s", flush=True)
    best = {k: min(v) for k, v in times.items()}
    for name, v in times.items():
        print(f"{name:18s} best {best[name]:.1f} s, median {statistics.median(v):.1f} s "
              f"({', '.join(f'{x:.1f}' for x in v)})")
    ratio = best["Corpus.from_paths"] / best["quotes extract"]
    print(f"from_paths / extract (best of {args.repeat}): {ratio:.2f} (target <= 1.10)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
