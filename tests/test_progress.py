"""Progress bars: on stderr only (never stdout), when asked or on a terminal; -q silences."""

from __future__ import annotations

import pytest

from quotes import progress
from quotes.claims.corpus import Corpus


@pytest.mark.parametrize("show,shown", [(True, True), (False, False), (None, False)])
def test_track_writes_to_stderr_only_when_wanted(capsys, show, shown):
    assert list(progress.track(range(3), 3, desc="extracting", show=show)) == [0, 1, 2]
    out, err = capsys.readouterr()
    assert out == ""
    assert ("extracting" in err) == shown  # None: stderr is not a terminal under pytest


def test_from_paths_progress(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("It rained.", encoding="utf-8")
    Corpus.from_paths(tmp_path, extract=lambda art: [], progress=True)
    assert "extracting" in capsys.readouterr().err
    Corpus.from_paths(tmp_path, extract=lambda art: [], progress=False)
    assert capsys.readouterr().err == ""


def test_cli_quiet_has_no_bar(tmp_path, capsys, monkeypatch):
    from quotes.cli import main
    monkeypatch.setattr(progress, "wanted", lambda show: show is not False)  # as on a terminal
    (tmp_path / "a.txt").write_text("", encoding="utf-8")  # a bad input: no models needed
    main(["extract", str(tmp_path / "a.txt"), "-q"])
    assert "extracting" not in capsys.readouterr().err
