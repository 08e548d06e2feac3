"""The ``quotes`` command: thin commands over the library.

Each command parses its arguments, makes one library call and prints. The arguments
are declared in :mod:`quotes.cli_parser` (options shared by several commands once, with
choices and defaults read from the library). Library errors
(:class:`~quotes.errors.QuotesError`) become a one-line message and an exit code; a bad
input file is reported (file, line, what was expected) and the other files go on.
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable, Iterator

from quotes.cli_parser import build_parser
from quotes.errors import show_warnings, InputError, NotFoundError, QuotesError
from quotes.progress import track
from quotes.store.sqlite import SEARCH_IN
from quotes.types import Article
from quotes.views.output import (
    ATTRIBUTION_TABLE, CLAIM_TABLE, SAID_TABLE, SEARCH_TABLE, TRACE_TABLE,
    article_heading, claim_rows, default_format, word_rows, write_rows,
)

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


def _progress(args) -> bool | None:
    return False if getattr(args, "quiet", False) else None


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
