"""Proper names in noun phrases: the words of a phrase, its run of proper nouns, clean names.

>>> from quotes.lexicons import load
>>> clean_name("Russian President Vladimir Putin".split(), load())
'Vladimir Putin'
"""

from __future__ import annotations

import re

from quotes.lexicons import Lexicon, fold
from quotes.types import Word
from quotes.extractors.tree import Tree

#: Dependents that are not part of a noun phrase's mention ("Peskov, who ...", "Peskov and Putin").
NP_DROP = ("acl", "appos", "parataxis", "conj", "cc", "advcl", "ccomp", "punct", "dep", "list")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|ic|an|i)$")


def np_ids(t: Tree, head: Word) -> set[int]:
    """The word ids of the noun phrase headed by ``head`` (clauses, appositions, conjuncts
    and the punctuation of its dependents left out).

    >>> t = Tree.of("Peskov , who left", [("Peskov", "PROPN", 0, "root"), (",", "PUNCT", 4, "punct"),
    ...     ("who", "PRON", 4, "nsubj"), ("left", "VERB", 1, "acl:relcl")])
    >>> sorted(np_ids(t, t.w(1)))
    [1]

    A modifier of the head set off by a comma is left out too:

    >>> t = Tree.of("Foundation , more than what", [("Foundation", "NOUN", 0, "root"), (",", "PUNCT", 5, "punct"),
    ...     ("more", "ADV", 5, "advmod"), ("than", "ADP", 3, "fixed"), ("what", "PRON", 1, "nmod")])
    >>> sorted(np_ids(t, t.w(1)))
    [1]
    """
    keep = {head.id}
    stack = [head.id]
    while stack:
        i = stack.pop()
        for k in t.children(i):
            if k.deprel.split(":")[0] in NP_DROP and not (k.deprel == "punct" and i != head.id):
                continue
            if i == head.id and k.id > head.id and k.deprel.split(":")[0] == "nmod" and _after_comma(t, k) \
                    and not (k.upos == "PROPN" and t.child(k.id, "case") is None):
                continue  # "the Tax Foundation, more than twice what it projected": set off, not the name's
            if k.id not in keep:
                keep.add(k.id)
                stack.append(k.id)
    return keep


def _after_comma(t: Tree, k: Word) -> bool:
    """Whether the words of ``k`` open with a comma or right after one."""
    first = min(t.subtree(k.id))
    return t.w(first).text == "," or first > 1 and t.w(first - 1).text == ","


def is_title(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` is a title ("President", "Sen.").

    >>> from quotes.lexicons import load
    >>> is_title("Sen.", load()), is_title("Putin", load())
    (True, False)
    """
    return fold(word).rstrip(".") in lex.titles or fold(word) in lex.titles


def is_honorific(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` is an honorific ("Mr.", "Dr."; ``honorifics`` of ``word_lists.tsv``).

    >>> from quotes.lexicons import load
    >>> is_honorific("Mrs.", load()), is_honorific("Sen.", load())
    (True, False)
    """
    return fold(word).rstrip(".") in lex.words("honorifics")


def _given_name(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` is a given name (``first_names.tsv``): a title word after it is a surname."""
    return fold(word).rstrip(".") in lex.first_names


def _proper(t: Tree, w: Word) -> bool:
    """A proper noun, or a capitalised noun in a proper noun's name ("Charlie King"), or in a
    run of capitalised nouns inside a sentence ("the conservative-leaning Tax Foundation" with
    both nouns tagged common).

    >>> t = Tree.from_spec("by/ADP/3/case Tax/NOUN/3/compound Foundation/NOUN/0/root")
    >>> _proper(t, t.w(2)), _proper(t, t.w(3))
    (True, True)
    """
    if w.upos == "PROPN":
        return True
    if not (w.text[:1].isupper() and w.upos in ("NOUN", "X")):
        return False
    if w.deprel in ("flat", "compound") and w.head and t.w(w.head).upos == "PROPN":
        return True
    return w.id > 1 and _capital_compound(t, w)


def _capital_compound(t: Tree, w: Word) -> bool:
    """Whether capitalised noun ``w`` is joined as a compound to another capitalised noun."""
    def capital(x: Word) -> bool:
        return x.id > 1 and x.text[:1].isupper() and x.upos in ("NOUN", "PROPN")
    if w.deprel == "compound" and w.head and capital(t.w(w.head)):
        return True
    return any(capital(k) for k in t.children(w.id, "compound"))


def _title_between_names(t: Tree, w: Word, lex: Lexicon) -> bool:
    """A title between proper nouns ends one name and starts the next ("House Speaker Paul
    Ryan", "Massachusetts Sen. Elizabeth Warren"), unless it follows a given name ("Charlie
    King") or no proper noun follows it ("Burger King").

    >>> from quotes.lexicons import load
    >>> t = Tree.from_spec("House/PROPN/4/compound Speaker/PROPN/4/compound Paul/PROPN/4/compound Ryan/PROPN/0/root")
    >>> _title_between_names(t, t.w(2), load())
    True
    >>> t = Tree.from_spec("Charlie/PROPN/0/root King/PROPN/1/flat Jr./PROPN/1/flat")
    >>> _title_between_names(t, t.w(2), load())
    False
    """
    if not is_title(w.text, lex) or w.id < 2 or w.id >= len(t.words):
        return False
    before, after = t.w(w.id - 1), t.w(w.id + 1)
    return _proper(t, after) and after.text[:1].isupper() and not _given_name(before.text, lex)


def _after_honorific(t: Tree, w: Word, lex: Lexicon) -> bool:
    """A word right after "Mr.", "Mrs.", "Dr." is a surname even when it is a title ("Mr. King").

    >>> from quotes.lexicons import load
    >>> t = Tree.from_spec("Mr./PROPN/2/compound King/PROPN/0/root")
    >>> _after_honorific(t, t.w(2), load())
    True
    """
    return w.id > 1 and is_honorific(t.w(w.id - 1).text, lex)


def _runs(t: Tree, ids: list[int], lex: Lexicon) -> list[list[Word]]:
    """The runs of adjacent proper nouns among ``ids``; a title word after a given name is a
    surname ("Charlie King"), before it a title, and so is one between two names ("House
    Speaker Paul Ryan")."""
    runs: list[list[Word]] = []
    for w in (t.w(i) for i in ids):
        named = bool(runs) and runs[-1][-1].id == w.id - 1
        if _title_between_names(t, w, lex):
            continue
        if _proper(t, w) and (named and w.text[:1].isupper() or not is_title(w.text, lex)
                              or _after_honorific(t, w, lex)):
            if named:
                runs[-1].append(w)
            else:
                runs.append([w])
    return runs


def proper_run(t: Tree, ids: list[int], head: Word, lex: Lexicon) -> list[Word]:
    """The run of proper nouns naming the phrase (titles stripped): the one holding the head,
    else the last.

    >>> from quotes.lexicons import load
    >>> t = Tree.of("Kremlin spokesman Dmitry Peskov", [("Kremlin", "PROPN", 2, "compound"),
    ...     ("spokesman", "NOUN", 4, "compound"), ("Dmitry", "PROPN", 4, "compound"), ("Peskov", "PROPN", 0, "root")])
    >>> [w.text for w in proper_run(t, [1, 2, 3, 4], t.w(4), load())]
    ['Dmitry', 'Peskov']
    """
    runs = _runs(t, ids, lex)
    if not runs:
        return []
    pick = next((r for r in runs if head in r), runs[-1])
    nxt = runs[runs.index(pick) + 1] if pick is not runs[-1] else None
    if nxt is not None and pick[-1] is head and is_title(head.text, lex) and nxt[0].id == head.id + 2:
        pick = nxt  # "US Secretary of State Antony Blinken": the name after the title's object
    while len(pick) > 1 and pick[0].text.lower() in lex.words("leading_function_words"):
        pick = pick[1:]  # "Meanwhile Trump said": a capitalised sentence opener
    return after_title_object(t.words, pick, lex)


def after_title_object(words: list[Word], run: list[Word], lex: Lexicon) -> list[Word]:
    """"Secretary of State Antony Blinken": a run of proper nouns right after "<title> of"
    starts with the title's object; the name is the rest (``words``: the sentence's).

    >>> from quotes.lexicons import load
    >>> t = Tree.from_spec("Secretary/PROPN/0/root of/ADP/3/case State/PROPN/1/nmod Antony/PROPN/3/flat "
    ...                    "Blinken/PROPN/3/flat")
    >>> [w.text for w in after_title_object(t.words, t.words[2:], load())]
    ['Antony', 'Blinken']
    """
    if len(run) >= 3 and run[0].id >= 3 and words[run[0].id - 2].text.lower() == "of" and \
            fold(words[run[0].id - 3].text) in lex.titles:
        return run[1:]
    return run


def strip_demonyms(run: list[Word]) -> list[Word]:
    """'Russian Vladimir Putin' -> 'Vladimir Putin' (a nationality tagged as a proper noun)."""
    while len(run) >= 3 and _DEMONYM.match(run[0].text):
        run = run[1:]
    return run


def after_last_title(tokens: list[str], lex: Lexicon) -> list[str]:
    """The tokens after the last title that has a name after it: what precedes a title is
    its role, not the name ("Massachusetts Sen. Elizabeth Warren", "Texas Gov. Greg Abbott").
    A title word right after a given name is a surname ("Charlie King", "Martin Luther King").

    >>> from quotes.lexicons import load
    >>> after_last_title("Massachusetts Sen. Elizabeth Warren".split(), load())
    ['Elizabeth', 'Warren']
    >>> after_last_title("Martin Luther King Jr.".split(), load())
    ['Martin', 'Luther', 'King', 'Jr.']
    """
    cut = 0
    for i, x in enumerate(tokens[:-1]):
        if is_title(x, lex) and not _surname_at(tokens, i, lex) and tokens[i + 1][:1].isupper():
            cut = i + 1
    return tokens[cut:]


def _surname_at(tokens: list[str], i: int, lex: Lexicon) -> bool:
    """Token ``i`` follows a given name, so a title word there is a surname ("Larry King")."""
    return i > 0 and _given_name(tokens[i - 1], lex)


def clean_name(tokens: list[str], lex: Lexicon) -> str:
    """A name without titles or a leading nationality: 'Russian President Vladimir Putin' ->
    'Vladimir Putin'; words before a title are its role ('Texas Gov. Greg Abbott' ->
    'Greg Abbott').

    >>> from quotes.lexicons import load
    >>> clean_name("Massachusetts Sen. Elizabeth Warren".split(), load()), clean_name(["Mr.", "King"], load())
    ('Elizabeth Warren', 'King')
    >>> clean_name("Larry King".split(), load())
    'Larry King'
    """
    rest = after_last_title(tokens, lex)
    toks = [x for i, x in enumerate(rest) if not is_title(x, lex) or _surname_at(rest, i, lex)] \
        or rest[-1:]  # "Mr. King": the title word is his name
    while toks and toks[0].lower() in lex.words("leading_function_words"):
        toks = toks[1:]  # "For Obama, ...", "That Trump ...": a sentence's first word, capitalised
    while len(toks) >= 3 and _DEMONYM.match(toks[0]):
        toks = toks[1:]
    return " ".join(toks)
