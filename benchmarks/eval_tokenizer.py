"""Evaluate quotes.nlp.tokenize against UD English-EWT test and time it on PolNeAR dev.

The raw text of EWT test is rebuilt from the ``# text =`` lines: "\\n\\n"
between paragraphs/documents (``# newpar`` / ``# newdoc``), a space between
sentences within a paragraph.  Our tokens are written as a CoNLL-U file
(ID/FORM filled, a dummy tree so the evaluator accepts the file) and scored
with the official CoNLL 2018 evaluator that stanza uses
(``stanza.utils.conll18_ud_eval`` in older stanza, ``udtools.udeval`` in
stanza >= 1.11).

EWT writes contractions and possessives as multi-word tokens ("don't" = do +
n't, "Clinton's" = Clinton + 's, "cannot" = can + not).  Where our tokenizer
splits inside a word (no space, letter/digit or apostrophe on both sides),
the pieces are written the same way: one surface token with several words.

Usage::

    python benchmarks/eval_tokenizer.py [--ewt PATH] [--polnear DIR] [--keep FILE]
"""

from __future__ import annotations

import argparse
import glob
import io
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from quotes.nlp.tokenize import tokenize  # noqa: E402

try:  # stanza < 1.11
    from stanza.utils import conll18_ud_eval as ud_eval
except ImportError:  # stanza >= 1.11 ships the evaluator as udtools
    from udtools import udeval as ud_eval

EWT_TEST = "/work/shared/corpora/UD_English-EWT/en_ewt-ud-test.conllu"
POLNEAR_DEV = "/work/shared/corpora/polnear/dev/text"

_INWORD = re.compile(r"[\w'’]")


def ewt_raw_text(path: str) -> str:
    """Rebuild the raw text of a CoNLL-U file from its ``# text`` lines."""
    parts: list[str] = []
    brk = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newdoc") or line.startswith("# newpar"):
                brk = True
            elif line.startswith("# text = "):
                if parts:
                    parts.append("\n\n" if brk else " ")
                parts.append(line[len("# text = "):].rstrip("\n"))
                brk = False
    return "".join(parts)


def _is_mwt_join(text: str, prev_end: int, start: int, end: int) -> bool:
    """True when two adjacent tokens were split inside one word (a clitic)."""
    if prev_end != start or start == 0:
        return False
    a, b = text[start - 1], text[start]
    if not (a.isalnum() and _INWORD.match(b)):
        return False
    if end - start == 1 and b in "'’":
        # a lone apostrophe: plural possessive (leaders') after -s,
        # otherwise a closing quote
        return a in "sS"
    return True


def to_conllu(text: str, sents: list[list[tuple[int, int]]]) -> str:
    """Write tokenizer output as CoNLL-U with multi-word tokens for clitics."""
    out = io.StringIO()
    for sent in sents:
        # group into surface tokens
        groups: list[list[tuple[int, int]]] = []
        prev_end = -1
        for s, e in sent:
            if groups and _is_mwt_join(text, prev_end, s, e):
                groups[-1].append((s, e))
            else:
                groups.append([(s, e)])
            prev_end = e
        wid = 0
        for g in groups:
            if len(g) > 1:
                out.write(f"{wid + 1}-{wid + len(g)}\t{text[g[0][0]:g[-1][1]]}\t_\t_\t_\t_\t_\t_\t_\t_\n")
            for s, e in g:
                wid += 1
                head, rel = (0, "root") if wid == 1 else (1, "dep")
                out.write(f"{wid}\t{text[s:e]}\t_\t_\t_\t_\t{head}\t{rel}\t_\t_\n")
        out.write("\n")
    return out.getvalue()


def time_tokenizer(texts: list[str], repeat: int = 5) -> tuple[int, float]:
    """Best-of-``repeat`` CPU time (process_time: robust to a busy machine)."""
    best = float("inf")
    ntok = 0
    for _ in range(repeat):
        t0 = time.process_time()
        ntok = 0
        for t in texts:
            for sent in tokenize(t):
                ntok += len(sent)
        best = min(best, time.process_time() - t0)
    return ntok, best


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ewt", default=EWT_TEST)
    ap.add_argument("--polnear", default=POLNEAR_DEV)
    ap.add_argument("--keep", help="also write the system CoNLL-U here")
    args = ap.parse_args(argv)

    text = ewt_raw_text(args.ewt)
    ntok, secs = time_tokenizer([text])
    sents = tokenize(text)
    system = to_conllu(text, sents)
    if args.keep:
        with open(args.keep, "w", encoding="utf-8") as f:
            f.write(system)
    with open(args.ewt, encoding="utf-8") as f:
        gold_ud = ud_eval.load_conllu(f, args.ewt, {})
    system_ud = ud_eval.load_conllu(io.StringIO(system), "system", {})
    ev = ud_eval.evaluate(gold_ud, system_ud)
    print(f"EWT test: {len(text):,} chars, {ntok:,} tokens, {len(sents):,} sentences")
    for metric in ("Tokens", "Sentences", "Words"):
        sc = ev[metric]
        print(f"  {metric:<9} P {100 * sc.precision:6.2f}  R {100 * sc.recall:6.2f}  F1 {100 * sc.f1:6.2f}")
    print(f"  speed: {ntok / secs:,.0f} tokens/s ({secs * 1000:.1f} ms)")

    files = sorted(glob.glob(os.path.join(args.polnear, "*.txt")))
    if files:
        texts = [open(p, encoding="utf-8").read() for p in files]
        ntok, secs = time_tokenizer(texts)
        nchar = sum(map(len, texts))
        print(f"PolNeAR dev: {len(files)} texts, {nchar:,} chars, {ntok:,} tokens: "
              f"{secs * 1000:.1f} ms, {ntok / secs:,.0f} tokens/s")


if __name__ == "__main__":
    main()
