"""Install moneytrail's Kibana data views, saved searches and dashboard.

Uses Kibana's saved objects import API (POST /api/saved_objects/_import, multipart with
one ``file`` part, ``kbn-xsrf`` header). The bundled objects are written in the 8.0 format
(``coreMigrationVersion`` 8.0.0) so that every 8.x and 9.x Kibana migrates them up on import.
"""

from __future__ import annotations

import json
import ssl
from dataclasses import dataclass
from pathlib import Path

import httpx2 as httpx

DEFAULT_SAVED_OBJECTS = (
    Path(__file__).resolve().parents[1] / "config" / "kibana" / "saved_objects.ndjson"
)


class KibanaImportError(Exception):
    """The saved objects could not be imported; the message says which and why."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    imported: int
    objects: tuple[str, ...]  # "type/id" of every object Kibana reported as imported


def read_saved_objects(ndjson_path: Path) -> list[dict[str, object]]:
    """Parse and sanity-check an NDJSON export before sending it."""
    try:
        text = Path(ndjson_path).read_text(encoding="utf-8")
    except OSError as exc:
        raise KibanaImportError(f"{ndjson_path}: cannot read: {exc}") from None
    objects = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KibanaImportError(f"{ndjson_path} line {number}: not JSON: {exc}") from None
        if not isinstance(obj, dict) or not obj.get("type") or not obj.get("id"):
            raise KibanaImportError(f"{ndjson_path} line {number}: not a saved object (type, id)")
        objects.append(obj)
    if not objects:
        raise KibanaImportError(f"{ndjson_path}: no saved objects in the file")
    return objects


def import_saved_objects(
    kibana_url: str,
    ndjson_path: Path = DEFAULT_SAVED_OBJECTS,
    *,
    api_key: str | None = None,
    username: str | None = None,
    password: str | None = None,
    space: str | None = None,
    overwrite: bool = True,
    ca_certs: Path | None = None,
    verify_certs: bool = True,
    timeout: float = 60.0,
) -> ImportResult:
    """POST the NDJSON file to Kibana; raise KibanaImportError unless every object imported."""
    if api_key and (username or password):
        raise KibanaImportError("give either an API key or a username/password, not both")
    if (username is None) != (password is None):
        raise KibanaImportError("basic authentication needs both a username and a password")
    ndjson_path = Path(ndjson_path)
    read_saved_objects(ndjson_path)

    base = kibana_url.rstrip("/")
    path = f"/s/{space}/api/saved_objects/_import" if space else "/api/saved_objects/_import"
    headers = {"kbn-xsrf": "true"}
    if api_key:
        headers["Authorization"] = f"ApiKey {api_key}"
    auth = httpx.BasicAuth(username, password) if username is not None else None

    try:
        with httpx.Client(verify=_tls(ca_certs, verify_certs), timeout=timeout) as client:
            response = client.post(
                base + path,
                params={"overwrite": "true" if overwrite else "false"},
                headers=headers,
                auth=auth,
                files={"file": (ndjson_path.name, ndjson_path.read_bytes(), "application/ndjson")},
            )
    except httpx.HTTPError as exc:
        raise KibanaImportError(f"cannot reach Kibana at {base}: {exc}") from None

    body = _json_or_none(response)
    if response.status_code != 200:
        reason = (body or {}).get("message") if isinstance(body, dict) else None
        raise KibanaImportError(
            f"Kibana refused the import ({response.status_code} {response.reason_phrase}): "
            f"{reason or response.text[:500] or 'no details'}"
        )
    if not isinstance(body, dict) or "success" not in body:
        raise KibanaImportError(
            f"Kibana answered something that is not an import result: {response.text[:500]}"
        )
    if not body["success"]:
        raise KibanaImportError(
            "Kibana imported only part of the objects: " + _describe_errors(body)
        )
    imported = tuple(
        f"{result.get('type')}/{result.get('id')}" for result in body.get("successResults", [])
    )
    return ImportResult(imported=int(body.get("successCount", len(imported))), objects=imported)


def _tls(ca_certs: Path | None, verify_certs: bool) -> ssl.SSLContext | bool:
    if not verify_certs:
        return False
    if ca_certs is None:
        return True
    try:
        return ssl.create_default_context(cafile=str(ca_certs))
    except (OSError, ssl.SSLError) as exc:
        raise KibanaImportError(f"{ca_certs}: cannot load CA certificates: {exc}") from None


def _json_or_none(response: httpx.Response) -> object:
    try:
        return response.json()
    except ValueError:
        return None


def _describe_errors(body: dict[str, object]) -> str:
    errors = body.get("errors")
    if not isinstance(errors, list) or not errors:
        return "no error details given"
    parts = []
    for error in errors:
        if not isinstance(error, dict):
            continue
        detail = error.get("error") if isinstance(error.get("error"), dict) else {}
        reason = detail.get("type", "error")
        if reason == "missing_references":
            missing = ", ".join(
                f"{r.get('type')}/{r.get('id')}" for r in detail.get("references", [])
            )
            reason = f"missing references {missing}"
        elif detail.get("message"):
            reason = f"{reason}: {detail['message']}"
        parts.append(f"{error.get('type')}/{error.get('id')} ({reason})")
    return "; ".join(parts)
