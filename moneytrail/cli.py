"""The `moneytrail` command line."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from crawler.config import AppConfig, ConfigError
from index import IndexURLError, open_index
from index.backend import IndexBackend
from index.elastic import ElasticIndexError
from index.model import EntityHit
from index.sqlite_connect import IndexOpenError
from moneytrail import extract_cmd, render
from moneytrail.commands import index_cmd, kibana_cmd, runs_cmd, schedule_cmd, tor_cmd
from moneytrail.commands.common import DEFAULT_CONFIG, ConfigOption, console, errors, fail, load
from moneytrail.queries import (
    Lookup,
    QueryError,
    normalise_address,
    normalise_phone,
    normalise_value,
)

app = typer.Typer(help="Follow the money: crawl, extract, index and search.", no_args_is_help=True)
search_app = typer.Typer(help="Search the index.", no_args_is_help=True)
app.add_typer(search_app, name="search")
app.command("extract")(extract_cmd.extract)
app.add_typer(schedule_cmd.app, name="schedule")
app.add_typer(runs_cmd.app, name="runs")
app.add_typer(index_cmd.app, name="index")
app.add_typer(kibana_cmd.app, name="kibana")
app.add_typer(tor_cmd.app, name="tor")


IndexOption = Annotated[
    str | None, typer.Option("--index", help="Index URL; overrides the config's index.url.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="One JSON document, for machines.")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results to show.")]


def open_for_reading(config: Path, index_url: str | None) -> IndexBackend:
    url = index_url or (load(config).index.url if config.exists() else AppConfig().index.url)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            fail(f"no index at {path}: run `moneytrail crawl` or `moneytrail demo` first")
    try:
        return open_index(url)
    except (IndexURLError, OSError, RuntimeError) as exc:
        fail(str(exc))


@app.command()
def crawl(
    config: ConfigOption = DEFAULT_CONFIG,
    site: Annotated[
        list[str] | None, typer.Option("--site", "-s", help="Crawl only this site (repeatable).")
    ] = None,
    run_id: Annotated[
        str | None, typer.Option(help="Name this run, or the unfinished run to resume or join.")
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Resume the unfinished run of the same sites, if there is one.")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """Crawl the sites in config/sites/*.yaml into the configured index, as a recorded run."""
    from redis import RedisError

    from crawler.frontier import FrontierURLError
    from moneytrail.coordination import RunFinishedError, SiteLockedError
    from moneytrail.recorded_crawl import crawl_and_record

    app_config = load(config)
    try:
        recorded = crawl_and_record(app_config, site_names=site, run_id=run_id, resume=resume)
    except (ConfigError, FrontierURLError, RunFinishedError) as exc:
        fail(str(exc))
    except SiteLockedError as exc:
        fail(str(exc), status=3)
    except RedisError as exc:
        fail(f"scheduler {app_config.scheduler}: {exc}")
    report = recorded.report
    if as_json:
        print(render.dumps(report))
    else:
        if recorded.resumed:
            attempt = recorded.run.attempts
            console.print(f"resumed run [bold]{report.run_id}[/bold] (attempt {attempt})")
        render.print_crawl_report(console, report)
    if report.interrupted:
        raise typer.Exit(130 if report.finish_reason == "shutdown" else 1)


@search_app.command("alias")
def search_alias(
    name: str,
    config: ConfigOption = DEFAULT_CONFIG,
    index: IndexOption = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """Aliases like NAME: case-, accent- and leetspeak-insensitive, typo-tolerant."""
    backend = open_for_reading(config, index)
    hits = backend.search_alias(name, limit=limit)
    _print_hits(hits, f"aliases like {name!r}", as_json)


@search_app.command("address")
def search_address(
    address: str,
    config: ConfigOption = DEFAULT_CONFIG,
    index: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """A crypto address (checksum verified, normalised before lookup)."""
    _exact(lambda: normalise_address(address), config, index, as_json)


@search_app.command("phone")
def search_phone(
    number: str,
    region: Annotated[str, typer.Option(help="Region for numbers without +country.")] = "US",
    config: ConfigOption = DEFAULT_CONFIG,
    index: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """A phone number in any written form (normalised to E.164 before lookup)."""
    _exact(lambda: normalise_phone(number, region), config, index, as_json)


@search_app.command("value")
def search_value(
    kind: str,
    value: str,
    config: ConfigOption = DEFAULT_CONFIG,
    index: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """Any kind by exact value (email, onion, telegram, pgp_fingerprint...)."""
    _exact(lambda: normalise_value(kind, value), config, index, as_json)


@search_app.command("text")
def search_text(
    words: str,
    config: ConfigOption = DEFAULT_CONFIG,
    index: IndexOption = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over page titles and text."""
    backend = open_for_reading(config, index)
    hits = backend.search_text(words, limit=limit)
    if as_json:
        print(render.dumps(hits))
    elif not hits:
        console.print(f"no pages match {words!r}")
    else:
        console.print(render.page_hits_table(hits, f"pages matching {words!r}"))


@app.command()
def entity(
    kind: str,
    value: str,
    config: ConfigOption = DEFAULT_CONFIG,
    index: IndexOption = None,
    evidence: Annotated[int, typer.Option(min=1, help="Most evidence rows.")] = 100,
    as_json: JsonOption = False,
) -> None:
    """Everything about one entity: first/last seen, sites, evidence, co-occurring entities."""
    lookup = _or_fail(lambda: normalise_value(kind, value))
    backend = open_for_reading(config, index)
    view = backend.entity(lookup.kind or kind, lookup.value, evidence_limit=evidence)
    if view is None:
        fail(f"no {kind} {lookup.value!r} in the index", status=1)
    if as_json:
        print(render.dumps(view))
    else:
        render.print_entity(console, view)


@app.command()
def demo(
    pages: Annotated[int, typer.Option(min=50, help="Pages per fixture site.")] = 300,
    tor: Annotated[
        bool, typer.Option(help="Crawl the fixture sites as .onion services when tor is installed.")
    ] = True,
    data_dir: Annotated[Path, typer.Option(help="Where the demo index goes.")] = Path("data"),
) -> None:
    """Serve the bundled fixture sites, crawl them, and show what an analyst sees."""
    from moneytrail.demo import run_demo

    run_demo(console, pages=pages, use_tor=tor, data_dir=data_dir)


def _exact(normalise: Callable[[], Lookup], config: Path, index: str | None, as_json: bool) -> None:
    """Exact lookup of what the analyst typed, after normalising it as the extractors do."""
    lookup = _or_fail(normalise)
    backend = open_for_reading(config, index)
    hits = backend.lookup(lookup.value, kind=lookup.kind)
    _print_hits(hits, f"{lookup.kind} {lookup.value}", as_json)


def _print_hits(hits: list[EntityHit], title: str, as_json: bool) -> None:
    if as_json:
        print(render.dumps(hits))
    elif not hits:
        console.print(f"nothing found for {title}")
    else:
        console.print(render.entity_hits_table(hits, title))


T = TypeVar("T")


def _or_fail(make: Callable[[], T]) -> T:
    try:
        return make()
    except QueryError as exc:
        fail(str(exc))


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `moneytrail ... | head` is normal use
        sys.stderr.close()
    except (ElasticIndexError, IndexOpenError) as exc:
        # The index went away or refused us after it was opened: say so, no traceback.
        errors.print(f"[bold red]error:[/bold red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
