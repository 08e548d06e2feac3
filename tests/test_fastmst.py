"""The faster tree decoder gives stanza's trees exactly (no model needed)."""

import numpy as np
import pytest

from quotes.nlp import fastmst

ce = pytest.importorskip("stanza.models.common.chuliu_edmonds")
STANZA_TARJAN, STANZA_CONTRACT, STANZA_ONE_ROOT = ce.tarjan, ce.process_cycle, ce.chuliu_edmonds_one_root


@pytest.mark.parametrize("tree, cycles", [
    ([0, 4, 4, 4, 0], []),
    ([0, 2, 0, 4, 2, 2], []),
    ([0, 3, 1, 2], [[1, 2, 3]]),
    ([0, 2, 1, 4, 3], [[1, 2], [3, 4]]),
    ([0, 0, 3, 2, 2], [[2, 3]]),
])
def test_find_cycles(tree, cycles):
    got = sorted(c.nonzero()[0].tolist() for c in fastmst.find_cycles(np.array(tree)))
    assert got == cycles


def _stanza_trees(mats):
    assert STANZA_TARJAN is not fastmst.find_cycles, "compare against stanza's own decoder"
    saved = ce.tarjan, ce.process_cycle
    ce.tarjan, ce.process_cycle = STANZA_TARJAN, STANZA_CONTRACT
    try:
        return [STANZA_ONE_ROOT(m) for m in mats]
    finally:
        ce.tarjan, ce.process_cycle = saved


@pytest.mark.parametrize("seed", range(3))
def test_same_trees_as_stanza(seed):
    rng = np.random.default_rng(seed)
    mats = [rng.normal(size=(n, n)) * rng.uniform(0.5, 4) for n in rng.integers(2, 70, size=150)]
    expected = _stanza_trees(mats)
    fastmst.install()
    got = [fastmst.one_root(m.copy()) for m in mats]
    for e, g in zip(expected, got):
        assert e.tolist() == g.tolist()
        assert np.count_nonzero(g[1:] == 0) == 1


def test_install_is_idempotent():
    from stanza.models.depparse import model
    fastmst.install()
    fastmst.install()
    assert model.chuliu_edmonds_one_root is fastmst.one_root
    assert ce.chuliu_edmonds_one_root is STANZA_ONE_ROOT  # the fallback stays stanza's own
