"""Checking a claim typed in free text: :meth:`Corpus.check <quotes.claims.corpus.Corpus.check>`
on the stored corpus, shaped for the check page and ``/api/check``.

The corpus is loaded once from the read-only store (cached by :mod:`quotes.web.db` until
the claims change, in a background thread); the check itself is the library's.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from quotes.types import Attribution
from quotes.web.details import _attribution
from quotes.web.queries import BadParameter, source_key


def has_check() -> bool:
    """Whether this version of the library checks claims (:meth:`Corpus.check`)."""
    from quotes.claims.corpus import Corpus
    return hasattr(Corpus, "check")


def stored_corpus(conn: sqlite3.Connection):
    """The stored articles and attributions as an in-memory
    :class:`~quotes.claims.corpus.Corpus`, with its claim index built (what a check needs;
    cached until the claims change, built in the background)."""
    import dataclasses

    from quotes.claims.corpus import Corpus
    from quotes.types import Article
    by_doc: dict[str, list[Attribution]] = {}
    for doc, record, sentence in conn.execute(
            "SELECT doc, record, sentence FROM attributions ORDER BY doc, n"):
        a = _attribution(record)
        by_doc.setdefault(doc, []).append(dataclasses.replace(a, sentence=sentence)
                                          if sentence is not None else a)
    corpus = Corpus((Article(*row), by_doc.get(row[0], [])) for row in conn.execute(
        "SELECT id, text, publisher, date, url, title, author FROM articles ORDER BY id"))
    corpus.candidates("warm up")  # builds the claims and their index now, not on a request
    return corpus


def check_view(corpus, text: str, stored: set[str]) -> dict[str, Any]:
    """:meth:`Corpus.check` of ``text`` as a dict for the page and the API, plus the
    statements' paths for the provenance tree and which candidates are stored claims."""
    text = text.strip()
    if not text:
        raise BadParameter("q is empty: give a claim, e.g. \"Putin's visit to Turkey was postponed\"")
    if len(text) > 500:
        raise BadParameter("q must be at most 500 characters")
    result = corpus.check(text)
    data = result.to_dict()
    for art in data["articles"]:
        for e in art["evidence"]:
            e["record"]["speaker"]["key"] = source_key(e["record"]["speaker"]["name"])
    arts = {a.doc: a for a in result.articles}
    tree = []
    for r in result.repeats:
        art = arts.get(r.doc)
        hops = [{"name": n, "kind": "outlet" if i == 0 and art and n == art.publisher else "unknown",
                 "key": source_key(n)} for i, n in enumerate(r.via)]
        tree.append({"article": {"id": r.doc, "title": art.title if art else None},
                     "effective_stance": r.stance, "answers": [],
                     "path": hops + [{"name": r.speaker, "kind": r.kind, "key": source_key(r.speaker)}]})
    data["tree"] = tree
    for cand in data["candidates"]:
        cand["stored"] = cand["claim"] in stored
    if data["claim"]:
        data["claim"]["stored"] = data["claim"]["id"] in stored
    return data
