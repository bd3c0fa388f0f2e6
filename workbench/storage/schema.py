"""SQLAlchemy 2.0 tables: articles, claims, statistics, sources, figures, evidence and verdict history."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import ClassVar

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from workbench.storage.source_keys import publisher_key_default, url_key_default


def _now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base; naming convention keeps Alembic constraint names stable on both dialects."""

    metadata_naming: ClassVar[dict[str, str]] = {
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }


Base.metadata.naming_convention = Base.metadata_naming


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    outlet: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(2000))
    published: Mapped[date | None] = mapped_column(Date)
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64), unique=True)
    is_example: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    claims: Mapped[list[ClaimRow]] = relationship(back_populates="article", order_by="ClaimRow.start")


class ClaimRow(Base):
    __tablename__ = "claims"
    # the queue lists live claims most check-worthy first and counts them per status; on PostgreSQL
    # a trigram index serves the queue's words filter (ILIKE '%…%'), which SQLite scans
    __table_args__ = (
        Index("ix_claims_live_worthiness", "retired", "worthiness"),
        Index("ix_claims_live_status", "retired", "status"),
        Index(
            "ix_claims_text_trgm", "text", postgresql_using="gin", postgresql_ops={"text": "gin_trgm_ops"}
        ).ddl_if(dialect="postgresql"),
        # at a million claims: page order, worthiness range and counts per status from the index alone
        Index(
            "ix_claims_live_queue",
            "worthiness",
            "id",
            postgresql_include=["status"],
            postgresql_where=text("retired IS false"),
        ).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    sentence_no: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40))
    modality: Mapped[str] = mapped_column(String(40))
    worthiness: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    # dates, entities, attribution and subject as parsed: read-only facets shown to the reviewer
    facets: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="new")
    version: Mapped[int] = mapped_column(Integer, default=1)
    assignee: Mapped[str | None] = mapped_column(String(100))
    not_worthy_reason: Mapped[str | None] = mapped_column(Text)
    metric_id: Mapped[int | None] = mapped_column(ForeignKey("metrics.id", ondelete="SET NULL"), index=True)
    cluster_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # a claim made by splitting or merging others points at where it came from; retired claims are hidden
    origin_claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="SET NULL"))
    retired: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    article: Mapped[ArticleRow] = relationship(back_populates="claims")
    statistics: Mapped[list[StatisticRow]] = relationship(order_by="StatisticRow.start")


class StatisticRow(Base):
    __tablename__ = "statistics"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(40))
    value: Mapped[float | None] = mapped_column(Float)
    bound: Mapped[str] = mapped_column(String(20))
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    inclusive: Mapped[bool] = mapped_column(default=True)
    unit: Mapped[str | None] = mapped_column(String(40))
    counted: Mapped[str | None] = mapped_column(String(200))
    direction: Mapped[str | None] = mapped_column(String(10))
    vague: Mapped[bool] = mapped_column(default=False)
    # the engine's reading before a reviewer's correction (None: never corrected)
    original: Mapped[dict | None] = mapped_column(JSON)
    corrected_by: Mapped[str | None] = mapped_column(String(100))
    # the observation (migration 0005): the period the figure describes, its base, its modality
    period_surface: Mapped[str | None] = mapped_column(String(200))
    period_start: Mapped[str | None] = mapped_column(String(10))
    period_end: Mapped[str | None] = mapped_column(String(10))
    period_granularity: Mapped[str | None] = mapped_column(String(20))
    period_open: Mapped[bool] = mapped_column(default=False)
    base_value: Mapped[float | None] = mapped_column(Float)
    base_unit: Mapped[str | None] = mapped_column(String(40))
    base_period_start: Mapped[str | None] = mapped_column(String(10))
    base_period_end: Mapped[str | None] = mapped_column(String(10))
    base_surface: Mapped[str | None] = mapped_column(String(200))
    base_conflict: Mapped[bool] = mapped_column(default=False)
    modality: Mapped[str | None] = mapped_column(String(20))


class SourceRow(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    publisher: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(2000))
    published: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(40), default="report")
    lang: Mapped[str | None] = mapped_column(String(8))
    reliability_note: Mapped[str | None] = mapped_column(Text)
    excerpt: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    is_example: Mapped[bool] = mapped_column(default=False)
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # what duplicate checks look up, indexed so a new source is compared with its few candidates only:
    # the SHA-256 of the normalised URL, and the publisher as titles are compared within it
    # (filled on every insert by column defaults, whichever code stores the source)
    url_key: Mapped[str | None] = mapped_column(String(64), index=True, default=url_key_default)
    publisher_key: Mapped[str | None] = mapped_column(String(200), index=True, default=publisher_key_default)
    # bumped by every edit (migration 0009): an edit saved on a stale page is refused
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # the archived copy of a fetched source: when, the URL after redirects, the fetched bytes' hash and size
    fetched_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    fetched_url: Mapped[str | None] = mapped_column(String(2000))
    fetched_sha256: Mapped[str | None] = mapped_column(String(64))
    fetched_bytes: Mapped[int | None] = mapped_column(Integer)

    figures: Mapped[list[FigureRow]] = relationship(order_by="FigureRow.id")


class FigureRow(Base):
    """A figure a source reports (typed by the reviewer or extracted from the source's text)."""

    __tablename__ = "reported_figures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    surface: Mapped[str | None] = mapped_column(String(500))
    value: Mapped[float] = mapped_column(Float)
    bound: Mapped[str] = mapped_column(String(20), default="exact")
    unit: Mapped[str | None] = mapped_column(String(40))
    measured: Mapped[str | None] = mapped_column(String(200))
    period: Mapped[str | None] = mapped_column(String(40))
    modality: Mapped[str] = mapped_column(String(20), default="reported")
    kind: Mapped[str] = mapped_column(String(40), default="number")
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    inclusive: Mapped[bool] = mapped_column(default=True)
    base: Mapped[str | None] = mapped_column(String(40))
    direction: Mapped[str | None] = mapped_column(String(10))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    metric_id: Mapped[int | None] = mapped_column(ForeignKey("metrics.id", ondelete="SET NULL"), index=True)
    # the observation (migration 0005): ``period`` and ``base`` above keep their words
    period_start: Mapped[str | None] = mapped_column(String(10))
    period_end: Mapped[str | None] = mapped_column(String(10))
    period_granularity: Mapped[str | None] = mapped_column(String(20))
    period_open: Mapped[bool] = mapped_column(default=False)
    base_value: Mapped[float | None] = mapped_column(Float)
    base_unit: Mapped[str | None] = mapped_column(String(40))
    base_period_start: Mapped[str | None] = mapped_column(String(10))
    base_period_end: Mapped[str | None] = mapped_column(String(10))
    base_conflict: Mapped[bool] = mapped_column(default=False)
    # the engine's reading before a reviewer's correction (None: never corrected)
    original: Mapped[dict | None] = mapped_column(JSON)
    corrected_by: Mapped[str | None] = mapped_column(String(100))


class SeriesRow(Base):
    """A statistical series (migration 0011): the metadata of a source of kind "series", one per source.

    ``provenance_key`` is what duplicates are found by: publisher, dataset and series code when the
    series has a code, else its URL's key and geography (indexed: a new series meets its few candidates).
    """

    __tablename__ = "series"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), unique=True)
    measure: Mapped[str] = mapped_column(String(500))
    unit: Mapped[str | None] = mapped_column(String(40))
    scale: Mapped[float] = mapped_column(Float, default=1.0)
    unit_label: Mapped[str | None] = mapped_column(String(200))
    geography: Mapped[str | None] = mapped_column(String(200))
    frequency: Mapped[str | None] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(40), default="number")
    dimensions: Mapped[list] = mapped_column(JSON, default=list)
    dataset: Mapped[str | None] = mapped_column(String(300))
    series_code: Mapped[str | None] = mapped_column(String(300))
    retrieved_at: Mapped[str | None] = mapped_column(String(40))
    file_name: Mapped[str | None] = mapped_column(String(500))
    format: Mapped[str | None] = mapped_column(String(20))
    provenance_key: Mapped[str | None] = mapped_column(String(200), index=True)


class SeriesPointRow(Base):
    """One value of a series: its period (bounds, granularity, standard label), value and flags."""

    __tablename__ = "series_points"
    __table_args__ = (Index("ix_series_points_series_position", "series_id", "position", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(String(40))
    period_start: Mapped[str | None] = mapped_column(String(10))
    period_end: Mapped[str | None] = mapped_column(String(10))
    granularity: Mapped[str | None] = mapped_column(String(20))
    value: Mapped[float | None] = mapped_column(Float)
    flags: Mapped[list] = mapped_column(JSON, default=list)


class EvidenceRow(Base):
    """Append-only link history: action is 'link' or 'unlink'; the latest row per pair is current."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    figure_id: Mapped[int | None] = mapped_column(ForeignKey("reported_figures.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(10), default="link")
    stance: Mapped[str] = mapped_column(String(20))
    quote: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # why the source was linked (migration 0012): the suggestion's reasons when linked from one, else []
    reasons: Mapped[list] = mapped_column(JSON, default=list)


class VerdictRow(Base):
    """Append-only verdict history; the current verdict is the latest row of a claim."""

    __tablename__ = "verdicts"
    # "is there a newer verdict for this claim" and the current rating in one index probe (PostgreSQL)
    __table_args__ = (
        Index("ix_verdicts_current", "claim_id", "id", postgresql_include=["rating", "reviewer"]).ddl_if(
            dialect="postgresql"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    rating: Mapped[str] = mapped_column(String(40))
    rationale: Mapped[str] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # proposed by a reviewer, published by an editor; only published verdicts are exported by default
    state: Mapped[str] = mapped_column(String(20), default="proposed")
    published_by: Mapped[str | None] = mapped_column(String(100))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    source_ids: Mapped[list] = mapped_column(JSON, default=list)


class MetricRow(Base):
    """A measured thing several claims and figures share (e.g. Ukraine's defence production)."""

    __tablename__ = "metrics"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    unit: Mapped[str | None] = mapped_column(String(40))
    description: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ClaimChangeRow(Base):
    """Append-only history of every change to a claim: who, when, which field, before and after."""

    __tablename__ = "claim_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(60))
    before: Mapped[dict | list | str | float | None] = mapped_column(JSON)
    after: Mapped[dict | list | str | float | None] = mapped_column(JSON)
    reviewer: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class SourceChangeRow(Base):
    """Append-only history of a source: edits, figure corrections and its deletion (with the links it had).

    ``source_id`` is no foreign key: the history of a deleted source stays.
    """

    __tablename__ = "source_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(Integer, index=True)
    field: Mapped[str] = mapped_column(String(60))
    before: Mapped[dict | list | str | float | None] = mapped_column(JSON)
    after: Mapped[dict | list | str | float | None] = mapped_column(JSON)
    reviewer: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class UserRow(Base):
    """A desk member who signs in: role reviewer, editor or admin; the password is stored as a hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(500))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class SignInAttemptRow(Base):
    """Failed sign-ins counted per account ("account:NAME") and per client ("client:ADDRESS") in a window.

    Kept in the database, not in a process: the count survives restarts, is shared by every server
    process, and a flood of other names cannot evict it (rows leave only when their window is over).
    """

    __tablename__ = "sign_in_attempts"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    # seconds since the epoch: a plain number compares the same way on SQLite and PostgreSQL
    window_start: Mapped[float] = mapped_column(Float, index=True)


class SettingRow(Base):
    """Desk settings as JSON values (the verdict rating scale, the organisation's name...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict | list | str | float | None] = mapped_column(JSON)
    updated_by: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class JobRow(Base):
    """Long work submitted from the app or the command line (ingest, rescore, recluster), run by a
    `workbench worker` process: its progress is here, so every app process shows it and a restart keeps it."""

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_status", "status", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    params: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default="queued")  # queued running done failed cancelled
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[dict | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(Text)
    cancel_requested: Mapped[bool] = mapped_column(default=False)
    submitted_by: Mapped[str | None] = mapped_column(String(100))
    worker: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
