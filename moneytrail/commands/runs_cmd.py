"""`moneytrail runs`: the recorded crawl runs; `moneytrail runs show ID`: what one found."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from crawler.config import AppConfig
from extractors import kinds
from index import IndexURLError
from index.model import EntityHit
from moneytrail import render
from moneytrail.commands.common import DEFAULT_CONFIG, ConfigOption, console, fail, load
from moneytrail.runs import RunRecord, RunStore

app = typer.Typer(help="Crawl runs: what ran, and what each run found.")

JsonOption = Annotated[bool, typer.Option("--json", help="One JSON document, for machines.")]

# How `runs show` groups what is new, in the order an analyst reads it.
SECTIONS = (
    ("addresses", kinds.CRYPTO),
    ("aliases", frozenset({kinds.ALIAS})),
    ("phones", frozenset({kinds.PHONE})),
    ("contacts", kinds.CONTACTS),
    ("pgp keys", frozenset({kinds.PGP_FINGERPRINT})),
)


@app.callback(invoke_without_command=True)
def runs(
    ctx: typer.Context,
    config: ConfigOption = DEFAULT_CONFIG,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most runs to list.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """List the latest runs, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    with _store(config) as store:
        store.reap_dead_attempts()
        records = store.latest(limit)
    if as_json:
        print(render.dumps(records))
        return
    if not records:
        console.print("no runs recorded yet: run `moneytrail crawl` or `moneytrail schedule`")
        return
    table = Table(title="runs", title_justify="left")
    table.add_column("run", no_wrap=True)
    table.add_column("started", no_wrap=True)
    for column in ("status", "sites", "pages", "found"):
        table.add_column(column)
    for run in records:
        counters = run.counters
        table.add_row(
            run.run_id,
            run.started_at.astimezone().strftime("%m-%d %H:%M"),
            _status(run),
            ", ".join(f"{site} {run.site_states.get(site, '')}".strip() for site in run.sites),
            f"{counters.pages_fetched}, {counters.pages_unchanged} same, "
            f"{counters.pages_failed} failed",
            ("" if run.new_entities is None else f"{run.new_entities} new entities, ")
            + f"{counters.mentions} mentions",
        )
    console.print(table)


@app.command()
def show(
    run_id: Annotated[str, typer.Argument(help="A run id, or 'latest'.")],
    config: ConfigOption = DEFAULT_CONFIG,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most entities.")] = 500,
    as_json: JsonOption = False,
) -> None:
    """What is new since the previous run of the same sites: addresses, aliases, phones..."""
    # Imported here: it brings Scrapy, which listing runs does not need.
    from moneytrail.recorded_crawl import new_entities

    app_config = _load(config)
    with RunStore.in_state_dir(app_config.crawl.state_dir) as store:
        store.reap_dead_attempts()
        run = _find(store, run_id)
        previous = store.previous(run)
    try:
        found = new_entities(app_config, run, previous, limit)
    except (IndexURLError, OSError, RuntimeError) as exc:
        fail(f"cannot read the index {app_config.index.url}: {exc}")
    if as_json:
        print(render.dumps({"run": run, "previous_run": previous, "new_entities": found}))
        return
    since = (
        f"since run {previous.run_id} (finished {previous.finished_at:%Y-%m-%d %H:%M %Z})"
        if previous is not None and previous.finished_at is not None
        else "(first run of these sites: everything is new)"
    )
    console.print(
        f"run [bold]{run.run_id}[/bold] · {run.status} · {', '.join(run.sites)} · "
        f"{run.counters.pages_fetched} pages ({run.counters.pages_unchanged} unchanged, "
        f"{run.counters.pages_failed} failed)"
    )
    console.print(f"new {since}: {len(found)} entities")
    for title, section_kinds in SECTIONS:
        hits = [hit for hit in found if hit.kind in section_kinds]
        if hits:
            console.print(_entities_table(f"new {title}", hits))


def _entities_table(title: str, hits: list[EntityHit]) -> Table:
    table = Table(title=f"{title} ({len(hits)})", title_justify="left")
    for column in ("kind", "value", "first seen", "pages", "sites"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        table.add_row(
            hit.kind,
            escape(hit.value),
            hit.first_seen.astimezone().strftime("%Y-%m-%d %H:%M"),
            str(hit.page_count),
            ", ".join(hit.sites),
        )
    return table


def _find(store: RunStore, run_id: str) -> RunRecord:
    if run_id == "latest":
        latest = store.latest(1)
        if not latest:
            fail("no runs recorded yet")
        return latest[0]
    run = store.get(run_id)
    if run is None:
        fail(f"no run {run_id!r}: `moneytrail runs` lists them")
    return run


def _status(run: RunRecord) -> str:
    if run.finished_at is not None:
        seconds = int((run.finished_at - run.started_at).total_seconds())
        hours, minutes = divmod(seconds // 60, 60)
        took = f"{hours}h{minutes:02d}m" if hours else f"{seconds}s"
        return f"{run.status} in {took}"
    return run.status if run.finish_reason is None else f"{run.status} ({run.finish_reason})"


def _store(config: Path) -> RunStore:
    return RunStore.in_state_dir(_load(config).crawl.state_dir)


def _load(config: Path) -> AppConfig:
    # Listing runs needs no config file: without one, the default state directory.
    if not config.exists() and config == DEFAULT_CONFIG:
        return AppConfig()
    return load(config)
