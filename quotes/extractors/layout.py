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

from quotes.lexicons import Lexicon, fold, load
from quotes.types import ANONYMOUS, ASSERTS, OUTLET, PERSON, Attribution, QuoteSpan, Speaker
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


def _speaker_label(label: str, text: str, lex: Lexicon) -> bool:
    """Whether a 'Label:' names who speaks rather than what it is about: a transcript's
    upper-case name (WALLACE:), a source noun (Poll:, Officials:), an outlet, or a name the
    article itself has speak elsewhere ('Pat Caddell: ...' with 'Caddell said' below)."""
    words = label.split()
    last = fold(words[-1])
    if label.isupper() and len(words) <= 2 and len(label) > 2:
        return True
    outlet = lex.outlet_name(label) and "'s" not in label.replace("’", "'")  # (not "Vogue's new offices:")
    if last in lex.nouns or last.rstrip("s") in lex.nouns or last in lex.anonymous_heads or outlet:
        return True
    surname = re.escape(words[-1])
    after = _alternatives(lex.words("label_speech_after_name"))
    before = _alternatives(lex.words("label_speech_before_name"))
    return bool(re.search(rf"\b{surname}\b[^.\n]{{0,40}}\b(?:{after})\b"
                          rf"|\b(?:{before})\s+(?:\w+\s+){{0,3}}{surname}\b", text))


def _alternatives(words: frozenset[str]) -> str:
    """A regex alternation of ``words`` (longest first)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


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
        if fold(label).rstrip(".") in lex.labels or len(m.group("content").split()) < 3:
            continue
        words = label.split()
        articles = lex.words("label_articles")
        if words[0].lower() in articles or any(w.lower() in lex.titles and len(words) == 1 for w in words):
            continue
        if not _speaker_label(label, text, lex):
            continue  # "India: 400 men ...", "Apple Watch Edition: ..." name a topic
        start, end = _trim(text, m.start("content"), m.end("content"))
        if end - start < 10:
            continue
        colon = text.index(":", m.end("label"))
        yield LayoutCue(label, m.start("label"), m.end("label"), ":", colon, colon + 1, start, end)
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
    """Who a layout cue names: an outlet, an anonymous source ("Officials:") or a person
    (registered with the article's resolver; "PENCE" reads "Pence").

    >>> from quotes.lexicons import load
    >>> lc = LayoutCue("PENCE", 0, 5, ":", 5, 6, 7, 20)
    >>> label_speaker(lc, load(), Resolver()).name
    'Pence'
    """
    label = lc.speaker
    outlet = lex.outlet_name(label)
    head = fold(label).split()[-1]
    if outlet:
        return Speaker(outlet, label, OUTLET, None, lc.speaker_start, lc.speaker_end)
    if head in lex.nouns or head in lex.anonymous_heads or head.rstrip("s") in lex.nouns:
        return Speaker(label, label, ANONYMOUS, None, lc.speaker_start, lc.speaker_end)
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
        kind, start, end, qis = settle_quotes(text, lc.start, lc.end, quotes)
        claimed.update(qis)
        out.append(Attribution(doc=doc_id, type=kind, content=text[start:end], start=start, end=end, cue=lc.cue,
                               stance=ASSERTS, speaker=sp, cue_start=lc.cue_start, cue_end=lc.cue_end,
                               rule=DASH_SIGNATURE if signed else SPEAKER_LABEL))
    return out
