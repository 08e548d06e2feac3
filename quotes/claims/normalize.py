"""A light, model-free normaliser that turns a statement into content keys.

Claim grouping compares statements by what they are about, not by their wording:
lower-cased, diacritics folded, lemma tables (the forms of irregular and short verbs in
``claim_verb_forms.tsv``: "took", "died") and light suffix stripping, stopwords dropped,
synonyms mapped onto one concept (``cancel`` and ``delay`` -> ``postpone``,
``meeting`` and ``contacts`` -> ``visit``), quantities written one way ("72M", "72 million"
-> ``72000000``; :mod:`quotes.claims.quantities`). Capitalised words become *entity* keys;
negation words set the statement's polarity instead of becoming keys.

The word lists are data, in ``quotes/lexicons/claim_*.tsv|txt``.

>>> k = content_keys("Putin's visit to the NATO country was canceled")
>>> sorted(k.entities), sorted(k.words), k.negated
(['nato', 'putin'], ['country', 'postpon', 'visit'], False)
>>> content_keys("The visit was not postponed").negated
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from quotes.claims.quantities import canonical
from quotes.errors import InputError
from quotes.lexicons import fold, lines, patterns
from quotes.nlp.casing import CLAIM, is_title_case

#: Suffixes stripped by :func:`stem`, tried in order; (suffix, replacement).
SUFFIX_RULES: tuple[tuple[str, str], ...] = (
    ("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""),
    ("es", ""), ("s", ""),
)
#: Endings that look plural but are not ("crisis", "status", "boss").
KEEP_S_ENDINGS = ("ss", "us", "is")
#: A stem keeps at least this many characters.
MIN_STEM = 3
#: Doubled final consonants kept after stripping -ed/-ing ("called" -> "call").
KEEP_DOUBLE = "lsz"

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, object]:
    """The claim word lists, loaded once: lemmas, stopwords, negations, synonyms.

    >>> lexicon()["synonyms"][("cancel",)]
    'postpon'
    """
    lemmas = {}
    for ln in lines("claim_lemmas.tsv"):
        form, lemma = ln.split("\t")
        lemmas[fold(form)] = fold(lemma)
    for form, lemma in verb_forms().items():
        lemmas.setdefault(form, lemma)
    negations = frozenset(fold(w) for w in lines("claim_negations.txt"))
    # Stopwords are compared after stemming, so stem them too.
    stop_raw = [fold(w) for w in lines("claim_stopwords.txt")]
    lex = {"lemmas": lemmas, "negations": negations}
    lexicon_stops = frozenset(stop_raw) | frozenset(_stem(w, lemmas) for w in stop_raw)
    synonyms: dict[tuple[str, ...], str] = {}
    for ln in lines("claim_synonyms.tsv"):
        word, concept = ln.split("\t")
        key = tuple(_stem(w.replace(".", ""), lemmas) for w in _words(fold(word)))
        synonyms[key] = _stem(fold(concept), lemmas)
    lex.update(stopwords=lexicon_stops, synonyms=synonyms)
    return lex


def verb_forms(name: str = "claim_verb_forms.tsv") -> dict[str, str]:
    """Verb form -> lemma, from the lexicon file ``name`` (``lemma<TAB>forms``): the verbs
    whose forms suffix stripping cannot bring to one stem ("took", "died", "dying").

    >>> forms = verb_forms()
    >>> forms["died"], forms["dying"], forms["took"], forms["makes"]
    ('die', 'die', 'take', 'make')
    """
    out: dict[str, str] = {}
    for ln in lines(name):
        lemma, sep, forms = ln.partition("\t")
        if not sep or not forms.split():
            raise InputError(name, f"expected 'lemma<TAB>forms', got {ln!r}")
        for form in forms.split():
            out.setdefault(fold(form), fold(lemma))
    return out


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _stem(word: str, lemmas: dict[str, str]) -> str:
    word = lemmas.get(word, word)
    if len(word) <= MIN_STEM or not word.isalpha():
        return word
    for suffix, repl in SUFFIX_RULES:
        if not word.endswith(suffix) or len(word) - len(suffix) < MIN_STEM:
            continue
        if suffix == "s" and word.endswith(KEEP_S_ENDINGS):
            break
        word = word[: len(word) - len(suffix)] + repl
        if suffix in ("ed", "ing") and word[-1] == word[-2] and word[-1] not in KEEP_DOUBLE:
            word = word[:-1]
        break
    if word.endswith("e") and len(word) > MIN_STEM + 1:
        word = word[:-1]
    return word


def stem(word: str) -> str:
    """The light stem of one word: lemma table first, then suffix stripping.

    Only consistency matters: every inflection of a word gets the same stem.

    >>> [stem(w) for w in ("postponed", "postpone", "preparing", "countries", "met")]
    ['postpon', 'postpon', 'prepar', 'country', 'meet']
    """
    return _stem(fold(word), lexicon()["lemmas"])


@dataclass(frozen=True, slots=True)
class Keys:
    """A statement's content keys: ``entities`` (capitalised names), ``words`` (other
    content lemmas), ``negated`` (the content is negated) and ``refutes`` (it calls what
    it is about false: "a hoax", "not true"; see :func:`claim_keys`)."""

    entities: frozenset[str]
    words: frozenset[str]
    negated: bool = False
    refutes: bool = False
    #: entities and words together (computed once)
    all: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "all", self.entities | self.words)


def _fold_token(tok: str) -> str:
    return tok.lower() if tok.isascii() else fold(tok)


def content_keys(text: str) -> Keys:
    """Normalise ``text`` into :class:`Keys` (entities, content words, negation).

    >>> k = content_keys("reports that Putin's meeting with Erdoğan in Turkey had been postponed")
    >>> sorted(k.all)
    ['erdogan', 'postpon', 'putin', 'turkey', 'visit']
    >>> sorted(content_keys("We continue to prepare contacts at the highest level").words)
    ['high', 'level', 'prepar', 'visit']
    >>> content_keys("72M people voted") == content_keys("72 million people voted")
    True
    """
    lex = lexicon()
    lemmas, stops, negs, syns = lex["lemmas"], lex["stopwords"], lex["negations"], lex["synonyms"]
    raw = _words(canonical(text))
    title_case = is_title_case(raw, CLAIM, ignore=stops)
    negated = False
    items: list[tuple[str, bool]] = []  # (stem, looks like a name)
    for i, tok in enumerate(raw):
        low = _fold_token(tok)
        if low.endswith(("'s", "'")):
            low = low[:-2] if low.endswith("'s") else low[:-1]
        if low.endswith("n't"):
            negated = True
            low = low[:-3]
        if low in negs:
            negated = True
            continue
        name = not title_case and tok[:1].isupper()
        items.append((_stem(low.replace(".", "") if "." in low else low, lemmas), name))
    entities: set[str] = set()
    words: set[str] = set()
    i = 0
    while i < len(items):  # two-word synonyms ("call off") first, then single words
        pair = tuple(s for s, _ in items[i:i + 2])
        if len(pair) == 2 and pair in syns:
            words.add(syns[pair])
            i += 2
            continue
        s, name = items[i]
        i += 1
        mapped = syns.get((s,), s)
        if mapped and mapped not in stops:
            (entities if name else words).add(mapped)
    return Keys(frozenset(entities), frozenset(words), negated)


@lru_cache(maxsize=1)
def _claim_lexicon() -> tuple[re.Pattern, frozenset[str]]:
    refute = patterns.words(lines("claim_refutations.txt"), hyphens=True)
    lemmas = lexicon()["lemmas"]
    refs = frozenset(_stem(fold(w), lemmas) for w in lines("claim_references.txt"))
    return refute, refs


#: A relative clause set off by commas (", who has not been identified,"): its negation is
#: not the statement's.
_ASIDE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,;:.]*[,;:.]", re.IGNORECASE)


#: Statements whose keys are remembered (a statement's keys are asked for by the own-voice
#: filter, grouping, the index and the flags: computed once).
KEYS_CACHE = 1 << 15


@lru_cache(maxsize=KEYS_CACHE)
def claim_keys(text: str) -> Keys:
    """:func:`content_keys` for claims: words that call the content false ("hoax",
    "fake", "not true"; ``lexicons/claim_refutations.txt``) flip its polarity instead of
    being keys, and a negation inside a relative clause between commas is not the
    statement's.

    >>> k = claim_keys("The third breast is a hoax")
    >>> sorted(k.words), k.negated, k.refutes
    (['breast', 'third'], True, True)
    >>> claim_keys("The surgeon, who has not been named, took a selfie").negated
    False
    >>> claim_keys("The photo was not faked").negated
    False
    """
    refute, _ = _claim_lexicon()
    stripped, n = refute.subn(" ", text)
    k = content_keys(stripped)
    negated = k.negated
    if negated and _ASIDE.search(stripped):
        negated = content_keys(_ASIDE.sub(",", stripped)).negated
    return Keys(k.entities, k.words, negated != bool(n), bool(n))


def refutes_reference(k: Keys) -> bool:
    """Whether a statement only calls "it", "the story" or "the claim" false: it says
    nothing of its own, so it refutes the claim its article is about.

    >>> refutes_reference(claim_keys("The story was a hoax")), refutes_reference(claim_keys("The claim is false"))
    (True, True)
    >>> refutes_reference(claim_keys("The third breast is a hoax")), refutes_reference(claim_keys("The story was true"))
    (False, False)
    """
    _, refs = _claim_lexicon()
    return k.refutes and k.negated and not k.entities and k.words <= refs


def names_clash(a: Keys, b: Keys) -> bool:
    """Whether two statements name different things: both name entities and neither
    shares a name with the other's keys (a Title-Case headline has its names as words).

    >>> names_clash(content_keys("Biden's visit was postponed"), content_keys("Putin's visit was postponed"))
    True
    >>> names_clash(content_keys("Ann Lee Sold Her House In Boston"), content_keys("Ann Lee in Boston"))
    False
    """
    return bool(a.entities and b.entities and not (a.entities & b.all) and not (b.entities & a.all))
