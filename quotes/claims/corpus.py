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
from typing import Callable, Iterable, Mapping

import networkx as nx

from quotes.claims import graph as _graph
from quotes.claims.group import group_claims
from quotes.errors import InputError
from quotes.results import AttributionList, ClaimList, Table, Trace, _html_table
from quotes.types import ARTICLE_METADATA, Article, Attribution, Claim

Extractor = Callable[[Article], list[Attribution]]


class Corpus:
    """Articles and their attributions, with claims and the graph built on demand.

    Claims and the graph are rebuilt lazily after every change, so adding many
    articles and querying once costs one grouping.
    """

    def __init__(self, articles: Iterable[tuple[Article, Iterable[Attribution]]] = ()):
        self.articles: dict[str, Article] = {}
        self._attributions: dict[str, list[Attribution]] = {}
        self._claims: ClaimList | None = None
        self._graph: nx.MultiDiGraph | None = None
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
                   models: str | None = None) -> "Corpus":
        """Read articles from files or folders (see :func:`quotes.inputs.readers.read_articles`),
        extract their attributions and return the corpus.

        ``metadata`` maps an article id to fields to set on it (``publisher``, ``date``,
        ``title``, ``url``); a plain-text file has none of its own, and the publisher is
        the outermost link of every chain. ``extract`` defaults to the real extractor
        (:func:`quotes.extractors.extract_many`, batched; needs the NLP models). An
        unreadable file raises its :class:`~quotes.errors.InputError`.

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
            extra = {k: v for k, v in metadata.get(item.id, {}).items()
                     if k in ARTICLE_METADATA}
            arts.append(replace(item, **extra) if extra else item)
        corpus = cls()
        if extract is None:
            from quotes.extractors import extract_many  # needs the NLP models
            for art, attrs in extract_many(arts, models=models):
                corpus.add(art, attrs)
        else:
            corpus.add_articles(arts, extract=extract)
        return corpus

    def add(self, article: Article, attributions: Iterable[Attribution]) -> None:
        """Add (or replace) one article and its attribution records.

        Records must belong to the article (``doc`` equal to its id) and their offsets
        must index its text, else :class:`~quotes.errors.InputError`.

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
        self._attributions[article.id] = attrs
        self._claims = self._graph = None

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

    @property
    def attributions(self) -> AttributionList:
        """Every attribution record, article by article in insertion order (a list with
        ``to_frame()`` and HTML display)."""
        return AttributionList(a for attrs in self._attributions.values() for a in attrs)

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
            self._claims = ClaimList(group_claims(self.attributions, self.publishers))
        if flag is None:
            return self._claims
        return ClaimList(c for c in self._claims if c.has_flag(flag))

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The provenance graph (see :mod:`quotes.claims.graph`), built once per change."""
        if self._graph is None:
            self._graph = _graph.build_graph(self.articles, self.attributions, self.claims())
        return self._graph

    def claim(self, text_or_id: str | Claim) -> Claim:
        """One claim by id or free text (:class:`~quotes.errors.NotFoundError` if none).

        >>> Corpus().claim("anything")
        Traceback (most recent call last):
        ...
        quotes.errors.NotFoundError: no claim matches 'anything'
        """
        return _graph.get_claim(self.graph, text_or_id)

    def trace(self, text_or_id: str | Claim) -> Trace:
        """:func:`quotes.claims.graph.trace` on this corpus."""
        return _graph.trace(self.graph, text_or_id)

    def origins(self, text_or_id: str | Claim) -> Table:
        """:func:`quotes.claims.graph.origins` on this corpus."""
        return _graph.origins(self.graph, text_or_id)

    def sources(self, text_or_id: str | Claim, stance: str | None = None) -> Table:
        """:func:`quotes.claims.graph.sources` on this corpus."""
        return _graph.sources(self.graph, text_or_id, stance=stance)

    def said_by(self, source: str) -> Table:
        """:func:`quotes.claims.graph.said_by` on this corpus."""
        return _graph.said_by(self.graph, source)
