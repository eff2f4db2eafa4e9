"""Handles recognised by their shape, with no cue phrase (extractors/aliases/handles.py)."""

from __future__ import annotations

import pytest

from extractors.aliases import find
from extractors.aliases.handles import CONFIDENCE, find_handle_shapes
from extractors.base import ExtractOptions
from extractors.registry import extract
from tests.linear_time import growth_ratio, limit


def shapes(text: str) -> list[str]:
    return [candidate.value for candidate in find_handle_shapes(text)]


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("I ordered from KrautKing twice, both arrived.", "KrautKing"),
        ("anyone tried SilkyRoads new batch?", "SilkyRoads"),
        ("got scammed by ghost_rider77 last week", "ghost_rider77"),
        ("The admin (Hydra_Admin) said Monday.", "Hydra_Admin"),
        ("Stick with Dr.Feelgood imo", "Dr.Feelgood"),
        ("Went with Ms.Molly instead, legit.", "Ms.Molly"),
        ("[VENDOR] TheCandyman | Trust level 4", "TheCandyman"),
        ("GreenGoblin420 ships fast", "GreenGoblin420"),
        ("Quote from: blueberry_kush on March 03", "blueberry_kush"),
        ("Lurker99 — how long till first pay?", "Lurker99"),
        ("same number again, houstonguy77 was right", "houstonguy77"),
    ],
)
def test_handles_written_anywhere_are_aliases(text: str, handle: str) -> None:
    assert shapes(text) == [handle]
    [match] = [m for m in find(text, ExtractOptions()) if m.value == handle]
    assert match.raw == handle == text[match.start : match.end]


def test_a_shape_alone_is_weaker_evidence_than_a_cue() -> None:
    [match] = find("is KrautKing still active?", ExtractOptions())
    assert (match.value, match.extractor) == ("KrautKing", "aliases.handle_shape")
    assert match.confidence == CONFIDENCE < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "WhatsApp me or pay with PayPal, CashApp or ApplePay",  # brands
        "AlphaBay and WallStreet are gone, DarkFox too",  # markets
        "Meet me in McAllen or DeKalb, or LaGrange",  # places with name prefixes
        "run some_function() then open tor_browser.exe",  # code and files
        "vendor_id,vendor_name,btc_payout",  # a table's column names
        "set MAX_SIZE in the config",  # a constant
        "visit www.KrautKing.com or /u/ghost_rider/posts",  # hosts and paths
        "#ThrowbackThursday with my iPhone and eBay",  # hashtag, lower-case brands
        "It ended.NextDay we shipped",  # a sentence typed without a space
        "mQINBFkLxLnFineGFdjM+8sjX6nmg3OOARrAWqvEgorBgEEAZdVAQUBAQdAaczC74qA",  # base64
        "KakaoTalk / WeChat ID given by phone, no PayID",  # messengers and payments
        "Bought on CypherBay, cashed out via FastSwap at CardingMart2",  # made-up markets
        "sha256 and rsa2048 keys, paid in USDT trc20 or erc20",  # algorithms, standards
        "Gelato41 is back, Area51 too; runs on Android12",  # strains, places, products
        "COVID19 rules, 2 mg200 tabs, PS5 for sale",  # shouted, units, too short
    ],
)
def test_what_only_looks_like_a_handle(text: str) -> None:
    assert shapes(text) == []


def test_an_email_or_telegram_handle_belongs_to_its_own_kind() -> None:
    found = {(m.kind, m.value) for m in extract("mail ghost_rider77@protonmail.com now")}
    assert found == {("email", "ghost_rider77@protonmail.com")}


def test_the_site_name_in_the_page_title_is_no_alias() -> None:
    page = "Houston ads | NightList\nNightList | Rules | Advertise\nTry KrautKing's menu"
    assert shapes(page) == ["KrautKing"]


def test_a_cue_and_a_shape_on_the_same_name_give_one_alias() -> None:
    matches = [m for m in find("Vendor: KrautKing", ExtractOptions())]
    [(value, extractor)] = [(m.value, m.extractor) for m in matches]
    assert value == "KrautKing" and extractor != "aliases.handle_shape"


@pytest.mark.parametrize(
    "unit", ["aA", "a_", "Dr.Xy ", "KrautKing ", "x_y_z ", "aB.cD_", "abc12 ", "ab1"]
)
def test_time_grows_linearly(unit: str) -> None:
    def make(size: int) -> str:
        return unit * (size // len(unit))

    assert growth_ratio(lambda text: find(text, ExtractOptions()), make, 20_000) < limit()


@pytest.mark.parametrize(
    "text",
    [
        # Keys and values of a config, unless the key names a person.
        '{\n "mutex": "Gl0b4lClipMtx_2231",\n "interval_ms": 500,\n "tg_report": "@x_bot"\n}',
        '"campaign": "yt_cracked_games" }',
        # Field lists of a leak.
        "Fields: name, dob, ssn, address, phone, insurance_id, diagnosis",
        "-- cols: id | username | email | refund_address | pwd_hash | last_ip | created",
        "# source: 312 emails. first_seen / last_seen in UTC",
        # Another app's account after its cue.
        "LINE ID: yuki_dekasegi77\nSnap: jazzy_lv23",
        # A made-up brand before the word that makes it an organisation.
        "SafeHands Escrow — Trusted since 2018",
        "TopDocs Worldwide — Real & Fake Passports",
        "[Group export] CashOut Kings 👑 (private)",
        'fake trading app "CoinExpo Pro" — lost $38k',
        # A database dump's header and schema.
        "-- MySQL dump 10.13  Distrib 5.7.41, for Linux (x86_64)\n-- Host: localhost    "
        "Database: escortdir_prod\n  `pass_md5` char(32) NOT NULL,\n  `last_ip` varchar(45)",
        "Those numbers are VoIP (TextNow/Pinger). They don't know where you live.",
    ],
)
def test_configs_fields_other_apps_and_brands_are_no_handles(text: str) -> None:
    assert shapes(text) == []


def test_a_config_value_under_a_person_key_is_a_handle() -> None:
    assert shapes('{"vendor": "KrautKing", "price_usd": 40}') == ["KrautKing"]
