"""The rules of the statements stage: which cues report a statement of their own.

A cue whose content holds other speech events only relays them ("Tass reported that a
source confirmed ..."): the nested records carry it in their chains, unless words of its
own are left. A content that is another cue's reporting clause ("Police officials said")
is no statement, and a dateline opening a content ("MOSCOW (AA) – ...") is not said.

>>> after_dateline("MOSCOW (AA) – Russian President said", 0, 36)
14
>>> is_reporting_clause("Police officials said", frozenset({"said"}))
True
"""

from __future__ import annotations

import re

from quotes.types import UNKNOWN, Cue, CueKind, Speaker
from quotes.extractors.chains import leftover
from quotes.extractors.tree import Tree

#: Cue kinds that only relay the speech events nested in their content.
RELAYING_KINDS = (CueKind.VERB, CueKind.ACCORDING)
#: Fewest words of its own (outside nested events) a relaying cue needs to be a statement too ...
MIN_OWN_WORDS = 4
#: ... in one run of at least this many words, edge punctuation trimmed.
MIN_OWN_RUN = 3
#: A content of at most this many words holding a cue word is a reporting clause.
MAX_CLAUSE_WORDS = 5

_DATELINE = re.compile(r"[A-Z][A-Z .,'-]{2,}(?:\([^)]{1,20}\))?\s*[–—―-]{1,2}\s+")


def after_dateline(text: str, start: int, end: int) -> int:
    """'MOSCOW (AA) – Russian President ...': the dateline is not what was said."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m and m.end() < end else start


def is_reporting_clause(content: str, cue_words: frozenset[str]) -> bool:
    """Whether ``content`` is a short clause with a cue word: another cue's reporting clause."""
    words = [w.strip(".,;:!?\"“”'’").lower() for w in content.split()]
    return len(words) <= MAX_CLAUSE_WORDS and any(w in cue_words for w in words)


def _reports_own_statement(c: Cue, k: Cue, sp: Speaker, trees: dict[int, Tree], text: str,
                           cue_words: frozenset[str]) -> bool:
    """Whether nested cue ``k`` (spoken by ``sp``) inside ``c``'s content reports a statement
    of its own: not "discussions are continuing, he said" (no content), "the spate of
    shootings demands ..." (a source of no known kind), "... didn't clarify the matter" (no
    clause), "told them what to say" (too little) nor "told the audience that ..., saying
    that ..." (the same speaker goes on)."""
    if k.anchor not in c.content_ids or not k.has_span or sp.kind == UNKNOWN:
        return False
    if k.speaker is not None and k.speaker == c.speaker and trees[c.sentence].w(k.anchor).xpos == "VBG":
        return False
    if not any(trees[k.sentence].w(j).upos in ("VERB", "AUX") for j in k.content_ids):
        return False
    return not is_reporting_clause(text[k.content_start:k.content_end], cue_words)


def nested_statements(i: int, cues: list[Cue], children: dict[int, list[int]], speakers: list[Speaker],
                      trees: dict[int, Tree], text: str, cue_words: frozenset[str]) -> list[Cue]:
    """The cues nested in cue ``i``'s content that report a statement of their own."""
    c = cues[i]
    return [cues[k] for k in children.get(i, ())
            if _reports_own_statement(c, cues[k], speakers[k], trees, text, cue_words)]


def relays_only(t: Tree, c: Cue, inside: list[Cue], speaker_ids: dict[int, set[int]]) -> bool:
    """Whether cue ``c`` only relays the statements ``inside`` its content: fewer than
    :data:`MIN_OWN_WORDS` words of its own are left, or no run of :data:`MIN_OWN_RUN`
    ("The topic was discussed ..., and Erdogan said ..." has words of its own)."""
    if c.kind not in RELAYING_KINDS:
        return False
    rest = leftover(t, c, inside, speaker_ids)
    if len(rest) < MIN_OWN_WORDS:
        return True
    return len(t.trimmed(set(max(t.contiguous_runs(set(rest)), key=len)))) < MIN_OWN_RUN
