"""The ``quotes`` command: thin commands over the library.

Each command parses its arguments, makes one library call and prints. Library errors
(:class:`~quotes.errors.QuotesError`) become a one-line message and an exit code; a bad
input file is reported (file, line, what was expected) and the other files go on.
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable, Iterator

from quotes.errors import InputError, QuotesError
from quotes.views.output import FORMATS, write_rows
from quotes.types import Article

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def deco(fn):
        COMMANDS[name] = fn
        return fn
    return deco


class Inputs:
    """Articles from the command line's paths; bad ones are reported on stderr and counted."""

    def __init__(self, paths: list[str]):
        self.paths = paths
        self.failed = 0

    def __iter__(self) -> Iterator[Article]:
        from quotes.inputs.readers import read_articles
        for item in read_articles(self.paths):
            if isinstance(item, InputError):
                self.failed += 1
                print(f"quotes: {item}", file=sys.stderr)
                continue
            yield item

    def status(self, ok: int = 0) -> int:
        return 2 if self.failed else ok


# --- commands -----------------------------------------------------------------------------

@command("info")
def cmd_info(args) -> int:
    from quotes.nlp.pipeline import resolve_models
    from quotes import __version__
    print(f"quotes {__version__}")
    print(resolve_models(args.models).describe())
    return 0


@command("parse")
def cmd_parse(args) -> int:
    from quotes.extractors import parse
    from quotes.nlp.pipeline import to_conllu
    inputs = Inputs(args.paths)
    for art in inputs:
        doc = parse([art], full=not args.fast, models=args.models, tokenizer=args.tokenizer)[0]
        if args.format == "conllu":
            sys.stdout.write(f"# newdoc id = {art.id}\n" + to_conllu(doc))
        else:
            rows = [{"sent": s.index + 1, "id": w.id, "word": w.text, "lemma": w.lemma, "upos": w.upos,
                     "head": w.head, "deprel": w.deprel, "ner": w.ner, "start": w.start, "end": w.end}
                    for s in doc.sentences for w in s.words]
            print(f"# {art.id}")
            write_rows(rows, "table", sys.stdout)
            if doc.entities:
                print("# entities: " + "; ".join(f"{e.text} ({e.type})" for e in doc.entities))
    return inputs.status()


@command("extract")
def cmd_extract(args) -> int:
    from quotes.extractors.parallel import extract_parallel
    inputs = Inputs(args.paths)
    rows = (a.to_dict() for _, atts in extract_parallel(inputs, workers=args.workers, models=args.models)
            for a in atts)
    write_rows(rows, args.format, sys.stdout)
    return inputs.status()


def _corpus(args, inputs: Inputs):
    """The corpus the claims/trace/export commands query: the store (--db) or extracted from FILEs."""
    if bool(args.db) == bool(args.paths):
        raise InputError(f"quotes {args.command}", "give FILE|DIR paths or --db FILE (one of the two)")
    if args.db:
        from quotes.store.sqlite import load_corpus
        return load_corpus(args.db)
    from quotes.claims.corpus import Corpus
    from quotes.extractors.parallel import extract_parallel
    return Corpus(extract_parallel(inputs, workers=args.workers, models=args.models))


@command("claims")
def cmd_claims(args) -> int:
    inputs = Inputs(args.paths)
    corpus = _corpus(args, inputs)
    rows = [c.to_dict() for c in corpus.claims(flag=args.flag)]
    if args.format != "jsonl":
        rows = [{"id": r["id"], "text": r["text"], "flags": ", ".join(r["flags"]),
                 "statements": len(r["statements"]), "reasons": " | ".join(r["reasons"])} for r in rows]
    write_rows(rows, args.format, sys.stdout)
    return inputs.status()


@command("trace")
def cmd_trace(args) -> int:
    from quotes.results import format_trace_tree
    inputs = Inputs(args.paths)
    corpus = _corpus(args, inputs)
    t = corpus.trace(args.claim)
    if args.format == "tree":
        print(format_trace_tree(t))
    else:
        write_rows(t.to_records(), args.format, sys.stdout)
    return inputs.status()


@command("export")
def cmd_export(args) -> int:
    from quotes.views.export import write_claims_jsonl, write_graphml, write_prov
    inputs = Inputs(args.paths)
    corpus = _corpus(args, inputs)
    out = args.output
    if args.to == "graphml":
        write_graphml(corpus.graph, out or sys.stdout.buffer)
    elif args.to == "prov":
        write_prov(corpus.graph, out or sys.stdout)
    else:
        write_claims_jsonl(corpus.claims(), out or sys.stdout)
    if out:
        print(f"wrote {out}", file=sys.stderr)
    return inputs.status()


@command("ingest")
def cmd_ingest(args) -> int:
    from quotes.store.ingest import ingest
    report = ingest(args.paths, args.db, workers=args.workers, scheduler=args.scheduler,
                    models=args.models, batch=args.batch, quiet=args.quiet)
    for reason in report.failures:
        print(f"quotes: {reason}", file=sys.stderr)
    print(f"{report.summary} -> {args.db}")
    return 2 if report.failed else 0


@command("eval")
def cmd_eval(args) -> int:
    if args.dataset == "polnear":
        from quotes.evaluation.polnear import evaluate_polnear
        report = evaluate_polnear(args.path, workers=args.workers, models=args.models, limit=args.limit)
    else:
        from quotes.evaluation.emergent import evaluate_emergent
        report = evaluate_emergent(args.path, limit=args.limit)
    print(report.format() if hasattr(report, "format") else report)
    return 0


# --- argument parsing ------------------------------------------------------------------------

def _add_format(p: argparse.ArgumentParser, default: str = "jsonl", choices=FORMATS) -> None:
    p.add_argument("--format", "-f", choices=choices, default=default, help=f"output format (default {default})")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="quotes", description="Who said what in the news, through whom, "
                                 "and whether it holds up.")
    ap.add_argument("--models", help="models directory (default: $QUOTES_MODELS, stanza's English "
                                     "models, then the compact models in data/models)")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("info", help="show version and which models are used")

    p = sub.add_parser("parse", help="print the parse (CoNLL-U or a table) to see why a quote was (not) found")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    p.add_argument("--format", "-f", choices=("conllu", "table"), default="conllu")
    p.add_argument("--fast", action="store_true", help="parse only sentences that may hold an attribution, "
                                                      "as extraction does")
    p.add_argument("--tokenizer", choices=("rules", "stanza"), default="rules",
                   help="rules (fast; what extraction uses) or stanza (the models' neural tokenizer)")

    p = sub.add_parser("extract", help="attributions as JSON Lines, CSV or a table")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    _add_format(p)
    p.add_argument("--workers", "-j", type=int, default=0, help="worker processes (default 0: one per core, at most 4)")

    p = sub.add_parser("claims", help="claims grouped across articles, with flags and reasons")
    p.add_argument("paths", nargs="*", metavar="FILE|DIR")
    p.add_argument("--db", metavar="FILE", help="query this store (see `quotes ingest`) instead of FILEs")
    _add_format(p)
    p.add_argument("--flag", choices=("unconfirmed", "contradicted", "confirmed", "single_source"),
                   help="only claims with this flag")
    p.add_argument("--workers", "-j", type=int, default=0, help="worker processes (default 0: one per core, at most 4)")

    p = sub.add_parser("trace", help="the provenance of one claim (by text or id), as a tree")
    p.add_argument("claim", metavar="CLAIM", help='claim id or free text, e.g. "Putin visit postponed"')
    p.add_argument("paths", nargs="*", metavar="FILE|DIR")
    p.add_argument("--db", metavar="FILE", help="query this store (see `quotes ingest`) instead of FILEs")
    _add_format(p, default="tree", choices=("tree",) + FORMATS)
    p.add_argument("--workers", "-j", type=int, default=0, help="worker processes (default 0: one per core, at most 4)")

    p = sub.add_parser("export", help="the provenance graph as GraphML or PROV-O JSON-LD, or claims as JSONL")
    p.add_argument("paths", nargs="*", metavar="FILE|DIR")
    p.add_argument("--db", metavar="FILE", help="query this store (see `quotes ingest`) instead of FILEs")
    p.add_argument("--to", choices=("graphml", "prov", "jsonl"), required=True)
    p.add_argument("--output", "-o", help="output file (default: standard output)")
    p.add_argument("--workers", "-j", type=int, default=0, help="worker processes (default 0: one per core, at most 4)")

    p = sub.add_parser("ingest", help="extract articles into a store (SQLite); again: only new or changed ones")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    p.add_argument("--db", metavar="FILE", default="quotes.db", help="the store (default ./quotes.db)")
    p.add_argument("--workers", "-j", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="run extraction on this Dask scheduler")
    p.add_argument("--batch", type=int, default=16, help="articles per batch and transaction (default 16)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    p = sub.add_parser("eval", help="score against PolNeAR or Emergent")
    p.add_argument("dataset", choices=("polnear", "emergent"))
    p.add_argument("path", help="PolNeAR split folder (with text/ and attributions/) or Emergent CSV")
    p.add_argument("--workers", "-j", type=int, default=2)
    p.add_argument("--limit", type=int, default=None, help="only the first N articles/rows")
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except QuotesError as err:
        print(f"quotes: error: {err}", file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:  # `quotes extract ... | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
