"""Benchmark WARC input: memory while ingesting a crawl, and throughput against plain text.

Builds a WARC of N HTML pages (default 1,000) from the PolNeAR train articles (each text
wrapped in a page with navigation, a related-links box, comments and a footer), writes the
very texts the page reader extracts from it as ``.txt`` files, then ingests both into fresh
stores and prints, at several corpus sizes, the memory of the process tree (RSS summed,
sampled every 50 ms) and the rate. Memory should stay flat as the crawl is read (it is
streamed), and the WARC run should be within a few per cent of the ``.txt`` run: the page
reader costs a few milliseconds a page against the parse's hundreds.

    python benchmarks/bench_warc.py                    # 1,000 pages, real extractor (models)
    python benchmarks/bench_warc.py --limit 200        # smaller
    python benchmarks/bench_warc.py --fake             # input plumbing only, no models
"""

from __future__ import annotations

import argparse
import html
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_ingest import MB, Sampler  # noqa: E402

DEFAULT_TEXT = ROOT.parent / "shared" / "corpora" / "polnear" / "train" / "text"
BOILERPLATE = ("<nav><a href='/'>Home</a> <a href='/politics'>Politics</a> <a href='/world'>World</a></nav>"
               "<div class='cookies'>We use cookies to improve your experience.</div>")
AFTER = ("<aside class='related'><h2>Related</h2><ul><li><a href='/x'>Council raises parking fees"
         "</a></li><li><a href='/y'>Storm closes schools</a></li></ul></aside><section id='comments'>"
         "<div class='comment'>Reader: what a story.</div></section><footer>© News Site</footer>")


def page(title: str, text: str, site: str) -> bytes:
    paras = "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n") if p.strip())
    return (f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<meta property='og:site_name' content='{site}'></head><body>{BOILERPLATE}<article>"
            f"<h1>{html.escape(title)}</h1>{paras}</article>{AFTER}</body></html>").encode("utf-8")


def build(texts: list[Path], n: int, out: Path) -> tuple[Path, Path]:
    """The WARC of ``n`` pages and a folder with the same articles' extracted texts as .txt."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from quotes.inputs.readers import read_articles
    warc = out / "crawl.warc.gz"
    with open(warc, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(n):
            src = texts[i % len(texts)]
            body = src.read_text(encoding="utf-8")
            title = body.strip().split("\n", 1)[0][:120]
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://site{i % 7}.example/{i}/{src.stem}", "response",
                                                payload=io.BytesIO(page(title, body, f"Site {i % 7}")),
                                                http_headers=headers))
    txt = out / "txt"
    txt.mkdir()
    for art in read_articles([warc]):
        (txt / (art.id.replace(":", "_") + ".txt")).write_text(art.text, encoding="utf-8")
    return warc, txt


def run(path: Path, n: int, checkpoints: list[int], extract) -> dict:
    from quotes.store.ingest import ingest
    marks = sorted(c for c in checkpoints if c < n) + [n]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, Sampler() as mem:
        t0 = time.perf_counter()

        def at_batch(report):
            while marks and report.seen >= marks[0]:
                rows.append((report.seen, time.perf_counter() - t0, mem.now / MB, mem.peak / MB))
                marks.pop(0)

        report = ingest([path], Path(tmp) / "b.db", extract=extract, quiet=True, progress=False,
                        callback=at_batch)
        return {"report": report, "rows": rows, "peak": mem.peak / MB, "seconds": time.perf_counter() - t0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--path", type=Path, default=DEFAULT_TEXT, help="folder of .txt articles to wrap")
    ap.add_argument("--limit", type=int, default=1000, help="pages in the crawl (default 1000)")
    ap.add_argument("--checkpoints", type=lambda s: [int(x) for x in s.split(",")],
                    default=[100, 250, 500, 750])
    ap.add_argument("--fake", action="store_true", help="model-free regex extractor (tests/fake_extract.py)")
    args = ap.parse_args(argv)
    texts = sorted(args.path.glob("*.txt"))
    if not texts:
        ap.error(f"no .txt files in {args.path}")
    extract = None
    if args.fake:
        sys.path.insert(0, str(ROOT / "tests"))
        from fake_extract import fake_extract as extract
    with tempfile.TemporaryDirectory() as tmp:
        warc, txt = build(texts, args.limit, Path(tmp))
        print(f"# {args.limit} pages, crawl {warc.stat().st_size / MB:.1f} MB compressed, "
              f"extractor {'fake' if args.fake else 'real'}")
        results = {}
        # warm-up: the models load once per process, so neither timed run pays for it
        run(sorted(txt.glob("*.txt"))[0], 1, [], extract)
        for name, path in (("txt", txt), ("warc", warc)):
            res = results[name] = run(path, args.limit, args.checkpoints, extract)
            print(f"\n## {name}\n{'articles':>8} {'seconds':>8} {'rss MB':>8} {'peak MB':>8}")
            for seen, sec, now, peak in res["rows"]:
                print(f"{seen:>8} {sec:>8.1f} {now:>8.0f} {peak:>8.0f}")
            print(f"{res['report'].summary}; peak {res['peak']:.0f} MB")
        ratio = results["warc"]["seconds"] / results["txt"]["seconds"]
        print(f"\n# wall time warc / txt: {ratio:.3f} "
              f"({results['warc']['seconds']:.1f} s / {results['txt']['seconds']:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
