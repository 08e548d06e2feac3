"""Word vectors stored at half precision, handed to stanza at full precision.

``data/models/`` keeps the trimmed GloVe vectors as float16, half the bytes of float32
(rounding moves a value by at most 1 part in 2,048). Stanza feeds a pretrain file's matrix
straight into its float32 layers, so the pipeline loads the file here, widens the matrix to
float32 and gives stanza the loaded vectors through its foundation cache, the way stanza
shares one set of vectors between its tagger, parser and NER.

>>> vectors_cache(None).pretrains
{}
"""

from __future__ import annotations


def full_precision(path: str):
    """The stanza pretrain at ``path`` with its matrix as float32, whatever it is stored as.

    >>> import tempfile, torch
    >>> from pathlib import Path
    >>> p = str(Path(tempfile.mkdtemp(), "v.pt"))
    >>> torch.save({"vocab": {"_unit2id": {}, "_id2unit": [], "lower": False}, "emb": torch.ones(4, 2).half()}, p)
    >>> full_precision(p).emb.dtype
    torch.float32
    """
    from stanza.models.common.pretrain import Pretrain

    class FullPrecision(Pretrain):
        def load(self):
            super().load()
            self._emb = self._emb.float()

    return FullPrecision(path)


def vectors_cache(path: str | None):
    """A stanza ``FoundationCache`` already holding the vectors at ``path`` (None: none) at
    float32, for ``stanza.Pipeline(foundation_cache=...)``: the pipeline's tagger, parser and
    NER then read them from the cache instead of loading the file themselves."""
    from stanza.models.common.foundation_cache import FoundationCache

    cache = FoundationCache(local_files_only=True)
    if path:
        cache.pretrains[path] = full_precision(path)
    return cache
