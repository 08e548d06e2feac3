"""Query results: small list-like objects with ``.to_frame()`` and rich display.

Every query in :mod:`quotes.claims.graph` returns one of these. They iterate like lists,
convert to pandas DataFrames and render as readable HTML tables in notebooks, with
flags and their reasons visible. By job: :mod:`~quotes.results.tables` (:class:`Table`
and the helpers every result uses), :mod:`~quotes.results.lists` (attributions, claims),
:mod:`~quotes.results.trace` (one claim's provenance), :mod:`~quotes.results.check` (a
claim check). Import them from ``quotes.results``.

>>> t = Table([{"source": "Tass", "statements": 2}], title="origins")
>>> len(t), t.to_frame().shape, "<table" in t._repr_html_()
(1, (1, 2), True)
"""

from __future__ import annotations

from quotes.results.tables import DATE_COLUMNS, META_COLUMNS, Table, _html_table
from quotes.results.lists import AttributionList, ClaimList
from quotes.results.trace import Trace, format_trace_tree
from quotes.results.check import CHECK_FORMATS, Check, format_check, write_check

__all__ = [
    "DATE_COLUMNS", "META_COLUMNS", "Table", "AttributionList", "ClaimList", "Trace", "format_trace_tree",
    "CHECK_FORMATS", "Check", "format_check", "write_check",
    "_html_table",  # the HTML table of every result's display, also used by quotes.claims.corpus
]
