"""Saved parses and records for re-running the rules (quotes.evaluation.rerun, scripts/rule_cache.py)."""

from __future__ import annotations

import importlib.util
import pickle
from pathlib import Path

import pytest

from quotes.errors import InputError
from quotes.evaluation.polnear import Gold
from quotes.evaluation.rerun import differences, load_parses, load_records, save_records
from quotes.types import Attribution, Speaker

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Taxes will rise, Ann Lee said. Rain is due, Bo Roe said."


def _rec(start, end, sp_start, sp_end, rule="complement_clause"):
    name = TEXT[sp_start:sp_end]
    return Attribution("a", "indirect", TEXT[start:end], start, end, "said", "asserts",
                       Speaker(name, name, start=sp_start, end=sp_end), rule=rule)


GOLD = {"a": [Gold([(0, 15)], "said", [(17, 24)], True)]}
TAXES, RAIN = _rec(0, 15, 17, 24), _rec(31, 42, 44, 50)
TAXES_OTHER_SPEAKER = _rec(0, 15, 44, 50)


@pytest.mark.parametrize("a, b, expected", [
    ([TAXES], [TAXES], []),
    ([TAXES], [TAXES, RAIN], [("b", "Bo Roe", False)]),
    ([TAXES, RAIN], [], [("a", "Ann Lee", True), ("a", "Bo Roe", False)]),
    # the same content with another speaker is another record
    ([TAXES], [TAXES_OTHER_SPEAKER], [("a", "Ann Lee", True), ("b", "Bo Roe", True)]),
])
def test_differences(a, b, expected):
    got = differences(GOLD, {"a": a}, {"a": b})
    assert [(x.side, x.record.speaker.name, x.in_gold) for x in got] == expected


def test_records_round_trip(tmp_path):
    path = tmp_path / "r.records"
    save_records(path, {"a": [TAXES, RAIN]})
    assert load_records(path) == {"a": [TAXES, RAIN]}


@pytest.mark.parametrize("content, message", [
    (b"plain text", "expected a file written by save_records"),
    (pickle.dumps({"format": "quotes-parses/1", "payload": []}), "expected a file written by save_records"),
    (None, "cannot read"),
])
def test_load_records_names_the_problem(tmp_path, content, message):
    path = tmp_path / "r.records"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        load_records(path)
    assert str(path) in str(err.value)


def test_load_parses_refuses_records(tmp_path):
    path = tmp_path / "r.records"
    save_records(path, {})
    with pytest.raises(InputError, match="expected a file written by save_parses"):
        load_parses(path)


def _script():
    spec = importlib.util.spec_from_file_location("rule_cache", ROOT / "scripts" / "rule_cache.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _split(tmp_path):
    (tmp_path / "text").mkdir(parents=True)
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_ann1.ann").write_text(
        "T1\tContent 0 15\tTaxes will rise\nT2\tSource 17 24\tAnn Lee\nT3\tCue 25 29\tsaid\n"
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n", encoding="utf-8")
    return tmp_path


def test_script_diff_lists_each_side(tmp_path, capsys):
    split = _split(tmp_path / "split")
    save_records(tmp_path / "a.records", {"a": [TAXES]})
    save_records(tmp_path / "b.records", {"a": [TAXES, RAIN]})
    assert _script().main(["diff", str(split), str(tmp_path / "a.records"), str(tmp_path / "b.records")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("b- a [complement_clause] 'Bo Roe' 'said'")
    assert out[-2:] == ["only in a: 0 (0 inside gold)", "only in b: 1 (0 inside gold)"]


def test_script_reports_a_bad_file_without_a_traceback(tmp_path, capsys):
    split = _split(tmp_path / "split")
    (tmp_path / "x.parses").write_text("no parses", encoding="utf-8")
    assert _script().main(["score", str(split), str(tmp_path / "x.parses")]) == 2
    assert "x.parses: expected a file written by save_parses" in capsys.readouterr().err


def test_rescore_gives_what_quotes_eval_gives(nlp, polnear_dir, tmp_path):
    """Parsed once and scored from the saved parses: the same report as a whole extraction."""
    from quotes.evaluation.polnear import evaluate_polnear
    from quotes.evaluation.rerun import rescore, save_parses
    split = polnear_dir / "dev"
    assert save_parses(split, tmp_path / "dev.parses", limit=3) == 3
    report, records = rescore(split, load_parses(tmp_path / "dev.parses"))
    whole = evaluate_polnear(split, workers=1, limit=3)
    assert len(records) == 3 and report.predicted > 0
    assert (report.predicted, report.correct_pred, report.matched_gold, report.source_ok) == \
        (whole.predicted, whole.correct_pred, whole.matched_gold, whole.source_ok)
