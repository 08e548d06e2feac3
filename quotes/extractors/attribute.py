"""From a parsed document to :class:`Attribution` records: the extraction pipeline.

:func:`attributions` runs the :data:`STAGES` in order over a :class:`ParsedDoc`: it finds
the speech events of every parsed sentence and snaps their clauses to the sentence, nests
them, resolves their speakers in article order and reads their chains, then settles
quotation marks: a cue whose content is a quotation yields a ``direct`` record of the whole
quote (over sentences and paragraphs), one whose content quotes a fragment a ``mixed`` one,
and a quotation with no cue of its own continues the speaker of the quote before it. Quotes
nobody says (scare quotes, titles) yield nothing. Each stage is a function of
:mod:`quotes.extractors.stages`.

>>> [stage.__name__ for stage in STAGES]  # doctest: +NORMALIZE_WHITESPACE
['find_cues', 'snap_cues', 'nest_cues', 'find_speakers', 'build_chains', 'cue_statements',
 'layout_statements', 'unclaimed_quotations', 'join_pieces', 'dedupe_records']
"""

from __future__ import annotations

from typing import Callable, Iterator

from quotes.lexicons import Lexicon
from quotes.types import Attribution, ParsedDoc
from quotes.extractors.sources import UNNAMED
from quotes.extractors.stages import (Extraction, build_chains, cue_statements, dedupe_records, find_cues,
                                      find_speakers, join_pieces, layout_statements, nest_cues, snap_cues,
                                      unclaimed_quotations)

#: The rule sequences of this module (tests/test_rules.py takes out each rule in turn).
RULE_SEQUENCES = ("STAGES",)

__all__ = ["STAGES", "UNNAMED", "Extraction", "attributions"]

#: A stage reads what the stages before it found in an :class:`Extraction` and adds its part.
Stage = Callable[[Extraction], None]

#: The pipeline, in order: cues, sentence snapping, nesting, speakers, chains, statements,
#: layout, unclaimed quotations, joining, de-duplication.
STAGES: tuple[Stage, ...] = (
    find_cues,
    snap_cues,
    nest_cues,
    find_speakers,
    build_chains,
    cue_statements,
    layout_statements,
    unclaimed_quotations,
    join_pieces,
    dedupe_records,
)


def attributions(doc: ParsedDoc, lex: Lexicon | None = None) -> Iterator[Attribution]:
    """Yield the attributions of a parsed document in text order."""
    x = Extraction.of(doc, lex)
    for stage in STAGES:
        stage(x)
    yield from x.records
