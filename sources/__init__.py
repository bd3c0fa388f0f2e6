"""Evidence side (pure Python): sources and their figures, suggestions for a claim, comparisons.

Nothing here reads files, fetches pages or imports streamlit/sqlalchemy: callers pass content in.
"""

from sources.clustering import cluster_claims
from sources.comparison import agrees, chain, compare
from sources.dedup import duplicates_of, find_duplicates, normalise_url
from sources.figures import extract_figures
from sources.importing import SourceImportError, import_csv, import_html, import_text
from sources.matching import DEFAULT_SCORERS, Scorer, SourceIndex, build_index, claim_source, rank_sources
from sources.models import (
    Candidate,
    ClaimCluster,
    Comparison,
    Duplicate,
    ImportResult,
    QuoteMatch,
    ReportedFigure,
    Source,
)
from sources.quotes import locate_quote
from sources.series import Provenance, Series, SeriesPoint
from sources.series_compare import SeriesComparison, compare_with_series
from sources.series_import import SeriesImport, read_series

__all__ = [
    "DEFAULT_SCORERS",
    "Candidate",
    "ClaimCluster",
    "Comparison",
    "Duplicate",
    "ImportResult",
    "Provenance",
    "QuoteMatch",
    "ReportedFigure",
    "Scorer",
    "Series",
    "SeriesComparison",
    "SeriesImport",
    "SeriesPoint",
    "Source",
    "SourceImportError",
    "SourceIndex",
    "agrees",
    "build_index",
    "chain",
    "claim_source",
    "cluster_claims",
    "compare",
    "compare_with_series",
    "duplicates_of",
    "extract_figures",
    "find_duplicates",
    "import_csv",
    "import_html",
    "import_text",
    "locate_quote",
    "normalise_url",
    "rank_sources",
    "read_series",
]
