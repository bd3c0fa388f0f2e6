"""Verdict CSV bytes and rows: spreadsheet-safe and reversible cells, header-only when empty, the Excel
flavour, ISO dates, evidence URLs in one cell, published verdicts by default, the queue's filters."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from workbench.desk.demo import load_demo
from workbench.outputs.exports import export_summary, neutralise_cell, restore_cell, verdicts_csv
from workbench.storage.database import open_database
from workbench.storage.export_rows import EXPORT_COLUMNS, verdict_rows
from workbench.storage.filters import ClaimFilter
from workbench.storage.schema import ClaimRow, EvidenceRow, SourceRow, VerdictRow


def _frame(**overrides) -> pd.DataFrame:
    row = dict.fromkeys(EXPORT_COLUMNS, "")
    row.update(claim_id=1, claim="Production tripled", verdict="True", **overrides)
    return pd.DataFrame([row], columns=list(EXPORT_COLUMNS))


def _read(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_formula_cells_are_neutralised():
    for dangerous in ("=1+1", "+33 1", "-2", "@SUM(A1)", "\tx", "\rx", "'=already"):
        (row,) = _read(verdicts_csv(_frame(rationale=dangerous)))
        assert row["rationale"] == "'" + dangerous


def test_plain_cells_and_numbers_are_unchanged():
    (row,) = _read(verdicts_csv(_frame(rationale="Fine, “quoted”; ok", reviewer="'Tis me")))
    assert (
        row["rationale"] == "Fine, “quoted”; ok" and row["claim_id"] == "1" and row["reviewer"] == "'Tis me"
    )


@given(st.text(max_size=30))
def test_restore_undoes_neutralise_for_any_text(text):
    assert restore_cell(neutralise_cell(text)) == text


def test_an_empty_export_is_the_header_alone_and_says_so():
    data = verdicts_csv(pd.DataFrame(columns=list(EXPORT_COLUMNS)))
    assert data.decode() == ",".join(EXPORT_COLUMNS) + "\r\n"
    assert "header only" in export_summary(0) and export_summary(2) == "2 rows exported."


def test_excel_flavour_has_a_bom_and_semicolons():
    data = verdicts_csv(_frame(), excel=True)
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig").splitlines()[0] == ";".join(EXPORT_COLUMNS)
    (row,) = _read(data, delimiter=";")
    assert row["claim"] == "Production tripled"


def test_multiline_cells_are_quoted_so_one_claim_stays_one_row():
    data = verdicts_csv(_frame(rationale="line one\nline two"))
    assert b'"line one\nline two"' in data and len(_read(data)) == 1


# --- rows from a database ---------------------------------------------------------------------------


@pytest.fixture
def database(database_url):
    handle = open_database(database_url)
    with handle.session() as session:
        load_demo(session)
    yield handle
    handle.engine.dispose()


def seed_verdicts(session) -> dict[str, int]:
    """Two verdicts (one published) and two evidence links on the seed article's ×3 and >250 claims."""
    claims = {c.text: c.id for c in session.scalars(select(ClaimRow))}
    tripled = next(i for t, i in claims.items() if "a triplé" in t)
    forum = next(i for t, i in claims.items() if "plus de 250" in t)
    sources = {s.url: s.id for s in session.scalars(select(SourceRow))}
    moment = datetime(2026, 1, 5, 10, 31, tzinfo=UTC)
    session.add_all(
        [
            VerdictRow(claim_id=tripled, rating="Mostly true", rationale="=SUM(A1) ok", reviewer="ana",
                       created_at=moment, state="published", published_by="ed", published_at=moment),
            VerdictRow(claim_id=forum, rating="False", rationale="263, not all Western", reviewer="bo",
                       created_at=moment, state="proposed"),
            EvidenceRow(claim_id=tripled, source_id=sources["https://example.org/examples/defence-output-2023"],
                        stance="supports", reviewer="ana", quote="multiplied by 3.1"),
            EvidenceRow(claim_id=tripled, source_id=sources["https://example.org/examples/forecast-2024"],
                        stance="context", reviewer="ana"),
        ]
    )  # fmt: skip
    session.flush()
    return {"tripled": tripled, "forum": forum}


def test_one_row_per_claim_with_published_verdicts_by_default(database):
    with database.session() as session:
        ids = seed_verdicts(session)
        every = verdict_rows(session)
        total = session.query(ClaimRow).count()
    assert len(every) == total and every["claim_id"].is_unique
    rows = every.set_index("claim_id")
    assert rows.loc[ids["tripled"], "verdict"] == "Mostly true"
    assert rows.loc[ids["tripled"], "verdict_state"] == "published"
    assert rows.loc[ids["forum"], "verdict"] == ""  # only proposed: not exported by default
    # the demo links its example series first (context), then the two reports linked above
    assert rows.loc[ids["tripled"], "evidence_urls"] == (
        "https://example.org/examples/defence-production-series.csv | "
        "https://example.org/examples/defence-output-2023 | https://example.org/examples/forecast-2024"
    )
    assert rows.loc[ids["tripled"], "evidence_stances"] == "context | supports | context"
    assert rows.loc[ids["tripled"], "verdict_date"] == "2026-01-05"
    assert rows.loc[ids["tripled"], "verdict_at"] == "2026-01-05T10:31:00Z"
    assert rows.loc[ids["tripled"], "article_published"] == "2023-12-20"
    assert rows.loc[ids["tripled"], "claim_speaker"] == "Ministry of Strategic Industries of Ukraine"


def test_all_states_and_only_with_verdict_options(database):
    with database.session() as session:
        ids = seed_verdicts(session)
        published = verdict_rows(session, only_with_verdict=True)
        everything = verdict_rows(session, only_with_verdict=True, states="all")
    assert list(published["claim_id"]) == [ids["tripled"]]
    assert sorted(everything["claim_id"]) == sorted(ids.values())
    assert set(everything["verdict_state"]) == {"published", "proposed"}


def test_the_queue_filters_narrow_the_export(database):
    with database.session() as session:
        ids = seed_verdicts(session)
        found = verdict_rows(session, claim_filter=ClaimFilter(text="triplé"))
        none = verdict_rows(session, claim_filter=ClaimFilter(date_from=date(2030, 1, 1)))
    assert list(found["claim_id"]) == [ids["tripled"]]
    assert none.empty and list(none.columns) == list(EXPORT_COLUMNS)


def test_export_bytes_from_the_database_are_iso_and_neutralised(database):
    with database.session() as session:
        seed_verdicts(session)
        data = verdicts_csv(verdict_rows(session, only_with_verdict=True), excel=True)
    (row,) = _read(data, delimiter=";")
    assert row["rationale"] == "'=SUM(A1) ok" and row["published_at"] == "2026-01-05T10:31:00Z"


def test_progress_is_reported_per_chunk(database):
    calls = []
    with database.session() as session:
        df = verdict_rows(session, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(len(df), len(df))]


@given(st.lists(st.one_of(st.text(max_size=8), st.integers(), st.none()), min_size=1, max_size=8))
def test_the_vectorised_frame_neutralisation_matches_the_cell_rule(cells):
    from workbench.outputs.exports import neutralise_frame

    df = pd.DataFrame({"mixed": cells, "text": [str(c) for c in cells]})
    expected = df.map(neutralise_cell)
    assert neutralise_frame(df).to_csv(index=False) == expected.to_csv(index=False)
    assert neutralise_frame(df)["text"].tolist() == expected["text"].tolist()


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u000b", "\u2003", "\u3000", "\u200b", "\n", "''"])
def test_a_formula_behind_leading_whitespace_of_any_kind_is_neutralised_and_restored(space):
    dangerous = f'{space}=HYPERLINK("http://x")'
    (row,) = _read(verdicts_csv(_frame(rationale=dangerous, reviewer=f"{space}@cmd")))
    assert row["rationale"] == "'" + dangerous and row["reviewer"] == f"'{space}@cmd"
    assert restore_cell(row["rationale"]) == dangerous


def test_the_app_tables_offer_no_unneutralised_download():
    """Streamlit's table toolbar downloads the raw table; the app turns it off (its buttons neutralise)."""
    import tomllib
    from pathlib import Path

    from streamlit import config

    settings = tomllib.loads((Path(__file__).parents[1] / ".streamlit" / "config.toml").read_text())
    assert settings["client"]["disableDataExport"] is True
    assert config.get_config_options()["client.disableDataExport"].default_val is False  # the option exists


def test_a_fragment_is_exported_and_listed_with_its_subject(database):
    """ "… a triplé en 2023 et devrait être multipliée par six en 2024": the second claim's subject is in
    the first; the CSV's claim_in_full, ClaimReview's claimReviewed, the queue and the claim record say it."""
    from workbench.outputs.claimreview import Publisher, claim_reviews
    from workbench.storage.queue import open_queue
    from workbench.storage.verdicts import get_claim

    with database.session() as session:
        claims = {c.text: c.id for c in session.scalars(select(ClaimRow))}
        fragment = next(i for t, i in claims.items() if t.startswith("devrait être multipliée par six"))
        whole = next(i for t, i in claims.items() if "a triplé" in t)
        moment = datetime(2026, 1, 5, 10, 31, tzinfo=UTC)
        verdict = VerdictRow(
            claim_id=fragment,
            rating="Mostly true",
            rationale="Forecast.",
            reviewer="ana",
            created_at=moment,
            state="published",
            published_by="ed",
            published_at=moment,
        )
        session.add(verdict)
        session.flush()
        rows = verdict_rows(session).set_index("claim_id")
        queue = open_queue(session, ClaimFilter(), page=0, page_size=200).page.frame.set_index("id")
        record = get_claim(session, fragment)
    expected = "[la production nationale de défense du pays] devrait être multipliée par six en 2024."
    assert rows.loc[fragment, "claim"] == "devrait être multipliée par six en 2024."  # the stored words
    assert rows.loc[fragment, "claim_in_full"] == expected
    assert rows.loc[whole, "claim_in_full"] == rows.loc[whole, "claim"]  # it names its subject itself
    assert queue.loc[fragment, "claim"] == expected and record.standalone == expected
    (review,) = claim_reviews(rows.reset_index()[rows.index == fragment], Publisher("Desk"))
    assert review["claimReviewed"] == expected
