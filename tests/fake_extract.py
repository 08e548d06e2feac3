"""A small deterministic, model-free extractor for the store and ingest tests.

It lives in a module (not a test file) so that worker processes and Dask workers can
import it. Two patterns, with exact offsets into the original text:

- ``"We are ready," Ann Lee said``  -> a direct quote (``We are ready,`` without marks,
  trailing comma/period dropped) by Ann Lee;
- ``Ann Lee said (that) the bridge was closed.`` -> an indirect statement up to the
  period.

``QUOTES_FAKE_DELAY`` (seconds per article) slows it down for the kill-and-resume test;
a text holding ``EXPLODE`` makes it raise (extraction failures are reported, not fatal);
one holding ``KILL_WORKER`` kills the process running it (a worker dying mid-batch).
"""

from __future__ import annotations

import os
import re
import time

from quotes.types import ASSERTS, DIRECT, INDIRECT, Article, Attribution, PERSON, Speaker

NAME = r"(?P<speaker>[A-Z][a-z]+(?: [A-Z][a-z]+)*)"
DIRECT_RE = re.compile(r'"(?P<content>[^"]+?)[,.]?" ' + NAME + r" (?P<cue>said)")
INDIRECT_RE = re.compile(NAME + r" (?P<cue>said) (?:that )?(?P<content>[a-z][^.\"]*)\.")


def fake_extract(article: Article) -> list[Attribution]:
    """Attributions found by the two regular expressions, in text order."""
    delay = float(os.environ.get("QUOTES_FAKE_DELAY", "0") or 0)
    if delay:
        time.sleep(delay)
    if "KILL_WORKER" in article.text:
        os.kill(os.getpid(), 9)
    if "EXPLODE" in article.text:
        raise RuntimeError("fake extractor exploded")
    out = []
    for rx, kind in ((DIRECT_RE, DIRECT), (INDIRECT_RE, INDIRECT)):
        for m in rx.finditer(article.text):
            name = m.group("speaker")
            out.append(Attribution(
                doc=article.id, type=kind, content=m.group("content"),
                start=m.start("content"), end=m.end("content"), cue=m.group("cue"),
                stance=ASSERTS,
                speaker=Speaker(name, name, PERSON, start=m.start("speaker"), end=m.end("speaker")),
                cue_start=m.start("cue"), cue_end=m.end("cue")))
    out.sort(key=lambda a: (a.start, a.end))
    return out
