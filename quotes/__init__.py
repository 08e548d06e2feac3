"""quotes: who said what in the news, through whom, and whether it holds up.

>>> import quotes
>>> quotes.Attribution.__name__
'Attribution'
"""

from __future__ import annotations

__version__ = "0.1.0"

from quotes.errors import InputError, ModelError, NotFoundError, QuotesError, StoreError
from quotes.types import Article, Attribution, ChainLink, Claim, Flag, Speaker


def extract(item, **kw):
    """Every attribution in one article (text or :class:`Article`); see :func:`quotes.extractors.extract`."""
    from quotes.extractors import extract as _extract
    return _extract(item, **kw)


def parse(items, **kw):
    """Parse texts or articles into :class:`~quotes.types.ParsedDoc`; see :func:`quotes.extractors.parse`."""
    from quotes.extractors import parse as _parse
    return _parse(items, **kw)


def plot_trace(trace, **kw):
    """Draw a :class:`~quotes.results.Trace` as a matplotlib figure; see :func:`quotes.views.plot.plot_trace`."""
    from quotes.views.plot import plot_trace as _plot_trace
    return _plot_trace(trace, **kw)


#: Names imported on first use (they pull in networkx, pandas): name -> module.
_LAZY = {"Corpus": "claims.corpus", "read_articles": "inputs.readers", "AttributionList": "results",
         "ClaimList": "results", "Table": "results", "Trace": "results",
         "source_table": "views.frames", "flag_table": "views.frames"}


def __getattr__(name):
    if name in _LAZY:
        import importlib
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Article", "Attribution", "ChainLink", "Claim", "Flag", "Speaker", "InputError", "ModelError",
           "NotFoundError", "QuotesError", "StoreError", "extract", "parse", "plot_trace", "__version__",
           *_LAZY]
