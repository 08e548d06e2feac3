"""The library's exceptions: one base class and a few children.

Every error the library raises on purpose derives from :class:`QuotesError`, so
callers (and the CLI) can catch one type and print a clean one-line message.

>>> try:
...     raise InputError("notes.txt", "file is empty")
... except QuotesError as err:
...     print(err)
notes.txt: file is empty
"""

from __future__ import annotations

import logging
import sys


class QuotesError(Exception):
    """Base class of every error raised by quotes."""

    exit_code = 1


class InputError(QuotesError):
    """An input (file, record, text) cannot be read as an article.

    ``where`` names the file (and line, when known); ``what`` says what was wrong
    or what was expected.

    >>> str(InputError("feed.csv", "missing column 'text'", line=3))
    "feed.csv:3: missing column 'text'"
    """

    exit_code = 2

    def __init__(self, where: str, what: str, line: int | None = None):
        self.where = str(where)
        self.what = what
        self.line = line
        loc = f"{self.where}:{line}" if line is not None else self.where
        super().__init__(f"{loc}: {what}")


class ModelError(QuotesError):
    """No usable NLP models were found, or they failed to load."""

    exit_code = 3


class StoreError(QuotesError):
    """The SQLite store cannot be opened, or holds an incompatible schema."""

    exit_code = 4


class OutputError(QuotesError):
    """An output file cannot be written (full disk, no permission); nothing half-written is left."""

    exit_code = 6


class NotFoundError(QuotesError):
    """A claim, source or article asked for does not exist."""

    exit_code = 5


class _Stderr(logging.StreamHandler):
    """A handler writing to whatever ``sys.stderr`` is at the time (tests swap it)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _):
        pass


def show_warnings() -> None:
    """The library's warnings (logger ``quotes``: a sentence parsed in pieces, ...) on stderr, one line each."""
    logger = logging.getLogger("quotes")
    if not logger.handlers:
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("quotes: warning: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
