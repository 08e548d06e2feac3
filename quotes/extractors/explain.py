"""Why a statement was (or was not) found: the parse of a sentence and the rules that ran.

:func:`explain_doc` runs extraction on a parsed document with the rule trace on
(:func:`.rules.tracing`) and returns, for each chosen sentence, its words (with part of
speech, relation and head) and, for every attribution in it, the rules tried on its cue
word in the order they ran -- which fired, which vetoed, which did not match -- with the
reading that found the speaker's head word and the speaker that came out. Words that were
tried as cues but gave no attribution are listed with their rules too, so a missing
statement can be explained. :func:`explain` parses an article first (as ``quotes
extract`` does); ``quotes explain FILE [--sentence N | --at OFFSET]`` prints
:meth:`ExplainedSentence.to_text`.

>>> from quotes.extractors.tree import Tree
>>> t = Tree.from_spec("Peskov/PROPN/2/nsubj said/VERB/0/root/say talks/NOUN/4/nsubj failed/VERB/2/ccomp "
...                    "./PUNCT/2/punct")
>>> (s,) = explain_doc(ParsedDoc("d", "Peskov said talks failed.", [t.sent]))
>>> (r,) = s.records
>>> r.attribution.speaker.name, r.attribution.rule, r.speaker_rule
('Peskov', 'complement_clause', 'own_subject')
>>> [(x.rule, x.outcome) for x in r.steps if x.outcome != "no-match"][:2]
[('own_subject', 'fired'), ('complement_clause', 'fired')]
"""

from __future__ import annotations

from dataclasses import dataclass

from quotes.errors import InputError
from quotes.extractors import rules, speaker_rules
from quotes.extractors.attribute import attributions
from quotes.lexicons import Lexicon
from quotes.types import Article, Attribution, ParsedDoc, Sentence, Word  # noqa: F401


#: Filters that find a speaker when no speaker reading did (:mod:`.verb_filters`).
SPEAKER_FILTERS = frozenset({"speaker_before_verb"})


def _speaker_rule_names() -> frozenset[str]:
    """The speaker readings, by name, as they stand now (:data:`.speaker_rules.SPEAKER_READINGS`)."""
    return frozenset(r.__name__ for r in speaker_rules.SPEAKER_READINGS)


@dataclass(frozen=True)
class ExplainedRecord:
    """One attribution with the rules tried on its cue's words, in the order they ran."""

    attribution: Attribution
    steps: tuple[rules.Step, ...]

    @property
    def speaker_rule(self) -> str | None:
        """The speaker reading that found the head word of the speaker (None: none ran, as
        for "according to" or a quotation continuing its speaker)."""
        names = _speaker_rule_names()
        found = next((s.rule for s in self.steps if s.rule in names and s.outcome == rules.FIRED), None)
        # with every reading vetoed, the filter that found the speaker before the verb
        return found or next((s.rule for s in self.steps if s.rule in SPEAKER_FILTERS and s.outcome == rules.FIRED),
                             None)

    def speaker_why(self) -> str:
        """Why the speaker came out as it did, in a sentence."""
        a = self.attribution
        sp = a.speaker
        found = next((s for s in self.steps if s.rule == self.speaker_rule), None)
        mention = f'"{sp.mention}"' if sp.mention else "no mention"
        how = f"head word found by {found.rule} ({found.why})" if found is not None else \
            f"no speaker reading ran on the cue (rule {a.rule or 'unnamed'})"
        role = f", role {sp.role!r}" if sp.role else ""
        chain = " > ".join(c.name for c in a.chain)
        return f"speaker {sp.name!r} ({sp.kind}{role}) from {mention}: {how}" + \
            (f"; relayed through {chain}" if chain else "")


@dataclass(frozen=True)
class ExplainedSentence:
    """A sentence's parse, its attributions with their rules, and the cue words that gave none."""

    doc: str
    number: int  # 1 = the article's first sentence
    start: int
    end: int
    text: str
    words: tuple[Word, ...]
    parsed: bool
    records: tuple[ExplainedRecord, ...]
    unclaimed: tuple[tuple[Word, tuple[rules.Step, ...]], ...]
    role: str = "sentence"  # or the structure rule that found a dateline, byline, ... (never parsed)

    def to_text(self) -> str:
        """The explanation as plain text: the parse, then each attribution and its rules."""
        out = [f"# {self.doc} sentence {self.number} [{self.start}:{self.end}]", self.text, ""]
        if self.role != "sentence":
            out.append(f"(not parsed: {self.role}, no sentence of the article)")
            return "\n".join(out)
        if not self.parsed:
            out.append("(not parsed: no cue word, so extraction skipped it)")
            return "\n".join(out)
        heads = {w.id: w.text for w in self.words}
        out.append(f"{'id':>3}  {'word':<16} {'upos':<6} {'deprel':<12} head")
        for w in self.words:
            head = f"{w.head} {heads.get(w.head, 'ROOT')}" if w.head is not None else "-"
            out.append(f"{w.id:>3}  {w.text:<16} {w.upos:<6} {w.deprel:<12} {head}")
        for r in self.records:
            a = r.attribution
            out += ["", f'* {a.type} "{a.content}" [{a.start}:{a.end}] cue {a.cue!r} -> rule {a.rule}',
                    "  " + r.speaker_why()] + _steps_text(r.steps)
        for w, steps in self.unclaimed:
            out += ["", f"- {w.text!r} (word {w.id}) gave no attribution:"] + _steps_text(steps)
        if not self.records and not self.unclaimed:
            out += ["", "(no cue in this sentence)"]
        return "\n".join(out)


def _steps_text(steps: tuple[rules.Step, ...]) -> list[str]:
    """The rules in the order they ran: the speaker readings on one line, the rules that
    fired or vetoed one a line, those that did not match in a list after the one that decided."""
    names = _speaker_rule_names()
    said = [f"{s.rule} {s.outcome}" for s in steps if s.rule in names]
    out = [f"  speaker readings, in order: {', '.join(said)}"] if said else []
    quiet: list[str] = []
    for s in steps:
        if s.rule in names:
            continue
        if s.outcome == rules.NO_MATCH:
            quiet.append(s.rule)
            continue
        if quiet:
            out.append(f"  (no match: {', '.join(quiet)})")
            quiet = []
        out.append(f"  {s.outcome:<8} {s.rule}: {s.why}")
    return out


def explain_doc(doc: ParsedDoc, *, sentence: int | None = None, at: int | None = None,
                lex: Lexicon | None = None) -> list[ExplainedSentence]:
    """Explain the attributions of sentence number ``sentence`` (1 = the first), or of the
    sentence holding character offset ``at``, or (neither) of every sentence that has one."""
    with rules.tracing() as trace:
        records = list(attributions(doc, lex))
    chosen = _choose(doc, sentence, at)
    if chosen is None:
        chosen = [s for s in doc.sentences if any(s.start <= r.start < s.end for r in records)]
    return [_explain_sentence(doc, s, records, trace) for s in chosen]


def explain(item: str | Article, *, sentence: int | None = None, at: int | None = None,
            models: str | None = None) -> list[ExplainedSentence]:
    """Parse one article (text or :class:`Article`) as extraction does and explain it
    (see :func:`explain_doc`)."""
    from quotes.extractors import parse_for_extraction
    doc = parse_for_extraction([item], models=models)[0]
    return explain_doc(doc, sentence=sentence, at=at)


def _choose(doc: ParsedDoc, number: int | None, at: int | None) -> list[Sentence] | None:
    if number is not None:
        if not 1 <= number <= len(doc.sentences):
            raise InputError(doc.id, f"no sentence {number}: the article has {len(doc.sentences)} (1 is the first)")
        return [doc.sentences[number - 1]]
    if at is not None:
        hit = [s for s in doc.sentences if s.start <= at < s.end]
        if not hit:
            raise InputError(doc.id, f"offset {at} is in no sentence (the text has {len(doc.text)} characters)")
        return hit
    return None


def _explain_sentence(doc: ParsedDoc, s: Sentence, records: list[Attribution], trace: rules.Trace
                      ) -> ExplainedSentence:
    mine = [r for r in records if s.start <= r.start < s.end or
            (r.cue_start is not None and s.start <= r.cue_start < s.end)]
    used: set[int] = set()
    explained = []
    for r in mine:
        ids = [w.id for w in s.words if r.cue_start is not None and r.cue_start <= w.start < (r.cue_end or 0)]
        used.update(ids)
        steps = tuple(x for i in ids for x in trace.at_word(s.index, i))
        explained.append(ExplainedRecord(r, steps))
    unclaimed = []
    for w in s.words:
        steps = tuple(trace.at_word(s.index, w.id))
        if w.id not in used and any(x.outcome != rules.NO_MATCH for x in steps):
            unclaimed.append((w, steps))
    return ExplainedSentence(doc.id, doc.sentences.index(s) + 1, s.start, s.end, doc.text[s.start:s.end],
                             tuple(s.words), s.parsed, tuple(explained), tuple(unclaimed), s.role)


def _text_of(t) -> str:
    """The text a :meth:`.Tree.from_spec` parse was built on (its words at their offsets)."""
    out = [" "] * t.sent.end
    for w in t.words:
        out[w.start:w.end] = w.text
    return "".join(out)


def trial(spec: str, rule: str) -> None:
    """Print what rule ``rule`` did on each word of a hand-made parse (:meth:`.Tree.from_spec`)
    and the cues that came out: the examples in the rules' docstrings.

    >>> trial("Peskov/PROPN/2/nsubj said/VERB/0/root/say talks/NOUN/4/nsubj failed/VERB/2/ccomp/fail",
    ...       "complement_clause")
    complement_clause fired on 'said'
    cue 'said': Peskov -> 'talks failed' (complement_clause)
    """
    from quotes.extractors.cues import sentence_cues
    from quotes.extractors.tree import Tree
    from quotes.types import NoSpan
    t = Tree.from_spec(spec)
    text = _text_of(t)
    with rules.tracing() as trace:
        found = list(sentence_cues(t.sent, text))
    for s in trace.steps:
        if s.rule == rule and s.outcome != rules.NO_MATCH:
            print(f"{rule} {s.outcome} on {t.w(s.word).text!r}" if s.word else f"{rule} {s.outcome}")
    for c in found:
        speaker = c.source_text or (t.w(c.speaker).text if c.speaker else None)
        said = {NoSpan.FOLLOWS: "(the quotation that follows)", NoSpan.BARE: "(nothing here: a bare cue)"}.get(
            c.content_start) or repr(text[c.content_start:c.content_end])
        print(f"cue {c.text!r}: {speaker} -> {said} ({c.rule})")
