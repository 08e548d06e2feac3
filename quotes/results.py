"""Query results: small list-like objects with ``.to_frame()`` and rich display.

Every query in :mod:`quotes.claims.graph` returns one of these. They iterate like lists,
convert to pandas DataFrames and render as readable HTML tables in notebooks, with
flags and their reasons visible.

>>> t = Table([{"source": "Tass", "statements": 2}], title="origins")
>>> len(t), t.to_frame().shape, "<table" in t._repr_html_()
(1, (1, 2), True)
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping, Sequence

import dataclasses

from quotes.types import ARTICLE_METADATA, FLAGS, Article, Attribution, CheckResult, Claim, parse_date


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


class AttributionList(_ResultList):
    """A list of :class:`~quotes.types.Attribution` with ``to_frame()`` and HTML display.

    ``articles`` (id -> :class:`~quotes.types.Article`) brings each article's publisher,
    date, title and url into the rows; ``claims`` (attribution id -> claim id) the claim
    each statement belongs to. A :class:`~quotes.claims.corpus.Corpus` fills both.

    >>> from quotes.types import Attribution, Speaker, ChainLink
    >>> al = AttributionList([Attribution("d", "indirect", "it rained", 9, 18, "said",
    ...     "asserts", Speaker("Ann", "Ann", "person"), (ChainLink("Tass", "outlet"),))],
    ...     articles={"d": Article("d", "Ann said it rained.", publisher="Daily", date="2024-02-09")})
    >>> al.to_frame().loc[0, ["speaker", "speaker_kind", "chain", "publisher"]].tolist()
    ['Ann', 'person', 'Tass', 'Daily']
    >>> str(al.to_frame().loc[0, "date"].date()), type(al[:1]).__name__
    ('2024-02-09', 'AttributionList')
    >>> len(al.by_doc("d")), len(al.by_speaker("nobody"))
    (1, 0)
    """

    #: Columns of the HTML display.
    COLUMNS = ("doc", "speaker", "speaker_kind", "type", "stance", "cue", "chain", "content", "claim",
               "rule")
    #: Columns of :meth:`to_frame`.
    FRAME_COLUMNS = ("doc", "id", "claim", "start", "end", "type", "stance", "cue", "cue_start",
                     "cue_end", "speaker", "speaker_kind", "speaker_role", "mention",
                     "mention_start", "mention_end", "chain", "content", "rule", *META_COLUMNS)
    #: Columns of :meth:`chains_frame`.
    CHAIN_COLUMNS = ("id", "doc", "hop", "name", "kind", "cue", "start", "end")
    #: Frame columns of repeated strings, stored as categoricals.
    CATEGORIES = ("doc", "type", "stance", "speaker_kind", "speaker", "publisher")

    def __init__(self, items: Iterable[Attribution] = (), *,
                 articles: Mapping[str, Article] | None = None,
                 claims: Mapping[str, str] | None = None):
        super().__init__(items)
        self.articles = articles if articles is not None else {}
        self.claim_ids = claims if claims is not None else {}

    def _like(self, items: Iterable[Attribution]) -> "AttributionList":
        return AttributionList(items, articles=self.articles, claims=self.claim_ids)

    def metadata(self, doc: str) -> dict[str, str | None]:
        """The publisher, date, title and url of article ``doc`` (``None`` when unknown)."""
        art = self.articles.get(doc)
        return art.metadata if art is not None else dict.fromkeys(ARTICLE_METADATA)

    def rows(self) -> list[dict[str, Any]]:
        """One plain dict per attribution, the :meth:`to_frame` columns (``chain`` as
        "A > B" text)."""
        out = []
        for a in self:
            sp = a.speaker
            out.append({
                "doc": a.doc, "id": a.id, "claim": self.claim_ids.get(a.id), "start": a.start,
                "end": a.end, "type": a.type, "stance": a.stance, "cue": a.cue,
                "cue_start": a.cue_start, "cue_end": a.cue_end, "speaker": sp.name,
                "speaker_kind": sp.kind, "speaker_role": sp.role, "mention": sp.mention,
                "mention_start": sp.start, "mention_end": sp.end,
                "chain": " > ".join(x.name for x in a.chain), "content": a.content,
                "rule": a.rule, **self.metadata(a.doc),
            })
        return out

    def records(self) -> Iterator[dict[str, Any]]:
        """The JSON records (:meth:`~quotes.types.Attribution.to_dict`) with the article's
        publisher, date, title and url added: what ``quotes extract`` writes."""
        for a in self:
            yield {**a.to_dict(), **self.metadata(a.doc)}

    def by_doc(self, doc: str) -> "AttributionList":
        """Only the attributions of article ``doc``."""
        return self._like(a for a in self if a.doc == doc)

    def by_speaker(self, name: str) -> "AttributionList":
        """Only the attributions whose speaker is ``name`` (case ignored)."""
        return self._like(a for a in self if a.speaker.name.casefold() == name.casefold())

    def to_frame(self):
        """One row per attribution: ids, claim id, offsets, type, stance, cue, speaker
        (``speaker_kind``, role, mention), ``chain`` as text, content, the ``rule`` that
        found it, and the article's publisher, date (a datetime), url, title and author.
        Repeated strings are categoricals; the chain's links one per row are
        :meth:`chains_frame`."""
        df = _frame(self.rows(), self.FRAME_COLUMNS, categories=self.CATEGORIES, dates=("date",))
        for c in ("cue_start", "cue_end", "mention_start", "mention_end"):
            df[c] = df[c].astype("Int64")
        return df

    def chains_frame(self):
        """The chains long: one row per intermediary (attribution ``id``, ``doc``,
        ``hop`` 0 the outermost, ``name``, ``kind``, ``cue``, offsets). The article's
        publisher, outside every chain, is in :meth:`to_frame`.

        >>> from quotes.types import Speaker, ChainLink
        >>> AttributionList([Attribution("d", "indirect", "x", 0, 1, "said", "asserts",
        ...     Speaker("Ann", "Ann"), (ChainLink("Tass", "outlet"),))]).chains_frame()[["hop", "name"]].values.tolist()
        [[0, 'Tass']]
        """
        rows = [{"id": a.id, "doc": a.doc, "hop": i, "name": x.name, "kind": x.kind, "cue": x.cue,
                 "start": x.start, "end": x.end} for a in self for i, x in enumerate(a.chain)]
        return _frame(rows, self.CHAIN_COLUMNS, categories=("doc", "kind"))

    def _repr_html_(self) -> str:
        return (f"<p><b>{len(self)} attributions</b></p>"
                + _html_table(self.rows(), self.COLUMNS))


def _flag_cell(c: Claim) -> str:
    return ", ".join(c.flag_names)


class ClaimList(_ResultList):
    """A list of :class:`~quotes.types.Claim` with ``to_frame()``, long frames for its
    list columns (:meth:`flags_frame`, :meth:`statements_frame`) and HTML display.

    >>> cl = ClaimList([Claim("c-1", "It rained", flags=(), first_seen="2024-02-09",
    ...                       publishers=("Daily",))])
    >>> cl.to_frame().loc[0, ["text", "publishers", "first_seen"]].astype(str).tolist(), cl.ids()
    (['It rained', 'Daily', '2024-02-09 00:00:00'], ['c-1'])
    >>> type(cl[:1]).__name__
    'ClaimList'
    """

    #: Columns of the HTML display.
    COLUMNS = ("id", "text", "flags", "statements", "sources", "articles", "publishers",
               "first_seen", "last_seen", "reasons")
    #: Columns of :meth:`to_frame`: counts, flags as text and as one boolean column each.
    FRAME_COLUMNS = ("id", "text", "flags", *FLAGS, "statements", "sources", "articles",
                     "publishers", "first_seen", "last_seen", "reasons")
    #: Columns of :meth:`flags_frame`.
    FLAG_COLUMNS = ("claim", "flag", "reason")

    def __init__(self, items: Iterable[Claim] = (), *,
                 articles: Mapping[str, Article] | None = None):
        super().__init__(items)
        self.articles = articles if articles is not None else {}

    def _like(self, items: Iterable[Claim]) -> "ClaimList":
        return ClaimList(items, articles=self.articles)

    def ids(self) -> list[str]:
        return [c.id for c in self]

    def rows(self) -> list[dict[str, Any]]:
        """One dict per claim with lists (flags, sources, articles, publishers, reasons)."""
        return [{
            "id": c.id, "text": c.text, "flags": c.flag_names,
            "statements": len(c.statements),
            "sources": sorted({a.speaker.name for a in c.statements}),
            "articles": sorted({a.doc for a in c.statements}),
            "publishers": list(c.publishers), "first_seen": c.first_seen, "last_seen": c.last_seen,
            "reasons": [r for f in c.flags for r in f.reasons],
        } for c in self]

    def to_frame(self):
        """One row per claim: id, text, ``flags`` as text and a boolean column per flag,
        counts of statements, sources and articles, ``publishers`` as text, first and
        last seen (datetimes), reasons as text. The lists themselves, long:
        :meth:`flags_frame` and :meth:`statements_frame`."""
        rows = []
        for r in self.rows():
            rows.append({**r, "flags": ", ".join(r["flags"]),
                         **{f: f in r["flags"] for f in FLAGS},
                         "sources": len(r["sources"]), "articles": len(r["articles"]),
                         "publishers": "; ".join(r["publishers"]), "reasons": "; ".join(r["reasons"])})
        return _frame(rows, self.FRAME_COLUMNS, dates=("first_seen", "last_seen"))

    def flags_frame(self):
        """One row per reason behind each flag: ``claim``, ``flag``, ``reason``.

        >>> from quotes.types import Flag
        >>> ClaimList([Claim("c-1", "x", flags=(Flag("unconfirmed", ("no named source",)),))]
        ...           ).flags_frame().values.tolist()
        [['c-1', 'unconfirmed', 'no named source']]
        """
        rows = [{"claim": c.id, "flag": f.name, "reason": r}
                for c in self for f in c.flags for r in (f.reasons or ("",))]
        return _frame(rows, self.FLAG_COLUMNS, categories=("claim", "flag"))

    def statements_frame(self):
        """One row per statement of each claim: the :meth:`AttributionList.to_frame`
        columns (``claim`` the claim's id), with the articles' metadata."""
        claim_of = {a.id: c.id for c in self for a in c.statements}
        return AttributionList((a for c in self for a in c.statements), articles=self.articles,
                               claims=claim_of).to_frame()

    def _repr_html_(self) -> str:
        return _html_table(self.rows(), self.COLUMNS)


@dataclass
class Trace:
    """Every statement about a claim, as paths from the publisher back to the origin.

    ``rows`` hold, per statement: ``statement`` (id), ``doc``, ``start``, ``end``,
    ``content``, ``stance`` (as said), ``effective_stance`` (toward the claim),
    ``speaker``, ``speaker_kind``, ``origin``, ``path`` (list of ``(name, kind)``,
    publisher first, origin last) and ``responds_to`` (``(name, kind)`` of the reports
    a confirmation or denial answers). ``candidates`` are the claims a free-text lookup
    may have meant (:class:`~quotes.types.Candidate`, best first: the claim traced, then
    the alternatives).
    """

    claim: Claim
    rows: list[dict[str, Any]] = field(default_factory=list)
    candidates: tuple = ()

    COLUMNS = ("statement", "doc", "start", "end", "stance", "effective_stance", "speaker",
               "speaker_kind", "origin", "path", "content", *META_COLUMNS)
    #: Columns of :meth:`paths_frame`.
    PATH_COLUMNS = ("statement", "doc", "hop", "name", "kind", "responds")

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        """A one-line summary (the HTML view and ``to_frame()`` show the rows).

        >>> Trace(Claim("c-1", "It rained"))
        <Trace c-1 'It rained': 0 statements, flags: none>
        """
        return (f"<Trace {self.claim.id} {self.claim.text!r}: {len(self.rows)} statements, "
                f"flags: {_flag_cell(self.claim) or 'none'}>")

    def paths(self) -> list[list[str]]:
        """Names along each statement's path, extended by the reports it answers.

        >>> Trace(Claim("c", "x"), [{"path": [("Tass", "outlet"), ("a source", "anonymous")],
        ...                          "responds_to": [("a report", "document")]}]).paths()
        [['Tass', 'a source', 'a report']]
        """
        return [[n for n, _ in r["path"]] + [n for n, _ in r.get("responds_to", ())]
                for r in self.rows]

    def to_frame(self):
        """One row per statement; ``path`` as "A > B > C" text (long: :meth:`paths_frame`),
        with the article's publisher, date (a datetime), title and url where known."""
        rows = [{**r, "path": " > ".join(n for n, _ in r["path"] + list(r.get("responds_to", ())))}
                for r in self.rows]
        return _frame(rows, self.COLUMNS, categories=("doc", "stance", "effective_stance",
                                                      "speaker_kind", "publisher"), dates=("date",))

    def paths_frame(self):
        """The paths long: one row per hop of each statement's path (``hop`` 0 the
        publisher), then the reports it answers (``responds`` True).

        >>> Trace(Claim("c", "x"), [{"statement": "d:0-1", "doc": "d", "path": [("Tass", "outlet"),
        ...     ("Ann", "person")], "responds_to": []}]).paths_frame()[["hop", "name"]].values.tolist()
        [[0, 'Tass'], [1, 'Ann']]
        """
        rows = []
        for r in self.rows:
            hops = [(h, False) for h in r["path"]] + [(h, True) for h in r.get("responds_to", ())]
            rows += [{"statement": r.get("statement"), "doc": r.get("doc"), "hop": i, "name": n,
                      "kind": k, "responds": resp} for i, ((n, k), resp) in enumerate(hops)]
        return _frame(rows, self.PATH_COLUMNS, categories=("doc", "kind"))

    def to_records(self) -> list[dict]:
        """JSON-ready rows (the JSON Lines form of ``quotes trace --format jsonl``)."""
        return [{"claim": self.claim.id, **{k: v for k, v in r.items()},
                 "path": [{"name": n, "kind": k} for n, k in r["path"]],
                 "responds_to": [{"name": n, "kind": k} for n, k in r.get("responds_to", ())]}
                for r in self.rows]

    def _repr_html_(self) -> str:
        head = (f"<p><b>{html.escape(self.claim.text)}</b> <code>{html.escape(self.claim.id)}"
                f"</code><br>flags: {html.escape(_flag_cell(self.claim)) or 'none'}</p>")
        reasons = "".join(f"<li>{html.escape(r)}</li>" for f in self.claim.flags for r in f.reasons)
        frame_rows = self.to_frame().to_dict("records")
        return head + (f"<ul>{reasons}</ul>" if reasons else "") + _html_table(frame_rows, self.COLUMNS)


def format_trace_tree(trace: Trace) -> str:
    """The trace as an indented tree for the terminal: claim, flags with reasons, then
    each article's paths from the publisher down to the origin and the reports it answers.

    >>> t = Trace(Claim("c-1", "It rained"), [{"statement": "d:0-9", "doc": "d",
    ...     "content": "It rained", "effective_stance": "asserts",
    ...     "path": [("Daily", "outlet"), ("Ann", "person")], "responds_to": []}])
    >>> print(format_trace_tree(t))
    claim c-1: It rained
      flags: none
      article d
        Daily (outlet)
          Ann (person) asserts: "It rained" [d:0-9]
    """
    c = trace.claim
    lines = [f"claim {c.id}: {c.text}", f"  flags: {', '.join(c.flag_names) or 'none'}"]
    alternatives = [k for k in trace.candidates if k.claim != c.id]
    lines += [f"    - {r}" for f in c.flags for r in f.reasons]
    by_doc: dict[str, list[dict]] = {}
    for r in trace.rows:
        by_doc.setdefault(r["doc"], []).append(r)
    for doc, rows in by_doc.items():
        lines.append(f"  article {doc}")
        printed: list[tuple] = []  # the relay prefix already shown
        for r in rows:
            relays, (name, kind) = r["path"][:-1], r["path"][-1]
            shared = 0
            while shared < min(len(printed), len(relays)) and printed[shared] == relays[shared]:
                shared += 1
            for depth in range(shared, len(relays)):
                lines.append("    " + "  " * depth + f"{relays[depth][0]} ({relays[depth][1]})")
            printed = list(relays)
            pad = "    " + "  " * len(relays)
            lines.append(f"{pad}{name} ({kind}) {r['effective_stance']}: \"{r['content']}\" "
                         f"[{r['statement']}]")
            for rname, rkind in r.get("responds_to", ()):
                lines.append(f"{pad}  -> {r['effective_stance']} {rname} ({rkind})")
    if alternatives:
        lines.append("  other claims it may mean:")
        lines += [f"    {k.label} [{k.claim}] ({k.score:.2f})" for k in alternatives]
    return "\n".join(lines)


@dataclasses.dataclass(frozen=True)
class Check(CheckResult):
    """A :class:`~quotes.types.CheckResult` with a table per article (``to_frame()``),
    HTML display and a terminal form (:func:`format_check`).

    >>> Check("nothing", message="no claim matches 'nothing'")
    <Check 'nothing': no claim matches 'nothing'>
    """

    COLUMNS = ("doc", "publisher", "stance", "reason", "speakers", "evidence")

    @classmethod
    def of(cls, r: CheckResult) -> "Check":
        return cls(**{f.name: getattr(r, f.name) for f in dataclasses.fields(CheckResult)})

    def __repr__(self) -> str:
        if self.claim is None:
            return f"<Check {self.query!r}: {self.message}>"
        return (f"<Check {self.query!r} -> {self.claim.id} {self.claim.label or self.claim.text!r}: "
                f"{len(self.articles)} articles, flags: {', '.join(self.flag_names) or 'none'}>")

    def rows(self) -> list[dict[str, Any]]:
        """One row per article: doc, publisher, stance, reason, speakers, evidence sentences."""
        return [{"doc": a.doc, "publisher": a.publisher, "stance": a.stance, "reason": a.reason,
                 "speakers": list(dict.fromkeys(e.statement.speaker.name for e in a.evidence)),
                 "evidence": [f"[{e.sentence_start}-{e.sentence_end}] {e.stance}: {e.sentence}"
                              for e in a.evidence]} for a in self.articles]

    def evidence_records(self) -> list[dict[str, Any]]:
        """One flat row per piece of evidence (the CSV/table form of ``quotes check``)."""
        out = []
        for a in self.articles:
            base = {"claim": self.claim.id if self.claim else None, "doc": a.doc,
                    "publisher": a.publisher, "article_stance": a.stance}
            if not a.evidence:
                out.append({**base, "stance": None, "speaker": None, "kind": None, "chain": "",
                            "start": None, "end": None, "sentence": None, "statement": None})
            for e in a.evidence:
                st = e.statement
                out.append({**base, "stance": e.stance, "speaker": st.speaker.name,
                            "kind": st.speaker.kind, "chain": " > ".join(x.name for x in st.chain),
                            "start": e.sentence_start, "end": e.sentence_end,
                            "sentence": e.sentence, "statement": st.id})
        return out

    def to_frame(self):
        """One row per article (see :meth:`rows`)."""
        return _frame(self.rows(), self.COLUMNS)

    def _repr_html_(self) -> str:
        if self.claim is None:
            return f"<p>{html.escape(self.message)}</p>"
        head = (f"<p><b>{html.escape(self.claim.label or self.claim.text)}</b> "
                f"<code>{html.escape(self.claim.id)}</code><br>flags: "
                f"{html.escape(', '.join(self.flag_names)) or 'none'}</p>")
        reasons = "".join(f"<li>{html.escape(r)}</li>" for f in self.flags for r in f.reasons)
        alts = "".join(f"<li>{html.escape(c.label)} ({c.score:.2f})</li>" for c in self.candidates[1:])
        return (head + (f"<ul>{reasons}</ul>" if reasons else "") + _html_table(self.rows(), self.COLUMNS)
                + (f"<p>other claims it may mean:</p><ul>{alts}</ul>" if alts else ""))


def format_check(r: CheckResult) -> str:
    """A claim check for the terminal: the claim, its flags with reasons, each article's
    stance with its evidence, the origins and the alternatives.

    >>> print(format_check(CheckResult("x", message="no claim matches 'x'")))
    no claim matches 'x'
    """
    if r.claim is None:
        lines = [r.message]
        lines += [f"  maybe: {c.label} [{c.claim}] ({c.score:.2f})" for c in r.candidates]
        return "\n".join(lines)
    c = r.claim
    lines = [f"claim {c.id}: {c.label or c.text}", f"  flags: {', '.join(r.flag_names) or 'none'}"]
    lines += [f"    - {x}" for f in r.flags for x in f.reasons]
    lines.append(f"  articles ({len(r.articles)}):")
    for a in r.articles:
        pub = f" ({a.publisher})" if a.publisher else ""
        lines.append(f"    {a.doc}{pub}: {a.stance} - {a.reason}")
        for e in a.evidence:
            st = e.statement
            via = f" via {' > '.join(x.name for x in st.chain)}" if st.chain else ""
            lines.append(f"      [{e.sentence_start}-{e.sentence_end}] {st.speaker.name} "
                         f"({st.speaker.kind}){via}, {st.stance} -> {e.stance}: \"{st.content}\"")
    if r.origins:
        lines.append("  origins:")
        for o in r.origins:
            relays = f" via {', '.join(o.relays)}" if o.relays else ""
            named = "named" if o.named else "unnamed"
            lines.append(f"    {o.name} ({o.kind}, {named}){relays}: {', '.join(o.stances)}")
    if len(r.candidates) > 1:
        lines.append("  other claims it may mean:")
        lines += [f"    {k.label} [{k.claim}] ({k.score:.2f})" for k in r.candidates[1:]]
    return "\n".join(lines)


#: Output formats of ``quotes check``: the terminal report, one JSON object, one CSV row per
#: piece of evidence.
CHECK_FORMATS = ("table", "jsonl", "csv")


def write_check(r: CheckResult, fmt: str, out, err) -> bool:
    """Write a claim check in ``fmt`` (:data:`CHECK_FORMATS`); a check that found no claim
    writes its message (and the nearest claims) to ``err``. Returns whether a claim was found.

    >>> import io, sys
    >>> write_check(CheckResult("x", message="no claim matches 'x'"), "jsonl", io.StringIO(), sys.stdout)
    no claim matches 'x'
    False
    """
    import csv
    import json

    if r.claim is None:
        print(format_check(r), file=err)
        return False
    if fmt == "jsonl":
        out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        rows = Check.of(r).evidence_records()
        w = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["claim"])
        w.writeheader()
        w.writerows(rows)
    else:
        print(format_check(r), file=out)
    return True
