"""A reviewer's edits to a claim: corrections, split, merge, not check-worthy, assignment, with history.

Every edit goes through the claim's version check (``bump_version``) and writes one ``claim_changes``
row per changed field, in the caller's transaction: a refused or failed edit changes nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.models import Bound, Statistic
from claims.speakers import KINDS as SPEAKER_KINDS
from workbench.domain.auth import NotAllowedError
from workbench.domain.errors import InputError, NotFoundError
from workbench.domain.records import ChangeRecord
from workbench.domain.validation import clean_text
from workbench.storage.observation_edits import (
    OBSERVATION_FIELDS,
    clean_observation,
    observation_state,
    parse_number,
    shown_value,
)
from workbench.storage.schema import ArticleRow, ClaimChangeRow, ClaimRow, StatisticRow, VerdictRow
from workbench.storage.users import acting_user
from workbench.storage.versioning import bump_version

BOUND_KINDS = ("exact", "lower", "upper", "approximate", "range")
STATISTIC_FIELDS = ("value", "bound", "low", "high", "unit", "counted", *OBSERVATION_FIELDS)
FACET_FIELDS = {"entities": ("name", "kind"), "dates": ("start", "end")}
TEXT_LIMITS = {"unit": 40, "counted": 200, "name": 200, "kind": 40, "speaker": 200, "assignee": 100}
NOT_WORTHY = "not check-worthy"


def log_change(
    session: Session, claim_id: int, field: str, before: object, after: object, reviewer: str
) -> None:
    """Append one row of the claim's history."""
    session.add(
        ClaimChangeRow(claim_id=claim_id, field=field[:60], before=before, after=after, reviewer=reviewer)
    )


def _live_claim(session: Session, claim_id: int) -> ClaimRow:
    row = session.get(ClaimRow, claim_id)
    if row is None:
        raise NotFoundError(f"Claim #{claim_id} was not found.")
    if row.retired:
        raise InputError(f"Claim #{claim_id} was split or merged; edit the claims that replaced it.")
    return row


def _clean_statistic_field(field: str, value: object) -> object:
    if field in ("value", "low", "high"):
        return parse_number(field, value)
    if field == "bound":
        if value not in BOUND_KINDS:
            raise InputError(f"Unknown bound {value!r}; choose one of {', '.join(BOUND_KINDS)}.")
        return value
    return clean_text(field, None if value is None else str(value), max_chars=TEXT_LIMITS[field])


def _reading(row: StatisticRow) -> dict:
    """The statistic's fields as a plain dict, with a human reading (kept as the engine's reading)."""
    stat = Statistic(
        row.surface, (row.start, row.end), row.kind, row.value,
        Bound(row.bound, row.low, row.high, row.inclusive), row.unit, row.counted, row.direction,
    )  # fmt: skip
    plain = {f: getattr(row, f) for f in STATISTIC_FIELDS if f not in OBSERVATION_FIELDS}
    return {**plain, **observation_state(row), "reading": stat.describe()}


def _observation_changes(row, changes: Mapping[str, object]) -> tuple[dict, dict]:
    """The observation fields that differ from what is stored (as labels) and the columns they set."""
    state, changed, columns = observation_state(row), {}, {}
    for field, value in changes.items():
        if field not in OBSERVATION_FIELDS:
            continue
        set_columns = clean_observation(field, value, row)
        shown = shown_value(field, value, set_columns)
        if shown != state[field]:
            changed[field] = shown
            columns.update(set_columns)
    return changed, columns


def correct_statistic(
    session: Session,
    *,
    claim_id: int,
    statistic_id: int,
    changes: Mapping[str, object],
    reviewer: str,
    expected_version: int,
) -> int:
    """Correct a misread figure (value, bound, low, high, unit, counted, and its observation: direction,
    modality, period, base value, unit and period); returns the claim's new version.

    The first correction keeps the engine's reading in ``statistics.original``.
    """
    _live_claim(session, claim_id)
    row = session.get(StatisticRow, statistic_id)
    if row is None or row.claim_id != claim_id:
        raise NotFoundError(f"Figure #{statistic_id} is not part of claim #{claim_id}.")
    unknown = set(changes) - set(STATISTIC_FIELDS)
    if unknown:
        raise InputError(f"Cannot correct {', '.join(sorted(unknown))}; only {', '.join(STATISTIC_FIELDS)}.")
    cleaned = {f: _clean_statistic_field(f, v) for f, v in changes.items() if f not in OBSERVATION_FIELDS}
    changed = {f: v for f, v in cleaned.items() if v != getattr(row, f)}
    observed, columns = _observation_changes(row, changes)
    if not changed and not observed:
        raise InputError("Nothing to correct: the values are the ones already stored.")
    low, high = changed.get("low", row.low), changed.get("high", row.high)
    if low is not None and high is not None and low > high:
        raise InputError(f"The low bound {low:g} is above the high bound {high:g}.")
    version = bump_version(session, claim_id, expected_version)
    state = observation_state(row)
    before = {**{f: getattr(row, f) for f in changed}, **{f: state[f] for f in observed}}
    if row.original is None:
        row.original = _reading(row)
    for field, value in {**changed, **columns}.items():
        setattr(row, field, value)
    row.corrected_by = reviewer
    log_change(session, claim_id, f"figure “{row.surface[:40]}”", before, {**changed, **observed}, reviewer)
    session.flush()
    return version


def _clean_facet_field(field: str, value: object) -> str | None:
    text = clean_text(field, None if value is None else str(value), max_chars=TEXT_LIMITS.get(field, 40))
    if field in ("start", "end") and text is not None:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError as error:
            raise InputError(f"The {field} date {text!r} is not a date (YYYY-MM-DD).") from error
    return text


def correct_facet(
    session: Session,
    *,
    claim_id: int,
    facet: str,
    index: int,
    changes: Mapping[str, object],
    reviewer: str,
    expected_version: int,
) -> int:
    """Correct an entity (name, kind) or a date (start, end) of a claim; keeps the engine's reading."""
    if facet not in FACET_FIELDS:
        raise InputError(f"Unknown facet {facet!r}; choose one of {', '.join(FACET_FIELDS)}.")
    row = _live_claim(session, claim_id)
    facets = copy.deepcopy(dict(row.facets or {}))
    items = facets.get(facet) or []
    if not 0 <= index < len(items):
        raise NotFoundError(f"Claim #{claim_id} has no {facet[:-1]} number {index + 1}.")
    allowed = FACET_FIELDS[facet]
    if set(changes) - set(allowed):
        raise InputError(f"Only {', '.join(allowed)} of {facet} can be corrected.")
    item = items[index]
    changed = {
        f: v for f, v in ((f, _clean_facet_field(f, v)) for f, v in changes.items()) if v != item.get(f)
    }
    if not changed:
        raise InputError("Nothing to correct: the values are the ones already stored.")
    before = {f: item.get(f) for f in changed}
    item.setdefault("original", {f: item.get(f) for f in allowed})
    item.update(changed, corrected_by=reviewer)
    version = bump_version(session, claim_id, expected_version, facets=facets)
    log_change(
        session, claim_id, f"{facet[:-1]} “{str(item.get('surface', ''))[:40]}”", before, changed, reviewer
    )
    return version


def correct_attribution(
    session: Session,
    *,
    claim_id: int,
    speaker: str | None,
    reviewer: str,
    expected_version: int,
    kind: str | None = None,
) -> int:
    """Set who the claim is attributed to (empty: nobody) and, when given, whether that is a person or an
    organisation (``kind``; None or "" leaves it to the gazetteer and the name); keeps the engine's reading.
    """
    if kind and kind not in SPEAKER_KINDS:
        raise InputError(f"A speaker is a person or an organisation, not {kind!r}.")
    row = _live_claim(session, claim_id)
    facets = copy.deepcopy(dict(row.facets or {}))
    current = facets.get("attribution") or {}
    new = _clean_facet_field("speaker", speaker)
    new_kind = (kind or None) if new else None
    if new == current.get("speaker") and new_kind == current.get("kind"):
        raise InputError("Nothing to correct: the attribution is the one already stored.")
    original = current.get("original", current.get("speaker"))
    facets["attribution"] = {
        **current, "speaker": new, "kind": new_kind, "original": original, "corrected_by": reviewer
    }  # fmt: skip
    version = bump_version(session, claim_id, expected_version, facets=facets)
    before, after = current.get("speaker"), new
    if new_kind != current.get("kind"):  # the history says what changed, the kind included
        before = f"{before} ({current.get('kind') or 'kind not set'})"
        after = f"{after} ({new_kind or 'kind not set'})"
    log_change(session, claim_id, "attribution", before, after, reviewer)
    return version


def mark_not_worthy(
    session: Session, *, claim_id: int, reason: str, reviewer: str, expected_version: int
) -> int:
    """Set the claim's status to "not check-worthy" with the reviewer's reason."""
    row = _live_claim(session, claim_id)
    reason = clean_text("reason", reason, required=True, max_chars=2_000)
    before = {"status": row.status, "reason": row.not_worthy_reason}
    version = bump_version(session, claim_id, expected_version, status=NOT_WORTHY, not_worthy_reason=reason)
    log_change(session, claim_id, "status", before, {"status": NOT_WORTHY, "reason": reason}, reviewer)
    return version


def assign_claim(
    session: Session, *, claim_id: int, assignee: str | None, reviewer: str, expected_version: int
) -> int:
    """Give the claim to a reviewer (None or empty: unassign)."""
    row = _live_claim(session, claim_id)
    name = clean_text("assignee", assignee, max_chars=TEXT_LIMITS["assignee"])
    if name == row.assignee:
        raise InputError(f"Claim #{claim_id} is already {'assigned to ' + name if name else 'unassigned'}.")
    before = row.assignee
    version = bump_version(session, claim_id, expected_version, assignee=name)
    log_change(session, claim_id, "assignee", before, name, reviewer)
    return version


def claim_history(session: Session, claim_id: int) -> list[ChangeRecord]:
    """The claim's changes, newest first."""
    rows = session.scalars(
        select(ClaimChangeRow).where(ClaimChangeRow.claim_id == claim_id).order_by(ClaimChangeRow.id.desc())
    )
    return [
        ChangeRecord(r.id, r.claim_id, r.field, r.before, r.after, r.reviewer, r.created_at) for r in rows
    ]


# --- split and merge -------------------------------------------------------------------------------


def _copy_statistic(row: StatisticRow) -> StatisticRow:
    columns = [c.key for c in StatisticRow.__table__.columns if c.key not in ("id", "claim_id")]
    return StatisticRow(**{c: getattr(row, c) for c in columns})


def _within(item: dict, start: int, end: int) -> bool:
    span = item.get("span") or (None, None)
    return span[0] is not None and start <= span[0] and span[1] <= end


def _new_claim(source: ClaimRow, start: int, end: int, text: str, stats: list, facets: dict) -> ClaimRow:
    return ClaimRow(
        article_id=source.article_id, sentence_no=source.sentence_no, start=start, end=end, text=text,
        kind=source.kind, modality=source.modality, worthiness=source.worthiness,
        reasons=list(source.reasons or ()), facets=facets, status="new", version=1,
        assignee=source.assignee, origin_claim_id=source.id,
        statistics=[_copy_statistic(s) for s in stats],
    )  # fmt: skip


def _part_facets(facets: dict, start: int, end: int) -> dict:
    part = copy.deepcopy(facets)
    for name in ("entities", "dates"):
        part[name] = [item for item in part.get(name) or [] if _within(item, start, end)]
    return part


def _guard_published(session: Session, claim_ids: list[int], action: str) -> None:
    """A claim whose verdict is published leaves every export when it is split or merged (its
    replacements start without a verdict): only an editor, who can publish again, may do that."""
    published = session.scalar(
        select(VerdictRow.claim_id).where(VerdictRow.claim_id.in_(claim_ids), VerdictRow.state == "published")
    )
    actor = acting_user(session) if published is not None else None
    if actor is not None and not actor.can_publish:
        raise NotAllowedError(
            f"Claim #{published} has a published verdict: only an editor can {action} it "
            "(its verdict would leave the exports)."
        )


def split_claim(
    session: Session, *, claim_id: int, offset: int, reviewer: str, expected_version: int
) -> tuple[int, int]:
    """Cut a claim in two at ``offset`` characters into its text; the old claim is retired.

    Returns the ids of the two new claims. A cut inside a figure, or leaving an empty part, is refused.
    """
    row = _live_claim(session, claim_id)
    _guard_published(session, [claim_id], "split")
    if not 0 < offset < len(row.text):
        raise InputError(f"Cut inside the claim: between 1 and {len(row.text) - 1} characters.")
    head, tail = row.text[:offset], row.text[offset:]
    if not head.strip() or not tail.strip():
        raise InputError("Both parts of a split claim need words; move the cut.")
    cut = row.start + offset
    for stat in row.statistics:
        if stat.start < cut < stat.end:
            raise InputError(f"The cut falls inside the figure “{stat.surface}”; cut before or after it.")
    first_end = row.start + len(head.rstrip())
    second_start = cut + len(tail) - len(tail.lstrip())
    parts = [(row.start, first_end), (second_start, row.end)]
    facets = dict(row.facets or {})
    new_rows = [
        _new_claim(
            row,
            a,
            b,
            row.text[a - row.start : b - row.start],
            [s for s in row.statistics if a <= s.start and s.end <= b],
            _part_facets(facets, a, b),
        )
        for a, b in parts
    ]
    bump_version(session, claim_id, expected_version, retired=True)
    session.add_all(new_rows)
    session.flush()
    ids = (new_rows[0].id, new_rows[1].id)
    log_change(session, claim_id, "split", {"text": row.text}, {"into": list(ids)}, reviewer)
    for new in new_rows:
        log_change(session, new.id, "created", None, {"split from": claim_id, "text": new.text}, reviewer)
    return ids


def merge_claims(
    session: Session, *, claim_ids: tuple[int, int], expected_versions: tuple[int, int], reviewer: str
) -> int:
    """Merge two claims of the same article into one spanning both; both are retired. Returns the new id."""
    if len(set(claim_ids)) != 2:
        raise InputError("Choose two different claims to merge.")
    rows = [_live_claim(session, i) for i in claim_ids]
    if rows[0].article_id != rows[1].article_id:
        raise InputError("Only claims of the same article can be merged.")
    _guard_published(session, list(claim_ids), "merge")
    first, second = sorted(rows, key=lambda r: (r.start, r.id))
    article = session.get(ArticleRow, first.article_id)
    start, end = first.start, max(first.end, second.end)
    facets = copy.deepcopy(dict(first.facets or {}))
    other = second.facets or {}
    for name in ("entities", "dates"):
        seen = {tuple(item.get("span") or ()) for item in facets.get(name) or []}
        extra = [i for i in other.get(name) or [] if tuple(i.get("span") or ()) not in seen]
        facets[name] = [*(facets.get(name) or []), *copy.deepcopy(extra)]
    facets["attribution"] = facets.get("attribution") or copy.deepcopy(other.get("attribution"))
    merged = _new_claim(
        first, start, end, article.text[start:end], [*first.statistics, *second.statistics], facets
    )
    merged.worthiness = max(first.worthiness, second.worthiness)
    merged.reasons = list(dict.fromkeys([*(first.reasons or ()), *(second.reasons or ())]))
    if second.worthiness > first.worthiness:
        merged.kind = second.kind
    for claim_id, version in zip(claim_ids, expected_versions, strict=True):
        bump_version(session, claim_id, version, retired=True)
    session.add(merged)
    session.flush()
    for row in (first, second):
        log_change(session, row.id, "merged", {"text": row.text}, {"into": merged.id}, reviewer)
    log_change(session, merged.id, "created", None, {"merged from": [first.id, second.id]}, reviewer)
    return merged.id
