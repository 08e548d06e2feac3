"""The ``quotes`` command: thin commands over the library.

Each command parses its arguments, makes one library call and prints. Options shared by
several commands (``--workers``, ``--db``, ``--format``, the input paths) are declared
once below, with choices and defaults read from the library. Library errors
(:class:`~quotes.errors.QuotesError`) become a one-line message and an exit code; a bad
input file is reported (file, line, what was expected) and the other files go on.
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable, Iterator

from quotes.errors import show_warnings, InputError, NotFoundError, QuotesError
from quotes.evaluation import DATASETS, FNC_PARTS, WORKERS as EVAL_WORKERS
from quotes.progress import track
from quotes.nlp.pipeline import TOKENIZERS
from quotes.store.ingest import BATCH
from quotes.store.sqlite import DEFAULT_DB, SEARCH_IN
from quotes.types import FLAGS, Article
from quotes.results import CHECK_FORMATS
from quotes.views.export import EXPORTS
from quotes.views.output import (
    ATTRIBUTION_TABLE, CLAIM_TABLE, FORMATS, PARSE_FORMATS, SAID_TABLE, SEARCH_TABLE, TRACE_TABLE,
    article_heading, claim_rows, default_format, word_rows, write_rows,
)

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}
#: ``--workers 0``: one process per core, at most 4 (see :func:`quotes.extractors.parallel.extract_parallel`).
AUTO_WORKERS = 0
#: ``quotes ingest`` runs in this process unless told otherwise.
INGEST_WORKERS = 1


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

    def fail(self, article: Article, reason: str) -> None:
        """An article extraction failed on (or whose worker died twice): one line, counted."""
        self.failed += 1
        print(f"quotes: {article.id}: {reason}", file=sys.stderr)

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
            continue
        print(f"# {art.id}")
        write_rows(word_rows(doc), "table", sys.stdout)
        if doc.entities:
            print("# entities: " + "; ".join(f"{e.text} ({e.type})" for e in doc.entities))
    return inputs.status()


@command("extract")
def cmd_extract(args) -> int:
    from quotes.extractors.parallel import extract_parallel
    from quotes.results import AttributionList
    inputs = Inputs(args.paths)
    results = track(extract_parallel(inputs, workers=args.workers, models=args.models,
                                     failed=inputs.fail),
                    desc="extracting", show=_progress(args))
    rows = (r for art, atts in results for r in AttributionList(atts, articles={art.id: art}).records())
    write_rows(rows, args.format, sys.stdout, table=ATTRIBUTION_TABLE, heading=article_heading,
               safe_csv=not args.csv_formulas)
    return inputs.status()


@command("explain")
def cmd_explain(args) -> int:
    from quotes.extractors.explain import explain
    inputs = Inputs([args.path])
    for art in inputs:
        for s in explain(art, sentence=args.sentence, at=args.at, models=args.models):
            print(s.to_text(), end="\n\n")
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
    return Corpus(track(extract_parallel(inputs, workers=args.workers, models=args.models,
                                         failed=inputs.fail),
                        desc="extracting", show=_progress(args)))


@command("claims")
def cmd_claims(args) -> int:
    inputs = Inputs(args.paths)
    claims = _corpus(args, inputs).claims(flag=args.flag)
    write_rows(claim_rows(claims, args.format), args.format, sys.stdout, table=CLAIM_TABLE,
               safe_csv=not args.csv_formulas)
    return inputs.status()


@command("trace")
def cmd_trace(args) -> int:
    from quotes.results import format_trace_tree
    inputs = Inputs(args.paths)
    t = _corpus(args, inputs).trace(args.claim)
    if args.format == "tree":
        print(format_trace_tree(t))
    else:
        write_rows(t.to_records(), args.format, sys.stdout, table=TRACE_TABLE,
                   safe_csv=not args.csv_formulas)
    return inputs.status()


@command("check")
def cmd_check(args) -> int:
    from quotes.results import write_check
    inputs = Inputs(args.paths)
    if args.db and not args.paths:  # the store's full-text index finds the articles to load
        from quotes.store.check import check_store
        result = check_store(args.db, args.claim, all_articles=args.all)
    else:
        result = _corpus(args, inputs).check(args.claim, all_articles=args.all)
    found = write_check(result, args.format, sys.stdout, sys.stderr)
    return inputs.status(0 if found else NotFoundError.exit_code)


@command("export")
def cmd_export(args) -> int:
    from quotes.views.export import write_export
    inputs = Inputs(args.paths)
    write_export(_corpus(args, inputs), args.to, args.output)
    if args.output:
        print(f"wrote {args.output}", file=sys.stderr)
    return inputs.status()


@command("search")
def cmd_search(args) -> int:
    from quotes.store.sqlite import open_store
    with open_store(args.db) as store:
        hits = store.search(args.text, where=args.where or SEARCH_IN, limit=args.limit)
    write_rows(hits.rows, args.format, sys.stdout, table=SEARCH_TABLE)
    return 0 if hits.rows else 1


@command("said-by")
def cmd_said_by(args) -> int:
    inputs = Inputs(args.paths)
    if args.db:
        from quotes.store.sqlite import open_store
        with open_store(args.db) as store:
            said = store.said_by(args.source)
    else:
        said = _corpus(args, inputs).said_by(args.source)
    write_rows(said.rows, args.format, sys.stdout, table=SAID_TABLE)
    return inputs.status()


@command("ingest")
def cmd_ingest(args) -> int:
    from quotes.store.ingest import ingest
    report = ingest(args.paths, args.db, workers=args.workers, scheduler=args.scheduler,
                    models=args.models, batch=args.batch, quiet=args.quiet, busy_timeout=args.busy_timeout)
    for reason in report.failures:
        print(f"quotes: {reason}", file=sys.stderr)
    print(f"{report.summary} -> {args.db}")
    return 2 if report.failed else 0


@command("serve")
def cmd_serve(args) -> int:
    try:
        from quotes.web.app import serve
    except ImportError as err:
        raise QuotesError(f"quotes serve needs the web extra: pip install 'quotes[web]' ({err})") from None
    serve(args.db, host=args.host, port=args.port)
    return 0


@command("eval")
def cmd_eval(args) -> int:
    from quotes.evaluation import evaluate
    print(evaluate(args.dataset, args.path, workers=args.workers, models=args.models, limit=args.limit,
                   part=args.part, split_file=args.split_file))
    return 0


# --- options, each declared once ----------------------------------------------------------

def add_paths(p: argparse.ArgumentParser, required: bool = True) -> None:
    """The input files or folders (optional where ``--db`` can stand in for them)."""
    p.add_argument("paths", nargs="+" if required else "*", metavar="FILE|DIR")


def add_format(p: argparse.ArgumentParser, default: str | None = None, choices=FORMATS) -> None:
    """``--format``; without a ``default``: a table on a terminal, JSON Lines when piped."""
    what = default or "table on a terminal, else jsonl"
    p.add_argument("--format", "-f", choices=choices, default=default, help=f"output format (default: {what})")
    p.add_argument("--csv-formulas", action="store_true",
                   help="CSV: keep cells starting with = + - @ as they are (by default they get a "
                        "leading ' so that spreadsheets do not run them as formulas)")


def add_quiet(p: argparse.ArgumentParser) -> None:
    """``--quiet``: no progress bar (it only shows on a terminal anyway)."""
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def _progress(args) -> bool | None:
    return False if getattr(args, "quiet", False) else None


def add_workers(p: argparse.ArgumentParser, default: int = AUTO_WORKERS, auto: bool = True) -> None:
    """``--workers``; ``auto``: the command's pool takes ``0`` as one worker per core."""
    also = f"; {AUTO_WORKERS}: one per core, at most 4" if auto else ""
    p.add_argument("--workers", "-j", type=int, default=default, help=f"worker processes (default {default}{also})")


def add_db(p: argparse.ArgumentParser, query: bool = True) -> None:
    """``--db``: the store to query instead of FILEs, or (``query=False``) the store to write."""
    if query:
        p.add_argument("--db", metavar="FILE", help="query this store (see `quotes ingest`) instead of FILEs")
    else:
        p.add_argument("--db", metavar="FILE", default=DEFAULT_DB, help=f"the store (default ./{DEFAULT_DB})")


def add_corpus_options(p: argparse.ArgumentParser) -> None:
    """What the commands that query a corpus share: FILEs or ``--db``, and workers to extract FILEs."""
    add_paths(p, required=False)
    add_db(p)
    add_workers(p)
    add_quiet(p)


# --- the parser -----------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="quotes", description="Who said what in the news, through whom, "
                                 "and whether it holds up.")
    ap.add_argument("--models", help="models directory (default: $QUOTES_MODELS, stanza's English "
                                     "models, then the compact models in data/models)")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("info", help="show version and which models are used")

    p = sub.add_parser("parse", help="print the parse (CoNLL-U or a table) to see why a quote was (not) found")
    add_paths(p)
    add_format(p, choices=PARSE_FORMATS, default=PARSE_FORMATS[0])
    p.add_argument("--fast", action="store_true", help="parse only sentences that may hold an attribution, "
                                                      "as extraction does")
    p.add_argument("--tokenizer", choices=TOKENIZERS, default=TOKENIZERS[0],
                   help="rules (fast; what extraction uses) or stanza (the models' neural tokenizer)")

    p = sub.add_parser("extract", help="attributions as JSON Lines, CSV or a table")
    add_paths(p)
    add_format(p)
    add_workers(p)
    add_quiet(p)

    p = sub.add_parser("explain", help="why a statement was (not) found: a sentence's parse and the rules "
                                       "that fired or vetoed")
    p.add_argument("path", metavar="FILE", help="an article (text, JSON, ...)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--sentence", type=int, metavar="N", help="sentence N (1 = the first)")
    where.add_argument("--at", type=int, metavar="OFFSET", help="the sentence holding this character offset")

    p = sub.add_parser("claims", help="claims grouped across articles, with flags and reasons")
    add_corpus_options(p)
    add_format(p)
    p.add_argument("--flag", choices=FLAGS, help="only claims with this flag")

    p = sub.add_parser("trace", help="the provenance of one claim (by text or id), as a tree")
    p.add_argument("claim", metavar="CLAIM", help='claim id or free text, e.g. "Putin visit postponed"')
    add_corpus_options(p)
    add_format(p, default="tree", choices=("tree",) + FORMATS)

    p = sub.add_parser("check", help="what every article says about a claim: stance, evidence, flags, origins")
    p.add_argument("claim", metavar="CLAIM",
                   help='the claim as free text, e.g. "Putin\'s visit to Turkey was postponed"')
    add_corpus_options(p)
    add_format(p, default="table", choices=CHECK_FORMATS)
    p.add_argument("--all", action="store_true", help="also list the articles not about the claim (unrelated)")

    p = sub.add_parser("export", help="the provenance graph as GraphML or PROV-O JSON-LD, or claims as JSONL")
    add_corpus_options(p)
    p.add_argument("--to", choices=EXPORTS, required=True)
    p.add_argument("--output", "-o", help="output file (default: standard output)")

    p = sub.add_parser("search", help="full-text search of a store's statements and articles")
    p.add_argument("text", metavar="TEXT", help='words that must all occur, e.g. "visit postponed"')
    p.add_argument("--db", metavar="FILE", required=True, help="the store (see `quotes ingest`)")
    p.add_argument("--in", dest="where", action="append", choices=SEARCH_IN,
                   help="search only statements or only articles (default both)")
    p.add_argument("--limit", type=int, default=20, help="best matches of each kind (default 20)")
    add_format(p)

    p = sub.add_parser("said-by", help="everything a source said, with its claims and articles")
    p.add_argument("source", metavar="SOURCE", help='a speaker\'s name, e.g. "Dmitry Peskov"')
    add_corpus_options(p)
    add_format(p)

    p = sub.add_parser("ingest", help="extract articles into a store (SQLite); again: only new or changed ones")
    add_paths(p)
    add_db(p, query=False)
    add_workers(p, default=INGEST_WORKERS, auto=False)
    p.add_argument("--scheduler", metavar="ADDRESS", help="run extraction on this Dask scheduler")
    p.add_argument("--batch", type=int, default=BATCH, help=f"articles per batch and transaction (default {BATCH})")
    add_quiet(p)
    p.add_argument("--busy-timeout", type=float, metavar="SECONDS", default=None,
                   help="how long to wait for another writer's lock on the store (default 60, "
                        "or $QUOTES_BUSY_TIMEOUT)")

    p = sub.add_parser("serve", help="browse a store in the browser: claims, checks, provenance, articles (read-only)")
    add_db(p, query=False)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")

    p = sub.add_parser("eval", help="score against PolNeAR, Emergent or FNC-1")
    p.add_argument("dataset", choices=DATASETS)
    p.add_argument("path", help="PolNeAR split folder (with text/ and attributions/), Emergent CSV "
                                "or FNC-1 folder")
    add_workers(p, default=EVAL_WORKERS)
    p.add_argument("--part", choices=FNC_PARTS, default=FNC_PARTS[0],
                   help="fnc: the part of the split file to score (default heldout)")
    p.add_argument("--split-file", help="fnc: headline<TAB>train|heldout file (default data/fnc1_split.tsv)")
    p.add_argument("--limit", type=int, default=None, help="only the first N articles/rows")
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if getattr(args, "format", "") is None:
        args.format = default_format(sys.stdout)
    show_warnings()
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
