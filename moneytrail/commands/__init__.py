"""Typer sub-apps that moneytrail/cli.py mounts."""
