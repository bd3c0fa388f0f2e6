"""Settings read from the environment: a nonsense value is refused by name, not guessed at."""

from __future__ import annotations

import pytest

from workbench.domain.config import busy_timeout_s


@pytest.mark.parametrize(("raw", "expected"), [("", 30.0), ("2.5", 2.5), (" 120 ", 120.0)])
def test_the_busy_timeout_is_read_in_seconds(monkeypatch, raw, expected):
    monkeypatch.setenv("WORKBENCH_BUSY_TIMEOUT_S", raw)
    assert busy_timeout_s(30.0) == expected


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "1e9", "nan"])
def test_a_busy_timeout_that_is_not_a_sensible_number_of_seconds_is_refused_by_name(monkeypatch, raw):
    monkeypatch.setenv("WORKBENCH_BUSY_TIMEOUT_S", raw)
    with pytest.raises(ValueError, match=r"WORKBENCH_BUSY_TIMEOUT_S=.*number of seconds"):
        busy_timeout_s(30.0)
