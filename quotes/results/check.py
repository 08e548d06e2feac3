"""A claim check's result with a table per article and HTML display (:class:`Check`), its
terminal report and the formats ``quotes check`` writes."""

from __future__ import annotations

import html
from typing import Any

import dataclasses

from quotes.types import CheckResult
from quotes.results.tables import _frame, _html_table


@dataclasses.dataclass(frozen=True)
class Check(CheckResult):
    """A :class:`~quotes.types.CheckResult` with a table per article (``to_frame()``),
    HTML display and a terminal form (:func:`format_check`).

    >>> Check("nothing", message="no claim matches 'nothing'")
    <Check 'nothing': no claim matches 'nothing'>
    """

    COLUMNS = ("doc", "publisher", "stance", "reason", "speakers", "evidence")

    @classmethod
    def of(cls, r: CheckResult) -> "Check":
        return cls(**{f.name: getattr(r, f.name) for f in dataclasses.fields(CheckResult)})

    def __repr__(self) -> str:
        if self.claim is None:
            return f"<Check {self.query!r}: {self.message}>"
        return (f"<Check {self.query!r} -> {self.claim.id} {self.claim.label or self.claim.text!r}: "
                f"{len(self.articles)} articles, flags: {', '.join(self.flag_names) or 'none'}>")

    def rows(self) -> list[dict[str, Any]]:
        """One row per article: doc, publisher, stance, reason, speakers, evidence sentences."""
        return [{"doc": a.doc, "publisher": a.publisher, "stance": a.stance, "reason": a.reason,
                 "speakers": list(dict.fromkeys(e.statement.speaker.name for e in a.evidence)),
                 "evidence": [f"[{e.sentence_start}-{e.sentence_end}] {e.stance}: {e.sentence}"
                              for e in a.evidence]} for a in self.articles]

    def evidence_records(self) -> list[dict[str, Any]]:
        """One flat row per piece of evidence (the CSV/table form of ``quotes check``)."""
        out = []
        for a in self.articles:
            base = {"claim": self.claim.id if self.claim else None, "doc": a.doc,
                    "publisher": a.publisher, "article_stance": a.stance}
            if not a.evidence:
                out.append({**base, "stance": None, "speaker": None, "kind": None, "chain": "",
                            "start": None, "end": None, "sentence": None, "statement": None})
            for e in a.evidence:
                st = e.statement
                out.append({**base, "stance": e.stance, "speaker": st.speaker.name,
                            "kind": st.speaker.kind, "chain": " > ".join(x.name for x in st.chain),
                            "start": e.sentence_start, "end": e.sentence_end,
                            "sentence": e.sentence, "statement": st.id})
        return out

    def to_frame(self):
        """One row per article (see :meth:`rows`)."""
        return _frame(self.rows(), self.COLUMNS)

    def _repr_html_(self) -> str:
        if self.claim is None:
            return f"<p>{html.escape(self.message)}</p>"
        head = (f"<p><b>{html.escape(self.claim.label or self.claim.text)}</b> "
                f"<code>{html.escape(self.claim.id)}</code><br>flags: "
                f"{html.escape(', '.join(self.flag_names)) or 'none'}</p>")
        reasons = "".join(f"<li>{html.escape(r)}</li>" for f in self.flags for r in f.reasons)
        alts = "".join(f"<li>{html.escape(c.label)} ({c.score:.2f})</li>" for c in self.candidates[1:])
        return (head + (f"<ul>{reasons}</ul>" if reasons else "") + _html_table(self.rows(), self.COLUMNS)
                + (f"<p>other claims it may mean:</p><ul>{alts}</ul>" if alts else ""))


def format_check(r: CheckResult) -> str:
    """A claim check for the terminal: the claim, its flags with reasons, each article's
    stance with its evidence, the origins and the alternatives.

    >>> print(format_check(CheckResult("x", message="no claim matches 'x'")))
    no claim matches 'x'
    """
    if r.claim is None:
        lines = [r.message]
        lines += [f"  maybe: {c.label} [{c.claim}] ({c.score:.2f})" for c in r.candidates]
        return "\n".join(lines)
    c = r.claim
    lines = [f"claim {c.id}: {c.label or c.text}", f"  flags: {', '.join(r.flag_names) or 'none'}"]
    lines += [f"    - {x}" for f in r.flags for x in f.reasons]
    lines.append(f"  articles ({len(r.articles)}):")
    for a in r.articles:
        pub = f" ({a.publisher})" if a.publisher else ""
        lines.append(f"    {a.doc}{pub}: {a.stance} - {a.reason}")
        for e in a.evidence:
            st = e.statement
            via = f" via {' > '.join(x.name for x in st.chain)}" if st.chain else ""
            lines.append(f"      [{e.sentence_start}-{e.sentence_end}] {st.speaker.name} "
                         f"({st.speaker.kind}){via}, {st.stance} -> {e.stance}: \"{st.content}\"")
    if r.origins:
        lines.append("  origins:")
        for o in r.origins:
            relays = f" via {', '.join(o.relays)}" if o.relays else ""
            named = "named" if o.named else "unnamed"
            lines.append(f"    {o.name} ({o.kind}, {named}){relays}: {', '.join(o.stances)}")
    if len(r.candidates) > 1:
        lines.append("  other claims it may mean:")
        lines += [f"    {k.label} [{k.claim}] ({k.score:.2f})" for k in r.candidates[1:]]
    return "\n".join(lines)


#: Output formats of ``quotes check``: the terminal report, one JSON object, one CSV row per
#: piece of evidence.
CHECK_FORMATS = ("table", "jsonl", "csv")


def write_check(r: CheckResult, fmt: str, out, err) -> bool:
    """Write a claim check in ``fmt`` (:data:`CHECK_FORMATS`); a check that found no claim
    writes its message (and the nearest claims) to ``err``. Returns whether a claim was found.

    >>> import io, sys
    >>> write_check(CheckResult("x", message="no claim matches 'x'"), "jsonl", io.StringIO(), sys.stdout)
    no claim matches 'x'
    False
    """
    import csv
    import json

    if r.claim is None:
        print(format_check(r), file=err)
        return False
    if fmt == "jsonl":
        out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        rows = Check.of(r).evidence_records()
        w = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["claim"])
        w.writeheader()
        w.writerows(rows)
    else:
        print(format_check(r), file=out)
    return True
