"""`moneytrail kibana ...`: install the Kibana data views, saved searches and dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from moneytrail.commands.common import console, fail
from moneytrail.kibana import DEFAULT_SAVED_OBJECTS, KibanaImportError, import_saved_objects

app = typer.Typer(help="Kibana: import moneytrail's saved objects.", no_args_is_help=True)


@app.callback()
def kibana() -> None:
    """Kibana: import moneytrail's saved objects."""


@app.command("import")
def import_command(
    url: Annotated[
        str, typer.Option("--url", envvar="MONEYTRAIL_KIBANA_URL", help="Kibana base URL.")
    ],
    file: Annotated[
        Path, typer.Option("--file", "-f", help="NDJSON saved objects to import.")
    ] = DEFAULT_SAVED_OBJECTS,
    api_key: Annotated[
        str | None,
        typer.Option("--api-key", envvar="MONEYTRAIL_KIBANA_API_KEY", help="Encoded API key."),
    ] = None,
    username: Annotated[
        str | None, typer.Option("--username", "-u", help="Basic auth user.")
    ] = None,
    password: Annotated[
        str | None,
        typer.Option(
            "--password", envvar="MONEYTRAIL_KIBANA_PASSWORD", help="Basic auth password."
        ),
    ] = None,
    space: Annotated[str | None, typer.Option("--space", help="Kibana space id.")] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite/--no-overwrite", help="Replace objects that exist.")
    ] = True,
    ca_certs: Annotated[
        Path | None, typer.Option("--ca-certs", help="CA bundle to verify Kibana's TLS.")
    ] = None,
    verify_certs: Annotated[
        bool, typer.Option("--verify-certs/--no-verify-certs", help="Verify Kibana's TLS.")
    ] = True,
) -> None:
    """Import data views, the alias/address/phone searches and the overview dashboard."""
    try:
        result = import_saved_objects(
            url,
            file,
            api_key=api_key,
            username=username,
            password=password,
            space=space,
            overwrite=overwrite,
            ca_certs=ca_certs,
            verify_certs=verify_certs,
        )
    except KibanaImportError as exc:
        fail(str(exc), status=1)
    console.print(f"imported {result.imported} saved objects into {url}", highlight=False)
    for name in result.objects:
        console.print(f"  {name}", highlight=False)
