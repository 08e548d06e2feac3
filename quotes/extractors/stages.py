"""The stages of extraction, each a function with one job over an :class:`Extraction`.

A stage reads what the stages before it left in the :class:`Extraction` and adds its own
part; :data:`quotes.extractors.attribute.STAGES` declares their order. The rules each stage
applies live in their own modules (named in each stage's docstring).

>>> from quotes.nlp.pipeline import from_conllu
>>> text = "Peskov said it was fine."
>>> conllu = '''1\\tPeskov\\tPeskov\\tPROPN\\t_\\t_\\t2\\tnsubj\\t_\\tstart_char=0|end_char=6
... 2\\tsaid\\tsay\\tVERB\\t_\\t_\\t0\\troot\\t_\\tstart_char=7|end_char=11
... 3\\tit\\tit\\tPRON\\t_\\t_\\t5\\tnsubj\\t_\\tstart_char=12|end_char=14
... 4\\twas\\tbe\\tAUX\\t_\\t_\\t5\\tcop\\t_\\tstart_char=15|end_char=18
... 5\\tfine\\tfine\\tADJ\\t_\\t_\\t2\\tccomp\\t_\\tstart_char=19|end_char=23
... 6\\t.\\t.\\tPUNCT\\t_\\t_\\t2\\tpunct\\t_\\tstart_char=23|end_char=24
... '''
>>> x = Extraction.of(from_conllu(text, conllu))
>>> find_cues(x); [c.text for c in x.cues]
['said']
>>> find_speakers(x); [s.name for s in x.speakers]
['Peskov']
"""

from __future__ import annotations

from itertools import groupby

from quotes.types import DIRECT, PERSON, UNKNOWN, NoSpan
from quotes.extractors import chains as _chains
from quotes.extractors import rules
from quotes.extractors.cues import sentence_cues
from quotes.extractors.dedupe import dedupe
from quotes.extractors.direct import join_interrupted, unclaimed_quotes
from quotes.extractors.extraction import Extraction
from quotes.extractors.layout import layout_records
from quotes.nlp.structure import in_prose
from quotes.extractors.quotations import cue_record, next_quote, quote_after_audience, settle_quotes, trim_end
from quotes.extractors.snapping import quoted_cue, snap_to_sentence
from quotes.extractors.sources import cataphora, coordinated, cue_speaker
from quotes.extractors.somebody import outlets_by_use
from quotes.extractors.speakers import registry_from_doc
from quotes.extractors.statements import after_dateline, nested_statements, relays_only


def find_cues(x: Extraction) -> None:
    """Cues: the speech events of every parsed sentence (:mod:`~quotes.extractors.cues`), but
    not a speech verb quoted with its subject (:func:`~quotes.extractors.snapping.quoted_cue`)."""
    for s in x.doc.sentences:
        if s.parsed:
            x.cues.extend(c for c in sentence_cues(s, x.text, x.lex) if not quoted_cue(c, x.trees, x.quotes))


def snap_cues(x: Extraction) -> None:
    """Sentence snapping: each reported clause stretched to its sentence's edge
    (:func:`~quotes.extractors.snapping.snap_to_sentence`)."""
    x.cues = [c for sentence, cues in groupby(x.cues, key=lambda c: c.sentence)
              for c in snap_to_sentence(list(cues), x.trees[sentence])]


def nest_cues(x: Extraction) -> None:
    """Nesting: which cue stands inside which one's content (:func:`~quotes.extractors.chains.nesting`)."""
    x.parent = _chains.nesting(x.cues, x.trees)


def find_speakers(x: Extraction) -> None:
    """Speakers: the article's full names and the names it uses as outlets
    (:func:`~quotes.extractors.somebody.outlets_by_use`) first, then each cue's source in text order
    (:func:`~quotes.extractors.sources.cue_speaker`), a headline's role resolved to a person
    named later (:func:`~quotes.extractors.sources.cataphora`)."""
    for at, name in registry_from_doc(x.doc, x.lex):
        x.resolver.register(name, None, PERSON, at)
    x.resolver.outlets = outlets_by_use(x.trees.values(), x.lex, x.resolver.is_person)
    for i, c in enumerate(x.cues):
        rules.at(c.sentence, c.anchor)  # the speaker rules' steps show with their cue in a trace
        sp, ids = cue_speaker(c, x.trees, x.text, x.lex, x.resolver)
        x.speakers.append(sp)
        x.speaker_ids[id(c)] = ids
        if (sp.kind != UNKNOWN or sp.start is not None) and i not in x.parent:
            # a source quoted inside someone's statement is not whom a later "he" means
            x.resolver.speakers.append(sp)
    x.speakers = cataphora(x.speakers, x.resolver)


def build_chains(x: Extraction) -> None:
    """Chains: each cue's intermediaries (:func:`~quotes.extractors.chains.chain`)."""
    for i, c in enumerate(x.cues):
        rules.at(c.sentence, c.anchor)
        x.chains.append(_chains.chain(i, x.cues, x.parent, x.speakers, x.trees, x.text, x.lex))


def _quotation_statement(x: Extraction, i: int) -> None:
    """'X said: “...”': a cue with no content of its own says the quotation it introduces."""
    c = x.cues[i]
    q = next_quote(x.quotes, c.end, x.text) or quote_after_audience(x.quotes, c, x.text)
    if q is None:
        return
    x.claimed.add(x.quotes.index(q))
    x.records.append(cue_record(x.doc.id, DIRECT, q.start, trim_end(x.text, q.start, q.end), c, x.speakers[i],
                                x.chains[i], x.text))


def _clause_statement(x: Extraction, i: int) -> None:
    """A cue's content, settled against the quotation marks, said by its speaker and by each
    speaker coordinated with it."""
    c = x.cues[i]
    start = after_dateline(x.text, c.content_start, c.content_end)
    kind, start, end, qis = settle_quotes(x.text, start, c.content_end, x.quotes)
    x.claimed.update(qis)
    for sp in [x.speakers[i]] + coordinated(c, x.trees, x.text, x.lex, x.resolver):
        x.records.append(cue_record(x.doc.id, kind, start, end, c, sp, x.chains[i], x.text))


def cue_statements(x: Extraction) -> None:
    """Statements: a record for each cue that says something of its own (a cue that only
    relays those nested in it yields none: :func:`~quotes.extractors.statements.relays_only`)."""
    children: dict[int, list[int]] = {}
    for i, p in x.parent.items():
        children.setdefault(p, []).append(i)
    cue_words = x.lex.cue_words()
    for i, c in enumerate(x.cues):
        if c.content_start == NoSpan.BARE:
            continue  # only a neighbouring quotation can give it content (unclaimed_quotations)
        inside = nested_statements(i, x.cues, children, x.speakers, x.trees, x.text, cue_words)
        if inside and relays_only(x.trees[c.sentence], c, inside, x.speaker_ids):
            for k in children.get(i, ()):  # "He said he plans ...": "He" says it
                x.speakers[k] = _chains.own_statement_mention(k, x.parent, x.speakers)
            continue  # a pure relay: the nested records carry it in their chains
        if not c.has_span:
            _quotation_statement(x, i)
        else:
            _clause_statement(x, i)


def layout_statements(x: Extraction) -> None:
    """Layout: speaker labels and dash signatures (:func:`~quotes.extractors.layout.layout_records`)."""
    x.records.extend(r for r in layout_records(x.doc.id, x.text, x.quotes, x.claimed, x.records, x.lex, x.resolver)
                     if in_prose(x.doc, r.start))  # "MORE: ..." links and captions name no speaker


def unclaimed_quotations(x: Extraction) -> None:
    """Unclaimed quotations: quotations no record took, given to a cue next to them or to the
    speaker before them (:func:`~quotes.extractors.direct.unclaimed_quotes`)."""
    x.records.extend(unclaimed_quotes(x))


def join_pieces(x: Extraction) -> None:
    """Joining: a quotation its own cue interrupts is one record
    (:func:`~quotes.extractors.direct.join_interrupted`)."""
    x.records = join_interrupted(x.records, x.text)


def dedupe_records(x: Extraction) -> None:
    """De-duplication: one record per span and speaker (:func:`~quotes.extractors.dedupe.dedupe`)."""
    x.records = dedupe(x.records, x.lex.cue_words())
