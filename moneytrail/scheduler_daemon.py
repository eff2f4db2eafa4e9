"""`moneytrail schedule`: a long-lived APScheduler that starts each scheduled crawl.

Every crawl runs in its own subprocess (``moneytrail crawl``): Twisted's reactor cannot
be restarted, and a crawl that dies must not take the scheduler with it. A group's job
never overlaps itself (max_instances=1), and the site lock refuses overlaps with crawls
started any other way. A site found down is retried before its next regular run, after
a backoff that doubles with each run in a row that found it down.
"""

from __future__ import annotations

import logging
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.util import undefined

from crawler.config import AppConfig
from moneytrail.runs import RunStore
from moneytrail.scheduling import Command, schedule_groups

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    first: timedelta = timedelta(minutes=5)
    longest: timedelta = timedelta(hours=6)

    def delay(self, down_runs: int) -> timedelta:
        """Wait before retrying a site that the last ``down_runs`` runs found down."""
        return min(self.first * 2 ** max(down_runs - 1, 0), self.longest)


class SchedulerDaemon:
    def __init__(
        self,
        app: AppConfig,
        command: Command,
        workdir: Path,
        retry: RetryPolicy = RetryPolicy(),
    ) -> None:
        self.app = app
        self.command = command
        self.workdir = workdir
        self.retry = retry
        self.groups = schedule_groups(app)
        self.scheduler = BackgroundScheduler()
        self.finished_runs = 0  # crawls that ended, for whoever watches the daemon
        self._lock = threading.Lock()
        self._stopped = threading.Event()

    def start(self, run_now: bool = False) -> None:
        for group in self.groups:
            self.scheduler.add_job(
                self.run_group,
                group.schedule.trigger(),
                args=[group.sites],
                id=_job_id(group.sites),
                name=f"crawl {group.name} ({group.text})",
                max_instances=1,
                # After a pause (machine asleep, a long crawl) run once, not once per miss.
                coalesce=True,
                misfire_grace_time=None,
                next_run_time=datetime.now().astimezone() if run_now else undefined,
            )
        self.scheduler.start()
        for job in self.scheduler.get_jobs():
            logger.info("scheduled %s, next at %s", job.name, job.next_run_time)

    def wait(self) -> None:
        """Block until stop() (the CLI calls stop() on SIGINT/SIGTERM)."""
        self._stopped.wait()

    def stop(self) -> None:
        # Let a crawl that is running finish: it is a child that records its own run.
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
        self._stopped.set()

    def run_group(self, sites: Sequence[str]) -> int:
        argv = self.command(sites)
        logger.info("starting crawl of %s", ", ".join(sites))
        status = subprocess.run(argv, cwd=self.workdir, check=False).returncode
        logger.info("crawl of %s ended with status %d", ", ".join(sites), status)
        with self._lock:
            self.finished_runs += 1
        self._schedule_retries(sites)
        return status

    def _schedule_retries(self, sites: Sequence[str]) -> None:
        with RunStore.in_state_dir(self.app.crawl.state_dir) as store:
            streaks = {site: store.down_streak(site) for site in sites}
        for site, streak in streaks.items():
            if streak == 0:
                continue
            when = datetime.now().astimezone() + self.retry.delay(streak)
            regular = self._next_regular_run(site)
            if regular is not None and regular <= when:
                continue  # the regular run comes first anyway
            self.scheduler.add_job(
                self.run_group,
                DateTrigger(when),
                args=[(site,)],
                id=f"retry:{site}",
                name=f"retry {site} (down {streak} run(s) in a row)",
                replace_existing=True,
                misfire_grace_time=None,
            )
            logger.info("site %s is down; retrying at %s", site, when)

    def _next_regular_run(self, site: str) -> datetime | None:
        for group in self.groups:
            if site in group.sites:
                job = self.scheduler.get_job(_job_id(group.sites))
                return job.next_run_time if job is not None else None
        return None


def _job_id(sites: Sequence[str]) -> str:
    return "crawl:" + ",".join(sites)
