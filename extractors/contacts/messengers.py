"""Messenger handles: Telegram (links and cued usernames), Wickr (cued), Session IDs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors import kinds
from extractors.base import Match
from extractors.contacts.skeleton import positions
from extractors.lines import LinePattern
from extractors.messenger_names import TELEGRAM_IN_ARABIC_SCRIPT


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


CONFIDENCE_LINK = 0.95
CONFIDENCE_CUED = 0.85
CONFIDENCE_SESSION = 0.95
# A handle on a page that is Telegram's, with no cue beside it.
CONFIDENCE_PAGE = 0.7
_CONFIDENCE_BY_HOW = {"link": CONFIDENCE_LINK, "bot": CONFIDENCE_LINK, "page": CONFIDENCE_PAGE}

# Telegram usernames: 5-32 characters, a letter first, letters, digits, "_".
TELEGRAM_USER = r"[A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9]"
WICKR_USER = r"[A-Za-z][A-Za-z0-9_.\-]{2,30}[A-Za-z0-9_]"
# Not followed by more name, an "@" (an e-mail), ".word" / "://" (a host, a URL) or
# "-word" (a file or package name: "tg-hurdsig-fixes.diff").
_USER_END = r"(?![A-Za-z0-9_@]|[.\-][A-Za-z0-9]|://)"

# t.me paths that are not usernames: invites, previews, sticker packs, share links.
_RESERVED_PATHS = _words(
    """
    joinchat addstickers addemoji addtheme addlist share proxy socks login setlanguage
    confirmphone boost invoice giftcode contact iv
    """
)
_PLAIN_LINK_HOSTS = (b"t.me/", b"telegram.me/", b"telegram.dog/")
# The app's own link: "tg://resolve?domain=vendor".
_APP_LINK = re.compile(rf"tg://resolve\?domain=({TELEGRAM_USER}){_USER_END}", re.IGNORECASE)
# "t[.]me/vendor", "telegram(dot)me/vendor": the dot bracketed against link scrapers.
_BRACKETED_DOTS = (b"[.]", b"(.)", b"{.}", b"[dot]", b"(dot)", b"{dot}")
_LINK_HOSTS = _PLAIN_LINK_HOSTS + tuple(
    host.replace(b".", dot) for host in _PLAIN_LINK_HOSTS for dot in _BRACKETED_DOTS
)
# The hosts are found from their "/": a literal the regex engine skips to at memchr-like
# speed, where one find per host read the page again for each. No host ends another
# ("telegram.me/" ends in "m.me/"), so each "/" found ends exactly one of them.
_LINK_HOST_END = re.compile(
    b"/(?:" + b"|".join(b"(?<=" + re.escape(host) + b")" for host in _LINK_HOSTS) + b")"
)
_LINK_USER = re.compile(rf"@?({TELEGRAM_USER}){_USER_END}")
_SCHEME_BEFORE = re.compile(r"(?i:https?://)?(?i:www\.)?$")

# What may sit between a cue and the handle: "Telegram: @x", "TG - x", "Wickr Me ID: x",
# "Telegram (@x)", "📱 Telegram ➡️ @x".
# Turkish puts its case endings on the name: "Telegram'dan yaz: @x" (write from),
# "Telegram'a @x".
_CASE_ENDING = r"(?:['’](?i:dan|den|tan|ten|da|de|ta|te|a|e|ım|im))"
_CONNECTOR = (
    rf"{_CASE_ENDING}?"
    r"(?:\s*(?i:me|id|username|user|name|handle|acc|account|contact|channel|usuario|"
    r"utilisateur|benutzer|nick|nombre)"
    r"(?![A-Za-z0-9_])){0,2}"
)
_SEPARATOR = (
    r"(?P<sep>[\s:=\-\u2013\u2014>|(\[\u2022\u27a1\u2192\ufe0f\uff1a\u2600-\u27bf"
    r"\U0001f000-\U0001faff]{0,6})"
)
# A verb or adverb between the cue and the handle: "her Telegram is @x", "on Wickr too
# (x)". Unlike the nouns above it does not announce a handle, so what follows must be
# written as one ("@x", or a handle's shape).
# Other languages' "is" too: "no telegram é @x", "su Telegram è @x", "sur Telegram c'est @x".
_VERB = r"(?P<verb>\s+(?i:is|was|too|also|at|é|è|es|est|c'est|ist)(?![A-Za-z0-9_]))?"
_TELEGRAM_AFTER_CUE = re.compile(
    rf"(?P<conn>{_CONNECTOR}){_VERB}{_SEPARATOR}(?P<at>@ ?)?(?P<user>{TELEGRAM_USER}){_USER_END}"
)
_WICKR_AFTER_CUE = re.compile(
    rf"(?P<conn>{_CONNECTOR}){_VERB}{_SEPARATOR}(?P<at>@ ?)?(?P<user>{WICKR_USER}){_USER_END}"
)
# A few words on the cue's line, then a colon: "TG manager: @x", "Wickr for regulars:
# x_uk", "Wickr (usuario: x.y)". The words say who the handle is for, so what follows
# must be written as one.
# "Wickr (existing customers only): x" closes its bracket before the colon.
_PHRASE_THEN_COLON = (
    f"{_CASE_ENDING}?"
    r"[ \t]*\(?(?:[ \t]*[^\W\d_][\w'\-]{0,15}){1,4}\)?[ \t]*[:\uff1a][ \t]*(?P<at>@ ?)?"
)
_TELEGRAM_AFTER_PHRASE = re.compile(rf"{_PHRASE_THEN_COLON}(?P<user>{TELEGRAM_USER}){_USER_END}")
_WICKR_AFTER_PHRASE = re.compile(rf"{_PHRASE_THEN_COLON}(?P<user>{WICKR_USER}){_USER_END}")
# "Telegrama" (Spanish, Portuguese) and "Telegramm" (German) are the app's name too.
_TELEGRAM_CUES = (b"telegrama", b"telegramm", b"telegram", b"telega", b"tele", b"tg")
# Every cue above begins with "tele" or "tg": one scan finds them all.
_TELEGRAM_CUE_START = re.compile(rb"t(?:ele|g)")
_TELEGRAM_CUE_AFTER = re.compile(
    rb"\s{0,3}[(\[\-:?]?\s{0,3}(?:(?:on|via|at|in|en|no|na|su|sur|auf|bei|por) )?"
    rb"(?:telegram|tg)\b"
)
# Russian and Ukrainian names of the app ("Телеграм: @x", "пиши в тг @x"); the ASCII
# skeleton cannot see them, so they are looked for on the text, on the pages that have
# their letters at all.
_CYRILLIC_CUE = re.compile(r"(?i)(?<![^\W\d_])(?:телеграмм?|телега|тг)(?![^\W\d_])")
_CYRILLIC_CUE_LETTERS = ("тел", "Тел", "ТЕЛ", "тг", "ТГ", "Тг")
# Other names of the app, each with whether only an "@" after it makes it a cue.
# Chinese boards call it "电报" (telegram) or, after its logo, "飞机" / "纸飞机"
# (aeroplane, paper plane): "联系 飞机：@along_usdt888"; "纸飞机" ends in "飞机", and
# "飞机" is everyday Chinese too. The paper plane itself is the logo, and ads write it
# for the app ("✈️ @x").
_OTHER_SCRIPT_NAMES = (
    ("电报", False),
    ("飞机", True),
    ("\u2708", True),
    *((name, False) for name in TELEGRAM_IN_ARABIC_SCRIPT),
)
# A page that is Telegram's: it says so, links t.me, ends posts with the app's view
# counter, or shows a channel's subscriber or member count beside the app's name, a
# cued handle or a bot.
_TELEGRAM_PAGE = re.compile(
    rb"telegram (?:channel|group|chat|desktop)|t\.me/|telegram\.me/|"
    # "@Shop (channel)": a pinned post naming the shop's channel and its bots.
    rb"@[a-z][a-z0-9_]{3,30}[ \t]*\(channel\)"
    # Telegram Desktop's JSON export: each message's sender id.
    rb'|"from_id": ?"(?:user|channel)\d'
    # A leaked bot's config: its token ("6123456789:AAH..."), lower-cased here.
    rb"|\d{8,10}:aa[a-z0-9_-]{30,}"
)
_SUBSCRIBERS = re.compile(rb"\d(?:[.,]\d+)?[km]? (?:subscribers|members|suscriptores|inscritos)\b")
# A channel post as copied from the app ends with its view counter: "👁 1.2K  edited".
_VIEW_COUNTER = re.compile(r"\U0001f441\ufe0f?[ \t]?\d[\d.,]*[KkMm]?(?![\w])")
# A bot's username names the app too (only Telegram's bots have usernames).
_BOT_MENTION = re.compile(r"@[A-Za-z][A-Za-z0-9_]{2,28}(?:_(?i:bot)|(?<=[a-z0-9])Bot)(?![\w])")
_OTHER_PLATFORMS = (
    rb"(?:instagram|insta|ig|snap|snapchat|twitter|tiktok|kik|onlyfans|discord|reddit|"
    rb"signal|wickr|threema|cashapp|venmo|skype|facebook|fb)\b"
)
# Another platform named before the handle ("IG @x") or right after it as the handle's
# own ("@x on Instagram", "@x (kik)"); one named after a separator is the next item of a
# list ("via @x or Wickr: y").
_OTHER_PLATFORM_BEFORE = re.compile(rb"\b" + _OTHER_PLATFORMS)
_OTHER_PLATFORM_AFTER = re.compile(
    rb"\s{0,3}[(\[\-:]?\s{0,3}(?:(?:on|via|at|in) )?" + _OTHER_PLATFORMS
)
_PLATFORM_REACH = 24
# A shop's page that names its Telegram bot or calls itself a channel ("Бот для заказа:
# @shop_bot", "canal oficial") lists its other Telegram contacts in fields: "Оператор:
# @ChistyOperator", "Reservas y casting: @castingvip_latam". On a forum a reply to
# "@user" is no such field, so only a handle a field's label opens its line with counts.
_CHANNEL_WORDS = re.compile(
    r"(?i:official channel|canal oficial|canal officiel|canale ufficiale|наш канал|канал)"
)
# A label opens its line, or follows another field on it ("Shop bot: @x · Support: @y").
_FIELD_LABEL_BEFORE = re.compile(
    r"(?:^|\n|[·•|][ \t])[ \t]*"
    r"(?!(?i:re|reply|replying|quote|quoting|to|cc|from|by|posted|author|user)\b)"
    r"[^\W\d_][^:\n@]{0,40}:[ \t]*$"
)
# The shop's staff, named by role in prose ("писал оператору @GV_Operator_24"): on a
# shop's page, they are reached on Telegram.
_STAFF_BEFORE = re.compile(
    r"(?i:(?<![^\W\d_])(?:operator|support|manager|admin|оператор[ауе]?|менеджер[ауе]?"
    r"|админ[ауе]?|поддержк[аеиу]))[ \t]*:?[ \t]*$"
)
_BOT_USERNAME = re.compile(r"(?:_(?i:bot)|(?<=[a-z0-9])Bot)$")
_HANDLE_AFTER_AT = re.compile(rf"@({TELEGRAM_USER}){_USER_END}")
# More "@handles" after the one a cue introduced, joined by a list's separators.
_LISTED_HANDLE = re.compile(
    rf"[ \t]*(?:[,/|]|(?<=[ \t])(?:or|and|o|y|ou|или)(?=[ \t]))[ \t]*(?P<at>@)"
    rf"(?P<user>{TELEGRAM_USER}){_USER_END}"
)
_BRACKET_CLOSES = re.compile(r"[ \t]*\)")
_MOST_LISTED = 5
_EXPLICIT_SEPARATOR = frozenset(":=-\u2013\u2014>|\u27a1\u2192\uff1a")

# Words that follow "telegram" / "wickr" in sentences, not usernames; and the cue
# words themselves ("Telegram: Telegram: @x", "wickr: wickr: x").
_NOT_HANDLES = _words(
    """
    telegram telega tele wickr wickrme https http www jabber xmpp session signal whatsapp
    email mail phone text only also available here there please contact message messages
    messenger channel channels group groups chat chats account accounts username user users
    handle app apps link links bot bots today now first instead preferred ready and with
    the for from then this that your their our official support secure private encrypted
    number numbers call calls video voice desktop android iphone download install
    notifications usuario utilisateur benutzer nick nombre anymore anyway either
    recruiting scamming selling posting spamming is was are were dead down banned gone
    anyone anybody someone somebody everyone everybody nobody
    """
)

_SESSION_ID = re.compile(r"05(?<![0-9A-Za-z]..)[0-9a-fA-F]{64}(?![0-9A-Za-z])")


# A setting of a leaked config or .env that names the app in its key: "ADMIN_TG=
# bankpanel_admin", "telegram_admin: '@PanelOwner'", "SUPPORT_WICKR=panelsupport". Keys
# that hold the app's other values (a bot token, a chat id, an API key) are left out.
_CONFIG_SETTING_BODY = (
    r"[ \t]*(?:export[ \t]+)?[\"']?(?P<key>[A-Za-z0-9_.\-]{0,30}?(?<![A-Za-z])"
    r"(?P<app>(?i:tg|telegram|wickr))(?![A-Za-z])[A-Za-z0-9_.\-]{0,30})[\"']?[ \t]*[=:][ \t]*"
    rf"[\"']?(?P<at>@)?(?P<user>{WICKR_USER})[\"']?[ \t]*(?:#[^\n]*)?$"
)
_CONFIG_SETTING = LinePattern.compile(_CONFIG_SETTING_BODY)
_OTHER_SETTING_WORDS = re.compile(
    r"(?i:token|id|ids|chat|key|secret|url|uri|api|hash|pass|password|webhook|host|port"
    r"|proxy|enabled|enable|timeout|lang|mode)"
)
_CONFIG_APP_KINDS = {"tg": kinds.TELEGRAM, "telegram": kinds.TELEGRAM, "wickr": kinds.WICKR}
_TELEGRAM_USER_WHOLE = re.compile(TELEGRAM_USER)


def find(text: str, low: bytes) -> Iterator[Match]:
    # A link has a "/" and a Session ID a "0"; most pages have neither, and a one-byte
    # test (memchr) costs a fraction of a regex scan's call.
    if b"/" in low:
        yield from _telegram_links(text, low)
        if b"tg://" in low:
            for link in _APP_LINK.finditer(text):
                yield _handle(text, kinds.TELEGRAM, link[1], link.start(), link.end(), "link")
    yield from _telegram_cued(text, low)
    yield from _wickr_cued(text, low)
    if (b"=" in low or b":" in low) and (b"tg" in low or b"telegram" in low or b"wickr" in low):
        yield from _config_settings(text)
    if b"0" in low:
        yield from _session_ids(text)


def _telegram_links(text: str, low: bytes) -> Iterator[Match]:
    for slash in _LINK_HOST_END.finditer(low):
        host_end = slash.end()
        host = next(host for host in _LINK_HOSTS if low.endswith(host, 0, host_end))
        pos = host_end - len(host)
        if pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "-_"):
            continue  # "next.me/", "abt.me/": another host
        if pos > 0 and text[pos - 1] == "." and low[pos - 4 : pos] != b"www.":
            continue  # "x.t.me/": a subdomain of some other host
        user = _LINK_USER.match(text, host_end)
        if user is None or user.group(1).lower() in _RESERVED_PATHS:
            continue
        start = _SCHEME_BEFORE.search(text, max(0, pos - 12), pos).start()
        yield _handle(text, kinds.TELEGRAM, user.group(1), start, user.end(), "link")


def _telegram_cued(text: str, low: bytes) -> Iterator[Match]:
    telegram_page: bool | None = None  # whether the page is Telegram's, found when needed
    shop_page = False  # whether it names its bot or calls itself a channel, found with it
    # Where cued handles start: a "TG manager: @x" names the app as well as "Telegram"
    # does, and is not read again as a Telegram page's "@x".
    cued: set[int] = set()
    for cue_start in _TELEGRAM_CUE_START.finditer(low):
        pos = cue_start.start()
        for cue in _TELEGRAM_CUES:
            end = pos + len(cue)
            if not low.startswith(cue, pos) or _inside_word(low, pos, end):
                continue  # "tele" of "telegram", "tg" of "outgrow"
            for handle in _after_telegram_cue(text, end):
                if handle.start not in cued:  # "TG Telegram: @x": one handle, two cues
                    cued.add(handle.start)
                    yield handle
            break
    if not text.isascii():
        yield from _other_script_cues(text)
    for pos in positions(low, b"@"):
        if not low[pos + 1 : pos + 2].isalpha() or pos in cued:
            continue  # no username follows, or a cue's handle
        if pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "._%+-"):
            continue  # the "@" of an e-mail address
        handle = _HANDLE_AFTER_AT.match(text, pos)
        if handle is None:
            continue
        if _TELEGRAM_CUE_AFTER.match(low, handle.end()) and not _other_platform_before(low, pos):
            # "@x (Telegram)"; but in "Insta @x Telegram @y" the app names the next one.
            yield _handle(text, kinds.TELEGRAM, handle.group(1), pos, handle.end(), "cued")
        elif _BOT_USERNAME.search(handle.group(1)):
            # Only Telegram has bots with usernames, and it makes theirs end in "bot";
            # written "_bot" or "Bot" the suffix is no English word ("@robot", "@abbot").
            yield _handle(text, kinds.TELEGRAM, handle.group(1), pos, handle.end(), "bot")
        else:
            if telegram_page is None:
                names_a_bot = _BOT_MENTION.search(text) is not None
                telegram_page = (
                    _TELEGRAM_PAGE.search(low) is not None
                    or _VIEW_COUNTER.search(text) is not None
                    or (
                        (bool(cued) or b"telegram" in low or names_a_bot)
                        and _SUBSCRIBERS.search(low) is not None
                    )
                )
                shop_page = names_a_bot or _CHANNEL_WORDS.search(text) is not None
            # A Telegram channel's post, or a page of t.me links: its "@name"s are
            # Telegram usernames unless another platform is named beside them; so are
            # the handles in a shop page's contact fields.
            if (
                (
                    telegram_page
                    or (
                        shop_page
                        and (
                            _FIELD_LABEL_BEFORE.search(text, max(0, pos - 48), pos)
                            or _STAFF_BEFORE.search(text, max(0, pos - 24), pos)
                        )
                    )
                )
                and handle.group(1).lower() not in _NOT_HANDLES
                and not _other_platform_before(low, pos)
                and not _OTHER_PLATFORM_AFTER.match(low, handle.end())
            ):
                yield _handle(text, kinds.TELEGRAM, handle.group(1), pos, handle.end(), "page")


def _other_platform_before(low: bytes, pos: int) -> bool:
    return _OTHER_PLATFORM_BEFORE.search(low, max(0, pos - _PLATFORM_REACH), pos) is not None


def _after_telegram_cue(text: str, end: int, needs_at: bool = False) -> Iterator[Match]:
    found = _TELEGRAM_AFTER_CUE.match(text, end)
    if found is not None and not _accepted(found, bare_needs_shape=True):
        found = None
    if found is None:
        found = _after_phrase(_TELEGRAM_AFTER_PHRASE, text, end)
    if found is None or (needs_at and not found["at"]):
        return
    start = found.start("at") if found["at"] else found.start("user")
    yield _handle(text, kinds.TELEGRAM, found["user"], start, found.end(), "cued")
    # "Telegram: @main_shop / @backup_shop": the cue covers the list it opens.
    at = found.end()
    for _ in range(_MOST_LISTED):
        listed = _LISTED_HANDLE.match(text, at)
        if listed is None or listed["user"].lower() in _NOT_HANDLES:
            break
        yield _handle(
            text, kinds.TELEGRAM, listed["user"], listed.start("at"), listed.end(), "cued"
        )
        at = listed.end()


def _other_script_cues(text: str) -> Iterator[Match]:
    """Cues the ASCII skeleton shows as "?": Cyrillic and Chinese names of the app, the
    paper plane."""
    if any(letters in text for letters in _CYRILLIC_CUE_LETTERS):
        for cue in _CYRILLIC_CUE.finditer(text):
            yield from _after_telegram_cue(text, cue.end())
    for name, needs_at in _OTHER_SCRIPT_NAMES:
        cue = text.find(name)
        while cue != -1:
            yield from _after_telegram_cue(text, cue + len(name), needs_at=needs_at)
            cue = text.find(name, cue + len(name))


def _wickr_cued(text: str, low: bytes) -> Iterator[Match]:
    handles_end = 0  # where the last handle yielded ends
    for pos in positions(low, b"wickr"):
        end = pos + len("wickr")
        if _inside_word(low, pos, end):
            continue
        found = _WICKR_AFTER_CUE.match(text, end)
        if found is not None and not _accepted(found, bare_needs_shape=False):
            found = None
        if found is None:
            found = _after_phrase(_WICKR_AFTER_PHRASE, text, end)
        # "wickr Wickr: x": the second cue reads the same handle as the first's phrase.
        if found is not None and found.end() > handles_end:
            start = found.start("at") if found["at"] else found.start("user")
            handles_end = found.end()
            yield _handle(text, kinds.WICKR, found["user"], start, found.end(), "cued")


def _config_settings(text: str) -> Iterator[Match]:
    for setting in _CONFIG_SETTING.finditer(text):
        key_words = re.split(r"[_.\-]+", setting["key"])
        # A key of the app's name alone ("Wickr: x") is a cue, which _wickr_cued reads.
        if len(key_words) < 2 or any(_OTHER_SETTING_WORDS.fullmatch(w) for w in key_words):
            continue
        kind = _CONFIG_APP_KINDS[setting["app"].lower()]
        user = setting["user"]
        if kind == kinds.TELEGRAM and not _TELEGRAM_USER_WHOLE.fullmatch(user):
            continue
        start = setting.start("at") if setting["at"] else setting.start("user")
        yield _handle(text, kind, user, start, setting.end("user"), "cued")


def _session_ids(text: str) -> Iterator[Match]:
    for found in _SESSION_ID.finditer(text):
        yield Match(
            kind=kinds.SESSION,
            value=found.group().lower(),
            raw=found.group(),
            start=found.start(),
            end=found.end(),
            confidence=CONFIDENCE_SESSION,
            extractor="contacts.session",
        )


def _inside_word(low: bytes, start: int, end: int) -> bool:
    """The cue is part of a longer word, path or identifier ("outgrow", "/tg-x.diff")."""
    before = low[start - 1 : start] if start else b""
    after = low[end : end + 1]
    return before.isalnum() or after.isalnum() or before in (b"/", b"_", b"-", b".")


def _accepted(found: re.Match[str], bare_needs_shape: bool) -> bool:
    """Whether the word after a cue is a handle rather than the rest of a sentence."""
    user = found["user"]
    if user.lower() in _NOT_HANDLES:
        return False
    if found["verb"] or found["conn"][:1] in ("'", "’"):
        # "her Telegram is @x", "Telegram'a mesaj at": a verb follows, or may.
        return bool(found["at"]) or _looks_like_handle(user)
    explicit = bool(found["at"]) or bool(_EXPLICIT_SEPARATOR & set(found["sep"]))
    if (
        "(" in found["sep"]
        and not found["at"]
        and not _BRACKET_CLOSES.match(found.string, found.end())
    ):
        # "Wickr (x)" brackets the handle; "Wickr (existing customers only): x" a phrase.
        return _looks_like_handle(user)
    if "\n" in found["sep"] and not found["at"]:
        # "Telegram channel\nOrders ...": the next line's first word is the next line's,
        # unless it is written as a handle.
        return _looks_like_handle(user)
    if found["conn"].strip().lower() == "me" and not explicit:
        # "Wickr Me" is the app's own name: "Wickr Me shut down" names no handle.
        return _looks_like_handle(user)
    if explicit or found["conn"]:
        return True
    if not found["sep"]:
        return False  # "telegramvendor": no separation at all
    # "Telegram annabella22" / "Telegram Vendor_X": a handle's shape, not a word's.
    return not bare_needs_shape or _looks_like_handle(user)


def _after_phrase(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    found = pattern.match(text, end)
    if found is None or found["user"].lower() in _NOT_HANDLES:
        return None
    return found if found["at"] or _looks_like_handle(found["user"]) else None


def _looks_like_handle(user: str) -> bool:
    return any(c.isdigit() or c in "_." for c in user) or any(c.isupper() for c in user[1:])


def _handle(text: str, kind: str, user: str, start: int, end: int, how: str) -> Match:
    return Match(
        kind=kind,
        value=user.lower(),
        raw=text[start:end],
        start=start,
        end=end,
        confidence=_CONFIDENCE_BY_HOW.get(how, CONFIDENCE_CUED),
        extractor=f"contacts.{kind}_{how}",
    )
