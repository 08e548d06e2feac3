"""Hand-made attribution records for the two example articles in data/examples.

They are what the extractor should produce: offsets found with ``text.index`` so that
``text[start:end] == content`` holds for every record, speaker mention and chain link.
"""

from __future__ import annotations

from pathlib import Path

from quotes.types import (
    ANONYMOUS, ASSERTS, CANNOT_CONFIRM, CONFIRMS, DIRECT, DOCUMENT, HEDGED, INDIRECT,
    OUTLET, PERSON, Article, Attribution, ChainLink, Speaker,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples"
POSTPONED = "putin_nato_visit_postponed"
AA = "aa_putin_accepts_invitation"


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def _record(art: Article, content: str, *, kind: str, stance: str, cue: str,
            speaker: str, mention: str, speaker_kind: str, role: str | None = None,
            chain: tuple[str, ...] = (), after: int = 0, mention_after: int | None = None,
            speaker_implicit: bool = False) -> Attribution:
    start, end = _span(art.text, content, after)
    if speaker_implicit:
        m_start = m_end = None
    else:
        m_start, m_end = _span(art.text, mention, start if mention_after is None else mention_after)
    links = []
    for name in chain:
        s, e = _span(art.text, name, after)
        links.append(ChainLink(name, OUTLET, "reported", s, e))
    a = Attribution(doc=art.id, type=kind, content=content, start=start, end=end, cue=cue,
                    stance=stance, speaker=Speaker(speaker, mention, speaker_kind, role,
                                                   m_start, m_end),
                    chain=tuple(links))
    assert art.text[a.start:a.end] == content
    return a


def postponed_article() -> Article:
    text = (EXAMPLES / f"{POSTPONED}.txt").read_text(encoding="utf-8")
    return Article(POSTPONED, text, publisher="Newsweek", date="2024-02-09",
                   title="Putin's first NATO visit in four years postponed: report")


def aa_article() -> Article:
    text = (EXAMPLES / f"{AA}.txt").read_text(encoding="utf-8")
    return Article(AA, text, publisher="Anadolu Agency", date="2022-01-27",
                   title="Putin accepts Turkish President Erdogan’s invitation to visit")


def postponed_records(art: Article | None = None) -> list[Attribution]:
    art = art or postponed_article()
    t = art.text
    lede = t.index("Russian President Vladimir Putin's first visit")
    tass = t.index("Tass, a Russian state news agency")
    ushakov = t.index("The Tass report comes shortly")
    sochi = t.index("In September, Tass reported")
    peskov = t.index("Kremlin spokesman Dmitry Peskov told Tass")
    return [
        _record(art, "Putin's first NATO visit in four years postponed", kind=INDIRECT,
                stance=HEDGED, cue=": report", speaker="a report", mention="report",
                speaker_kind=DOCUMENT),
        _record(art, "Russian President Vladimir Putin's first visit to a NATO country in four "
                     "years was postponed on Friday", kind=INDIRECT, stance=HEDGED,
                cue="according to", speaker="a report", mention="a report",
                speaker_kind=DOCUMENT, after=lede),
        _record(art, "Putin's visit to the NATO country was canceled", kind=INDIRECT,
                stance=CONFIRMS, cue="confirmed", speaker="a diplomatic source in Turkey",
                mention="a diplomatic source in Turkey", speaker_kind=ANONYMOUS,
                chain=("Tass",), after=tass, mention_after=tass),
        _record(art, "the Russian president was considering traveling to Turkey to meet with "
                     "President Recep Tayyip Erdoğan", kind=INDIRECT, stance=ASSERTS,
                cue="told", speaker="Yuri Ushakov", mention="Yuri Ushakov", speaker_kind=PERSON,
                role="one of Putin's top advisers", chain=("Interfax",), after=ushakov,
                mention_after=ushakov),
        _record(art, "A visit is being prepared", kind=DIRECT, stance=ASSERTS, cue="told",
                speaker="Yuri Ushakov", mention="Ushakov", speaker_kind=PERSON,
                chain=("Interfax",), after=ushakov),
        _record(art, "I can say that Ukrainian issues will probably be one of the main topics "
                     "of negotiations.", kind=DIRECT, stance=ASSERTS, cue="told",
                speaker="Yuri Ushakov", mention="Ushakov", speaker_kind=PERSON,
                chain=("Interfax",), after=ushakov, mention_after=ushakov + 200),
        _record(art, "Putin and Erdoğan met in Sochi, Russia, and discussed the war",
                kind=INDIRECT, stance=ASSERTS, cue="reported", speaker="Tass", mention="Tass",
                speaker_kind=OUTLET, after=sochi, mention_after=sochi),
        _record(art, "reports that Putin's meeting with Erdoğan in Turkey had been postponed",
                kind=INDIRECT, stance=CANNOT_CONFIRM, cue="could not confirm",
                speaker="Dmitry Peskov", mention="Dmitry Peskov", speaker_kind=PERSON,
                role="Kremlin spokesman", chain=("Tass",), after=peskov, mention_after=peskov),
        _record(art, "We continue to prepare contacts at the highest level. The dates will be "
                     "agreed.", kind=DIRECT, stance=ASSERTS, cue="said",
                speaker="Dmitry Peskov", mention="Dmitry Peskov", speaker_kind=PERSON,
                role="Kremlin spokesman", chain=("Tass",), after=peskov, mention_after=peskov),
        _record(art, "I think we will be able to meet", kind=DIRECT, stance=ASSERTS,
                cue="said", speaker="Vladimir Putin", mention="Putin", speaker_kind=PERSON,
                after=t.index("“I think we will"), mention_after=t.index("“I think we will")),
    ]


def aa_records(art: Article | None = None) -> list[Attribution]:
    art = art or aa_article()
    t = art.text
    body = t.index("MOSCOW (AA)")
    return [
        _record(art, "Russian President Vladimir Putin has accepted the invitation of his "
                     "Turkish counterpart Recep Tayyip Erdogan to visit Turkiye",
                kind=INDIRECT, stance=ASSERTS, cue="announced", speaker="Dmitry Peskov",
                mention="Dmitry Peskov", speaker_kind=PERSON, role="Kremlin spokesman",
                after=body, mention_after=body),
        _record(art, "The meeting will be held when the COVID-19 pandemic situation and the "
                     "schedules of the two leaders allow for it", kind=INDIRECT, stance=ASSERTS,
                cue="told", speaker="Dmitry Peskov", mention="Peskov", speaker_kind=PERSON,
                after=body),
        _record(art, "President Putin gratefully accepted this invitation. And they agreed that "
                     "as soon as the epidemiological situation and the schedules allow, he will "
                     "definitely take advantage of this invitation,", kind=DIRECT, stance=ASSERTS,
                cue="said", speaker="Dmitry Peskov", mention="he", speaker_kind=PERSON,
                after=body, mention_after=t.index("invitation,” he said") + 13),
        _record(art, "he was ready to host all these events in Turkiye", kind=INDIRECT,
                stance=ASSERTS, cue="said", speaker="Recep Tayyip Erdogan", mention="Erdogan",
                speaker_kind=PERSON, after=body, mention_after=t.index("and Erdogan said")),
        _record(art, "there can likely be some talks at the working level", kind=INDIRECT,
                stance=HEDGED, cue="said", speaker="Dmitry Peskov", mention="Peskov",
                speaker_kind=PERSON, after=body,
                mention_after=t.index("Peskov said there can")),
    ]


def example_corpus_inputs() -> list[tuple[Article, list[Attribution]]]:
    a, b = postponed_article(), aa_article()
    return [(a, postponed_records(a)), (b, aa_records(b))]
