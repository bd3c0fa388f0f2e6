"""The desk teaches check-worthiness: verdicts and not-check-worthy marks fit the desk's layer, a clear
refusal below the minimum, a before/after figure, re-scoring with it, and a way back to the shipped model."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from claims.worthiness_model import use_model
from workbench.commands.cli import main as workbench_cli
from workbench.desk.article_intake import add_article
from workbench.desk.ingest import prepare_article
from workbench.desk.rescore import rescore_claims
from workbench.desk.worthiness_desk import MIN_EACH, SETTING, describe, desk_status, retrain
from workbench.domain.errors import WorkbenchError
from workbench.storage.claim_edits import mark_not_worthy
from workbench.storage.database import open_database
from workbench.storage.rating_scale import load_scale
from workbench.storage.schema import ClaimRow, StatisticRow
from workbench.storage.settings import get_setting
from workbench.storage.verdicts import record_verdict

DATA = Path(__file__).parent / "data"
ARTICLES = ("ukraine-defence-industry-en.txt", "harbour-budget-en.txt", "ukraine-defence-industry-fr.txt")


@pytest.fixture(autouse=True)
def _shipped_model():
    use_model(None)
    yield
    use_model(None)


def _desk(url: str):
    database = open_database(url)
    with database.session() as session:
        for name in ARTICLES:
            add_article(session, prepare_article((DATA / name).read_text(encoding="utf-8"), title=name))
    return database


def _decide(database, worthy: int, not_worthy: int) -> None:
    """Verdicts on claims with figures, not-check-worthy marks on claims without (first ones by id)."""
    with database.session() as session:
        rating = load_scale(session)[0].name
        with_figures = set(session.scalars(select(StatisticRow.claim_id)))
        claims = session.scalars(select(ClaimRow).where(ClaimRow.status == "new").order_by(ClaimRow.id)).all()
        checked = [c for c in claims if c.id in with_figures][:worthy]
        dropped = [c for c in claims if c.id not in with_figures][:not_worthy]
        assert len(checked) == worthy and len(dropped) == not_worthy
        for claim in checked:
            record_verdict(session, claim_id=claim.id, rating=rating, rationale="Checked against the source.",
                           reviewer="ana", expected_version=claim.version)  # fmt: skip
        for claim in dropped:
            mark_not_worthy(session, claim_id=claim.id, reason="Context, nothing to check.", reviewer="ana",
                            expected_version=claim.version)  # fmt: skip


def test_too_few_decisions_are_refused_and_nothing_is_stored(sqlite_url):
    database = _desk(sqlite_url)
    _decide(database, 3, 2)
    with database.session() as session, pytest.raises(WorkbenchError, match="3 claims with a verdict and 2"):
        retrain(session, editor="ed")
    with database.session() as session:
        assert get_setting(session, SETTING) is None
        assert "desk model" not in describe(session)
    database.engine.dispose()


def test_the_desk_model_learns_rescores_and_resets(sqlite_url, monkeypatch, capsys):
    database = _desk(sqlite_url)
    _decide(database, MIN_EACH + 2, MIN_EACH + 2)
    with database.session() as session:
        before = dict(session.execute(select(ClaimRow.id, ClaimRow.worthiness)).all())
        summary = retrain(session, editor="ed")
    assert (summary.worthy, summary.not_worthy) == (MIN_EACH + 2, MIN_EACH + 2)
    assert summary.held_back >= 4 and 0.0 <= summary.before <= 1.0 and 0.0 <= summary.after <= 1.0
    with database.session() as session:
        status = desk_status(session)
        line = describe(session)
    assert status.model is not None and status.model.desk is not None and status.warning is None
    assert "desk model over shipped model" in line and "by ed" in line
    assert f"{summary.held_back} held-back claims" in line
    rescored = rescore_claims(database)
    with database.session() as session:
        after = dict(session.execute(select(ClaimRow.id, ClaimRow.worthiness)).all())
    assert rescored.changed > 0 and after != before
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["retrain-worthiness", "--reset", "--editor", "ed"]) == 0
    assert "Back to the shipped model" in capsys.readouterr().out
    assert workbench_cli(["rescore"]) == 0
    with database.session() as session:
        assert get_setting(session, SETTING) is None
        assert dict(session.execute(select(ClaimRow.id, ClaimRow.worthiness)).all()) == before
    database.engine.dispose()
