"""Human tables (rich) and machine JSON for what the CLI prints."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from datetime import datetime
from enum import Enum
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from index.model import EntityHit, EntityView, PageHit


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in value]
    return value


def dumps(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False)


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def entity_hits_table(hits: Sequence[EntityHit], title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("kind", "value", "score", "pages", "sites", "first seen", "last seen"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        table.add_row(
            hit.kind,
            escape(hit.value),
            f"{hit.score:.2f}",
            str(hit.page_count),
            escape(", ".join(hit.sites)),
            _when(hit.first_seen),
            _when(hit.last_seen),
        )
    return table


def page_hits_table(hits: Sequence[PageHit], title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("site", "title", "url", "snippet"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        table.add_row(escape(hit.site), escape(hit.title), escape(hit.url), escape(hit.snippet))
    return table


def highlighted(context: str, raw: str) -> Text:
    text = Text(context)
    first_line = raw.splitlines()[0] if raw else ""
    if first_line:
        text.highlight_words([first_line], style="bold yellow")
    return text


def print_entity(console: Console, view: EntityView) -> None:
    console.print(f"[bold]{view.kind}[/bold] {escape(view.value)}")
    console.print(
        f"first seen {_when(view.first_seen)} · last seen {_when(view.last_seen)} · "
        f"{view.page_count} pages · {view.mention_count} mentions · "
        f"sites: {escape(', '.join(view.sites))}"
    )
    evidence = Table(title="evidence", title_justify="left")
    for column in ("fetched", "url", "context", "extractor"):
        evidence.add_column(column, overflow="fold")
    for item in view.evidence:
        evidence.add_row(
            _when(item.fetched_at), escape(item.url), highlighted(item.context, item.raw),
            f"{item.extractor} ({item.confidence:.2f})",
        )  # fmt: skip
    console.print(evidence)
    if view.cooccurring:
        linked = Table(title="seen together with", title_justify="left")
        for column in ("kind", "value", "shared pages"):
            linked.add_column(column, overflow="fold")
        for other in view.cooccurring:
            linked.add_row(other.kind, escape(other.value), str(other.pages))
        console.print(linked)


def print_crawl_report(console: Console, report: Any) -> None:
    """Summary of a crawler.run.CrawlReport (typed loosely: render does not import crawler)."""
    seconds = (report.finished_at - report.started_at).total_seconds()
    console.print(
        f"run [bold]{report.run_id}[/bold]: {report.finish_reason} in {seconds:.1f}s — "
        f"{report.pages} pages ({report.pages_new} new, {report.pages_changed} changed, "
        f"{report.pages_unchanged} unchanged)"
    )
    sites = Table(title="sites", title_justify="left")
    for column in ("site", "state", "pages", "responses", "failed"):
        sites.add_column(column)
    for site in report.sites:
        sites.add_row(site.name, site.state, str(site.pages), str(site.ok), str(site.failed))
    console.print(sites)
    if report.mentions_by_kind:
        console.print(counts_table("new mentions by kind", report.mentions_by_kind))
    dropped = {**report.dropped, **{f"failed: {k}": v for k, v in report.failures.items()}}
    if dropped:
        console.print(counts_table("dropped and failed requests", dropped))


def counts_table(title: str, counts: dict[str, int]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(name, str(count))
    return table
