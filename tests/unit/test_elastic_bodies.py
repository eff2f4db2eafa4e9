"""Elasticsearch templates and request bodies, checked exactly and without a server."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from index import elastic_bodies as bodies
from index.elastic_bodies import IndexNames, StoredPage
from index.model import Mention, Page, WriteOutcome

NAMES = IndexNames.for_prefix("mt")
T0 = datetime(2025, 5, 1, 8, 30, 15, 123456, tzinfo=UTC)
T1 = T0 + timedelta(days=1)
TEXT = "vendor DarkLord takes bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq or call +15125550123"


def page(text: str = TEXT, sha256: str = "a" * 64, fetched_at: datetime = T0, **kw) -> Page:
    defaults = dict(
        url="http://shop.onion/item/1",
        site="shop.onion",
        title="Item 1",
        text=text,
        lang="en",
        status=200,
        fetched_at=fetched_at,
        sha256=sha256,
        crawl_run="run-7",
        via="tor",
        fields={"vendor": "DarkLord"},
    )
    return Page(**{**defaults, **kw})


def mention(kind: str, value: str, raw: str, text: str = TEXT, at: datetime = T0) -> Mention:
    start = text.index(raw)
    return Mention(
        kind=kind,
        value=value,
        raw=raw,
        start=start,
        end=start + len(raw),
        context=text,
        extractor="test",
        confidence=0.9,
        url="http://shop.onion/item/1",
        site="shop.onion",
        fetched_at=at,
    )


BTC = mention(
    "btc",
    "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
)
PHONE = mention("phone", "+15125550123", "+15125550123")
ALIAS = mention("alias", "DarkLord", "DarkLord")


# -- templates ---------------------------------------------------------------------------

TEMPLATES = bodies.load_templates("mt")
BUILTIN_TOKEN_FILTERS = {"lowercase", "asciifolding"}
BUILTIN_TOKENIZERS = {"standard", "keyword"}
BUILTIN_ANALYZERS = {"standard", "keyword"}


def analysis() -> dict:
    return TEMPLATES.component["mt-analysis"]["template"]["settings"]["index"]["analysis"]


def mapped_fields(index: str) -> dict[str, dict]:
    fields: dict[str, dict] = {}

    def walk(properties: dict, prefix: str) -> None:
        for name, spec in properties.items():
            fields[prefix + name] = spec
            for sub, sub_spec in spec.get("fields", {}).items():
                fields[f"{prefix}{name}.{sub}"] = sub_spec
            walk(spec.get("properties", {}), f"{prefix}{name}.")

    walk(TEMPLATES.mappings(index)["properties"], "")
    return fields


def test_template_files_are_valid_json_with_the_prefix_filled_in():
    directory = bodies.TEMPLATES_DIR
    files = sorted(directory.glob("*/*.json"))
    assert [f.relative_to(directory).as_posix() for f in files] == [
        "component_templates/analysis.json",
        "component_templates/settings.json",
        "index_templates/entities.json",
        "index_templates/mentions.json",
        "index_templates/pages.json",
    ]
    for path in files:
        json.loads(path.read_text())
    rendered = json.dumps([TEMPLATES.component, TEMPLATES.index])
    assert "${prefix}" not in rendered
    assert set(TEMPLATES.component) == {"mt-settings", "mt-analysis"}
    assert set(TEMPLATES.index) == {"mt-pages", "mt-mentions", "mt-entities"}
    for name, template in TEMPLATES.index.items():
        assert template["index_patterns"] == [name]
        assert template["composed_of"] == ["mt-settings", "mt-analysis"]
        assert template["template"]["mappings"]["dynamic"] == "strict"


def test_unreadable_template_is_a_clear_error(tmp_path):
    (tmp_path / "component_templates").mkdir()
    (tmp_path / "index_templates").mkdir()
    (tmp_path / "index_templates" / "pages.json").write_text("{not json")
    with pytest.raises(ValueError, match=r"pages\.json: cannot read index template"):
        bodies.load_templates("mt", tmp_path)


def test_analyzers_normalizers_and_filters_used_by_mappings_are_defined():
    defined = analysis()
    analyzers = set(defined["analyzer"]) | BUILTIN_ANALYZERS
    for index in NAMES.all():
        for path, spec in mapped_fields(index).items():
            for key in ("analyzer", "search_analyzer"):
                if key in spec:
                    assert spec[key] in analyzers, (index, path, spec[key])
            if "normalizer" in spec:
                assert spec["normalizer"] in defined["normalizer"], (index, path)
    for analyzer in defined["analyzer"].values():
        assert analyzer["tokenizer"] in BUILTIN_TOKENIZERS
        for token_filter in analyzer.get("filter", []):
            assert token_filter in BUILTIN_TOKEN_FILTERS | set(defined["filter"])
    assert defined["normalizer"]["folding"]["filter"] == ["lowercase", "asciifolding"]
    assert defined["filter"]["alias_edge_ngram"]["type"] == "edge_ngram"


def test_exact_lookups_and_aggregations_use_keyword_fields_and_times_keep_microseconds():
    for index, field_name in [
        (NAMES.entities, "value"),
        (NAMES.entities, "kind"),
        (NAMES.entities, "alias_folded"),
        (NAMES.mentions, "value"),
        (NAMES.mentions, "entity"),
        (NAMES.pages, "entities"),
        (NAMES.pages, "non_alias_entities"),
        (NAMES.pages, "site"),
        (NAMES.pages, "url"),
    ]:
        assert mapped_fields(index)[field_name]["type"] == "keyword", (index, field_name)
    assert mapped_fields(NAMES.entities)["value.folded"]["normalizer"] == "folding"
    for index, field_name in [
        (NAMES.pages, "fetched_at"),
        (NAMES.mentions, "fetched_at"),
        (NAMES.mentions, "first_seen"),
        (NAMES.entities, "first_seen"),
        (NAMES.entities, "last_seen"),
    ]:
        assert mapped_fields(index)[field_name]["type"] == "date_nanos"
    assert mapped_fields(NAMES.pages)["text"]["type"] == "text"
    assert mapped_fields(NAMES.entities)["alias"]["analyzer"] == "alias_words_prefix"


# -- field names in bodies against the mappings ------------------------------------------

SPECIAL = {"_score", "_key", "_count"}


def referenced_fields(node: object) -> set[str]:
    """Every field name a query/aggregation body refers to."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            is_query = key in ("term", "terms", "fuzzy") and "field" not in value
            if is_query:
                found |= set(value)
            elif key == "field" and isinstance(value, str):
                found.add(value)
            elif key == "fields" and isinstance(value, list):
                found |= {f.split("^")[0] for f in value}
            elif key == "sort":
                found |= {name for entry in value for name in entry} - SPECIAL
            elif key == "_source":
                found |= set(value["includes"] if isinstance(value, dict) else value)
            elif key == "highlight":
                found |= set(value["fields"])
            elif key == "exists":
                found.add(value["field"])
            if not is_query and key != "_source":
                found |= referenced_fields(value)
    elif isinstance(node, list):
        for item in node:
            found |= referenced_fields(item)
    return found


QUERIES = [
    (NAMES.entities, bodies.lookup_query("x", "btc", 5)),
    (NAMES.entities, bodies.alias_candidates_query("DarkLord")),
    (NAMES.entities, bodies.kinds_query()),
    (NAMES.pages, bodies.text_query("pay now", 5)),
    (NAMES.pages, bodies.evidence_pages_query("btc:x", 5)),
    (NAMES.pages, bodies.cooccurrence_query("btc:x", 5)),
    (NAMES.pages, bodies.most_connected_query(5)),
    (NAMES.pages, bodies.sites_query()),
    (NAMES.pages, bodies.entity_pages_aggregation(["btc:x"])),
    (NAMES.mentions, bodies.evidence_mentions_query("btc:x", ["http://a/"], 5)),
    (NAMES.mentions, bodies.entity_mentions_aggregation(["btc:x"])),
]


@pytest.mark.parametrize(("index", "body"), QUERIES)
def test_every_field_a_query_uses_is_mapped(index, body):
    fields = referenced_fields(body)
    assert fields, body
    assert fields <= set(mapped_fields(index)), fields - set(mapped_fields(index))


def test_documents_only_carry_mapped_fields():
    # The mappings are strict: an unmapped field would make Elasticsearch refuse the doc.
    plan = bodies.plan_page_write(NAMES, page(), [BTC, PHONE, ALIAS], None)
    assert set(plan.page["_source"]) == set(TEMPLATES.mappings(NAMES.pages)["properties"])
    for action in plan.content:
        assert set(action["_source"]) == set(TEMPLATES.mappings(NAMES.mentions)["properties"])
    entity_properties = set(TEMPLATES.mappings(NAMES.entities)["properties"])
    for action in bodies.entity_actions(NAMES, ["alias:DarkLord"], *aggregation_answers()):
        assert set(action["_source"]) == entity_properties


# -- ids ---------------------------------------------------------------------------------


def test_ids_are_sha1_of_the_documented_keys():
    def sha1(text: str) -> str:
        return hashlib.sha1(text.encode()).hexdigest()

    assert bodies.page_id("http://a/1") == sha1("http://a/1")
    assert bodies.mention_id("http://a/1", "btc", "1Abc", 3, 7) == sha1("http://a/1|btc|1Abc|3|7")
    assert bodies.entity_id("alias", "Dárk") == sha1("alias|Dárk")
    assert bodies.split_entity_key(bodies.entity_key("bch", "bitcoincash:qq")) == (
        "bch",
        "bitcoincash:qq",
    )


def test_times_are_written_as_utc_with_microseconds_and_naive_ones_refused():
    paris = datetime(2025, 5, 1, 10, 30, 15, 123456, tzinfo=UTC).astimezone(
        ZoneInfo("Europe/Paris")
    )
    assert bodies.to_iso(paris) == "2025-05-01T10:30:15.123456+00:00"
    assert bodies.to_iso(datetime(2025, 5, 1, tzinfo=UTC)) == "2025-05-01T00:00:00.000000+00:00"
    assert bodies.from_iso("2025-05-01T10:30:15.123456+00:00") == datetime(
        2025, 5, 1, 10, 30, 15, 123456, tzinfo=UTC
    )
    with pytest.raises(ValueError, match="no timezone"):
        bodies.to_iso(datetime(2025, 5, 1))


# -- page writes -------------------------------------------------------------------------


def test_new_page_indexes_mentions_then_the_page():
    plan = bodies.plan_page_write(NAMES, page(), [BTC, ALIAS], None)
    assert plan.outcome is WriteOutcome.NEW
    btc_id = bodies.mention_id(BTC.url, "btc", BTC.value, BTC.start, BTC.end)
    alias_id = bodies.mention_id(ALIAS.url, "alias", "DarkLord", ALIAS.start, ALIAS.end)
    assert plan.content == (
        {
            "_op_type": "index",
            "_index": "mt-mentions",
            "_id": btc_id,
            "_source": {
                "kind": "btc",
                "value": BTC.value,
                "entity": f"btc:{BTC.value}",
                "raw": BTC.raw,
                "start": BTC.start,
                "end": BTC.end,
                "context": TEXT,
                "extractor": "test",
                "confidence": 0.9,
                "url": "http://shop.onion/item/1",
                "site": "shop.onion",
                "fetched_at": "2025-05-01T08:30:15.123456+00:00",
                "first_seen": "2025-05-01T08:30:15.123456+00:00",
                "sha256": "a" * 64,
            },
        },
        {
            "_op_type": "index",
            "_index": "mt-mentions",
            "_id": alias_id,
            "_source": {
                **plan.content[1]["_source"],
                "kind": "alias",
                "value": "DarkLord",
                "entity": "alias:DarkLord",
            },
        },
    )
    assert plan.page == {
        "_op_type": "index",
        "_index": "mt-pages",
        "_id": bodies.page_id("http://shop.onion/item/1"),
        "_source": {
            "url": "http://shop.onion/item/1",
            "site": "shop.onion",
            "title": "Item 1",
            "text": TEXT,
            "lang": "en",
            "status": 200,
            "fetched_at": "2025-05-01T08:30:15.123456+00:00",
            "sha256": "a" * 64,
            "crawl_run": "run-7",
            "via": "tor",
            "fields": {"vendor": "DarkLord"},
            "entities": ["alias:DarkLord", f"btc:{BTC.value}"],
            "non_alias_entities": [f"btc:{BTC.value}"],
            "entities_removed": [],
            "page_entities": [
                {"entity": "alias:DarkLord", "first_seen": "2025-05-01T08:30:15.123456+00:00"},
                {"entity": f"btc:{BTC.value}", "first_seen": "2025-05-01T08:30:15.123456+00:00"},
            ],
            "mention_ids": sorted([btc_id, alias_id]),
        },
    }
    assert plan.touched == {"alias:DarkLord", f"btc:{BTC.value}"}


def stored_after(plan: bodies.PageWrite) -> StoredPage:
    return bodies.stored_page_from_source(plan.page["_source"])


def test_changed_page_deletes_stale_mentions_and_keeps_first_seen_of_entities_still_there():
    first = bodies.plan_page_write(NAMES, page(), [BTC, ALIAS], None)
    new_text = "now only +15125550123 and bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
    btc_moved = mention("btc", BTC.value, BTC.raw, new_text, T1)
    phone = mention("phone", PHONE.value, PHONE.raw, new_text, T1)
    plan = bodies.plan_page_write(
        NAMES, page(new_text, "b" * 64, T1), [btc_moved, phone], stored_after(first)
    )
    assert plan.outcome is WriteOutcome.CHANGED
    old_ids = stored_after(first).mention_ids
    deletes = [a for a in plan.content if a["_op_type"] == "delete"]
    assert deletes == [
        {"_op_type": "delete", "_index": "mt-mentions", "_id": i} for i in sorted(old_ids)
    ]
    assert plan.content[: len(deletes)] == tuple(deletes)  # deletes go before the new mentions
    indexed = {
        a["_source"]["entity"]: a["_source"] for a in plan.content if a["_op_type"] == "index"
    }
    assert indexed[f"btc:{BTC.value}"]["first_seen"] == bodies.to_iso(T0)
    assert indexed[f"btc:{BTC.value}"]["fetched_at"] == bodies.to_iso(T1)
    assert indexed["phone:+15125550123"]["first_seen"] == bodies.to_iso(T1)
    source = plan.page["_source"]
    assert source["entities_removed"] == ["alias:DarkLord"]
    assert source["page_entities"] == [
        {"entity": f"btc:{BTC.value}", "first_seen": bodies.to_iso(T0)},
        {"entity": "phone:+15125550123", "first_seen": bodies.to_iso(T1)},
    ]
    assert plan.touched == {"alias:DarkLord", f"btc:{BTC.value}", "phone:+15125550123"}


def test_changed_page_keeps_mentions_whose_id_did_not_change():
    first = bodies.plan_page_write(NAMES, page(), [BTC, ALIAS], None)
    plan = bodies.plan_page_write(
        NAMES, page(sha256="c" * 64, fetched_at=T1), [BTC], stored_after(first)
    )
    deleted = [a["_id"] for a in plan.content if a["_op_type"] == "delete"]
    assert deleted == [bodies.mention_id(ALIAS.url, "alias", "DarkLord", ALIAS.start, ALIAS.end)]


def test_unchanged_page_only_moves_fetch_fields_forward():
    first = bodies.plan_page_write(NAMES, page(), [BTC, ALIAS], None)
    later = bodies.plan_page_write(
        NAMES,
        page(fetched_at=T1, status=203, crawl_run="run-8", via="direct"),
        [],
        stored_after(first),
    )
    assert later.outcome is WriteOutcome.UNCHANGED
    assert later.content == ()
    assert later.page == {
        "_op_type": "update",
        "_index": "mt-pages",
        "_id": bodies.page_id("http://shop.onion/item/1"),
        "doc": {
            "fetched_at": bodies.to_iso(T1),
            "status": 203,
            "crawl_run": "run-8",
            "via": "direct",
        },
    }
    assert later.touched == {"alias:DarkLord", f"btc:{BTC.value}"}
    earlier = bodies.plan_page_write(
        NAMES, page(fetched_at=T0 - timedelta(hours=1)), [], stored_after(first)
    )
    assert earlier.outcome is WriteOutcome.UNCHANGED
    assert earlier.page is None  # a late, older fetch changes nothing


def test_unchanged_page_also_recomputes_entities_its_last_change_removed():
    first = bodies.plan_page_write(NAMES, page(), [BTC, ALIAS], None)
    changed = bodies.plan_page_write(
        NAMES, page(sha256="c" * 64, fetched_at=T1), [BTC], stored_after(first)
    )
    again = bodies.plan_page_write(
        NAMES, page(sha256="c" * 64, fetched_at=T1), [], stored_after(changed)
    )
    assert again.touched == {"alias:DarkLord", f"btc:{BTC.value}"}


def test_contradicting_mentions_are_refused_like_sqlite():
    other_url = Mention(**{**mention_fields(BTC), "url": "http://elsewhere/"})
    with pytest.raises(
        ValueError, match=r"is for http://elsewhere/, not http://shop\.onion/item/1"
    ):
        bodies.validate(page(), [other_url])
    outside = Mention(**{**mention_fields(BTC), "end": len(TEXT) + 1})
    with pytest.raises(ValueError, match="outside the page text"):
        bodies.validate(page(), [outside])
    with pytest.raises(ValueError, match="no timezone"):
        bodies.validate(page(fetched_at=datetime(2025, 1, 1)), [])


def mention_fields(m: Mention) -> dict:
    return {name: getattr(m, name) for name in Mention.__slots__}


# -- entity aggregates -------------------------------------------------------------------


def aggregation_answers() -> tuple[dict, dict]:
    def top(field: str, value: str) -> dict:
        return {"hits": {"hits": [{"_source": {field: value}}]}}

    pages = {
        "aggregations": {
            "entity": {
                "buckets": [
                    {
                        "key": "alias:DarkLord",
                        "doc_count": 3,
                        "last_seen": top("fetched_at", "2025-05-03T00:00:00.000001+00:00"),
                        "sites": {
                            "buckets": [
                                {"key": "a.onion", "doc_count": 2},
                                {"key": "b.onion", "doc_count": 1},
                            ]
                        },
                    }
                ]
            }
        }
    }
    mentions = {
        "aggregations": {
            "entity": {
                "buckets": [
                    {
                        "key": "alias:DarkLord",
                        "doc_count": 5,
                        "first_seen": top("first_seen", "2025-05-01T00:00:00.000001+00:00"),
                    }
                ]
            }
        }
    }
    return pages, mentions


def test_entity_aggregation_requests():
    keys = ["alias:DarkLord", "btc:1A"]
    assert bodies.entity_pages_aggregation(keys) == {
        "size": 0,
        "query": {"terms": {"entities": keys}},
        "aggs": {
            "entity": {
                "terms": {"field": "entities", "include": keys, "size": 2},
                "aggs": {
                    "last_seen": {
                        "top_hits": {
                            "size": 1,
                            "sort": [{"fetched_at": {"order": "desc"}}],
                            "_source": {"includes": ["fetched_at"]},
                        }
                    },
                    "sites": {"terms": {"field": "site", "size": 10_000, "order": {"_key": "asc"}}},
                },
            }
        },
    }
    assert bodies.entity_mentions_aggregation(keys)["aggs"]["entity"] == {
        "terms": {"field": "entity", "include": keys, "size": 2},
        "aggs": {
            "first_seen": {
                "top_hits": {
                    "size": 1,
                    "sort": [{"first_seen": {"order": "asc"}}],
                    "_source": {"includes": ["first_seen"]},
                }
            }
        },
    }


def test_entity_actions_index_aggregates_and_delete_vanished_entities():
    actions = bodies.entity_actions(NAMES, ["btc:1Gone", "alias:DarkLord"], *aggregation_answers())
    assert actions == [
        {
            "_op_type": "index",
            "_index": "mt-entities",
            "_id": bodies.entity_id("alias", "DarkLord"),
            "_source": {
                "kind": "alias",
                "value": "DarkLord",
                "entity": "alias:DarkLord",
                "first_seen": "2025-05-01T00:00:00.000001+00:00",
                "last_seen": "2025-05-03T00:00:00.000001+00:00",
                "sites": ["a.onion", "b.onion"],
                "page_count": 3,
                "mention_count": 5,
                "alias": "DarkLord",
                "alias_folded": "darkiord",
            },
        },
        {"_op_type": "delete", "_index": "mt-entities", "_id": bodies.entity_id("btc", "1Gone")},
    ]


# -- searches ----------------------------------------------------------------------------


def test_lookup_query():
    assert bodies.lookup_query("+15125550123", "phone", 7) == {
        "size": 7,
        "query": {
            "bool": {"filter": [{"term": {"value": "+15125550123"}}, {"term": {"kind": "phone"}}]}
        },
        "sort": [{"page_count": {"order": "desc"}}, {"kind": {"order": "asc"}}],
        "_source": [
            "kind",
            "value",
            "first_seen",
            "last_seen",
            "sites",
            "page_count",
            "mention_count",
        ],
    }
    assert bodies.lookup_query("x", None, 1)["query"] == {
        "bool": {"filter": [{"term": {"value": "x"}}]}
    }


def test_alias_query_folds_and_uses_the_shared_typo_budget():
    body = bodies.alias_candidates_query("D4rk_L0rd")
    assert body["query"]["bool"] == {
        "filter": [{"term": {"kind": "alias"}}],
        "should": [
            {"term": {"alias_folded": "darkiord"}},
            {
                "fuzzy": {
                    "alias_folded": {
                        "value": "darkiord",
                        "fuzziness": 2,
                        "transpositions": True,
                        "prefix_length": 0,
                        "max_expansions": 1000,
                    }
                }
            },
        ],
        "minimum_should_match": 1,
    }
    assert body["size"] == 5000
    assert "alias_folded" in body["_source"]
    short = bodies.alias_candidates_query("Jo")["query"]["bool"]["should"]
    assert short == [{"term": {"alias_folded": "jo"}}]  # no typos allowed on 2 letters
    mid = bodies.alias_candidates_query("Bobby")["query"]["bool"]["should"][1]
    assert mid["fuzzy"]["alias_folded"]["fuzziness"] == 1
    assert bodies.alias_candidates_query("__ --") is None


def test_text_query_requires_every_word_as_a_phrase_and_highlights_with_sqlite_marks():
    body = bodies.text_query("  bc1q-abc   escrow ", 9)
    assert body["size"] == 9
    assert body["query"] == {
        "bool": {
            "must": [
                {
                    "multi_match": {
                        "query": "bc1q-abc",
                        "type": "phrase",
                        "fields": ["title^3", "text"],
                    }
                },
                {
                    "multi_match": {
                        "query": "escrow",
                        "type": "phrase",
                        "fields": ["title^3", "text"],
                    }
                },
            ]
        }
    }
    assert body["sort"] == [{"_score": {"order": "desc"}}, {"url": {"order": "asc"}}]
    assert body["highlight"]["pre_tags"] == ["«"] and body["highlight"]["post_tags"] == ["»"]
    assert body["highlight"]["max_analyzed_offset"] < 1_000_000
    assert bodies.text_query("   ", 5) is None


def test_snippet_prefers_a_highlighted_text_fragment():
    assert (
        bodies.snippet_from_hit({"highlight": {"text": ["pay  «escrow»\nnow"]}})
        == "pay «escrow» now"
    )
    title_only = {"highlight": {"text": ["start of the text"], "title": ["«Escrow» shop"]}}
    assert bodies.snippet_from_hit(title_only) == "«Escrow» shop"
    assert bodies.snippet_from_hit({}) == ""


def test_evidence_queries_follow_sqlite_order():
    assert bodies.evidence_pages_query("btc:1A", 3) == {
        "size": 3,
        "query": {"term": {"entities": "btc:1A"}},
        "sort": [{"fetched_at": {"order": "desc"}}, {"url": {"order": "asc"}}],
        "_source": ["url", "site", "fetched_at", "sha256"],
    }
    body = bodies.evidence_mentions_query("btc:1A", ["http://a/", "http://b/"], 3)
    assert body["size"] == 6
    assert body["query"] == {
        "bool": {
            "filter": [
                {"term": {"entity": "btc:1A"}},
                {"terms": {"url": ["http://a/", "http://b/"]}},
            ]
        }
    }
    assert body["sort"] == [
        {"url": {"order": "asc"}},
        {"start": {"order": "asc"}},
        {"end": {"order": "asc"}},
    ]
    many = bodies.evidence_mentions_query("btc:1A", [f"http://{n}/" for n in range(500)], 100)
    assert many["size"] == 10_000


def test_cooccurrence_and_most_connected_aggregations():
    assert bodies.cooccurrence_query("btc:1A", 4) == {
        "size": 0,
        "query": {"term": {"entities": "btc:1A"}},
        "aggs": {
            "cooccurring": {
                "terms": {
                    "field": "entities",
                    "exclude": ["btc:1A"],
                    "size": 4,
                    "order": [{"_count": "desc"}, {"_key": "asc"}],
                }
            }
        },
    }
    body = bodies.most_connected_query(3)
    assert body["aggs"]["entity"]["terms"] == {
        "field": "non_alias_entities",
        "size": 3,
        "order": [{"links": "desc"}, {"_count": "desc"}, {"_key": "asc"}],
    }
    assert body["aggs"]["entity"]["aggs"]["links"]["cardinality"]["field"] == "non_alias_entities"


def test_stats_queries():
    assert bodies.kinds_query()["aggs"]["kind"]["aggs"] == {
        "mentions": {"sum": {"field": "mention_count"}}
    }
    assert bodies.sites_query()["aggs"]["sites"]["composite"] == {
        "size": 1000,
        "sources": [{"site": {"terms": {"field": "site"}}}],
    }
    assert bodies.sites_query({"site": "m.onion"})["aggs"]["sites"]["composite"]["after"] == {
        "site": "m.onion"
    }


def test_template_dir_default_is_the_repository_config():
    expected = Path(__file__).resolve().parents[2] / "config" / "elasticsearch"
    assert expected == bodies.TEMPLATES_DIR
