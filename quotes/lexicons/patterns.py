"""Word lists made into regular expressions, one way for every list.

A list is tried longest entry first, so "per cent" wins over "per" and "Associated Press"
over "Associated"; a space in an entry matches any run of white space. Entries may end in
``*`` (a prefix: "deni*" matches "denied" and "denial") where the caller asks for it.

>>> words(["deni*", "no longer"]).findall("He denied it, and no  longer does")
['denied', 'no  longer']
"""

from __future__ import annotations

import re
from typing import Iterable


def _entry(word: str, *, prefixes: bool, hyphens: bool) -> str:
    star = prefixes and word.endswith("*")
    body = re.escape(word[:-1] if star else word).replace(r"\ ", r"\s+")
    if hyphens:
        body = body.replace(r"\-", r"[-\s]")
    if star:
        return body + r"\w*(?!\w)"
    return body + (r"(?!\w)" if prefixes and word[-1:].isalnum() else "")


def alternatives(words: Iterable[str], *, prefixes: bool = False, hyphens: bool = False) -> str:
    """A regex alternation of ``words``, longest first (ties in alphabetical order, so the
    same list always makes the same pattern).

    With ``prefixes``, a trailing ``*`` marks a prefix and every entry ending in a letter or
    digit must end a word; with ``hyphens``, a hyphen also matches a space ("anti-vaccine",
    "anti vaccine").

    >>> alternatives(["per", "per cent", "%"])
    'per\\\\s+cent|per|%'
    >>> alternatives(["deni*", "hoax"], prefixes=True)
    'deni\\\\w*(?!\\\\w)|hoax(?!\\\\w)'
    """
    entries = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(_entry(w, prefixes=prefixes, hyphens=hyphens) for w in entries if w)


def words(entries: Iterable[str], *, hyphens: bool = False) -> re.Pattern:
    """A case-insensitive pattern for any entry of a word list as whole words, ``*`` ending a
    prefix (:func:`alternatives` with ``prefixes``).

    >>> bool(words(["hoax"]).search("a hoaxer")), bool(words(["hoax*"]).search("a hoaxer"))
    (False, True)
    """
    return re.compile(r"(?<!\w)(?:" + alternatives(entries, prefixes=True, hyphens=hyphens) + ")",
                      re.IGNORECASE)
