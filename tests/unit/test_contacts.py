"""The contacts family: e-mail, Jabber, onion hosts, Telegram, Wickr and Session IDs."""

from __future__ import annotations

import base64
import hashlib
import random
from collections.abc import Callable

import pytest

from extractors import kinds
from extractors.base import Match
from extractors.contacts import FAMILY, find
from extractors.contacts.onions import is_v3_label
from tests.linear_time import growth_ratio, limit

# Real v3 onion services (DuckDuckGo, the Tor Project, the rend-spec-v3 example,
# Ahmia): their checksums verify.
ONIONS = [
    "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad",
    "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid",
    "pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd",
    "juhanurmihxlp77nkq76byazcldy2hlmovfu2epvl5ankdibsot4csyd",
]
ONION = ONIONS[0]
SESSION = "05d871fc80ca007eed9b2f4df72853e2a2d5465a92fcb1889fb5c84aa2833b3b40"


def _matches(text: str) -> list[Match]:
    found = list(find(text))
    for match in found:
        assert match.kind in kinds.CONTACTS
        assert match.raw == text[match.start : match.end], match
    return found


def _found(text: str) -> list[tuple[str, str]]:
    return sorted((m.kind, m.value) for m in _matches(text))


def _of_kind(text: str, kind: str) -> list[str]:
    return [m.value for m in _matches(text) if m.kind == kind]


def test_family_shape() -> None:
    assert FAMILY.name == "contacts"
    assert FAMILY.kinds == kinds.CONTACTS
    assert FAMILY.find is find


class TestEmail:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("mail me: Vendor.X@Proton.me.", "vendor.x@proton.me"),
            ("<john.doe+orders@mail.example.co.uk>", "john.doe+orders@mail.example.co.uk"),
            ("contact:support@protonmail.com,", "support@protonmail.com"),
            ("mailto:shop_24@tutanota.de", "shop_24@tutanota.de"),
            ("SALES@DNMX.ORG", "sales@dnmx.org"),
        ],
    )
    def test_plain(self, text: str, value: str) -> None:
        [match] = _matches(text)
        assert (match.kind, match.value, match.extractor) == (kinds.EMAIL, value, "contacts.email")
        assert match.raw.lower() == value

    @pytest.mark.parametrize(
        "written",
        [
            "name (at) proton (dot) me",
            "name(at)proton(dot)me",
            "name [at] proton [.] me",
            "name[at]proton[.]me",
            "name {at} proton {dot} me",
            "name <at> proton <dot> me",
            "name (@) proton (.) me",
            "name [@] proton.me",
            "name @ proton . me",
            "name@proton dot me",
            "name AT proton DOT me",
            "name at proton dot me",
            "name at proton.me",
            "Name (AT) Proton (DOT) Me",
        ],
    )
    def test_obfuscated(self, written: str) -> None:
        [match] = _matches(f"write to {written} for orders")
        assert (match.kind, match.value) == (kinds.EMAIL, "name@proton.me")
        assert match.raw == written
        assert match.extractor == "contacts.email_obfuscated"

    def test_the_word_at_needs_a_mail_domain(self) -> None:
        assert _found("vendor at gmail.com") == [(kinds.EMAIL, "vendor@gmail.com")]
        assert _found("vendor at shop dot io") == [(kinds.EMAIL, "vendor@shop.io")]
        assert _found("look at example.com") == []  # prose, and not a mail provider
        assert _found("meet me at home dot com") == []  # "me" is prose
        assert _found("vendor at shop dot zzqx") == []  # no such top-level domain

    @pytest.mark.parametrize(
        "text",
        [
            "logo@2x.png and icon@3x.jpg",
            "follow @username and @another_one",
            "root@localhost",
            "a@b",
            "name(at)domain without a dot",
            "name [at] domain [dot] zzqx",
            "user@@example.com",
            "a..b@example.com",
            "@ @@ @@@ (at) [at] at at",
            "x@-bad-.com",
        ],
    )
    def test_not_addresses(self, text: str) -> None:
        assert _of_kind(text, kinds.EMAIL) == []

    def test_onion_mail_hosts(self) -> None:
        text = f"write to vendor@{ONION}.onion"
        assert _found(text) == [
            (kinds.EMAIL, f"vendor@{ONION}.onion"),
            (kinds.ONION, f"{ONION}.onion"),
        ]
        bad = ONION[:-1] + ("a" if ONION[-1] != "a" else "b")
        assert _of_kind(f"write to vendor@{bad}.onion", kinds.EMAIL) == []


class TestJabber:
    def test_the_russian_names_of_jabber_are_cues(self) -> None:
        assert _found("Связь: Жаба — dark_raven@exploit.im, ICQ больше нет") == [
            (kinds.JABBER, "dark_raven@exploit.im")
        ]
        assert sorted(_found("джаббер: a@exploit.im, почта: b@gmail.com")) == [
            (kinds.EMAIL, "b@gmail.com"),
            (kinds.JABBER, "a@exploit.im"),
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "Jabber: vendor@exploit.im",
            "XMPP vendor@exploit.im",
            "jid: vendor@exploit.im",
            "OTR only - vendor@exploit.im",
            "vendor@exploit.im (jabber)",
            "vendor@exploit.im - xmpp",
            "jabber: vendor (at) exploit (dot) im",
        ],
    )
    def test_cued_addresses_are_jabber_not_email(self, text: str) -> None:
        assert _found(text) == [(kinds.JABBER, "vendor@exploit.im")]

    def test_xmpp_hosts_need_no_cue(self) -> None:
        assert _found("me: shop@jabber.calyxinstitute.org") == [
            (kinds.JABBER, "shop@jabber.calyxinstitute.org")
        ]
        assert _found("x vendor@xmpp.jp") == [(kinds.JABBER, "vendor@xmpp.jp")]

    def test_the_nearest_cue_decides(self) -> None:
        text = "Jabber: a@exploit.im | Email: b@proton.me | xmpp c@404.city"
        assert _found(text) == [
            (kinds.EMAIL, "b@proton.me"),
            (kinds.JABBER, "a@exploit.im"),
            (kinds.JABBER, "c@404.city"),
        ]

    def test_a_cue_on_another_line_does_not_count(self) -> None:
        text = "handle XMPP SANs better.\nReported by Howard Chu <hyc@symas.com>"
        assert _found(text) == [(kinds.EMAIL, "hyc@symas.com")]
        assert _found("Jabber:\n  vendor@exploit.im") == [(kinds.JABBER, "vendor@exploit.im")]

    def test_a_jabber_span_is_not_also_an_email(self) -> None:
        found = _matches("Jabber: Vendor@Exploit.im")
        assert [(m.kind, m.raw) for m in found] == [(kinds.JABBER, "Vendor@Exploit.im")]


class TestOnion:
    @pytest.mark.parametrize("label", ONIONS)
    def test_real_v3_addresses(self, label: str) -> None:
        text = f"mirror: http://{label}.onion/market?page=2"
        [match] = _matches(text)
        assert (match.kind, match.value, match.raw) == (
            kinds.ONION,
            f"{label}.onion",
            f"{label}.onion",
        )

    def test_generated_addresses(self) -> None:
        # Built by rend-spec-v3's recipe from random public keys.
        rng = random.Random(3)
        for _ in range(50):
            pubkey = rng.randbytes(32)
            checksum = hashlib.sha3_256(b".onion checksum" + pubkey + b"\x03").digest()[:2]
            label = base64.b32encode(pubkey + checksum + b"\x03").decode().lower()
            assert _of_kind(f"visit {label}.onion", kinds.ONION) == [f"{label}.onion"]

    def test_case_subdomains_and_obfuscated_dots(self) -> None:
        upper = ONION.upper()
        assert _of_kind(f"{upper}.ONION", kinds.ONION) == [f"{ONION}.onion"]
        [match] = _matches(f"http://www.{ONION}.onion/")
        assert match.raw == f"{ONION}.onion"
        for written in (f"{ONION}[.]onion", f"{ONION}(.)onion", f"{ONION} (dot) onion"):
            [match] = _matches(f"new link {written} today")
            assert (match.value, match.raw) == (f"{ONION}.onion", written)
            assert match.extractor == "contacts.onion_obfuscated"

    @pytest.mark.parametrize(
        "text",
        [
            "old v2 mirror expyuzz4wqqyqhjn.onion",
            f"bad checksum {ONION[:-2]}ae.onion",
            f"version two {ONION[:-1]}c.onion",
            f"too long x{ONION}.onion",
            f"too short {ONION[1:]}.onion",
            f"not base32 {ONION[:-1]}1.onion",
            f"{ONION}.onions are vegetables",
            "onion onion.onion .onion",
        ],
    )
    def test_not_v3_hosts(self, text: str) -> None:
        assert _of_kind(text, kinds.ONION) == []

    def test_label_check(self) -> None:
        assert is_v3_label(ONION)
        assert not is_v3_label(ONION[:-1])
        assert not is_v3_label("a" * 56)
        assert not is_v3_label("é" * 56)


class TestTelegram:
    @pytest.mark.parametrize(
        ("written", "raw"),
        [
            ("https://t.me/DarkVendor_22", None),
            ("t.me/DarkVendor_22", None),
            ("http://www.t.me/DarkVendor_22", None),
            ("telegram.me/DarkVendor_22", None),
            ("https://telegram.dog/DarkVendor_22", None),
            ("T.ME/DarkVendor_22", None),
            ("t.me/DarkVendor_22/1453", "t.me/DarkVendor_22"),
        ],
    )
    def test_links(self, written: str, raw: str | None) -> None:
        [match] = _matches(f"join {written} now")
        assert (match.kind, match.value) == (kinds.TELEGRAM, "darkvendor_22")
        assert match.raw == (raw or written)

    @pytest.mark.parametrize(
        ("text", "raw"),
        [
            ("Telegram: @dark_vendor", "@dark_vendor"),
            ("TG @dark_vendor", "@dark_vendor"),
            ("tg: dark_vendor", "dark_vendor"),
            ("Telegram - dark_vendor", "dark_vendor"),
            ("📱 Telegram ➡️ @dark_vendor", "@dark_vendor"),
            ("Telegram ID dark_vendor", "dark_vendor"),
            ("telegram username: dark_vendor", "dark_vendor"),
            ("Telegram Dark_Vendor", "Dark_Vendor"),
            ("@dark_vendor on telegram", "@dark_vendor"),
            ("@dark_vendor (TG)", "@dark_vendor"),
            ("Telegram: Telegram: @dark_vendor", "@dark_vendor"),
            ("Telegram (@dark_vendor)", "@dark_vendor"),
            ("TG👉 @dark_vendor", "@dark_vendor"),
            ("her Telegram is @dark_vendor and", "@dark_vendor"),
            ("Telegram is Dark_Vendor", "Dark_Vendor"),
            ("my tg at @dark_vendor", "@dark_vendor"),
        ],
    )
    def test_cued_usernames(self, text: str, raw: str) -> None:
        found = [m for m in _matches(text) if m.kind == kinds.TELEGRAM]
        assert {(m.value, m.raw) for m in found} == {("dark_vendor", raw)}

    @pytest.mark.parametrize(
        ("text", "raw"),
        [
            ("Telegrama: @dark_vendor", "@dark_vendor"),  # Spanish, Portuguese
            ("Telegramm: dark_vendor", "dark_vendor"),  # German
            ("@dark_vendor en Telegram", "@dark_vendor"),
            ("@dark_vendor no Telegram", "@dark_vendor"),
            ("Телеграм: @dark_vendor", "@dark_vendor"),
            ("пиши в тг @dark_vendor", "@dark_vendor"),
            ("ТЕЛЕГА - dark_vendor", "dark_vendor"),
            ("✈️ @dark_vendor", "@dark_vendor"),  # the app's logo
            ("✈ : @dark_vendor", "@dark_vendor"),
            ("(no telegram é @dark_vendor). Vende", "@dark_vendor"),  # Portuguese "is"
            ("su Telegram è @dark_vendor", "@dark_vendor"),
            ("联系 飞机：@dark_vendor （只有这一个号）", "@dark_vendor"),  # Chinese: "aeroplane"
            ("纸飞机 @dark_vendor", "@dark_vendor"),
            ("电报：dark_vendor", "dark_vendor"),
            ("أو تلقرام @dark_vendor", "@dark_vendor"),  # Gulf Arabic
            ("برای سفارش در تلگرام: @dark_vendor", "@dark_vendor"),  # Persian
            ("تيليجرام: dark_vendor", "dark_vendor"),
            ("Telegram'dan yaz: @dark_vendor", "@dark_vendor"),  # Turkish case ending
            ("Telegram’a @dark_vendor", "@dark_vendor"),
        ],
    )
    def test_cued_usernames_in_other_languages(self, text: str, raw: str) -> None:
        found = [m for m in _matches(text) if m.kind == kinds.TELEGRAM]
        assert {(m.value, m.raw) for m in found} == {("dark_vendor", raw)}

    @pytest.mark.parametrize(
        "text",
        [
            "✈️ Touring Dallas this week",  # a plane without "@" is travel
            "Telegram’a mesaj at, dark_vendor",  # after a case ending, a verb may follow
            "✈️ dark_vendor",
            "телевизор dark_vendor",  # a longer word that starts like the cue
            "Телеграм не работает",  # a sentence after the cue
            "telegraphy_history was invented",
            "坐飞机去曼谷 dark_vendor",  # "by aeroplane to Bangkok": no "@"
            "telegram é muito bom",
            "(no Wickr, no Telegram — anyone using my name on Telegram is a scammer!",
        ],
    )
    def test_what_other_languages_cues_do_not_take(self, text: str) -> None:
        assert _of_kind(text, kinds.TELEGRAM) == []

    @pytest.mark.parametrize(
        "text",
        [
            "Telegram: @main_shop / @backup_shop or @third_shop",
            "TG @main_shop, @backup_shop | @third_shop",
        ],
    )
    def test_a_cue_covers_the_list_of_handles_it_opens(self, text: str) -> None:
        assert sorted(_of_kind(text, kinds.TELEGRAM)) == [
            "backup_shop",
            "main_shop",
            "third_shop",
        ]

    def test_the_list_ends_at_the_first_word_that_is_no_handle(self) -> None:
        text = "Telegram: @main_shop and then @somebody_else said hi"
        assert _of_kind(text, kinds.TELEGRAM) == ["main_shop"]

    def test_the_apps_own_link(self) -> None:
        [match] = _matches("open tg://resolve?domain=Vendor_X now")
        assert (match.value, match.raw) == ("vendor_x", "tg://resolve?domain=Vendor_X")

    def test_handles_under_a_column_headed_by_the_app(self) -> None:
        table = (
            "vendor       | Wickr          | Telegram       | email\n"
            "GreenOwl     | greenowl_rx    | -              | owl@example.org\n"
            "KushKing     | -              | @KushKing_UK   | kk@example.org\n"
            "# 2 rows\n"
            "Bad row | wickr_handle | @not_in_table"
        )
        found = {(m.kind, m.value, m.raw) for m in _matches(table) if m.kind != kinds.EMAIL}
        assert found == {
            (kinds.WICKR, "greenowl_rx", "greenowl_rx"),
            (kinds.TELEGRAM, "kushking_uk", "@KushKing_UK"),
        }
        csv = "name,tg,wickr\nMia,mia_official,miaxo22\n"
        assert {(m.kind, m.value) for m in _matches(csv)} == {
            (kinds.TELEGRAM, "mia_official"),
            (kinds.WICKR, "miaxo22"),
        }

    @pytest.mark.parametrize(
        "text",
        [
            "vendor | telegram\ngreen owl | not a handle here",  # a sentence in the cell
            "Apps: Telegram, Signal | fine print\nGreen_Owl | Kush_King",  # no heading cells
            "ask on telegram or signal, thanks\nGreen_Owl, Kush_King",  # a sentence
        ],
    )
    def test_what_a_column_does_not_take(self, text: str) -> None:
        assert _of_kind(text, kinds.TELEGRAM) == [] and _of_kind(text, kinds.WICKR) == []

    def test_an_app_named_after_a_handle_as_the_next_item_leaves_it_telegrams(self) -> None:
        page = "PlugUK | Telegram channel\nOrders ONLY via @PlugUK_orders or Wickr: plug.uk"
        assert _of_kind(page, kinds.TELEGRAM) == ["pluguk_orders"]
        # ... but "on Instagram" right after it makes it Instagram's.
        assert _of_kind("Telegram channel\nfollow @plug_pics on Instagram", kinds.TELEGRAM) == []

    def test_a_channel_page_shown_by_its_subscriber_count(self) -> None:
        page = "Cali Plug | Telegram\n12.4K subscribers\nOrders via @PlugOrders_uk"
        assert _of_kind(page, kinds.TELEGRAM) == ["plugorders_uk"]
        # Subscribers alone do not make a page Telegram's.
        assert _of_kind("12.4K subscribers\nOrders via @PlugOrders_uk", kinds.TELEGRAM) == []

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("Order via bot 👉 @CannaCorner_bot", "cannacorner_bot"),
            ("escrow @garant_bot or nothing", "garant_bot"),
            ("use @GarantBot for deals", "garantbot"),
        ],
    )
    def test_bot_usernames_need_no_cue(self, text: str, value: str) -> None:
        assert _found(text) == [(kinds.TELEGRAM, value)]

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("TG manager: @asia_booking", "asia_booking"),
            ("Telegram for new customers: @PlugNew_uk", "plugnew_uk"),
            ("tg orders only: plug_orders24", "plug_orders24"),
        ],
    )
    def test_a_few_words_and_a_colon_between_cue_and_handle(self, text: str, value: str) -> None:
        assert _of_kind(text, kinds.TELEGRAM) == [value]

    @pytest.mark.parametrize(
        "text",
        [
            "Telegram is down today: orders wait",  # a sentence, no handle's shape
            "Telegram support said: please",
            "TG and Signal users: read this",
        ],
    )
    def test_a_sentence_with_a_colon_after_the_cue(self, text: str) -> None:
        assert _of_kind(text, kinds.TELEGRAM) == []

    def test_a_channel_page_named_by_a_cued_handle_and_its_subscribers(self) -> None:
        page = "VIP MODELS\nchannel · 12,4K subscribers\nTG manager: @vip_booking\nDM @vip_hr"
        assert _of_kind(page, kinds.TELEGRAM) == ["vip_booking", "vip_hr"]
        # Without the subscriber count the "@" is just a mention.
        assert _of_kind("TG manager: @vip_booking\nDM @vip_hr", kinds.TELEGRAM) == ["vip_booking"]

    def test_the_app_after_a_handle_is_the_next_items_when_another_came_before(self) -> None:
        assert _of_kind("Insta @lola_bcn Telegram @lola_tg", kinds.TELEGRAM) == ["lola_tg"]
        assert _of_kind("follow @lola_tg (Telegram)", kinds.TELEGRAM) == ["lola_tg"]

    def test_a_chat_export_and_a_pinned_channel_list(self) -> None:
        export = "Telegram Desktop — Chat export\n[12.03.2024 14:31] Oksana:\nwrite @dmytro_work"
        assert _of_kind(export, kinds.TELEGRAM) == ["dmytro_work"]
        pinned = "Official:\n✅ @GhostShop (channel)\n✅ @ghost_orders (orders)"
        assert _of_kind(pinned, kinds.TELEGRAM) == ["ghostshop", "ghost_orders"]

    def test_a_channel_post_with_the_apps_view_counter(self) -> None:
        post = "MENU\nOrder via bot 👉 @Corner_bot\nQuestions 👉 @CornerUK\n👁 1.2K  edited"
        assert _of_kind(post, kinds.TELEGRAM) == ["corner_bot", "corneruk"]
        assert _of_kind("Questions 👉 @CornerUK\nviews: 1.2K", kinds.TELEGRAM) == []

    def test_a_group_export_with_a_bot_and_a_member_count(self) -> None:
        export = (
            'Chat export — group "Drops EU" (4,211 members)\n'
            "[12.03.24 21:15] @iban_king: escrow @garant_bot or nothing"
        )
        assert _of_kind(export, kinds.TELEGRAM) == ["iban_king", "garant_bot"]
        # A forum thread with a member count and no bot: its "@" are mentions.
        forum = "Forum (4,211 members)\n@iban_king: escrow or nothing"
        assert _of_kind(forum, kinds.TELEGRAM) == []

    def test_a_telegram_pages_handles_need_no_cue_beside_them(self) -> None:
        page = 'Telegram channel "UK Green" · 12.4K subscribers\nOrder: message @GreenUK_shop'
        [match] = _matches(page)
        assert (match.kind, match.value, match.confidence) == (kinds.TELEGRAM, "greenuk_shop", 0.7)
        links = "Join: t.me/cvv_fresh_daily\nDM admin @FreshCVV_admin to buy"
        assert (kinds.TELEGRAM, "freshcvv_admin") in _found(links)

    @pytest.mark.parametrize(
        "text",
        [
            "follow @jessxo on instagram. Our telegram channel link is below",
            "telegram group rules: no spam. IG @jessxo",
            "thanks @darkpanda for the review",  # no Telegram page at all
        ],
    )
    def test_handles_of_other_platforms_on_a_telegram_page(self, text: str) -> None:
        assert _of_kind(text, kinds.TELEGRAM) == []

    @pytest.mark.parametrize(
        "text",
        ["contact @robot or @abbot", "follow @chatbot", "Telegram is down today", "tg is fast"],
    )
    def test_words_ending_in_bot_and_verbs_before_words_are_no_handles(self, text: str) -> None:
        assert _of_kind(text, kinds.TELEGRAM) == []

    @pytest.mark.parametrize(
        "text",
        [
            "t.me/joinchat/AAAAAEkk2WdoDyOM",
            "t.me/+AbCdEf123456",
            "t.me/s/channelname",
            "t.me/addstickers/SomePack",
            "t.me/share/url?url=x",
            "t.me/abc",  # shorter than 5
            "t.me/1vendor",  # starts with a digit
            "next.me/vendorname",
            "Telegram only, no calls",
            "message me on telegram today",
            "join our telegram group for updates",
            "Telegram vendor",  # a plain word after the cue, no handle shape
            "follow @vendor_x on twitter",
            "telegram: https://example.com/page",
            "tg: vendor@proton.me",
            "debian/patches/hurd-i386/tg-hurdsig-SA_SIGINFO.diff",
            "Telegram: vendor-shop.diff",
        ],
    )
    def test_not_usernames(self, text: str) -> None:
        assert _of_kind(text, kinds.TELEGRAM) == []


class TestWickr:
    @pytest.mark.parametrize(
        ("text", "raw"),
        [
            ("Wickr: vendorx", "vendorx"),
            ("wickr me: vendorx", "vendorx"),
            ("Wickr ID - vendorx", "vendorx"),
            ("wickr vendorx", "vendorx"),
            ("Wickr Me @ vendorx", "@ vendorx"),
            ("wickr: wickr: vendorx", "vendorx"),
            ("WICKR: VendorX", "VendorX"),
            ("Wickr Me ID: vendorx", "vendorx"),
        ],
    )
    def test_cued_usernames(self, text: str, raw: str) -> None:
        [match] = _matches(text)
        assert (match.kind, match.value, match.raw) == (kinds.WICKR, "vendorx", raw)

    def test_a_few_words_and_a_colon_between_cue_and_handle(self) -> None:
        assert _of_kind("Wickr for regulars: greengoblin_uk", kinds.WICKR) == ["greengoblin_uk"]
        assert _of_kind("pasar a Wickr (usuario: cristal.andino) para", kinds.WICKR) == [
            "cristal.andino"
        ]
        assert _of_kind("(none, wickr: narconinja_) |", kinds.WICKR) == ["narconinja_"]
        assert _of_kind("Wickr for regulars: ask first", kinds.WICKR) == []
        text = "Wickr (existing customers only): stealthyuk_wkr · Jabber"
        assert _of_kind(text, kinds.WICKR) == ["stealthyuk_wkr"]

    def test_a_bracket_opening_a_phrase_holds_no_handle(self) -> None:
        assert _of_kind("Wickr (existing customers only)", kinds.WICKR) == []
        assert _of_kind("Wickr (vendorx) or Session", kinds.WICKR) == ["vendorx"]

    def test_after_a_verb_only_a_handle_shaped_word_is_a_handle(self) -> None:
        assert _found("answers on Wickr too (vendor420)") == [(kinds.WICKR, "vendor420")]
        assert _found("answers on Wickr too (sometimes)") == []

    @pytest.mark.parametrize(
        "text",
        [
            "wickr only",
            "Wickr me",
            "get wickr app",
            "wickrvendor",
            "Wickr Me shut down for good",
            "Wickr is dead",
        ],
    )
    def test_not_usernames(self, text: str) -> None:
        assert _of_kind(text, kinds.WICKR) == []


class TestSession:
    def test_ids(self) -> None:
        [match] = _matches(f"Session: {SESSION.upper()}.")
        assert (match.kind, match.value, match.raw) == (kinds.SESSION, SESSION, SESSION.upper())

    @pytest.mark.parametrize(
        "text",
        [
            SESSION[:-1],  # 65 characters
            SESSION + "a",  # part of longer hex
            "a" + SESSION,
            "x" + SESSION,
            "06" + SESSION[2:],  # not the 05 prefix
            SESSION[:-1] + "g",
        ],
    )
    def test_not_ids(self, text: str) -> None:
        assert _of_kind(f"id {text} end", kinds.SESSION) == []


def test_a_contact_block() -> None:
    text = (
        f"Contact: vendor (at) proton (dot) me | Jabber: vendor@exploit.im\n"
        f"Telegram: @dark_vendor | Wickr: vendorx | Session: {SESSION}\n"
        f"Mirror: http://{ONION}.onion/shop"
    )
    assert _found(text) == [
        (kinds.EMAIL, "vendor@proton.me"),
        (kinds.JABBER, "vendor@exploit.im"),
        (kinds.ONION, f"{ONION}.onion"),
        (kinds.SESSION, SESSION),
        (kinds.TELEGRAM, "dark_vendor"),
        (kinds.WICKR, "vendorx"),
    ]


@pytest.mark.parametrize(
    "text",
    ["", "@", "@@@", "\ud800@x.com", "a@\udfff.com", "İİ x@proton.me", "\x00t.me/\x00", "onion"],
)
def test_bad_input_does_not_break_the_family(text: str) -> None:
    _matches(text)


def _repeated(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


# Linear time on hostile input: 2N characters against N (CPU time, best of several,
# alternating); quadratic behaviour would make the ratio about 4.
PATHOLOGICAL: dict[str, tuple[Callable[[int], str], int]] = {
    "at signs": (_repeated("@"), 100_000),
    "local part runs": (_repeated("a" * 200 + "@"), 400_000),
    "addresses": (_repeated("a@b.co "), 40_000),
    "the word at": (_repeated("a at b dot c "), 100_000),
    "bracketed at": (_repeated("a(at)"), 100_000),
    "the russian word for at": (_repeated("a собака b точка "), 100_000),
    "message headers": (_repeated("Message-ID: <a@b.co>\n"), 100_000),
    "long domains": (_repeated("x@" + "a." * 500), 200_000),
    "onion words": (_repeated("onion."), 200_000),
    "base32 then onion": (_repeated("a" * 300 + ".onion "), 400_000),
    "telegram cues": (_repeated("tg @"), 50_000),
    "telegram links": (_repeated("t.me/"), 200_000),
    "wickr cues": (_repeated("wickr: "), 200_000),
    "hex": (_repeated("05" + "ab" * 40), 1_000_000),
    "look-alike at signs": (_repeated("a\uff20"), 100_000),
    "the word period": (_repeated("a at b period c "), 100_000),
    "base32 groups then onion": (_repeated("abcd " * 30 + ".onion "), 400_000),
    "bracketed telegram hosts": (_repeated("t[.]me/"), 200_000),
    "cyrillic telegram cues": (_repeated("тг @"), 50_000),
    "paper planes": (_repeated("\u2708\ufe0f @"), 50_000),
    "chinese names of the app": (_repeated("飞机：@"), 50_000),
    "bracketed phrases after wickr": (_repeated("wickr (a b c "), 100_000),
    "app names on one line": (_repeated("tg | "), 100_000),
    "a table headed by the app": (
        lambda size: "a|telegram\n" + _repeated("b|@abcde\n")(size),
        100_000,
    ),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_time_grows_linearly(name: str) -> None:
    make, size = PATHOLOGICAL[name]
    ratio = growth_ratio(find, make, size)
    assert ratio < limit(), f"{name}: {ratio:.2f}"


@pytest.mark.parametrize(
    ("text", "handles"),
    [
        ("Бот для заказа: @chisty_list_bot\nОператор: @ChistyOperator (Кирилл), с 10:00",
         ["chisty_list_bot", "chistyoperator"]),
        ("🔥 CHICAS VIP LIMA 🔥 canal oficial\nReservas y casting: @castingvip_latam",
         ["castingvip_latam"]),
        # A forum reply to a user is no contact field.
        ("Thread about @shop_bot scams\nReply to: @DrKush thanks", ["shop_bot"]),
        ("Thread about @shop_bot scams\n@DrKush: thanks", ["shop_bot"]),
        # A second field on the line; the shop's staff named by role in prose.
        ("Shop bot: @rockstar_shop_bot · Support: @RS_Support_Main",
         ["rockstar_shop_bot", "rs_support_main"]),
        ("Бот @gorny_vozduh_bot работает.\nПо проблемам писал оператору @GV_Operator_24",
         ["gorny_vozduh_bot", "gv_operator_24"]),
        ("Bot @gorny_vozduh_bot works.\nThanks @GV_Operator_24 for the tip", ["gorny_vozduh_bot"]),
    ],
)  # fmt: skip
def test_contact_fields_of_a_page_naming_its_bot_or_channel(text: str, handles: list[str]) -> None:
    assert _of_kind(text, kinds.TELEGRAM) == handles


def test_an_email_in_fullwidth_letters() -> None:
    text = "联系 ｋｉｋｉ＠ｑｑ．ｃｏｍ 微信"
    [match] = [m for m in _matches(text) if m.kind == kinds.EMAIL]
    assert match.value == "kiki@qq.com"
    assert match.raw == "ｋｉｋｉ＠ｑｑ．ｃｏｍ"


@pytest.mark.parametrize(
    "text", ["no wickr anymore, wickr is dead", "the same Telegram account recruiting in Davao"]
)
def test_words_after_a_messenger_cue_are_no_handles(text: str) -> None:
    assert [m for m in _matches(text) if m.kind in (kinds.TELEGRAM, kinds.WICKR)] == []


def test_mentions_of_a_telegram_json_export_are_telegram_handles() -> None:
    text = (
        '{"id": 88120, "type": "message", "from": "VovaExchange", "from_id": "user5811024477",\n'
        ' "text": ["Pishite v ls ", {"type": "mention", "text": "@vova_exchange_p2p"}, ""]}'
    )
    assert _of_kind(text, kinds.TELEGRAM) == ["vova_exchange_p2p"]
    assert _of_kind('{"user": "@vova_exchange_p2p", "id": 3}', kinds.TELEGRAM) == []


@pytest.mark.parametrize(
    "text",
    [
        "XMPP:    yourname@example.com  (use a server that isn't run by your market)",
        "placeholders like john.doe@example.org get scraped",
        "their template: your.name@mail.example.net (ignore)",
    ],
)
def test_addresses_at_documentation_domains_are_placeholders(text: str) -> None:
    assert [m for m in _matches(text) if m.kind in (kinds.EMAIL, kinds.JABBER)] == []


def test_an_address_at_a_real_domain_beside_a_placeholder_is_kept() -> None:
    text = "not yourname@example.com but write to kiki.ops@proton.me"
    assert _of_kind(text, kinds.EMAIL) == ["kiki.ops@proton.me"]


def test_settings_of_a_leaked_config_that_name_the_app() -> None:
    text = (
        "# .env leaked from the panel\nDB_HOST=localhost\nADMIN_TG=bankpanel_admin\n"
        "TELEGRAM_BOT_TOKEN=6123456789:AAHfakeTokenValue_xyzxyzxyzxyz\n"
        'telegram_admin: "@PanelOwner"\nSUPPORT_WICKR=panelsupport\n'
        "telegram_chat_id: -1001234567\nTG_LANG=en_US\nstage: production\n"
    )
    assert _found(text) == [
        (kinds.TELEGRAM, "bankpanel_admin"),
        (kinds.TELEGRAM, "panelowner"),
        (kinds.WICKR, "panelsupport"),
    ]
    assert _found("ADMIN_TG=bankpanel_admin") == [(kinds.TELEGRAM, "bankpanel_admin")]


def test_a_config_setting_line_of_any_length_takes_linear_time() -> None:
    def make(size: int) -> str:
        return "ADMIN_TG=" + "a" * size

    assert growth_ratio(find, make, 200_000) < limit()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ADMIN_JABBER=panel_admin@jabb3r.org", kinds.JABBER),
        ('xmpp_account: "ops@404.city"', kinds.JABBER),
        ("MAIL_FROM=ops@404.city", kinds.EMAIL),
        ("jabberwocky=ops@404.city", kinds.EMAIL),
    ],
)
def test_a_config_key_naming_jabber_makes_its_address_jabber(text: str, kind: str) -> None:
    assert [m.kind for m in _matches(text)] == [kind]


def test_a_leaked_bot_configs_handles_are_telegrams() -> None:
    text = (
        'bot:\n  token: "0054505357:AA2a8SXhn2D96ceuMXpaxmMLN4KqtgecpdY"\n'
        '  name: SnowQueenShopBot\n  admins:\n    - "@snowqueen_admin"\n'
    )
    assert _of_kind(text, kinds.TELEGRAM) == ["snowqueen_admin"]
