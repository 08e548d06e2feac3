"""Who is speaking: noun phrases to canonical speakers, resolved within the article.

:func:`~quotes.extractors.phrases.describe` reads one noun phrase off the parse (name,
role, kind); a :class:`Resolver` walks the article in order and :func:`resolve` turns "he",
"the spokesman" and "Peskov" into the right earlier full name ("Dmitry Peskov") with the
first of the :data:`RESOLVE_RULES` that finds one.

>>> r = Resolver()
>>> r.register("Dmitry Peskov", "Kremlin spokesman", PERSON)
>>> r.full_name("Peskov")
'Dmitry Peskov'
>>> r.by_role("spokesman")
'Dmitry Peskov'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quotes.lexicons import Lexicon, fold
from quotes.nlp.casing import HEADLINE, is_title_case
from quotes.types import ANONYMOUS, DOCUMENT, ORGANIZATION, OUTLET, PERSON, UNKNOWN, ParsedDoc, Sentence, Speaker, Word
from quotes.extractors import rules
from quotes.extractors.names import after_title_object, clean_name, is_honorific, is_title
from quotes.extractors.phrases import NP

#: The rule sequences of this module (tests/test_rules.py takes out each rule in turn).
RULE_SEQUENCES = ("RESOLVE_RULES",)

CAPS_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|bin|al|ibn|da|del|la|le))*"
                      r"\s+[A-Z][\w'’-]+")


class Resolver:
    """Article-local memory of who was mentioned and who spoke, for coreference."""

    def __init__(self) -> None:
        self.people: list[tuple[str, str | None]] = []   # (full name, role), in order of mention
        self.positions: list[int] = []                    # where each was mentioned
        self.speakers: list[Speaker] = []
        self.outlets: set[str] = set()                   # folded names the article uses as outlets

    def register(self, name: str, role: str | None, kind: str, at: int = -1) -> None:
        if kind != PERSON or not name:
            return
        full = self.full_name(name)
        if len(full.split()) < len(name.split()):
            full = name
        self.people.append((full, role))
        self.positions.append(at)

    def is_person(self, name: str) -> bool:
        """Whether ``name`` is, or abbreviates, a person's full name mentioned in the article."""
        return len(self.full_name(name).split()) >= 2 and any(fold(self.full_name(name)) == fold(n)
                                                              for n, _ in self.people)

    def person_before(self, offset: int | None, fits: Callable[[str, str | None], bool] = lambda n, r: True
                      ) -> tuple[str, str | None] | None:
        """The last person mentioned before ``offset`` that ``fits`` (name, role) (for "he"
        with no earlier speaker)."""
        best = None
        for (full, role), at in zip(self.people, self.positions):
            if (offset is None or 0 <= at < offset) and fits(full, role):
                if best is None or at >= best[0]:
                    best = (at, (full, role))
        return best[1] if best else None

    def full_name(self, name: str) -> str:
        """The longest earlier name this one abbreviates ("Peskov" -> "Dmitry Peskov")."""
        toks = fold(name).split()
        if not toks:
            return name
        best = name
        for full, _ in reversed(self.people):
            ft = fold(full).split()
            if len(ft) > len(toks) and (ft[-len(toks):] == toks or (len(toks) == 1 and toks[0] in ft)):
                if len(ft) > len(best.split()):
                    best = full
        return best

    def by_role(self, head: str) -> str | None:
        """The latest person whose role mentions ``head`` ("the spokesman")."""
        for full, role in reversed(self.people):
            if role and head in fold(role).split():
                return full
        return None

    def last_speaker(self, kinds=(PERSON,), fits: Callable[[str, str | None], bool] = lambda n, r: True
                     ) -> Speaker | None:
        """The last speaker of one of ``kinds`` that ``fits`` (name, role)."""
        for s in reversed(self.speakers):
            if s.kind in kinds and fits(s.name, s.role):
                return s
        return None


def _title_case(s: Sentence) -> bool:
    """A headline in title case: most of its longer words capitalised."""
    return is_title_case([w.text for w in s.words], HEADLINE)


def _person_name(name: str, lex: Lexicon, phrase: str | None = None) -> bool:
    """Whether ``name`` (found in ``phrase``) is a person's full name: two words or more, no
    outlet's, organisation's or place's."""
    phrase = name if phrase is None else phrase
    return len(name.split()) >= 2 and not lex.outlet_name(phrase) and not lex.organization_name(phrase) \
        and not lex.is_place(name)


def _proper_noun_runs(s: Sentence, lex: Lexicon) -> list[tuple[int, str]]:
    """The full names among the proper-noun runs of a parsed sentence: "Yuri Ushakov"."""
    names = []
    run: list[Word] = []
    for w in s.words + [Word(0, "", 0, 0)]:
        if w.upos == "PROPN" and w.text[:1].isupper():
            run.append(w)
            continue
        name = clean_name([x.text for x in after_title_object(s.words, run, lex)], lex)
        if _person_name(name, lex) and not any(fold(x) in lex.org_heads for x in name.split()):
            names.append((run[0].start, name))
        run = []
    return names


def _capitalised_runs(doc: ParsedDoc, s: Sentence, lex: Lexicon) -> list[tuple[int, str]]:
    """The full names among the capitalised runs of a sentence that was not parsed."""
    seg = doc.text[s.start:s.end]
    out = []
    for m in CAPS_RUN.finditer(seg):
        name = clean_name(m.group(0).split(), lex)
        if _person_name(name, lex, m.group(0)):
            out.append((s.start + m.start(), name))
    return out


def registry_from_doc(doc: ParsedDoc, lex: Lexicon) -> list[tuple[int, str]]:
    """Full names (two or more capitalised words) mentioned anywhere, with their offsets, in
    order: person entities, proper-noun runs of parsed sentences, capitalised runs inside
    the others; not in a title-case headline ("Gold Star Mom Corners Obama": its capitals
    name nobody) nor a short line (navigation)."""
    names: list[tuple[int, str]] = []
    for e in doc.entities:
        if e.type == "PERSON" and len(e.text.split()) >= 2:
            names.append((e.start, clean_name(e.text.split(), lex)))
    for s in doc.sentences:
        if s.parsed and not _title_case(s):
            names.extend(_proper_noun_runs(s, lex))
    for s in doc.sentences:
        if not s.parsed and len(s.words) >= 6 and not _title_case(s):
            names.extend(_capitalised_runs(doc, s, lex))
    names.sort()
    return names


# --- resolve rules: the speaker a phrase refers to -----------------------------------

def _as(prev: Speaker, np: NP) -> Speaker:
    """Speaker ``prev`` at ``np``'s mention."""
    return Speaker(prev.name, np.mention, prev.kind, prev.role, np.start, np.end)


def gender_of(name: str, role: str | None, lex: Lexicon) -> str | None:
    """``f`` or ``m`` for a person whose first name (``first_names.tsv``) or role ("Mrs.",
    "spokeswoman"; ``female_words``/``male_words`` of ``word_lists.tsv``) says so, else None.

    >>> from quotes.lexicons import load
    >>> lex = load()
    >>> gender_of("Jasmine Tridley", None, lex), gender_of("Kemper", "Mr.", lex), gender_of("Peskov", None, lex)
    ('f', 'm', None)
    """
    g = lex.gender(name)
    if g in ("f", "m"):
        return g
    words = set(fold(role or "").replace(".", " ").replace(",", " ").split())
    if words & lex.words("female_words"):
        return "f"
    if words & lex.words("male_words"):
        return "m"
    return None


def personal_pronoun(np: NP, resolver: Resolver, lex: Lexicon) -> Speaker | None:
    """'he', 'she': the last person who spoke, else the last person mentioned before it, else
    the pronoun itself (unknown); a person whose gender is known must match the pronoun's
    ("he" is not a woman named just before).

    >>> from quotes.lexicons import load
    >>> r = Resolver(); r.register("Dmitry Peskov", None, PERSON, 0); r.register("Maria Zakharova", None, PERSON, 20)
    >>> personal_pronoun(NP("he", 40, 42, None, None, UNKNOWN, "he", pronoun=True), r, load()).name
    'Dmitry Peskov'
    """
    if not np.pronoun or np.head not in lex.words("person_pronouns"):
        return None
    want = np.gender or ("f" if np.head in ("she", "her") else "m")

    def fits(name: str, role: str | None) -> bool:
        return gender_of(name, role, lex) in (None, want)

    prev = resolver.last_speaker((PERSON,), fits)
    if prev is not None:
        return _as(prev, np)
    before = resolver.person_before(np.start, fits)
    if before is not None:
        return Speaker(before[0], np.mention, PERSON, before[1], np.start, np.end)
    return Speaker(np.mention, np.mention, UNKNOWN, None, np.start, np.end)


def group_pronoun(np: NP, resolver: Resolver, lex: Lexicon) -> Speaker | None:
    """'it' (an organisation or outlet that spoke), 'they', 'we' (any source that spoke);
    else the pronoun itself (unknown); any other pronoun is unknown.

    >>> from quotes.lexicons import load
    >>> r = Resolver(); r.speakers.append(Speaker("Tass", "Tass", OUTLET, None, 0, 4))
    >>> group_pronoun(NP("it", 40, 42, None, None, UNKNOWN, "it", pronoun=True), r, load()).name
    'Tass'
    """
    if not np.pronoun:
        return None
    prev = None
    if np.head in lex.words("group_pronouns"):
        prev = resolver.last_speaker((ORGANIZATION, OUTLET) if np.head == "it" else
                                     (ORGANIZATION, OUTLET, PERSON, ANONYMOUS))
    if prev is not None:
        return _as(prev, np)
    return Speaker(np.mention, np.mention, UNKNOWN, None, np.start, np.end)


def outlet_by_use(np: NP, resolver: Resolver, lex: Lexicon) -> Speaker | None:
    """A name the article uses as outlets are ("told TMZ", "according to Snopes":
    :func:`~quotes.extractors.somebody.outlets_by_use`) is an outlet.

    >>> from quotes.lexicons import load
    >>> r = Resolver(); r.outlets.add("newsline")
    >>> outlet_by_use(NP("Newsline", 0, 8, "Newsline", None, PERSON, "Newsline"), r, load()).kind
    'outlet'
    """
    name = np.name or np.mention
    if np.pronoun or np.kind in (OUTLET, DOCUMENT) or fold(name) not in resolver.outlets:
        return None
    return Speaker(name, np.mention, OUTLET, None, np.start, np.end)


def named_person(np: NP, resolver: Resolver, lex: Lexicon) -> Speaker | None:
    """'Peskov' after 'Dmitry Peskov': the full name, and the role known for it; the person
    is remembered.

    >>> from quotes.lexicons import load
    >>> r = Resolver(); r.register("Dmitry Peskov", "Kremlin spokesman", PERSON, 0)
    >>> sp = named_person(NP("Peskov", 40, 46, "Peskov", None, PERSON, "Peskov"), r, load())
    >>> sp.name, sp.role
    ('Dmitry Peskov', 'Kremlin spokesman')
    """
    if np.kind != PERSON or not np.name:
        return None
    full = resolver.full_name(np.name)
    if full == np.name and is_title(full, lex) and np.role and is_honorific(np.role, lex):
        full = f"{np.role} {full}"  # "Mr. King" with no "Larry King" before: the honorific stays
    role = np.role
    if role is None:
        role = next((r for n, r in reversed(resolver.people) if n == full and r), None)
    resolver.register(full, role, PERSON, np.start)
    return Speaker(full, np.mention, PERSON, role, np.start, np.end)


def place_government(np: NP, resolver: Resolver, lex: Lexicon) -> Speaker | None:
    """A place standing alone ("Russia insisted", "the United States pledged") speaks for its
    government (a capital for its country's: "Ankara denied"), unless an earlier person bears
    that name ("Jordan" after "Jim Jordan").

    >>> from quotes.lexicons import load
    >>> sp = place_government(NP("Russia", 0, 6, "Russia", None, PERSON, "Russia"), Resolver(), load())
    >>> sp.name, sp.kind, sp.mention
    ('government of Russia', 'organization', 'Russia')
    """
    name = np.name or np.mention
    if np.pronoun or not lex.is_place(name) or resolver.full_name(name) != name:
        return None
    return Speaker(f"government of {lex.government(name)}", np.mention, ORGANIZATION, None, np.start, np.end)


def person_by_role(np: NP, resolver: Resolver, lex: Lexicon) -> Speaker | None:
    """'the spokesman', 'the Kremlin official': an earlier person with that role, else the
    last person who spoke.

    >>> from quotes.lexicons import load
    >>> r = Resolver(); r.register("Dmitry Peskov", "Kremlin spokesman", PERSON, 0)
    >>> np = NP("the spokesman", 40, 53, None, None, ANONYMOUS, "spokesman", definite=True)
    >>> person_by_role(np, r, load()).name
    'Dmitry Peskov'
    """
    if not (np.definite and np.kind in (ANONYMOUS, UNKNOWN) and (np.head in lex.titles or np.head in
                                                                  lex.words("role_heads"))):
        return None
    if np.plural:
        return None  # "the judges in the cases": no one person
    full = resolver.by_role(np.head)
    prev = resolver.last_speaker((PERSON,))
    if full is None and prev is not None:
        full = prev.name
    if full is None:
        return None
    role = next((r for n, r in reversed(resolver.people) if n == full), None)
    return Speaker(full, np.mention, PERSON, role or np.mention, np.start, np.end)


def same_document(np: NP, resolver: Resolver, lex: Lexicon) -> Speaker | None:
    """'the report' after 'a Reuters report': the last document or anonymous source whose
    name ends in the same noun.

    >>> from quotes.lexicons import load
    >>> r = Resolver(); r.speakers.append(Speaker("a Reuters report", "a Reuters report", DOCUMENT, None, 0, 16))
    >>> same_document(NP("the report", 40, 50, None, None, DOCUMENT, "report", definite=True), r, load()).name
    'a Reuters report'
    """
    if np.kind != DOCUMENT or not np.definite:
        return None
    prev = resolver.last_speaker((DOCUMENT, ANONYMOUS))
    if prev is not None and fold(prev.name).split()[-1:] == [np.head]:
        return _as(prev, np)
    return None


#: How a phrase finds its speaker, in order: the first rule that answers wins; a phrase no
#: rule resolves is its own speaker (:func:`as_named`).
RESOLVE_RULES: tuple[Callable[[NP, Resolver, Lexicon], Speaker | None], ...] = (
    personal_pronoun, group_pronoun, place_government, outlet_by_use, named_person, person_by_role, same_document)


def as_named(np: NP, lex: Lexicon) -> Speaker:
    """The phrase as it names itself (an outlet by its canonical name)."""
    name = np.name or np.mention
    if np.kind == OUTLET:
        name = lex.outlet_name(np.mention) or name
    return Speaker(name, np.mention, np.kind, np.role, np.start, np.end)


def resolve(np: NP, resolver: Resolver, lex: Lexicon) -> Speaker:
    """Turn a noun phrase into a :class:`Speaker`, using and updating the article's memory.

    >>> from quotes.lexicons import load
    >>> resolve(NP("Tass", 0, 4, "Tass", None, OUTLET, "Tass"), Resolver(), load()).name
    'Tass'
    """
    found = rules.first_match(RESOLVE_RULES, np, resolver, lex)
    return found[1] if found is not None else as_named(np, lex)
