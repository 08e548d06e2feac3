"""Speakers that name nobody: adverbs, places standing alone, bare titles, question fragments.

Extracts from the inputs (any ``quotes extract`` input: files or folders) and prints, per
reason, how many records have such a speaker (or such a link in their chain), with examples;
exit status 1 when there is any. With ``--polnear DIR`` the inputs are a PolNeAR split and its
score (``quotes eval polnear``) is printed from the same extraction::

    python scripts/speaker_audit.py --polnear ../shared/corpora/polnear/dev
    python scripts/speaker_audit.py data/examples
"""

from __future__ import annotations

import argparse
import collections

from quotes.extractors.parallel import extract_parallel
from quotes.extractors.somebody import audit
from quotes.lexicons import load


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="*", help="files or folders to extract from")
    ap.add_argument("--polnear", help="a PolNeAR split folder: score it too")
    ap.add_argument("-j", "--workers", type=int, default=1)
    ap.add_argument("--examples", type=int, default=5, help="examples shown per reason")
    args = ap.parse_args(argv)
    records = []

    def run(articles):
        for art, atts in extract_parallel(articles, workers=args.workers):
            records.extend(atts)
            yield art, atts

    if args.polnear:
        from quotes.evaluation.polnear import evaluate_polnear
        print(evaluate_polnear(args.polnear, extract=run).format())
    if args.inputs:
        from quotes.inputs.readers import read_articles
        for _ in run(a for a in read_articles(args.inputs) if not isinstance(a, Exception)):
            pass
    found = audit(records, load())
    by_reason = collections.defaultdict(list)
    for reason, name, r in found:
        by_reason[reason].append((name, r))
    print(f"speakers that name nobody: {len(found)} of {len(records)} records")
    for reason, rs in sorted(by_reason.items()):
        print(f"  {reason}: {len(rs)}")
        for name, r in rs[:args.examples]:
            print(f"    {r.doc}: {name!r} (speaker {r.speaker.name!r}, mention {r.speaker.mention!r}) "
                  f"{r.cue!r} -> {r.content[:60]!r}")
    return 1 if found else 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # `... | head`, as `quotes` itself
        pass
