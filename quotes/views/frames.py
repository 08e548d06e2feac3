"""Views for notebooks and reports: who speaks in a corpus, and why claims are flagged.

Every view returns a :class:`~quotes.results.Table` (``to_frame()`` for pandas, rich
HTML in Jupyter). Query results (:class:`~quotes.results.AttributionList`,
:class:`~quotes.results.ClaimList`, :class:`~quotes.results.Trace`) carry their own
``to_frame()``; pictures of traces are drawn by :func:`quotes.views.plot.plot_trace`.

>>> from quotes.types import Attribution, Speaker
>>> recs = [Attribution("d", "indirect", "it rained", 9, 18, "said", "asserts",
...                     Speaker("Ann Lee", "Ann Lee", "person"))]
>>> source_table(recs).to_frame()[["source", "record", "statements"]].values.tolist()
[['Ann Lee', 'on the record', 1]]
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from quotes.results import Table
from quotes.types import ANONYMOUS, DOCUMENT, NAMED_KINDS, OUTLET, Attribution, Claim

#: Columns of :func:`source_table`.
SOURCE_TABLE_COLUMNS = ("source", "kind", "record", "statements", "relayed", "stances",
                        "roles", "articles")
#: Columns of :func:`flag_table`.
FLAG_TABLE_COLUMNS = ("claim", "text", "flag", "reason")
#: How each speaker kind stands with respect to the record.
RECORD = {**dict.fromkeys(NAMED_KINDS, "on the record"), ANONYMOUS: "anonymous", DOCUMENT: "unnamed report"}


def record_status(kind: str) -> str:
    """"on the record" for named sources, "anonymous", "unnamed report" or "unknown".

    >>> record_status("person"), record_status("anonymous"), record_status("document")
    ('on the record', 'anonymous', 'unnamed report')
    """
    return RECORD.get(kind, "unknown")


def _attributions_and_publishers(data) -> tuple[list[Attribution], dict[str, str | None]]:
    if hasattr(data, "attributions") and hasattr(data, "publishers"):  # a Corpus
        return list(data.attributions), dict(data.publishers)
    return list(data), {}


def source_table(data, *, publishers: dict[str, str | None] | None = None) -> Table:
    """Every source in a corpus (or a list of attributions): its kind, whether it is on
    the record, how many statements it made and relayed, its stances, roles and articles.

    Publishers and relays (outlets in chains) appear too, with the statements they
    carried in ``relayed``. Sorted by statements made, then relayed.

    >>> from quotes.types import Attribution, ChainLink, Speaker
    >>> a = Attribution("d", "indirect", "x", 0, 1, "confirmed", "confirms",
    ...                 Speaker("a diplomatic source", "a diplomatic source", "anonymous"),
    ...                 (ChainLink("Tass", "outlet"),))
    >>> t = source_table([a], publishers={"d": "Newsweek"})
    >>> [(r["source"], r["record"], r["statements"], r["relayed"]) for r in t]
    [('a diplomatic source', 'anonymous', 1, 0), ('Newsweek', 'on the record', 0, 1), ('Tass', 'on the record', 0, 1)]
    """
    attrs, pubs = _attributions_and_publishers(data)
    if publishers:
        pubs.update(publishers)
    rows: dict[str, dict] = {}

    def row(name: str, kind: str) -> dict:
        key = name.casefold()
        r = rows.get(key)
        if r is None:
            r = rows[key] = {"source": name, "kind": kind, "statements": 0, "relayed": 0,
                             "_stances": Counter(), "roles": [], "articles": []}
        elif r["kind"] == "unknown":
            r["kind"] = kind
        return r

    for a in attrs:
        r = row(a.speaker.name, a.speaker.kind)
        r["statements"] += 1
        r["_stances"][a.stance] += 1
        if a.speaker.role and a.speaker.role not in r["roles"]:
            r["roles"].append(a.speaker.role)
        relays = ([(pubs[a.doc], OUTLET)] if pubs.get(a.doc) else []) + \
            [(x.name, x.kind) for x in a.chain]
        for name, kind in relays:
            rr = row(name, kind)
            rr["relayed"] += 1
            if a.doc not in rr["articles"]:
                rr["articles"].append(a.doc)
        if a.doc not in r["articles"]:
            r["articles"].append(a.doc)
    out = []
    for r in sorted(rows.values(), key=lambda r: (-r["statements"], -r["relayed"])):
        stances = r.pop("_stances")
        r["stances"] = ", ".join(f"{s} {n}" for s, n in stances.most_common())
        r["record"] = record_status(r["kind"])
        out.append(r)
    return Table(out, SOURCE_TABLE_COLUMNS, title="sources")


def flag_table(claims: Iterable[Claim], flag: str | None = None) -> Table:
    """One row per reason behind a flag: claim id, claim text, flag, reason. Claims
    without flags are left out; only ``flag`` if given.

    >>> from quotes.types import Flag
    >>> c = Claim("c-1", "It rained", flags=(Flag("unconfirmed", ("no named source",)),))
    >>> flag_table([c]).to_frame()[["flag", "reason"]].values.tolist()
    [['unconfirmed', 'no named source']]
    """
    rows = []
    for c in claims:
        for f in c.flags:
            if flag is not None and f.name != flag:
                continue
            for reason in f.reasons or ("",):
                rows.append({"claim": c.id, "text": c.text, "flag": f.name, "reason": reason})
    return Table(rows, FLAG_TABLE_COLUMNS, title=f"flags{': ' + flag if flag else ''}")

