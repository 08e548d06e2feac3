"""Where a reporting verb's complement hangs in the parse: a that-clause on the verb's
audience ("told the Interfax news agency that ..."), a quotation right after "said,", the
object and infinitive of "urged her to ...", a clause parsed as an adjunct or parataxis; and
what is never the complement (a participle phrase after the verb, a when-or-why clause).

Helpers of the rules of :mod:`.verbs`; each takes the tree and the verb and returns words of
the tree, never a cue.
"""

from __future__ import annotations

from quotes.lexicons import Lexicon, load
from quotes.types import Word
from quotes.extractors.tree import CLOSE_QUOTES, OPEN_QUOTES, Tree


#: How the parse may hang a fronted adjunct of the statement on the verb after it.
FRONTED_RELS = ("obl", "advcl")


def bidding(t: Tree, w: Word) -> tuple[Word, Word] | None:
    """'urged her husband to come out', 'told them to leave': the object of a verb whose
    object is its audience, and the infinitive after it."""
    obj = t.child(w.id, "obj", "iobj")
    if obj is None or obj.id < w.id:
        return None
    # (the infinitive may hang off the object: "asked the candidates to discuss ...")
    for k in t.children(w.id, "xcomp", "advcl", "ccomp") + t.children(obj.id, "acl"):
        mark = t.child(k.id, "mark")
        if k.id > obj.id and k.upos == "VERB" and mark is not None and mark.lemma.lower() == "to":
            return obj, k
    return None


def quotation_follows(t: Tree, w: Word) -> bool:
    """'said, “...', 'said: “...': a quotation opens right after the verb and its comma or
    colon, and the verb does not interrupt a quotation ('“A,” he said, “B”', where what was
    said begins before it)."""
    k = w.id + 1
    # (past a short audience: 'asking her, “...', 'told CNN: “...')
    audience = set().union(*(t.subtree(a.id) for a in t.children(w.id, "obj", "iobj", "obl") if a.id > w.id))
    while k in audience and k - w.id <= 4:
        k += 1
    if not (k + 1 < len(t.words) and t.w(k).text in (",", ":") and t.w(k + 1).text in OPEN_QUOTES
            and t.w(k + 1).start - t.w(k - 1).end <= 3):
        return False
    for x in reversed(t.words[max(0, w.id - 12):w.id - 1]):
        if x.text in CLOSE_QUOTES:
            return False
        if x.upos not in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "PUNCT", "ADV", "AUX", "PART"):
            break
    return True


def that_clause_child(t: Tree, w: Word) -> Word | None:
    """'announced in a statement that he had reached ...' parsed as a conj/advcl/dep with 'that'."""
    for k in t.children(w.id, "conj", "advcl", "dep", "xcomp", "obj"):
        mark = t.child(k.id, "mark")
        if k.id > w.id and mark is not None and mark.lemma.lower() == "that" and mark.id > w.id:
            return k
    return None


def that_clause_on_audience(t: Tree, w: Word, lex: Lexicon) -> Word | None:
    """'told the Interfax news agency that ...' parsed with the that-clause (or quotation)
    hanging off the audience, not the verb: that clause."""
    if w.lemma.lower() not in lex.words("telling_verbs"):
        return None
    for a in t.children(w.id, "obj", "iobj"):
        # the clause may hang off a noun inside the audience: "told a meeting of Pacific
        # Island leaders that few people understood ..."
        for n in sorted(t.subtree(a.id)):
            for k in t.children(n, "acl", "ccomp"):
                mark = t.child(k.id, "mark")
                if k.id > a.id and mark is not None and mark.lemma.lower() == "that" and mark.upos == "SCONJ":
                    return k
                # 'told the debate audience that she believes ...' parsed as a relative clause
                # whose "that" has a subject of its own beside it: after "told", a complement
                first = t.w(min(t.subtree(k.id)))
                subj = t.child(k.id, "nsubj")
                if k.id > a.id and first.text.lower() == "that" and subj is not None and subj.id != first.id:
                    return k
                # 'told his radio audience of Monday, “What has happened ...”': a quotation
                lead = [t.w(i).text for i in sorted(t.subtree(k.id))[:2]]
                if lead[:1] in ([","], [":"]):
                    lead = lead[1:]
                if k.id > a.id and lead[:1] in (["“"], ["\""]):
                    return k
    return None


def complement_subject_on_verb(t: Tree, w: Word, comp: Word) -> Word | None:
    """'Warren said presumptive nominee Donald Trump was a “proven failure”' parsed with the
    nominee as a subject of "said": a subject of verb ``w`` between it and its complement
    clause ``comp``, which has no subject of its own, is the complement's subject (with no
    "that" before it).

    >>> t = Tree.from_spec("Warren/PROPN/2/nsubj said/VERB/0/root the/DET/4/det nominee/NOUN/2/nsubj "
    ...                    "was/AUX/7/cop a/DET/7/det failure/NOUN/2/ccomp")
    >>> complement_subject_on_verb(t, t.w(2), t.w(7)).text
    'nominee'
    """
    if comp.id < w.id or not comp.deprel.startswith("ccomp") or \
            t.child(comp.id, "nsubj", "nsubj:pass", "csubj", "expl") is not None:
        return None
    subj = next((s for s in t.children(w.id, "nsubj") if w.id < s.id < comp.id), None)
    if subj is None or any(t.w(k).lemma.lower() == "that" and t.w(k).upos == "SCONJ" for k in range(w.id + 1, subj.id)):
        return None  # (after "that": the speaker rules' word_of_complement, subject_in_complement)
    before = next((t.w(k) for k in range(w.id - 1, 0, -1) if t.w(k).text != ","), None)
    if before is not None and before.text in CLOSE_QUOTES:
        return None  # ('“...,” said Smith, a senator. “...”': the speaker after the verb)
    return subj


def noun_clause(t: Tree, noun: Word) -> Word | None:
    """The clause of a reporting noun: its acl or ccomp, else a that-clause opening right after
    it that the parse hung elsewhere ("could not confirm reports that the meeting had been
    postponed" with the clause on "told").

    >>> t = Tree.from_spec("Peskov/PROPN/2/nsubj told/VERB/0/root he/PRON/5/nsubj could/AUX/5/aux confirm/VERB/2/ccomp "
    ...                    "reports/NOUN/5/obj that/SCONJ/9/mark talks/NOUN/9/nsubj failed/VERB/2/ccomp")
    >>> noun_clause(t, t.w(6)).text
    'failed'
    """
    clause = t.child(noun.id, "acl", "ccomp")
    return clause if clause is not None else that_clause_after(t, noun)


def that_clause_after(t: Tree, noun: Word) -> Word | None:
    """The clause a "that" right after ``noun`` opens, wherever the parse hung it ("his claim
    that people would ...", "reports that the meeting had been postponed").

    >>> t = Tree.from_spec("reports/NOUN/0/root that/SCONJ/4/mark talks/NOUN/4/nsubj failed/VERB/1/parataxis")
    >>> that_clause_after(t, t.w(1)).text
    'failed'
    """
    if noun.id >= len(t.words):
        return None
    nxt = t.w(noun.id + 1)
    if nxt.text.lower() != "that" or nxt.deprel != "mark":
        return None
    return t.clause_opened_by(nxt, after=noun.id)


def that_clause_under(t: Tree, w: Word, rels: tuple[str, ...] = ("acl", "ccomp"),
                      tags: tuple[str, ...] | None = None) -> Word | None:
    """The first clause after ``w`` hung off it by one of ``rels`` and marked by "that" (a
    "that" tagged one of ``tags`` when they are given), or None.

    >>> t = Tree.of("claims that it failed", [("claims", "NOUN", 0, "root"), ("that", "PRON", 4, "mark"),
    ...             ("it", "PRON", 4, "nsubj"), ("failed", "VERB", 1, "acl")])
    >>> that_clause_under(t, t.w(1)).text, that_clause_under(t, t.w(1), tags=("SCONJ",))
    ('failed', None)
    """
    for k in t.children(w.id, *rels):
        mark = t.child(k.id, "mark")
        if k.id > w.id and mark is not None and mark.lemma.lower() == "that" and (tags is None or mark.upos in tags):
            return k
        if k.id > w.id and mark is None and that_read_as_pronoun(t, k) is not None:
            return k
    return None


def that_read_as_pronoun(t: Tree, k: Word) -> Word | None:
    """The "that" opening clause ``k`` that the parse read as a relative pronoun though the
    clause already has the role it was given: a complementizer ("in a statement this month
    that he had reached a settlement", "that" read as the object of "reached" beside
    "settlement").

    >>> t = Tree.from_spec("statement/NOUN/0/root that/PRON/5/obj he/PRON/5/nsubj had/AUX/5/aux "
    ...                    "reached/VERB/1/acl:relcl deal/NOUN/5/obj")
    >>> that_read_as_pronoun(t, t.w(5)).id
    2
    """
    x = t.w(min(t.subtree(k.id)))
    if x.lemma.lower() != "that" or x.head != k.id or x.deprel not in ("obj", "nsubj") \
            or x.deprel == "obj" and k.lemma.lower() in load().words("double_object_verbs"):
        return None
    return x if any(c.id != x.id for c in t.children(k.id, x.deprel)) else None


def medium_clause(t: Tree, noun: Word, rels: tuple[str, ...] = ("acl", "ccomp")) -> Word | None:
    """The that-clause hung off ``noun`` ("in a statement that ...") by one of ``rels``, its
    "that" a complementizer (SCONJ, not a relative pronoun), or None."""
    return that_clause_under(t, noun, rels, tags=("SCONJ",))


def quote_or_clause_child(t: Tree, w: Word) -> Word | None:
    """A complement parsed as parataxis/xcomp/obj that is a clause or a quotation."""
    for k in t.children(w.id, "parataxis", "xcomp", "obj", "advcl"):
        sub = t.subtree(k.id)
        # a quoted clause, not a quoted term: 'announced a “special military operation”' is no speech
        has_quote = any(t.w(i).text in "“\"«" for i in sub) and \
            any(t.w(i).upos in ("VERB", "AUX") for i in sub)
        mark = t.child(k.id, "mark")
        if k.id < w.id and k.deprel.startswith("advcl") and has_quote and mark is None \
                and t.child(k.id, "nsubj") is not None and t.child(k.id, "cc") is None and _just_before(t, w, sub):
            return k  # '“Oz is smart,” Mosko wrote' with the quotation hung as an adverbial clause
        if k.id < w.id and k.deprel.split(":")[0] not in ("parataxis",):
            continue
        if k.deprel.startswith("parataxis") and (mark is None or mark.lemma.lower() == "that"):
            return k  # (not a parataxis with a mark of its own: "agreed to pay so he could start")
        if k.deprel.startswith("xcomp") and w.lemma.lower() == "say" and t.child(k.id, "mark") is not None:
            return None
        if has_quote and k.deprel.split(":")[0] in ("obj", "xcomp"):
            return k
        if k.deprel.startswith("advcl") and t.child(k.id, "mark") is not None and \
                t.child(k.id, "mark").lemma.lower() in ("that",):
            return k
    return None


def _just_before(t: Tree, w: Word, sub: set[int]) -> bool:
    """Whether the words ``sub`` end right before verb ``w``'s subject, the two set off by
    punctuation alone ('“...,” Mosko wrote')."""
    subj = t.child(w.id, "nsubj")
    if subj is None or subj.id > w.id:
        return False
    last = max(i for i in sub if t.w(i).upos != "PUNCT")
    return all(t.w(i).upos == "PUNCT" for i in range(last + 1, min(t.subtree(subj.id))))


def participle_aside(t: Tree, k: Word, lex: Lexicon) -> bool:
    """Whether ``k`` heads a participle phrase after the verb that is not what was said:
    "said, referring to the country's official name" (how) or '“...,” Smith said, adding
    that ...' (a speech act of its own), whichever way the parse attached it."""
    if k.xpos != "VBG" or t.child(k.id, "nsubj") is not None or t.child(k.id, "mark") is not None:
        return False
    if k.deprel.startswith("advcl") or lex.is_speech_verb(k.lemma.lower()):
        return True
    first = min(i for i in t.subtree(k.id) if t.w(i).upos != "PUNCT")
    return first > 1 and t.w(first - 1).text == ","


def adverbial(t: Tree, k: Word, lex: Lexicon) -> bool:
    """Whether the clause headed by ``k`` has a when-or-why subordinator ("because ...")
    of its own, not one inside a that-clause ("said that because ... does not mean ...")."""
    marks = sorted(t.children(k.id, "mark"), key=lambda m: m.id)
    return bool(marks) and marks[0].lemma.lower() != "that" and \
        any(m.lemma.lower() in lex.words("adverbial_marks") for m in marks)


def infinitive_read_as_noun(t: Tree, w: Word, lex: Lexicon) -> Word | None:
    """"declined to comment" tagged as a preposition and a noun: a bare singular noun right
    after "to" right after verb ``w``, itself a reporting verb's lemma, is the verb's infinitive.

    >>> from quotes.lexicons import load
    >>> t = Tree.from_spec("She/PRON/2/nsubj declined/VERB/0/root to/ADP/4/case comment/NOUN/2/obl ./PUNCT/2/punct")
    >>> infinitive_read_as_noun(t, t.w(2), load()).text
    'comment'
    >>> t = Tree.from_spec("She/PRON/2/nsubj spoke/VERB/0/root to/ADP/4/case police/NOUN/2/obl ./PUNCT/2/punct")
    >>> infinitive_read_as_noun(t, t.w(2), load()) is None
    True
    """
    if w.id + 2 > len(t.words) or t.w(w.id + 1).lemma.lower() != "to":
        return None
    x = t.w(w.id + 2)
    if x.head != w.id or x.upos != "NOUN" or "Number=Plur" in x.feats or not lex.is_speech_verb(x.lemma.lower()):
        return None
    return x if [k.id for k in t.children(x.id)] == [w.id + 1] else None


def fronted_adjuncts(t: Tree, w: Word, ids: set[int] | frozenset[int]) -> set[int]:
    """The adjuncts of verb ``w`` that open its sentence before what was said, ``ids``, when
    the verb comes after it ("With thousands of systems, “there is no single point of
    failure,” he said"): the parse hangs them on the verb, but they are the statement's.

    >>> t = Tree.from_spec("With/ADP/2/case thousands/NOUN/7/obl ,/PUNCT/2/punct there/PRON/5/expl is/AUX/7/ccomp "
    ...                    "he/PRON/7/nsubj said/VERB/0/root/say")
    >>> sorted(fronted_adjuncts(t, t.w(7), {4, 5}))
    [1, 2, 3]
    """
    if not ids or min(ids) > w.id or max(ids) > w.id:
        return set()
    first = min(ids)
    extra: set[int] = set()
    for k in t.children(w.id, *FRONTED_RELS):
        sub = t.subtree(k.id)
        if k.id < first and all(i < first or t.w(i).upos == "PUNCT" for i in sub):
            extra |= {i for i in sub if i < first}
    if not extra or not all(i in extra or t.w(i).upos == "PUNCT" for i in range(1, first)):
        return set()
    return extra
