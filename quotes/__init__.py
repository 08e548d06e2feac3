"""quotes: who said what in the news, through whom, and whether it holds up.

>>> import quotes
>>> quotes.Attribution.__name__
'Attribution'
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import InputError, ModelError, NotFoundError, QuotesError, StoreError
from .types import Article, Attribution, ChainLink, Claim, Flag, Speaker


def extract(item, **kw):
    """Every attribution in one article (text or :class:`Article`); see :func:`quotes.extractors.extract`."""
    from .extractors import extract as _extract
    return _extract(item, **kw)


def parse(items, **kw):
    """Parse texts or articles into :class:`~quotes.types.ParsedDoc`; see :func:`quotes.extractors.parse`."""
    from .extractors import parse as _parse
    return _parse(items, **kw)


__all__ = ["Article", "Attribution", "ChainLink", "Claim", "Flag", "Speaker", "InputError", "ModelError",
           "NotFoundError", "QuotesError", "StoreError", "extract", "parse", "__version__"]
