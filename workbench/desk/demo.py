"""Demo content: the seed article and a few sources that are labelled as illustrative examples."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sources.series import Provenance
from sources.series_import import read_series
from workbench.desk.article_intake import add_article
from workbench.desk.ingest import prepare_article
from workbench.domain.records import SourceInput
from workbench.storage.articles import is_empty
from workbench.storage.evidence import add_source, link_evidence
from workbench.storage.schema import ClaimRow, StatisticRow
from workbench.storage.series_store import save_series

DEMO_DATA = Path(__file__).resolve().parents[1] / "demo_data"
SEED_ARTICLE = DEMO_DATA / "ukraine-defence-industry-fr.txt"
# An illustrative series (example.org provenance, "Example" in its title), linked to the seed's
# multiplier claims so the series comparison and its chart show on first start.
EXAMPLE_SERIES = DEMO_DATA / "example-defence-production-series.csv"
EXAMPLE_SERIES_PROVENANCE = Provenance(
    publisher="Example data",
    dataset="example-defence-output",
    series_code="EXAMPLE.DEFENCE.PRODUCTION",
    url="https://example.org/examples/defence-production-series.csv",
    retrieved_at="2024-02-01",
)
EXAMPLE_SERIES_WHY = "Illustrative example series: the measure the claim names (national defence production)."
EXAMPLE_NOTE = "EXAMPLE for trying the workbench: not a real report; its figure is illustrative."

# Illustrative sources only: reserved example.org addresses and titles that say so, so nobody
# mistakes them for real reporting.
EXAMPLE_SOURCES: tuple[SourceInput, ...] = (
    SourceInput(
        title="Example: ministry statement on defence output (illustrative)",
        publisher="Example data",
        url="https://example.org/examples/defence-output-2023",
        published=date(2024, 1, 15),
        kind="other",
        lang="en",
        excerpt="Illustrative text: defence output was multiplied by 3.1 in 2023.",
        reliability_note=EXAMPLE_NOTE,
        figure_value=3.1,
        figure_unit="×",
        figure_measured="national defence production",
        figure_period="2023",
        is_example=True,
    ),
    SourceInput(
        title="Example: defence industry forum attendance list (illustrative)",
        publisher="Example data",
        url="https://example.org/examples/forum-attendance",
        published=date(2023, 10, 2),
        kind="other",
        lang="en",
        excerpt="Illustrative text: 263 foreign manufacturers registered for the forum.",
        reliability_note=EXAMPLE_NOTE,
        figure_value=263,
        figure_measured="Western arms manufacturers at the forum",
        figure_period="2023-09",
        is_example=True,
    ),
    SourceInput(
        title="Example: industry forecast for 2024 (illustrative)",
        publisher="Example data",
        url="https://example.org/examples/forecast-2024",
        published=date(2024, 2, 1),
        kind="other",
        lang="en",
        excerpt="Illustrative text: output is forecast to grow fivefold in 2024.",
        reliability_note=EXAMPLE_NOTE,
        figure_value=5,
        figure_unit="×",
        figure_measured="national defence production",
        figure_period="2024",
        figure_modality="forecast",
        is_example=True,
    ),
)


def load_demo(session: Session) -> bool:
    """Load the seed article and the example sources into an empty database; False if not empty."""
    if not is_empty(session):
        return False
    draft = prepare_article(
        SEED_ARTICLE.read_text(encoding="utf-8"),
        title="L'Ukraine signe des dizaines d'accords de production d'armement",
        outlet="Seed article (project fixture)",
        published=date(2023, 12, 20),
    )
    article_id = add_article(session, draft)
    for source in EXAMPLE_SOURCES:
        add_source(session, source)
    _add_example_series(session, article_id)
    return True


def _add_example_series(session: Session, article_id: int) -> None:
    """Store the illustrative series and link it to the seed's claims that state a multiplier."""
    read = read_series(
        EXAMPLE_SERIES.read_bytes(), name=EXAMPLE_SERIES.name, provenance=EXAMPLE_SERIES_PROVENANCE
    )
    (source_id,) = save_series(session, read, reviewer="demo", is_example=True)
    claim_ids = session.scalars(
        select(ClaimRow.id)
        .join(StatisticRow, StatisticRow.claim_id == ClaimRow.id)
        .where(ClaimRow.article_id == article_id, StatisticRow.kind == "multiplier")
        .distinct()
        .order_by(ClaimRow.id)
    ).all()
    for claim_id in claim_ids:
        link_evidence(
            session, claim_id=claim_id, source_id=source_id, stance="context",
            quote=EXAMPLE_SERIES_WHY, figure_id=None, reviewer="demo",
        )  # fmt: skip
