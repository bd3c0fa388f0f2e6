"""Desk settings: JSON values under a key, with who changed them last."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from workbench.storage.schema import SettingRow


def get_setting(session: Session, key: str, default: object = None) -> object:
    """The stored value of ``key``, or ``default`` when the desk never set it."""
    row = session.get(SettingRow, key)
    return default if row is None else row.value


def put_setting(session: Session, key: str, value: object, *, updated_by: str) -> None:
    """Store ``value`` under ``key`` (insert or replace) in the caller's transaction."""
    row = session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=value, updated_by=updated_by, updated_at=datetime.now(UTC)))
    else:
        row.value = value
        row.updated_by = updated_by
        row.updated_at = datetime.now(UTC)
    session.flush()


def setting_updated(session: Session, key: str) -> tuple[str | None, datetime | None]:
    """Who changed ``key`` last, and when ((None, None) when never set)."""
    row = session.get(SettingRow, key)
    return (None, None) if row is None else (row.updated_by, row.updated_at)
