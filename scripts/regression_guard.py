"""Regression guard: does the code here give the same records as a base revision?

Runs ``quotes extract`` over PolNeAR dev and the example articles, and the Emergent
headline-stance predictions, once on a base revision (checked out in a temporary git
worktree) and once on this checkout, and compares them. Fields the base did not have
(``rule``, and any other added key) are dropped before the comparison, so a change that
only adds provenance passes; any other difference is printed and the exit status is 1.

    python scripts/regression_guard.py                      # against the default base
    python scripts/regression_guard.py --base HEAD~3 -j 2

The base's outputs are cached under ``benchmarks/out/guard/<commit>/``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
#: The last commit before the restructure (issue 12): what the refactor must reproduce.
DEFAULT_BASE = "e66cf65"

EMERGENT_SNIPPET = """
import json, sys
try:
    from quotes.evaluation.emergent import read_emergent, score
except ImportError:
    from quotes.evaluate_emergent import read_emergent, score
print(json.dumps(score(read_emergent(sys.argv[1])).predictions))
"""


def run_outputs(src: Path, out: Path, inputs: list[Path], emergent: Path, workers: int) -> None:
    """Write ``extract.jsonl`` and ``emergent.json`` for the code in ``src`` into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(src))
    with open(out / "extract.jsonl", "wb") as fh:
        subprocess.run([sys.executable, "-m", "quotes.cli", "extract", *map(str, inputs),
                        "--format", "jsonl", "-j", str(workers)], cwd=src, env=env, stdout=fh, check=True)
    with open(out / "emergent.json", "wb") as fh:
        subprocess.run([sys.executable, "-c", EMERGENT_SNIPPET, str(emergent)], cwd=src, env=env,
                       stdout=fh, check=True)


def _strip(new: dict, old: dict) -> dict:
    """``new`` without the keys ``old`` lacks (recursively for nested records)."""
    out = {}
    for k, v in new.items():
        if k not in old:
            continue
        if isinstance(v, dict) and isinstance(old[k], dict):
            v = _strip(v, old[k])
        elif isinstance(v, list) and isinstance(old[k], list) and len(v) == len(old[k]):
            v = [_strip(a, b) if isinstance(a, dict) and isinstance(b, dict) else a for a, b in zip(v, old[k])]
        out[k] = v
    return out


def compare(base: Path, here: Path) -> list[str]:
    """The differences between two output folders, one line each (empty when equal)."""
    diffs = []
    old = [json.loads(x) for x in (base / "extract.jsonl").read_text().splitlines()]
    new = [json.loads(x) for x in (here / "extract.jsonl").read_text().splitlines()]
    if len(old) != len(new):
        diffs.append(f"extract: {len(old)} records at base, {len(new)} here")
    for i, (a, b) in enumerate(zip(old, new)):
        if _strip(b, a) != a:
            diffs.append(f"extract record {i} ({a.get('doc')} {a.get('start')}-{a.get('end')}): "
                         f"{json.dumps(a)[:300]} != {json.dumps(_strip(b, a))[:300]}")
    pe = json.loads((base / "emergent.json").read_text())
    ne = json.loads((here / "emergent.json").read_text())
    changed = [i for i, (x, y) in enumerate(zip(pe, ne)) if x != y]
    if len(pe) != len(ne) or changed:
        diffs.append(f"emergent: {len(changed)} of {len(pe)} predictions differ (rows {changed[:20]})")
    return diffs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", default=DEFAULT_BASE, help=f"revision to compare with (default {DEFAULT_BASE})")
    ap.add_argument("--polnear", default=SHARED / "corpora/polnear/dev/text", type=Path)
    ap.add_argument("--emergent", default=SHARED / "corpora/emergent/train.csv", type=Path)
    ap.add_argument("-j", "--workers", type=int, default=2)
    args = ap.parse_args(argv)
    commit = subprocess.run(["git", "rev-parse", args.base], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.strip()
    inputs = [args.polnear, ROOT / "data/examples"]
    cache = ROOT / "benchmarks/out/guard" / commit
    if not (cache / "emergent.json").exists():
        with tempfile.TemporaryDirectory() as tmp:
            tree = Path(tmp) / "base"
            subprocess.run(["git", "worktree", "add", "--detach", str(tree), commit], cwd=ROOT, check=True,
                           capture_output=True)
            try:
                partial = cache.with_name(cache.name + ".partial")
                run_outputs(tree, partial, [args.polnear, tree / "data/examples"], args.emergent, args.workers)
                shutil.rmtree(partial.with_suffix(""), ignore_errors=True)
                partial.rename(cache)  # only a finished run is cached
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)
    with tempfile.TemporaryDirectory() as tmp:
        here = Path(tmp)
        run_outputs(ROOT, here, inputs, args.emergent, args.workers)
        diffs = compare(cache, here)
    for d in diffs[:50]:
        print(d)
    n = sum(1 for _ in (cache / "extract.jsonl").open())
    print(f"{'DIFFERENT' if diffs else 'same'}: {n} base records from {commit[:10]}, "
          f"{len(diffs)} difference(s)")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
