"""Where a hedge or a negation in a sentence reaches: whether a hedge word, a negation or a
denial word applies to the claim or to something else in the sentence. The stance rules of
:mod:`quotes.claims.stance_rules` ask these; word lists are data (``quotes/lexicons/``).

>>> lex = stance_lexicon()
>>> t = "banksy was not arrested"
>>> negated_word(t, lex["negation"].search(t), context(t, [], "Banksy was arrested"))
'arrested'
"""

from __future__ import annotations

import re

from quotes.claims.headlines import stance_lexicon
from quotes.claims.normalize import content_keys
from quotes.claims.stance_context import Context, clauses, context, folded, word_keys  # noqa: F401 (context: doctests)
from quotes.lexicons import fold, load

#: Words after a negation that it can reach ("did not have the surgery": 4).
NEGATION_REACH = 4
#: Words after an attributive hedge taken as the noun phrase it modifies ("alleged new audio").
NOUN_PHRASE = 3
#: Share of the claim's words a sentence must have for any negation in it to deny the claim.
NEGATED_COVER = 0.5
#: Words after a modal hedge searched for a word of the claim it hedges ("could be a record": 8).
MODAL_REACH = 8
#: Words before a negation searched for a subordinating word ("so he won't": 3).
SCOPE_REACH = 3
#: Words before a negation searched for a word of the claim, its negated subject ("Paul Rudd is not": 2).
SUBJECT_REACH = 2


def negated_denial(clause: str, m: re.Match) -> bool:
    """A denial word that is itself negated or denied affirms ("is no hoax", "They're not fake",
    "denies hoax claims"): within :data:`NEGATION_REACH` words before it, in its own phrase.

    >>> lex = stance_lexicon()
    >>> [negated_denial(t, lex["denial"].search(t)) for t in ("it is no hoax", "it is a hoax")]
    [True, False]
    """
    before = re.findall(r"[\w'’,]+", clause[:m.start()])[-NEGATION_REACH:]
    phrase = " ".join(before).split(",")[-1]
    lex = stance_lexicon()
    return bool(lex["negation"].search(phrase) or re.search(r"(?<!\w)no(?!\w)", phrase)
                or lex["denial"].search(phrase))


def opens_yes_no_question(clause: str, *lists: str) -> bool:
    """Whether ``clause`` opens with a word of the ``word_lists.tsv`` lists named ("Was ...")."""
    first = re.match(r"\W*([\w'’]+)", clause)
    return bool(first) and any(fold(first.group(1)) in load().words(name) for name in lists)


def negated_word(clause: str, m: re.Match, c: Context) -> str | None:
    """What a negation negates when that is the claim: a word of the claim within
    :data:`NEGATION_REACH` words after it; nothing at all ("No he wasn't", "Probably not":
    the negation answers the claim); in a sentence mostly about the claim
    (:data:`NEGATED_COVER`, counted from the negation's own comma segment on), whatever
    follows; or the claim's subject right before it (:data:`SUBJECT_REACH` words: "Paul Rudd
    is not the hero"). Never from inside a
    subordinate clause ("so he won't turn into a werewolf", "who has not been identified":
    ``stance_negation_scope.txt``)."""
    before = re.findall(r"[\w'’]+", clause[:m.start()])[-SCOPE_REACH:]
    if any(fold(w) in stance_lexicon()["negation_scope"] for w in before):
        return None
    subject = re.findall(r"[\w'’]+", re.split(r"[,;—–]", clause[:m.start()])[-1])[-SUBJECT_REACH:]
    after = re.findall(r"[\w'’]+", clause[m.end():])
    if not after:
        return "(the claim)"
    if negates_reader_or_attitude(clause, m, after):
        return None
    if "or" in (fold(w) for w in before[-2:]):
        return None  # "may or may not", "whether or not": an alternative, no denial
    # (the reach stops at a comma: "Kim not missing, just having ankle surgery")
    rest = re.split(r"[,;—–]", clause[m.end():])[0]
    for w in re.findall(r"[\w'’]+", rest)[:NEGATION_REACH]:
        keys = word_keys(w)
        if keys and (not c.words or keys & c.words):
            return w
    own = re.split(r"[,;—–]", clause[:m.end()])[-1]  # not "Apple may buy Path, that app you don't use"
    if c.words and len(content_keys(own + rest).all & c.words) >= NEGATED_COVER * len(c.words):
        return after[0]
    # "Paul Rudd is not the hero who ...": the claim's own subject, right before the negation
    subject = [w for w in subject if c.words and word_keys(w) & c.words]
    return subject[-1] if subject else None


def negates_reader_or_attitude(clause: str, m: re.Match, after: list[str]) -> bool:
    """A negation that tells the reader what to do or think ("Don't reset all settings ...",
    "You'll never guess how ...": it opens the sentence, or the reader is its subject), or that
    denies a feeling or impression (``negated_attitudes``: "Apple isn't happy with the battery
    life"), does not negate the claim's proposition (word lists in ``word_lists.tsv``).

    >>> lex = stance_lexicon()
    >>> t = "apple isn't happy with the battery life"
    >>> m = lex["negation"].search(t)
    >>> negates_reader_or_attitude(t, m, re.findall(r"[\\w'’]+", t[m.end():]))
    True
    """
    lex = load()
    before = re.findall(r"[\w'’]+", clause[:m.start()])
    opening = not before and re.sub(r"\s+", " ", fold(m.group(0)).strip(" ,")) in lex.words("imperative_negations")
    if opening or before and fold(before[-1]) in lex.words("reader_subjects"):
        return True
    word = next((w for w in (fold(x) for x in after) if w not in lex.words("negation_skips")), "")
    return word in lex.words("negated_attitudes")


def attributive_elsewhere(text: str, m: re.Match, c: Context) -> bool:
    """An attributive hedge before a noun that is not the claim's ("alleged rapist" when the
    claim is that a mob castrated a man): it hedges that noun, not the sentence."""
    if fold(m.group(0).strip()) not in stance_lexicon()["attributive_hedges"]:
        return False
    nxt = re.findall(r"[\w'’-]+", text[m.end():])
    keys = content_keys(nxt[0]).all if nxt else frozenset()
    phrase = content_keys(" ".join(nxt[:NOUN_PHRASE])).all
    return bool(keys) and not phrase & c.words  # "suspected of selling" hedges


def modal_elsewhere(text: str, m: re.Match, c: Context) -> bool:
    """A modal hedge ("could", "may": ``stance_modal_hedges.txt``) that no word of the claim
    follows within :data:`MODAL_REACH` words hedges something else ("Fisherman lands catfish
    which could be biggest in world")."""
    if not c.words or fold(m.group(0).strip()) not in stance_lexicon()["modal_hedges"]:
        return False
    after = re.findall(r"[\w'’]+", text[m.end():])[:MODAL_REACH]
    return not any(word_keys(w) & c.words for w in after)


#: Words after a modal hedge searched for the reader it tells of ("could soon land you": 3).
READER_REACH = 3


def reader_consequence(text: str, m: re.Match) -> bool:
    """A modal hedge ("could", "may": ``stance_modal_hedges.txt``) whose verb has the reader as
    its object (``reader_objects`` in ``word_lists.tsv``, within :data:`READER_REACH` words)
    tells what the thing can do to the reader, not whether it is so: "iOS 8 bug could delete
    your iCloud Drive files", "Marijuana possession could soon land you a ticket".

    >>> lex = stance_lexicon()
    >>> texts = ("bug could delete your files", "bug could delete files")
    >>> [reader_consequence(t, lex["hedge"].search(t)) for t in texts]
    [True, False]
    """
    if fold(m.group(0).strip()) not in stance_lexicon()["modal_hedges"]:
        return False
    after = [fold(w) for w in re.findall(r"[\w'’]+", text[m.end():])[:READER_REACH]]
    return any(w in load().words("reader_objects") for w in after[1:])


def yes_no_question(text: str) -> str | None:
    """A yes/no question of the headline's own before what follows it ("Is this Crabzilla? Giant
    crab spotted off the coast"): the question it asks.

    >>> yes_no_question("Is this Crabzilla? Giant crab spotted off British coast")
    'Is this Crabzilla?'
    >>> yes_no_question("Want a gold watch? All you need is 5,000")
    """
    for clause in clauses(text):
        if clause.rstrip(" '\"’”").endswith("?") and \
                opens_yes_no_question(clause, "yes_no_openers", "yes_no_openers_headline"):
            return clause.strip()
    return None


def scheduled_future(m: re.Match, c: Context) -> bool:
    """A hedge that schedules what follows ("set to": ``scheduled_hedges`` in ``word_lists.tsv``)
    against a claim in the future tense (``future_markers``: "will") says what the claim says.

    >>> lex = stance_lexicon()
    >>> m = lex["hedge"].search("seth rogen set to play wozniak")
    >>> [scheduled_future(m, context("x", [], claim)) for claim in ("Rogen will play Wozniak", "Rogen played Wozniak")]
    [True, False]
    """
    if re.sub(r"\s+", " ", m.group(0).strip()) not in load().words("scheduled_hedges"):
        return False
    return bool(c.claim) and any(w in load().words("future_markers") for w in re.findall(r"[\w'’]+", folded(c.claim)))


def person_noun(text: str, m: re.Match) -> bool:
    """A hedge word that is a noun for a person ("suspect": ``person_noun_hedges`` in
    ``word_lists.tsv``) hedges only before what is suspected (``suspicion_complements``: "a
    suspect in the beheading"); otherwise it names somebody ("Suspect Dead In Shooting").

    >>> lex = stance_lexicon()
    >>> [person_noun(t, lex["hedge"].search(t)) for t in ("suspect dead in shooting", "rapper a suspect in beheading")]
    [True, False]
    """
    if fold(m.group(0).strip()) not in load().words("person_noun_hedges"):
        return False
    nxt = re.findall(r"[\w'’]+", text[m.end():])[:1]
    return not (nxt and nxt[0] in load().words("suspicion_complements"))


def compound_word(text: str, m: re.Match) -> bool:
    """A hedge word that opens a hyphenated compound is no hedge ("would-be rapist")."""
    return bool(re.match(r"-\w", text[m.end():]))


def claims_question(text: str, claim: str | None) -> bool:
    """The question is one the claim itself quotes ("asks doctors How's it going?" for the claim
    that she asked "How's it going?"): no question of the headline's own.

    >>> claims_question("Teen asks doctors how's it going?", "She asked the surgeons How's it going?")
    True
    >>> claims_question("Is this Crabzilla?", "A giant crab was spotted")
    False
    """
    asked = re.search(r"((?:[\w'’]+\W+){0,2}[\w'’]+)\W*\?\W*$", text)
    return bool(claim and "?" in claim and asked and folded(asked.group(1)) in folded(claim))


def reader_question(text: str) -> bool:
    """The closing question asks the reader ("Will you spend 5,000 for the gold edition?"),
    not whether the claim is true: an auxiliary and "you" (``reader_subjects`` in
    ``word_lists.tsv``) open it.

    >>> reader_question("Apple Watch pricing: Will you spend 5000 for Gold edition?"), reader_question("Is it real?")
    (True, False)
    """
    last = clauses(text.strip())[-1]
    words = [fold(w) for w in re.findall(r"[\w'’]+", last)[:2]]
    return len(words) == 2 and words[1] in load().words("reader_subjects")


def masthead(text: str) -> bool:
    """Whether ``text`` names who publishes, not a story: an outlet ("Gateway Pundit":
    ``outlets.tsv``) or a newsroom role ("Staff Reporter": ``newsroom_roles`` in
    ``word_lists.tsv``). Such a line in place of a headline states nothing about the claim.

    >>> masthead("Staff Reporter"), masthead("Gateway Pundit"), masthead("Ghost Ship")
    (True, True, False)
    """
    words = re.findall(r"[\w'’-]+", text)
    return bool(words) and (fold(words[-1]) in load().words("newsroom_roles") or bool(load().outlet_name(text.strip())))
