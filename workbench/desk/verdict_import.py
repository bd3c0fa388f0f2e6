"""Import a verdict CSV back (``python -m workbench import verdicts FILE``): the export's round trip.

The CSV does not carry article texts, so each article is re-created from its title, URL, outlet,
language and date with **its claims' texts, one per line, as its text**; claim spans point into that
text and the statistics are re-read from each claim by the claim engine. Each row's verdict becomes
the claim's verdict (with its state, reviewer and dates); each evidence URL becomes a source
(titled by its URL, kind "other") linked with the row's stance. Ids are new ones.

What the CSV does not hold is not restored: the verdict history before the current verdict, the
check-worthiness score (set to 0), dates and entities found in the claims, sources without a URL.

Everything is checked before anything is written, and the import is one transaction: a bad row
stops it with a located message ("verdicts.csv, row 12: ...", the header being row 1).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.splitting import read_observations
from workbench.domain.errors import InputError
from workbench.domain.textsafe import safe_link
from workbench.domain.validation import clean_text
from workbench.domain.vocabulary import RATINGS, STANCES, STATUSES
from workbench.outputs.exports import restore_cell
from workbench.storage.articles import text_hash
from workbench.storage.convert import statistic_row
from workbench.storage.export_rows import EVIDENCE_SEPARATOR, EXPORT_COLUMNS
from workbench.storage.rating_scale import load_scale
from workbench.storage.schema import ArticleRow, ClaimRow, EvidenceRow, SourceRow, VerdictRow
from workbench.storage.verdicts import status_after_verdict

REQUIRED_COLUMNS = ("article_id", "article_title", "claim", "verdict", "evidence_urls")
VERDICT_STATES = ("proposed", "published")


class VerdictImportError(InputError):
    """A verdict CSV that cannot be imported; the message names the file and row."""


@dataclass(frozen=True)
class ImportSummary:
    articles: int
    claims: int
    verdicts: int
    sources: int
    links: int

    def __str__(self) -> str:
        return (
            f"Imported {self.articles} articles, {self.claims} claims, {self.verdicts} verdicts, "
            f"{self.sources} sources and {self.links} evidence links."
        )


def read_verdict_csv(data: bytes, *, name: str = "verdicts.csv") -> list[dict[str, str]]:
    """The rows of an exported verdict CSV (UTF-8, with or without the Excel BOM and semicolons)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise VerdictImportError(f"{name}: not UTF-8 text ({error.reason} at byte {error.start}).") from error
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise VerdictImportError(f"{name}, row 1: missing column(s) {', '.join(missing)}.")
    rows = []
    for row in reader:
        if None in row:
            raise VerdictImportError(f"{name}, row {reader.line_num}: more cells than columns.")
        rows.append({key: restore_cell(value or "") for key, value in row.items()})
    return rows


def _date(value: str, where: str, column: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as error:
        raise VerdictImportError(f"{where}: {column} {value!r} is not an ISO date (YYYY-MM-DD).") from error


def _moment(value: str, where: str, column: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value) if value else None
    except ValueError as error:
        raise VerdictImportError(f"{where}: {column} {value!r} is not an ISO 8601 date-time.") from error
    return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment


@dataclass(frozen=True)
class _Row:
    """One checked CSV row."""

    article_key: str
    article: dict
    claim: str
    kind: str
    modality: str
    speaker: str
    speaker_kind: str
    subject: str | None
    status: str
    verdict: dict | None
    links: tuple[tuple[str, str], ...]


def _text(row: Mapping[str, str], column: str, where: str, *, max_chars: int | None = None) -> str:
    """A text cell checked as the app checks what reviewers type (controls removed, no active markup)."""
    try:
        return clean_text(column, row.get(column, ""), max_chars=max_chars) or ""
    except InputError as error:
        raise VerdictImportError(f"{where}: {error}") from error


def _link(value: str, where: str, column: str) -> str:
    """An address the app may show as a link: http(s) only."""
    link = safe_link(value)
    if link is None:
        raise VerdictImportError(f"{where}: {column} {value[:80]!r} is not an http(s) address.")
    return link


def _subject(claim: str, in_full: str) -> str | None:
    """The subject the export put in brackets before a fragment ("[la production] devrait …"), if any.

    >>> _subject("devrait tripler.", "[la production] devrait tripler."), _subject("a triplé", "a triplé")
    ('la production', None)
    """
    if not in_full.startswith("[") or not in_full.endswith(claim.lstrip()) or "] " not in in_full:
        return None
    return in_full[1 : in_full.index("] ")].strip() or None


def check_row(row: Mapping[str, str], where: str, *, ratings: tuple[str, ...] = tuple(RATINGS)) -> _Row:
    """Validate one row; ``where`` is its location ("verdicts.csv, row 12"). Text goes through the same
    checks as the app's forms, and addresses must be http(s): an import is no way around them.
    ``ratings``: the desk's scale (a verdict must be one of them)."""
    claim = _text(row, "claim", where, max_chars=20_000)
    if not claim:
        raise VerdictImportError(f"{where}: the claim is empty.")
    title = _text({"article_title": row.get("article_title", "")[:500]}, "article_title", where)
    if not title:
        raise VerdictImportError(f"{where}: the article title is empty.")
    status = row.get("status") or "new"
    if status not in (*STATUSES, "checked"):  # "checked": a CSV exported before verdicts were published
        raise VerdictImportError(
            f"{where}: unknown status {status!r}; expected one of {', '.join(STATUSES)}."
        )
    verdict = None
    rating = row.get("verdict", "")
    if rating:
        if rating not in ratings:
            raise VerdictImportError(
                f"{where}: unknown verdict {rating!r}; expected one of {', '.join(ratings)}."
            )
        state = row.get("verdict_state") or "published"
        if state not in VERDICT_STATES:
            raise VerdictImportError(f"{where}: unknown verdict_state {state!r}.")
        verdict = {
            "rating": rating,
            "rationale": _text(row, "rationale", where, max_chars=20_000),
            "reviewer": _text(row, "reviewer", where, max_chars=100) or "import",
            "created_at": _moment(row.get("verdict_at") or row.get("verdict_date", ""), where, "verdict_at"),
            "state": state,
            "published_by": _text(row, "published_by", where, max_chars=100) or None,
            "published_at": _moment(row.get("published_at", ""), where, "published_at"),
        }
    urls = [u.strip() for u in row.get("evidence_urls", "").split(EVIDENCE_SEPARATOR.strip()) if u.strip()]
    stances = [
        s.strip() for s in row.get("evidence_stances", "").split(EVIDENCE_SEPARATOR.strip()) if s.strip()
    ]
    stances = stances or ["context"] * len(urls)
    if len(stances) != len(urls):
        raise VerdictImportError(f"{where}: {len(urls)} evidence URLs but {len(stances)} stances.")
    for url, stance in zip(urls, stances, strict=True):
        if stance not in STANCES:
            raise VerdictImportError(f"{where}: unknown stance {stance!r} for {url}.")
        if " " in url:
            raise VerdictImportError(f"{where}: evidence URL {url!r} holds a space.")
        _link(url, where, "evidence URL")
    article_url = row.get("article_url", "").strip()
    article = {
        "title": title,
        "url": _link(article_url, where, "article_url") if article_url else None,
        "outlet": _text(row, "outlet", where, max_chars=200) or None,
        "lang": row.get("article_lang") or "fr",
        "published": _date(row.get("article_published", ""), where, "article_published"),
    }
    return _Row(
        article_key=row.get("article_id") or f"{title}|{article['url']}",
        article=article,
        claim=claim,
        kind=row.get("claim_kind") or "quantity",
        modality=row.get("claim_modality") or "reported",
        speaker=_text(row, "claim_speaker", where, max_chars=200),
        speaker_kind=row.get("claim_speaker_kind", ""),
        subject=_subject(claim, _text(row, "claim_in_full", where, max_chars=20_500)),
        status=status_after_verdict(status, verdict["state"] if verdict else None),
        verdict=verdict,
        links=tuple(zip(urls, stances, strict=True)),
    )


def import_verdicts(
    session: Session, rows: list[dict[str, str]], *, name: str = "verdicts.csv"
) -> ImportSummary:
    """Store the rows into an empty database in the caller's transaction (nothing on error)."""
    if session.scalar(select(func.count()).select_from(ArticleRow)):
        raise VerdictImportError(f"{name}: the database already holds articles; import into an empty one.")
    ratings = tuple(r.name for r in load_scale(session))
    checked = [
        check_row(row, f"{name}, row {number}", ratings=ratings) for number, row in enumerate(rows, start=2)
    ]
    by_article: dict[str, list[_Row]] = {}
    for row in checked:
        by_article.setdefault(row.article_key, []).append(row)
    sources: dict[str, SourceRow] = {}
    counts = {"verdicts": 0, "links": 0}
    for article_rows in by_article.values():
        _store_article(session, article_rows, sources, counts)
    session.flush()
    return ImportSummary(len(by_article), len(checked), counts["verdicts"], len(sources), counts["links"])


def _store_article(session: Session, rows: list[_Row], sources: dict[str, SourceRow], counts: dict) -> None:
    """One article with its claims, verdicts and links: one flush for the whole article (a flush per
    claim made the import quadratic in an article's claims: 4,000 claims took 21 s)."""
    text = "\n".join(row.claim for row in rows)
    first = rows[0].article
    article = ArticleRow(**first, text=text, text_hash=text_hash(text + "\n" + first["title"]))
    session.add(article)
    offset = 0
    claims = []
    for number, row in enumerate(rows):
        statistics = []
        # the same reading as the claim panel's: periods resolved against the article's publication date
        for stat in read_observations(row.claim, lang=first["lang"], published=first.get("published")):
            stored = statistic_row(stat)
            stored.start, stored.end = stored.start + offset, stored.end + offset
            statistics.append(stored)
        facets: dict = {"attribution": {"speaker": row.speaker}} if row.speaker else {}
        if row.subject:
            facets["subject"] = row.subject
        if row.speaker and row.speaker_kind:
            facets["entities"] = [{"surface": row.speaker, "name": row.speaker, "kind": row.speaker_kind}]
        claims.append(ClaimRow(
            sentence_no=number, start=offset, end=offset + len(row.claim), text=row.claim, kind=row.kind,
            modality=row.modality, worthiness=0.0, reasons=[], facets=facets, status=row.status,
            version=1, statistics=statistics,
        ))  # fmt: skip
        offset += len(row.claim) + 1
        for url, _ in row.links:
            if url not in sources:
                sources[url] = SourceRow(title=url[:500], url=url, kind="other", created_by="import")
                session.add(sources[url])
    article.claims = claims
    session.flush()  # claim and source ids for the verdicts and links below
    for row, claim in zip(rows, claims, strict=True):
        reviewer = row.verdict["reviewer"] if row.verdict else "import"
        if row.verdict:
            verdict = {k: v for k, v in row.verdict.items() if v is not None}
            session.add(VerdictRow(claim_id=claim.id, **verdict))
            counts["verdicts"] += 1
        for url, stance in row.links:
            session.add(
                EvidenceRow(
                    claim_id=claim.id,
                    source_id=sources[url].id,
                    stance=stance,
                    reviewer=reviewer,
                    action="link",
                )
            )
            counts["links"] += 1


def expected_columns() -> tuple[str, ...]:
    """The columns an export writes (an import needs at least ``REQUIRED_COLUMNS``)."""
    return EXPORT_COLUMNS
