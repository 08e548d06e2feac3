"""The ``quotes`` command's arguments: options shared by several commands (``--workers``,
``--db``, ``--format``, the input paths) declared once, with choices and defaults read from
the library, then each group of commands. The commands themselves are in :mod:`quotes.cli`.

>>> build_parser().parse_args(["extract", "a.txt", "-j", "2"]).workers
2
"""

from __future__ import annotations

import argparse

from quotes.evaluation import DATASETS, FNC_PARTS, WORKERS as EVAL_WORKERS
from quotes.nlp.pipeline import TOKENIZERS
from quotes.store.ingest import BATCH
from quotes.store.sqlite import DEFAULT_DB, SEARCH_IN
from quotes.types import FLAGS
from quotes.results import CHECK_FORMATS
from quotes.views.export import EXPORTS
from quotes.views.output import FORMATS, PARSE_FORMATS

#: ``--workers 0``: one process per core, at most 4 (see :func:`quotes.extractors.parallel.extract_parallel`).
AUTO_WORKERS = 0
#: ``quotes ingest`` runs in this process unless told otherwise.
INGEST_WORKERS = 1


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

def _add_reading(sub) -> None:
    """The commands that read articles: parse, extract, explain."""
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


def _add_corpus_queries(sub) -> None:
    """The commands that query a corpus (FILEs or ``--db``): claims, trace, check, export."""
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


def _add_store(sub) -> None:
    """The commands on a store: search, said-by, ingest, serve."""
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


def _add_eval(sub) -> None:
    """``quotes eval``: scores against the corpora."""
    p = sub.add_parser("eval", help="score against PolNeAR, Emergent or FNC-1")
    p.add_argument("dataset", choices=DATASETS)
    p.add_argument("path", help="PolNeAR split folder (with text/ and attributions/), Emergent CSV "
                                "or FNC-1 folder")
    add_workers(p, default=EVAL_WORKERS)
    p.add_argument("--part", choices=FNC_PARTS, default=FNC_PARTS[0],
                   help="fnc: the part of the split file to score (default heldout)")
    p.add_argument("--split-file", help="fnc: headline<TAB>train|heldout file (default data/fnc1_split.tsv)")
    p.add_argument("--limit", type=int, default=None, help="only the first N articles/rows")


def build_parser() -> argparse.ArgumentParser:
    """The ``quotes`` parser: the global options, then each group of commands (in ``--help`` order)."""
    ap = argparse.ArgumentParser(prog="quotes", description="Who said what in the news, through whom, "
                                 "and whether it holds up.")
    ap.add_argument("--models", help="models directory (default: $QUOTES_MODELS, stanza's English "
                                     "models, then the compact models in data/models)")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("info", help="show version and which models are used")
    for add_group in (_add_reading, _add_corpus_queries, _add_store, _add_eval):
        add_group(sub)
    return ap
