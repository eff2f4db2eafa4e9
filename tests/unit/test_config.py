"""Config files: valid ones load, bad ones give one message naming file and field."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crawler.config import ConfigError, load_config

REPO = Path(__file__).resolve().parents[2]

GOOD_SITE = """
name: market
start_urls: ["http://127.0.0.1:8401/"]
via: direct
max_depth: 3
selectors:
  vendor: {css: "a.vendor::text"}
"""


def write(root: Path, main: str = "", sites: dict[str, str] | None = None) -> Path:
    (root / "sites").mkdir(parents=True, exist_ok=True)
    (root / "moneytrail.yaml").write_text(main)
    for name, body in (sites if sites is not None else {"market": GOOD_SITE}).items():
        (root / "sites" / f"{name}.yaml").write_text(body)
    return root / "moneytrail.yaml"


def test_bundled_config_loads() -> None:
    app = load_config(REPO / "config" / "moneytrail.yaml", environ={})
    assert app.sites, "config/sites/ should ship at least one site"
    assert app.index.url.startswith("sqlite:///")


def test_defaults_and_site_fields(tmp_path: Path) -> None:
    app = load_config(write(tmp_path), environ={})
    site = app.site("market")
    assert site.hosts() == ["127.0.0.1:8401"]
    assert site.selectors.vendor is not None and site.selectors.vendor.css == "a.vendor::text"
    assert app.tor.mode == "auto"


def test_environment_overrides_main_file(tmp_path: Path) -> None:
    path = write(tmp_path, "index:\n  url: sqlite:///a.db\n")
    app = load_config(
        path,
        environ={"MONEYTRAIL_INDEX__URL": "sqlite:///b.db", "MONEYTRAIL_CRAWL__CONCURRENCY": "7"},
    )
    assert app.index.url == "sqlite:///b.db"
    assert app.crawl.concurrency == 7


@pytest.mark.parametrize(
    ("site_yaml", "field", "words"),
    [
        ("name: m\nstart_urls: []\n", "start_urls", "at least 1"),
        ("name: m\nstart_urls: [ftp://x/]\n", "start_urls", "not an absolute http"),
        ("name: m\nstart_urls: [http://a/]\nmax_depth: deep\n", "max_depth", "integer"),
        ("name: m\nstart_urls: [http://a/]\nvia: vpn\n", "via", "'tor' or 'direct'"),
        ("name: m\nstart_urls: [http://a/]\ncolour: red\n", "colour", "unknown field"),
        (
            "name: m\nstart_urls: [http://a/]\ndeny_url_patterns: ['(']\n",
            "deny_url_patterns",
            "regular expression",
        ),
        (
            "name: m\nstart_urls: [http://a/]\nselectors: {vendor: {}}\n",
            "selectors.vendor",
            "exactly one",
        ),
        (
            "name: m\nstart_urls: ['http://" + "a" * 56 + ".onion/']\nvia: direct\n",
            "(top level)",
            "must use via: tor",
        ),
    ],
)
def test_bad_site_names_file_and_field(
    tmp_path: Path, site_yaml: str, field: str, words: str
) -> None:
    path = write(tmp_path, sites={"broken": site_yaml})
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    message = str(caught.value)
    assert "broken.yaml" in message
    assert f"field '{field}'" in message
    assert words in message


def test_bad_main_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"moneytrail.yaml: field 'index.url'"):
        load_config(write(tmp_path, "index:\n  url: mysql://x\n"), environ={})
    with pytest.raises(ConfigError, match=r"line \d+ is not valid YAML"):
        load_config(write(tmp_path, "index:\n  url: [unclosed\n"), environ={})
    with pytest.raises(ConfigError, match=r"top level must be a mapping"):
        load_config(write(tmp_path, "- a\n- b\n"), environ={})
    with pytest.raises(ConfigError, match=r"file not found"):
        load_config(tmp_path / "missing.yaml", environ={})


def test_duplicate_site_names(tmp_path: Path) -> None:
    path = write(tmp_path, sites={"a": GOOD_SITE, "b": GOOD_SITE})
    with pytest.raises(ConfigError, match="used by more than one file"):
        load_config(path, environ={})


def test_cli_bad_config_exits_2_with_one_message(tmp_path: Path) -> None:
    path = write(tmp_path, sites={"broken": "name: m\nstart_urls: [http://a/]\nmax_pages: 0\n"})
    result = subprocess.run(
        [sys.executable, "-m", "moneytrail.cli", "crawl", "--config", str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 2
    assert "broken.yaml: field 'max_pages'" in result.stderr
    assert "Traceback" not in result.stderr


def test_cookies_file_must_be_a_cookies_txt(tmp_path: Path) -> None:
    missing = "name: m\nstart_urls: [http://a/]\ncookies_file: /nonexistent/cookies.txt\n"
    with pytest.raises(ConfigError, match=r"field 'cookies_file'.*does not exist"):
        load_config(write(tmp_path, sites={"m": missing}), environ={})
    garbage = tmp_path / "cookies.txt"
    garbage.write_text("this is not a cookies file\n")
    bad = f"name: m\nstart_urls: [http://a/]\ncookies_file: {garbage}\n"
    with pytest.raises(ConfigError, match=r"field 'cookies_file'.*not a Netscape cookies.txt"):
        load_config(write(tmp_path, sites={"m": bad}), environ={})
