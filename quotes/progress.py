"""Progress bars for long runs: tqdm on stderr when it is a terminal, a widget in Jupyter.

One switch for the whole library: ``show=None`` (the default everywhere) shows a bar
when someone can see it (a Jupyter kernel, or stderr on a terminal), ``False`` never
(the command line's ``-q``), ``True`` always. Nothing is written to stdout.

>>> list(track(range(3), show=False))
[0, 1, 2]
"""

from __future__ import annotations

import importlib.util
import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def in_notebook() -> bool:
    """Whether this runs in a Jupyter kernel (where a bar is an HTML widget).

    >>> in_notebook()
    False
    """
    ipython = sys.modules.get("IPython")
    if ipython is None or "ipykernel" not in sys.modules:
        return False
    shell = ipython.get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def wanted(show: bool | None) -> bool:
    """Whether to show a bar: ``show`` if given, else in Jupyter or on a terminal stderr.

    >>> wanted(False), wanted(True)
    (False, True)
    """
    if show is not None:
        return show
    return in_notebook() or bool(getattr(sys.stderr, "isatty", lambda: False)())


def bar(total: int | None = None, *, desc: str = "", unit: str = " articles",
        show: bool | None = None):
    """A tqdm bar (a widget in Jupyter when ipywidgets is installed, else text on
    stderr), or ``None`` when none is wanted (see :func:`wanted`) or tqdm is missing.

    >>> bar(3, show=False) is None
    True
    """
    if not wanted(show):
        return None
    try:
        if in_notebook() and importlib.util.find_spec("ipywidgets") is not None:
            from tqdm.notebook import tqdm
        else:
            from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        return None
    return tqdm(total=total, desc=desc or None, unit=unit, file=sys.stderr, dynamic_ncols=True,
                smoothing=0.1, leave=False)


def track(items: Iterable[T], total: int | None = None, *, desc: str = "",
          unit: str = " articles", show: bool | None = None) -> Iterator[T]:
    """Yield ``items`` while a bar (see :func:`bar`) counts them; the bar closes at the end.

    >>> sum(track([1, 2, 3], show=False))
    6
    """
    b = bar(total, desc=desc, unit=unit, show=show)
    if b is None:
        yield from items
        return
    try:
        for item in items:
            b.update(1)
            yield item
    finally:
        b.close()
