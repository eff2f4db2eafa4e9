"""`moneytrail tor status`: the state of the crawler's tor pool.

While a crawl runs, its routing middleware writes the pool's state to
``<state_dir>/tor/status.json`` every few seconds; that live view (circuit and request
counts, error rates, NEWNYMs) is shown when it is fresh. Otherwise the pool is built from
the config right now (attached, or launched and bootstrapped) and checked once.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from crawler.tor import InstanceStatus, TorPool, TorUnavailable
from crawler.tor_routing import STATUS_FILE
from moneytrail.commands.common import DEFAULT_CONFIG, ConfigOption, console, errors, load

app = typer.Typer(help="Tor: the crawler's tor pool.", no_args_is_help=True)

LIVE_MAX_AGE = 30.0  # seconds: an older snapshot belongs to a crawl that is gone


@app.callback()
def tor() -> None:
    """Tor: the crawler's tor pool."""


@app.command()
def status(
    config: ConfigOption = DEFAULT_CONFIG,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
) -> None:
    """Print each tor instance: mode, SOCKS port, bootstrap, circuits, error rate, NEWNYM.

    Exits 1 if an instance is not usable, 2 on a configuration error."""
    app_config = load(config)
    state_dir = app_config.crawl.state_dir
    live = read_live_snapshot(state_dir / "tor" / STATUS_FILE)
    if live is not None:
        source = f"live pool of crawl pid {live['pid']} (run {live['run_id']})"
        statuses = [_status_from_json(item) for item in live["instances"]]
    else:
        source = f"fresh check ({app_config.tor.mode} mode; no crawl running)"
        statuses = _check_now(app_config.tor, state_dir)
    if as_json:
        print(json.dumps({"source": source, "instances": [_as_json(s) for s in statuses]}))
    else:
        console.print(status_table(statuses, source))
    if not all(s.healthy for s in statuses):
        raise typer.Exit(1)


def read_live_snapshot(path: Path) -> dict[str, Any] | None:
    """The running crawl's snapshot, or None if there is none, it is stale or unreadable."""
    try:
        snapshot = json.loads(path.read_text())
        fresh = time.time() - float(snapshot["updated_at"]) <= LIVE_MAX_AGE
        alive = _process_alive(int(snapshot["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return snapshot if fresh and alive else None


def status_table(statuses: list[InstanceStatus], source: str) -> Table:
    table = Table(title=f"tor pool: {source}", title_justify="left")
    for column, justify in (
        ("instance", "left"),
        ("mode", "left"),
        ("socks", "left"),
        ("bootstrap", "right"),
        ("circuits ok/failed", "right"),
        ("error rate", "right"),
        ("last NEWNYM", "left"),
        ("state", "left"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for s in statuses:
        table.add_row(
            s.name,
            s.mode,
            s.socks,
            f"{s.bootstrap_percent}%" if s.bootstrap_percent is not None else "?",
            f"{s.circuits_built}/{s.circuits_failed}",
            f"{100 * s.error_rate:.0f}% of {s.recent_requests}" if s.recent_requests else "-",
            _when(s.last_newnym),
            "[green]usable[/green]" if s.healthy else f"[red]unusable:[/red] {s.problem}",
        )
    return table


def _check_now(settings: Any, state_dir: Path) -> list[InstanceStatus]:
    pool = TorPool(settings, state_dir, progress=lambda message: errors.print(message))
    try:
        pool.start()
        return pool.probe()
    except TorUnavailable as exc:
        errors.print(f"[bold red]tor unavailable:[/bold red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    finally:
        pool.close()


def _status_from_json(item: dict[str, Any]) -> InstanceStatus:
    names = {f.name for f in fields(InstanceStatus)}
    return InstanceStatus(**{k: v for k, v in item.items() if k in names})


def _as_json(status: InstanceStatus) -> dict[str, Any]:
    return {f.name: getattr(status, f.name) for f in fields(status)} | {"healthy": status.healthy}


def _when(timestamp: float | None) -> str:
    if timestamp is None:
        return "never"
    return datetime.fromtimestamp(timestamp).strftime("%H:%M:%S")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
