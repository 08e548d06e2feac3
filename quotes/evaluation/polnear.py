"""Scoring extraction against PolNeAR (news attribution annotations, brat standoff).

The *speech subset* is every gold attribution whose cue is a speech act (a reporting
verb or "according to" from the lexicon) or whose content is in quotation marks. A
prediction *matches* a gold attribution when its content covers at least half of the
gold content. Recall is over the speech subset; precision counts a prediction correct
when it matches any gold attribution (PolNeAR annotates beliefs and intentions too,
and only the outermost of nested attributions); source accuracy is the share of matched
speech-subset attributions whose predicted speaker mention overlaps the gold source.

Articles annotated by several annotators are scored against the first annotator's file
(sorted by name), so every article counts once.

>>> spans = [(0, 10)]
>>> covers((0, 6), spans)
True
>>> covers((0, 4), spans)
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from quotes.errors import InputError
from quotes.evaluation import WORKERS
from quotes.lexicons import load
from quotes.types import Article, Attribution

QUOTE_CHARS = "\"“”«»"
SPEECH_EXTRA = {"according", "quoted", "quoting", "citing", "cited", "cites", "cite", "tweeted", "wrote",
                "―", "—", ":"}


@dataclass
class Gold:
    content: list[tuple[int, int]]
    cue: str
    source: list[tuple[int, int]]
    speech: bool


@dataclass
class Report:
    articles: int = 0
    gold_speech: int = 0
    predicted: int = 0
    matched_gold: int = 0
    correct_pred: int = 0
    source_ok: int = 0
    source_total: int = 0
    seconds: float = 0.0
    per_type: dict[str, list[int]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold_speech if self.gold_speech else 0.0

    @property
    def precision(self) -> float:
        return self.correct_pred / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_ok / self.source_total if self.source_total else 0.0

    def format(self) -> str:
        lines = [
            f"PolNeAR speech subset: {self.articles} articles, {self.gold_speech} gold attributions, "
            f"{self.predicted} predicted",
            f"recall     {self.recall:.3f}",
            f"precision  {self.precision:.3f}",
            f"F1         {self.f1:.3f}",
            f"source acc {self.source_accuracy:.3f}  ({self.source_ok}/{self.source_total} matched)",
        ]
        for t, (ok, n) in sorted(self.per_type.items()):
            lines.append(f"  {t:8s} predicted {n:5d}  correct {ok / n if n else 0:.3f}")
        if self.seconds:
            lines.append(f"time       {self.seconds:.1f} s")
        return "\n".join(lines)


def _spans(field_: str) -> list[tuple[int, int]]:
    out = []
    for part in field_.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path, text: str) -> list[Gold]:
    """The attributions of one brat ``.ann`` file (a line with no tab after a text-bound
    annotation is the rest of its text: one PolNeAR train file has a line break in one)."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations = []
    lex = load()
    after_text = False  # whether the last line was a text-bound annotation
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) == 1 and after_text:
            continue  # the rest of the annotated text before it, which held a line break
        after_text = cols[0].startswith("T")
        try:
            if cols[0].startswith("T"):
                label, rng = cols[1].split(" ", 1)
                spans[cols[0]] = (label, _spans(rng), cols[2] if len(cols) > 2 else "")
            elif cols[0].startswith("E"):
                relations.append(dict(p.split(":", 1) for p in cols[1].split()))
        except (ValueError, IndexError):
            raise InputError(path, f"malformed brat line: {line[:60]!r}", line=n) from None
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        cue = spans.get(rel.get("Cue", ""), ("Cue", [], ""))
        source = spans.get(rel.get("Source", ""), ("Source", [], ""))
        ctext = " ".join(text[a:b] for a, b in content[1])
        out.append(Gold(content=content[1], cue=cue[2], source=source[1],
                        speech=_is_speech(cue[2], ctext, content[1], text, lex)))
    return out


def _is_speech(cue: str, ctext: str, cspans, text: str, lex) -> bool:
    if any(c in ctext for c in QUOTE_CHARS):
        return True
    a = cspans[0][0]
    if a > 0 and text[a - 1] in QUOTE_CHARS:
        return True
    words = _speech_words()
    return any(tok in SPEECH_EXTRA or tok in words for tok in re.findall(r"[\w―—:]+|[―—:]", cue.lower()))


def _speech_words() -> frozenset[str]:
    global _SPEECH
    if _SPEECH is None:
        from quotes.lexicons import _inflections, lines
        lemmas = [line.lower() for line in lines("eval_speech_acts.txt", extend=False)]
        _SPEECH = frozenset(w for lemma in lemmas for w in _inflections(lemma))
    return _SPEECH


_SPEECH: frozenset[str] | None = None


def covers(pred: tuple[int, int], gold: list[tuple[int, int]]) -> bool:
    """Whether ``pred`` covers at least half of the (possibly discontinuous) gold span."""
    total = sum(b - a for a, b in gold)
    if total <= 0:
        return False
    got = sum(max(0, min(b, pred[1]) - max(a, pred[0])) for a, b in gold)
    return got * 2 >= total


def _overlap(a: tuple[int | None, int | None], spans: list[tuple[int, int]]) -> bool:
    if a[0] is None or a[1] is None:
        return False
    return any(a[0] < e and s < a[1] for s, e in spans)


def load_split(split_dir: str | Path) -> Iterator[tuple[Article, list[Gold]]]:
    """Articles of a PolNeAR split with their gold attributions (first annotator)."""
    split = Path(split_dir)
    tdir, adir = split / "text", split / "attributions"
    if not tdir.is_dir() or not adir.is_dir():
        raise InputError(split, "expected a PolNeAR split folder with text/ and attributions/")
    anns: dict[str, Path] = {}
    for p in sorted(adir.glob("*.ann")):
        stem = p.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, p)
    for tp in sorted(tdir.glob("*.txt")):
        ann = anns.get(tp.stem)
        if ann is None:
            continue
        text = tp.read_text(encoding="utf-8")
        yield Article(id=tp.stem, text=text), read_ann(ann, text)


def score(pairs: Iterable[tuple[list[Gold], list[Attribution]]]) -> Report:
    """Score (gold, predicted) pairs per article into a :class:`Report`.

    >>> g = [Gold([(0, 10)], "said", [(12, 18)], True)]
    >>> from quotes.types import Speaker
    >>> p = [Attribution("d", "indirect", "x" * 10, 0, 10, "said", "asserts", Speaker("P", "P", start=12, end=18))]
    >>> r = score([(g, p)])
    >>> (r.recall, r.precision, r.source_accuracy)
    (1.0, 1.0, 1.0)
    """
    rep = Report()
    for gold, preds in pairs:
        rep.articles += 1
        speech = [g for g in gold if g.speech]
        rep.gold_speech += len(speech)
        rep.predicted += len(preds)
        for p in preds:
            ok = any(covers((p.start, p.end), g.content) for g in gold)
            rep.correct_pred += ok
            t = rep.per_type.setdefault(p.type, [0, 0])
            t[0] += ok
            t[1] += 1
        for g in speech:
            hits = [p for p in preds if covers((p.start, p.end), g.content)]
            if hits:
                rep.matched_gold += 1
                rep.source_total += 1
                if any(_overlap((p.speaker.start, p.speaker.end), g.source) or
                       any(_overlap((c.start, c.end), g.source) for c in p.chain) for p in hits):
                    rep.source_ok += 1
    return rep


def evaluate_polnear(split_dir: str | Path, *, workers: int = WORKERS, models: str | None = None,
                     limit: int | None = None,
                     extract: Callable[[Iterable[Article]], Iterable[tuple[Article, list[Attribution]]]] | None = None
                     ) -> Report:
    """Extract from every article of a PolNeAR split and score it (``quotes eval polnear``)."""
    import time
    data = list(load_split(split_dir))[:limit]
    golds = {a.id: g for a, g in data}
    t0 = time.time()
    if extract is None:
        from quotes.extractors.parallel import extract_parallel
        results = list(extract_parallel((a for a, _ in data), workers=workers, models=models))
    else:
        results = list(extract((a for a, _ in data)))
    rep = score((golds[a.id], atts) for a, atts in results)
    rep.seconds = time.time() - t0
    return rep
