from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.triggers.base import BaseTrigger

from crawler.config import AppConfig, ConfigError, SiteConfig
from moneytrail.schedules import Cron, Interval, ScheduleError, parse_schedule
from moneytrail.scheduling import (
    crawl_command,
    emit_crontab,
    emit_systemd,
    schedule_groups,
)

BASE = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # a Monday


def fire_times(trigger: BaseTrigger, count: int, start: datetime = BASE) -> list[datetime]:
    times: list[datetime] = []
    previous = None
    now = start
    while len(times) < count:
        moment = trigger.get_next_fire_time(previous, now)
        assert moment is not None
        times.append(moment.astimezone(UTC))
        previous, now = moment, moment + timedelta(seconds=1)
    return times


def at(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "every"),
    [("30m", timedelta(minutes=30)), ("6h", timedelta(hours=6)), (" 1d ", timedelta(days=1)),
     ("90s", timedelta(seconds=90)), ("2w", timedelta(weeks=2))],
)  # fmt: skip
def test_intervals(text: str, every: timedelta) -> None:
    assert parse_schedule(text) == Interval(every)


@pytest.mark.parametrize(
    "text",
    ["0m", "abc", "5x", "* * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *",
     "* * * * 8", "5-1 * * * *", "*/0 * * * *", "x * * * *", "* * * foo *", "1,,2 * * * *"],
)  # fmt: skip
def test_bad_schedules_say_what_is_wrong(text: str) -> None:
    with pytest.raises(ScheduleError, match=re.escape(repr(text))):
        parse_schedule(text)


def test_sunday_is_weekday_zero_as_in_cron() -> None:
    # APScheduler's own from_crontab would fire on Mondays here.
    assert fire_times(parse_schedule("0 6 * * 0").trigger(UTC), 2) == [
        at("2026-03-08 06:00"),
        at("2026-03-15 06:00"),
    ]
    assert parse_schedule("0 6 * * 7").weekdays == parse_schedule("0 6 * * SUN").weekdays == (0,)


def test_both_day_fields_restricted_means_either_day() -> None:
    # Cron runs "0 0 13 * 5" on every 13th AND on every Friday.
    times = fire_times(parse_schedule("0 0 13 * 5").trigger(UTC), 6)
    assert times == [at(d + " 00:00") for d in
                     ["2026-03-06", "2026-03-13", "2026-03-20", "2026-03-27", "2026-04-03",
                      "2026-04-10"]]  # fmt: skip
    april = fire_times(parse_schedule("0 0 13 * 5").trigger(UTC), 3, at("2026-04-11 00:00"))
    assert april[0] == at("2026-04-13 00:00")  # a Monday: the 13th alone is enough


def test_a_star_day_field_means_both_must_match() -> None:
    # "*/10" starts with "*": cron then requires day 1, 11, 21 or 31 AND a Monday.
    times = fire_times(parse_schedule("0 0 */10 * 1").trigger(UTC), 3)
    assert times == [at("2026-05-11 00:00"), at("2026-06-01 00:00"), at("2026-08-31 00:00")]


def test_ranges_steps_lists_and_names() -> None:
    weekdays = fire_times(
        parse_schedule("*/20 9-10 * * mon-fri").trigger(UTC), 7, at("2026-03-06 10:30")
    )
    assert weekdays == [at("2026-03-06 10:40"), at("2026-03-09 09:00"), at("2026-03-09 09:20"),
                        at("2026-03-09 09:40"), at("2026-03-09 10:00"), at("2026-03-09 10:20"),
                        at("2026-03-09 10:40")]  # fmt: skip
    twice = fire_times(parse_schedule("30 4 1,15 jan,JUL *").trigger(UTC), 3)
    assert twice == [at("2026-07-01 04:30"), at("2026-07-15 04:30"), at("2027-01-01 04:30")]
    assert parse_schedule("5/20 * * * *").minutes == (5, 25, 45)


EXPRESSIONS = [
    "0 6 * * 0",
    "0 0 13 * 5",
    "0 0 */10 * 1",
    "*/20 9-10 * * mon-fri",
    "30 4 1,15 jan,jul *",
    "15 */6 * * *",
    "0 12 * 2-4 sat,sun",
    "0 0 1 * *",
]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
@pytest.mark.parametrize("text", EXPRESSIONS)
def test_systemd_calendar_fires_when_the_daemon_does(text: str) -> None:
    cron = parse_schedule(text)
    assert isinstance(cron, Cron)
    expected = fire_times(cron.trigger(UTC), 8)
    systemd: list[datetime] = []
    for value in cron.on_calendar():
        systemd += _systemd_fire_times(value, 8)
    assert sorted(set(systemd))[:8] == expected


def _systemd_fire_times(calendar: str, count: int) -> list[datetime]:
    output = subprocess.run(
        ["systemd-analyze", "calendar", f"--iterations={count}",
         f"--base-time={BASE - timedelta(seconds=1):%Y-%m-%d %H:%M:%S} UTC", calendar],
        capture_output=True, text=True, check=True, env={**os.environ, "TZ": "UTC"},
    )  # fmt: skip
    stamps = re.findall(r"(?:Next elapse|Iter\. #\d+): \w+ (\S+ \S+) UTC", output.stdout)
    return [datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC) for s in stamps]


@pytest.mark.parametrize(
    ("text", "crontab"),
    [("1m", "* * * * *"), ("30m", "*/30 * * * *"), ("45m", None), ("60m", "0 * * * *"),
     ("2h", "0 */2 * * *"), ("120m", "0 */2 * * *"), ("5h", None), ("1d", "0 0 * * *"),
     ("7d", "0 0 * * 0"), ("2d", None), ("90s", None), ("120s", "*/2 * * * *")],
)  # fmt: skip
def test_interval_crontab_forms_only_when_exact(text: str, crontab: str | None) -> None:
    interval = parse_schedule(text)
    assert isinstance(interval, Interval)
    assert interval.crontab() == crontab


def _app(tmp_path: Path, schedules: dict[str, str | None]) -> AppConfig:
    sites = [
        SiteConfig(name=name, start_urls=[f"http://{name}.test/"], via="direct", schedule=s)
        for name, s in schedules.items()
    ]
    return AppConfig(sites=sites, sites_dir=tmp_path)


def test_sites_with_the_same_schedule_are_one_group(tmp_path: Path) -> None:
    app = _app(tmp_path, {"b": "6h", "a": "360m", "c": "0 3 * * *", "d": None})
    groups = schedule_groups(app)
    assert [(g.sites, g.text) for g in groups] == [(("a", "b"), "6h"), (("c",), "0 3 * * *")]
    assert groups[0].name == "a-b"


def test_a_bad_schedule_names_its_site(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="site 'a': field 'schedule'"):
        schedule_groups(_app(tmp_path, {"a": "every day"}))


def test_crontab_and_systemd_output(tmp_path: Path) -> None:
    app = _app(tmp_path, {"market": "0 */6 * * *", "forum": "45m", "ads": "30m"})
    command = crawl_command(tmp_path / "moneytrail.yaml")
    crontab = emit_crontab(schedule_groups(app), command, tmp_path)
    config = str((tmp_path / "moneytrail.yaml").resolve())
    assert f"0 */6 * * * cd {tmp_path} && " in crontab
    assert f"crawl --config {config} --site market\n" in crontab
    assert "*/30 * * * * " in crontab and "--site ads" in crontab
    assert "# forum: interval '45m' has no exact crontab form" in crontab

    units = emit_systemd(schedule_groups(app), command, tmp_path)
    assert "# file: /etc/systemd/system/moneytrail-crawl-market.timer" in units
    assert "OnCalendar=*-*-* 0,6,12,18:0:00\nPersistent=true" in units
    assert "OnActiveSec=2700s\nOnUnitActiveSec=2700s" in units
    assert f"WorkingDirectory={tmp_path}\n" in units
    assert "systemctl enable --now moneytrail-crawl-market.timer" in units
