"""Attributions that the page layout makes, not the grammar: no parse needed.

- a speaker label opening a paragraph or a headline: ``PENCE: Well, look, ...``,
  ``Pat Caddell: Democrat Voters Worried ...``, ``Poll: Wealthy Voters Abandon ...``;
- a quotation signed with a dash after it: ``“Trump scares me.” ― Krystal Correa``.

>>> text = 'WALLACE: Will she be there?\\n“He scares me.” ― Krystal Correa\\n'
>>> [(l.speaker, text[l.start:l.end]) for l in layout_cues(text)]
[('WALLACE', 'Will she be there?'), ('Krystal Correa', 'He scares me.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from quotes.lexicons import Lexicon, load
from quotes.nlp.colon import BEFORE, colon_source
from quotes.types import ANONYMOUS, ASSERTS, DOCUMENT, OUTLET, PERSON, Attribution, ColonSource, QuoteSpan, Speaker
from quotes.extractors.quotations import settle_quotes
from quotes.extractors.speakers import Resolver

_LABEL = re.compile(r"""(?m)^[ \t]*["“]?(?P<label>(?:[A-Z][\w'’.-]*\.?)"""
                    r"""(?:[ \t]+(?:[A-Z][\w'’.-]*|of|the|de|van|von|al)){0,4})"""
                    r"""[ \t]*:[ \t]+(?P<content>\S[^\n]*)$""")
_SIGNED = re.compile(r"""[”"][ \t\u00a0]*[―—–][ \t\u00a0]*(?P<name>[A-Z][\w'’-]*\.?(?:[ \t]+[A-Z][\w'’-]*\.?){0,4}?)"""
                     r"""[ \t.\u00a0]*$""", re.M)


#: The rules a layout record names: a speaker label ("PENCE: ...") and a dash signature ("...” ― Name").
SPEAKER_LABEL = "speaker_label"
DASH_SIGNATURE = "dash_signature"


@dataclass(frozen=True)
class LayoutCue:
    speaker: str
    speaker_start: int
    speaker_end: int
    cue: str
    cue_start: int
    cue_end: int
    start: int
    end: int
    #: what a speaker label names (:func:`quotes.nlp.colon.colon_source`); None for a dash signature
    source: ColonSource | None = None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\"“":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0\"”":
        end -= 1
    return start, end


def layout_cues(text: str, lex: Lexicon | None = None) -> Iterator[LayoutCue]:
    """Yield speaker labels and dash signatures found in ``text``."""
    lex = lex or load()
    for m in _LABEL.finditer(text):
        label = m.group("label").strip()
        if len(m.group("content").split()) < 3:
            continue
        source = colon_source(label, BEFORE, text=text, by_shape=True, lex=lex)
        if source is None:
            continue  # "UPDATE: ...", "India: 400 men ...", "Apple Watch Edition: ..." name a topic
        start, end = _trim(text, m.start("content"), m.end("content"))
        if end - start < 10:
            continue
        colon = text.index(":", m.end("label"))
        yield LayoutCue(label, m.start("label"), m.end("label"), ":", colon, colon + 1, start, end, source)
    for m in _SIGNED.finditer(text):
        close = m.start()
        # the quotation this signature closes: back to its opening mark on the same paragraph
        line_start = text.rfind("\n", 0, close) + 1
        seg = text[line_start:close]
        # (the first mark may point the wrong way: '”Mr. Trump’s performance ...” ― Veronica Cruz')
        found = [i for i in (seg.find("“"), seg.find('"'), seg.find("”")) if i >= 0]
        if not found:
            continue
        opener = min(found)
        start, end = _trim(text, line_start + opener + 1, close)
        dash = next(i for i in range(close, m.start("name")) if text[i] in "―—–")
        if end - start < 10:
            continue
        name = m.group("name").strip().rstrip(".") if not re.search(r"\b[A-Z]\.$", m.group("name").strip()) \
            else m.group("name").strip()
        yield LayoutCue(name, m.start("name"), m.start("name") + len(name),
                        text[dash], dash, dash + 1, start, end)


def label_speaker(lc: LayoutCue, lex: Lexicon, resolver: Resolver) -> Speaker:
    """Who a layout cue names: an outlet, an anonymous source ("Officials:"), a document
    ("Poll:") or a person
    (registered with the article's resolver; "PENCE" reads "Pence").

    >>> from quotes.lexicons import load
    >>> lc = LayoutCue("PENCE", 0, 5, ":", 5, 6, 7, 20)
    >>> label_speaker(lc, load(), Resolver()).name
    'Pence'
    """
    label = lc.speaker
    kind = lc.source.kind if lc.source is not None else PERSON
    if kind == OUTLET:
        return Speaker(lex.outlet_name(label) or label, label, OUTLET, None, lc.speaker_start, lc.speaker_end)
    if kind in (ANONYMOUS, DOCUMENT):
        return Speaker(label, label, kind, None, lc.speaker_start, lc.speaker_end)
    name = resolver.full_name(label.title() if label.isupper() else label)
    if name.isupper():
        name = name.title()
    resolver.register(name, None, PERSON)
    return Speaker(name, label, PERSON, None, lc.speaker_start, lc.speaker_end)


def layout_records(doc_id: str, text: str, quotes: list[QuoteSpan], claimed: set[int], records: list[Attribution],
                   lex: Lexicon, resolver: Resolver) -> list[Attribution]:
    """The records of speaker labels ("PENCE: ...", "Poll: ...") and dash-signed quotes
    ("...” ― Name"). A label yields nothing where a cue's record already stands; a dash
    signature replaces such records (it names the speaker of the quote it closes). The
    quotations taken are added to ``claimed``."""
    out = []
    for lc in layout_cues(text, lex):
        signed = lc.cue != ":"
        clash = [r for r in records if r.start < lc.end and lc.start < r.end and r.cue]
        if clash and not signed:
            continue
        for r in clash:
            records.remove(r)
        sp = label_speaker(lc, lex, resolver)
        stance = lc.source.stance if lc.source is not None else ASSERTS
        kind, start, end, qis = settle_quotes(text, lc.start, lc.end, quotes)
        claimed.update(qis)
        out.append(Attribution(doc=doc_id, type=kind, content=text[start:end], start=start, end=end, cue=lc.cue,
                               stance=stance, speaker=sp, cue_start=lc.cue_start, cue_end=lc.cue_end,
                               rule=DASH_SIGNATURE if signed else SPEAKER_LABEL))
    return out
