"""Outlets' names inside a noun phrase, where the parse joined an outlet to the speaker's name
("the Washington Post Trump said") or cut the outlet's name short ("USA TODAY" with "TODAY"
read as a time). Describe steps: they run inside :func:`quotes.extractors.phrases.describe`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes.lexicons import Lexicon, fold

if TYPE_CHECKING:  # (phrases imports this module for its describe steps)
    from quotes.extractors.phrases import Phrase


def outlet_before_speaker(p: Phrase, lex: Lexicon) -> None:
    """'the Washington Post Trump said' parsed as one name: the outlet ends before the speaker.

    >>> from quotes.lexicons import load
    >>> from quotes.extractors.phrases import Phrase, name_run
    >>> from quotes.extractors.tree import Tree
    >>> t = Tree.of("Washington Post Trump", [("Washington", "PROPN", 3, "compound"),
    ...     ("Post", "PROPN", 3, "compound"), ("Trump", "PROPN", 0, "root")])
    >>> p = Phrase.of(t, t.w(3), "Washington Post Trump"); name_run(p, load())
    >>> outlet_before_speaker(p, load()); p.mention
    'Trump'
    >>> t = Tree.of("NBC News", [("NBC", "PROPN", 2, "compound"), ("News", "PROPN", 0, "root")])
    >>> p = Phrase.of(t, t.w(2), "NBC News"); name_run(p, load()); outlet_before_speaker(p, load()); p.mention
    'NBC News'
    """
    run = p.run
    if lex.is_outlet(" ".join(w.text for w in run)):
        return  # "NBC News reported": the outlet's own name, not "NBC" then a speaker "News"
    for k in range(len(run) - 1, 0, -1):
        if p.head in run[k:] and lex.is_outlet(" ".join(w.text for w in run[:k])) and \
                fold(run[k].text) not in lex.words("outlet_name_words"):
            p.ids = [i for i in p.ids if p.t.w(i).start >= run[k].start]
            p.run = run[k:]
            p.start = p.t.w(p.ids[0]).start
            return


#: How many words past a phrase an outlet's name the parse cut short may run ("USA TODAY").
OUTLET_RUN_ON = 2


def outlet_cut_short(p: Phrase, lex: Lexicon) -> None:
    """'USA TODAY reported': an outlet's name whose last capitalised word the parse read as
    something else ("TODAY" as a time) runs on to the name's end.

    >>> from quotes.lexicons import load
    >>> from quotes.extractors.phrases import Phrase, name_run
    >>> from quotes.extractors.tree import Tree
    >>> t = Tree.of("USA TODAY reported", [("USA", "PROPN", 3, "nsubj"), ("TODAY", "NOUN", 3, "obl"),
    ...     ("reported", "VERB", 0, "root")])
    >>> p = Phrase.of(t, t.w(1), "USA TODAY reported"); name_run(p, lex := load()); outlet_cut_short(p, lex)
    >>> p.mention
    'USA TODAY'
    """
    run = p.run
    if not run or run[-1].id != max(p.ids) or lex.is_outlet(" ".join(w.text for w in run)):
        return
    for extra in range(1, OUTLET_RUN_ON + 1):
        last = run[-1].id + extra
        if last > len(p.t.words) or not p.t.w(last).text[:1].isupper():
            return
        words = run + [p.t.w(i) for i in range(run[-1].id + 1, last + 1)]
        if lex.is_outlet(" ".join(w.text for w in words)):
            p.ids = sorted(set(p.ids) | {w.id for w in words})
            p.run, p.end = words, words[-1].end
            return
