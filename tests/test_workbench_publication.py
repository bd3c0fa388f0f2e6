"""Two-step verdicts on SQLite and PostgreSQL: propose, publish, permissions, version checks, history."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from claims.models import Claim, Statistic
from workbench.desk.article_intake import add_article
from workbench.domain.auth import NotAllowedError, User
from workbench.domain.errors import InputError, StaleClaimError
from workbench.domain.records import ArticleDraft, SourceInput
from workbench.storage import verdicts as verdicts_module
from workbench.storage.database import open_database
from workbench.storage.evidence import add_source, link_evidence
from workbench.storage.export_rows import verdict_rows
from workbench.storage.rating_scale import save_scale
from workbench.storage.schema import ClaimRow, VerdictRow
from workbench.storage.verdicts import (
    get_claim,
    publish_verdict,
    record_verdict,
    second_person_required,
    set_second_person,
    set_status,
    verdict_history,
)

EDITOR = User("ed", "Ed Itor", "editor")
REVIEWER = User("ana", "Ana", "reviewer")
TEXT = "Plus de 250 fabricants sont venus au forum."


@pytest.fixture
def database(database_url):
    handle = open_database(database_url)
    yield handle
    handle.engine.dispose()


@pytest.fixture
def claim_id(database) -> int:
    claim = Claim(
        text=TEXT,
        span=(0, len(TEXT)),
        sentence_no=0,
        statistics=(Statistic("250", (8, 11), "count", 250.0),),
        kind="quantity",
        worthiness=0.8,
    )
    with database.session() as session:
        add_article(session, ArticleDraft(title="Seed", text=TEXT, lang="fr", claims=(claim,)))
    with database.session() as session:
        return session.scalar(select(ClaimRow.id))


def _propose(database, claim_id, version, *, rating="Mostly true", rationale="263 registered.", **kwargs):
    with database.session() as session:
        return record_verdict(session, claim_id=claim_id, rating=rating, rationale=rationale, reviewer="ana",
                              expected_version=version, **kwargs)  # fmt: skip


def _rows(database, claim_id) -> list[VerdictRow]:
    with database.session() as session:
        return list(
            session.scalars(select(VerdictRow).where(VerdictRow.claim_id == claim_id).order_by(VerdictRow.id))
        )


def test_a_proposal_becomes_public_only_when_an_editor_publishes_it(database, claim_id):
    with database.session() as session:
        source_id = add_source(session, SourceInput(title="Attendance list", url="https://example.org/list"))
        link_evidence(session, claim_id=claim_id, source_id=source_id, stance="supports", reviewer="ana")
    assert _propose(database, claim_id, 1, source_ids=[source_id]) == 2
    with database.session() as session:
        assert verdict_rows(session, only_with_verdict=True).empty
        assert publish_verdict(session, claim_id=claim_id, publisher=EDITOR, expected_version=2) == 3
    proposed, published = _rows(database, claim_id)
    assert (proposed.state, published.state) == ("proposed", "published")
    assert (published.rating, published.rationale, published.reviewer, published.source_ids) == (
        "Mostly true", "263 registered.", "ana", [source_id])  # fmt: skip
    assert published.published_by == "ed" and published.published_at is not None
    with database.session() as session:
        (row,) = verdict_rows(session, only_with_verdict=True).to_dict("records")
        claim = get_claim(session, claim_id)
    assert (row["verdict"], row["reviewer"], row["published_by"]) == ("Mostly true", "ana", "ed")
    assert claim.verdict.state == "published" and claim.verdict.source_ids == (source_id,)


def test_a_newer_proposal_does_not_replace_the_published_verdict_in_the_export(database, claim_id):
    _propose(database, claim_id, 1, rating="False")
    with database.session() as session:
        publish_verdict(session, claim_id=claim_id, publisher=EDITOR, expected_version=2)
    _propose(database, claim_id, 3, rating="Misleading", rationale="On second thought.")
    with database.session() as session:
        public = verdict_rows(session, only_with_verdict=True)
        assert list(public["verdict"]) == ["False"]
        assert get_claim(session, claim_id).verdict.rating == "Misleading"  # the panel shows the newest


def test_a_reviewer_cannot_publish_and_nothing_changes(database, claim_id):
    _propose(database, claim_id, 1)
    with pytest.raises(NotAllowedError, match="only an editor can publish"), database.session() as session:
        publish_verdict(session, claim_id=claim_id, publisher=REVIEWER, expected_version=2)
    assert [r.state for r in _rows(database, claim_id)] == ["proposed"]
    with database.session() as session:
        assert get_claim(session, claim_id).version == 2


def test_an_editor_publishing_a_verdict_changed_since_they_opened_it_is_refused(database, claim_id):
    _propose(database, claim_id, 1, rating="True")
    editor_opened = 2
    _propose(database, claim_id, 2, rating="False", rationale="The list shows fewer.")
    with pytest.raises(StaleClaimError) as refused, database.session() as session:
        publish_verdict(session, claim_id=claim_id, publisher=EDITOR, expected_version=editor_opened)
    assert "ana recorded “False”" in str(refused.value) and "Nothing was saved" in str(refused.value)
    assert [r.state for r in _rows(database, claim_id)] == ["proposed", "proposed"]


def test_publishing_nothing_or_twice_is_refused(database, claim_id):
    with pytest.raises(InputError, match="no verdict to publish"), database.session() as session:
        publish_verdict(session, claim_id=claim_id, publisher=EDITOR, expected_version=1)
    _propose(database, claim_id, 1)
    with database.session() as session:
        publish_verdict(session, claim_id=claim_id, publisher=EDITOR, expected_version=2)
    with pytest.raises(InputError, match="already published"), database.session() as session:
        publish_verdict(session, claim_id=claim_id, publisher=EDITOR, expected_version=3)
    with database.session() as session:
        assert get_claim(session, claim_id).version == 3  # the refused attempt was rolled back


def test_ratings_come_from_the_desk_scale(database, claim_id):
    with pytest.raises(InputError, match="Unknown rating 'Correct'"):
        _propose(database, claim_id, 1, rating="Correct")
    with database.session() as session:
        save_scale(session, [{"name": "Correct", "meaning": "Right."}, {"name": "Wrong", "meaning": "No."}],
                   editor="ed")  # fmt: skip
    assert _propose(database, claim_id, 1, rating="Correct") == 2
    with pytest.raises(InputError, match="Unknown rating 'True'"):
        _propose(database, claim_id, 2, rating="True")


@pytest.mark.parametrize(
    ("rationale", "message"),
    [("<script>alert(1)</script>", "markup"), ("x" * 20_001, "limit is 20,000"), ("   ", "is empty")],
)
def test_bad_rationales_are_refused_and_nothing_is_stored(database, claim_id, rationale, message):
    with pytest.raises(InputError, match=message):
        _propose(database, claim_id, 1, rationale=rationale)
    assert _rows(database, claim_id) == []


def test_a_verdict_rests_only_on_sources_linked_to_the_claim(database, claim_id):
    with database.session() as session:
        unlinked = add_source(session, SourceInput(title="Unrelated"))
    with pytest.raises(InputError, match=f"Source #{unlinked} is not linked"):
        _propose(database, claim_id, 1, source_ids=[unlinked])
    assert _rows(database, claim_id) == []


def test_a_save_failing_half_way_changes_nothing(database, claim_id, monkeypatch):
    def broken_row(**_):
        raise RuntimeError("disk full")

    monkeypatch.setattr(verdicts_module, "VerdictRow", broken_row)  # fails after the version bump
    with pytest.raises(RuntimeError):
        _propose(database, claim_id, 1)
    monkeypatch.undo()
    with database.session() as session:
        claim = get_claim(session, claim_id)
    assert (claim.version, claim.status, claim.verdicts) == (1, "new", ())


def test_history_says_who_did_what_and_what_changed(database, claim_id):
    _propose(database, claim_id, 1, rating="True")
    _propose(database, claim_id, 2, rating="False", rationale="Rewritten.")
    with database.session() as session:
        publish_verdict(session, claim_id=claim_id, publisher=EDITOR, expected_version=3)
        claim = get_claim(session, claim_id)
    events = [(e.action, e.by, e.changes) for e in verdict_history(claim.verdicts)]
    assert events == [
        ("proposed", "ana", ("first verdict",)),
        ("proposed", "ana", ("rating True → False", "rationale rewritten")),
        ("published", "ed", ()),
    ]


def _race(database, claim_id: int, version: int, round_no: int) -> list[tuple[str, str]]:
    """Two threads save the same claim version at the same moment; what happened to each."""
    barrier, outcomes = threading.Barrier(2), []

    def save(name: str) -> None:
        barrier.wait()
        try:
            with database.session() as session:
                record_verdict(
                    session, claim_id=claim_id, rating="True", rationale=f"{name} {round_no}", reviewer=name,
                    expected_version=version,
                )  # fmt: skip
        except StaleClaimError:
            outcomes.append(("refused", name))
        else:
            outcomes.append(("saved", name))

    threads = [threading.Thread(target=save, args=(name,)) for name in ("ana", "ben")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_two_saves_at_once_never_both_apply(database, claim_id):
    """Twenty rounds: exactly one save applies, the other is refused, the history holds the winner's."""
    for round_no in range(20):
        with database.session() as session:
            version = get_claim(session, claim_id).version
        outcomes = _race(database, claim_id, version, round_no)
        assert sorted(kind for kind, _ in outcomes) == ["refused", "saved"], outcomes
        (winner,) = [name for kind, name in outcomes if kind == "saved"]
        last = _rows(database, claim_id)[-1]
        assert (last.reviewer, last.rationale) == (winner, f"{winner} {round_no}")
    with database.session() as session:
        claim = get_claim(session, claim_id)
    assert claim.version == 21 and len(claim.verdicts) == 20


def _account(database, username: str, role: str) -> User:
    """A signed-in account as the browser session holds it (read once, at sign-in)."""
    from workbench.storage.users import add_user

    with database.session() as session:
        return add_user(session, username=username, password="correct horse battery", role=role)


def test_an_editor_demoted_after_signing_in_cannot_complete_a_pending_publish(database, claim_id):
    from workbench.storage.users import set_role

    signed_in = _account(database, "edith", "editor")  # the page was opened while she was an editor
    version = _propose(database, claim_id, 1)
    with database.session() as session:
        set_role(session, username="edith", role="reviewer")
    with pytest.raises(NotAllowedError, match="reviewer"), database.session(actor=signed_in) as session:
        publish_verdict(session, claim_id=claim_id, publisher=signed_in, expected_version=version)
    assert [r.state for r in _rows(database, claim_id)] == ["proposed"]


def test_a_disabled_account_s_pending_proposal_is_refused_and_nothing_is_written(database, claim_id):
    from workbench.storage.users import set_active

    signed_in = _account(database, "rita", "reviewer")
    with database.session() as session:
        set_active(session, username="rita", active=False)
    with pytest.raises(NotAllowedError, match="disabled"), database.session(actor=signed_in) as session:
        record_verdict(session, claim_id=claim_id, rating="False", rationale="No.", reviewer="rita",
                       expected_version=1)  # fmt: skip
    assert _rows(database, claim_id) == []
    with database.session() as session:
        assert session.get(ClaimRow, claim_id).version == 1


def test_an_active_account_writes_as_before(database, claim_id):
    signed_in = _account(database, "edna", "editor")
    version = _propose(database, claim_id, 1)
    with database.session(actor=signed_in) as session:
        publish_verdict(session, claim_id=claim_id, publisher=signed_in, expected_version=version)
    assert [r.state for r in _rows(database, claim_id)] == ["proposed", "published"]


def _claim_status(database, claim_id) -> tuple[str, int]:
    with database.session() as session:
        claim = session.get(ClaimRow, claim_id)
        return claim.status, claim.version


def test_the_claim_waits_as_proposed_and_is_published_only_by_the_publication(database, claim_id):
    version = _propose(database, claim_id, 1)
    assert _claim_status(database, claim_id) == ("proposed", 2)
    with pytest.raises(InputError, match="not by hand"), database.session() as session:
        set_status(session, claim_id=claim_id, status="published", expected_version=version)
    with database.session() as session:
        publish_verdict(session, claim_id=claim_id, publisher=EDITOR, expected_version=version)
    assert _claim_status(database, claim_id) == ("published", 3)
    _propose(database, claim_id, 3, rating="False", rationale="A correction.")
    assert _claim_status(database, claim_id) == ("proposed", 4)  # waiting again; the export keeps the old one
    with database.session() as session:
        assert set_status(session, claim_id=claim_id, status="proposed", expected_version=4) == 5  # unchanged
        assert set_status(session, claim_id=claim_id, status="checking", expected_version=5) == 6


def test_with_a_second_person_required_the_proposer_cannot_publish_and_another_editor_can(database, claim_id):
    proposer = _account(database, "edith", "editor")
    other = _account(database, "oscar", "editor")
    with database.session(actor=proposer) as session:
        version = record_verdict(session, claim_id=claim_id, rating="False", rationale="No.",
                                 reviewer="edith", expected_version=1)  # fmt: skip
    with database.session() as session:  # off by default: an editor may publish their own proposal
        assert second_person_required(session) is False
        set_second_person(session, True, editor="admin")
    with (
        pytest.raises(NotAllowedError, match="second person") as refused,
        database.session(actor=proposer) as session,
    ):
        publish_verdict(session, claim_id=claim_id, publisher=proposer, expected_version=version)
    assert "You (edith) proposed this verdict" in str(refused.value)
    assert "Nothing was published" in str(refused.value)
    assert [r.state for r in _rows(database, claim_id)] == ["proposed"]
    assert _claim_status(database, claim_id) == ("proposed", version)  # the refused write left nothing
    with database.session(actor=other) as session:
        publish_verdict(session, claim_id=claim_id, publisher=other, expected_version=version)
    published = _rows(database, claim_id)[-1]
    assert (published.state, published.reviewer, published.published_by) == ("published", "edith", "oscar")


def test_the_second_person_rule_is_read_inside_the_write_and_off_lets_the_proposer_publish(
    database, claim_id
):
    proposer = _account(database, "edith", "editor")
    version = _propose(database, claim_id, 1)  # proposed by ana, who is no account: single-user ana
    ana = User("ana", "Ana", "admin")
    with database.session() as session:
        set_second_person(session, True, editor="admin")
    with pytest.raises(NotAllowedError, match="second person"), database.session() as session:
        publish_verdict(session, claim_id=claim_id, publisher=ana, expected_version=version)
    with database.session() as session:
        set_second_person(session, False, editor="admin")
        assert publish_verdict(session, claim_id=claim_id, publisher=ana, expected_version=version) == 3
    with (
        pytest.raises(NotAllowedError, match="only an editor"),
        database.session(actor=_account(database, "rita", "reviewer")) as session,
    ):
        set_second_person(session, True, editor="rita")
    with database.session(actor=proposer) as session:
        assert second_person_required(session) is False  # the reviewer's attempt changed nothing
