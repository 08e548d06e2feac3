"""Extraction: from article text to :class:`~quotes.types.Attribution` records.

>>> from quotes.types import Sentence, Word
>>> is_candidate(Sentence(0, 0, 9, [Word(1, "He", 0, 2), Word(2, "said", 3, 7)], parsed=False))
True
>>> is_candidate(Sentence(0, 0, 9, [Word(1, "It", 0, 2), Word(2, "rained", 3, 9)], parsed=False))
False
"""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from quotes.nlp.entities import corrected_entities
from quotes.lexicons import Lexicon, load
from quotes.types import Article, Attribution, ParsedDoc, Sentence
from quotes.extractors.attribute import attributions
from quotes.extractors.marks import DOUBLE

__all__ = ["extract", "extract_many", "parse", "parse_for_extraction", "is_candidate", "attributions"]

_DOUBLE = set(DOUBLE)
_SINGLE_OPEN = set("‘‹")
_DASHES = {"―", "—", "–", "-", "--"}
#: How many articles go through the tagger and parser together.
BATCH = 16
#: How extraction lemmatizes (see :data:`quotes.nlp.pipeline.LEMMAS`): the dictionary alone, a tenth
#: of the parse time less, the same extraction scores on PolNeAR dev and Emergent.
EXTRACTION_LEMMAS = "dictionary"




def _after_subject(words, i: int, form: str, lex: Lexicon) -> bool:
    """'Lynch notes they ...', 'he charges': an ambiguous form of a speech verb right after
    a name or pronoun (not "Video shows ...", "Dog found ...": evidence, no speech)."""
    if i == 0 or lex.verb_lemma(form, form) == form:
        return False
    prev = words[i - 1].text
    return prev.lower() in lex.words("subject_pronouns") or \
        prev.istitle() and prev.lower() not in lex.words("candidate_determiners")


def is_candidate(sent: Sentence, lex: Lexicon | None = None) -> bool:
    """Whether a sentence may hold an attribution, so is worth a full parse: a reporting
    verb form or hedge from the lexicon, "according", a reporting noun followed by "that",
    a quotation mark, a colon in a short (headline-like) sentence, or a dash after a quote.

    Sentences that are not parsed are still tokenized; quotes in them can continue the
    previous speaker."""
    lex = lex or load()
    cues = lex.cue_words()
    words = sent.words
    noun = False
    for i, w in enumerate(words):
        t = w.text.lower()
        if t in cues or _ambiguous_cue(words, i, t, lex) or _mark(words, i, t):
            return True
        if (t in lex.nouns or t.rstrip("s") in lex.nouns):
            noun = True
        elif noun and t == "that":
            return True
    return False


def _ambiguous_cue(words, i: int, t: str, lex: Lexicon) -> bool:
    """A cue form that is mostly a noun ("charges") before "that", a colon or a quotation
    mark, or right after a subject."""
    if t not in lex.ambiguous:
        return False
    return i + 1 < len(words) and words[i + 1].text.lower() in ("that", ":", "“", '"') \
        or _after_subject(words, i, t, lex)


def _mark(words, i: int, t: str) -> bool:
    """A quotation mark (not of a sentence that is one whole quotation: it needs no parse, its
    speaker being the previous quotation's or a cue's in a neighbouring sentence), a colon in
    a short (headline-like) sentence or before a quotation, or a dash after a quotation."""
    w = words[i]
    if (w.text in _DOUBLE or (w.text in _SINGLE_OPEN and i + 1 < len(words))) and not _whole_quotation(words):
        return True
    if t == ":" and (len(words) <= 30 or (i + 1 < len(words) and words[i + 1].text in _DOUBLE)):
        return True
    return t in _DASHES and i > 0 and words[i - 1].text in _DOUBLE


def _whole_quotation(words) -> bool:
    """'“We are determined to continue.”': the sentence opens with a quotation mark, closes
    with one, and has no other mark in between."""
    marks = [w for w in words if w.text in _DOUBLE or w.text in _SINGLE_OPEN]
    last = words[-1].text if words else ""
    if len(words) > 1 and last in ".!?" and words[-2].text in _DOUBLE:
        last = words[-2].text
    return len(words) > 2 and words[0].text in _DOUBLE and last in _DOUBLE and len(marks) <= 2 \
        and (len(marks) == 2 or words[0].text == last)


def _as_article(item: str | Article, i: int = 0) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(id="doc" if i == 0 else f"doc{i}", text=item)
    raise TypeError(f"expected article text or an Article, got {type(item).__name__}")


def parse(items: Sequence[str | Article], *, full: bool = False, models: str | None = None,
          threads: int | None = None, tokenizer: str = "rules", ner: bool = True,
          lemmas: str = "model") -> list[ParsedDoc]:
    """Parse articles (texts or :class:`Article` records) into :class:`ParsedDoc` records.

    Only sentences that may hold an attribution get tags and a parse unless ``full``
    (see :func:`is_candidate`); ``tokenizer`` is ``"rules"`` (fast, the default) or
    ``"stanza"`` (the models' neural tokenizer); ``lemmas`` is one of :data:`quotes.nlp.pipeline.LEMMAS`;
    entities are corrected with the lexicons (Tass is an outlet, "spokesman Dmitry
    Peskov" a person).
    """
    from quotes.nlp import pipeline as nlp

    arts = [_as_article(x, i) for i, x in enumerate(items)]
    lex = load()
    docs = nlp.parse([a.text for a in arts], ids=[a.id for a in arts],
                     select=None if full else (lambda s: is_candidate(s, lex)), models=models, threads=threads,
                     tokenizer=tokenizer, ner=ner, lemmas=lemmas)
    for d, a in zip(docs, arts):
        d.article = a
        d.entities = corrected_entities(d, lex)
    return docs


def parse_for_extraction(items: Sequence[str | Article], *, models: str | None = None,
                         threads: int | None = None) -> list[ParsedDoc]:
    """:func:`parse` as extraction parses: no NER, lemmas from the dictionary (:data:`EXTRACTION_LEMMAS`)."""
    return parse(items, models=models, threads=threads, ner=False, lemmas=EXTRACTION_LEMMAS)


def extract(item: str | Article, *, models: str | None = None) -> list[Attribution]:
    """Every attribution in one article (text or :class:`Article`), in text order.

    ``start``/``end`` of every record index the original text.
    """
    doc = parse_for_extraction([item], models=models)[0]
    return list(attributions(doc))


def extract_many(items: Iterable[str | Article], *, models: str | None = None, batch: int = BATCH,
                 threads: int | None = None) -> Iterator[tuple[Article, list[Attribution]]]:
    """Stream ``(article, attributions)`` pairs, parsing ``batch`` articles at a time."""
    buf: list[Article] = []
    for i, item in enumerate(items):
        buf.append(_as_article(item, i))
        if len(buf) >= batch:
            yield from _run(buf, models, threads)
            buf = []
    if buf:
        yield from _run(buf, models, threads)


def _run(arts: list[Article], models, threads):
    for a, d in zip(arts, parse_for_extraction(arts, models=models, threads=threads)):
        yield a, list(attributions(d))
