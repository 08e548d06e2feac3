"""Build a synthetic store of N articles for the web benchmark (no models needed).

Each article is a few sentences of the forms ``SPEAKER said that CONTENT.``, ``SPEAKER
denied that CONTENT.`` and ``RELAY reported, citing SPEAKER, that CONTENT.``; its
attribution records are made here with exact offsets (as a fake extractor would), the
contents drawn from a pool of claims with a long tail (a few claims in hundreds of
articles, most in one), the speakers from named people and anonymous sources, the
relays from news agencies. The store is written with :class:`quotes.store.sqlite.Store`
and refreshed (claims, flags, sources, edges) as ``quotes ingest`` does.

    python benchmarks/synthetic_store.py 10000 /tmp/web-10k.db
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from quotes.store.sqlite import Store  # noqa: E402
from quotes.types import (  # noqa: E402
    ANONYMOUS, ASSERTS, DENIES, HEDGED, OUTLET, PERSON, Article, Attribution, ChainLink,
    Speaker,
)

SUBJECTS = ["The visit to {p}", "The summit in {p}", "The bridge near {p}",
            "Talks with {p}", "The election in {p}", "The port of {p}", "Flights to {p}",
            "The embassy in {p}", "Exports from {p}", "The festival in {p}"]
PREDICATES = ["was postponed", "was canceled", "has been approved", "will reopen in {m}",
              "was attacked", "was delayed until {m}", "will resume in {m}", "was banned",
              "has been expanded", "was moved to {m}"]
MONTHS = ["spring", "summer", "autumn", "winter", "two weeks", "a month"]
AGENCIES = ["Tass", "Interfax", "Reuters", "Anadolu", "Xinhua", "AFP"]
ANONYMOUS_SOURCES = ["a diplomatic source", "officials", "a senior official", "sources"]
ARTICLES_PER_BATCH = 500
HOT_SHARE, HOT_PLACES = 0.1, 100


def _pools(rng: random.Random, n_places: int, n_people: int):
    places = [f"Placeville{i}" for i in range(n_places)]
    people = [f"{rng.choice(['Ann', 'Bo', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal'])} "
              f"Person{i}" for i in range(n_people)]
    return places, people


def _content(rng: random.Random, places: list[str]) -> str:
    # A long tail: one statement in ten is about one of a hundred "hot" places (Zipf-like:
    # the first in hundreds of articles), the others about any place.
    if rng.random() < HOT_SHARE:
        place = places[min(int(rng.paretovariate(1.0)) - 1, HOT_PLACES - 1)]
    else:
        place = places[rng.randrange(len(places))]
    subj = SUBJECTS[hash(place) % len(SUBJECTS)].format(p=place)
    pred = PREDICATES[(hash(place) // 7) % len(PREDICATES)].format(m=rng.choice(MONTHS))
    return f"{subj} {pred}"


def article(i: int, rng: random.Random, places: list[str], people: list[str],
            publishers: list[str]) -> tuple[Article, list[Attribution]]:
    """One synthetic article and its attribution records (offsets into its text)."""
    doc = f"art{i:06d}"
    parts: list[str] = []
    atts: list[Attribution] = []
    pos = 0
    for _ in range(rng.randint(2, 5)):
        content = _content(rng, places)
        roll = rng.random()
        chain: tuple[ChainLink, ...] = ()
        if roll < 0.55:
            name, kind, cue, stance = rng.choice(people), PERSON, "said", ASSERTS
            head = f"{name} said that "
        elif roll < 0.7:
            name, kind, cue, stance = rng.choice(people), PERSON, "denied", DENIES
            head = f"{name} denied that "
        else:
            agency = rng.choice(AGENCIES)
            name, kind, cue = rng.choice(ANONYMOUS_SOURCES), ANONYMOUS, "reported"
            stance = HEDGED
            head = f"{agency} reported, citing {name}, that "
            chain = (ChainLink(agency, OUTLET, "reported", pos, pos + len(agency)),)
        sentence = head + content[0].lower() + content[1:] + ". "
        c_start = pos + len(head)
        s_start = pos + head.index(name)
        cue_start = pos + head.index(cue)
        atts.append(Attribution(
            doc, "indirect", sentence[len(head):-2], c_start, c_start + len(content), cue,
            stance, Speaker(name, name, kind, start=s_start, end=s_start + len(name)), chain,
            cue_start=cue_start, cue_end=cue_start + len(cue)))
        parts.append(sentence)
        pos += len(sentence)
    date = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
    art = Article(doc, "".join(parts), publisher=rng.choice(publishers), date=date,
                  url=f"https://news.example/{doc}", title=f"Report {i}")
    return art, atts


def build_store(path: str | Path, n_articles: int, seed: int = 7) -> dict[str, float]:
    """Write ``n_articles`` synthetic articles to a new store at ``path`` and refresh it;
    returns the seconds spent writing and refreshing."""
    rng = random.Random(seed)
    places, people = _pools(rng, max(HOT_PLACES, n_articles * 2), max(50, n_articles // 10))
    publishers = [f"The Daily {i}" for i in range(40)]
    t0 = time.perf_counter()
    with Store(path) as st:
        batch = []
        for i in range(n_articles):
            batch.append(article(i, rng, places, people, publishers))
            if len(batch) == ARTICLES_PER_BATCH:
                st.write(batch, extractor="synthetic")
                batch = []
        if batch:
            st.write(batch, extractor="synthetic")
        t1 = time.perf_counter()
        st.refresh()
        t2 = time.perf_counter()
        counts = st.counts()
    return {"write": t1 - t0, "refresh": t2 - t1, **{k: float(v) for k, v in counts.items()}}


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    out = sys.argv[2] if len(sys.argv) > 2 else f"web-{n}.db"
    if Path(out).exists():
        sys.exit(f"{out} exists: give a new path")
    print(build_store(out, n))
