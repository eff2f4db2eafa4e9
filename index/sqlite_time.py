"""Timestamps as the SQLite index stores them: INTEGER microseconds since the epoch, UTC.

Integers round-trip a Python datetime exactly, and min/max/ORDER BY work on them as they
are.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def to_micros(moment: datetime) -> int:
    """Refuses naive datetimes: the model's timestamps are timezone-aware UTC."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"timestamp {moment.isoformat()} has no timezone (expected UTC)")
    return (moment - _EPOCH) // _MICROSECOND


def from_micros(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)
