"""Kibana saved objects: the bundled NDJSON is consistent; the import sends what Kibana expects."""

from __future__ import annotations

import base64
import email
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from typer.testing import CliRunner

from moneytrail.commands import kibana_cmd
from moneytrail.kibana import (
    DEFAULT_SAVED_OBJECTS,
    KibanaImportError,
    import_saved_objects,
    read_saved_objects,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "config" / "elasticsearch" / "index_templates"


@dataclass
class RecordedRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeKibana:
    url: str
    requests: list[RecordedRequest] = field(default_factory=list)
    status: int = 200
    answer: object = None


@pytest.fixture
def kibana() -> Iterator[FakeKibana]:
    fake = FakeKibana(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            parts = urlsplit(self.path)
            fake.requests.append(
                RecordedRequest(
                    "POST",
                    parts.path,
                    parse_qs(parts.query),
                    {k.lower(): v for k, v in self.headers.items()},
                    self.rfile.read(length),
                )
            )
            payload = json.dumps(fake.answer).encode()
            self.send_response(fake.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()


def success_answer(path: Path = DEFAULT_SAVED_OBJECTS) -> dict[str, object]:
    objects = read_saved_objects(path)
    return {
        "success": True,
        "successCount": len(objects),
        "successResults": [{"type": o["type"], "id": o["id"]} for o in objects],
    }


def multipart_file(request: RecordedRequest) -> email.message.Message:
    message = email.message_from_bytes(
        b"Content-Type: " + request.headers["content-type"].encode() + b"\r\n\r\n" + request.body
    )
    (part,) = message.get_payload()
    return part


# -- the bundled NDJSON ------------------------------------------------------------------


def saved_objects() -> list[dict]:
    return read_saved_objects(DEFAULT_SAVED_OBJECTS)


def mapped_fields(index: str) -> dict[str, str]:
    """Field path -> type for one index template, sub-fields included."""
    template = json.loads((TEMPLATES / f"{index}.json").read_text())
    fields: dict[str, str] = {}

    def walk(properties: dict, prefix: str) -> None:
        for name, spec in properties.items():
            fields[prefix + name] = spec.get("type", "object")
            for sub, sub_spec in spec.get("fields", {}).items():
                fields[f"{prefix}{name}.{sub}"] = sub_spec["type"]
            walk(spec.get("properties", {}), f"{prefix}{name}.")

    walk(template["template"]["mappings"]["properties"], "")
    return fields


def test_every_line_is_a_saved_object_with_a_unique_id():
    objects = saved_objects()
    keys = [(o["type"], o["id"]) for o in objects]
    assert len(keys) == len(set(keys))
    assert {o["type"] for o in objects} == {"index-pattern", "search", "lens", "dashboard"}
    for obj in objects:
        # 8.0 format: importable by every 8.x and 9.x Kibana, which migrate it up.
        assert obj["coreMigrationVersion"] == "8.0.0"
        assert set(obj["migrationVersion"]) == {obj["type"]}


def test_every_reference_points_at_an_object_in_the_file():
    objects = saved_objects()
    present = {(o["type"], o["id"]) for o in objects}
    for obj in objects:
        names = [r["name"] for r in obj["references"]]
        assert len(names) == len(set(names)), obj["id"]
        for ref in obj["references"]:
            assert (ref["type"], ref["id"]) in present, (obj["id"], ref)


def test_data_views_name_the_indices_and_their_time_fields():
    views = {o["id"]: o["attributes"] for o in saved_objects() if o["type"] == "index-pattern"}
    assert set(views) == {"moneytrail-pages", "moneytrail-mentions", "moneytrail-entities"}
    for view_id, attributes in views.items():
        index = view_id.removeprefix("moneytrail-")
        assert attributes["title"] == f"moneytrail-{index}"
        if "timeFieldName" in attributes:
            assert mapped_fields(index)[attributes["timeFieldName"]] in {"date", "date_nanos"}
    assert views["moneytrail-pages"]["timeFieldName"] == "fetched_at"
    assert views["moneytrail-mentions"]["timeFieldName"] == "fetched_at"


def test_saved_searches_use_their_index_reference_and_mapped_fields():
    searches = {o["attributes"]["title"]: o for o in saved_objects() if o["type"] == "search"}
    assert set(searches) == {"alias lookup", "address lookup", "phone lookup"}
    fields = mapped_fields("mentions")
    for search in searches.values():
        source = json.loads(search["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
        (ref,) = [r for r in search["references"] if r["name"] == source["indexRefName"]]
        assert ref["id"] == "moneytrail-mentions"
        assert all(column in fields for column in search["attributes"]["columns"])
        assert all(sort_field in fields for sort_field, _ in search["attributes"]["sort"])
    assert searches["phone lookup"]["attributes"]["kibanaSavedObjectMeta"][
        "searchSourceJSON"
    ].count('kind : \\"phone\\"')


def test_lens_layers_have_references_and_use_mapped_aggregatable_fields():
    lenses = [o for o in saved_objects() if o["type"] == "lens"]
    assert {o["attributes"]["title"] for o in lenses} == {
        "Mentions over time by kind",
        "Top sites",
        "Top entities",
        "Co-occurrence",
    }
    for lens in lenses:
        refs = {r["name"]: r["id"] for r in lens["references"]}
        layers = lens["attributes"]["state"]["datasourceStates"]["indexpattern"]["layers"]
        for layer_id, layer in layers.items():
            view = refs[f"indexpattern-datasource-layer-{layer_id}"]
            assert view == refs["indexpattern-datasource-current-indexpattern"]
            fields = mapped_fields(view.removeprefix("moneytrail-"))
            assert set(layer["columnOrder"]) == set(layer["columns"])
            for column in layer["columns"].values():
                if column["operationType"] == "count":
                    continue
                # Lens buckets and counts only on keyword/date/number fields, never on text.
                assert fields[column["sourceField"]] in {"keyword", "date_nanos", "integer"}, column
                order_by = column.get("params", {}).get("orderBy", {}).get("columnId")
                assert order_by is None or order_by in layer["columns"]


def test_dashboard_panels_match_their_references():
    (dashboard,) = [o for o in saved_objects() if o["type"] == "dashboard"]
    panels = json.loads(dashboard["attributes"]["panelsJSON"])
    refs = {r["name"]: r for r in dashboard["references"]}
    assert sorted(p["panelRefName"] for p in panels) == sorted(refs)
    titles = {o["id"]: o["attributes"]["title"] for o in saved_objects()}
    assert {titles[refs[p["panelRefName"]]["id"]] for p in panels} == {
        "Mentions over time by kind",
        "Top sites",
        "Top entities",
        "Co-occurrence",
    }
    for panel in panels:
        assert panel["gridData"]["i"] == panel["panelIndex"]
        assert panel["gridData"]["x"] + panel["gridData"]["w"] <= 48


# -- the import request ------------------------------------------------------------------


def test_import_posts_the_file_as_multipart_with_xsrf_header_and_api_key(kibana):
    kibana.answer = success_answer()
    result = import_saved_objects(kibana.url, api_key="c2VjcmV0OmtleQ==")

    (request,) = kibana.requests
    assert request.path == "/api/saved_objects/_import"
    assert request.query == {"overwrite": ["true"]}
    assert request.headers["kbn-xsrf"] == "true"
    assert request.headers["authorization"] == "ApiKey c2VjcmV0OmtleQ=="
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    part = multipart_file(request)
    assert part.get_param("name", header="content-disposition") == "file"
    assert part.get_filename() == "saved_objects.ndjson"
    assert part.get_payload(decode=True) == DEFAULT_SAVED_OBJECTS.read_bytes()
    assert result.imported == len(saved_objects())
    assert "dashboard/moneytrail-overview" in result.objects


def test_import_into_a_space_with_basic_auth_and_without_overwrite(kibana, tmp_path):
    one = tmp_path / "one.ndjson"
    one.write_text(DEFAULT_SAVED_OBJECTS.read_text().splitlines()[0] + "\n")
    kibana.answer = success_answer(one)
    result = import_saved_objects(
        kibana.url + "/", one, username="analyst", password="pw", space="cases", overwrite=False
    )
    (request,) = kibana.requests
    assert request.path == "/s/cases/api/saved_objects/_import"
    assert request.query == {"overwrite": ["false"]}
    assert request.headers["authorization"] == "Basic " + base64.b64encode(b"analyst:pw").decode()
    assert result.imported == 1


def test_partial_import_names_each_failed_object(kibana):
    kibana.answer = {
        "success": False,
        "successCount": 9,
        "errors": [
            {
                "id": "moneytrail-overview",
                "type": "dashboard",
                "error": {
                    "type": "missing_references",
                    "references": [{"type": "lens", "id": "moneytrail-top-sites"}],
                },
            },
            {
                "id": "moneytrail-pages",
                "type": "index-pattern",
                "error": {"type": "unknown", "message": "bad attributes"},
            },
        ],
    }
    with pytest.raises(KibanaImportError) as caught:
        import_saved_objects(kibana.url)
    message = str(caught.value)
    assert "dashboard/moneytrail-overview (missing references lens/moneytrail-top-sites)" in message
    assert "index-pattern/moneytrail-pages (unknown: bad attributes)" in message


def test_http_error_reports_status_and_kibana_message(kibana):
    kibana.status = 401
    kibana.answer = {"statusCode": 401, "error": "Unauthorized", "message": "missing credentials"}
    with pytest.raises(KibanaImportError, match=r"\(401 Unauthorized\): missing credentials"):
        import_saved_objects(kibana.url)


def test_non_import_answer_is_an_error(kibana):
    kibana.answer = ["not", "an", "import", "result"]
    with pytest.raises(KibanaImportError, match="not an import result"):
        import_saved_objects(kibana.url)


def test_unreachable_kibana_is_a_clear_error():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(KibanaImportError, match=f"cannot reach Kibana at http://127.0.0.1:{port}"):
        import_saved_objects(f"http://127.0.0.1:{port}", timeout=5)


def test_bad_file_is_refused_before_anything_is_sent(kibana, tmp_path):
    bad = tmp_path / "bad.ndjson"
    bad.write_text('{"type":"index-pattern","id":"x","attributes":{}}\n{oops\n')
    with pytest.raises(KibanaImportError, match=r"bad\.ndjson line 2: not JSON"):
        import_saved_objects(kibana.url, bad)
    empty = tmp_path / "empty.ndjson"
    empty.write_text("\n")
    with pytest.raises(KibanaImportError, match="no saved objects"):
        import_saved_objects(kibana.url, empty)
    with pytest.raises(KibanaImportError, match="cannot read"):
        import_saved_objects(kibana.url, tmp_path / "missing.ndjson")
    not_object = tmp_path / "list.ndjson"
    not_object.write_text("[1, 2]\n")
    with pytest.raises(KibanaImportError, match="line 1: not a saved object"):
        import_saved_objects(kibana.url, not_object)
    assert kibana.requests == []


def test_conflicting_or_incomplete_credentials_are_refused(kibana):
    with pytest.raises(KibanaImportError, match="not both"):
        import_saved_objects(kibana.url, api_key="k", username="u", password="p")
    with pytest.raises(KibanaImportError, match="both a username and a password"):
        import_saved_objects(kibana.url, username="u")
    assert kibana.requests == []


def test_cli_import_prints_what_was_imported(kibana):
    kibana.answer = success_answer()
    result = CliRunner().invoke(
        kibana_cmd.app, ["import", "--url", kibana.url, "--username", "u", "--password", "p"]
    )
    assert result.exit_code == 0, result.output
    assert f"imported {len(saved_objects())} saved objects" in result.output
    assert "dashboard/moneytrail-overview" in result.output


def test_cli_import_failure_exits_1_with_the_reason(kibana):
    kibana.status = 403
    kibana.answer = {"message": "forbidden for this user"}
    result = CliRunner().invoke(kibana_cmd.app, ["import", "--url", kibana.url])
    assert result.exit_code == 1
    assert "forbidden for this user" in result.output
