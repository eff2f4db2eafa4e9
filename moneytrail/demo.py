"""`moneytrail demo`: the whole pipeline on the bundled fixture sites.

Serves the three generated sites on 127.0.0.1, crawls them (as .onion services over
a private Tor network when tor is installed, directly otherwise), indexes them into
SQLite and prints what an analyst would look at first.
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

import yaml
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from crawler.config import AppConfig, load_config
from crawler.run import CrawlProgress, CrawlReport, run_crawl
from extractors import kinds
from index import open_index
from index.backend import IndexBackend
from moneytrail import render
from moneytrail.fixtures.generator import build_sites, site_config
from moneytrail.fixtures.server import FixtureServer
from moneytrail.fixtures.site import FixtureSite

DEMO_SEED = 7


def run_demo(console: Console, pages: int, use_tor: bool, data_dir: Path) -> None:
    started = time.monotonic()
    console.rule("[bold]moneytrail demo")
    sites = list(build_sites(seed=DEMO_SEED, pages=pages))
    config_dir = data_dir / "demo-config"
    with ExitStack() as stack:
        server = stack.enter_context(FixtureServer(sites))
        console.print(
            "fixture sites: "
            + ", ".join(f"{s.name} ({pages} pages) {server.url(s.name)}" for s in sites)
        )
        tor_settings, urls, via = _routes(console, stack, server, sites, use_tor, data_dir)
        _write_config(config_dir, data_dir, sites, urls, via, tor_settings)
        app = load_config(config_dir / "moneytrail.yaml")
        report = _crawl_with_progress(console, app, sites)
    index_url = app.index.url
    render.print_crawl_report(console, report)
    index = open_index(index_url)
    try:
        _summary(console, index, sites, urls)
    finally:
        index.close()
    console.print(
        f"\n[bold]done[/bold] in {time.monotonic() - started:.0f}s · index: {index_url} · "
        f"try: moneytrail search alias NAME --index {index_url}"
    )


def _routes(
    console: Console,
    stack: ExitStack,
    server: FixtureServer,
    sites: list[FixtureSite],
    use_tor: bool,
    data_dir: Path,
) -> tuple[dict[str, object], dict[str, str], str]:
    """Where each site is reached: onion URLs through Tor, or loopback URLs directly."""
    direct = {site.name: server.url(site.name) for site in sites}
    if not use_tor:
        console.print(
            "[yellow]notice:[/yellow] --no-tor given: crawling the fixture sites directly"
        )
        return {}, direct, "direct"
    if shutil.which("tor") is None:
        console.print(
            "[yellow]notice:[/yellow] tor is not installed, so the fixture sites are crawled "
            "directly on 127.0.0.1 (install it with: sudo apt-get install tor)"
        )
        return {}, direct, "direct"
    from moneytrail.tornet import PrivateTorNetwork

    with console.status("starting a private Tor network on 127.0.0.1") as status:
        network = PrivateTorNetwork(
            data_dir / "demo-tornet", progress=lambda msg: status.update(f"tor: {msg}")
        )
        stack.callback(network.stop)
        network.start()
        onions = {site.name: network.add_onion_service(server.port(site.name)) for site in sites}
    console.print(
        "onion services: " + ", ".join(f"{name} http://{host}/" for name, host in onions.items())
    )
    tor = {"mode": "attach", "socks": network.client_socks, "control": network.client_control}
    return tor, {name: f"http://{host}" for name, host in onions.items()}, "tor"


def _write_config(
    config_dir: Path,
    data_dir: Path,
    sites: list[FixtureSite],
    urls: dict[str, str],
    via: str,
    tor: dict[str, object],
) -> None:
    sites_dir = config_dir / "sites"
    if sites_dir.exists():
        shutil.rmtree(sites_dir)
    sites_dir.mkdir(parents=True)
    main = {
        "index": {"url": f"sqlite:///{(data_dir / 'moneytrail.db').as_posix()}"},
        "crawl": {
            "concurrency": 32,
            "download_timeout": 5,
            "retry_times": 1,
            "state_dir": str(data_dir / "state"),
            # Failures are counted in the run report; log lines would break the live view.
            "log_level": "CRITICAL",
        },
        "sites_dir": "sites",
    }
    if tor:
        main["tor"] = tor
    (config_dir / "moneytrail.yaml").write_text(yaml.safe_dump(main, sort_keys=False))
    for site in sites:
        config = site_config(site, urls[site.name], via=via)
        (sites_dir / f"{site.name}.yaml").write_text(yaml.safe_dump(config, sort_keys=False))


def _crawl_with_progress(console: Console, app: AppConfig, sites: list[FixtureSite]) -> CrawlReport:
    columns = (
        TextColumn("[bold]{task.description:>8}"),
        BarColumn(bar_width=None),
        TextColumn("{task.completed} pages"),
        TextColumn("{task.fields[note]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        # Content pages are known, traps and index pages are not: bars pulse.
        tasks = {site.name: progress.add_task(site.name, total=None, note="") for site in sites}
        overall = progress.add_task("all", total=None, note="")

        def update(live: CrawlProgress) -> None:
            for name, count in live.per_site.items():
                progress.update(tasks[name], completed=count)
            progress.update(overall, completed=live.pages, note=f"{live.mentions} mentions indexed")

        return run_crawl(app, progress=update)


def _summary(
    console: Console, index: IndexBackend, sites: list[FixtureSite], urls: dict[str, str]
) -> None:
    stats = index.stats()
    console.rule("what the index holds")
    console.print(f"{stats.pages} pages · {stats.mentions} mentions · {stats.entities} entities")
    by_kind = Table(title="mentions per kind", title_justify="left")
    for column in ("kind", "mentions", "entities"):
        by_kind.add_column(column, justify="right" if column != "kind" else "left")
    for row in stats.by_kind:
        by_kind.add_row(row.kind, str(row.mentions), str(row.entities))
    console.print(by_kind)

    connected = Table(title="most connected entities", title_justify="left")
    for column in ("kind", "value", "linked entities", "pages"):
        connected.add_column(column, overflow="fold")
    for item in index.most_connected(limit=10):
        connected.add_row(item.kind, item.value, str(item.links), str(item.page_count))
    console.print(connected)

    console.print(_recall_line(index, sites))
    _example_search(console, index, sites)


def _recall_line(index: IndexBackend, sites: list[FixtureSite]) -> str:
    """How much of what the generator planted (plainly written) the pipeline found."""
    planted = {
        (e.kind, e.value)
        for site in sites
        for e in site.ground_truth()
        if not e.obfuscated and e.kind in kinds.CRYPTO | {kinds.PHONE, kinds.EMAIL} and e.reachable
    }
    found = sum(1 for kind, value in planted if index.lookup(value, kind=kind))
    share = found / len(planted) if planted else 1.0
    return (
        f"ground truth: {found}/{len(planted)} plainly written crypto/phone/email entities "
        f"planted on readable pages were found ({share:.1%})"
    )


def _example_search(console: Console, index: IndexBackend, sites: list[FixtureSite]) -> None:
    """Follow the money from the most active planted vendor alias: who, where, paid how."""
    planted = Counter(
        e.value for site in sites for e in site.ground_truth() if e.kind == kinds.ALIAS
    )
    alias = next(
        (name for name, _ in planted.most_common() if index.lookup(name, kind=kinds.ALIAS)), None
    )
    if alias is None:
        console.print("no planted alias made it into the index: nothing to search")
        return
    query = _leet(alias)
    console.rule(f"example: moneytrail search alias {query!r}")
    hits = index.search_alias(query, limit=5)
    console.print(render.entity_hits_table(hits, f"aliases like {query!r}"))
    if not hits:
        return
    view = index.entity(hits[0].kind, hits[0].value, evidence_limit=5, cooccurring_limit=10)
    if view is None:
        return
    console.rule(f"moneytrail entity {view.kind} {view.value!r}")
    render.print_entity(console, view)
    money = Counter(c.kind for c in view.cooccurring if c.kind in kinds.CRYPTO)
    if money:
        console.print(
            "payment addresses next to this alias: "
            + ", ".join(f"{n} {k}" for k, n in money.most_common())
        )


def _leet(name: str) -> str:
    """Write a name the way a vendor would dodge a search, to show folding at work."""
    table = str.maketrans({"a": "4", "o": "0", "e": "3", "A": "4", "O": "0", "E": "3"})
    return name.translate(table)
