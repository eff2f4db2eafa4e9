"""`moneytrail schedule`: run the configured crawls on their schedules, or print the
equivalent crontab lines (``--emit cron``) or systemd units (``--emit systemd``)."""

from __future__ import annotations

import logging
import signal
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer

from crawler.config import ConfigError
from moneytrail.commands.common import errors, fail, load
from moneytrail.scheduler_daemon import RetryPolicy, SchedulerDaemon
from moneytrail.schedules import Interval, ScheduleError, parse_schedule
from moneytrail.scheduling import crawl_command, emit_crontab, emit_systemd, schedule_groups

app = typer.Typer(help="Run crawls on their schedules, or print crontab / systemd units.")


class Emit(StrEnum):
    cron = "cron"
    systemd = "systemd"


@app.callback(invoke_without_command=True)
def schedule(
    config: Annotated[Path, typer.Option("--config", "-c", help="moneytrail.yaml to use.")] = Path(
        "config/moneytrail.yaml"
    ),
    emit: Annotated[
        Emit | None, typer.Option(help="Print crontab lines or systemd units instead of running.")
    ] = None,
    run_now: Annotated[
        bool, typer.Option("--run-now", help="Also start every scheduled crawl right away.")
    ] = False,
    retry_after: Annotated[
        str, typer.Option(help="First wait before retrying a site found down (doubles).")
    ] = "5m",
    retry_max: Annotated[str, typer.Option(help="Longest wait before retrying.")] = "6h",
) -> None:
    """Each site with a `schedule:` (cron expression or interval such as 30m, 6h, 1d) is
    crawled on it, each crawl in its own `moneytrail crawl` process; sites with the same
    schedule are crawled together. Stops on Ctrl-C / SIGTERM after a running crawl ends."""
    app_config = load(config)
    try:
        groups = schedule_groups(app_config)
    except ConfigError as exc:
        fail(str(exc))
    if not groups:
        fail(f"no site in {app_config.sites_dir} has a schedule: add `schedule: 6h` (or cron)")
    command = crawl_command(config)
    workdir = Path.cwd()
    if emit is Emit.cron:
        print(emit_crontab(groups, command, workdir), end="")
        return
    if emit is Emit.systemd:
        print(emit_systemd(groups, command, workdir), end="")
        return
    retry = RetryPolicy(
        _duration("--retry-after", retry_after), _duration("--retry-max", retry_max)
    )
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    daemon = SchedulerDaemon(app_config, command, workdir, retry)

    def stop(signum: int, frame: FrameType | None) -> None:
        errors.print("stopping: waiting for a running crawl to end")
        daemon.stop()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    daemon.start(run_now=run_now)
    daemon.wait()


def _duration(option: str, text: str) -> timedelta:
    try:
        parsed = parse_schedule(text)
    except ScheduleError:
        parsed = None
    if not isinstance(parsed, Interval):
        fail(f"{option}: {text!r} is not a duration like 90s, 5m, 6h, 1d")
    return parsed.every
