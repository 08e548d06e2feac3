"""Intermediaries: nest speech events inside each other and read relays off the parse.

"Tass reported that a diplomatic source had confirmed ..." puts the diplomat's event
inside Tass's content, so the diplomat's chain is [Tass]. "Ushakov told the Interfax
news agency that ..." adds the outlet the speaker told. An outer event whose content is
nothing but the inner one is a pure relay and yields no record of its own.

>>> from quotes.types import Cue
>>> outer = Cue(0, "verb", "report", "reported", 5, 13, "asserts", 1, 14, 60, frozenset({4, 5, 6, 7}), anchor=2)
>>> inner = Cue(0, "verb", "confirm", "confirmed", 30, 39, "confirms", 4, 40, 60, frozenset({7}), anchor=5)
>>> nesting([outer, inner])
{1: 0}
"""

from __future__ import annotations

import dataclasses

from quotes.lexicons import Lexicon, fold
from quotes.types import OUTLET, ChainLink, Cue, CueKind, Speaker
from quotes.extractors.sources import UNNAMED
from quotes.extractors.phrases import describe
from quotes.extractors.tree import Tree


def nesting(cues: list[Cue], trees: dict[int, Tree] | None = None) -> dict[int, int]:
    """Map each nested cue's index to the index of the innermost cue that contains it."""
    parent: dict[int, int] = {}
    for i, inner in enumerate(cues):
        best = None
        for j, outer in enumerate(cues):
            if i == j or outer.sentence != inner.sentence or not outer.has_span:
                continue
            inside = inner.anchor in outer.content_ids or (
                inner.kind == CueKind.NOUN and trees is not None and _object_of(trees[inner.sentence], inner, outer))
            if not inside:
                continue
            if inner.anchor in outer.content_ids and outer.anchor in inner.content_ids:
                continue  # mutual: parse oddity, keep both flat
            size = len(outer.content_ids)
            if best is None or size < len(cues[best].content_ids):
                best = j
        if best is not None:
            parent[i] = best
    # break any cycle defensively
    for i in list(parent):
        seen, k = {i}, parent.get(i)
        while k is not None:
            if k in seen:
                del parent[i]
                break
            seen.add(k)
            k = parent.get(k)
    return parent


def _object_of(t: Tree, noun: Cue, verb: Cue) -> bool:
    """'confirmed a report that ...': the reporting noun is the verb's object."""
    if verb.kind != CueKind.VERB or noun.anchor is None:
        return False
    w = t.w(noun.anchor)
    return w.head == verb.anchor and w.deprel.split(":")[0] in ("obj", "nsubj", "obl")


def leftover(t: Tree, outer: Cue, inners: list[Cue], speaker_ids: dict[int, set[int]]) -> list[int]:
    """Word ids of ``outer``'s content not taken by nested events (their content, cue, speaker)."""
    taken: set[int] = set()
    for c in inners:
        taken |= set(c.content_ids)
        if c.anchor is not None:
            taken |= t.subtree(c.anchor) if c.kind == CueKind.VERB else {c.anchor}
        taken |= speaker_ids.get(id(c), set())
    rest = [i for i in sorted(outer.content_ids) if i not in taken]
    return [i for i in rest if t.w(i).upos not in ("PUNCT", "CCONJ")]


def chain(i: int, cues: list[Cue], parent: dict[int, int], speakers: list[Speaker], trees: dict[int, Tree],
          text: str, lex: Lexicon) -> tuple[ChainLink, ...]:
    """The intermediaries of cue ``i``, outermost first: the speakers of the cues it is nested
    in (nobody relays himself: "Peskov told Tass that he could not confirm ..."), then the
    outlets it was told to ("told the Interfax news agency")."""
    links: list[ChainLink] = []
    p = parent.get(i)
    if p is not None:
        links.extend(chain(p, cues, parent, speakers, trees, text, lex))
        if fold(speakers[p].name) != fold(speakers[i].name) and speakers[p].name != UNNAMED:
            links.append(ChainLink(speakers[p].name, speakers[p].kind, cues[p].text, speakers[p].start,
                                   speakers[p].end))
    c = cues[i]
    if c.audience:
        t = trees[c.sentence]
        for a in c.audience:
            np = describe(t, t.w(a), text, lex)
            if np.kind == OUTLET:
                links.append(ChainLink(np.name or np.mention, OUTLET, c.text, np.start, np.end))
    return tuple(links)


def own_statement_mention(i: int, parent: dict[int, int], speakers: list[Speaker]) -> Speaker:
    """The speaker of cue ``i`` at the outermost mention of the same source whose statement holds
    it: in "He said he plans to ...", "He" is who says it (nobody relays himself).

    >>> sp = [Speaker("Ann Lee", "Lee", start=0, end=3), Speaker("Ann Lee", "she", start=9, end=12)]
    >>> own_statement_mention(1, {1: 0}, sp).mention
    'Lee'
    """
    sp = speakers[i]
    p, seen = parent.get(i), {i}
    while p is not None and p not in seen and fold(speakers[p].name) == fold(sp.name) \
            and speakers[p].name != UNNAMED and speakers[p].start is not None:
        sp = dataclasses.replace(sp, mention=speakers[p].mention, start=speakers[p].start, end=speakers[p].end)
        seen.add(p)
        p = parent.get(p)
    return sp
