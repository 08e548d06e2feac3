"""Helpers that find who speaks and where a phrase stands: the noun phrase before a verb,
the name between a quotation and its verb, parentheses, datelines, relative clauses.

The rules that use them, in order, are in :mod:`.speaker_rules` (who speaks) and the
verb rules (:mod:`.verbs`).
"""

from __future__ import annotations

from quotes.lexicons import Lexicon, fold, load
from quotes.types import Word
from quotes.extractors.tree import CLOSE_QUOTES, OPEN_QUOTES, QUOTE_MARKS, Tree


#: How the parse may hang a participle phrase before a verb on it as a clause.
CLAUSE_BEFORE_RELS = ("ccomp", "csubj", "advcl", "parataxis", "dep")


def subject_before(t: Tree, w: Word, content: set[int], lex: Lexicon) -> Word | None:
    """'Conservative economist Aparna Mathur, who studies ..., said' when the parse lost the
    subject: the head of the nearest noun phrase before the verb that no verb between
    claims (a subject of its own clause, or a name in apposition)."""
    for x in reversed(t.words[:w.id - 1]):
        if x.id in content:
            continue
        if x.id == w.id - 1 and _misparsed_name(t, w, x, lex):
            return x
        if x.upos == "VERB" and x.deprel.split(":")[0] not in ("acl",) and not _reduced_relative(t, w, x):
            break
        if x.upos in ("PROPN", "NOUN") and x.deprel.split(":")[0] in ("nsubj", "appos", "root", "dep", "conj",
                                                                       "parataxis", "obj", "flat"):
            h = x
            while h.deprel in ("flat", "compound", "flat:name") and h.head:
                h = t.w(h.head)
            return h
        if x.upos == "PRON" and x.lemma.lower() in lex.words("speaker_pronouns"):
            return x
    return None


def _reduced_relative(t: Tree, w: Word, x: Word) -> bool:
    """Whether verb ``x`` before verb ``w`` is a participle that modifies its "subject", parsed
    as a clause of ``w``'s ("A report released last year found that ...": "report released"
    read as a clause): a past form hung on ``w`` with a subject before it and no auxiliary,
    copula or mark."""
    return x.head == w.id and x.xpos in ("VBD", "VBN") and x.deprel.split(":")[0] in CLAUSE_BEFORE_RELS \
        and not t.children(x.id, "aux", "aux:pass", "cop", "mark") \
        and any(k.id < x.id for k in t.children(x.id, "nsubj", "nsubj:pass"))


def _misparsed_name(t: Tree, w: Word, x: Word, lex: Lexicon) -> bool:
    """Whether word ``x`` right before verb ``w`` is its speaker's name misparsed: tagged as
    a verb ("In a statement, Husted said ...") or hung off a noun before it ("In a meeting
    with the Washington Post Trump said ...", "Seventy-four percent of Democratic voters say
    ..." with "voters" hung off "percent", a plural noun as a name is)."""
    if x.id > 1 and x.text.istitle() and x.upos in ("VERB", "ADJ", "X") and t.w(x.id - 1).upos == "PUNCT":
        return True
    named = x.upos == "PROPN" or x.upos == "NOUN" and "Number=Plur" in x.feats
    return named and x.deprel.split(":")[0] in ("nmod", "compound", "obl") \
        and w.xpos not in ("VBG", "VBN") and x.lemma.lower() not in lex.not_speakers


def name_before(t: Tree, w: Word) -> Word | None:
    """'“...,” Rep. Gwen Moore (D-Wis.) said' parsed with the name inside the quotation's
    clause: the name between the closing mark and the verb. With an apposition after it
    ('“...,” Scott Pruitt, the Republican attorney general of Oklahoma, said') the name is
    the first phrase; with no name, the noun ('“...,” the Republican attorney general said')."""
    k = w.id - 1
    relative = _relative_words(t, w)
    while k >= 1 and t.w(k).text not in CLOSE_QUOTES:
        if k not in relative and (t.w(k).upos not in _NP_WORDS or t.w(k).upos in ("VERB", "AUX") and
                                  t.w(k).deprel.split(":")[0] not in ("acl", "amod")):
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


def _relative_words(t: Tree, w: Word) -> set[int]:
    """The words of relative clauses set off by commas before verb ``w`` ('Warren, who has
    not endorsed anyone, told'): they describe the speaker, they are no clause of their own."""
    out: set[int] = set()
    for v in t.words[:w.id - 1]:
        if v.deprel != "acl:relcl":
            continue
        sub = t.subtree(v.id)
        lo = min(i for i in sub if t.w(i).upos != "PUNCT")
        if lo > 1 and t.w(lo - 1).text == "," and max(sub) < w.id:
            out |= sub
    return out


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


def outside_parentheses(t: Tree, w: Word | None) -> Word | None:
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


def first_word(t: Tree, k: Word) -> str:
    """The first word (not punctuation) of the phrase headed by ``k``, lower-cased."""
    first = next((t.w(i) for i in sorted(t.subtree(k.id)) if t.w(i).upos != "PUNCT"), None)
    return first.text.lower() if first is not None else ""


def relative_clause(t: Tree, k: Word) -> bool:
    """Whether the clause headed by ``k`` opens with a relative pronoun ("who has ...")."""
    return first_word(t, k) in load().words("relative_pronouns")


def in_complement(t: Tree, x: Word, w: Word) -> bool:
    """'asserted that she and the other family members ... are tired' parsed with "she" as
    the subject of "asserted": a word after the verb's "that" belongs to what was said."""
    return x.id > w.id and any(t.w(k).text.lower() == "that" and t.w(k).upos == "SCONJ" for k in range(w.id + 1, x.id))


def quoted_before(t: Tree, x: Word, w: Word) -> bool:
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


#: Dashes that close a dateline.
_DASHES = {"—", "–", "―", "--", "-"}


def dateline_end(t: Tree) -> int:
    """The id of the dash closing a dateline that opens sentence ``t`` ("MOSCOW (AA) –",
    "FLINT, Mich., Oct. 4 (UPI) —"), or 0 when it has none."""
    words = t.words
    if not words or not (words[0].text.isupper() and len(words[0].text) > 2 and words[0].text.isalpha()):
        return 0
    return next((x.id for x in words[1:12] if x.text in _DASHES), 0)


def noun_apposition(t: Tree, k: Word) -> bool:
    """'“...,” said Charlie King, a prominent New York Democrat' parsed with the apposition
    as a complement: a noun with no subject or copula of its own is no clause."""
    return k.upos in ("NOUN", "PROPN") and t.child(k.id, "nsubj", "cop") is None


def set_off(t: Tree, w: Word, k: Word) -> bool:
    """Whether a comma stands between word ``w`` and the phrase of ``k`` after it (an
    apposition: '..., said Charlie King, a prominent New York Democrat').

    >>> t = Tree.from_spec("said/VERB/0/root King/PROPN/1/obj ,/PUNCT/5/punct a/DET/5/det Democrat/NOUN/1/obj")
    >>> set_off(t, t.w(1), t.w(5)), set_off(t, t.w(1), t.w(2))
    (True, False)
    """
    first = min((i for i in t.subtree(k.id) if t.w(i).upos != "PUNCT"), default=k.id)
    return any(t.w(i).text == "," for i in range(w.id + 1, first))


def name_after_title(t: Tree, subj: Word | None, lex: Lexicon) -> Word | None:
    """The name a title parsed as the subject stands for ("Mr. McKinley", "Leader Harry Reid"
    read as two subjects: the name is the head), or None when ``subj`` is no such title.

    >>> t = Tree.of("Mr. McKinley said", [("Mr.", "PROPN", 3, "nsubj"), ("McKinley", "PROPN", 1, "flat"),
    ...                                   ("said", "VERB", 0, "root")])
    >>> name_after_title(t, t.w(1), load()).text, name_after_title(t, t.w(2), load())
    ('McKinley', None)
    """
    if subj is not None and subj.upos == "PROPN" and fold(subj.text) in lex.titles and subj.id < len(t.words) \
            and t.w(subj.id + 1).upos == "PROPN":
        return t.w(subj.id + 1)
    return None
