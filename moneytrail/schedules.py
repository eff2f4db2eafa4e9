"""A site's ``schedule``: a crontab expression or an interval, and what it means.

The crontab reading is our own, small and strict, because APScheduler 3 reads crontab
text differently from cron: weekday 0 is Monday there (Sunday in cron), and it ANDs
day-of-month with day-of-week where cron ORs them when both are restricted. So each
field is expanded to its values here, once, and the same values drive APScheduler,
the crontab lines and the systemd OnCalendar lines, which therefore all agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta, tzinfo

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.combining import OrTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

INTERVAL_PATTERN = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")
INTERVAL_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}

MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
WEEKDAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]  # cron: 0 (and 7) is Sunday
SYSTEMD_WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]


class ScheduleError(ValueError):
    """A schedule string that is neither a crontab expression nor an interval."""


@dataclass(frozen=True, slots=True)
class Interval:
    every: timedelta

    def trigger(self, timezone: tzinfo | None = None) -> BaseTrigger:
        return IntervalTrigger(seconds=self.every.total_seconds(), timezone=timezone)

    def crontab(self) -> str | None:
        """The crontab expression that fires at this interval, if one exists exactly."""
        seconds = int(self.every.total_seconds())
        if seconds % 60:
            return None
        minutes = seconds // 60
        if minutes < 60:
            return (
                None if 60 % minutes else ("* * * * *" if minutes == 1 else f"*/{minutes} * * * *")
            )
        if minutes % 60:
            return None
        hours = minutes // 60
        if hours < 24:
            return None if 24 % hours else ("0 * * * *" if hours == 1 else f"0 */{hours} * * *")
        if hours % 24:
            return None
        return {1: "0 0 * * *", 7: "0 0 * * 0"}.get(hours // 24)

    def systemd_seconds(self) -> int:
        return int(self.every.total_seconds())


@dataclass(frozen=True, slots=True)
class Cron:
    text: str  # the expression as configured, whitespace normalised
    minutes: tuple[int, ...]
    hours: tuple[int, ...]
    days: tuple[int, ...]
    months: tuple[int, ...]
    weekdays: tuple[int, ...]  # 0 = Sunday
    # Cron's rule (as in Vixie cron): a day field whose text starts with "*" is
    # unrestricted. When both day fields are restricted, a day matches if EITHER does.
    days_restricted: bool
    weekdays_restricted: bool

    @property
    def either_day(self) -> bool:
        return self.days_restricted and self.weekdays_restricted

    def trigger(self, timezone: tzinfo | None = None) -> BaseTrigger:
        common = {
            "minute": _csv(self.minutes),
            "hour": _csv(self.hours),
            "month": _csv(self.months),
            "timezone": timezone,
        }
        days, weekdays = _csv(self.days), ",".join(WEEKDAY_NAMES[d] for d in self.weekdays)
        if self.either_day:
            return OrTrigger(
                [
                    CronTrigger(day=days, day_of_week="*", **common),
                    CronTrigger(day="*", day_of_week=weekdays, **common),
                ]
            )
        return CronTrigger(day=days, day_of_week=weekdays, **common)

    def on_calendar(self) -> list[str]:
        """systemd OnCalendar= values (several lines are ORed by systemd)."""
        clock = f"{_csv(self.hours, 24)}:{_csv(self.minutes, 60)}:00"
        months = _csv(self.months, 12, start=1)
        days = _csv(self.days, 31, start=1)
        weekdays = ",".join(SYSTEMD_WEEKDAYS[d] for d in self.weekdays)
        all_weekdays = len(self.weekdays) == 7
        if self.either_day:
            return [f"*-{months}-{days} {clock}", f"{weekdays} *-{months}-* {clock}"]
        prefix = "" if all_weekdays else f"{weekdays} "
        return [f"{prefix}*-{months}-{days} {clock}"]


Schedule = Interval | Cron


def parse_schedule(text: str) -> Schedule:
    interval = INTERVAL_PATTERN.match(text)
    if interval:
        amount, unit = int(interval.group(1)), interval.group(2)
        if amount == 0:
            raise ScheduleError(f"schedule {text!r}: an interval must be longer than zero")
        return Interval(timedelta(**{INTERVAL_UNITS[unit]: amount}))
    fields = text.split()
    if len(fields) != 5:
        raise ScheduleError(
            f"schedule {text!r}: give a crontab expression with 5 fields "
            "(minute hour day-of-month month day-of-week) or an interval like 30m, 6h, 1d"
        )
    minute, hour, day, month, weekday = fields
    try:
        weekdays = _expand(weekday, 0, 7, WEEKDAY_NAMES)
        return Cron(
            text=" ".join(fields),
            minutes=_expand(minute, 0, 59),
            hours=_expand(hour, 0, 23),
            days=_expand(day, 1, 31),
            months=_expand(month, 1, 12, MONTH_NAMES, first=1),
            weekdays=tuple(sorted({d % 7 for d in weekdays})),
            days_restricted=not day.startswith("*"),
            weekdays_restricted=not weekday.startswith("*"),
        )
    except ValueError as exc:
        raise ScheduleError(f"schedule {text!r}: {exc}") from None


def _expand(
    field: str, low: int, high: int, names: list[str] | None = None, first: int = 0
) -> tuple[int, ...]:
    """Values of one crontab field: lists of ``*``, ``a``, ``a-b``, each with ``/step``."""
    values: set[int] = set()
    for part in field.split(","):
        span, _, step_text = part.partition("/")
        step = _number(step_text, None, 1, high) if step_text else 1
        if span == "*":
            start, stop = low, high
        elif "-" in span:
            a, _, b = span.partition("-")
            start, stop = _number(a, names, low, high, first), _number(b, names, low, high, first)
            if start > stop:
                raise ValueError(f"range {span!r} runs backwards")
        else:
            start = _number(span, names, low, high, first)
            stop = high if step_text else start
        values.update(range(start, stop + 1, step))
    return tuple(sorted(values))


def _number(text: str, names: list[str] | None, low: int, high: int, first: int = 0) -> int:
    if names is not None and text.lower() in names:
        return names.index(text.lower()) + first
    if not text.isdigit():
        raise ValueError(f"{text!r} is not a number" + (" or a name" if names else ""))
    value = int(text)
    if not low <= value <= high:
        raise ValueError(f"{value} is outside {low}-{high}")
    return value


def _csv(values: tuple[int, ...], span: int | None = None, start: int = 0) -> str:
    """Comma list, or ``*`` when it is the whole span (systemd and APScheduler agree)."""
    if span is not None and values == tuple(range(start, start + span)):
        return "*"
    return ",".join(str(v) for v in values)
