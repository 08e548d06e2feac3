"""What the article's own voice costs: statements added and time, on PolNeAR dev.

Extracts the articles' attributions once (or reads them from a JSON Lines file written by
`quotes extract`), then times building the claims layer with and without own-voice
statements: the own-voice sentences themselves (sentence split, keys, filters), cutting
records into sentences, grouping and flags. Each time is the median wall-clock time and
its CPU time (the better measure on a machine busy with other work).

    python benchmarks/bench_own_voice.py ../shared/corpora/polnear/dev
    quotes extract ../shared/corpora/polnear/dev/text > dev.jsonl
    python benchmarks/bench_own_voice.py ../shared/corpora/polnear/dev --records dev.jsonl --calls
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from quotes.claims.corpus import Corpus  # noqa: E402
from quotes.claims.normalize import claim_keys  # noqa: E402
from quotes.claims.ownvoice import own_voice  # noqa: E402
from quotes.inputs.readers import read_articles  # noqa: E402
from quotes.types import Attribution  # noqa: E402


def load(folder: Path, records: Path | None):
    text_dir = folder / "text" if (folder / "text").is_dir() else folder
    arts = [a for a in read_articles([text_dir]) if not isinstance(a, Exception)]
    if records:
        by: dict[str, list[Attribution]] = {a.id: [] for a in arts}
        for line in records.read_text(encoding="utf-8").splitlines():
            a = Attribution.from_dict(json.loads(line))
            by.setdefault(a.doc, []).append(a)
        return [(a, by[a.id]) for a in arts]
    from quotes.extractors import extract_many
    return list(extract_many(arts))


def timed(fn, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``fn`` (CPU time says more on a busy machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        getattr(claim_keys, "cache_clear", lambda: None)()  # every run starts cold
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


def count_calls(fn) -> int:
    """Python function calls made by ``fn`` (cold: claim_keys' cache emptied first)."""
    import cProfile
    import pstats
    getattr(claim_keys, "cache_clear", lambda: None)()
    prof = cProfile.Profile()
    prof.runcall(fn)
    return pstats.Stats(prof).total_calls


def fmt(t: tuple[float, float]) -> str:
    return f"{t[0]:.2f} s ({t[1]:.2f} s CPU)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="PolNeAR split folder (with text/) or a folder of .txt")
    ap.add_argument("--records", type=Path, help="JSON Lines of `quotes extract` for these articles")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--calls", action="store_true",
                    help="also count the Python function calls of one build (cProfile): a measure no load changes")
    args = ap.parse_args()
    items = load(args.folder, args.records)
    n_att = sum(len(r) for _, r in items)
    own = [x for a, r in items for x in own_voice(a, r)]
    print(f"{len(items)} articles, {n_att} attribution records, {len(own)} own-voice statements "
          f"({len(own) / max(len(items), 1):.1f} per article)")
    t_own = timed(lambda: [own_voice(a, r) for a, r in items], args.runs)

    def build(own_voice_on: bool):
        c = Corpus(items, own_voice=own_voice_on)
        c.claims()
        return c
    t_without = timed(lambda: build(False), args.runs)
    t_with = timed(lambda: build(True), args.runs)
    c_without, c_with = build(False), build(True)
    if args.calls:
        for on in (False, True):
            print(f"function calls, claims layer {'with' if on else 'without'} own voice: "
                  f"{count_calls(lambda: build(on)):,}")
    print(f"own-voice sentences alone: {fmt(t_own)}")
    print(f"claims layer without own voice: {fmt(t_without)}, {len(c_without.statements)} statements, "
          f"{len(c_without.claims())} claims")
    print(f"claims layer with own voice:    {fmt(t_with)}, {len(c_with.statements)} statements, "
          f"{len(c_with.claims())} claims (+{t_with[0] - t_without[0]:.2f} s, "
          f"+{t_with[1] - t_without[1]:.2f} s CPU)")


if __name__ == "__main__":
    main()
