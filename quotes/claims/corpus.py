"""An in-memory corpus: articles in; attributions, claims and the provenance graph out.

>>> from quotes.types import Article, Attribution, Speaker
>>> c = Corpus()
>>> art = Article("d1", "Ann Lee said the bridge was closed.", publisher="Daily")
>>> c.add(art, [Attribution("d1", "indirect", "the bridge was closed", 13, 34, "said",
...                         "asserts", Speaker("Ann Lee", "Ann Lee", "person"))])
>>> len(c.claims()), c.trace("bridge closed").paths()
(1, [['Daily', 'Ann Lee']])
"""

from __future__ import annotations

import html
import os
from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

from quotes.claims.check import candidates_of, check_claim
from quotes.claims.flags import acyclic
from quotes.claims.group import group_claims
from quotes.claims.index import ALTERNATIVE_MATCH, ClaimIndex
from quotes.claims.normalize import Keys, claim_keys
from quotes.claims.ownvoice import own_voice
from quotes.claims.pieces import pieces
from quotes.errors import InputError, NotFoundError
from quotes.progress import track
from quotes.results import AttributionList, Check, ClaimList, Table, Trace, _html_table
from quotes.types import ARTICLE_METADATA, Article, Attribution, Claim, parse_date

if TYPE_CHECKING:  # networkx is imported with the graph module, when first needed
    import networkx as nx

Extractor = Callable[[Article], list[Attribution]]


def _graphs():
    from quotes.claims import graph  # networkx, imported when a graph is first asked for
    return graph


class Corpus:
    """Articles and their attributions, with claims and the graph built on demand.

    Claims and the graph are rebuilt lazily after every change, so adding many
    articles and querying once costs one grouping. ``own_voice`` (default True) adds each
    article's own-voice sentences as statements by its publisher
    (:mod:`quotes.claims.ownvoice`): they enter claims, the graph and every query.
    """

    def __init__(self, articles: Iterable[tuple[Article, Iterable[Attribution]]] = (), *,
                 own_voice: bool = True):
        self.articles: dict[str, Article] = {}
        self._attributions: dict[str, list[Attribution]] = {}
        self._voice: dict[str, list[Attribution]] = {}
        self._pieces: dict[str, list[Attribution]] = {}
        self._parent: dict[str, Attribution] = {}  # statement id -> the record it was cut from
        self._keys: dict[str, Keys] = {}
        self.own_voice = own_voice
        self._claims: ClaimList | None = None
        self._graph: nx.MultiDiGraph | None = None
        self._index: ClaimIndex | None = None
        self._statement_index: ClaimIndex | None = None
        for art, attrs in articles:
            self.add(art, attrs)

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        return f"<Corpus: {len(self.articles)} articles, {len(self.attributions)} attributions>"

    def _repr_html_(self) -> str:
        """A summary for notebooks: counts, claims by flag, one row per article."""
        flags: dict[str, int] = {}
        for c in self.claims():
            for name in c.flag_names:
                flags[name] = flags.get(name, 0) + 1
        flag_text = ", ".join(f"{n}: {k}" for n, k in sorted(flags.items())) or "none"
        rows = [{"article": i, "publisher": a.publisher, "date": a.date, "title": a.title,
                 "attributions": len(self._attributions[i])} for i, a in self.articles.items()]
        return (f"<p><b>Corpus</b>: {len(self.articles)} articles, "
                f"{sum(len(v) for v in self._attributions.values())} attributions, "
                f"{len(self.claims())} claims<br>flagged claims: {html.escape(flag_text)}</p>"
                + _html_table(rows, ("article", "publisher", "date", "title", "attributions")))

    @classmethod
    def from_paths(cls, paths: Iterable[str | os.PathLike] | str | os.PathLike, *,
                   extract: Extractor | None = None,
                   metadata: Mapping[str, Mapping[str, str]] | None = None,
                   models: str | None = None, workers: int = 0,
                   progress: bool | None = None) -> "Corpus":
        """Read articles from files or folders (see :func:`quotes.inputs.readers.read_articles`),
        extract their attributions and return the corpus.

        ``metadata`` maps an article id to fields to set on it (``publisher``, ``date``,
        ``title``, ``url``); a plain-text file has none of its own, and the publisher is
        the outermost link of every chain. ``extract`` defaults to the real extractor run
        as ``quotes extract`` runs it (:func:`quotes.extractors.parallel.extract_parallel`:
        ``workers`` processes, ``0`` one per core; needs the NLP models). A progress bar
        shows in Jupyter or on a terminal unless ``progress=False``. An unreadable file
        raises its :class:`~quotes.errors.InputError`.

        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("It rained.")
        >>> c = Corpus.from_paths(d, extract=lambda art: [], metadata={"a": {"publisher": "Daily"}})
        >>> c.articles["a"].publisher
        'Daily'
        """
        from quotes.inputs.readers import read_articles

        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        metadata = metadata or {}
        arts = []
        for item in read_articles(paths):
            if isinstance(item, InputError):
                raise item
            extra = {k: v for k, v in metadata.get(item.id, {}).items() if k in ARTICLE_METADATA}
            arts.append(replace(item, **extra) if extra else item)
        if extract is None:
            from quotes.extractors.parallel import extract_parallel  # needs the NLP models
            results = extract_parallel(arts, workers=workers, models=models)
        else:
            results = ((art, extract(art)) for art in arts)
        corpus = cls()
        for art, attrs in track(results, len(arts), desc="extracting", show=progress):
            corpus.add(art, attrs)
        return corpus

    def add(self, article: Article, attributions: Iterable[Attribution], *,
            voice: Iterable[Attribution] | None = None) -> None:
        """Add (or replace) one article and its attribution records.

        Records must belong to the article (``doc`` equal to its id) and their offsets
        must index its text, else :class:`~quotes.errors.InputError`. ``voice``: the
        article's own-voice statements when already found (:mod:`quotes.store.voice`).

        >>> from quotes.types import Article, Attribution, Speaker
        >>> Corpus().add(Article("a", "Hi."), [Attribution("b", "direct", "Hi.", 0, 3, None,
        ...                                   "asserts", Speaker("X", "X"))])
        Traceback (most recent call last):
        ...
        quotes.errors.InputError: a: attribution b:0-3 belongs to another article
        """
        attrs = list(attributions)
        for a in attrs:
            if a.doc != article.id:
                raise InputError(article.id, f"attribution {a.id} belongs to another article")
            if not 0 <= a.start <= a.end <= len(article.text):
                raise InputError(article.id, f"attribution {a.id} lies outside the text")
        self.articles[article.id] = article
        self._attributions[article.id] = [acyclic(a) for a in attrs]
        self._pieces[article.id] = cut = []
        for a, clean in zip(attrs, self._attributions[article.id]):
            for p in pieces(clean):
                self._parent[p.id] = a
                cut.append(p)
        found = voice if voice is not None else own_voice(article, attrs) if self.own_voice else ()
        self._voice[article.id] = list(found) if self.own_voice else []
        self._claims = self._graph = self._index = self._statement_index = None

    def add_articles(self, articles: Iterable[Article], extract: Extractor | None = None) -> int:
        """Extract attributions from each article and add it; returns how many were added.

        ``extract`` defaults to :func:`quotes.extractors.extract` (needs the NLP models).

        >>> from quotes.types import Article
        >>> c = Corpus()
        >>> c.add_articles([Article("a", "It rained.")], extract=lambda art: [])
        1
        """
        if extract is None:
            from quotes.extractors import extract as default_extract  # needs the NLP models
            extract = default_extract
        n = 0
        for art in articles:
            self.add(art, extract(art))
            n += 1
        return n

    def attributions_of(self, doc: str) -> list[Attribution]:
        """The attribution records of article ``doc``, in text order as extracted.

        >>> Corpus().attributions_of("nope")
        []
        """
        return list(self._attributions.get(doc, ()))

    def _all(self) -> list[Attribution]:
        return [a for attrs in self._attributions.values() for a in attrs]

    @property
    def attributions(self) -> AttributionList:
        """Every attribution record, article by article in insertion order (a list with
        ``to_frame()`` and HTML display; each row carries its claim id and its article's
        metadata)."""
        claim_of = {a.id: c.id for c in self.claims() for a in c.statements}
        return AttributionList(self._all(), articles=self.articles, claims=claim_of)

    @property
    def statements(self) -> AttributionList:
        """Every statement claims are grouped from: the attribution records, cut into one
        piece per sentence (:mod:`quotes.claims.pieces`), and each article's own-voice
        statements (type ``own_voice``), article by article in text order.

        >>> from quotes.types import Article
        >>> c = Corpus([(Article("d", "Putin's visit to Turkey was postponed on Friday."), [])])
        >>> [(a.type, a.speaker.name) for a in c.statements]
        [('own_voice', 'the article')]
        """
        out = AttributionList()
        for doc, attrs in self._pieces.items():
            own = self._voice.get(doc, [])
            out.extend(sorted(attrs + own, key=lambda a: (a.start, a.end)) if own else attrs)
        return out

    def record_of(self, statement: Attribution) -> Attribution | None:
        """The attribution record a statement was cut from (itself when whole); ``None``
        for an own-voice statement."""
        return self._parent.get(statement.id)

    def own_voice_statements(self, doc: str | None = None) -> AttributionList:
        """The own-voice statements (of one article, or all)."""
        docs = [doc] if doc is not None else list(self._voice)
        return AttributionList(a for d in docs for a in self._voice.get(d, ()))

    def _statement_keys(self) -> dict[str, Keys]:
        for a in self.statements:
            if a.id not in self._keys:
                self._keys[a.id] = claim_keys(a.statement)
        return self._keys

    @property
    def index(self) -> ClaimIndex:
        """The claim index (:class:`~quotes.claims.index.ClaimIndex`), built once per change."""
        if self._index is None:
            self._index = ClaimIndex(self.claims(), self._statement_keys())
        return self._index

    @property
    def publishers(self) -> dict[str, str | None]:
        """Article id -> publisher."""
        return {i: a.publisher for i, a in self.articles.items()}

    def claims(self, flag: str | None = None) -> ClaimList:
        """Claims grouped across all articles, largest first; only those with ``flag``.

        >>> Corpus().claims(flag="confirmed")
        []
        """
        if self._claims is None:
            grouped = group_claims(self.statements, self.publishers, self._statement_keys())
            self._claims = ClaimList((seen(c, self.articles) for c in grouped), articles=self.articles)
        if flag is None:
            return self._claims
        return self._claims._like(c for c in self._claims if c.has_flag(flag))

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The provenance graph (see :mod:`quotes.claims.graph`), built once per change.
        Statement nodes carry their article's metadata, claim nodes ``first_seen``,
        ``last_seen`` and ``publishers`` ("; "-joined)."""
        if self._graph is None:
            G = _graphs().build_graph(self.articles, self.statements, self.claims())
            _annotate(G, self.articles, self.claims())
            self._graph = G
        return self._graph

    def claim(self, text_or_id: str | Claim) -> Claim:
        """One claim by id or free text (:class:`~quotes.errors.NotFoundError` if none).

        >>> Corpus().claim("anything")
        Traceback (most recent call last):
        ...
        quotes.errors.NotFoundError: no claim matches 'anything'
        """
        if isinstance(text_or_id, Claim):
            return self._own(text_or_id)
        found = self.index.by_id.get(text_or_id)
        if found is not None:
            return self._own(found)
        ranked = self.index.search(text_or_id, limit=1)
        if not ranked:
            near = self.candidates(text_or_id)
            maybe = "; nearest: " + "; ".join(f"{c.label or c.text!r} [{c.id}] ({s:.2f})"
                                              for c, s in near) if near else ""
            raise NotFoundError(f"no claim matches {text_or_id!r}{maybe}")
        return self._own(ranked[0][0])

    def _own(self, claim: Claim) -> Claim:
        """This corpus's record of ``claim`` (with first/last seen and publishers)."""
        return next((c for c in self.claims() if c.id == claim.id), claim)

    def _with_metadata(self, rows: list[dict]) -> list[dict]:
        for r in rows:
            art = self.articles.get(r.get("doc"))
            if art is not None:
                r.update(art.metadata)
        return rows

    def candidates(self, text: str, limit: int = 5) -> list[tuple[Claim, float]]:
        """The claims ``text`` may mean, best first, with scores 0-1 (see
        :class:`~quotes.claims.index.ClaimIndex`).

        >>> Corpus().candidates("anything")
        []
        """
        return self.index.search(text, threshold=ALTERNATIVE_MATCH, limit=limit)

    def check(self, claim: str, *, all_articles: bool = False) -> Check:
        """What every article says about ``claim`` (free text): each article's stance
        (``supports``, ``denies``, ``reports``, ``cannot_confirm``) with its evidence,
        the claim's flags with reasons, its origins, who repeats it through whom and the
        ranked alternative claims (see :func:`quotes.claims.check.check_claim`).

        >>> from quotes.types import Article, Attribution, Speaker
        >>> c = Corpus([(Article("d", "The bridge over the river was closed on Monday.", publisher="Daily"), [])])
        >>> r = c.check("the river bridge was closed")
        >>> [(a.doc, a.stance) for a in r.articles], r.flag_names
        ([('d', 'supports')], ['single_source'])
        >>> print(Corpus().check("").message)
        the claim is empty: give a sentence such as "Putin's visit to Turkey was postponed"
        """
        if self._statement_index is None:
            self._statement_index = ClaimIndex.of_statements(self.statements, self._statement_keys())
        return Check.of(check_claim(claim, self.statements, self.articles, keys=self._statement_keys(),
                                    index=self._statement_index, records=self._parent,
                                    all_articles=all_articles))

    def trace(self, text_or_id: str | Claim) -> Trace:
        """:func:`quotes.claims.graph.trace` on this corpus; each row also carries its
        article's publisher, date, title and url. Free text is looked up in the claim index
        and the trace carries the ranked candidates (the claim traced first, then the
        alternatives the text may mean).

        >>> from quotes.types import Article
        >>> c = Corpus([(Article("d", "The bridge over the river was closed on Monday."), [])])
        >>> [k.label for k in c.trace("bridge closed").candidates]
        ['The bridge over the river was closed on Monday']
        """
        claim = self.claim(text_or_id)
        t = _graphs().trace(self.graph, claim)
        t = Trace(self._own(t.claim), self._with_metadata(t.rows))
        if isinstance(text_or_id, str) and text_or_id != claim.id:
            ranked = self.candidates(text_or_id)
            ranked = [(claim, 1.0)] + [(c, s) for c, s in ranked if c.id != claim.id] \
                if all(c.id != claim.id for c, _ in ranked) else ranked
            t.candidates = candidates_of(ranked)
        return t

    def origins(self, text_or_id: str | Claim) -> Table:
        """:func:`quotes.claims.graph.origins` on this corpus."""
        return _graphs().origins(self.graph, self.claim(text_or_id))

    def sources(self, text_or_id: str | Claim, stance: str | None = None) -> Table:
        """:func:`quotes.claims.graph.sources` on this corpus."""
        return _graphs().sources(self.graph, self.claim(text_or_id), stance=stance)

    def said_by(self, source: str) -> Table:
        """:func:`quotes.claims.graph.said_by` on this corpus, with each article's
        publisher, date, title and url."""
        t = _graphs().said_by(self.graph, source)
        return Table(self._with_metadata(t.rows), [*t.columns, *ARTICLE_METADATA], t.title)


def seen(claim: Claim, articles: Mapping[str, Article]) -> Claim:
    """``claim`` with ``first_seen``/``last_seen`` (the dates, as given, of the earliest
    and latest of its articles; unreadable dates are left out) and ``publishers`` (in the
    order they first carried it).

    >>> from quotes.types import Speaker
    >>> arts = {"a": Article("a", "x", publisher="Daily", date="2024-02-09"),
    ...         "b": Article("b", "x", publisher="Weekly", date="2024-01-30")}
    >>> st = [Attribution(d, "indirect", "x", 0, 1, "said", "asserts", Speaker("Ann", "Ann"))
    ...       for d in ("a", "b")]
    >>> c = seen(Claim("c-1", "x", tuple(st)), arts)
    >>> c.first_seen, c.last_seen, c.publishers
    ('2024-01-30', '2024-02-09', ('Weekly', 'Daily'))
    """
    docs = [articles[d] for d in dict.fromkeys(a.doc for a in claim.statements) if d in articles]
    dated = sorted(((parse_date(art.date), i, art) for i, art in enumerate(docs)
                    if parse_date(art.date) is not None), key=lambda t: (t[0], t[1]))
    order = [art for *_, art in dated] + [art for art in docs if parse_date(art.date) is None]
    publishers = tuple(dict.fromkeys(art.publisher for art in order if art.publisher))
    return replace(claim, first_seen=dated[0][2].date if dated else None,
                   last_seen=dated[-1][2].date if dated else None, publishers=publishers)


def _annotate(G: nx.MultiDiGraph, articles: Mapping[str, Article], claims: Iterable[Claim]) -> None:
    """Article metadata on statement nodes; first/last seen and publishers on claim nodes
    (scalars only, for GraphML)."""
    for node, d in G.nodes(data=True):
        if d.get("kind") == "statement" and d.get("doc") in articles:
            d.update({k: v for k, v in articles[d["doc"]].metadata.items() if v})
    for c in claims:
        node = G.nodes.get(f"claim:{c.id}")
        if node is not None:
            node.update({k: v for k, v in (("first_seen", c.first_seen), ("last_seen", c.last_seen),
                                            ("publishers", "; ".join(c.publishers))) if v})
