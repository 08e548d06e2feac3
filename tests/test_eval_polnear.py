"""Reading PolNeAR's brat annotations (no model needed)."""

import pytest

from quotes.errors import InputError
from quotes.evaluation.polnear import read_ann

TEXT = "3. The number is 3, The Washington Post reported."


@pytest.mark.parametrize("lines, contents", [
    (["T1\tContent 0 2\t3.", "T2\tSource 20 39\tThe Washington Post", "T3\tCue 40 48\treported",
      "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2"], ["3."]),
    # a text-bound annotation whose text held a line break: the rest is no annotation of its own
    (["T1\tContent 0 2;3 18\t3.", "", "The number is 3", "T2\tSource 20 39\tThe Washington Post",
      "T3\tCue 40 48\treported", "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2"], ["3."]),
])
def test_read_ann(tmp_path, lines, contents):
    path = tmp_path / "a.ann"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = read_ann(path, TEXT)
    assert [TEXT[g.content[0][0]:g.content[0][1]] for g in got] == contents
    assert [TEXT[a:b] for a, b in got[0].source] == ["The Washington Post"]


def test_read_ann_still_rejects_a_malformed_line(tmp_path):
    path = tmp_path / "a.ann"
    path.write_text("T1\tContent zero\t3.\n", encoding="utf-8")
    with pytest.raises(InputError, match="malformed brat line"):
        read_ann(path, TEXT)
