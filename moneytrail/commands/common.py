"""What every command shares: where output goes, how a command fails, how it reads the
config. One place, so every error looks the same and exits with the same status."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from crawler.config import AppConfig, ConfigError, load_config

console = Console()
errors = Console(stderr=True)

DEFAULT_CONFIG = Path("config/moneytrail.yaml")
ConfigOption = Annotated[Path, typer.Option("--config", "-c", help="moneytrail.yaml to use.")]


def fail(message: str, status: int = 2) -> NoReturn:
    """One red line on stderr, no traceback, and the exit status (2: bad input or config)."""
    errors.print(f"[bold red]error:[/bold red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(status)


def load(config: Path) -> AppConfig:
    """The config, or exit 2 with the one message naming the file and field."""
    try:
        return load_config(config)
    except ConfigError as exc:
        fail(str(exc))
