"""`moneytrail index init|replay` against a loopback Elasticsearch and a real SQLite file."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from index import open_index
from index.model import Mention, Page
from index.spool import CORRUPT_DIR, Spool, SpoolItem
from moneytrail.commands import index_cmd
from tests.unit.elastic_fake import FakeElasticsearch

T0 = datetime(2025, 8, 1, tzinfo=UTC)
BTC = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"


@pytest.fixture
def fake() -> Iterator[FakeElasticsearch]:
    server = FakeElasticsearch(version="8.18.1")
    yield server
    server.stop()


def write_config(tmp_path: Path, url: str, extra: str = "") -> Path:
    (tmp_path / "sites").mkdir(exist_ok=True)
    config = tmp_path / "moneytrail.yaml"
    config.write_text(f"index:\n  url: {url}\n  spool_dir: {tmp_path / 'spool'}\n{extra}")
    return config


def spool_pages(tmp_path: Path, count: int) -> Spool:
    spool = Spool(tmp_path / "spool")
    items = []
    for n in range(count):
        text = f"page {n} pays {BTC}"
        page = Page(
            url=f"http://shop.onion/{n}",
            site="shop.onion",
            title=f"page {n}",
            text=text,
            lang="en",
            status=200,
            fetched_at=T0,
            sha256=f"{n:064d}",
            crawl_run="run-1",
            via="tor",
        )
        start = text.index(BTC)
        mention = Mention(
            "btc", BTC, BTC, start, start + len(BTC), text, "test", 1.0, page.url, page.site, T0
        )
        items.append(SpoolItem(page, (mention,)))
    spool.append(items)
    spool.close()
    return spool


def run(*args: str):
    return CliRunner().invoke(index_cmd.app, list(args))


def closed_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_init_installs_elasticsearch_templates(fake, tmp_path):
    result = run("init", "--config", str(write_config(tmp_path, fake.url)))
    assert result.exit_code == 0, result.output
    assert f"Elasticsearch 8.18.1 at {fake.url}: templates installed" in result.output
    assert len(fake.templates) == 5
    assert fake.indices == {"moneytrail-pages", "moneytrail-mentions", "moneytrail-entities"}


def test_init_creates_the_sqlite_schema(tmp_path):
    database = tmp_path / "data" / "index.db"
    result = run("init", "--config", str(write_config(tmp_path, f"sqlite:///{database}")))
    assert result.exit_code == 0, result.output
    assert database.exists()


def test_init_against_an_unreachable_server_exits_1(tmp_path):
    url = closed_url()
    result = run("init", "--config", str(write_config(tmp_path, url)))
    assert result.exit_code == 1
    assert f"Elasticsearch at {url} is unavailable" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "file not found"),
        ("index:\n  url: ftp://nowhere\n", "field 'index.url'"),
        ("index:\n  colour: red\n", "field 'index.colour': unknown field"),
    ],
)
def test_bad_config_exits_2_naming_the_problem(tmp_path, content, message):
    config = tmp_path / "moneytrail.yaml"
    (tmp_path / "sites").mkdir()
    if content is not None:
        config.write_text(content)
    for command in ("init", "replay"):
        result = run(command, "--config", str(config))
        assert result.exit_code == 2
        assert message in result.output


def test_replay_sends_spooled_pages_to_elasticsearch(fake, tmp_path):
    spool = spool_pages(tmp_path, 3)
    result = run("replay", "--config", str(write_config(tmp_path, fake.url)))
    assert result.exit_code == 0, result.output
    assert "replayed 3 page(s)" in result.output
    assert len(fake.docs["moneytrail-pages"]) == 3
    assert spool.segments() == []


def test_replay_reports_corrupt_lines_and_exits_1(fake, tmp_path):
    spool = spool_pages(tmp_path, 1)
    (segment,) = spool.segments()
    segment.write_bytes(segment.read_bytes() + b"garbage\n")
    result = run("replay", "--config", str(write_config(tmp_path, fake.url)))
    assert result.exit_code == 1
    assert "replayed 1 page(s)" in result.output
    assert f"set aside: {segment.name} line 2: not JSON" in result.output
    assert (tmp_path / "spool" / CORRUPT_DIR / segment.name).read_bytes() == b"garbage\n"


def test_replay_while_unreachable_keeps_everything_and_exits_1(tmp_path):
    spool_pages(tmp_path, 2)
    result = run("replay", "--config", str(write_config(tmp_path, closed_url())))
    assert result.exit_code == 1
    assert "unavailable" in result.output and "2 page(s) stay spooled" in result.output
    assert Spool(tmp_path / "spool").pending_items() == 2


def test_replay_with_an_empty_spool(fake, tmp_path):
    result = run("replay", "--config", str(write_config(tmp_path, fake.url)))
    assert result.exit_code == 0
    assert "nothing to replay" in result.output


def test_replay_into_sqlite(tmp_path):
    spool_pages(tmp_path, 2)
    url = f"sqlite:///{tmp_path / 'index.db'}"
    result = run("replay", "--config", str(write_config(tmp_path, url)))
    assert result.exit_code == 0, result.output
    backend = open_index(url)
    try:
        assert backend.page_sha256("http://shop.onion/1") == f"{1:064d}"
        (hit,) = backend.lookup(BTC)
        assert hit.page_count == 2
    finally:
        backend.close()
