"""Benchmark hostile inputs: peak memory of `quotes extract` on text made to exhaust it.

Three inputs, each extracted together with a good article (``data/examples``):

- ``only_quotes.txt``: 19 KB of ``"`` marks (one "sentence" of 19,000 tokens);
- ``mark_line.txt``: a news paragraph, then one line of 4,000 quotation marks between words;
- ``run_on.txt``: a 5,000-word run-on sentence of news-like words.

For each, the command's wall time, peak memory over its process tree (PSS, and RSS summed,
sampled every 50 ms as in ``memwatch.py``), its exit code, and whether the good article kept
all its records (compared with extracting it alone). The target: every peak under 1 GiB.

    python benchmarks/bench_hostile.py            # -j 1 (one process), as the issue measured
    python benchmarks/bench_hostile.py -j 2       # the default pool
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from memwatch import run  # noqa: E402

GOOD = ROOT / "data" / "examples" / "putin_nato_visit_postponed.txt"
WORDS = ("the minister said that officials in the capital would meet again and the plan "
         "was a step toward peace but critics told reporters it would fail while the "
         "government argued the deal had support from allies").split()


def hostile_inputs(folder: Path) -> dict[str, Path]:
    """Write the three hostile files into ``folder``; return them by name."""
    rnd = random.Random(7)
    files = {
        "only_quotes": '"' * 19_000 + "\n",
        "mark_line": "The talks ended on Friday, officials said.\n\n"
                     + " ".join(f'"{rnd.choice(WORDS)}' for _ in range(4_000)) + "\n",
        "run_on": " ".join(rnd.choice(WORDS) for _ in range(5_000)) + "\n",
    }
    out = {}
    for name, text in files.items():
        p = folder / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        out[name] = p
    return out


def records(out: str, doc: str) -> list[dict]:
    return [r for r in map(json.loads, out.splitlines()) if r["doc"] == doc]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workers", "-j", type=int, default=1)
    args = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    quotes = [sys.executable, "-m", "quotes.cli", "extract", "-j", str(args.workers)]
    alone = subprocess.run(quotes + [str(GOOD)], capture_output=True, text=True, env=env, check=True).stdout
    want = records(alone, GOOD.stem)
    print(f"# hostile inputs, quotes extract -j {args.workers}; the good article alone: {len(want)} records")
    print(f"{'input':<12} {'bytes':>7} {'seconds':>8} {'peak PSS MiB':>13} {'RSS sum MiB':>12} "
          f"{'exit':>5}  good records")
    worst = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in hostile_inputs(Path(tmp)).items():
            out = Path(tmp) / f"{name}.out"
            with open(out, "w") as fh:
                wall, pss, rss, rc = run(quotes + [str(GOOD), str(path)], stdout=fh,
                                         stderr=subprocess.DEVNULL, env=env)
            got = records(out.read_text(), GOOD.stem)
            worst = max(worst, pss, rss if args.workers == 1 else pss)
            print(f"{name:<12} {path.stat().st_size:>7} {wall:>8.1f} {pss / 2**20:>13.0f} {rss / 2**20:>12.0f} "
                  f"{rc:>5}  {len(got)}/{len(want)} {'kept' if got == want else 'LOST'}")
    print(f"# worst peak {worst / 2**20:.0f} MiB: {'under' if worst < 2**30 else 'OVER'} 1 GiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
