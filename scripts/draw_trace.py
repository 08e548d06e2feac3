"""Draw the trace of a claim in the example articles as a PNG (the README's picture).

    python scripts/draw_trace.py                 # real extractor (needs the NLP models)
    python scripts/draw_trace.py --records       # hand-made records from tests/example_records.py
    QUOTES_MODELS=/path/to/models python scripts/draw_trace.py --out docs/trace.png

By default the two articles in data/examples go through the real extractor
(``Corpus.from_paths``); ``--records`` uses the hand-made records the tests use, so the
picture can be drawn without models.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "data" / "examples"
#: What plain-text files cannot say: who published each example article, and when.
METADATA = {
    "putin_nato_visit_postponed": {"publisher": "Newsweek", "date": "2024-02-09",
                                   "title": "Putin's first NATO visit in four years postponed: report"},
    "aa_putin_accepts_invitation": {"publisher": "Anadolu Agency", "date": "2022-01-27",
                                    "title": "Putin accepts Turkish President Erdogan's invitation to visit"},
}


def example_corpus(records: bool = False, models: str | None = None):
    """The example articles as a corpus, from the real extractor or the hand-made records."""
    from quotes.claims.corpus import Corpus

    if records:
        sys.path.insert(0, str(ROOT / "tests"))
        from example_records import example_corpus_inputs
        return Corpus(example_corpus_inputs())
    return Corpus.from_paths([EXAMPLES], metadata=METADATA, models=models)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claim", default="Putin's visit to Turkey was postponed",
                    help="the claim to trace: free text or a claim id")
    ap.add_argument("--out", default=str(ROOT / "docs" / "trace.png"), help="PNG to write")
    ap.add_argument("--records", action="store_true",
                    help="use the hand-made example records instead of the extractor")
    ap.add_argument("--models", help="models directory (else QUOTES_MODELS, then the defaults)")
    ap.add_argument("--dpi", type=int, default=110)
    args = ap.parse_args(argv)

    import matplotlib
    matplotlib.use("Agg")
    from quotes.views.plot import plot_trace
    from quotes.results import format_trace_tree

    from quotes.errors import ModelError
    try:
        corpus = example_corpus(args.records, args.models)
    except ModelError as err:
        print(f"draw_trace: {err}\n(use --records to draw from the hand-made example records)",
              file=sys.stderr)
        return 2
    trace = corpus.trace(args.claim)
    print(format_trace_tree(trace))
    fig = plot_trace(trace)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    # no "Software" stamp: the PNG only changes when the picture does
    fig.savefig(out, dpi=args.dpi, bbox_inches="tight", metadata={"Software": None})
    print(f"wrote {out} ({'hand-made records' if args.records else 'extractor'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
