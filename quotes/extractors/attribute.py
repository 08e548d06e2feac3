"""From a parsed document to :class:`Attribution` records: the extraction pipeline.

:func:`attributions` is a pure generator over a :class:`ParsedDoc`: it finds the speech
events of every parsed sentence, nests them into chains, resolves their speakers in
article order, then settles quotation marks: a cue whose content is a quotation yields a
``direct`` record of the whole quote (over sentences and paragraphs), one whose content
quotes a fragment a ``mixed`` one, and a quotation with no cue of its own continues the
speaker of the quote before it. Quotes nobody says (scare quotes, titles) yield nothing.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Iterator

from quotes.lexicons import Lexicon, fold, load
from quotes.types import (ANONYMOUS, ASSERTS, DIRECT, INDIRECT, OUTLET, PERSON, UNKNOWN, Attribution,
                     ChainLink, Cue, ParsedDoc, QuoteSpan, Speaker)
from quotes.extractors.chains import leftover, nesting
from quotes.extractors.cues import BARE, sentence_cues
from quotes.extractors.direct import (_next_quote, _quote_after_audience, _record, _settle_quotes, _trim_end, _unclaimed_quotes,
                     join_interrupted)
from quotes.extractors.layout import layout_cues
from quotes.extractors.marks import quote_spans
from quotes.extractors.speakers import NP, Resolver, describe, registry_from_doc, resolve
from quotes.extractors.tree import CLOSE_QUOTES, OPEN_QUOTES, Tree

UNNAMED = "unnamed sources"


def attributions(doc: ParsedDoc, lex: Lexicon | None = None) -> Iterator[Attribution]:
    """Yield the attributions of a parsed document in text order."""
    lex = lex or load()
    text = doc.text
    trees = {s.index: Tree(s) for s in doc.sentences if s.parsed}
    quotes = quote_spans(text)
    cues: list[Cue] = []
    for s in doc.sentences:
        if s.parsed:
            found = [c for c in sentence_cues(s, text, lex) if not _quoted_cue(c, trees, quotes)]
            cues.extend(_snap_to_sentence(found, trees[s.index]))
    parent = nesting(cues, trees)
    cue_words = lex.cue_words()
    resolver = Resolver()
    for at, name in registry_from_doc(doc, lex):
        resolver.register(name, None, PERSON, at)
    speakers: list[Speaker] = []
    np_ids: dict[int, set[int]] = {}
    for i, c in enumerate(cues):
        sp, ids = _speaker(c, trees, text, lex, resolver)
        speakers.append(sp)
        np_ids[id(c)] = ids
        if (sp.kind != UNKNOWN or sp.start is not None) and i not in parent:
            # a source quoted inside someone's statement is not whom a later "he" means
            resolver.speakers.append(sp)
    speakers = _cataphora(speakers, resolver)
    chains = [_chain(i, cues, parent, speakers, trees, text, lex) for i in range(len(cues))]
    records: list[Attribution] = []
    children: dict[int, list[int]] = {}
    for i, p in parent.items():
        children.setdefault(p, []).append(i)
    claimed: set[int] = set()
    for i, c in enumerate(cues):
        start, end = c.content_start, c.content_end
        if start == BARE:
            continue  # only a neighbouring quotation can give it content (below)
        # nested cues that report a statement of their own; not "discussions are continuing, he
        # said" (no content), "the spate of shootings demands ..." (a source of no known kind),
        # "... didn't clarify the matter" (no clause) or "told them what to say" (too little)
        inside = [cues[k] for k in children.get(i, ()) if cues[k].anchor in c.content_ids
                  and cues[k].content_start >= 0 and speakers[k].kind != UNKNOWN
                  # "told the audience that ..., saying that ...": the same speaker goes on
                  and not (cues[k].speaker is not None and cues[k].speaker == c.speaker
                           and trees[c.sentence].w(cues[k].anchor).xpos == "VBG")
                  and any(trees[cues[k].sentence].w(j).upos in ("VERB", "AUX") for j in cues[k].content_ids)
                  and not _is_reporting_clause(text[cues[k].content_start:cues[k].content_end], cue_words)]
        if inside and c.kind in ("verb", "according"):
            # nested speech events inside the content: this one only relays them, unless
            # words of its own are left ("The topic was discussed ..., and Erdogan said ...")
            t = trees[c.sentence]
            rest = leftover(t, c, inside, np_ids)
            if len(rest) < 4:
                continue  # a pure relay: the nested records carry it in their chains
            if len(t.trimmed(set(max(t.contiguous_runs(set(rest)), key=len)))) < 3:
                continue
            # words of its own: the statement is the whole content, nested ones included
        if start < 0:
            q = _next_quote(quotes, c.end, text) or _quote_after_audience(quotes, c, text)
            if q is None:
                continue
            qi = quotes.index(q)
            claimed.add(qi)
            records.append(_record(doc.id, DIRECT, q.start, _trim_end(text, q.start, q.end), c, speakers[i],
                                   chains[i], text))
            continue
        start = _after_dateline(text, start, end)
        kind, start, end, qis = _settle_quotes(text, start, end, quotes)
        claimed.update(qis)
        records.append(_record(doc.id, kind, start, end, c, speakers[i], chains[i], text))
        for sp in _coordinated(c, trees, text, lex, resolver):
            records.append(_record(doc.id, kind, start, end, c, sp, chains[i], text))
    records.extend(_layout_records(doc, quotes, claimed, records, lex, resolver))
    records.extend(_unclaimed_quotes(doc, quotes, claimed, records, trees, cues, speakers, chains, text))
    yield from _dedupe(join_interrupted(records, text), cue_words)


_DATELINE = re.compile(r"[A-Z][A-Z .,'-]{2,}(?:\([^)]{1,20}\))?\s*[–—―-]{1,2}\s+")


def _after_dateline(text: str, start: int, end: int) -> int:
    """'MOSCOW (AA) – Russian President ...': the dateline is not what was said."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m and m.end() < end else start


def _coordinated(c: Cue, trees, text: str, lex: Lexicon, resolver: Resolver) -> list[Speaker]:
    """'Stoltenberg and Blinken said ...': one more speaker per coordinated name."""
    if c.speaker is None or c.kind not in ("verb", "according"):
        return []
    t = trees[c.sentence]
    out = []
    for k in t.children(c.speaker, "conj"):
        # a conjunct needs its "and"/"or": "The state's campaign chairman, Phil Lovas," is one man
        if k.upos in ("PROPN", "NOUN") and t.child(k.id, "cc") is not None:
            np = describe(t, k, text, lex)
            if np.kind != UNKNOWN:
                out.append(resolve(np, resolver, lex))
    return out


def _layout_records(doc: ParsedDoc, quotes: list[QuoteSpan], claimed: set[int], records: list[Attribution],
                    lex: Lexicon, resolver: Resolver) -> list[Attribution]:
    """Speaker labels ("PENCE: ...", "Poll: ...") and dash-signed quotes ("...” ― Name")."""
    out = []
    text = doc.text
    for lc in layout_cues(text, lex):
        signed = lc.cue != ":"
        clash = [r for r in records if r.start < lc.end and lc.start < r.end and r.cue]
        if clash and not signed:
            continue
        for r in clash:  # a dash signature names the speaker of the quote it closes
            records.remove(r)
        label = lc.speaker
        outlet = lex.outlet_name(label)
        head = fold(label).split()[-1]
        if outlet:
            sp = Speaker(outlet, label, OUTLET, None, lc.speaker_start, lc.speaker_end)
        elif head in lex.nouns or head in lex.anonymous_heads or head.rstrip("s") in lex.nouns:
            sp = Speaker(label, label, ANONYMOUS, None, lc.speaker_start, lc.speaker_end)
        else:
            name = resolver.full_name(label.title() if label.isupper() else label)
            if name.isupper():
                name = name.title()
            resolver.register(name, None, PERSON)
            sp = Speaker(name, label, PERSON, None, lc.speaker_start, lc.speaker_end)
        kind, start, end, qis = _settle_quotes(text, lc.start, lc.end, quotes)
        claimed.update(qis)
        out.append(Attribution(doc=doc.id, type=kind, content=text[start:end], start=start, end=end, cue=lc.cue,
                               stance=ASSERTS, speaker=sp, cue_start=lc.cue_start, cue_end=lc.cue_end))
    return out


def _block(t: Tree, c: Cue) -> set[int]:
    """The words that make up a cue's reporting clause: verb, auxiliaries, subject, audience."""
    ids = {c.anchor} if c.anchor is not None else set()
    if c.speaker is not None:
        ids |= t.subtree(c.speaker)
    for a in c.audience:
        ids |= t.subtree(a)
    ids |= {w.id for w in t.words if c.start <= w.start < c.end}
    return ids - set(c.content_ids)


def _closes_quote(t: Tree, ids: set[int], w) -> bool:
    """Whether the content ``ids`` is a whole quotation that ends right before ``w``."""
    marks = OPEN_QUOTES | CLOSE_QUOTES
    inside = sorted(ids)
    if not inside:
        return False
    first = t.w(inside[0])
    opened = first.text in marks or inside[0] > 1 and t.w(inside[0] - 1).text in marks
    last = t.w(w.id - 1) if w.id > 1 else None
    return opened and last is not None and last.text in CLOSE_QUOTES and last.id in ids | {inside[-1] + 1}


def _snap_to_sentence(cues: list[Cue], t: Tree) -> list[Cue]:
    """Stretch a reported clause to the sentence edge on its side of the cue.

    Parses of long news sentences often cut the complement short ("said the tax breaks
    used by Trump and others"); the words between the complement and the sentence edge
    belong to it unless another cue's reporting clause stands there."""
    if not cues:
        return cues
    blocks = [_block(t, c) for c in cues]
    words = [w for w in t.words if w.upos != "PUNCT" or w.text in "“”\"«»"]
    if not words:
        return cues
    out = []
    for i, c in enumerate(cues):
        if c.kind not in ("verb", "according") or c.content_start < 0 or c.anchor is None:
            out.append(c)
            continue
        anchor = t.w(c.anchor)
        others = set().union(*(b for j, b in enumerate(blocks) if j != i and not (b & set(c.content_ids))))
        others -= blocks[i]
        # a coordinated cue's verb always stops the stretch, even when its block shares words
        # with this content ("urges her husband to ... and repeatedly says, ...")
        stops = {o.anchor for j, o in enumerate(cues) if j != i and o.anchor is not None
                 and t.w(o.anchor).deprel.startswith("conj")} - set(c.content_ids)
        others |= stops | {k.id for a in stops for k in t.children(a, "cc", "advmod", "aux") if k.id < a}
        ids = set(c.content_ids)
        if c.content_start >= anchor.end:            # "X said (that) Y"
            for w in words:
                if w.start >= c.content_end:
                    if w.id in others or w.id in blocks[i]:
                        break
                    ids.add(w.id)
        elif c.content_end <= anchor.start:          # "Y, X said"
            for w in reversed(words):
                if w.end <= c.content_start:
                    if w.id in others or w.id in blocks[i]:
                        break
                    ids.add(w.id)
            # and up to the reporting clause: "... allow for it, Peskov told reporters" (not past
            # the end of a quotation: '“...,” panel Chairman Rep. Jason Chaffetz said')
            first = min((t.w(b).start for b in blocks[i]), default=anchor.start)
            for w in words:
                if c.content_end <= w.start < first:
                    if w.id in others or _closes_quote(t, ids, w):
                        break
                    ids.add(w.id)
        else:
            out.append(c)
            continue
        order = t.trimmed(ids)
        if not order:
            out.append(c)
            continue
        out.append(Cue(sentence=c.sentence, kind=c.kind, lemma=c.lemma, text=c.text, start=c.start, end=c.end,
                       stance=c.stance, speaker=c.speaker, content_start=t.w(order[0]).start,
                       content_end=t.w(order[-1]).end, content_ids=frozenset(order), audience=c.audience,
                       anchor=c.anchor, source_text=c.source_text, rule=c.rule))
    return out


def _quoted_cue(c: Cue, trees, quotes: list[QuoteSpan]) -> bool:
    """A speech verb inside a quotation whose subject is quoted too ("I can say that ...",
    "what our colleagues said") is part of the quoted speaker's words, not a new source."""
    if c.kind not in ("verb",):
        return False
    if c.speaker is None:  # "... that isn't told": a passive in a quotation is the quoted speaker's
        return any(q.start <= c.start < q.end for q in quotes)
    sw = trees[c.sentence].w(c.speaker)
    # (or a quoted title's verb with a subject before the quotation: 'Davis' commentary,
    # "Melania, tell your immigrant story," is ...')
    return any(q.start <= c.start < q.end and (q.start <= sw.start < q.end or sw.end <= q.open) for q in quotes)


def _speaker(c: Cue, trees, text: str, lex: Lexicon, resolver: Resolver) -> tuple[Speaker, set[int]]:
    if c.speaker is not None:
        t = trees[c.sentence]
        head = t.w(c.speaker)
        if c.kind == "noun":
            # the reporting noun's own phrase, without its clause: "a report", "reports"
            ids = t.subtree(head.id, skip=c.content_ids | {i for i in t.subtree(head.id)
                                                            if t.w(i).deprel in ("acl", "ccomp")
                                                            and t.w(i).head == head.id})
            ids = {i for i in ids if i not in c.content_ids}
            ids = [i for i in t.trimmed(ids) if t.w(i).text.lower() != "that"  # (nor "to" of "contrary to his claim")
                   and not (t.w(i).deprel == "case" and t.w(i).head == head.id)]
            if not ids:
                ids = [head.id]
            s, e = t.w(ids[0]).start, t.w(ids[-1]).end
            np = describe(t, head, text, lex)
            np = NP(text[s:e], s, e, np.name, np.role, np.kind if np.kind != UNKNOWN else ANONYMOUS, np.head,
                    definite=np.definite)
            return resolve(np, resolver, lex), set(ids)
        relative = None
        if head.upos == "PRON" and head.lemma.lower() in ("who", "which", "that") and c.anchor is not None:
            # "officials who said ...": the relative pronoun stands for the noun the clause
            # modifies; like "he", it stays the mention
            v = t.w(c.anchor)
            while v.deprel.split(":")[0] in ("conj", "xcomp") and v.head:
                v = t.w(v.head)
            if v.deprel.startswith("acl") and v.head:
                relative, head = head, t.w(v.head)
        np = describe(t, head, text, lex)
        if c.kind == "according" and not (c.end <= np.start):
            # a source the parse hung elsewhere ("according to the conservative-leaning Tax
            # Foundation, more than twice what ..."): its words run from "to" to the comma
            end = next((x.start for x in t.words if x.start >= head.end and x.text in ",;:()"), np.end)
            start = max(np.start, c.end + 1)
            np = dataclasses.replace(np, mention=text[start:min(end, np.end)].strip(), start=start,
                                     end=min(end, np.end))
        ids = set(range(_word_at(t, np.start), _word_at(t, np.end - 1) + 1))
        sp = resolve(np, resolver, lex)
        if relative is not None:
            sp = dataclasses.replace(sp, mention=relative.text, start=relative.start, end=relative.end)
            ids.add(relative.id)
        return sp, ids
    if c.source_text:
        src = c.source_text
        outlet = lex.outlet_name(src)
        if outlet:
            return Speaker(outlet, src, OUTLET, None, *_find(text, src, c)), set()
        start, end = _find(text, src, c)
        return Speaker(src, src, ANONYMOUS, None, start, end), set()
    return Speaker(UNNAMED, "", ANONYMOUS, None, None, None), set()


def _word_at(t: Tree, offset: int) -> int:
    for w in t.words:
        if w.start <= offset < w.end or w.start >= offset:
            return w.id
    return t.words[-1].id


def _find(text: str, src: str, c: Cue) -> tuple[int | None, int | None]:
    if c.kind == "hedge":
        return c.start, c.end
    i = text.find(src, c.end)
    if i < 0:
        i = text.rfind(src, 0, c.start)  # "The New York Times reports:"
    return (i, i + len(src)) if i >= 0 else (None, None)


def _cataphora(speakers: list[Speaker], resolver: Resolver) -> list[Speaker]:
    """A headline's "Kremlin spokesman says ..." names the person introduced later."""
    out = []
    for sp in speakers:
        if sp.kind in (ANONYMOUS, UNKNOWN) and sp.mention and sp.start is not None:
            m = fold(sp.mention)
            m = m[4:] if m.startswith("the ") else m
            hit = next((n for n, r in resolver.people if r and fold(r) == m), None)
            if hit:
                sp = Speaker(hit, sp.mention, PERSON, sp.mention, sp.start, sp.end)
        out.append(sp)
    return out


def _link(sp: Speaker, cue: str | None) -> ChainLink:
    return ChainLink(sp.name, sp.kind, cue, sp.start, sp.end)


def _chain(i: int, cues: list[Cue], parent: dict[int, int], speakers: list[Speaker], trees, text: str,
           lex: Lexicon) -> tuple[ChainLink, ...]:
    links: list[ChainLink] = []
    p = parent.get(i)
    if p is not None:
        links.extend(_chain(p, cues, parent, speakers, trees, text, lex))
        if fold(speakers[p].name) != fold(speakers[i].name) and speakers[p].name != UNNAMED:
            # "Peskov told Tass that he could not confirm ...": nobody relays himself
            links.append(_link(speakers[p], cues[p].text))
    c = cues[i]
    if c.audience:
        t = trees[c.sentence]
        for a in c.audience:
            np = describe(t, t.w(a), text, lex)
            if np.kind == OUTLET:
                links.append(ChainLink(np.name or np.mention, OUTLET, c.text, np.start, np.end))
    return tuple(links)


def _is_reporting_clause(content: str, cue_words: frozenset[str]) -> bool:
    words = [w.strip(".,;:!?\"“”'’").lower() for w in content.split()]
    return len(words) <= 5 and any(w in cue_words for w in words)


def _dedupe(records: list[Attribution], cue_words: frozenset[str] = frozenset()) -> Iterator[Attribution]:
    """One record per content span and speaker: a cue beats a continuation, a named
    source beats "unnamed sources", and a bare hedge inside a named source's span goes."""
    by_span: dict[tuple[int, int], list[Attribution]] = {}
    for r in records:
        by_span.setdefault((r.start, r.end), []).append(r)
    out = []
    for span, rs in by_span.items():
        cued = [r for r in rs if r.cue is not None] or rs[:1]
        named = [r for r in cued if r.speaker.name != UNNAMED] or cued[:1]
        seen = set()
        for r in named:
            key = fold(r.speaker.name)
            if key not in seen:
                if seen:  # a second speaker of the same words: its id must differ
                    r = dataclasses.replace(r, key=re.sub(r"\W+", "-", key).strip("-") or str(len(seen)))
                seen.add(key)
                out.append(r)
    out.sort(key=lambda r: (r.start, r.end))
    for r in out:
        if len(r.content.split()) < 2 and r.type != DIRECT:
            continue
        hedge = r.speaker.mention == r.cue
        if r.cue_start is not None and r.start <= r.cue_start < r.end and r.type == INDIRECT and not hedge \
                and not r.parts:
            continue  # a content that holds its own cue is a misparse (a hedge sits inside its clause)
        if r.type == INDIRECT and not hedge and _is_reporting_clause(r.content, cue_words):
            continue  # "Police officials said", "Tass reported": another cue's clause, not content
        if r.speaker.kind == ANONYMOUS and r.cue and r.speaker.mention == r.cue:
            if any(o is not r and o.start <= r.start and r.end <= o.end and o.speaker.kind != ANONYMOUS
                   for o in out):
                continue
        yield r
