"""Who speaks: the speaker of a speech verb read off the dependency tree.

A parse gives the subject; news sentences often hide it: after a quotation ('“...,” said
Kevin Barrett', '“...,” Scott Pruitt, the attorney general, said'), inherited by a
participle ('..., adding that'), the object of a "for" gerund ('held Pagliano in contempt
for refusing'), or lost to a misparse. :func:`speaker_of` tries :data:`SPEAKER_READINGS` in
order and takes the first word that none of :data:`SPEAKER_REJECTIONS` rules out.

>>> from quotes.lexicons import load
>>> text = "Ushakov, an aide, told Interfax that it was off."
>>> t = Tree.of(text, [("Ushakov", "PROPN", 5, "nsubj"), (",", "PUNCT", 4, "punct"), ("an", "DET", 4, "det"),
...                    ("aide", "NOUN", 1, "appos"), ("told", "VERB", 0, "root", "tell"),
...                    ("Interfax", "PROPN", 5, "obj"),
...                    ("that", "SCONJ", 10, "mark"), ("it", "PRON", 10, "nsubj"), ("was", "AUX", 10, "cop"),
...                    ("off", "ADV", 5, "ccomp"), (".", "PUNCT", 5, "punct")])
>>> speaker_of(t, t.w(5), load()).text
'Ushakov'
"""

from __future__ import annotations

import re

from quotes.extractors import rules
from quotes.extractors.subjects import (dateline_end, in_complement, name_before, outside_parentheses,
                                        quoted_before)
from quotes.extractors.speaker_absolute import participle_agent, with_absolute_subject
from quotes.extractors.speaker_misread import participle_main_verb_subject
from quotes.extractors.speaker_inverted import comma_tail_subject, inverted_subject
from quotes.extractors.speaker_vetoes import named_before_conjunct, subject_before_complement, subject_of_complement
from quotes.extractors.tree import CLOSE_QUOTES, Tree
from quotes.lexicons import Lexicon
from quotes.types import Word

RULE_SEQUENCES = ("SPEAKER_READINGS", "SPEAKER_REJECTIONS")


def after_quote_subject(t: Tree, w: Word) -> Word | None:
    """The speaker of a verb right after a closing quotation mark: '“...,” Trump warned'
    (the nearest subject, not one inside the quotation) or '“...,” wrote Cameron Easley'
    (the noun after the verb, not a subject inherited from the quoted clause).

    >>> from quotes.extractors.explain import trial
    >>> trial("Peskov/PROPN/8/nsubj :/PUNCT/1/punct “/PUNCT/5/punct Talks/NOUN/5/nsubj failed/VERB/8/ccomp "
    ...       ",/PUNCT/5/punct ”/PUNCT/5/punct said/VERB/0/root/say Barrett/PROPN/8/obj ./PUNCT/8/punct",
    ...       "after_quote_subject")
    after_quote_subject fired on 'said'
    cue 'said': Barrett -> '“Talks failed,”' (complement_clause)
    """
    k = w.id - 2
    while k >= 0 and t.words[k].text == ",":
        k -= 1
    before = t.words[k] if k >= 0 else None
    if before is not None and (before.text in CLOSE_QUOTES or before.text == "’"):
        inv = inverted_subject(t, w)
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


def participle_head_subject(t: Tree, w: Word) -> Word | None:
    """'..., adding that ...', 'while chanting, “...”': the speaker of the clause the
    participle hangs off (through a noun it was attached to by mistake).

    >>> from quotes.extractors.explain import trial
    >>> trial("Peabody/PROPN/2/nsubj said/VERB/0/root/say :/PUNCT/7/punct “/PUNCT/7/punct It/PRON/7/nsubj "
    ...       "was/AUX/7/cop huge/ADJ/2/ccomp a/DET/9/det decade/NOUN/13/nsubj ago/ADV/9/advmod ,/PUNCT/13/punct "
    ...       "”/PUNCT/13/punct adding/VERB:VBG/2/ccomp/add that/SCONJ/16/mark value/NOUN/16/nsubj rose/VERB/13/ccomp "
    ...       "./PUNCT/2/punct", "participle_head_subject")
    participle_head_subject fired on 'adding'
    cue 'said': Peabody -> (the quotation that follows) (quotation_after_verb)
    cue 'adding': Peabody -> 'value rose' (complement_clause)
    """
    if w.xpos != "VBG" or not w.head or w.deprel.split(":")[0] not in ("advcl", "ccomp", "xcomp", "conj",
                                                                        "parataxis", "acl"):
        return None
    h = t.w(w.head)
    for _ in range(3):
        if h.upos in ("VERB", "AUX", "ADJ"):
            return after_quote_subject(t, h) or t.subject(h.id) or name_before(t, h)
        if not h.head:
            return None
        h = t.w(h.head)
    return None


def for_gerund_object(t: Tree, w: Word) -> Word | None:
    """'held Pagliano in contempt for refusing to ...', 'praised her for saying ...': the
    object of the verb the "for" gerund hangs off is who refused or said.

    >>> from quotes.extractors.explain import trial
    >>> trial("Panel/NOUN/2/nsubj held/VERB/0/root Pagliano/PROPN/2/obj for/SCONJ/5/mark "
    ...       "refusing/VERB:VBG/2/advcl/refuse to/PART/7/mark appear/VERB/5/xcomp ./PUNCT/2/punct",
    ...       "for_gerund_object")
    for_gerund_object fired on 'refusing'
    cue 'refusing': Pagliano -> 'to appear' (topic_object)
    """
    if w.xpos != "VBG" or not w.head or t.child(w.id, "nsubj") is not None:
        return None
    if not any(m.lemma.lower() == "for" for m in t.children(w.id, "mark", "case")):
        return None
    h = t.w(w.head)
    obj = t.child(h.id, "obj") if h.upos == "VERB" else None
    return obj if obj is not None and obj.id < w.id and obj.upos in ("PROPN", "NOUN", "PRON") else None


def conj_head_subject(t: Tree, w: Word) -> Word | None:
    """'Strada accused ... and asserted that ...': the subject of the verb it is coordinated with.

    >>> from quotes.extractors.explain import trial
    >>> trial("Strada/PROPN/2/nsubj wept/VERB/0/root and/CCONJ/4/cc asserted/VERB/2/conj/assert that/SCONJ/8/mark "
    ...       "she/PRON/4/nsubj was/AUX/8/cop tired/ADJ/4/ccomp ./PUNCT/2/punct", "conj_head_subject")
    conj_head_subject fired on 'asserted'
    cue 'asserted': Strada -> 'she was tired' (complement_clause)
    """
    return t.subject(w.head) if w.deprel.startswith("conj") and w.head else None


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def subject_after_dateline(t: Tree, w: Word) -> Word | None:
    """'FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton criticized ...' parsed with
    the dateline's place as a subject too: the verb's subject after the dateline's dash.

    >>> from quotes.extractors.explain import trial
    >>> trial("FLINT/PROPN/10/nsubj ,/PUNCT/3/punct Mich./PROPN/1/conj (/PUNCT/5/punct UPI/PROPN/1/appos "
    ...       ")/PUNCT/5/punct —/PUNCT/5/punct Bill/PROPN/1/conj Clinton/PROPN/8/flat "
    ...       "criticized/VERB/0/root/criticize the/DET/13/det health/NOUN/13/compound law/NOUN/10/obj "
    ...       "./PUNCT/10/punct", "subject_after_dateline")
    subject_after_dateline fired on 'criticized'
    cue 'criticized': Bill -> 'the health law' (object_and_complement)
    """
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


def clause_before_expletive(t: Tree, w: Word) -> Word | None:
    """'It is astounding that Trump demands ..., yet refuses to ...' parsed with "refuses" a
    conjunct of "astounding", or "it's because the young ones don't see ..., and refuse" with "it"
    the outer subject of "see": not the expletive "it" but the clause's own subject.

    >>> from quotes.extractors.explain import trial
    >>> trial("It/PRON/3/nsubj is/AUX/3/cop odd/ADJ/0/root that/SCONJ/6/mark Lee/PROPN/6/nsubj asks/VERB/3/ccomp "
    ...       "yet/ADV/8/advmod refuses/VERB/3/conj/refuse to/PART/10/mark pay/VERB/8/xcomp ./PUNCT/3/punct",
    ...       "clause_before_expletive")
    clause_before_expletive fired on 'refuses'
    cue 'asks': Lee -> (nothing here: a bare cue) (bare_cue)
    cue 'refuses': Lee -> 'to pay' (topic_object)
    """
    if not w.deprel.startswith("conj") or not w.head or t.child(w.id, "nsubj") is not None:
        return None
    h = t.w(w.head)
    it = next((k for k in t.children(h.id) if k.deprel in ("nsubj", "expl", "nsubj:outer") and k.id < h.id), None)
    if it is None or it.lemma.lower() != "it":
        return None
    if it.deprel == "nsubj:outer":  # "it's because the young ones don't see ..., and refuse"
        return next((k for k in t.children(h.id) if k.deprel == "nsubj" and it.id < k.id < h.id), None)
    clauses = [c for c in t.children(h.id, "ccomp", "advcl", "csubj") if h.id < c.id < w.id]
    return t.child(clauses[-1].id, "nsubj") if clauses else None


def own_subject(t: Tree, w: Word) -> Word | None:
    """The verb's own subject, or one it inherits ("..., adding that", "declined to confirm").

    >>> from quotes.extractors.explain import trial
    >>> trial("Peskov/PROPN/2/nsubj said/VERB/0/root/say that/SCONJ/6/mark the/DET/5/det visit/NOUN/6/nsubj "
    ...       "continued/VERB/2/ccomp/continue ./PUNCT/2/punct", "own_subject")
    own_subject fired on 'said'
    own_subject fired on 'continued'
    cue 'said': Peskov -> 'the visit continued' (clause_after_verb)
    cue 'continued': visit -> (nothing here: a bare cue) (bare_cue)
    """
    return t.subject(w.id)


def name_after_quotation(t: Tree, w: Word) -> Word | None:
    """The name between a closing quotation mark and the verb ('“...,” Rep. Gwen Moore said').

    >>> from quotes.extractors.explain import trial
    >>> trial("“/PUNCT/3/punct Subpoenas/NOUN/3/nsubj matter/VERB/8/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct "
    ...       "panel/NOUN/3/appos Chaffetz/PROPN/6/flat said/VERB/0/root/say after/ADP/10/case "
    ...       "Pagliano/PROPN/11/nsubj left/VERB/8/ccomp ./PUNCT/8/punct", "name_after_quotation")
    name_after_quotation fired on 'said'
    cue 'said': Chaffetz -> '“Subpoenas matter,”' (complement_clause)
    """
    return name_before(t, w)


#: Ways to find a speech verb's speaker, most trusted first.
SPEAKER_READINGS = (after_quote_subject, for_gerund_object, with_absolute_subject, subject_after_dateline,
                    clause_before_expletive, participle_agent, comma_tail_subject, own_subject, inverted_subject,
                    name_after_quotation, participle_main_verb_subject, participle_head_subject, conj_head_subject)


def time_word(t: Tree, w: Word, x: Word, lex: Lexicon) -> bool:
    """A time is no speaker ("This week said ...", '“...,” X said Tuesday').

    (But "The Times" lemmatized as "time" is, and a relative pronoun stands for its noun:
    "the Saudi government, which has denied ...".)

    >>> from quotes.extractors.explain import trial
    >>> trial("“/PUNCT/3/punct Vetoes/NOUN/3/nsubj fail/VERB/8/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct "
    ...       "Mitch/PROPN/7/compound McConnell/PROPN/3/conj said/VERB/0/root/say Tuesday/PROPN/8/nsubj "
    ...       "./PUNCT/8/punct", "time_word")
    time_word vetoed on 'said'
    time_word vetoed on 'said'
    cue 'said': McConnell -> '“Vetoes fail,”' (complement_clause)
    """
    relative = x.lemma.lower() in lex.words("relative_subjects") and w.deprel == "acl:relcl" and x.head == w.id
    timely = x.text.lower() in lex.not_speakers or x.lemma.lower() in lex.not_speakers and not x.text[:1].isupper()
    return timely and not relative


def year_number(t: Tree, w: Word, x: Word, lex: Lexicon) -> bool:
    """A year is no speaker ("2016 said ...").

    >>> from quotes.extractors.explain import trial
    >>> trial("2016/NUM/2/nsubj said/VERB/0/root/say talks/NOUN/4/nsubj failed/VERB/2/ccomp ./PUNCT/2/punct",
    ...       "year_number")
    year_number vetoed on 'said'
    """
    return _YEAR.fullmatch(x.text) is not None


def prepositional_phrase(t: Tree, w: Word, x: Word, lex: Lexicon) -> bool:
    """A noun with a preposition is no subject ("in many cases reporting ..."; but see
    :func:`with_absolute_subject`), unless it is the verb's agent ("reported by Politico").

    >>> from quotes.extractors.explain import trial
    >>> trial("Companies/NOUN/2/nsubj hid/VERB/0/root havens/NOUN/2/obj ,/PUNCT/8/punct in/ADP/7/case many/ADJ/7/amod "
    ...       "cases/NOUN/8/nsubj reporting/VERB:VBG/2/advcl/report that/SCONJ/11/mark profits/NOUN/11/nsubj "
    ...       "fell/VERB/8/ccomp ./PUNCT/2/punct", "prepositional_phrase")
    prepositional_phrase vetoed on 'reporting'
    cue 'reporting': Companies -> 'profits fell' (complement_clause)
    """
    return any(k.upos == "ADP" for k in t.children(x.id, "case")) and x is not with_absolute_subject(t, w) \
        and not (x.deprel == "obl:agent" and x.head == w.id)


def word_of_quotation(t: Tree, w: Word, x: Word, lex: Lexicon) -> bool:
    """A word of a quotation is not its speaker ('“... a decade ago,” adding that ...').

    >>> from quotes.extractors.explain import trial
    >>> trial("Peabody/PROPN/2/nsubj said/VERB/0/root/say :/PUNCT/7/punct “/PUNCT/7/punct It/PRON/7/nsubj "
    ...       "was/AUX/7/cop huge/ADJ/2/ccomp a/DET/9/det decade/NOUN/13/nsubj ago/ADV/9/advmod ,/PUNCT/13/punct "
    ...       "”/PUNCT/13/punct adding/VERB:VBG/2/ccomp/add that/SCONJ/16/mark value/NOUN/16/nsubj rose/VERB/13/ccomp "
    ...       "./PUNCT/2/punct", "word_of_quotation")
    word_of_quotation vetoed on 'adding'
    cue 'said': Peabody -> (the quotation that follows) (quotation_after_verb)
    cue 'adding': Peabody -> 'value rose' (complement_clause)
    """
    return quoted_before(t, x, w)


def word_of_complement(t: Tree, w: Word, x: Word, lex: Lexicon) -> bool:
    """A word after the verb's "that" belongs to what was said ("asserted that she ...").

    >>> from quotes.extractors.explain import trial
    >>> trial("Strada/PROPN/2/nsubj wept/VERB/0/root and/CCONJ/4/cc asserted/VERB/2/conj/assert that/SCONJ/8/mark "
    ...       "she/PRON/4/nsubj was/AUX/8/cop tired/ADJ/4/ccomp ./PUNCT/2/punct", "word_of_complement")
    word_of_complement vetoed on 'asserted'
    cue 'asserted': Strada -> 'she was tired' (complement_clause)
    """
    return in_complement(t, x, w)


def inside_dateline(t: Tree, w: Word, x: Word, lex: Lexicon) -> bool:
    """A word of the dateline is not the speaker ("MOSCOW (AA) – ...").

    >>> from quotes.extractors.explain import trial
    >>> trial("MOSCOW/PROPN/6/nsubj —/PUNCT/6/punct Talks/NOUN/4/nsubj failed/VERB/6/ccomp ,/PUNCT/6/punct "
    ...       "said/VERB/0/root/say Peskov/PROPN/6/obj ./PUNCT/6/punct", "inside_dateline")
    inside_dateline vetoed on 'said'
    cue 'said': Peskov -> 'Talks failed' (complement_clause)
    """
    return x.id < dateline_end(t)


def not_nominal(t: Tree, w: Word, x: Word, lex: Lexicon) -> bool:
    """An adverb, a verb or an adjective in lower case is no speaker ("normalizes hate ... to
    maintain", "allegedly"): a misreading (a capitalised one may be a name the tagger missed).

    >>> from quotes.extractors.explain import trial
    >>> trial("Nobody/PRON/4/nsubj ,/PUNCT/3/punct normalizes/VERB/4/nsubj said/VERB/0/root talks/NOUN/6/nsubj "
    ...       "failed/VERB/4/ccomp ./PUNCT/4/punct", "not_nominal")
    not_nominal vetoed on 'said'
    cue 'said': Nobody -> 'talks failed' (complement_clause)

    A quantity word the parse made the subject speaks for its group, whatever its tag
    ("Nearly half said ...", ``quantity_speakers`` of ``word_lists.tsv``).
    """
    quantity = x.deprel.startswith("nsubj") and x.text.lower() in lex.words("quantity_speakers")
    return x.upos in ("ADV", "VERB", "ADJ", "AUX", "ADP", "SCONJ", "CCONJ", "PART", "INTJ") \
        and not x.text[:1].isupper() and not quantity


def audience_object(t: Tree, w: Word, x: Word, lex: Lexicon) -> bool:
    """The object after a verb whose object is its audience is who was told, not who spoke
    ('“...,” Warren, who has not endorsed anyone, told reporters'; here twice: the object is
    offered as the speaker of a verb after a comma, then as one after the verb).

    >>> from quotes.extractors.explain import trial
    >>> trial("“/PUNCT/3/punct We/PRON/3/nsubj wait/VERB/0/root ,/PUNCT/3/punct ”/PUNCT/3/punct Warren/PROPN/3/appos "
    ...       ",/PUNCT/10/punct who/PRON/10/nsubj has/AUX/10/aux endorsed/VERB/6/acl:relcl nobody/PRON/10/obj "
    ...       ",/PUNCT/13/punct told/VERB/3/conj/tell CNN/PROPN/13/obj ./PUNCT/3/punct", "audience_object")
    audience_object vetoed on 'told'
    audience_object vetoed on 'told'
    cue 'told': Warren -> (nothing here: a bare cue) (bare_cue)
    """
    verb = lex.verbs.get(w.lemma.lower())
    if not (x.id > w.id and x.head == w.id and x.deprel.split(":")[0] in ("obj", "iobj")
            and verb is not None and "no-object" in verb.complement):
        return False
    # ('“...,” added Smith' is inverted: nothing but punctuation between quotation and verb)
    k = w.id - 1
    while k >= 1 and t.w(k).upos == "PUNCT" and t.w(k).text not in CLOSE_QUOTES:
        k -= 1
    return k >= 1 and t.w(k).text not in CLOSE_QUOTES


#: What rules out a word a reading found (any of them does).
SPEAKER_REJECTIONS = (time_word, year_number, prepositional_phrase, word_of_quotation, word_of_complement,
                      inside_dateline, not_nominal, audience_object, named_before_conjunct,
                      subject_of_complement, subject_before_complement)


def speaker_of(t: Tree, w: Word, lex: Lexicon) -> Word | None:
    """The head word of the speaker of speech verb ``w``: the first word a rule of
    :data:`SPEAKER_READINGS` finds that no rule of :data:`SPEAKER_REJECTIONS` rules out
    (a name in parentheses stands for the name before it: :func:`.outside_parentheses`)."""
    traced = rules.active() is not None
    for reading in SPEAKER_READINGS:
        x = reading(t, w)
        if x is None:
            if traced:
                rules.record(reading, rules.NO_MATCH)
            continue
        rejection = next((r for r in SPEAKER_REJECTIONS if r(t, w, x, lex)), None)
        if rejection is not None:
            if traced:
                rules.record(reading, rules.VETOED, f"found {x.text!r}, ruled out by {rejection.__name__}")
                rules.record(rejection, rules.VETOED, f"not {x.text!r}: {rules.summary(rejection)}")
            continue
        if traced:
            rules.record(reading, rules.FIRED, f"{x.text!r}: {rules.summary(reading)}")
        return outside_parentheses(t, x)
    return None
