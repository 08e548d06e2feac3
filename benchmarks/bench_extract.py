"""Extraction speed and memory on PolNeAR dev (issue 3) and parse throughput (issue 2).

    python benchmarks/bench_extract.py [--texts ../shared/corpora/polnear/dev/text] [--workers 1]

Prints, for the compact models (or whatever `quotes info` resolves):

1. in process: stanza's parse time for the documents (only the sentences extraction
   parses, and the full parse of every sentence), the time extraction adds on top of
   it, and the ratio;
2. the whole command `quotes extract DIR` from process start: wall time (best of
   ``--repeat`` runs nobody watches) and peak memory (a separate run sampled from /proc).
"""

from __future__ import annotations

import argparse
import glob
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memwatch import run, timed  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear" / "dev" / "text"


def in_process(texts: list[str], ids: list[str], threads: int | None) -> dict[str, float]:
    from quotes.extractors import EXTRACTION_LEMMAS, attributions, is_candidate
    from quotes.nlp.entities import corrected_entities
    from quotes.lexicons import load
    from quotes.nlp import pipeline as nlp

    lex = load()
    t0 = time.perf_counter()
    nlp.load_pipelines(None, threads, False, EXTRACTION_LEMMAS)
    load_s = time.perf_counter() - t0
    res = {"load_s": load_s}
    for label, select in (("selective", lambda s: is_candidate(s, lex)), ("full", None)):
        t0 = time.perf_counter()
        docs = nlp.parse(texts, ids=ids, select=select, threads=threads, ner=False, lemmas=EXTRACTION_LEMMAS)
        res[f"parse_{label}_s"] = time.perf_counter() - t0
        res[f"tokens_{label}"] = sum(len(s.words) for d in docs for s in d.sentences if s.parsed)
        if label == "selective":
            t0 = time.perf_counter()
            n = 0
            for d in docs:
                d.entities = corrected_entities(d, lex)
                n += sum(1 for _ in attributions(d, lex))
            res["extract_s"] = time.perf_counter() - t0
            res["attributions"] = n
    res["tokens_all"] = sum(len(s.words) for d in docs for s in d.sentences)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", default=str(DEFAULT))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--skip-inprocess", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="unobserved runs timed (default 3)")
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.texts, "*.txt")))
    texts = [open(f, encoding="utf-8").read() for f in files]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(files)} articles, {words} words (whitespace-separated)")
    if not args.skip_inprocess:
        r = in_process(texts, [Path(f).stem for f in files], args.threads)
        print(f"model load                {r['load_s']:.2f} s")
        print(f"parse, every sentence     {r['parse_full_s']:.2f} s  "
              f"({r['tokens_full'] / r['parse_full_s']:.0f} tokens/s, {len(files) / r['parse_full_s']:.1f} docs/s)")
        print(f"parse, cue sentences only {r['parse_selective_s']:.2f} s  "
              f"({r['tokens_selective']} of {r['tokens_all']} tokens parsed)")
        print(f"extraction on top         {r['extract_s']:.2f} s  "
              f"= {100 * r['extract_s'] / r['parse_selective_s']:.1f}% of that parse "
              f"({r['attributions']} attributions)")
        import resource
        print(f"peak memory of this process (parsing in process, one thread per core): "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    exe = [sys.executable, "-m", "quotes.cli", "extract", args.texts, "--workers", str(args.workers)]
    walls = [timed(exe, stdout=subprocess.DEVNULL) for _ in range(args.repeat)]
    _, pss, rss, rc = run(exe, stdout=subprocess.DEVNULL)
    print(f"`quotes extract` end to end (workers={args.workers}): "
          f"{min(w for w, _ in walls):.1f} s wall (best of {args.repeat} unobserved runs: "
          f"{', '.join(f'{w:.1f}' for w, _ in walls)}), "
          f"peak memory {pss / 2**20:.0f} MiB PSS ({rss / 2**20:.0f} MiB RSS summed over processes; "
          f"a separate sampled run), exit {max([rc] + [c for _, c in walls])}")


if __name__ == "__main__":
    main()
