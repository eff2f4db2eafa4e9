"""Configuration: ``moneytrail.yaml`` plus one ``sites/*.yaml`` per site, validated by pydantic.

Environment variables override the main file: ``MONEYTRAIL_<SECTION>__<FIELD>``, for
example ``MONEYTRAIL_INDEX__URL=sqlite:///other.db`` or ``MONEYTRAIL_TOR__MODE=attach``.
Any problem raises ConfigError with one message naming the file and the field.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from crawler.cookies import load_cookies

ENV_PREFIX = "MONEYTRAIL_"

# Tor Browser 15 (ESR 140) on Windows: what every Tor Browser user sends, so our
# requests blend in with theirs rather than announcing a crawler.
TOR_BROWSER_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; rv:140.0) Gecko/20100101 Firefox/140.0"


class ConfigError(Exception):
    """A configuration file is missing, unreadable or invalid. The message says where."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Selector(_Strict):
    """A CSS or XPath selector for one structured field."""

    css: str | None = None
    xpath: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Selector:
        if (self.css is None) == (self.xpath is None):
            raise ValueError("give exactly one of css or xpath")
        return self


class Selectors(_Strict):
    listing_title: Selector | None = None
    vendor: Selector | None = None
    price: Selector | None = None
    contact: Selector | None = None

    def items(self) -> list[tuple[str, Selector]]:
        return [(name, sel) for name, sel in self if sel is not None]


class SiteConfig(_Strict):
    name: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")]
    start_urls: Annotated[list[str], Field(min_length=1)]
    allowed_hosts: list[str] = []  # empty: the hosts of start_urls
    via: Literal["tor", "direct"] = "tor"
    max_depth: Annotated[int, Field(ge=0)] = 8
    max_pages: Annotated[int, Field(ge=1)] = 10_000
    concurrency: Annotated[int, Field(ge=1, le=64)] = 4
    delay: Annotated[float, Field(ge=0)] = 0.0
    region: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "US"
    selectors: Selectors = Selectors()
    cookies_file: Path | None = None
    deny_url_patterns: list[str] = []
    # Cron expression ("0 */6 * * *") or interval ("30m", "6h", "1d"), for `moneytrail schedule`.
    schedule: str | None = None

    @field_validator("start_urls")
    @classmethod
    def _absolute_http(cls, urls: list[str]) -> list[str]:
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"{url!r} is not an absolute http(s) URL")
        return urls

    @field_validator("cookies_file")
    @classmethod
    def _cookies_readable(cls, path: Path | None) -> Path | None:
        if path is not None:
            load_cookies(path)  # raises ValueError naming the problem
        return path

    @field_validator("deny_url_patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from exc
        return patterns

    @model_validator(mode="after")
    def _onion_needs_tor(self) -> SiteConfig:
        # Fail closed: a .onion host can only ever be reached through Tor.
        if self.via == "direct" and any(h.endswith(".onion") for h in self.hosts()):
            raise ValueError("a site with .onion hosts must use via: tor")
        return self

    def hosts(self) -> list[str]:
        if self.allowed_hosts:
            return [h.lower() for h in self.allowed_hosts]
        return sorted({_host_of(u) for u in self.start_urls})


class IndexSettings(_Strict):
    url: str = "sqlite:///data/moneytrail.db"
    api_key: str | None = None
    username: str | None = None
    password: str | None = None
    ca_certs: Path | None = None
    verify_certs: bool = True
    spool_dir: Path = Path("state/spool")

    @field_validator("url")
    @classmethod
    def _known_scheme(cls, url: str) -> str:
        if not url.startswith(("sqlite://", "http://", "https://")):
            raise ValueError("must be sqlite:///path.db or http(s)://host:port")
        return url


class CrawlSettings(_Strict):
    max_body_bytes: Annotated[int, Field(ge=1024)] = 5 * 1024 * 1024
    download_timeout: Annotated[float, Field(gt=0)] = 60.0
    concurrency: Annotated[int, Field(ge=1, le=512)] = 32
    retry_times: Annotated[int, Field(ge=0)] = 2
    user_agent: str = TOR_BROWSER_USER_AGENT
    state_dir: Path = Path("state")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "WARNING"


class TorSettings(_Strict):
    # auto: attach to socks/control below if they answer, else launch.
    mode: Literal["auto", "launch", "attach"] = "auto"
    instances: Annotated[int, Field(ge=1, le=16)] = 2
    socks: str = "127.0.0.1:9050"
    control: str = "127.0.0.1:9051"
    control_password: str | None = None
    tor_binary: str = "tor"
    bootstrap_timeout: Annotated[float, Field(gt=0)] = 300.0
    # Extra torrc lines for launched instances (e.g. a private network's DirAuthority lines).
    extra_torrc: dict[str, str | list[str]] = {}
    # How long requests wait for a healthy tor before the crawl stops cleanly (they are
    # never sent directly).
    unavailable_timeout: Annotated[float, Field(gt=0)] = 300.0
    # A site whose answers mostly take longer than this (seconds) is reported "slow".
    slow_threshold: Annotated[float, Field(gt=0)] = 20.0
    # A site that fails while its tor is healthy is "down": its next request waits
    # down_backoff seconds, doubling per further failure up to down_backoff_max.
    down_backoff: Annotated[float, Field(ge=0)] = 20.0
    down_backoff_max: Annotated[float, Field(ge=0)] = 600.0
    # NEWNYM (fresh circuits) when this share of an instance's recent requests failed.
    newnym_error_rate: Annotated[float, Field(gt=0, le=1)] = 0.5


class ExtractSettings(_Strict):
    aliases: bool = True
    spacy_model: str | None = None


class AppConfig(_Strict):
    index: IndexSettings = IndexSettings()
    crawl: CrawlSettings = CrawlSettings()
    tor: TorSettings = TorSettings()
    extract: ExtractSettings = ExtractSettings()
    # redis://host:port/db to share one frontier between crawler processes.
    scheduler: str | None = None
    sites_dir: Path = Path("sites")
    sites: list[SiteConfig] = []

    def site(self, name: str) -> SiteConfig:
        for site in self.sites:
            if site.name == name:
                return site
        known = ", ".join(s.name for s in self.sites) or "none"
        raise ConfigError(f"no site named {name!r} (known: {known})")


def load_config(path: Path | str, environ: dict[str, str] | None = None) -> AppConfig:
    """Read the main file, apply environment overrides, then read every site file."""
    path = Path(path)
    raw = _read_yaml(path)
    raw = _apply_env(raw, os.environ if environ is None else environ)
    raw.pop("sites", None)
    app = _validate(AppConfig, raw, path)
    sites_dir = app.sites_dir if app.sites_dir.is_absolute() else path.parent / app.sites_dir
    sites = load_sites(sites_dir)
    return app.model_copy(update={"sites": sites, "sites_dir": sites_dir})


def load_sites(sites_dir: Path) -> list[SiteConfig]:
    if not sites_dir.is_dir():
        raise ConfigError(f"{sites_dir}: sites directory does not exist")
    sites = [
        _validate(SiteConfig, _read_yaml(f), f)
        for f in sorted(sites_dir.glob("*.yaml")) + sorted(sites_dir.glob("*.yml"))
    ]
    names = [s.name for s in sites]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigError(f"{sites_dir}: site name {duplicates[0]!r} is used by more than one file")
    return sites


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" line {where.line + 1}" if where is not None else ""
        raise ConfigError(
            f"{path}:{line} is not valid YAML: {getattr(exc, 'problem', exc)}"
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(
            f"{path}: top level must be a mapping of fields, not {type(data).__name__}"
        )
    return data


def _validate(model: type[_Strict], data: dict[str, Any], path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(top level)"
        message = first["msg"]
        if first["type"] == "extra_forbidden":
            message = "unknown field"
        raise ConfigError(f"{path}: field '{field}': {message}") from None


def _apply_env(raw: dict[str, Any], environ: dict[str, str] | os._Environ[str]) -> dict[str, Any]:
    merged = {k: (dict(v) if isinstance(v, dict) else v) for k, v in raw.items()}
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, field = name[len(ENV_PREFIX) :].lower().partition("__")
        if not field:
            continue
        merged.setdefault(section, {})
        if isinstance(merged[section], dict):
            merged[section][field] = yaml.safe_load(value) if value else value
    return merged


def _host_of(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host
