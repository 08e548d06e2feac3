"""Who is speaking: noun phrases to canonical speakers, resolved within the article.

:func:`describe` reads one noun phrase off the parse (name, role, kind); a
:class:`Resolver` walks the article in order and turns "he", "the spokesman" and
"Peskov" into the right earlier full name ("Dmitry Peskov").

>>> r = Resolver()
>>> r.register("Dmitry Peskov", "Kremlin spokesman", PERSON)
>>> r.full_name("Peskov")
'Dmitry Peskov'
>>> r.by_role("spokesman")
'Dmitry Peskov'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.lexicons import Lexicon, fold
from quotes.types import (ANONYMOUS, DOCUMENT, ORGANIZATION, OUTLET, PERSON, UNKNOWN, ParsedDoc, Speaker,
                     Word)
from quotes.extractors.tree import Tree

NP_DROP = ("acl", "appos", "parataxis", "conj", "cc", "advcl", "ccomp", "punct", "dep", "list")
PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_GROUP = {"they", "it", "we"}
INDEFINITE = {"a", "an", "some", "several", "many", "two", "three", "other", "another", "one", "few",
              "various", "multiple", "unnamed", "anonymous", "numerous"}
CAPS_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|bin|al|ibn|da|del|la|le))*"
                      r"\s+[A-Z][\w'’-]+")


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


class Resolver:
    """Article-local memory of who was mentioned and who spoke, for coreference."""

    def __init__(self) -> None:
        self.people: list[tuple[str, str | None]] = []   # (full name, role), in order of mention
        self.positions: list[int] = []                    # where each was mentioned
        self.speakers: list[Speaker] = []

    def register(self, name: str, role: str | None, kind: str, at: int = -1) -> None:
        if kind != PERSON or not name:
            return
        full = self.full_name(name)
        if len(full.split()) < len(name.split()):
            full = name
        self.people.append((full, role))
        self.positions.append(at)

    def person_before(self, offset: int | None) -> tuple[str, str | None] | None:
        """The last person mentioned before ``offset`` (for "he" with no earlier speaker)."""
        best = None
        for (full, role), at in zip(self.people, self.positions):
            if offset is None or 0 <= at < offset:
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

    def last_speaker(self, kinds=(PERSON,)) -> Speaker | None:
        for s in reversed(self.speakers):
            if s.kind in kinds:
                return s
        return None


def _np_ids(t: Tree, head: Word) -> set[int]:
    keep = {head.id}
    stack = [head.id]
    while stack:
        i = stack.pop()
        for k in t.children(i):
            if k.deprel.split(":")[0] in NP_DROP and not (k.deprel == "punct" and i != head.id):
                continue
            if k.id not in keep:
                keep.add(k.id)
                stack.append(k.id)
    return keep


def _proper_run(t: Tree, ids: list[int], head: Word, lex: Lexicon) -> list[Word]:
    """The run of proper nouns naming the phrase (titles stripped)."""
    words = [t.w(i) for i in ids]
    runs: list[list[Word]] = []
    for w in words:
        proper = w.upos == "PROPN" or (w.text[:1].isupper() and w.upos in ("NOUN", "X") and w.deprel
                                       in ("flat", "compound") and w.head and t.w(w.head).upos == "PROPN")
        # a title word after a given name is a surname ("Charlie King"), before it a title
        named = bool(runs) and runs[-1][-1].id == w.id - 1
        if proper and (named and w.text[:1].isupper() or not _is_title(w.text, lex)):
            if named:
                runs[-1].append(w)
            else:
                runs.append([w])
    if not runs:
        return []
    pick = next((r for r in runs if head in r), runs[-1])
    while len(pick) > 1 and pick[0].text.lower() in _LEADING_FUNCTION_WORDS:
        pick = pick[1:]  # "Meanwhile Trump said": a capitalised sentence opener
    # "Secretary of State Antony Blinken": the run after "<title> of" starts with the title's object
    if len(pick) >= 3 and pick[0].id >= 3 and t.w(pick[0].id - 1).text.lower() == "of" and \
            fold(t.w(pick[0].id - 2).text) in lex.titles:
        pick = pick[1:]
    return pick


_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|ic|an|i)$")


def _strip_demonyms(run: list[Word]) -> list[Word]:
    """'Russian Vladimir Putin' -> 'Vladimir Putin' (a nationality tagged as a proper noun)."""
    while len(run) >= 3 and _DEMONYM.match(run[0].text):
        run = run[1:]
    return run


def describe(t: Tree, head: Word, text: str, lex: Lexicon) -> NP:
    """Read the noun phrase headed by ``head``: mention, proper name, role and kind."""
    ids = sorted(_np_ids(t, head))
    # "since Putin", "in Turkey", "according to a report": a leading preposition is not the source
    while len(ids) > 1 and t.w(ids[0]).deprel in ("case", "mark", "cc", "advmod") and t.w(ids[0]).head == head.id:
        ids.pop(0)
    ids = [i for i in ids if not (t.w(i).upos == "PUNCT" and (i == ids[0] or i == ids[-1]))] or [head.id]
    start, end = t.w(ids[0]).start, t.w(ids[-1]).end
    mention = text[start:end]
    lemma = head.lemma.lower()
    det = t.child(head.id, "det")
    definite = det is not None and det.lemma.lower() in ("the", "this", "that")
    if head.upos == "PRON":
        return NP(mention, start, end, None, None, UNKNOWN, lemma, pronoun=True)
    run = _proper_run(t, ids, head, lex)
    if run and head not in run and head.upos == "NOUN":
        # the head is a common noun ("Kremlin spokesman", "a source in Turkey"): the proper
        # noun only modifies it, so the phrase names a role, not that entity
        run = []
    run = _strip_demonyms(run)
    for k in range(len(run) - 1, 0, -1):
        if head in run[k:] and lex.is_outlet(" ".join(w.text for w in run[:k])):
            # "the Washington Post Trump said" parsed as one name: the outlet ends before the speaker
            ids = [i for i in ids if t.w(i).start >= run[k].start]
            run = run[k:]
            start = t.w(ids[0]).start
            mention = text[start:end]
            break
    name = " ".join(w.text for w in run) if run else None
    if run and run[0].start > start:
        # "Kremlin spokesman Dmitry Peskov": role = what precedes the name
        role_words = [t.w(i) for i in ids if t.w(i).end <= run[0].start and t.w(i).upos not in ("DET", "PUNCT")]
        role = text[role_words[0].start:role_words[-1].end] if role_words else None
    else:
        role = None
    appos = t.child(head.id, "appos")
    if appos is not None:
        a_ids = sorted(_np_ids(t, appos))
        a_text = text[t.w(a_ids[0]).start:t.w(a_ids[-1]).end].strip(" ,")
        a_run = _proper_run(t, a_ids, appos, lex)
        if not run and a_run and appos.upos == "PROPN":
            # "one of Putin's top advisers, Yuri Ushakov"
            name, role = " ".join(w.text for w in a_run), mention
            start, end = a_run[0].start, a_run[-1].end
            mention = text[start:end]
            head = appos
        elif run and role is None:
            role = a_text
    kind = _kind(t, head, ids, mention, name, role, lex)
    if kind == OUTLET:
        name = lex.outlet_name(mention) or lex.outlet_name(name or "") or name or mention
    elif kind == ORGANIZATION and name is None:
        name = lex.organization_name(mention) or None
    return NP(mention, start, end, name, role, kind, lemma, definite=definite and not run)


def _kind(t: Tree, head: Word, ids: list[int], mention: str, name: str | None, role: str | None,
          lex: Lexicon) -> str:
    lemma = head.lemma.lower()
    if lex.outlet_name(mention) and (name is None or lex.outlet_name(name)):
        if not (role and any(fold(x) in lex.titles for x in role.split())):
            return OUTLET
    words = [t.w(i) for i in ids]
    lemmas = {w.lemma.lower() for w in words}
    if lemma in lex.outlet_heads or (lemma == "agency" and "news" in lemmas):
        return OUTLET
    if name:
        if lex.organization_name(name) and lex.organization_name(name) == lex.organization_name(mention) and \
                len(name.split()) <= 3 and fold(name) in {fold(k) for k in (lex.organization_name(name),)}:
            return ORGANIZATION
        if lemma in lex.org_heads and head.upos != "PROPN":
            return ORGANIZATION
        if head.ner.endswith("ORG") and not role and lex.organization_name(name):
            return ORGANIZATION
        if head.upos == "PROPN" or role:
            if head.ner.endswith("ORG") and len(name.split()) == 1 and not role:
                return ORGANIZATION
            return PERSON
    if lemma in lex.org_heads:
        return ORGANIZATION
    if lemma in lex.nouns and lex.nouns[lemma] == "document":
        det = t.child(head.id, "det")
        poss = t.child(head.id, "nmod:poss") or t.child(head.id, "nmod")
        if poss is not None or (det is not None and det.lemma.lower() == "the"):
            return DOCUMENT
        return ANONYMOUS
    if lemma in lex.anonymous_heads or lemma in lex.titles:
        return ANONYMOUS
    if lex.organization_name(mention):
        return ORGANIZATION
    return UNKNOWN


def _clean(tokens: list[str], lex: Lexicon) -> str:
    """A name without titles or a leading nationality: 'Russian President Vladimir Putin' ->
    'Vladimir Putin'."""
    toks = [x for x in tokens if not _is_title(x, lex)]
    while toks and toks[0].lower() in _LEADING_FUNCTION_WORDS:
        toks = toks[1:]  # "For Obama, ...", "That Trump ...": a sentence's first word, capitalised
    while len(toks) >= 3 and _DEMONYM.match(toks[0]):
        toks = toks[1:]
    return " ".join(toks)


#: Capitalised sentence-initial words that are never part of a name.
_LEADING_FUNCTION_WORDS = frozenset({"for", "as", "at", "in", "on", "with", "by", "from", "to", "that", "this",
                                     "but", "and", "so", "if", "when", "while", "after", "before", "since",
                                     "although", "because", "like", "unlike", "even", "meanwhile", "also",
                                     "now", "then", "still", "yet", "however", "here", "there", "why", "how",
                                     "what", "where", "everything", "only"})


def _is_title(word: str, lex: Lexicon) -> bool:
    return fold(word).rstrip(".") in lex.titles or fold(word) in lex.titles


def _title_case(s) -> bool:
    """A headline in title case: most of its longer words capitalised."""
    words = [w.text for w in s.words if w.text[:1].isalpha() and len(w.text) > 3]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


def registry_from_doc(doc: ParsedDoc, lex: Lexicon) -> list[tuple[int, str]]:
    """Full names (two or more capitalised words) mentioned anywhere, with their offsets, in
    order: person entities of parsed sentences, capitalised runs inside the others (not a
    whole line, which is a headline or navigation)."""
    names: list[tuple[int, str]] = []
    for e in doc.entities:
        if e.type == "PERSON" and len(e.text.split()) >= 2:
            names.append((e.start, _clean(e.text.split(), lex)))
    for s in doc.sentences:  # proper-noun runs of the parsed sentences: "Yuri Ushakov"
        if not s.parsed or _title_case(s):
            continue  # "Gold Star Mom Corners Obama": a headline's capitals name nobody
        run: list[Word] = []
        for w in s.words + [Word(0, "", 0, 0)]:
            if w.upos == "PROPN" and w.text[:1].isupper():
                run.append(w)
                continue
            toks = [x.text for x in run]
            name = _clean(toks, lex)
            if len(name.split()) >= 2 and not lex.outlet_name(name) and not lex.organization_name(name) \
                    and not any(fold(x) in lex.org_heads for x in name.split()):
                names.append((run[0].start, name))
            run = []
    for s in doc.sentences:
        if s.parsed:
            continue
        seg = doc.text[s.start:s.end]
        if len(s.words) < 6 or _title_case(s):
            continue
        for m in CAPS_RUN.finditer(seg):
            name = _clean(m.group(0).split(), lex)
            if len(name.split()) >= 2 and not lex.outlet_name(m.group(0)) and not lex.organization_name(m.group(0)):
                names.append((s.start + m.start(), name))
    names.sort()
    return names


def resolve(np: NP, resolver: Resolver, lex: Lexicon) -> Speaker:
    """Turn a noun phrase into a :class:`Speaker`, using and updating the article's memory."""
    if np.pronoun:
        if np.head in PRONOUNS_PERSON:
            prev = resolver.last_speaker((PERSON,))
            before = resolver.person_before(np.start) if prev is None else None
            if before is not None:
                return Speaker(before[0], np.mention, PERSON, before[1], np.start, np.end)
        elif np.head in PRONOUNS_GROUP:
            prev = resolver.last_speaker((ORGANIZATION, OUTLET) if np.head == "it" else
                                         (ORGANIZATION, OUTLET, PERSON, ANONYMOUS))
        else:
            prev = None
        if prev is not None:
            return Speaker(prev.name, np.mention, prev.kind, prev.role, np.start, np.end)
        return Speaker(np.mention, np.mention, UNKNOWN, None, np.start, np.end)
    if np.kind == PERSON and np.name:
        full = resolver.full_name(np.name)
        role = np.role
        if role is None:
            for n, r in reversed(resolver.people):
                if n == full and r:
                    role = r
                    break
        resolver.register(full, role, PERSON, np.start)
        return Speaker(full, np.mention, PERSON, role, np.start, np.end)
    if np.definite and np.kind in (ANONYMOUS, UNKNOWN) and (np.head in lex.titles or np.head in
                                                             ("official", "leader")):
        # "the spokesman", "the Kremlin official": an earlier person with that role, else the last one
        full = resolver.by_role(np.head)
        prev = resolver.last_speaker((PERSON,))
        if full is None and prev is not None:
            full = prev.name
        if full is not None:
            role = next((r for n, r in reversed(resolver.people) if n == full), None)
            return Speaker(full, np.mention, PERSON, role or np.mention, np.start, np.end)
    if np.kind == DOCUMENT and np.definite:
        prev = resolver.last_speaker((DOCUMENT, ANONYMOUS))
        if prev is not None and fold(prev.name).split()[-1:] == [np.head] + []:
            return Speaker(prev.name, np.mention, prev.kind, prev.role, np.start, np.end)
    name = np.name or np.mention
    if np.kind == OUTLET:
        name = lex.outlet_name(np.mention) or name
    return Speaker(name, np.mention, np.kind, np.role, np.start, np.end)
