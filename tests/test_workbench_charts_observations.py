"""The compare chart over observations: a figure drawn over its period, its base as a point of its own,
falls below zero, on a time axis (chart specs read as data)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from claims.models import Base
from sources.models import ReportedFigure
from sources.observations import period_from_label
from workbench.domain.records import ClaimRecord, EvidenceRecord, FigureRecord, SourceRecord, StatisticRecord
from workbench.outputs import charts

Y = period_from_label


def _claim(*stats: StatisticRecord, figures: tuple[FigureRecord, ...] = ()) -> ClaimRecord:
    source = SourceRecord(
        1, "Statistics office", None, None, date(2025, 3, 1), "report", None, False, figures
    )
    evidence = (
        (EvidenceRecord(1, 1, source, "supports", "q", None, "ana", datetime.now(UTC)),) if figures else ()
    )
    return ClaimRecord(1, 1, 0, 0, 10, "x", "change", "reported", 0.9, (), {}, "new", 1, stats, evidence)


def _stat(kind, value, *, unit=None, direction=None, period=None, base=None, reading="") -> StatisticRecord:
    return StatisticRecord(1, 0, 6, "w", kind, value, "exact", value, value, True, unit, None, reading,
                           direction=direction, period=period, base=base)  # fmt: skip


def _values(spec: dict) -> list[dict]:
    return next(iter(spec["datasets"].values()))


def test_a_tripling_from_2021_to_2024_is_a_span_with_its_base_as_a_point():
    tripled = _stat(
        "multiplier", 3.0, direction="up", period=Y("2024"), base=Base(period=Y("2021")), reading="×3"
    )
    df = charts.comparison_frame(_claim(tripled))
    claim, base = df.to_dict("records")
    assert (claim["start"], claim["end"], claim["period"]) == ("2021-01-01", "2024-12-31", "2021–2024")
    assert (base["role"], base["value"], base["start"]) == ("base", 1.0, "2021-01-01")
    spec = charts.compare_chart(df).to_dict()
    span = spec["layer"][5]
    assert span["mark"]["type"] == "rule" and span["encoding"]["x"]["field"] == "start"
    assert span["encoding"]["x2"]["field"] == "end" and span["encoding"]["x"]["type"] == "temporal"
    shapes = spec["layer"][1]["encoding"]["shape"]["scale"]
    assert "base" in shapes["domain"] and "square" in shapes["range"]


def test_falls_are_drawn_below_zero_with_a_zero_line():
    fall = _stat("change", 12, unit="%", direction="down", period=Y("2024"), reading="−12 %")
    nine = ReportedFigure(9, "change", unit="%", direction="down", period="2024")
    figure = FigureRecord(7, 1, 9, unit="%", period="2024", observation=nine)
    spec = charts.compare_chart(charts.comparison_frame(_claim(fall, figures=(figure,)))).to_dict()
    assert sorted(r["value"] for r in _values(spec)) == [-12.0, -9.0]
    assert spec["layer"][1]["encoding"]["y"]["scale"]["zero"] is True
    zero = spec["layer"][-1]
    assert zero["mark"]["type"] == "rule" and zero["encoding"]["y"] == {"datum": 0}


def test_a_fall_of_more_than_20_percent_is_drawn_as_less_than_minus_20():
    more = StatisticRecord(1, 0, 6, "w", "change", 20, "lower", 20, None, False, "%", None, "",
                           direction="down", period=Y("2024"))  # fmt: skip
    (row,) = charts.comparison_frame(_claim(more)).to_dict("records")
    assert (row["value"], row["bound"], row["high"]) == (-20.0, "upper", -20.0)
    spec = charts.compare_chart(charts.comparison_frame(_claim(more))).to_dict()
    (drawn,) = _values(spec)
    assert drawn["shape"] == "less than" and drawn["y_high"] == -20.0 and drawn["y_low"] < -20.0


def test_a_level_with_a_from_value_draws_its_base_value():
    level = _stat("percent", 41, unit="%", period=Y("2024"), base=Base(7, "%", Y("2019")), reading="41 %")
    df = charts.comparison_frame(_claim(level))
    assert [(r["role"], r["value"], r["start"][:4]) for r in df.to_dict("records")] == [
        ("this claim", 41.0, "2024"),
        ("base", 7.0, "2019"),
    ]


def test_an_open_period_is_shown_as_open_not_guessed():
    open_stat = _stat("count", 263, period=Y("last year"))
    (row,) = charts.comparison_frame(_claim(open_stat)).to_dict("records")
    assert (row["period"], row["start"]) == ("last year (open)", "")
