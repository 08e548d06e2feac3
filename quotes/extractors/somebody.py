"""Speakers that are somebody: a person, an organisation, an outlet, a document or an
anonymous source, never an adverb, a place standing alone, a bare title or a fragment of a
question.

:func:`not_somebody` says why a speaker's name names nobody (the audit of
``scripts/speaker_audit.py`` counts them over an extraction); the describe steps below run
inside :func:`quotes.extractors.phrases.describe` and keep such names from being made: a
name the parse cut short is made whole ("the Supreme Court", not "Court"), a name in a
prepositional modifier is not the phrase's ("Senator from Texas", not "Texas"), a title
followed by a name is that name's ("Attorney General Eric Schneiderman"), a bare title is
an anonymous source ("a judge").

>>> from quotes.lexicons import load
>>> [not_somebody(n, load()) for n in ("allegedly", "Tampa", "General", "Did Maria Lopez", "Tass")]
['adverb', 'place', 'title', 'question', None]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotes.lexicons import Lexicon, fold
from quotes.extractors.names import after_title_object, is_honorific, is_title

if TYPE_CHECKING:  # (phrases imports this module for its describe steps)
    from quotes.extractors.phrases import Phrase
    from quotes.extractors.tree import Tree

#: An acronym: two or more capitals, maybe with dots ("NAACP", "S.E.C.").
ACRONYM = re.compile(r"(?:[A-Z]\.?){2,}\Z")
_ARTICLES = ("a", "an", "the")


def not_somebody(name: str, lex: Lexicon) -> str | None:
    """Why a speaker's ``name`` names nobody: ``adverb`` ("allegedly"), ``place`` (a place
    standing alone), ``title`` (a bare title, "General", "Mr"), ``question`` (a question's
    auxiliary kept in the name, "Did Maria Lopez"); None for a name that is somebody's.

    >>> from quotes.lexicons import load
    >>> not_somebody("a spokeswoman", load()), not_somebody("government of Russia", load())
    (None, None)
    >>> not_somebody("Mr. King", load()), not_somebody("Attorney General", load())
    (None, 'title')
    """
    words = name.split()
    if not words:
        return None
    if len(words) == 1 and (fold(name) in lex.hedges or (name.lower().endswith("ly") and
                                                         fold(name) not in lex.first_names)):
        return "adverb"
    if lex.is_place(name):
        return "place"
    if all(is_title(w, lex) for w in words) and (len(words) == 1 or not is_honorific(words[0], lex)):
        return "title"  # ("Mr. King" is a name: an honorific before a surname that is also a title)
    if len(words) > 1 and words[0].lower() in lex.words("question_auxiliaries") and words[1][:1].isupper():
        return "question"
    return None


def _following_name(p: Phrase, lex: Lexicon) -> list:
    """The proper nouns right after the phrase's last word, titles skipped ("Attorney General
    | Eric Schneiderman")."""
    t, k = p.t, max(p.ids) + 1
    run = []
    while k <= len(t.words) and t.w(k).upos == "PROPN" and t.w(k).text[:1].isupper():
        if not (is_title(t.w(k).text, lex) and not run):
            run.append(t.w(k))
        elif run:
            break
        k += 1
    return run


def modifier_run(p: Phrase, lex: Lexicon) -> None:
    """A name inside a prepositional modifier of a common or title head is not the phrase's
    ("Senator from Texas": the senator, not Texas).

    >>> from quotes.lexicons import load
    >>> from quotes.extractors.phrases import Phrase, name_run
    >>> from quotes.extractors.tree import Tree
    >>> text = "Senator from Texas"
    >>> t = Tree.of(text, [("Senator", "PROPN", 0, "root"), ("from", "ADP", 3, "case"), ("Texas", "PROPN", 1, "nmod")])
    >>> p = Phrase.of(t, t.w(1), text); name_run(p, load()); modifier_run(p, load()); p.run
    []
    >>> text = "Secretary of State Antony Blinken"
    >>> t = Tree.of(text, [("Secretary", "PROPN", 0, "root"), ("of", "ADP", 4, "case"),
    ...     ("State", "PROPN", 4, "nmod:desc"), ("Antony", "PROPN", 1, "nmod"), ("Blinken", "PROPN", 4, "flat")])
    >>> p = Phrase.of(t, t.w(1), text); name_run(p, load()); modifier_run(p, load()); [w.text for w in p.run]
    ['Antony', 'Blinken']
    """
    run = p.run
    if not run or p.head in run:
        return
    if run[0].id > 1:
        with_object = [p.t.w(run[0].id - 1), *run]
        if len(after_title_object(p.t.words, with_object, lex)) < len(with_object):
            return  # "Secretary of State Antony Blinken": the title's object, then the name
    top = next((w for w in run if w.head not in {x.id for x in run}), run[-1])
    if any(k.upos == "ADP" for k in p.t.children(top.id, "case")):
        p.run = []


def cut_name(p: Phrase, lex: Lexicon) -> None:
    """A one-word name that heads an organisation's or outlet's name the parse cut short is
    the whole name: "the Supreme Court" (not "Court"), "The Republican National Committee",
    "the Federal Bureau of Prisons".

    >>> from quotes.lexicons import load
    >>> from quotes.extractors.phrases import Phrase, name_run
    >>> from quotes.extractors.tree import Tree
    >>> text = "the Supreme Court"
    >>> t = Tree.of(text, [("the", "DET", 3, "det"), ("Supreme", "ADJ", 3, "amod"), ("Court", "PROPN", 0, "root")])
    >>> p = Phrase.of(t, t.w(3), text); name_run(p, load()); cut_name(p, load()); [w.text for w in p.run]
    ['Supreme', 'Court']
    """
    if len(p.run) != 1 or p.run[0] is not p.head or p.head.upos != "PROPN":
        return
    word = fold(p.head.text)
    if word not in lex.org_heads and word not in lex.words("outlet_name_words"):
        return
    t, ids = p.t, [i for i in p.ids if i < p.head.id]
    before = []
    for i in reversed(ids):
        w = t.w(i)
        if not w.text[:1].isupper() or is_title(w.text, lex) or w.upos in ("DET", "PUNCT", "NUM"):
            break
        before.insert(0, w)
    if before and fold(before[0].text) not in lex.first_names:
        p.run = before + p.run
    after = [t.w(i) for i in p.ids if i > p.head.id]
    if len(after) >= 2 and after[0].text in ("of", "on", "for") and all(w.text[:1].isupper() for w in after[1:]):
        p.run = p.run + after  # "the Federal Bureau of Prisons", "the Commission on Presidential Debates"


def title_then_name(p: Phrase, lex: Lexicon) -> None:
    """A title heading a nameless phrase, followed by a name the parse hung elsewhere, is
    that name's ("Attorney General Eric Schneiderman isn't saying").

    >>> from quotes.lexicons import load
    >>> from quotes.extractors.phrases import Phrase
    >>> from quotes.extractors.tree import Tree
    >>> text = "Attorney General Eric Schneiderman said"
    >>> t = Tree.of(text, [("Attorney", "PROPN", 2, "compound"), ("General", "PROPN", 5, "nsubj"),
    ...     ("Eric", "PROPN", 4, "compound"), ("Schneiderman", "PROPN", 5, "obl"), ("said", "VERB", 0, "root")])
    >>> p = Phrase.of(t, t.w(2), text); title_then_name(p, load()); p.name, p.role, p.mention
    ('Eric Schneiderman', 'Attorney General', 'Attorney General Eric Schneiderman')
    """
    if p.name or not is_title(p.head.text, lex) or not p.head.text[:1].isupper():
        return
    run = _following_name(p, lex)
    if not run:
        return
    p.role = p.mention
    p.run = run
    p.name = " ".join(w.text for w in run)
    p.end = run[-1].end
    p.ids = sorted(set(p.ids) | {w.id for w in run})
    p.head = run[-1]


def title_cut_off(p: Phrase, lex: Lexicon) -> None:
    """A named person's title the parse left outside the phrase: the capitalised words right
    before it that hold a title, joined by "of" or a glued hyphen, with the proper nouns
    before the title, are the role ("US Secretary of State Antony Blinken" parsed as "State
    Antony Blinken"; "NATO Secretary-General Jens Stoltenberg" as "General Jens Stoltenberg").

    >>> from quotes.lexicons import load
    >>> from quotes.extractors.phrases import Phrase, name_run, role_before_name
    >>> from quotes.extractors.tree import Tree
    >>> text = "and US Secretary of State Antony Blinken"
    >>> t = Tree.of(text, [("and", "CCONJ", 3, "cc"), ("US", "PROPN", 3, "compound"), ("Secretary", "PROPN", 0, "root"),
    ...     ("of", "ADP", 7, "case"), ("State", "PROPN", 6, "compound"), ("Antony", "PROPN", 3, "nmod"),
    ...     ("Blinken", "PROPN", 6, "flat")])
    >>> p = Phrase.of(t, t.w(6), text); name_run(p, load()); role_before_name(p, load())
    >>> title_cut_off(p, load()); p.name, p.role, p.mention
    ('Antony Blinken', 'US Secretary of State', 'US Secretary of State Antony Blinken')
    """
    if not p.run or not p.name:
        return
    t, first = p.t, min(p.ids)
    taken: list[int] = []
    for i in range(first - 1, 0, -1):
        if not _title_part(t, i, lex):
            break
        taken.insert(0, i)
    while taken and not is_title(t.w(taken[0]).text, lex) and t.w(taken[0]).upos != "PROPN":
        taken.pop(0)  # a leading "of" or hyphen
    if not taken or not any(is_title(t.w(i).text, lex) for i in taken):
        return
    p.start = t.w(taken[0]).start
    p.ids = sorted(set(p.ids) | set(taken))
    p.role = p.text[p.start:p.run[0].start].strip() or p.role


def _title_part(t: Tree, i: int, lex: Lexicon) -> bool:
    """Word ``i`` can be part of a title phrase: a capitalised title or proper noun, "of",
    or a hyphen glued to the words on both sides ("Secretary-General")."""
    w = t.w(i)
    if w.text == "of":
        return True
    if w.text == "-":
        return 1 < i < len(t.words) and t.w(i - 1).end == w.start and w.end == t.w(i + 1).start
    return w.text[:1].isupper() and (is_title(w.text, lex) or w.upos == "PROPN")


def bare_title(p: Phrase, lex: Lexicon) -> None:
    """A phrase that is one title, without a determiner or a name, is an anonymous source
    named as such: "Judge rejects ..." -> "a judge".

    >>> from quotes.lexicons import load
    >>> from quotes.extractors.phrases import Phrase
    >>> from quotes.extractors.tree import Tree
    >>> t = Tree.of("Judge", [("Judge", "NOUN", 0, "root")])
    >>> p = Phrase.of(t, t.w(1), "Judge"); bare_title(p, load()); p.name
    'a judge'
    """
    words = p.mention.split()
    if p.name and not all(is_title(w, lex) for w in p.name.split()):
        return
    if not words or words[0].lower() in _ARTICLES or not all(is_title(w, lex) for w in words) \
            or is_honorific(words[0], lex):
        return  # ("Mr." alone names nobody, not even "a mr")
    title = p.mention.lower().rstrip(".")
    p.name = ("an " if title[:1] in "aeiou" else "a ") + title
    p.run = []


def outlet_name_word(p: Phrase, lex: Lexicon) -> str | None:
    """A name that ends in a word outlets' names end in, after a number or another capitalised
    word, is an outlet: "10 News", "the Tampa Bay Times", "The Jewish Telegraphic Agency"
    (``outlet_name_words`` of ``word_lists.tsv``); the name is the mention's.

    >>> from quotes.lexicons import load
    >>> from quotes.extractors.phrases import Phrase, name_run
    >>> from quotes.extractors.tree import Tree
    >>> t = Tree.of("10 News", [("10", "NUM", 2, "nummod"), ("News", "PROPN", 0, "root")])
    >>> p = Phrase.of(t, t.w(2), "10 News"); name_run(p, load()); outlet_name_word(p, load()), p.name
    ('outlet', '10 News')
    """
    from quotes.types import OUTLET
    words = p.mention.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2 or p.head.ner.endswith("PER") or (p.role and not p.role.isdigit()):
        return None
    last = fold(words[-1]).rstrip(".,")
    heads = {fold(p.head.text)} | ({fold(p.run[-1].text)} if p.run else set())
    if last not in lex.words("outlet_name_words") or last not in heads:
        return None
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words) or fold(words[0]) in lex.first_names:
        return None
    p.name, p.role = " ".join(words), None
    return OUTLET


def org_name_word(p: Phrase, lex: Lexicon) -> str | None:
    """A proper name whose last word is an organisation's head ("Supreme Court", "Republican
    National Committee", "Harvard University") is an organisation, unless it starts with a
    first name ("John House").

    >>> from quotes.lexicons import load
    >>> from quotes.types import Word
    >>> from quotes.extractors.phrases import Phrase
    >>> w = Word(2, "Court", 4, 9, "Court", "PROPN")
    >>> org_name_word(Phrase(None, "the Supreme Court", w, [1, 2], 0, 17, name="Supreme Court"), load())
    'organization'
    """
    from quotes.types import ORGANIZATION
    if not p.name or p.head.upos != "PROPN" or p.head.ner.endswith("PER"):
        return None
    words = fold(p.name).split()
    if any(w in lex.org_heads for w in words) and words[0] not in lex.first_names and not p.role:
        return ORGANIZATION
    return None


def acronym(p: Phrase, lex: Lexicon) -> str | None:
    """A one-word name in capitals ("NAACP", "S.E.C.") that no tagger calls a person is an
    organisation (an outlet when the lexicon says so, an earlier rule).

    >>> from quotes.lexicons import load
    >>> from quotes.types import Word
    >>> w = Word(1, "NAACP", 0, 5, "NAACP", "PROPN")
    >>> from quotes.extractors.phrases import Phrase
    >>> acronym(Phrase(None, "NAACP", w, [1], 0, 5, name="NAACP"), load())
    'organization'
    """
    from quotes.types import ORGANIZATION
    if not p.name or not ACRONYM.match(p.name) or p.head.ner.endswith("PER") or p.role:
        return None
    if p.t is not None and (p.head.deprel in ("flat", "compound") or p.t.children(p.head.id, "flat")):
        return None  # initials of a name: "Rep. G.K. Butterfield"
    return ORGANIZATION


def _name_at(t, w) -> str:
    """The proper name headed by ``w``: its compound and flat proper nouns with it."""
    ids = [k.id for k in t.children(w.id, "compound", "flat") if k.upos == "PROPN"] + [w.id]
    return " ".join(t.w(i).text for i in sorted(ids))


def _outlet_use(t, w) -> bool:
    """Whether proper noun ``w`` is used as outlets are: told to ("told TMZ"), reporting
    ("TMZ reported"), or a source "according to" ("according to Snopes")."""
    h = t.w(w.head) if w.head else None
    rel = w.deprel.split(":")[0]
    if h is not None and h.lemma.lower() == "tell" and rel in ("obj", "iobj"):
        return True
    if h is not None and h.lemma.lower() == "report" and w.deprel == "nsubj":
        return True
    return any(k.lemma.lower() == "according" for k in t.children(w.id, "case"))


def outlets_by_use(trees, lex: Lexicon, is_person) -> set[str]:
    """Folded names used as outlets are ("told TMZ", "TMZ reported", "according to Snopes")
    that are no person's (``is_person(name)``, nor a first name), organisation's or place's:
    an article's own outlets that the lexicon does not know. A name in capitals needs one
    such use, any other two ("told Obama" once is no outlet).

    >>> from quotes.lexicons import load
    >>> from quotes.extractors.tree import Tree
    >>> t = Tree.of("Kemper told WKRN that", [("Kemper", "PROPN", 2, "nsubj"), ("told", "VERB", 0, "root", "tell"),
    ...     ("WKRN", "PROPN", 2, "iobj"), ("that", "PRON", 2, "obj")])
    >>> outlets_by_use([t], load(), lambda name: name == "Kemper")
    {'wkrn'}
    """
    uses: dict[str, int] = {}
    for t in trees:
        for w in t.words:
            if w.upos != "PROPN" or not w.text[:1].isupper() or w.deprel in ("compound", "flat"):
                continue
            if not _outlet_use(t, w):
                continue
            name = _name_at(t, w)
            if is_person(name) or fold(name.split()[0]) in lex.first_names or lex.organization_name(name) \
                    or lex.is_place(name) or any(is_title(x, lex) for x in name.split()):
                continue
            uses[name] = uses.get(name, 0) + 1
    return {fold(n) for n, k in uses.items() if k >= 2 or ACRONYM.match(n)}


def audit(records, lex: Lexicon) -> list[tuple[str, object]]:
    """``(reason, name, record)`` for every record (an :class:`~quotes.types.Attribution`) whose
    speaker, or a link of whose chain, names nobody (:func:`not_somebody`).

    >>> from quotes.lexicons import load
    >>> from quotes.types import Attribution, Speaker
    >>> a = Attribution("d", "indirect", "x y", 0, 3, "said", "asserts", Speaker("Tampa", "Tampa"))
    >>> [(reason, name) for reason, name, _ in audit([a], load())]
    [('place', 'Tampa')]
    """
    out = []
    for r in records:
        for name in [r.speaker.name] + [c.name for c in r.chain]:
            reason = not_somebody(name, lex)
            if reason is not None:
                out.append((reason, name, r))
                break
    return out
