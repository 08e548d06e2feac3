"""Check a claim: every article about it, its stance and evidence, the claim's flags.

:func:`check_claim` takes the text a person types ("Putin's visit to Turkey was
postponed"), finds the claim it means through the :class:`~quotes.claims.index.ClaimIndex`
(ranked alternatives when the text is ambiguous), and for every article holding a
statement about it says whether the article ``supports`` it, ``denies`` it, ``reports``
it (relays it with attribution or hedging) or ``cannot_confirm`` it, with the evidence:
the sentences (offsets into the article) and the records behind each (speaker, chain,
stance). A statement that only calls "the story" or "the claim" false ("The story was a
hoax, TMZ reports") refutes the claim its article is about. The claim's flags are
computed from the statements' stances toward the text checked (so "the visit was not
postponed" is checked with every stance flipped), with independence as in
:mod:`quotes.claims.flags`.

>>> from quotes.types import Article, Attribution, Speaker
>>> art = Article("d", "Ann Lee said the bridge over the river was closed.", publisher="Daily")
>>> a = Attribution("d", "indirect", "the bridge over the river was closed", 13, 49, "said",
...                 "asserts", Speaker("Ann Lee", "Ann Lee", "person"))
>>> r = check_claim("the river bridge is closed", [a], {"d": art})
>>> [(x.doc, x.stance, x.evidence[0].statement.speaker.name) for x in r.articles], r.flag_names
([('d', 'reports', 'Ann Lee')], ['single_source'])
"""

from __future__ import annotations

import re
import unicodedata
from typing import Mapping, Sequence

from quotes.claims.flags import effective_stance, flags_of, origin_summaries, rows_of
from quotes.claims.group import group_claims, similar
from quotes.claims.index import ALTERNATIVE_MATCH, MAX_CANDIDATES, QUERY_MATCH, ClaimIndex
from quotes.claims.normalize import Keys, claim_keys, refutes_reference
from quotes.claims.stance import article_stance as judge_article
from quotes.nlp.tokenize import sentences
from quotes.types import (
    ASSERTS, CANNOT_CONFIRM, CONFIRMS, DENIES, HEDGED, OWN_VOICE, REPORTS, SUPPORTS, UNRELATED,
    Article, ArticleCheck, Attribution, Candidate, CheckResult, Claim, Evidence, Repeat,
)

#: Statements holding less than this share of the checked text's key weight are not
#: grouped for it.
FOCUS = 0.25
#: Order of article stances in the result: the strongest evidence first.
STANCE_ORDER = {DENIES: 0, SUPPORTS: 1, CANNOT_CONFIRM: 2, REPORTS: 3, UNRELATED: 4}
#: Letters of a script other than Latin make a claim "in another script" past this share.
FOREIGN_SCRIPT_SHARE = 0.5
_LETTER = re.compile(r"[^\W\d_]")


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else "UNKNOWN"


def query_problem(query: str, q: Keys) -> str | None:
    """Why a claim text cannot be checked (empty, only stopwords), or None.

    >>> query_problem("", claim_keys(""))
    'the claim is empty: give a sentence such as "Putin\\'s visit to Turkey was postponed"'
    >>> query_problem("it was the", claim_keys("it was the"))
    "the claim 'it was the' has no content words to look up (only stopwords)"
    """
    if not query.strip():
        return ('the claim is empty: give a sentence such as '
                '"Putin\'s visit to Turkey was postponed"')
    if not q.all:
        if not _LETTER.search(query):
            return f"the claim {query!r} has no words to look up"
        return f"the claim {query!r} has no content words to look up (only stopwords)"
    return None


def script_note(query: str) -> str:
    """A note when most of the claim's letters are not Latin (the lexicons are English).

    >>> script_note("Путин отложил визит")
    'the claim is written in CYRILLIC script; claims are matched on English word lists, so write it in English'
    >>> script_note("Putin")
    ''
    """
    letters = _LETTER.findall(query)
    if not letters:
        return ""
    scripts: dict[str, int] = {}
    for ch in letters:
        scripts[_script(ch)] = scripts.get(_script(ch), 0) + 1
    main, count = max(scripts.items(), key=lambda t: t[1])
    if main != "LATIN" and count > FOREIGN_SCRIPT_SHARE * len(letters):
        return (f"the claim is written in {main} script; claims are matched on English word "
                "lists, so write it in English")
    return ""


def statement_stance(q: Keys, a: Attribution, k: Keys) -> str:
    """A statement's stance toward the claim checked: its own stance, flipped when its
    content's polarity differs from the claim's ("the visit was not postponed", "the
    third breast is a hoax").

    >>> from quotes.types import Attribution, Speaker
    >>> a = Attribution("d", "indirect", "x", 0, 1, "said", "asserts", Speaker("A", "A"))
    >>> statement_stance(claim_keys("she had a third breast"), a, claim_keys("the third breast is a hoax"))
    'denies'

    A denial relayed with a hedge ("reports say it was a hoax") is still a denial.
    """
    flipped = k.negated != q.negated
    if flipped and a.stance == HEDGED:  # "TMZ reports the story was a hoax": a denial relayed
        return DENIES
    return effective_stance(a.stance, flipped)


def article_stance(evidence: Sequence[Evidence]) -> tuple[str, str]:
    """An article's stance toward the claim from its evidence, with the reason.

    In its own voice the article ``denies`` (refutes it) or ``supports`` (asserts it);
    otherwise a source's denial it reports makes it ``denies``, a could-not-confirm alone
    ``cannot_confirm``, and anything else relayed with attribution or hedging ``reports``.

    >>> from quotes.types import Attribution, Speaker
    >>> own = Attribution("d", "own_voice", "It was a hoax", 0, 13, None, "asserts", Speaker("TMZ", "TMZ", "outlet"))
    >>> article_stance([Evidence(own, "denies", "It was a hoax", 0, 13)])
    ('denies', 'TMZ refutes it in its own voice')
    """
    # the article's own voice speaks to the claim when it states the claim checked itself
    # (or refutes "the story"), not merely something grouped with it
    own = [e for e in evidence if e.statement.type == OWN_VOICE and e.relevance >= QUERY_MATCH]
    for e in own:
        if e.stance == DENIES:
            return DENIES, f"{e.statement.speaker.name} refutes it in its own voice"
    for e in own:
        if e.stance in (ASSERTS, CONFIRMS):
            return SUPPORTS, f"{e.statement.speaker.name} asserts it in its own voice"
    for e in evidence:
        if e.stance == DENIES and e.statement.stance != HEDGED:
            return DENIES, f"reports {e.statement.speaker.name}'s denial without distancing itself"
    if evidence and all(e.stance == CANNOT_CONFIRM for e in evidence):
        return CANNOT_CONFIRM, f"{evidence[0].statement.speaker.name} could not confirm it"
    names = ", ".join(dict.fromkeys(e.statement.speaker.name for e in evidence))
    return REPORTS, f"relays it with attribution ({names}) without committing"


def _sentence_of(article: Article, spans: list[tuple[int, int]], a: Attribution
                 ) -> tuple[str, int, int]:
    for s, e in spans:
        if s <= a.start < e or (s < a.end <= e):
            start, end = min(s, a.start), max(e, a.end)
            return article.text[start:end], start, end
    return a.content, a.start, a.end


def candidates_of(ranked) -> tuple[Candidate, ...]:
    """``(claim, score)`` pairs as :class:`~quotes.types.Candidate` records.

    >>> from quotes.types import Claim
    >>> candidates_of([(Claim("c-1", "it rained", label="It rained"), 0.8)])[0].label
    'It rained'
    """
    return tuple(Candidate(c.id, c.label or c.text, round(score, 3), len(c.statements),
                           len({a.doc for a in c.statements})) for c, score in ranked)


def _why(a: Attribution, stance: str, generic: bool) -> str:
    who = a.speaker.name + (f" via {' > '.join(x.name for x in a.chain)}" if a.chain else "")
    if generic:
        return f"{who} calls the story false"
    if a.type == OWN_VOICE:
        return f"{who} states it in its own voice ({stance})"
    if stance != a.stance:
        return f"{who} {a.stance} the opposite ({stance})"
    return f"{who} {stance}"


def check_claim(query: str, statements: Sequence[Attribution], articles: Mapping[str, Article], *,
                keys: Mapping[str, Keys] | None = None, index: ClaimIndex | None = None,
                records: Mapping[str, Attribution] | None = None,
                all_articles: bool = False) -> CheckResult:
    """Check ``query`` against ``statements`` (attributions and own voice, of ``articles``).

    The statements sharing enough of the text's key weight (:data:`FOCUS`, found through a
    statement-level ``index``, built here when not given) are grouped into claims
    (:func:`~quotes.claims.group.group_claims`, rarity weighed among them, so what tells
    the propositions of one story apart decides); the claim best matching the text is
    checked and the others are its ``candidates``. ``keys`` may pass statements' keys
    already computed. Articles with no statement about the claim are left out, or listed
    as ``unrelated`` with ``all_articles``. A text that cannot be checked, or matches no
    claim, gives an empty result whose ``message`` says why (with the nearest claims as
    ``candidates`` when there are some). ``records`` maps a statement id to the extracted
    record it was cut from (evidence names it as ``record_id``).

    >>> r = check_claim("   ", [], {})
    >>> r.claim is None, r.message.startswith("the claim is empty")
    (True, True)
    """
    q = claim_keys(query)
    problem = query_problem(query, q)
    if problem:
        return CheckResult(query, message=problem)
    ck = _Checker(q, statements, articles, dict(keys or {}), index, records or {})
    ck.text = query
    ranked = ck.rank()
    candidates = candidates_of(ranked)
    if not ranked or ranked[0][1] < QUERY_MATCH:
        note = script_note(query)
        msg = f"no claim matches {query!r}" + (f" ({note})" if note else "")
        if ranked:
            msg += "; nearest: " + "; ".join(f"{c.label!r} ({c.score:.2f})" for c in candidates)
        return CheckResult(query, candidates=candidates, message=msg)
    claim = ranked[0][0]
    by_doc = ck.rows_by_doc(claim)
    checks = [ck.article_check(doc, rows) for doc, rows in by_doc.items()]
    if all_articles:
        checks += [ArticleCheck(d, UNRELATED, (), "no statement about the claim", a.publisher,
                                a.title, a.date, a.url)
                   for d, a in articles.items() if d not in by_doc]
    checks.sort(key=lambda c: (STANCE_ORDER[c.stance], c.doc))
    stances = [(a, stance) for rows in by_doc.values() for a, stance, _ in rows]
    rows = rows_of(stances, ck.publishers)
    repeats = tuple(Repeat(r.statement.id, r.statement.doc, r.statement.speaker.name,
                           r.statement.speaker.kind, r.stance,
                           tuple(n for n, _ in r.path[:-1]), r.origin.name)
                    for r in sorted(rows, key=lambda r: (r.statement.doc, r.statement.start)))
    return CheckResult(query, claim, tuple(checks), flags_of(stances, ck.publishers),
                       tuple(origin_summaries(rows)), repeats, candidates)


#: ``(statement, stance toward the claim, refutes "the story" only)``
Row = tuple[Attribution, str, bool]


class _Checker:
    """One check's working state: the text's keys, the statements and their keys."""

    def __init__(self, q: Keys, statements: Sequence[Attribution], articles: Mapping[str, Article],
                 keys: dict[str, Keys], index: ClaimIndex | None, records: Mapping[str, Attribution]):
        self.q, self.statements, self.articles, self.keys = q, statements, articles, keys
        self.records = records
        self.records_by_doc: dict[str, list[Attribution]] = {}
        for r in {id(r): r for r in records.values()}.values():
            self.records_by_doc.setdefault(r.doc, []).append(r)
        self.text = ""
        self.index = index or ClaimIndex.of_statements(statements, keys)
        self.publishers = {d: a.publisher for d, a in articles.items()}
        self.claims: ClaimIndex | None = None

    def key_of(self, a: Attribution) -> Keys:
        if a.id not in self.keys:
            self.keys[a.id] = claim_keys(a.statement)
        return self.keys[a.id]

    def rank(self) -> list[tuple[Claim, float]]:
        """Group the statements about the text; the claims matching it, best first."""
        relevant = [self.index.statements[n][1] for _, n in self.index.matching_statements(self.q, FOCUS)]
        self.claims = ClaimIndex(group_claims(relevant, self.publishers, self.keys), self.keys,
                                 weights=self.index)
        return self.claims.search(self.q, threshold=ALTERNATIVE_MATCH, limit=MAX_CANDIDATES + 1)

    def rows_by_doc(self, claim: Claim) -> dict[str, list[Row]]:
        """The claim's statements, the text's near-paraphrases grouped elsewhere, and every
        statement refuting "the story" in an article about it, by article, in text order."""
        q = self.q
        chosen = {a.id: a for a in claim.statements}
        for _, n in self.claims.matching_statements(q, QUERY_MATCH):
            _, a, k = self.claims.statements[n]
            if a.id not in chosen and similar(q, k):
                chosen[a.id] = a
        by_doc: dict[str, list[Row]] = {}
        for a in chosen.values():
            by_doc.setdefault(a.doc, []).append((a, statement_stance(q, a, self.key_of(a)), False))
        for a in self.statements:  # "The story was a hoax": refutes what its article is about
            if a.doc in by_doc and a.id not in chosen and refutes_reference(self.key_of(a)):
                by_doc[a.doc].append((a, statement_stance(q, a, self.key_of(a)), True))
        for rows in by_doc.values():
            rows.sort(key=lambda t: (t[0].start, t[0].end))
        return by_doc

    def article_check(self, doc: str, rows: list[Row]) -> ArticleCheck:
        """One article's evidence (sentences with offsets) and stance."""
        art = self.articles.get(doc) or Article(doc, "")
        spans = sentences(art.text) if art.text else []
        evidence, decisive = [], False
        for a, stance, generic in rows:
            text, s, e = _sentence_of(art, spans, a)
            relevance = 1.0 if generic else round(self.index.match(self.q, self.key_of(a)), 3)
            source = self.records.get(a.id)
            record_id = source.id if source is not None else (None if a.type == OWN_VOICE else a.id)
            evidence.append(Evidence(a, stance, text, s, e, _why(a, stance, generic), relevance,
                                     record_id))
            decisive |= generic or (a.type == OWN_VOICE and relevance >= QUERY_MATCH)
        stance, reason = article_stance(evidence) if decisive else self.judge(art, evidence)
        return ArticleCheck(doc, stance, tuple(evidence), reason, art.publisher, art.title,
                            art.date, art.url)

    def judge(self, art: Article, evidence: list[Evidence]) -> tuple[str, str]:
        """The article's stance by the stance logic shared with the headline and FNC-1
        evaluations (:func:`quotes.claims.stance.article_stance`, told the article is about
        the claim), over the article and its extracted records. (A sentence in the
        article's own voice stating, refuting or failing to confirm the claim itself, or a
        refutation of "the story", decides before this: :func:`article_stance`.)"""
        records = list({id(r): r for e in evidence
                        for r in [self.records.get(e.statement.id)] if r is not None}.values())
        records += [r for r in self.records_by_doc.get(art.id, ()) if r not in records]
        j = judge_article(self.text, art, records, related=True)
        if j.label == UNRELATED:  # cannot happen when told it is related; keep the evidence's
            return article_stance(evidence)
        return j.label, "; ".join(j.reasons)
