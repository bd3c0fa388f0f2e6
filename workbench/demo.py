"""Demo content: the seed article and a few sources that are labelled as illustrative examples."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from workbench.ingest import prepare_article
from workbench.records import SourceInput
from workbench.storage.articles import add_article, is_empty
from workbench.storage.evidence import add_source

SEED_ARTICLE = Path(__file__).resolve().parent / "demo_data" / "ukraine-defence-industry-fr.txt"
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
    add_article(session, draft)
    for source in EXAMPLE_SOURCES:
        add_source(session, source)
    return True
