"""What every result is built on: :class:`Table` (rows with ``to_frame()`` and HTML display),
the DataFrame and HTML helpers, and the list that keeps its type when sliced.

>>> t = Table([{"source": "Tass", "statements": 2}], title="origins")
>>> len(t), t.to_frame().shape, "<table" in t._repr_html_()
(1, (1, 2), True)
"""

from __future__ import annotations

import html
from typing import Iterable, Iterator, Sequence


from quotes.types import ARTICLE_METADATA, parse_date


def _frame(rows: Sequence[dict], columns: Sequence[str] | None = None, *,
           categories: Sequence[str] = (), dates: Sequence[str] = ()):
    """A DataFrame of ``rows``: ``categories`` columns as pandas categoricals, ``dates``
    (strings as articles give them) as datetimes (NaT when missing or unreadable)."""
    import pandas as pd

    df = pd.DataFrame(list(rows), columns=list(columns) if columns else None)
    for c in dates:
        if c in df:
            df[c] = pd.to_datetime(pd.Series([parse_date(v) for v in df[c]], index=df.index,
                                             dtype=object), errors="coerce")
    for c in categories:
        if c in df:
            df[c] = df[c].astype("category")
    return df


#: Columns of an article's metadata, in every frame that has a ``doc``.
META_COLUMNS = ARTICLE_METADATA
#: Frame columns holding dates.
DATE_COLUMNS = ("date", "first_seen", "last_seen")


def _html_table(rows: Sequence[dict], columns: Sequence[str]) -> str:
    head = "".join(f"<th style='text-align:left'>{html.escape(c)}</th>" for c in columns)
    body = []
    for r in rows:
        cells = []
        for c in columns:
            v = r.get(c)
            if isinstance(v, (list, tuple)):
                v = "<br>".join(html.escape(str(x)) for x in v)
            else:
                v = html.escape("" if v is None else str(v))
            cells.append(f"<td style='text-align:left;vertical-align:top'>{v}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


class Table:
    """Rows (dicts) from a query, with ``to_frame()`` and ``_repr_html_()``.

    >>> Table([{"a": 1}, {"a": 2}]).to_frame()["a"].tolist()
    [1, 2]
    """

    def __init__(self, rows: Sequence[dict], columns: Sequence[str] | None = None,
                 title: str = ""):
        self.rows = list(rows)
        self.columns = list(columns) if columns else (list(self.rows[0]) if self.rows else [])
        self.title = title

    def __iter__(self) -> Iterator[dict]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i):
        """A row; a slice is a Table again (same columns and title).

        >>> Table([{"a": 1}, {"a": 2}], title="t")[1:]
        <Table 't': 1 rows>
        """
        if isinstance(i, slice):
            return type(self)(self.rows[i], self.columns, self.title)
        return self.rows[i]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.title!r}: {len(self.rows)} rows>"

    def to_frame(self):
        """The rows as a pandas DataFrame (dates as datetimes; lists stay lists)."""
        return _frame(self.rows, self.columns, dates=DATE_COLUMNS)

    def to_records(self) -> list[dict]:
        """The rows as plain dicts (JSON-ready)."""
        return [dict(r) for r in self.rows]

    def _repr_html_(self) -> str:
        title = f"<p><b>{html.escape(self.title)}</b></p>" if self.title else ""
        return title + _html_table(self.rows, self.columns)


class _ResultList(list):
    """A list that stays its own type (and keeps its context) when sliced."""

    def _like(self, items: Iterable) -> "_ResultList":
        raise NotImplementedError

    def __getitem__(self, i):
        got = super().__getitem__(i)
        return self._like(got) if isinstance(i, slice) else got
