"""The stance of one sentence (a headline, or one sentence of a body) toward a claim.

Small named rules tried in order (:data:`RULES`); the first that answers decides. Each
takes a :class:`Context` (the sentence, the claim, the attribution records found in
the sentence) and returns ``(stance, reason)`` or ``None``. Stances are the claim stances
of :mod:`quotes.types`: ``supports``, ``denies``, ``reports``, ``cannot_confirm``.

The rules judge relative to the claim: a speaker the claim itself has speak ("Pope
Francis told a boy that ...") asserts it rather than attributing it; an attribution about
something else does not hedge it; hedge and denial words the claim uses itself do not
count; a negation counts only when it negates the claim's own proposition; a word that
contradicts the claim ("alive" against "dead") denies it; a question ("Real or hoax?") and
a contrast (", not Texas") do not. Word lists are data (``quotes/lexicons/stance_*``).

>>> from quotes.claims.headlines import headline_extract
>>> from quotes.types import Article
>>> art = Article("h", "Banksy arrested, police say", publisher="example.com")
>>> sentence_stance(art.text, headline_extract(art), publisher=art.publisher)
('reports', 'first_attribution', "attributed to 'police' (asserts), not the publisher")
>>> sentence_stance("I don't want to date anymore", [], claim="Woman had a third breast implanted")[0]
'supports'
>>> sentence_stance("The third breast was a hoax", [], claim="Woman had a third breast implanted")[:2]
('denies', 'denial_words')
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from quotes.claims.headlines import stance_lexicon
from quotes.claims.normalize import content_keys, lexicon
from quotes.claims.stance_context import (
    Context, claim_words, clauses, context, cue_lemma, folded, in_claim, is_publisher, outside, strip_claim_words,
    verb_class,
)
from quotes.claims.stance_scope import (
    attributive_elsewhere, claims_question, compound_word, masthead, modal_elsewhere, negated_denial, negated_word,
    opens_yes_no_question, person_noun, reader_consequence, reader_question, scheduled_future, yes_no_question,
)
from quotes.lexicons import fold, load
from quotes.nlp.colon import BEFORE, colon_source
from quotes.types import (
    CANNOT_CONFIRM, CONFIRMS, DENIES, HEDGED, NAMED_KINDS, REPORTS, SUPPORTS, UNKNOWN, Attribution,
)


__all__ = ["RULES", "Context", "Rule", "claim_words", "context", "folded", "sentence_stance", "strip_claim_words"]

Rule = Callable[[Context], "tuple[str, str] | None"]


# --- the rules, in order ---------------------------------------------------------------------

def claim_speaker_unsaid(c: Context) -> tuple[str, str] | None:
    """The speaker the claim has speak did not say it: "Pope Francis did NOT say ..."."""
    for a in c.every:
        if c.speakers and in_claim(a, c.speakers) and a.stance in (CANNOT_CONFIRM, HEDGED) and \
                re.search(r"\b(?:not|n't|never)\b", a.cue or "", re.I):
            return DENIES, f"{a.speaker.name!r}, who speaks in the claim, did not say it ({a.cue!r})"
    return None


def cannot_confirm_record(c: Context) -> tuple[str, str] | None:
    """A record that could not confirm it ("won't say if ..."): its denial words are not the sentence's."""
    for a in c.deciding:
        if a.stance == CANNOT_CONFIRM:
            return CANNOT_CONFIRM, f"{a.speaker.name!r} could not confirm it ({a.cue!r})"
    return None


def unconfirmed_words(c: Context) -> tuple[str, str] | None:
    """Words saying it could not be confirmed ("could not be verified", "unconfirmed")."""
    pattern = stance_lexicon()["unconfirmed"]
    m = pattern.search(strip_claim_words(c.own_text, pattern, c.claim))
    if m:
        return CANNOT_CONFIRM, f"{m.group(0).strip()!r}: not confirmed"
    return None


def _denial_in(clause: str, claim: str | None) -> str | None:
    if clause.rstrip(" '\"’”").endswith("?"):
        return None
    return _denial_word(clause, claim)


def _denial_word(clause: str, claim: str | None) -> str | None:
    lex = stance_lexicon()
    clause = strip_claim_words(re.sub(r",\s+not\b", ", ", clause, flags=re.I), lex["denial"], claim)
    for m in lex["denial"].finditer(clause):
        if not negated_denial(clause, m):
            return m.group(0)
    return None


def denial_words(c: Context) -> tuple[str, str] | None:
    """The sentence's own words deny it: a denial word the claim does not use itself
    ("hoax", "fake", "not true", "denies"), outside a question and not a contrast."""
    for clause in clauses(c.own_text):
        word = _denial_in(clause, c.claim)
        if word:
            return DENIES, f"denial word {word.strip()!r} in its own words"
    return None


def doubting_question(c: Context) -> tuple[str, str] | None:
    """A yes/no question asking whether the story is false doubts it: "Was the viral video all a
    hoax?", "Did Boston.com make up this story?" (a denial word in a question that opens with
    is/was/did; not an alternative: "Real or hoax?")."""
    for clause in clauses(c.own_text):
        if not clause.rstrip(" '\"’”").endswith("?") or re.search(r"(?<!\w)or(?!\w)", clause, re.I):
            continue
        if opens_yes_no_question(clause, "yes_no_openers"):
            word = _denial_word(clause, c.claim)
            if word:
                return DENIES, f"asks whether it is {word.strip()!r}"
    return None


#: Words between a dismissal and the reports it dismisses ("despite Internet death rumors": 2).
DISMISSAL_REACH = 3


def dismissed_reports(c: Context) -> tuple[str, str] | None:
    """The sentence sets itself against the reports of the claim: a dismissal
    (``stance_dismissals.txt``: "despite", "contrary to", "quashes") before a word for them
    (``stance_report_nouns.txt``) within :data:`DISMISSAL_REACH` words: "Playboy founder makes it
    to film night despite mortality rumours", "Snyder quashes stolen Batmobile rumor".

    >>> dismissed_reports(context("She says she is fine, despite kidnap reports", [], "She was kidnapped"))[0]
    'denies'
    >>> dismissed_reports(context("Twitter catches fire amid rumors of his death", [], "He died"))
    """
    lex = stance_lexicon()
    text = folded(c.text)  # the reports may be a record's cue ("stolen Batmobile rumor")
    for m in lex["dismissal"].finditer(text):
        after = re.findall(r"[\w'’-]+", text[m.end():])[:DISMISSAL_REACH + 1]
        hit = next((w for w in after if w in lex["report_nouns"]), None)
        if hit:
            return DENIES, f"{m.group(0).strip()!r} sets it against the {hit!r}"
    return None


def negated_proposition(c: Context) -> tuple[str, str] | None:
    """A negation that negates the claim's own proposition: a word of the claim follows it
    closely ("Banksy was not arrested" against "Banksy was arrested"). A negation about
    something else ("I don't want to date anymore"), inside a subordinate clause ("so he
    won't turn into a werewolf"), or made by the claim itself is not a denial of the claim. Without a claim, any
    negation of its own denies what the sentence says."""
    lex = stance_lexicon()
    for clause in re.split(r"(?<=[?.!:;])\s+", c.own_text):
        if clause.rstrip(" '\"’”").endswith("?"):
            continue
        clause = strip_claim_words(re.sub(r",\s+not\b", ", ", clause, flags=re.I), lex["negation"], c.claim)
        for m in lex["negation"].finditer(clause):
            hit = negated_word(clause, m, c)
            if hit:
                return DENIES, f"{m.group(0).strip(' ,')!r} negates the claim's {hit!r}"
        m = re.match(r"\W*no\s+", clause, re.I)
        if m and not (c.claim and re.match(r"\W*no\b", c.claim, re.I)):
            hit = negated_word(clause, m, c)
            if hit:
                return DENIES, f"opens with 'no' before the claim's {hit!r}"  # "No ISIL fighters on U.S. border"
    return None


def contradiction(c: Context) -> tuple[str, str] | None:
    """A word that contradicts one of the claim's ("alive" against "dead")."""
    if not c.claim:
        return None
    folded, said = fold(c.claim), fold(c.own_text)
    for cw, ws in stance_lexicon()["contradictions"]:
        m, n = cw.search(folded), ws.search(said)
        if m and n:
            return DENIES, f"{n.group(0)!r} contradicts the claim's {m.group(0)!r}"
    return None


def confirmation(a: Attribution) -> bool:
    """A record that presents its content as established: a confirming record, or one whose
    verb reveals or announces (``stance_revelation_verbs.txt``: "DNA results confirm ...",
    "Satellite picture reveals ...", "HP announces plan ..."), made by somebody or something
    named, not by an unnamed source ("Senior Western Intelligence Official Confirms ...":
    its head is an anonymous noun, ``anonymous_heads.txt``).

    >>> from quotes.types import Speaker
    >>> rec = lambda who, kind, cue: Attribution("h", "indirect", "x", 0, 1, cue, "asserts", Speaker(who, who, kind))
    >>> confirmation(rec("DNA Results", "unknown", "Confirm")), confirmation(rec("HP", "organization", "announces"))
    (True, True)
    >>> confirmation(rec("Intelligence Official", "person", "Confirms"))
    False
    >>> confirmation(rec("HP", "organization", "says"))
    False
    """
    if a.stance != CONFIRMS and cue_lemma(a) not in verb_class("revelation"):
        return False
    if a.speaker.kind not in NAMED_KINDS + (UNKNOWN,):
        return False
    words = fold(a.speaker.name or "").split()
    return bool(words) and words[-1] not in load().anonymous_heads


def first_attribution(c: Context) -> tuple[str, str] | None:
    """The first deciding record: a denial denies; a named source's confirmation supports
    (unless hedged outside it); a hedged record, or one by someone other than the
    publisher, reports."""
    lex = stance_lexicon()
    for a in sorted(c.deciding, key=lambda a: a.start):
        who = f"{a.speaker.name!r} ({a.stance})"
        if a.stance == DENIES:
            return DENIES, f"{who} denies it"
        if c.speakers and in_claim(a, c.speakers):
            continue
        if confirmation(a):
            rest = outside(c.text, a, c.offset)
            if a.cue:
                rest = rest.replace(a.cue, " ")
            m = lex["hedge"].search(fold(rest))
            if m:
                return REPORTS, f"{who} confirms it, but {m.group(0)!r} hedges it"
            return SUPPORTS, f"{who} confirms it"
        if a.stance in (HEDGED, CANNOT_CONFIRM):
            return REPORTS, f"attributed to {who}"
        if not is_publisher(a, c.publisher):
            return REPORTS, f"attributed to {who}, not the publisher"
    return None


def hedge_words(c: Context) -> tuple[str, str] | None:
    """A hedge word of its own ("reportedly", "may", "claims"; not "alleged" before a noun
    the claim does not have, nor a modal before words that are not the claim's) or a
    question (at the end, or a yes/no question before its answer): it reports.

    >>> hedge_words(context("Fisherman lands catfish which could be a record", [], "Fisherman caught a catfish"))
    >>> hedge_words(context("Fisherman could have caught a giant catfish", [], "Fisherman caught a catfish"))
    ('reports', "hedge word 'could'")
    """
    lex = stance_lexicon()
    text = c.own_text
    if c.speakers:  # "priest claims God is female" reports the speech the claim is about
        text = re.sub(rf"(?<!\w)(?:{lex['verb_re']})(?!\w)", " ", text, flags=re.I)
    folded = strip_claim_words(text, lex["hedge"], c.claim)
    for m in lex["hedge"].finditer(folded):
        if attributive_elsewhere(folded, m, c) or modal_elsewhere(folded, m, c) or compound_word(folded, m) or \
                scheduled_future(m, c) or person_noun(folded, m) or reader_consequence(folded, m):
            continue
        return REPORTS, f"hedge word {m.group(0).strip()!r}"
    if text.rstrip().endswith("?") and not claims_question(text, c.claim) and not reader_question(text):
        return REPORTS, "a question"
    asked = yes_no_question(text)
    if asked:
        return REPORTS, f"asks {asked!r}"
    return None


#: Most words of a speaker label before a headline colon ("Rep. Duncan Hunter: ...").
LABEL_WORDS = 4


def _label_speaker(phrase: str) -> bool:
    """Whether ``phrase`` before a colon names who speaks: a source :func:`colon_source` reads
    there, or a phrase with a title ("Congressman", "Rep. Duncan Hunter": ``titles.txt``,
    ``label_speaker_words`` in ``word_lists.tsv``)."""
    lex = load()
    words = phrase.split()
    if not 0 < len(words) <= LABEL_WORDS or not phrase[:1].isupper() or fold(phrase) in lex.labels \
            or lex.is_place(phrase) or fold(words[0]) in lex.words("label_articles"):
        return False
    heads = lex.titles | lex.words("label_speaker_words")
    return colon_source(phrase, BEFORE) is not None or any(fold(w) in heads for w in words)


def speaker_label(c: Context) -> tuple[str, str] | None:
    """A speaker before a headline colon who is not in the claim speaks what follows: "Congressman:
    At least 10 ISIS fighters caught" (a name the claim has is its topic: "Jihadi John: ...").

    >>> speaker_label(context("Senator: Detainees have contacted militants", [], "Detainees contacted militants"))[0]
    'reports'
    >>> speaker_label(context("Jihadi John: Isis fighter named", [], "Jihadi John is named"))
    """
    m = re.match(r"\W*(?P<s>[^:]{2,40}?)\s*:\s+\S", c.text)
    if not m or not _label_speaker(m.group("s")) or content_keys(m.group("s")).all & c.words:
        return None
    return REPORTS, f"{m.group('s')!r} before the colon speaks it"


#: Most words of a sentence that is only a label, a title that names a story without stating it.
LABEL_ONLY_WORDS = 2
#: Shortest stem before a regular participle's "-ed" ("arrest-ed"; not "bed", "red").
PARTICIPLE_STEM = 2


def label_only(c: Context) -> tuple[str, str] | None:
    """A sentence of at most :data:`LABEL_ONLY_WORDS` words that does not end in a verb's
    participle is a label that names the story ("Crabzilla", "Ghost Ship", "Stolen Member"):
    it states no proposition of its own, so it only relays the claim. "Banksy arrested" states one;
    an outlet's name or a byline in place of the headline names no story (:func:`masthead`).

    >>> label_only(context("Ghost Ship", [], "A ghost ship is heading towards Florida"))[0]
    'reports'
    >>> label_only(context("Banksy arrested", [], "Banksy was arrested"))
    """
    words = re.findall(r"[\w'’-]+", c.text)
    if not 0 < len(words) <= LABEL_ONLY_WORDS or _participle(words[-1]) or masthead(c.text):
        return None
    return REPORTS, f"{len(words)} word(s): a label that names the story, not a statement of it"


def _participle(word: str) -> bool:
    """A regular past participle ("arrested") or an irregular inflection of the lemma list ("shot")."""
    w = fold(word)
    return len(w) > PARTICIPLE_STEM + 2 and w.endswith("ed") or w in lexicon()["lemmas"]


def intention_only(c: Context) -> tuple[str, str] | None:
    """A word of intention or attempt (``stance_intention_words.txt``: "considering", "in talks
    to", "eyes") states less than a claim of the outcome: "Seth Rogen in talks to star as
    Wozniak" relays "Seth Rogen will play Wozniak". Not against a claim of intention itself
    (``stance_intention_claims.txt``: "J.J. Abrams wants ..."), nor "eyes" after a possessive.

    >>> intention_only(context("Saudia considering separating passengers", [], "Saudia will separate passengers"))
    ('reports', "'considering' states an intention, less than the claim")
    >>> intention_only(context("Abrams eyes summer release", [], "Abrams wants a summer release"))
    """
    lex = stance_lexicon()
    if not c.claim or lex["intention_claims"].search(folded(c.claim)):
        return None
    text = folded(c.own_text)
    for m in lex["intention"].finditer(text):
        before = re.findall(r"[\w'’]+", text[:m.start()])[-1:]
        if before and before[0] in load().words("candidate_determiners"):
            continue  # "between his eyes"
        return REPORTS, f"{m.group(0).strip()!r} states an intention, less than the claim"
    return None


#: Words after a word for the reports searched for what they are about ("Story Going Around About": 3).
TOPIC_REACH = 3


def story_about(c: Context) -> tuple[str, str] | None:
    """A sentence that tells of a story, rumour or report about the claim (a word of
    ``stance_report_nouns.txt`` followed within :data:`TOPIC_REACH` words by one of
    ``report_topic_links`` in ``word_lists.tsv``: "about", "of") names the claim as something told,
    without stating it: "The story of the Argentinean president, werewolves and seventh sons",
    "There's a weird story going around about how ...".

    >>> story_about(context("The story of the president and the werewolf", [], "The president saved a werewolf"))[0]
    'reports'
    >>> story_about(context("The president saved a werewolf", [], "The president saved a werewolf"))
    """
    text = folded(c.own_text)
    words = re.findall(r"[\w'’]+", text)
    links = load().words("report_topic_links")
    for i, w in enumerate(words):
        if w in stance_lexicon()["report_nouns"] and any(x in links for x in words[i + 1:i + 1 + TOPIC_REACH]):
            return REPORTS, f"tells of a {w!r} about it"
    return None


def own_voice(c: Context) -> tuple[str, str] | None:
    """Nothing hedges or denies it: the sentence asserts it in its own voice."""
    return SUPPORTS, "stated in its own voice, unhedged"


RULES: tuple[Rule, ...] = (claim_speaker_unsaid, cannot_confirm_record, unconfirmed_words, denial_words,
                           doubting_question, dismissed_reports, negated_proposition, contradiction, first_attribution,
                           hedge_words, speaker_label, intention_only, label_only, story_about, own_voice)


def sentence_stance(text: str, attributions: Sequence[Attribution] = (), claim: str | None = None,
                    publisher: str | None = None, offset: int = 0) -> tuple[str, str, str]:
    """The stance of one sentence toward ``claim``: ``(stance, rule name, reason)``.

    ``attributions`` are the records found in the sentence (offsets into the article,
    whose text starts ``offset`` characters before ``text``).

    >>> sentence_stance("Israel denies opening dams", [], claim="Israel opened dams")[:2]
    ('denies', 'denial_words')
    >>> sentence_stance("Loggers cut down oldest tree", [])[0]
    'supports'
    """
    c = context(text, attributions, claim, publisher, offset)
    for rule in RULES:
        out = rule(c)
        if out:
            return out[0], rule.__name__, out[1]
    raise AssertionError("own_voice always answers")  # pragma: no cover

