"""`moneytrail index ...`: prepare the configured index and replay spooled writes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from crawler.config import IndexSettings
from index import IndexURLError, open_index
from index.spool import ReplayReport, Spool, deliver_to
from moneytrail.commands.common import DEFAULT_CONFIG, ConfigOption, console, errors, fail, load

if TYPE_CHECKING:
    from index.elastic import ElasticIndex

app = typer.Typer(help="The index: install templates or schema, replay the spool.")


@app.callback()
def index() -> None:
    """The index: install templates or schema, replay the spool."""


def _settings(config: Path) -> IndexSettings:
    return load(config).index


def _is_elasticsearch(settings: IndexSettings) -> bool:
    return settings.url.startswith(("http://", "https://"))


def _open_elasticsearch(settings: IndexSettings, **extra: Any) -> ElasticIndex:
    # Imported here: the Elasticsearch client is not needed for SQLite indexes.
    from index.elastic import ElasticIndex

    return ElasticIndex.from_url(
        settings.url,
        api_key=settings.api_key,
        username=settings.username,
        password=settings.password,
        ca_certs=settings.ca_certs,
        verify_certs=settings.verify_certs,
        spool_dir=settings.spool_dir,
        **extra,
    )


@app.command()
def init(config: ConfigOption = DEFAULT_CONFIG) -> None:
    """Install the Elasticsearch templates and indices, or create the SQLite schema."""
    settings = _settings(config)
    if not _is_elasticsearch(settings):
        try:
            open_index(settings.url).close()
        except (IndexURLError, OSError, RuntimeError) as exc:
            fail(str(exc), 1)
        console.print(f"index ready: {settings.url}", highlight=False)
        return

    from index.elastic import ElasticIndexError

    try:
        elastic = _open_elasticsearch(settings, replay_on_open=False)
        try:
            elastic.init()
        finally:
            elastic.close()
    except ElasticIndexError as exc:
        fail(str(exc), 1)
    names = ", ".join(elastic.names.all())
    console.print(
        f"Elasticsearch {elastic.server_version} at {settings.url}: templates installed, "
        f"indices ready ({names})",
        highlight=False,
    )


@app.command()
def replay(config: ConfigOption = DEFAULT_CONFIG) -> None:
    """Send the pages spooled while the index was unavailable (oldest first)."""
    settings = _settings(config)
    spool = Spool(settings.spool_dir)
    if not spool.segments():
        console.print(f"nothing to replay in {settings.spool_dir}", highlight=False)
        return
    try:
        report = _replay(settings, spool)
    except (IndexURLError, OSError, RuntimeError) as exc:
        fail(f"{exc}; {spool.pending_items()} page(s) stay spooled in {settings.spool_dir}", 1)
    _print_report(report, settings.spool_dir)
    if not report.complete or report.problems:
        raise typer.Exit(1)


def _replay(settings: IndexSettings, spool: Spool) -> ReplayReport:
    if _is_elasticsearch(settings):
        elastic = _open_elasticsearch(settings, replay_on_open=False)
        try:
            return elastic.replay_spool()
        finally:
            elastic.close()
    backend = open_index(settings.url)
    try:
        return spool.replay(deliver_to(backend))
    finally:
        backend.close()


def _print_report(report: ReplayReport, spool_dir: Path) -> None:
    console.print(
        f"replayed {report.delivered} page(s) from {spool_dir} "
        f"({report.segments_done} segment(s) done)",
        highlight=False,
    )
    for problem in report.problems:
        errors.print(f"[yellow]set aside:[/yellow] {problem}", highlight=False, soft_wrap=True)
    if report.deferred is not None:
        errors.print(
            f"[bold red]stopped:[/bold red] {report.deferred}; {report.segments_left} segment(s) "
            f"stay in {spool_dir} for the next replay",
            highlight=False,
            soft_wrap=True,
        )
