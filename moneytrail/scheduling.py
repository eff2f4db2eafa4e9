"""Which crawls run when: sites grouped by schedule, and the same plan written out as
crontab lines or systemd timer units for operators who prefer those to the daemon."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from crawler.config import AppConfig, ConfigError
from moneytrail.schedules import Cron, Interval, Schedule, ScheduleError, parse_schedule

Command = Callable[[Sequence[str]], list[str]]


@dataclass(frozen=True, slots=True)
class ScheduleGroup:
    """Sites with the same schedule: crawled together, as one run."""

    text: str
    schedule: Schedule
    sites: tuple[str, ...]

    @property
    def name(self) -> str:
        return "-".join(self.sites)


def schedule_groups(app: AppConfig) -> list[ScheduleGroup]:
    by_schedule: dict[Schedule, tuple[str, list[str]]] = {}
    for site in app.sites:
        if site.schedule is None:
            continue
        try:
            schedule = parse_schedule(site.schedule)
        except ScheduleError as exc:
            raise ConfigError(f"site {site.name!r}: field 'schedule': {exc}") from None
        by_schedule.setdefault(schedule, (site.schedule, []))[1].append(site.name)
    return [
        ScheduleGroup(text, schedule, tuple(sorted(names)))
        for schedule, (text, names) in by_schedule.items()
    ]


def crawl_command(config: Path) -> Command:
    """The argv that crawls some sites with this config: this interpreter's moneytrail."""

    def command(sites: Sequence[str]) -> list[str]:
        argv = [sys.executable, "-m", "moneytrail.cli", "crawl", "--config", str(config.resolve())]
        for site in sites:
            argv += ["--site", site]
        return argv

    return command


def emit_crontab(groups: Sequence[ScheduleGroup], command: Command, workdir: Path) -> str:
    lines = [
        "# moneytrail crawls: install with `crontab -e` (times are this machine's local time).",
        "# Overlapping runs of a site are refused by moneytrail's own site lock.",
    ]
    for group in groups:
        expression = (
            group.schedule.text if isinstance(group.schedule, Cron) else group.schedule.crontab()
        )
        line = f"cd {shlex.quote(str(workdir))} && {shlex.join(command(group.sites))}"
        if expression is None:
            lines.append(
                f"# {group.name}: interval {group.text!r} has no exact crontab form; "
                "use --emit systemd, or give the site a crontab expression"
            )
            continue
        lines.append(f"{expression} {line}")
    return "\n".join(lines) + "\n"


def emit_systemd(groups: Sequence[ScheduleGroup], command: Command, workdir: Path) -> str:
    """One service and one timer per group, as files separated by ``# file:`` headers."""
    units = []
    for group in groups:
        unit = f"moneytrail-crawl-{group.name}"
        units.append(
            f"# file: /etc/systemd/system/{unit}.service\n"
            "[Unit]\n"
            f"Description=moneytrail crawl of {', '.join(group.sites)}\n"
            "Wants=network-online.target\n"
            "After=network-online.target\n"
            "\n"
            "[Service]\n"
            "Type=oneshot\n"
            f"WorkingDirectory={workdir}\n"
            f"ExecStart={shlex.join(command(group.sites))}\n"
            # A crawl takes as long as it takes; the site lock refuses overlaps.
            "TimeoutStartSec=infinity\n"
        )
        units.append(
            f"# file: /etc/systemd/system/{unit}.timer\n"
            "[Unit]\n"
            f"Description=moneytrail crawl of {', '.join(group.sites)} ({group.text})\n"
            "\n"
            "[Timer]\n" + _timer_lines(group.schedule) + "\n[Install]\n"
            "WantedBy=timers.target\n"
        )
    enable = " ".join(f"moneytrail-crawl-{g.name}.timer" for g in groups)
    footer = f"# then: systemctl daemon-reload && systemctl enable --now {enable}\n"
    return "\n".join(units) + ("\n" + footer if groups else "")


def _timer_lines(schedule: Schedule) -> str:
    if isinstance(schedule, Interval):
        seconds = schedule.systemd_seconds()
        # Like the daemon: first run one interval after the timer starts.
        return f"OnActiveSec={seconds}s\nOnUnitActiveSec={seconds}s\n"
    lines = "".join(f"OnCalendar={value}\n" for value in schedule.on_calendar())
    # A run missed while the machine was off is made up at the next boot.
    return lines + "Persistent=true\n"
