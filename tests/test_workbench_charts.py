"""The comparison chart as data: one mark per figure, the claim drawn apart, no non-finite values."""

import math
from datetime import UTC, datetime

from workbench.charts import comparison_frame, figure_comparison_chart
from workbench.records import ClaimRecord, EvidenceRecord, FigureRecord, SourceRecord, StatisticRecord


def _claim(values: list[float]) -> ClaimRecord:
    stat = StatisticRecord(1, 0, 6, "triplé", "multiplier", 3.0, "exact", 3.0, 3.0, True, None, None, "×3")
    figures = tuple(FigureRecord(i, 1, v, unit="×", period="2023") for i, v in enumerate(values))
    source = SourceRecord(1, "Ministry report", None, None, None, "report", None, False, figures)
    evidence = EvidenceRecord(1, 1, source, "supports", None, None, "ana", datetime.now(UTC))
    return ClaimRecord(1, 1, 0, 0, 10, "x", "change", "reported", 0.9, (), {}, "new", 1, (stat,), (evidence,))


def test_claim_and_source_figures_become_rows_and_non_finite_values_are_dropped():
    df = comparison_frame(_claim([3.1, math.inf, math.nan]))
    assert list(df.role) == ["claim", "source"]
    assert list(df.value) == [3.0, 3.1]


def test_chart_encodes_value_and_colours_the_claim_apart():
    spec = figure_comparison_chart(comparison_frame(_claim([3.1]))).to_dict()
    assert spec["mark"]["type"] == "point"
    assert spec["encoding"]["x"]["field"] == "value"
    assert spec["encoding"]["color"]["scale"]["domain"] == ["claim", "source"]
    assert {"label", "reading", "detail"} == {t["field"] for t in spec["encoding"]["tooltip"]}
