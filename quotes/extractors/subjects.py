"""Who speaks: the speaker of a speech verb read off the dependency tree.

A parse gives the subject; news sentences often hide it: after a quotation ('“...,” said
Kevin Barrett', '“...,” Scott Pruitt, the attorney general, said'), inherited by a
participle ('..., adding that'), the object of a "for" gerund ('held Pagliano in contempt
for refusing'), or lost to a misparse. :func:`speaker_of` tries these readings in order.
"""

from __future__ import annotations

import re

from quotes.lexicons import Lexicon
from quotes.types import Word
from quotes.extractors.tree import CLOSE_QUOTES, OPEN_QUOTES, QUOTE_MARKS, Tree

_RELATIVE = {"who", "whom", "whose", "which"}


def _subject_before(t: Tree, w: Word, content: set[int], lex: Lexicon) -> Word | None:
    """'Conservative economist Aparna Mathur, who studies ..., said' when the parse lost the
    subject: the head of the nearest noun phrase before the verb that no verb between
    claims (a subject of its own clause, or a name in apposition)."""
    for x in reversed(t.words[:w.id - 1]):
        if x.id in content:
            continue
        if x.id == w.id - 1 and x.id > 1 and x.text.istitle() and x.upos in ("VERB", "ADJ", "X") \
                and t.w(x.id - 1).upos == "PUNCT":
            return x  # "In a statement, Husted said ..." with the name tagged as a verb
        if x.id == w.id - 1 and x.upos == "PROPN" and x.deprel.split(":")[0] in ("nmod", "compound", "obl") \
                and w.xpos not in ("VBG", "VBN") and x.lemma.lower() not in lex.not_speakers:
            return x  # "In a meeting with the Washington Post Trump said ..." with the name hung off "Post"
        if x.upos == "VERB" and x.deprel.split(":")[0] not in ("acl",):
            break
        if x.upos in ("PROPN", "NOUN") and x.deprel.split(":")[0] in ("nsubj", "appos", "root", "dep", "conj",
                                                                       "parataxis", "obj", "flat"):
            h = x
            while h.deprel in ("flat", "compound", "flat:name") and h.head:
                h = t.w(h.head)
            return h
        if x.upos == "PRON" and x.lemma.lower() in ("he", "she", "they", "i", "we"):
            return x
    return None


def _name_before(t: Tree, w: Word) -> Word | None:
    """'“...,” Rep. Gwen Moore (D-Wis.) said' parsed with the name inside the quotation's
    clause: the name between the closing mark and the verb. With an apposition after it
    ('“...,” Scott Pruitt, the Republican attorney general of Oklahoma, said') the name is
    the first phrase; with no name, the noun ('“...,” the Republican attorney general said')."""
    k = w.id - 1
    while k >= 1 and t.w(k).text not in CLOSE_QUOTES:
        if t.w(k).upos not in _NP_WORDS or t.w(k).upos in ("VERB", "AUX") and \
                t.w(k).deprel.split(":")[0] not in ("acl", "amod"):
            return None  # a clause of its own between quotation and verb
        k -= 1
    if k < 1 or w.id - k > 30:
        return None
    stretch = [x for x in t.words[k:w.id - 1] if not _in_parentheses(t, x.id)]
    first: list[Word] = []
    for x in stretch:  # the first comma-delimited phrase
        if x.text == "," and first:
            break
        if x.text != ",":
            first.append(x)
    for tags in (("PROPN",), ("NOUN",)):
        heads = [x for x in first if x.upos in tags]
        if heads:
            return heads[-1] if tags == ("NOUN",) or len(first) == len(stretch) else \
                _last_of_run(first, heads[0])
    return None


#: Parts of speech a speaker's noun phrase (with its apposition) may contain.
_NP_WORDS = frozenset({"PROPN", "NOUN", "PUNCT", "DET", "ADJ", "ADP", "NUM", "PRON", "CCONJ", "VERB", "PART"})


def _last_of_run(words: list[Word], w: Word) -> Word:
    """The last proper noun of the run of proper nouns that starts at ``w``."""
    i = words.index(w)
    while i + 1 < len(words) and words[i + 1].upos == "PROPN":
        i += 1
    return words[i]


def _in_parentheses(t: Tree, i: int) -> bool:
    j = i - 1
    while j >= 1 and t.w(j).text not in "()":
        j -= 1
    return j >= 1 and t.w(j).text == "("


def _outside_parentheses(t: Tree, w: Word | None) -> Word | None:
    """A subject parsed inside a parenthesis ("Jason Chaffetz (R-Utah) said") stands for
    the name before it."""
    if w is None:
        return None
    i = w.id - 1
    while i >= 1 and t.w(i).text not in "()":
        i -= 1
    if i >= 1 and t.w(i).text == "(" and i > 1 and t.w(i - 1).upos == "PROPN":
        return t.w(i - 1)
    return w


def _first_word(t: Tree, k: Word) -> str:
    """The first word (not punctuation) of the phrase headed by ``k``, lower-cased."""
    first = next((t.w(i) for i in sorted(t.subtree(k.id)) if t.w(i).upos != "PUNCT"), None)
    return first.text.lower() if first is not None else ""


def _relative_clause(t: Tree, k: Word) -> bool:
    """Whether the clause headed by ``k`` opens with a relative pronoun ("who has ...")."""
    return _first_word(t, k) in _RELATIVE


def _after_quote_subject(t: Tree, w: Word) -> Word | None:
    """The speaker of a verb right after a closing quotation mark: '“...,” Trump warned'
    (the nearest subject, not one inside the quotation) or '“...,” wrote Cameron Easley'
    (the noun after the verb, not a subject inherited from the quoted clause)."""
    k = w.id - 2
    while k >= 0 and t.words[k].text == ",":
        k -= 1
    before = t.words[k] if k >= 0 else None
    if before is not None and (before.text in CLOSE_QUOTES or before.text == "’"):
        inv = _inverted_subject(t, w)
        own = t.child(w.id, "nsubj")
        if inv is not None and (own is None or own.id < before.id):
            return inv  # '“The legend ... is that ...,” said Kevin Barrett': not a word of the quotation
    subjects = [s for s in t.children(w.id, "nsubj") if s.id < w.id]
    if len(subjects) > 1:
        first, last = subjects[0], subjects[-1]
        end_last = max(t.subtree(last.id))
        if first.id < len(t.words) and t.w(first.id + 1).text == "," and end_last < len(t.words) \
                and t.w(end_last + 1).text == ",":
            return first  # "Tass, a Russian state news agency, reported": an apposition
        return last  # the nearest: '“Bad things ...,” Trump warned' (not one inside the quotation)
    return None


def _inverted_subject(t: Tree, w: Word) -> Word | None:
    """'..., said 9/11 widow Terry Strada': a noun after the verb that the parser did not
    label as its subject (obj, dep, appos ...), when what was said comes before."""
    if w.deprel.split(":")[0] not in ("parataxis", "root", "ccomp", "conj"):
        return None
    if any(k.id > w.id and not _relative_clause(t, k) and not _noun_apposition(t, k)
           for k in t.children(w.id, "ccomp", "parataxis")):
        return None  # what was said follows the verb: the noun after it is its audience or object
    for k in t.children(w.id):
        if k.id > w.id and k.upos in ("PROPN", "NOUN") and k.deprel.split(":")[0] in ("obj", "dep", "appos",
                                                                                      "iobj", "nsubj", "flat"):
            if t.child(k.id, "case") is None:
                return k
    return None


def _participle_head_subject(t: Tree, w: Word) -> Word | None:
    """'..., adding that ...', 'while chanting, “...”': the speaker of the clause the
    participle hangs off (through a noun it was attached to by mistake)."""
    if w.xpos != "VBG" or not w.head or w.deprel.split(":")[0] not in ("advcl", "ccomp", "xcomp", "conj",
                                                                        "parataxis", "acl"):
        return None
    h = t.w(w.head)
    for _ in range(3):
        if h.upos in ("VERB", "AUX", "ADJ"):
            return _after_quote_subject(t, h) or t.subject(h.id) or _name_before(t, h)
        if not h.head:
            return None
        h = t.w(h.head)
    return None


def _for_gerund_object(t: Tree, w: Word) -> Word | None:
    """'held Pagliano in contempt for refusing to ...', 'praised her for saying ...': the
    object of the verb the "for" gerund hangs off is who refused or said."""
    if w.xpos != "VBG" or not w.head or t.child(w.id, "nsubj") is not None:
        return None
    if not any(m.lemma.lower() == "for" for m in t.children(w.id, "mark", "case")):
        return None
    h = t.w(w.head)
    obj = t.child(h.id, "obj") if h.upos == "VERB" else None
    return obj if obj is not None and obj.id < w.id and obj.upos in ("PROPN", "NOUN", "PRON") else None


def _conj_head_subject(t: Tree, w: Word) -> Word | None:
    """'Strada accused ... and asserted that ...': the subject of the verb it is coordinated with."""
    return t.subject(w.head) if w.deprel.startswith("conj") and w.head else None


def _in_complement(t: Tree, x: Word, w: Word) -> bool:
    """'asserted that she and the other family members ... are tired' parsed with "she" as
    the subject of "asserted": a word after the verb's "that" belongs to what was said."""
    return x.id > w.id and any(t.w(k).text.lower() == "that" and t.w(k).upos == "SCONJ" for k in range(w.id + 1, x.id))


def _quoted_before(t: Tree, x: Word, w: Word) -> bool:
    """Whether word ``x`` is a word of a quotation rather than verb ``w``'s speaker: it sits
    inside a quotation that closes before the verb (the first quotation mark after it is a
    closing one, with no space before it), or inside one that opens after the verb."""
    if x.id > w.id:
        inside = False
        for k in range(w.id + 1, x.id):
            m = t.w(k)
            if m.text in OPEN_QUOTES and m.end == t.w(k + 1).start:
                inside = True
            elif m.text in CLOSE_QUOTES and t.w(k - 1).end == m.start:
                inside = False
        return inside
    for k in range(x.id + 1, w.id):
        m = t.w(k)
        if m.text in QUOTE_MARKS:
            return m.text in CLOSE_QUOTES and k > 1 and t.w(k - 1).end == m.start
    return False


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _subject_after_dateline(t: Tree, w: Word) -> Word | None:
    """'FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton criticized ...' parsed with
    the dateline's place as a subject too: the verb's subject after the dateline's dash."""
    end = dateline_end(t)
    if not end:
        return None
    for k in t.children(w.id, "nsubj"):
        if k.id > end:
            return k
        # the name the parse hung off the dateline's place ("FLINT, ... — Bill Clinton" as its
        # conjunct, "WASHINGTON -- President Obama" as its flat name): the first noun after the dash
        x = next((t.w(i) for i in sorted(t.subtree(k.id)) if i > end and t.w(i).upos in ("PROPN", "NOUN")), None)
        while x is not None and x.deprel in ("compound", "flat", "amod") and x.head > end:
            x = t.w(x.head)
        if x is not None:
            return x
    return None


#: Dashes that close a dateline.
_DASHES = {"—", "–", "―", "--", "-"}


def dateline_end(t: Tree) -> int:
    """The id of the dash closing a dateline that opens sentence ``t`` ("MOSCOW (AA) –",
    "FLINT, Mich., Oct. 4 (UPI) —"), or 0 when it has none."""
    words = t.words
    if not words or not (words[0].text.isupper() and len(words[0].text) > 2 and words[0].text.isalpha()):
        return 0
    return next((x.id for x in words[1:12] if x.text in _DASHES), 0)


#: Ways to find a speech verb's speaker, most trusted first.
_SUBJECT_READINGS = (_after_quote_subject, _for_gerund_object, _subject_after_dateline, lambda t, w: t.subject(w.id),
                     _inverted_subject, _name_before, _participle_head_subject, _conj_head_subject)


def _noun_apposition(t: Tree, k: Word) -> bool:
    """'“...,” said Charlie King, a prominent New York Democrat' parsed with the apposition
    as a complement: a noun with no subject or copula of its own is no clause."""
    return k.upos in ("NOUN", "PROPN") and t.child(k.id, "nsubj", "cop") is None


def speaker_of(t: Tree, w: Word, lex: Lexicon) -> Word | None:
    """The head word of the speaker of speech verb ``w``: the first of
    :data:`_SUBJECT_READINGS` that gives a word which can be a source.

    Skipped: a time or a year parsed as the subject ("This week said ...", '“...,” X said
    Tuesday'), a phrase with a preposition ("in many cases reporting ..."), a word of a
    quotation ('“... a decade ago,” adding that ...').
    """
    for f in _SUBJECT_READINGS:
        x = f(t, w)
        # (a relative pronoun stands for its noun: "the Saudi government, which has denied ...")
        relative = x is not None and x.lemma.lower() in ("which", "that") and w.deprel == "acl:relcl" \
            and x.head == w.id
        # (a time is no speaker, but "The Times" lemmatized as "time" is)
        timely = x is not None and (x.text.lower() in lex.not_speakers or
                                    x.lemma.lower() in lex.not_speakers and not x.text[:1].isupper())
        if x is not None and (relative or not timely) and not _YEAR.fullmatch(x.text) \
                and not any(k.upos == "ADP" for k in t.children(x.id, "case")) and not _quoted_before(t, x, w) \
                and not _in_complement(t, x, w) and not x.id < dateline_end(t):
            return _outside_parentheses(t, x)
    return None
