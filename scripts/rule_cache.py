"""Tune the extraction rules on a PolNeAR split without parsing it again after every change.

Parse a split once with the models in use (``--models`` or ``$QUOTES_MODELS``, as ``quotes eval``),
then score the rules as they are now on those parses in seconds, keep the records, and list
the records two runs disagree on (with the rule that made each)::

    python scripts/rule_cache.py parse ../shared/corpora/polnear/train train.parses
    python scripts/rule_cache.py score ../shared/corpora/polnear/train train.parses --save before.records
    # ... change a rule ...
    python scripts/rule_cache.py score ../shared/corpora/polnear/train train.parses --save after.records
    python scripts/rule_cache.py diff ../shared/corpora/polnear/train before.records after.records

``score`` prints what ``quotes eval polnear`` prints for the same models and rules, and the
records whose speaker names nobody (``scripts/speaker_audit.py``). ``diff`` marks a record
``+`` when its content covers a gold attribution, ``-`` when not.
"""

from __future__ import annotations

import argparse
import sys

from quotes.errors import QuotesError


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse a split once and save the parses")
    p.add_argument("split"), p.add_argument("parses")
    p.add_argument("--models", help="models directory (default: $QUOTES_MODELS, then data/models)")
    p.add_argument("--limit", type=int, help="only the first N articles")
    s = sub.add_parser("score", help="run the rules on saved parses and score them")
    s.add_argument("split"), s.add_argument("parses")
    s.add_argument("--save", metavar="RECORDS", help="keep the records for diff")
    d = sub.add_parser("diff", help="the records one saved run makes and the other does not")
    d.add_argument("split"), d.add_argument("a"), d.add_argument("b")
    args = ap.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except QuotesError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `... | head`, as `quotes` itself
        return 0


def parse(args) -> int:
    from quotes.evaluation.rerun import save_parses
    print(f"parsed {save_parses(args.split, args.parses, models=args.models, limit=args.limit)} articles "
          f"into {args.parses}")
    return 0


def score(args) -> int:
    from quotes.evaluation.rerun import load_parses, rescore, save_records
    from quotes.extractors.somebody import audit
    from quotes.lexicons import load
    report, records = rescore(args.split, load_parses(args.parses))
    print(report.format())
    nobody = audit([r for recs in records.values() for r in recs], load())
    print(f"speakers that name nobody: {len(nobody)}")
    for reason, name, r in nobody:
        print(f"  {reason}: {name!r} ({r.doc}, {r.cue!r})")
    if args.save:
        save_records(args.save, records)
    return 0


def diff(args) -> int:
    from quotes.evaluation.rerun import differences, gold_by_article, load_records
    found = differences(gold_by_article(args.split), load_records(args.a), load_records(args.b))
    for x in found:
        r = x.record
        print(f"{x.side}{'+' if x.in_gold else '-'} {x.doc} [{r.rule}] {r.speaker.name!r} {r.cue!r} "
              f"{r.content[:100]!r}")
    for side in "ab":
        mine = [x for x in found if x.side == side]
        print(f"only in {side}: {len(mine)} ({sum(x.in_gold for x in mine)} inside gold)")
    return 0


COMMANDS = {"parse": parse, "score": score, "diff": diff}

if __name__ == "__main__":
    raise SystemExit(main())
