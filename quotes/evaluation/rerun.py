"""Parse a PolNeAR split once, then re-run only the extraction rules on the saved parses.

Tuning the rules to a parser means scoring a split after every change. Parsing is most of
the time (PolNeAR train: about a minute and a half on two cores; the rules alone, seconds),
so :func:`save_parses` keeps the parsed documents of a split in a file and :func:`rescore`
runs :func:`~quotes.extractors.attribute.attributions` on them and scores the records with
:func:`~quotes.evaluation.polnear.score`, the same figures ``quotes eval polnear`` prints
for the same models. :func:`differences` lists the records one run makes and the other
does not (``scripts/rule_cache.py`` is the command line).

The parse file is a Python pickle: read only files you made yourself.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from quotes.errors import InputError
from quotes.evaluation.polnear import Gold, Report, covers, load_split, score
from quotes.types import Attribution, ParsedDoc

#: Mark the files this module writes (parsed documents; records by article) and their layout's version.
PARSES_FORMAT = "quotes-parses/1"
RECORDS_FORMAT = "quotes-records/1"


@dataclass(frozen=True)
class Difference:
    """A record only one of two runs makes: ``side`` is ``"a"`` or ``"b"``; ``in_gold`` says
    whether its content covers a gold attribution (:func:`~quotes.evaluation.polnear.covers`)."""

    side: str
    doc: str
    record: Attribution
    in_gold: bool


def save_parses(split_dir: str | Path, path: str | Path, *, models: str | None = None,
                limit: int | None = None, threads: int | None = None) -> int:
    """Parse the articles of a PolNeAR split as extraction does and save them to ``path``;
    returns how many were parsed."""
    from quotes.extractors import parse_for_extraction
    from quotes.extractors.parallel import BATCH

    arts = [a for a, _ in load_split(split_dir)][:limit]
    docs: list[ParsedDoc] = []
    for i in range(0, len(arts), BATCH):  # batched as quotes eval batches them
        docs += parse_for_extraction(arts[i:i + BATCH], models=models, threads=threads)
    _save(path, PARSES_FORMAT, docs)
    return len(docs)


def load_parses(path: str | Path) -> list[ParsedDoc]:
    """The parsed documents :func:`save_parses` wrote to ``path``.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp(), "x.parses")
    >>> _ = p.write_text("not a parse file")
    >>> load_parses(p)
    Traceback (most recent call last):
    ...
    quotes.errors.InputError: ...x.parses: expected a file written by save_parses (quotes-parses/1)
    """
    return _load(path, PARSES_FORMAT, "save_parses")


def save_records(path: str | Path, records: Mapping[str, list[Attribution]]) -> None:
    """Keep the records of a :func:`rescore` run, to compare with another (:func:`differences`).

    >>> import tempfile
    >>> from quotes.types import Speaker
    >>> p = Path(tempfile.mkdtemp(), "a.records")
    >>> rec = Attribution("d", "indirect", "x", 0, 1, "said", "asserts", Speaker("Ann", "Ann", start=3, end=6))
    >>> save_records(p, {"d": [rec]})
    >>> load_records(p) == {"d": [rec]}
    True
    """
    _save(path, RECORDS_FORMAT, dict(records))


def load_records(path: str | Path) -> dict[str, list[Attribution]]:
    """The records :func:`save_records` wrote to ``path``."""
    return _load(path, RECORDS_FORMAT, "save_records")


def _save(path, fmt: str, payload) -> None:
    try:
        with open(path, "wb") as f:
            pickle.dump({"format": fmt, "payload": payload}, f)
    except OSError as err:
        raise InputError(path, f"cannot write: {err.strerror}") from None


def _load(path, fmt: str, writer: str):
    try:
        with open(path, "rb") as f:
            data = pickle.load(f)
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror}") from None
    except Exception:  # any file that is no pickle of ours
        data = None
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise InputError(path, f"expected a file written by {writer} ({fmt})")
    return data["payload"]


def rescore(split_dir: str | Path, docs: Iterable[ParsedDoc]) -> tuple[Report, dict[str, list[Attribution]]]:
    """Run the extraction rules on saved parses of a split; the report and the records by article."""
    from quotes.extractors.attribute import attributions
    from quotes.lexicons import load

    golds = gold_by_article(split_dir)
    lex = load()
    records = {d.article.id: list(attributions(d, lex)) for d in docs}
    unknown = sorted(set(records) - set(golds))
    if unknown:
        raise InputError(split_dir, f"the parses hold articles this split has not: {', '.join(unknown[:3])}")
    return score((golds[k], recs) for k, recs in records.items()), records


def gold_by_article(split_dir: str | Path) -> dict[str, list[Gold]]:
    """The gold attributions of a PolNeAR split, by article id."""
    return {a.id: g for a, g in load_split(split_dir)}


def differences(golds: Mapping[str, list[Gold]], a: Mapping[str, list[Attribution]],
                b: Mapping[str, list[Attribution]]) -> list[Difference]:
    """The records of ``a`` that ``b`` lacks and those of ``b`` that ``a`` lacks, article by
    article; a record is known by its content's and its speaker's offsets.

    >>> from quotes.types import Speaker
    >>> g = {"d": [Gold([(0, 10)], "said", [(12, 15)], True)]}
    >>> one = Attribution("d", "indirect", "x" * 10, 0, 10, "said", "asserts", Speaker("Ann", "Ann", start=12, end=15))
    >>> other = Attribution("d", "indirect", "y", 20, 21, "said", "asserts", Speaker("Bo", "Bo", start=12, end=14))
    >>> [(x.side, x.record.speaker.name, x.in_gold) for x in differences(g, {"d": [one]}, {"d": [one, other]})]
    [('b', 'Bo', False)]
    """
    out = []
    for doc in sorted(set(a) | set(b)):
        ra, rb = a.get(doc, []), b.get(doc, [])
        ka, kb = {_key(r) for r in ra}, {_key(r) for r in rb}
        for side, recs, other in (("a", ra, kb), ("b", rb, ka)):
            for r in recs:
                if _key(r) not in other:
                    out.append(Difference(side, doc, r, any(covers((r.start, r.end), x.content)
                                                            for x in golds.get(doc, []))))
    return out


def _key(r: Attribution) -> tuple:
    return r.start, r.end, r.speaker.start, r.speaker.end
