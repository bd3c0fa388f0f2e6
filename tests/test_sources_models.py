"""Records of the evidence side, and the package's purity."""

import dataclasses
import subprocess
import sys

import pytest

from claims.models import Bound
from sources.models import Candidate, Comparison, ReportedFigure, Source


def test_records_are_frozen():
    source = Source("Report")
    with pytest.raises(dataclasses.FrozenInstanceError):
        source.title = "Other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("published", "year"), [("2024-02-15", 2024), ("2023", 2023), (None, None), ("n.d.", None)]
)
def test_source_year(published, year):
    assert Source("Report", published=published).year == year


def test_candidate_reasons_name_words_figures_and_period():
    figure = ReportedFigure(3.1, "multiplier", surface="multipliée par 3,1", period="2023")
    candidate = Candidate(Source("R"), 0, 1.0, 0.03, 1, ("product", "tripl"), (figure,), "2023")
    assert candidate.reasons == ("words: product, tripl", "figure: multipliée par 3,1", "period: 2023")


def test_comparison_rows_show_unknowns_and_notes():
    comparison = Comparison("unknown", "…", same_metric=True, deviation=-0.032, notes=("base unknown",))
    rows = dict(comparison.as_rows()[:5])
    assert rows["same period"] == "?" and rows["deviation"] == "-3.2%"
    assert ("note", "base unknown") in comparison.as_rows()


def test_default_bound_is_exact():
    assert ReportedFigure(2.0).bound == Bound()


def test_sources_never_import_ui_or_storage():
    code = (
        "import sys, sources, sources.clustering, sources.dedup, sources.quotes; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'sqlalchemy')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
