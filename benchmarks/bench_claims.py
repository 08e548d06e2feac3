"""Benchmark claim grouping (normalise, block, compare, flag) on synthetic statements.

Each synthetic claim is an entity, a predicate and a few object words; its statements
paraphrase it (synonyms from the claim lexicon, shuffled fillers, some negated, some
hedged or denied) and come from a few sources relayed by outlets. The number of claims
grows with the number of statements, as in a real news stream.

    python benchmarks/bench_claims.py            # 1k, 10k, 100k
    python benchmarks/bench_claims.py 1000 5000  # other sizes
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from quotes.claims.group import group_claims
from quotes.types import (
    ANONYMOUS, ASSERTS, CONFIRMS, DENIES, HEDGED, OUTLET, PERSON, Attribution, ChainLink,
    Speaker,
)

PREDICATES = [("postponed", "canceled", "delayed"), ("arrested", "detained"),
              ("resigned", "quit"), ("banned", "prohibited"), ("bought", "acquired"),
              ("planned", "prepared", "arranged")]
STATEMENTS_PER_CLAIM = 5


def synthetic(n: int, seed: int = 7) -> tuple[list[Attribution], dict[str, str]]:
    rng = random.Random(seed)
    n_claims = max(1, n // STATEMENTS_PER_CLAIM)
    vocab = [f"w{i}x" for i in range(max(200, n // 2))]
    names = [f"Ent{i}q" for i in range(max(50, n // 10))]
    outlets = [f"Outlet{i}" for i in range(200)]
    claims = [(rng.choice(names), rng.choice(PREDICATES), rng.sample(vocab, 3))
              for _ in range(n_claims)]
    out, publishers = [], {}
    for i in range(n):
        ent, preds, objs = claims[rng.randrange(n_claims)]
        words = objs[:] + rng.sample(vocab, rng.randint(0, 2))
        rng.shuffle(words)
        neg = "not " if rng.random() < 0.05 else ""
        text = f"{ent} was {neg}{rng.choice(preds)} over the {' '.join(words)}"
        doc = f"doc{i}"
        publishers[doc] = rng.choice(outlets)
        who = rng.random()
        speaker = (Speaker(f"Person{rng.randrange(n // 20 + 1)}", "x", PERSON) if who < 0.6
                   else Speaker("officials", "officials", ANONYMOUS))
        chain = (ChainLink(rng.choice(outlets), OUTLET),) if rng.random() < 0.4 else ()
        stance = rng.choice([ASSERTS, ASSERTS, ASSERTS, CONFIRMS, HEDGED, DENIES])
        out.append(Attribution(doc, "indirect", text, 0, len(text), "said", stance, speaker, chain))
    return out, publishers


def main(sizes: list[int]) -> None:
    print(f"{'statements':>10} {'claims':>8} {'seconds':>9} {'s per 1k':>9}")
    for n in sizes:
        statements, publishers = synthetic(n)
        t0 = time.perf_counter()
        claims = group_claims(statements, publishers)
        dt = time.perf_counter() - t0
        print(f"{n:>10} {len(claims):>8} {dt:>9.2f} {dt / n * 1000:>9.3f}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
