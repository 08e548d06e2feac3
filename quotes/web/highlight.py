"""An article's text cut into segments, each knowing which attributions cover it and how
(content, speaker mention, cue), so the page can highlight every attribution in place.

Segments never overlap, so they render as flat ``<span>``/``<a>`` elements (the template
escapes their text); where attributions overlap, a segment keeps all of them and shows
the most specific one: a cue before a speaker mention before content, the shortest
content first.

>>> atts = [{"n": 0, "parts": [[13, 34]], "speaker_span": [0, 7], "cue_span": [8, 12]}]
>>> [(s.text, s.role) for s in segments("Ann Lee said the bridge was closed.", atts)]
[('Ann Lee', 'speaker'), (' ', None), ('said', 'cue'), (' ', None),
 ('the bridge was closed', 'content'), ('.', None)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

#: Which role shows when several cover one stretch (lower first).
ROLE_ORDER = {"cue": 0, "speaker": 1, "content": 2}


@dataclass
class Segment:
    """A stretch of text; ``role``/``att`` name the attribution shown (None: plain text);
    ``covers`` all ``(role, attribution n)`` over it; ``ends`` the attributions whose
    content ends here (their marker follows the segment)."""

    text: str
    role: str | None = None
    att: int | None = None
    covers: list[tuple[str, int]] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)


def _spans(atts: Iterable[dict[str, Any]], length: int) -> list[tuple[int, int, str, int, int]]:
    out = []
    for a in atts:
        content_len = sum(e - s for s, e in a["parts"])
        for s, e in a["parts"]:
            out.append((s, e, "content", a["n"], content_len))
        for role in ("speaker", "cue"):
            span = a.get(f"{role}_span")
            if span and span[0] is not None and span[1] is not None:
                out.append((span[0], span[1], role, a["n"], span[1] - span[0]))
    return [(max(0, s), min(length, e), r, n, w) for s, e, r, n, w in out if 0 <= s < e]


def segments(text: str, atts: Iterable[dict[str, Any]]) -> list[Segment]:
    """Cut ``text`` at every boundary of the attributions' spans.

    ``atts`` are dicts with ``n``, ``parts`` (content pieces as ``[start, end]``) and
    optional ``speaker_span`` and ``cue_span``.

    >>> segs = segments("abcdef", [{"n": 0, "parts": [[0, 4]]}, {"n": 1, "parts": [[2, 6]]}])
    >>> [(s.text, s.att, s.ends) for s in segs]
    [('ab', 0, []), ('cd', 0, [0]), ('ef', 1, [1])]
    """
    atts = list(atts)
    spans = _spans(atts, len(text))
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    last_end = {}
    for a in atts:
        if a["parts"]:
            last_end[a["n"]] = max(e for _, e in a["parts"])
    out = []
    for lo, hi in zip(cuts, cuts[1:]):
        over = [(ROLE_ORDER[r], w, n, r) for s, e, r, n, w in spans if s <= lo and hi <= e]
        seg = Segment(text[lo:hi], covers=sorted((r, n) for *_, n, r in over))
        if over:
            _, _, seg.att, seg.role = min(over)
        seg.ends = sorted(n for n, end in last_end.items() if end == hi)
        out.append(seg)
    return out
