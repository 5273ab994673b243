"""Short kill -9 soak for CI (the long one is ``benchmarks/soak_kill9.py``)."""

import sys

import pytest

from tests.soak.harness import run_soak


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill9_ten_rounds_loses_nothing(tmp_path):
    result = run_soak(tmp_path, rounds=10, seed=7)
    assert result.problems == []
    assert result.rounds == 10
    assert result.rows_committed > 0
