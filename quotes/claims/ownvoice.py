"""The article's own voice: sentences it states without attributing them.

An outlet asserts, hedges and refutes claims in its own words ("The story was a hoax",
"The visit was reportedly scheduled for February 12"). Every sentence that no
attribution record touches (neither its content, nor its cue, speaker or relays) and
that carries a claim becomes a statement by the article's publisher (speaker kind
``outlet``; "the article" when no publisher is known), type ``own_voice``, so it enters
claims, the graph, ``trace``, ``said_by`` and the flags like any attributed statement.

A sentence carries a claim when it has at least :data:`MIN_KEYS` content keys (names and
content words, see :func:`quotes.claims.normalize.claim_keys`) or refutes what its
article is about ("The claim is false"). Questions, sentences inside quotation marks
(someone's words, not the outlet's), lines in capitals (labels) and lines without a single English function word
(bylines, navigation, text in another language) are left out. The extractors never see
any of this: ``quotes extract`` is unchanged.

>>> from quotes.types import Article
>>> art = Article("d", "Her third breast implant was a hoax. Is it real? Ann Lee said it was.",
...               publisher="TMZ")
>>> [(a.speaker.name, a.speaker.kind, a.content, a.stance) for a in own_voice(art, [])]
[('TMZ', 'outlet', 'Her third breast implant was a hoax.', 'asserts')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

from quotes.claims.normalize import claim_keys, lexicon, refutes_reference
from quotes.lexicons import fold
from quotes.nlp.tokenize import sentences
from quotes.types import (
    ASSERTS, OUTLET, OWN_VOICE, THE_ARTICLE, Article, Attribution, Speaker,
)

#: Content keys a sentence needs to carry a claim of its own.
MIN_KEYS = 3
#: Opening quotation marks: a sentence starting with one is somebody's words.
OPENING_QUOTES = "\"“‘'«„"
#: The cue recorded on own-voice statements.
OWN_VOICE_CUE = None


def _lines(name: str) -> list[str]:
    text = resources.files("quotes.lexicons").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _cues() -> list[tuple[re.Pattern, str]]:
    out = []
    for ln in _lines("own_voice_cues.tsv"):
        phrase, stance = ln.split("\t")
        body = re.escape(phrase.rstrip("*")).replace(r"\*", r"\w*").replace(r"\ ", r"\s+")
        out.append((re.compile(r"(?<!\w)" + body + (r"\w*" if phrase.endswith("*") else "")
                               + r"(?!\w)", re.IGNORECASE), stance))
    # longest phrases first: "could not be independently verified" before "unverified"
    out.sort(key=lambda p: -len(p[0].pattern))
    return out


def own_voice_stance(sentence: str) -> str:
    """How an unattributed sentence holds its content: ``hedged`` ("reportedly"),
    ``cannot_confirm`` ("could not be verified") or ``asserts``.

    >>> own_voice_stance("The visit was reportedly scheduled for Monday")
    'hedged'
    >>> own_voice_stance("The video could not be independently verified.")
    'cannot_confirm'
    >>> own_voice_stance("The bridge is closed.")
    'asserts'
    """
    for rx, stance in _cues():
        if rx.search(sentence):
            return stance
    return ASSERTS


def _touched(attributions: Iterable[Attribution]) -> list[tuple[int, int]]:
    spans = []
    for a in attributions:
        spans.extend(a.spans)
        spans.append((a.start, a.end))
        for s, e in ((a.cue_start, a.cue_end), (a.speaker.start, a.speaker.end)):
            if s is not None and e is not None:
                spans.append((s, e))
        spans.extend((x.start, x.end) for x in a.chain if x.start is not None and x.end is not None)
    return sorted(spans)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _english(text: str) -> bool:
    stops = lexicon()["stopwords"]
    return any(fold(w) in stops for w in re.findall(r"[^\W\d_]+", text))


def carries_claim(sentence: str) -> bool:
    """Whether an unattributed sentence is a statement worth keeping (see the module).

    >>> carries_claim("Putin's visit to Turkey was postponed."), carries_claim("The claim is false.")
    (True, True)
    >>> carries_claim("Is the visit off?"), carries_claim("By Elena Teslova"), carries_claim("“We won,” it read.")
    (False, False, False)
    """
    text = sentence.strip()
    if (not text or text.endswith("?") or text[0] in OPENING_QUOTES or not _english(text)
            or not any(c.islower() for c in text)):
        return False
    k = claim_keys(text)
    return len(k.all) >= MIN_KEYS or refutes_reference(k)


def publisher_speaker(article: Article) -> Speaker:
    """The speaker of an article's own voice: its publisher, or "the article".

    >>> publisher_speaker(Article("d", "x")).name
    'the article'
    """
    name = article.publisher or THE_ARTICLE
    return Speaker(name, name, OUTLET)


def own_voice(article: Article, attributions: Iterable[Attribution]) -> list[Attribution]:
    """The article's own-voice statements: every sentence no attribution record touches
    that carries a claim, as records by its publisher, in text order.

    >>> from quotes.types import Article, Attribution, Speaker
    >>> art = Article("d", "Ann Lee said the bridge over the river was closed. The bridge over the river is open.")
    >>> said = Attribution("d", "indirect", "the bridge over the river was closed", 13, 49, "said",
    ...                    "asserts", Speaker("Ann Lee", "Ann Lee", "person", start=0, end=7))
    >>> [(a.content, a.start, a.speaker.name, a.type) for a in own_voice(art, [said])]
    [('The bridge over the river is open.', 51, 'the article', 'own_voice')]
    """
    spans = _touched(attributions)
    speaker = publisher_speaker(article)
    out = []
    for n, (start, end) in enumerate(sentences(article.text)):
        text = article.text[start:end]
        if _overlaps(spans, start, end) or not carries_claim(text):
            continue
        out.append(Attribution(doc=article.id, type=OWN_VOICE, content=text, start=start,
                               end=end, cue=OWN_VOICE_CUE, stance=own_voice_stance(text),
                               speaker=speaker, sentence=n))
    return out
