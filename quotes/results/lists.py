"""Lists of attributions and of claims, with frames (long frames for list columns) and HTML display."""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping


from quotes.types import ARTICLE_METADATA, FLAGS, Article, Attribution, Claim
from quotes.results.tables import META_COLUMNS, _ResultList, _frame, _html_table


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
