"""Count the datelines, bylines, captions and boilerplate lines the structure rules find.

    python scripts/structure_counts.py ../shared/corpora            # the counts per corpus and rule
    python scripts/structure_counts.py ../shared/corpora --show 20  # and up to 20 examples per rule

Reads PolNeAR dev texts (``polnear/dev/text/*.txt``), the FNC-1 training bodies
(``fnc1/train_bodies.csv``) and the Emergent training headlines (``emergent/train.csv``, where
every hit would be a headline lost to extraction), never a test split.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

from quotes.nlp.structure import segments


def corpora(root: Path) -> dict[str, list[str]]:
    """The texts of each corpus under ``root``, by name."""
    csv.field_size_limit(sys.maxsize)
    with open(root / "fnc1" / "train_bodies.csv", encoding="utf-8", newline="") as fh:
        fnc = [row["articleBody"] for row in csv.DictReader(fh)]
    with open(root / "emergent" / "train.csv", encoding="utf-8", newline="") as fh:
        emergent = [row["headline"] for row in csv.DictReader(fh)]
    polnear = [p.read_text(encoding="utf-8") for p in sorted((root / "polnear" / "dev" / "text").glob("*.txt"))]
    return {"PolNeAR dev": polnear, "FNC-1 train bodies": fnc, "Emergent train headlines": emergent}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", type=Path, help="the folder holding polnear/, fnc1/ and emergent/")
    ap.add_argument("--show", type=int, default=0, help="examples to print per rule")
    args = ap.parse_args(argv)
    for name, texts in corpora(args.corpora).items():
        counts: collections.Counter[str] = collections.Counter()
        docs: collections.Counter[str] = collections.Counter()
        examples: dict[str, list[str]] = collections.defaultdict(list)
        for text in texts:
            segs = segments(text)
            counts.update(s.rule for s in segs)
            docs.update({s.rule for s in segs})
            for s in segs:
                examples[s.rule].append(text[s.start:s.end][:100])
        print(f"{name}: {len(texts)} texts; " + ", ".join(
            f"{rule} {n} (in {docs[rule]} texts)" for rule, n in sorted(counts.items())))
        for rule in sorted(examples):
            for ex in examples[rule][:args.show]:
                print(f"  {rule:12s} {ex!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
