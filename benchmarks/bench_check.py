"""Benchmark `quotes check` on a store of synthetic articles (default 1,000).

Each synthetic article tells one of many stories: a headline in the outlet's own voice,
statements by named people (quoted and reported), an agency relaying an official, an
anonymous source, a denial and filler sentences, with exact offsets. A small regular
expression extractor stands in for the NLP models (the check itself never runs them), so
the store is built in seconds; `quotes check` is then timed end to end as a new process
(interpreter start-up, imports, the store's full-text lookup, grouping, flags, printing)
and in-process. Wall-clock and CPU time are both printed: on a machine busy with other
work the wall-clock time says more about the machine than about the command.

    python benchmarks/bench_check.py                 # 1,000 articles
    python benchmarks/bench_check.py --articles 5000 --runs 5
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout

from quotes.store.check import check_store  # noqa: E402
from quotes.store.sqlite import Store  # noqa: E402
from quotes.types import (  # noqa: E402
    ASSERTS, DENIES, INDIRECT, OUTLET, PERSON, Article, Attribution, ChainLink, Speaker,
)

SUBJECTS = ["mayor", "minister", "singer", "striker", "company", "senator", "governor",
            "festival", "museum", "airline", "bank", "council", "union", "university"]
EVENTS = [("cancelled", "the concert"), ("sold", "the stadium"), ("closed", "the bridge"),
          ("bought", "the newspaper"), ("banned", "the protest"), ("delayed", "the launch"),
          ("resigned from", "the board"), ("opened", "a new hospital"), ("fired", "the coach"),
          ("raised", "the ticket prices")]
CITIES = ["Lisbon", "Oslo", "Denver", "Madrid", "Nairobi", "Osaka", "Lyon", "Perth", "Quito",
          "Bergen", "Tampa", "Graz", "Cork", "Leeds", "Kyoto", "Porto", "Turin", "Hanoi"]
PEOPLE = ["Ann Lee", "Bo Chen", "Cy Dunn", "Di Ellis", "Ed Fox", "Flo Gray", "Gus Hale",
          "Ida Ives", "Jo King", "Kim Lowe", "Lu Moss", "Max Nash", "Ned Orr", "Oz Park"]
AGENCIES = ["Reuters", "AP", "AFP", "Tass", "Interfax"]
FILLER = ["The weather was mild for the season.", "Traffic was heavy in the city centre.",
          "Local schools will reopen next week.", "The market closed slightly higher."]


def story(i: int) -> str:
    rng = random.Random(i)
    verb, obj = rng.choice(EVENTS)
    return f"the {rng.choice(SUBJECTS)} of {rng.choice(CITIES)} {verb} {obj}"


def make_article(n: int, stories: int, rng: random.Random) -> tuple[Article, list[Attribution]]:
    s = story(rng.randrange(stories))
    who = rng.sample(PEOPLE, 2)
    agency = rng.choice(AGENCIES)
    lines = [
        (s[0].upper() + s[1:] + ", officials say", None),
        (f"{who[0]} said that {s}.", ("said", who[0], ())),
        (f"“I can confirm that {s},” {who[1]} said.", ("said", who[1], ())),
        (f"A spokesman told {agency} that {s}.", ("told", "A spokesman", (agency,))),
        (rng.choice(FILLER), None),
        (f"{rng.choice(PEOPLE)} denied that {story(rng.randrange(stories))}.", ("denied", None, ())),
        (rng.choice(FILLER), None),
    ]
    text, recs = "", []
    for line, how in lines:
        start = len(text)
        text += line + "\n\n"
        if how is None:
            continue
        cue, speaker, chain = how
        m = re.search(r"(?:that |“)(.+?)(?:,”|\.$)", line)
        cs, ce = start + m.start(1), start + m.end(1)
        name = speaker or line.split(" denied")[0]
        sp_at = text.index(name, start)
        links = tuple(ChainLink(a, OUTLET, cue, text.index(a, start), text.index(a, start) + len(a))
                      for a in chain)
        recs.append(Attribution(f"a{n}", INDIRECT, text[cs:ce], cs, ce, cue,
                                DENIES if cue == "denied" else ASSERTS,
                                Speaker(name, name, PERSON, start=sp_at, end=sp_at + len(name)),
                                links))
    return Article(f"a{n}", text, publisher=f"Outlet {n % 97}"), recs


def build(db: str, articles: int, stories: int) -> float:
    rng = random.Random(1)
    t0 = time.perf_counter()
    with Store(db) as st:
        items = [make_article(n, stories, rng) for n in range(articles)]
        for k in range(0, len(items), 200):
            st.write(items[k:k + 200], extractor="bench")
        st.refresh()
    return time.perf_counter() - t0


def _children_cpu() -> float:
    """CPU seconds (user + system) used so far by this process's finished children."""
    import resource
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--stories", type=int, default=150)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--claim", default=None, help="claim to check (default: one story of the store)")
    args = ap.parse_args()
    claim = args.claim or story(7)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        built = build(db, args.articles, args.stories)
        print(f"store: {args.articles} articles, {args.stories} stories, built in {built:.1f} s")
        print(f"claim: {claim!r}")
        inproc, inproc_cpu = [], []
        for _ in range(args.runs):
            t0, c0 = time.perf_counter(), time.process_time()
            r = check_store(db, claim)
            inproc.append(time.perf_counter() - t0)
            inproc_cpu.append(time.process_time() - c0)
        print(f"in-process check_store: {len(r.articles)} articles, flags {r.flag_names}; "
              f"best {min(inproc):.2f} s, median {statistics.median(inproc):.2f} s; "
              f"CPU best {min(inproc_cpu):.2f} s")
        cmd = [sys.executable, "-m", "quotes.cli", "check", claim, "--db", db]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        walls, cpus = [], []
        for _ in range(args.runs):
            t0, c0 = time.perf_counter(), _children_cpu()
            out = subprocess.run(cmd, capture_output=True, text=True, env=env)
            walls.append(time.perf_counter() - t0)
            cpus.append(_children_cpu() - c0)
            if out.returncode != 0:
                sys.exit(f"quotes check failed ({out.returncode}): {out.stderr.strip()}")
        print(f"`quotes check CLAIM --db` end to end: best {min(walls):.2f} s, "
              f"median {statistics.median(walls):.2f} s (runs: {', '.join(f'{w:.2f}' for w in walls)}); "
              f"CPU (user + system) best {min(cpus):.2f} s, median {statistics.median(cpus):.2f} s")


if __name__ == "__main__":
    main()
