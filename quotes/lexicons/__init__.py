"""Word lists as data: reporting verbs with their stance, reporting nouns, hedges,
titles, outlets and organisations.

The lists live in ``quotes/lexicons/*.tsv|txt``. Users extend them without touching
code: put files with the same names in a folder and point ``QUOTES_LEXICONS`` at it
(their lines are added to the built-in ones), or call :func:`load` with ``extra=``.

>>> lex = load()
>>> lex.verbs["deny"].stance
'denies'
>>> lex.outlet_name("the Interfax news agency")
'Interfax'
>>> lex.outlet_name("Washington Post")
'The Washington Post'
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from quotes.errors import InputError
from quotes.lexicons.patterns import alternatives

BUILTIN = Path(__file__).resolve().parent
ENV_EXTRA = "QUOTES_LEXICONS"
#: Genders of ``first_names.tsv``: female, male, either.
GENDERS = ("f", "m", "u")
#: Values of the optional fourth column of ``reporting_verbs.tsv``.
COMPLEMENTS = frozenset({"bare-clause", "clause", "no-object", "no-xcomp", "object"})


@dataclass(frozen=True)
class Verb:
    lemma: str
    stance: str
    kind: str  # speech | cognition | evidence
    #: how the verb takes what was said: flags from COMPLEMENTS (reporting_verbs.tsv, fourth column)
    complement: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    verbs: dict[str, Verb] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)          # reporting noun -> kind
    topic_nouns: set[str] = field(default_factory=set)           # nouns whose "about X" is what was said
    hedges: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    anonymous_heads: set[str] = field(default_factory=set)
    outlet_heads: set[str] = field(default_factory=set)
    org_heads: set[str] = field(default_factory=set)
    ambiguous: set[str] = field(default_factory=set)             # cue forms that are mostly nouns
    not_speakers: set[str] = field(default_factory=set)          # heads that cannot be a source
    places: dict[str, str] = field(default_factory=dict)         # folded place -> its country for a capital, else ""
    first_names: dict[str, str] = field(default_factory=dict)    # folded first name -> f | m | u
    labels: set[str] = field(default_factory=set)                # "UPDATE:", "SHOCKING:": no speaker
    headline_words: set[str] = field(default_factory=set)        # lower-cased in Title-Case Headlines
    source_nouns: set[str] = field(default_factory=set)          # "...: police", "Experts: ...": a source
    outlets: dict[str, str] = field(default_factory=dict)        # folded alias -> canonical
    organizations: dict[str, str] = field(default_factory=dict)  # folded alias -> canonical
    word_lists: dict[str, set[str]] = field(default_factory=dict)  # word_lists.tsv: name -> words

    def words(self, name: str) -> frozenset[str]:
        """The word list ``name`` of ``word_lists.tsv`` (what the rules read instead of
        lists in code).

        >>> sorted(load().words("relative_pronouns"))
        ['which', 'who', 'whom', 'whose']
        """
        try:
            return self._frozen_lists[name]
        except KeyError:
            raise KeyError(f"no word list {name!r} in word_lists.tsv") from None

    # --- look-ups -------------------------------------------------------------------
    def outlet_name(self, phrase: str) -> str | None:
        """Canonical outlet named anywhere in ``phrase`` (longest alias wins), else None."""
        return _find(self.outlets, phrase, self._outlet_re)

    def outlet_words(self, phrase: str) -> str | None:
        """The words of ``phrase`` that name an outlet (its longest alias), else None.

        >>> load().outlet_words("Washington Post editor Marty Baron")
        'Washington Post'
        """
        m = self._outlet_re.search(norm(phrase)) if self._outlet_re is not None else None
        return m.group(1) if m else None

    def is_outlet(self, phrase: str) -> bool:
        """Whether ``phrase`` is exactly an outlet's name or alias (any case).

        >>> load().is_outlet("the Washington Post"), load().is_outlet("Washington Post Trump")
        (True, False)
        """
        return fold(phrase) in self._outlet_keys

    def is_place(self, name: str) -> bool:
        """Whether ``name`` is a place standing alone (``places.txt``).

        >>> load().is_place("the United States"), load().is_place("Tampa"), load().is_place("Tampa police")
        (True, True, False)
        """
        return fold(name).rstrip(".") in self.places or fold(name) in self.places

    def government(self, place: str) -> str:
        """Whose government a place standing alone speaks for: the country of a capital, else
        the place itself.

        >>> load().government("Moscow"), load().government("Texas")
        ('Russia', 'Texas')
        """
        return self.places.get(fold(place)) or self.places.get(fold(place).rstrip(".")) or place

    def gender(self, name: str) -> str | None:
        """``f`` or ``m`` when the first word of ``name`` is a first name mostly given to women
        or men (``first_names.tsv``), ``u`` for either, else None.

        >>> load().gender("Hillary Clinton"), load().gender("Tim Kaine"), load().gender("Peskov")
        ('f', 'm', None)
        """
        words = fold(name).split()
        return self.first_names.get(words[0]) if words else None

    def organization_name(self, phrase: str) -> str | None:
        """Canonical organisation named in ``phrase`` (longest alias wins), else None."""
        return _find(self.organizations, phrase, self._org_re)

    def is_speech_verb(self, lemma: str) -> bool:
        v = self.verbs.get(lemma.lower())
        return v is not None and v.kind in ("speech", "evidence")

    def verb_lemma(self, form: str, lemma: str) -> str:
        """The lexicon's lemma for a speech verb the lemmatizer got wrong ("warning" ->
        "warn"): ``lemma`` itself when it is a reporting verb or ``form`` is no inflection of
        a speech verb.

        >>> load().verb_lemma("warning", "warning")
        'warn'
        """
        if lemma.lower() in self.verbs:
            return lemma
        return self._verb_forms.get(form.lower(), lemma)

    def cue_words(self) -> frozenset[str]:
        """Lower-cased forms of reporting verbs and hedges that make a sentence worth
        parsing (forms that are mostly nouns, ``ambiguous_cues.txt``, excepted)."""
        return self._cue_words

    def finalize(self) -> "Lexicon":
        self._frozen_lists = {k: frozenset(v) for k, v in self.word_lists.items()}
        self._outlet_re = _alias_regex(self.outlets)
        self._outlet_keys = frozenset(fold(k) for k in self.outlets)
        self._org_re = _alias_regex(self.organizations)
        words = set()
        forms: dict[str, str] = {}
        for lemma, v in self.verbs.items():
            if v.kind == "speech":  # (evidence verbs are no speech: "Dog Found Abandoned ...")
                for form in _inflections(lemma):
                    forms.setdefault(form, lemma)
            if v.kind == "cognition":
                continue
            words.update(_inflections(lemma))
        self._verb_forms = forms
        words.update(self.hedges)
        words.update(("according", "quoted", "quoting", "citing", "said", "told"))
        self._cue_words = frozenset(words - self.ambiguous)
        return self


def fold(s: str) -> str:
    """Case-fold, strip accents, straighten apostrophes and collapse spaces: how names, aliases
    and claim words are compared (the one ``fold`` of the project).

    >>> fold("  Recep Tayyip  Erdoğan ")
    'recep tayyip erdogan'
    >>> fold("Straße"), fold("Trump‘s’")
    ('strasse', "trump's'")
    """
    if s.isascii():  # nothing to decompose: the same result, much faster
        return " ".join(s.lower().split())
    s = unicodedata.normalize("NFKD", s.casefold()).translate(_combining_marks())
    return " ".join(s.replace("’", "'").replace("‘", "'").split())


class _CombiningMarks(dict):
    """A translation table deleting every combining character, filled in as characters are
    met (building it for all of Unicode at once costs a noticeable part of a second)."""

    def __missing__(self, cp: int) -> int | None:
        value = None if unicodedata.combining(chr(cp)) else cp
        self[cp] = value
        return value


@functools.lru_cache(maxsize=1)
def _combining_marks() -> dict[int, int | None]:
    return _CombiningMarks()


_IRREGULAR = {"say": ("said", "says", "saying"), "tell": ("told", "tells", "telling"),
              "write": ("wrote", "written", "writes", "writing"), "find": ("found", "finds", "finding"),
              "show": ("shown", "showed", "shows", "showing"), "think": ("thought",), "know": ("knew", "known"),
              "feel": ("felt",), "speak": ("spoke", "spoken"), "broadcast": ("broadcasts",)}


def _inflections(lemma: str) -> set[str]:
    """The regular verb forms of ``lemma`` (and a few that are not words; they never match).

    >>> sorted(_inflections("admit") - {"admitd", "admited", "admiting"})
    ['admit', 'admits', 'admitted', 'admitting']
    >>> {"stresses", "denies", "denied"} <= _inflections("stress") | _inflections("deny")
    True
    """
    out = {lemma, lemma + "s", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        out.update({lemma[:-1] + "ing", lemma + "d"})
    if lemma.endswith("y"):
        out.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        out.add(lemma + "es")  # "stresses", "reaches"
    if _DOUBLING.search(lemma):
        out.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})  # "admitted", "referring"
    out.update(_IRREGULAR.get(lemma, ()))
    return out


#: A final consonant after one short vowel, doubled before -ed and -ing ("admit", "refer").
_DOUBLING = re.compile(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$")


def _alias_regex(table: dict[str, str]):
    if not table:
        return None
    return re.compile(r"(?<![\w'])(" + alternatives(table) + r")(?![\w])")


def norm(s: str) -> str:
    """Like :func:`fold` but keeping case: "The Hill" is an outlet, "the hill" is not."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.replace("’", "'").replace("‘", "'").split())


def _variants(alias: str) -> list[str]:
    a = norm(alias)
    out = [a]
    if a.startswith("The "):
        out.append("the " + a[4:])
    elif a.startswith("the "):
        out.append("The " + a[4:])
    return out


def _find(table: dict[str, str], phrase: str, rx) -> str | None:
    if rx is None:
        return None
    m = rx.search(norm(phrase))
    return table[m.group(1)] if m else None


#: Word-set files (one lower-cased word or phrase a line; a tab ends it) and the
#: :class:`Lexicon` field each fills. A new list: a ``set[str]`` field, a line here, a file.
WORD_SETS = {
    "hedges.tsv": "hedges", "titles.txt": "titles", "anonymous_heads.txt": "anonymous_heads",
    "outlet_heads.txt": "outlet_heads", "org_heads.txt": "org_heads", "ambiguous_cues.txt": "ambiguous",
    "not_speakers.txt": "not_speakers", "headline_labels.txt": "labels",
    "headline_function_words.txt": "headline_words", "headline_speaker_nouns.txt": "source_nouns",
}


def read_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The one reader of lexicon files: ``(line number, line)`` of every entry, skipping blank
    lines and ``#`` comments; a file that is not UTF-8 is an :class:`~quotes.errors.InputError`.

    >>> [line for _, line in read_lines(BUILTIN / "claim_negations.txt")][:2]
    ['not', 'no']
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(path, "lexicon file is not UTF-8 text") from None
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield n, line.rstrip("\n")


def lines(name: str, *, extend: bool = True) -> list[str]:
    """The entries (stripped lines) of the lexicon file ``name``: the built-in file's, then, if
    ``extend``, those of the same file in the folder ``$QUOTES_LEXICONS`` names.

    >>> lines("claim_negations.txt")[:2]
    ['not', 'no']
    """
    folders = [BUILTIN] + ([Path(os.environ[ENV_EXTRA])] if extend and os.environ.get(ENV_EXTRA) else [])
    return [line.strip() for d in folders if (d / name).exists() for _, line in read_lines(d / name)]


def _read_verbs(lex: Lexicon, p: Path) -> None:
    for n, line in read_lines(p):
        cols = line.split("\t")
        if len(cols) < 2:
            raise InputError(p, "expected 'lemma<TAB>stance[<TAB>kind[<TAB>complement]]'", line=n)
        kind = cols[2].strip() if len(cols) > 2 and cols[2].strip() else "speech"
        flags = frozenset(f.strip() for f in cols[3].split(",") if f.strip()) if len(cols) > 3 else frozenset()
        if flags - COMPLEMENTS:
            raise InputError(p, f"unknown complement {sorted(flags - COMPLEMENTS)}; "
                                f"expected some of {sorted(COMPLEMENTS)}", line=n)
        lex.verbs[cols[0].strip().lower()] = Verb(cols[0].strip().lower(), cols[1].strip(), kind, flags)


def _read_nouns(lex: Lexicon, p: Path) -> None:
    for n, line in read_lines(p):
        cols = line.split("\t")
        lex.nouns[cols[0].strip().lower()] = cols[1].strip() if len(cols) > 1 else "document"
        if len(cols) > 2 and cols[2].strip():
            if cols[2].strip() != "topic":
                raise InputError(p, f"unknown flag {cols[2].strip()!r}; expected 'topic' or nothing", line=n)
            lex.topic_nouns.add(cols[0].strip().lower())


def _read_words(target: set[str], p: Path) -> None:
    target.update(line.split("\t")[0].strip().lower() for _, line in read_lines(p))


def _read_places(lex: Lexicon, p: Path) -> None:
    for _, line in read_lines(p):
        cols = line.split("\t")
        lex.places[fold(cols[0])] = cols[1].strip() if len(cols) > 1 else ""


def _read_first_names(lex: Lexicon, p: Path) -> None:
    for n, line in read_lines(p):
        cols = line.split("\t")
        if len(cols) != 2 or cols[1].strip() not in GENDERS:
            raise InputError(p, f"expected 'name<TAB>gender' with gender one of {'|'.join(GENDERS)}", line=n)
        lex.first_names[fold(cols[0])] = cols[1].strip()


def _read_aliases(table: dict[str, str], p: Path) -> None:
    for n, line in read_lines(p):
        cols = line.split("\t")
        canon = cols[0].strip()
        if not canon:
            raise InputError(p, "expected 'canonical<TAB>alias|alias'", line=n)
        aliases = [canon] + ([a for a in cols[1].split("|") if a.strip()] if len(cols) > 1 else [])
        for alias in aliases:
            for v in _variants(alias):
                table[v] = canon


#: Alias tables: file name -> the :class:`Lexicon` table (alias -> canonical name) it fills.
ALIAS_TABLES = {"outlets.tsv": "outlets", "organizations.tsv": "organizations"}


def _load_word_lists(lex: Lexicon, p: Path) -> None:
    if not p.exists():
        return
    for n, line in read_lines(p):
        cols = line.split("\t")
        if len(cols) != 2 or not cols[0].strip():
            raise InputError(p, "expected 'list<TAB>word, word, ...'", line=n)
        lex.word_lists.setdefault(cols[0].strip(), set()).update(
            x.strip().lower() for x in cols[1].split(",") if x.strip())


def _load_dir(lex: Lexicon, d: Path) -> None:
    """Add the lexicon files of folder ``d`` (any of them may be missing) to ``lex``."""
    readers = [("reporting_verbs.tsv", lambda p: _read_verbs(lex, p)),
               ("reporting_nouns.tsv", lambda p: _read_nouns(lex, p)),
               ("word_lists.tsv", lambda p: _load_word_lists(lex, p)),
               ("first_names.tsv", lambda p: _read_first_names(lex, p)),
               ("places.txt", lambda p: _read_places(lex, p))]
    readers += [(f, lambda p, a=attr: _read_words(getattr(lex, a), p)) for f, attr in WORD_SETS.items()]
    readers += [(f, lambda p, a=attr: _read_aliases(getattr(lex, a), p)) for f, attr in ALIAS_TABLES.items()]
    for fname, read in readers:
        if (d / fname).exists():
            read(d / fname)


@functools.lru_cache(maxsize=8)
def load(extra: str | None = None) -> Lexicon:
    """The built-in lexicons, plus the files in ``extra`` or ``$QUOTES_LEXICONS`` if set."""
    lex = Lexicon()
    _load_dir(lex, BUILTIN)
    extra = extra or os.environ.get(ENV_EXTRA)
    if extra:
        d = Path(extra)
        if not d.is_dir():
            raise InputError(d, "lexicon folder does not exist")
        _load_dir(lex, d)
    return lex.finalize()
