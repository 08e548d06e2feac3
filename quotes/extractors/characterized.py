"""'Reid pounded Trump as a “con artist”', 'Trump hailed the vote as “fantastic”': a verb
that sets its object beside a quoted word with "as" quotes somebody's characterisation of
it. The quotation makes it speech whatever the verb (the lexicon's reporting verbs have
rules of their own); what was said is the object with its "as" phrase, the verb's subject
speaks.

>>> from quotes.lexicons import load
>>> text = "Reid pounded Trump as a “con artist”"
>>> t = Tree.of(text, [("Reid", "PROPN", 2, "nsubj"), ("pounded", "VERB", 0, "root", "pound"),
...     ("Trump", "PROPN", 2, "obj"), ("as", "ADP", 8, "case"), ("a", "DET", 8, "det"),
...     ("“", "PUNCT", 8, "punct"), ("con", "NOUN", 8, "compound"), ("artist", "NOUN", 2, "obl"),
...     ("”", "PUNCT", 8, "punct")])
>>> c = quoted_characterization(t, t.w(2), text, load())
>>> text[c.content_start:c.content_end], t.w(c.speaker).text, c.rule
('Trump as a “con artist”', 'Reid', 'quoted_characterization')
"""

from __future__ import annotations

from quotes.extractors.speaker_rules import speaker_of
from quotes.extractors.subjects import name_after_title
from quotes.extractors.tree import CLOSE_QUOTES, OPEN_QUOTES, Tree
from quotes.lexicons import Lexicon
from quotes.types import ASSERTS, Cue, CueKind, Word

#: Relations of the "as" phrase to the verb ("as a “con artist”" is an oblique; "as being
#: “sarcastic”" may come as an adverbial clause or a predicative).
AS_RELS = ("obl", "advcl", "xcomp")
#: Relations of what is characterised: the object, or an oblique ("referred to him as").
OBJECT_RELS = ("obj", "obl")
#: Most words between "as" and the opening quotation mark ("as being a “...").
MAX_BEFORE_QUOTE = 2


def _quoted_as_phrase(t: Tree, k: Word) -> bool:
    """Whether ``k``'s phrase opens with "as" and a quotation mark follows within
    :data:`MAX_BEFORE_QUOTE` words ("as “fantastic”", "as a “con artist”")."""
    ids = sorted(t.subtree(k.id))
    first = t.w(ids[0])
    if first.text.lower() != "as" or first.head != k.id or t.child(first.id, "fixed") is not None:
        return False
    return any(t.w(i).text in OPEN_QUOTES for i in ids[1:2 + MAX_BEFORE_QUOTE])


def quoted_characterization(t: Tree, w: Word, text: str, lex: Lexicon) -> Cue | None:
    """A verb with an object (or an oblique before it) and, after it, an "as" phrase opening
    with a quotation: the subject characterises the object in quoted words (module docstring).
    Not a verb the lexicon lists (reporting verbs have rules of their own; "thought of them
    as “...”" is no speech), not a passive ("was billed as “...”"), not a verb with no subject
    of its own or inherited, not a lone "as" phrase ("voters register as “undeclared”").
    """
    if w.upos != "VERB" or w.lemma.lower() in lex.verbs:  # a reporting or cognition verb: its own rules
        return None
    as_phrase = next((k for k in t.children(w.id, *AS_RELS) if k.id > w.id and _quoted_as_phrase(t, k)), None)
    if as_phrase is None:
        return None
    start = min(t.subtree(as_phrase.id))
    target = next((k for k in t.children(w.id, *OBJECT_RELS) if w.id < k.id < start), None)
    if target is None or t.child(w.id, "nsubj:pass", "aux:pass") is not None:
        return None
    subj = speaker_of(t, w, lex)
    subj = name_after_title(t, subj, lex) or subj
    if subj is None:
        return None
    lo, hi = min(t.subtree(target.id)), max(t.subtree(as_phrase.id))
    if hi < len(t.words) and t.w(hi + 1).text in CLOSE_QUOTES:
        hi += 1  # the closing mark hung elsewhere ('as “fantastic,” telling ...')
    ids = frozenset(range(lo, hi + 1))
    return Cue(sentence=t.sent.index, kind=CueKind.VERB, lemma=w.lemma.lower(), text=w.text, start=w.start,
               end=w.end, stance=ASSERTS, speaker=subj.id, content_start=t.w(lo).start, content_end=t.w(hi).end,
               content_ids=ids, anchor=w.id, rule="quoted_characterization")
