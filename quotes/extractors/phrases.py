"""A speaker's noun phrase read off the parse: mention, proper name, role and kind.

:func:`describe` takes the phrase's words, then runs the :data:`DESCRIBE_STEPS` in order
over a :class:`Phrase` (each fills in a part: the name, the role, the kind, ...); the kind
is the first of the :data:`KIND_RULES` that gives one.

>>> from quotes.lexicons import load
>>> text = "Kremlin spokesman Dmitry Peskov"
>>> t = Tree.of(text, [("Kremlin", "PROPN", 2, "compound"), ("spokesman", "NOUN", 4, "compound"),
...                    ("Dmitry", "PROPN", 4, "compound"), ("Peskov", "PROPN", 0, "root")])
>>> np = describe(t, t.w(4), text, load())
>>> np.name, np.role, np.kind
('Dmitry Peskov', 'Kremlin spokesman', 'person')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from quotes.lexicons import Lexicon, fold
from quotes.types import ANONYMOUS, DOCUMENT, ORGANIZATION, OUTLET, PERSON, UNKNOWN, Word
from quotes.extractors import rules
from quotes.extractors.names import is_title, np_ids, proper_run, strip_demonyms
from quotes.extractors.outlet_names import outlet_before_speaker, outlet_cut_short
from quotes.extractors.somebody import (acronym, bare_title, cut_name, modifier_run, org_name_word, outlet_name_word,
                                        title_cut_off, title_then_name)
from quotes.extractors.tree import Tree

#: The rule sequences of this module (tests/test_rules.py takes out each rule in turn).
RULE_SEQUENCES = ("DESCRIBE_STEPS", "KIND_RULES")


@dataclass
class NP:
    """A noun phrase read off the parse."""

    mention: str
    start: int
    end: int
    name: str | None      # a proper name in it, if any
    role: str | None
    kind: str
    head: str             # head word lemma
    pronoun: bool = False
    definite: bool = False
    gender: str | None = None  # a pronoun's, from the parse's features: "f" or "m"
    plural: bool = False       # the head's number, from the parse's features


@dataclass
class Phrase:
    """A noun phrase being described: its words and what the steps found so far."""

    t: Tree
    text: str
    head: Word
    ids: list[int]
    start: int
    end: int
    run: list[Word] = field(default_factory=list)
    name: str | None = None
    role: str | None = None
    kind: str = UNKNOWN

    @property
    def mention(self) -> str:
        return self.text[self.start:self.end]

    @classmethod
    def of(cls, t: Tree, head: Word, text: str) -> "Phrase":
        """The phrase headed by ``head`` without a leading preposition ("since Putin", "in
        Turkey", "according to a report": not the source, nor the "to" fixed to "according")
        or edge punctuation.

        >>> t = Tree.of("According to Putin", [("According", "VERB", 3, "case"), ("to", "ADP", 1, "fixed"),
        ...     ("Putin", "PROPN", 0, "root")])
        >>> Phrase.of(t, t.w(3), "According to Putin").mention
        'Putin'
        """
        ids = sorted(np_ids(t, head))
        dropped: set[int] = set()
        while len(ids) > 1 and _leading_function_word(t.w(ids[0]), head, dropped):
            dropped.add(ids.pop(0))
        ids = [i for i in ids if not (t.w(i).upos == "PUNCT" and (i == ids[0] or i == ids[-1]))] or [head.id]
        return cls(t, text, head, ids, t.w(ids[0]).start, t.w(ids[-1]).end)


def _leading_function_word(w: Word, head: Word, dropped: set[int]) -> bool:
    """A preposition, conjunction or adverb that opens the phrase, or a word fixed to one."""
    return (w.deprel in ("case", "mark", "cc", "advmod") and w.head == head.id) or \
        (w.deprel == "fixed" and w.head in dropped)


# --- steps of describe ------------------------------------------------------------------

def name_run(p: Phrase, lex: Lexicon) -> None:
    """The run of proper nouns naming the phrase, but none when the head is a common noun
    they only modify ("Kremlin spokesman", "a source in Turkey": a role, not that entity),
    and no leading nationality ("Russian Vladimir Putin").

    >>> from quotes.lexicons import load
    >>> t = Tree.of("a source in Turkey", [("a", "DET", 2, "det"), ("source", "NOUN", 0, "root"),
    ...     ("in", "ADP", 4, "case"), ("Turkey", "PROPN", 2, "nmod")])
    >>> p = Phrase.of(t, t.w(2), "a source in Turkey"); name_run(p, load()); p.run
    []
    """
    run = proper_run(p.t, p.ids, p.head, lex)
    if run and p.head not in run and p.head.upos == "NOUN":
        run = []
    p.run = strip_demonyms(run)


def name_after_title_noun(p: Phrase, lex: Lexicon) -> None:
    """'Kremlin spokesman Dmitry Peskov' parsed with the title noun as the head and the name
    hung off it as its flat part: the name names the phrase (the title and what precedes it
    is the role, :func:`role_before_name`).

    >>> from quotes.lexicons import load
    >>> text = "Kremlin spokesman Dmitry Peskov"
    >>> t = Tree.of(text, [("Kremlin", "PROPN", 2, "compound"), ("spokesman", "NOUN", 0, "root"),
    ...     ("Dmitry", "PROPN", 2, "flat"), ("Peskov", "PROPN", 3, "flat")])
    >>> p = Phrase.of(t, t.w(2), text); name_run(p, load()); name_after_title_noun(p, load())
    >>> [w.text for w in p.run]
    ['Dmitry', 'Peskov']
    """
    if p.run or p.head.upos != "NOUN":
        return
    first = next((k for k in p.t.children(p.head.id, "flat") if k.id == p.head.id + 1 and k.upos == "PROPN"), None)
    if first is None:
        return
    ids = [i for i in sorted(np_ids(p.t, first)) if i >= first.id]
    p.run = strip_demonyms(proper_run(p.t, ids, first, lex))


def role_before_name(p: Phrase, lex: Lexicon) -> None:
    """'Kremlin spokesman Dmitry Peskov': the name is the run, the role what precedes it.

    >>> from quotes.lexicons import load
    >>> t = Tree.of("spokesman Dmitry Peskov", [("spokesman", "NOUN", 3, "compound"),
    ...     ("Dmitry", "PROPN", 3, "compound"), ("Peskov", "PROPN", 0, "root")])
    >>> p = Phrase.of(t, t.w(3), "spokesman Dmitry Peskov"); name_run(p, load())
    >>> role_before_name(p, load()); p.name, p.role
    ('Dmitry Peskov', 'spokesman')
    """
    t, run = p.t, p.run
    p.name = " ".join(w.text for w in run) if run else None
    if run and run[0].start > p.start:
        words = [t.w(i) for i in p.ids if t.w(i).end <= run[0].start and t.w(i).upos not in ("DET", "PUNCT")]
        p.role = p.text[words[0].start:words[-1].end] if words else None


def apposition(p: Phrase, lex: Lexicon) -> None:
    """'one of Putin's top advisers, Yuri Ushakov': a nameless phrase is named by its proper
    apposition (the phrase becomes the role); a named one's apposition is its role.

    >>> from quotes.lexicons import load
    >>> text = "an adviser, Yuri Ushakov"
    >>> t = Tree.of(text, [("an", "DET", 2, "det"), ("adviser", "NOUN", 0, "root"), (",", "PUNCT", 4, "punct"),
    ...     ("Yuri", "PROPN", 2, "appos"), ("Ushakov", "PROPN", 4, "flat")])
    >>> p = Phrase.of(t, t.w(2), text); apposition(p, load()); p.name, p.role, p.mention
    ('Yuri Ushakov', 'an adviser', 'Yuri Ushakov')

    So is a phrase ending in the title that heads it ("NATO Secretary", its apposition "Jens
    Stoltenberg"; not "Rep. Jason Chaffetz (R-Utah)"):

    >>> text = "NATO Secretary Jens Stoltenberg"
    >>> t = Tree.of(text, [("NATO", "PROPN", 2, "compound"), ("Secretary", "PROPN", 0, "root"),
    ...     ("Jens", "PROPN", 2, "appos"), ("Stoltenberg", "PROPN", 3, "flat")])
    >>> p = Phrase.of(t, t.w(2), text); name_run(p, load()); apposition(p, load()); p.name, p.role, p.mention
    ('Jens Stoltenberg', 'NATO Secretary', 'Jens Stoltenberg')

    A hyphenated title the parse split keeps its whole text ("NATO Secretary-General"):

    >>> text = "NATO Secretary-General Jens Stoltenberg"
    >>> t = Tree.of(text, [("NATO", "PROPN", 2, "compound"), ("Secretary", "PROPN", 0, "root"),
    ...     ("-", "PUNCT", 5, "punct"), ("General", "ADJ", 5, "amod"), ("Jens", "PROPN", 2, "appos"),
    ...     ("Stoltenberg", "PROPN", 5, "flat")])
    >>> p = Phrase.of(t, t.w(2), text); name_run(p, load()); apposition(p, load()); p.role
    'NATO Secretary-General'
    """
    t = p.t
    appos = t.child(p.head.id, "appos")
    if appos is None:
        return
    a_ids = sorted(np_ids(t, appos))
    a_run = proper_run(t, a_ids, appos, lex)
    titled = (bool(p.run) and is_title(p.head.text, lex) and all(w.id <= p.head.id for w in p.run)
              and bool(a_run) and not is_title(a_run[-1].text, lex) and t.w(a_ids[0]).text != "(")
    if (not p.run or titled) and a_run and appos.upos == "PROPN":
        joined = re.match(r"(?:-[^\W\d_][\w.]*)+", p.text[p.end:a_run[0].start])  # "Secretary-General"
        p.name, p.role = " ".join(w.text for w in a_run), p.text[p.start:p.end + (joined.end() if joined else 0)]
        p.start, p.end = a_run[0].start, a_run[-1].end
        p.head = appos
        if titled:
            p.run = a_run
    elif p.run and p.role is None:
        role = p.text[t.w(a_ids[0]).start:t.w(a_ids[-1]).end].strip(" ,")
        p.role = role.strip("()") if role.count("(") != role.count(")") else role  # "(D-N.J.)" read as "D-N.J.)"


def kind(p: Phrase, lex: Lexicon) -> None:
    """The speaker kind: the first of the :data:`KIND_RULES` that gives one, else unknown."""
    found = rules.first_match(KIND_RULES, p, lex)
    p.kind = found[1] if found is not None else UNKNOWN


def canonical_name(p: Phrase, lex: Lexicon) -> None:
    """An outlet's or organisation's canonical name ("the Interfax news agency" -> "Interfax").

    >>> from quotes.lexicons import load
    >>> p = Phrase(None, "the Interfax news agency", None, [], 0, 24, kind=OUTLET)
    >>> canonical_name(p, load()); p.name
    'Interfax'
    """
    if p.kind == OUTLET:
        p.name = lex.outlet_name(p.mention) or lex.outlet_name(p.name or "") or p.name or p.mention
    elif p.kind == ORGANIZATION and p.name is None:
        p.name = lex.organization_name(p.mention) or None


#: How :func:`describe` reads a phrase, in order.
DESCRIBE_STEPS: tuple[Callable[[Phrase, Lexicon], None], ...] = (
    name_run, name_after_title_noun, modifier_run, outlet_before_speaker, outlet_cut_short, cut_name, role_before_name,
    title_cut_off, apposition, title_then_name, kind, canonical_name, bare_title)


def describe(t: Tree, head: Word, text: str, lex: Lexicon) -> NP:
    """Read the noun phrase headed by ``head``: mention, proper name, role and kind."""
    p = Phrase.of(t, head, text)
    lemma = head.lemma.lower()
    if head.upos == "PRON":
        feats = dict(f.split("=", 1) for f in head.feats.split("|") if "=" in f)
        gender = {"Fem": "f", "Masc": "m"}.get(feats.get("Gender", ""))
        return NP(p.mention, p.start, p.end, None, None, UNKNOWN, lemma, pronoun=True, gender=gender)
    det = t.child(head.id, "det")
    definite = det is not None and det.lemma.lower() in lex.words("definite_determiners")
    for step in DESCRIBE_STEPS:
        step(p, lex)
    return NP(p.mention, p.start, p.end, p.name, p.role, p.kind, lemma, definite=definite and not p.run,
              plural="Number=Plur" in head.feats)


# --- kind rules: what sort of source a phrase names ----------------------------------

def _titled(role: str | None, lex: Lexicon) -> bool:
    return bool(role) and any(fold(x) in lex.titles for x in role.split())


def outlet_named(p: Phrase, lex: Lexicon) -> str | None:
    """'the Interfax news agency', 'The Washington Post': an outlet's name, unless the name
    is another or a title makes it a person's role ("Washington Post editor Marty Baron").

    >>> from quotes.lexicons import load
    >>> outlet_named(Phrase(None, "The Washington Post", None, [], 0, 19, name="Washington Post"), load())
    'outlet'
    """
    alias = lex.outlet_words(p.mention)
    named = p.name is None or lex.outlet_name(p.name) or fold(p.name) in fold(alias or "")
    if alias and named and not _titled(p.role, lex):
        return OUTLET
    return None


def outlet_head(p: Phrase, lex: Lexicon) -> str | None:
    """'the newspaper', 'a news agency': an outlet's head noun (``outlet_heads.txt``).

    >>> from quotes.lexicons import load
    >>> t = Tree.of("the newspaper", [("the", "DET", 2, "det"), ("newspaper", "NOUN", 0, "root")])
    >>> outlet_head(Phrase.of(t, t.w(2), "the newspaper"), load())
    'outlet'
    """
    lemma = p.head.lemma.lower()
    lemmas = {p.t.w(i).lemma.lower() for i in p.ids}
    return OUTLET if lemma in lex.outlet_heads or (lemma == "agency" and "news" in lemmas) else None


def organization_named(p: Phrase, lex: Lexicon) -> str | None:
    """'NATO', 'the Pentagon': a short name that is an organisation's, all of the mention.

    >>> from quotes.lexicons import load
    >>> organization_named(Phrase(None, "NATO", None, [], 0, 4, name="NATO"), load())
    'organization'
    """
    if not p.name:
        return None
    org = lex.organization_name(p.name)
    if org and org == lex.organization_name(p.mention) and len(p.name.split()) <= 3 and fold(p.name) == fold(org):
        return ORGANIZATION
    return None


def named_org_head(p: Phrase, lex: Lexicon) -> str | None:
    """'the Trump campaign', 'Kremlin officials' office': a named phrase whose common head is an
    organisation's (``org_heads.txt``).

    >>> from quotes.lexicons import load
    >>> t = Tree.of("the Trump campaign", [("the", "DET", 3, "det"), ("Trump", "PROPN", 3, "compound"),
    ...     ("campaign", "NOUN", 0, "root")])
    >>> p = Phrase.of(t, t.w(3), "the Trump campaign"); p.name = "Trump"
    >>> named_org_head(p, load())
    'organization'
    """
    if p.name and p.head.lemma.lower() in lex.org_heads and p.head.upos != "PROPN":
        return ORGANIZATION
    return None


def organization_entity(p: Phrase, lex: Lexicon) -> str | None:
    """A name the tagger calls an organisation and the lexicon knows, with no role.

    >>> from quotes.lexicons import load
    >>> from quotes.types import Word
    >>> w = Word(3, "Service", 16, 23, "Service", "PROPN", ner="E-ORG")
    >>> organization_entity(Phrase(None, "Kremlin Press Service", w, [1, 2, 3], 0, 21,
    ...                            name="Kremlin Press Service"), load())
    'organization'
    """
    if p.name and p.head.ner.endswith("ORG") and not p.role and lex.organization_name(p.name):
        return ORGANIZATION
    return None


def person_named(p: Phrase, lex: Lexicon) -> str | None:
    """A proper-noun head or a name with a role is a person, unless the tagger calls a
    one-word name with no role an organisation.

    >>> from quotes.lexicons import load
    >>> from quotes.types import Word
    >>> w = Word(1, "Peskov", 0, 6, "peskov", "PROPN")
    >>> person_named(Phrase(None, "Peskov", w, [1], 0, 6, name="Peskov"), load())
    'person'
    """
    if not p.name or not (p.head.upos == "PROPN" or p.role):
        return None
    if p.head.ner.endswith("ORG") and len(p.name.split()) == 1 and not p.role:
        return ORGANIZATION
    return PERSON


def org_head(p: Phrase, lex: Lexicon) -> str | None:
    """'the ministry', 'the campaign': an organisation's head noun.

    >>> from quotes.lexicons import load
    >>> t = Tree.of("the ministry", [("the", "DET", 2, "det"), ("ministry", "NOUN", 0, "root")])
    >>> org_head(Phrase.of(t, t.w(2), "the ministry"), load())
    'organization'
    """
    return ORGANIZATION if p.head.lemma.lower() in lex.org_heads else None


def document(p: Phrase, lex: Lexicon) -> str | None:
    """'the report', 'his statement': a document noun with "the" or an owner is a document;
    "a report" an anonymous source.

    >>> from quotes.lexicons import load
    >>> t = Tree.of("the report", [("the", "DET", 2, "det"), ("report", "NOUN", 0, "root")])
    >>> document(Phrase.of(t, t.w(2), "the report"), load())
    'document'
    """
    lemma = p.head.lemma.lower()
    if lemma not in lex.nouns or lex.nouns[lemma] != "document":
        return None
    det = p.t.child(p.head.id, "det")
    poss = p.t.child(p.head.id, "nmod:poss") or p.t.child(p.head.id, "nmod")
    return DOCUMENT if poss is not None or (det is not None and det.lemma.lower() == "the") else ANONYMOUS


def anonymous_head(p: Phrase, lex: Lexicon) -> str | None:
    """'officials', 'a spokesman': a head that names no one in particular, or a title.

    >>> from quotes.lexicons import load
    >>> t = Tree.of("officials", [("officials", "NOUN", 0, "root")])
    >>> anonymous_head(Phrase(t, "officials", Word(1, "officials", 0, 9, "official", "NOUN"), [1], 0, 9), load())
    'anonymous'
    """
    lemma = p.head.lemma.lower()
    return ANONYMOUS if lemma in lex.anonymous_heads or lemma in lex.titles else None


def organization_mentioned(p: Phrase, lex: Lexicon) -> str | None:
    """A phrase that mentions an organisation's name anywhere ("the US State Department's").

    >>> from quotes.lexicons import load
    >>> t = Tree.of("NATO", [("NATO", "NOUN", 0, "root")])
    >>> organization_mentioned(Phrase.of(t, t.w(1), "NATO"), load())
    'organization'
    """
    return ORGANIZATION if lex.organization_name(p.mention) else None


#: What sort of source a phrase names, in order: the first rule that answers wins.
KIND_RULES: tuple[Callable[[Phrase, Lexicon], str | None], ...] = (
    outlet_named, outlet_head, outlet_name_word, organization_named, named_org_head, organization_entity, acronym,
    org_name_word, person_named, org_head, document, anonymous_head, organization_mentioned)
