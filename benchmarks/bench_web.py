"""Page times of ``quotes serve`` on a store of 10,000 synthetic articles.

Builds the store (benchmarks/synthetic_store.py; reused when the file exists), serves it
with uvicorn on 127.0.0.1 in this process, and requests every kind of page and API
endpoint over HTTP, REPEAT times each: the median and the slowest time per page, measured
from the request to the last byte. The claims' summaries (counts and dates for sorting) are
computed once in the background when the server starts and again when the claims change;
how long that takes is reported apart.

    python benchmarks/bench_web.py                      # 10,000 articles in ./web-10000.db
    python benchmarks/bench_web.py --articles 2000 --db /tmp/w.db
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))

REPEAT = 20
TARGET_MS = 300


def fetch(url: str) -> tuple[float, int, bytes]:
    t0 = time.perf_counter()
    with urllib.request.urlopen(url) as r:
        body = r.read()
        status = r.status
    return (time.perf_counter() - t0) * 1000, status, body


def check_times(app, base: str, claims: list[tuple[str, str]]) -> None:
    """The check page (``Corpus.check`` on the stored corpus): how long the corpus takes to
    load in the background, then a first check of each claim and a repeated one (remembered)."""
    from quotes.web.checks import has_check, stored_corpus
    if not has_check():
        print("\n(no Corpus.check in this version: check page not measured)")
        return
    t0 = time.perf_counter()
    while app.state.db.cached("corpus", stored_corpus, wait=False) is None:
        time.sleep(0.05)
    print(f"\ncorpus for checks loaded in the background: {time.perf_counter() - t0:.1f} s more")
    for name, text in claims:
        url = base + "/check?q=" + quote(text)
        first, status, _ = fetch(url)
        again = statistics.median(fetch(url)[0] for _ in range(5))
        print(f"check page, {name}: first {first:.0f} ms (HTTP {status}), again {again:.0f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--db", help="store path (default ./web-N.db; built when missing)")
    ap.add_argument("--repeat", type=int, default=REPEAT)
    args = ap.parse_args()
    db = Path(args.db or f"web-{args.articles}.db")
    if not db.exists():
        from synthetic_store import build_store
        print(f"building {db} ({args.articles} articles) ...", flush=True)
        info = build_store(db, args.articles)
        print(f"  written in {info['write']:.1f} s, claims refreshed in {info['refresh']:.1f} s", flush=True)

    import uvicorn
    from quotes.web.app import create_app
    started = time.perf_counter()
    app = create_app(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    try:
        _, _, body = fetch(base + "/api/claims?per_page=1")
        total = json.loads(body)["total"]
        with app.state.db.connect() as conn:
            counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                      for t in ("articles", "attributions", "claims", "sources", "edges")}
            big = conn.execute("SELECT id, statements FROM claims ORDER BY rank LIMIT 1").fetchone()
            mid = conn.execute("SELECT id, statements FROM claims ORDER BY rank LIMIT 1 OFFSET ?",
                               (total // 100,)).fetchone()
            art = conn.execute("SELECT doc FROM attributions GROUP BY doc ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
            speaker = conn.execute("SELECT speaker FROM attributions WHERE speaker_kind = 'person' "
                                   "GROUP BY speaker ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
            outlet = conn.execute("SELECT publisher FROM articles GROUP BY publisher "
                                  "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
            text = conn.execute("SELECT text FROM claims ORDER BY rank LIMIT 1 OFFSET ?",
                                (total // 2,)).fetchone()[0]
            big_text = conn.execute("SELECT text FROM claims ORDER BY rank LIMIT 1").fetchone()[0]
        print("store: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
        from quotes.web.queries import cached_claims
        while cached_claims(app.state.db) is None:
            time.sleep(0.01)
        print(f"claims' summaries computed in the background {time.perf_counter() - started:.1f} s "
              f"after start ({total:,} claims; pages use indexed queries until then)")
        last_page = (total + 49) // 50
        search = quote(" ".join(text.split()[:4]))
        pages = [
            ("claims, page 1", "/claims"),
            (f"claims, page {last_page // 2}", f"/claims?page={last_page // 2}"),
            ("claims, flag filter", "/claims?flag=unconfirmed&page=3"),
            ("claims, sorted by last seen", "/claims?sort=last_seen&page=7"),
            ("claims, sorted by articles + flag", "/claims?sort=articles&flag=contradicted"),
            ("claims, search", f"/claims?q={search}"),
            (f"claim, largest ({big[1]:,} statements; page 1)", f"/claims/{big[0]}"),
            ("claim, largest, page 20", f"/claims/{big[0]}?page=20"),
            (f"claim, typical ({mid[1]} statements)", f"/claims/{mid[0]}"),
            ("article", f"/articles/{quote(art, safe='')}"),
            ("source, busiest person", f"/sources/{quote(speaker.casefold(), safe='')}"),
            ("source, busiest outlet", f"/sources/{quote(outlet.casefold(), safe='')}"),
            ("API claims", "/api/claims?page=10"),
            ("API claim", f"/api/claims/{big[0]}"),
            ("API article", f"/api/articles/{quote(art, safe='')}"),
            ("API source", f"/api/sources/{quote(speaker.casefold(), safe='')}"),
        ]
        print("\n| page | median ms | slowest ms |\n|---|---:|---:|")
        worst = 0.0
        for name, path in pages:
            times = []
            for _ in range(args.repeat):
                ms, status, _ = fetch(base + path)
                if status != 200:
                    raise SystemExit(f"{path}: HTTP {status}")
                times.append(ms)
            worst = max(worst, statistics.median(times))
            print(f"| {name} | {statistics.median(times):.0f} | {max(times):.0f} |", flush=True)
        print(f"\nslowest median: {worst:.0f} ms (target < {TARGET_MS} ms): "
              f"{'met' if worst < TARGET_MS else 'NOT met'}")
        check_times(app, base, [("typical claim", text), ("largest claim", big_text)])
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
