"""Handles recognised by their shape alone, with no cue phrase before them.

Forum and market users pick names no dictionary has: CamelCase ("KrautKing",
"TheCandyman", "GreenGoblin420"), words joined by underscores ("ghost_rider77"), or a
title glued to a name ("Dr.Feelgood", "Ms.Molly"). Written like that in running text,
such a token is almost always somebody's handle, whether the sentence says "vendor" or
"I ordered from". Cue rules miss those sentences; this rule reads the token itself.

What else is written that way is excluded: brands and platforms (WhatsApp, PayPal),
markets (AlphaBay), places with Mc/De/La prefixes, code (snake_case next to "()" or
in a path), file and host names, constants in capitals. A shape is weaker evidence than
a cue, so these aliases carry a lower confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from extractors.aliases.cues import Candidate
from extractors.aliases.lexicon import is_not_alias_word, is_rejected, organisation_after, words

CONFIDENCE = 0.5

# Platforms, products and companies written in CamelCase, lower-cased. The lexicon's
# organisation list (markets, carriers, wallets) is checked too.
BRANDS = words(
    """
    whatsapp paypal cashapp youtube tiktok onlyfans linkedin playstation powerpoint
    javascript typescript wordpress github gitlab facebook instagram snapchat facetime
    bitcoin litecoin dogecoin coinbase blockchain blockchair torbrowser protonmail
    protonvpn nordvpn expressvpn mullvadvpn veracrypt keepass keepassxc openssl openpgp
    gnupg localbitcoins localmonero skipthegames megapersonals backpage cityxguide
    listcrawler pornhub xvideos gofundme applepay googlepay westernunion moneygram
    greendot mastercard wellsfargo bankofamerica darkweb darknet deepweb hiddenwiki
    torproject duckduckgo startpage wikileaks securedrop onionshare zeronet freenet
    oxycontin walmart homedepot bestbuy airbnb ubereats doordash grubhub playboy
    chatgpt openai microsoft iphone android telegram signalapp threema jabber
    whitehouse whitehousemarket darkmarket deepdotweb cashaddr segwit metamask
    trustwallet bitpay coinjoin joinmarket bitcoincash opsec infosec pastebin ghostbin
    privatebin appimage flatpak virtualbox vmware qubes keybase nextcloud owncloud dropbox
    protondrive protonpass windscribe riseup cryptpad tutanota simplex briar jitsi boa
    girlscoutcookies purplepunch purplehaze whitewidow gorillaglue bluedream sourdiesel
    northernlights pineappleexpress weddingcake zkittlez runtz
    wechat kakaotalk payid paysafecard moneypak googlevoice textnow textfree samsungpay
    seekingarrangement escortbabylon privatedelights eroticmonkey usasexguide
    instantsend privatesend coinswap wizzair ryanair easyjet flydubai airasia postnord
    onionmail mysql mariadb postgresql mongodb phpmyadmin voip
    """
)
# Names of algorithms, encodings, standards and systems written with their number.
_TECHNICAL = words(
    """
    sha rsa aes des bip base ecdsa eddsa secp curve blake keccak crc utf ucs ascii win
    windows ubuntu debian fedora centos mint macos ios covid ipv http https tls ssl ssh
    erc trc bep spl brc omni usdt usdc xmr btc ltc eth mp rar zip gzip tar iso x86 amd
    intel arm ryzen core gtx rtx nvidia radeon ddr lte gsm usb hdmi wpa wep ftp smtp imap
    pop rfc cve gpl mit apache python java php node perl ruby rust golang kotlin swift
    android chrome firefox opera edge tor tails whonix qubes kali parrot pgp gpg openpgp
    argon scrypt bcrypt pbkdf hmac chacha poly salsa twofish serpent camellia ed cv
    bech
    """
)
# The last word of a market's, shop's or service's made-up name ("CypherBay",
# "CardingMart", "FastSwap"): those are no person's alias.
_ORGANISATION_ENDINGS = (
    "Market", "Mart", "Bay", "Shop", "Store", "Hub", "Forum", "Board", "Bazaar",
    "Exchange", "Swap", "Mixer", "Wallet", "Pay", "Bank", "Wiki", "Links", "Search",
)  # fmt: skip
# Column and field names ("vendor_id", "btc_payout"): snake_case made of these and of
# the lexicon's words is a schema, not a person.
_FIELD_WORDS = words(
    """
    id ids no num qty url uri usd eur gbp btc xmr eth ltc amount total count sum price
    payout fee fees type status code key value hash addr address name names email phone
    user username login pass password first last created updated date time ts txid tx
    display screen stage working full real nick nickname token bot chat min max sink api
    secret webhook pct telegram tg notify
    """
)
# What a field name ends with: an identifier, a count, a unit of time or size.
_FIELD_SUFFIXES = frozenset(
    {"id", "ids", "no", "num", "url", "uri", "ms", "sec", "secs", "ts", "at", "kb", "mb",
     "gb", "pct", "count", "hash", "key", "code", "date", "type", "status", "path", "ip",
     "addr", "address", "seen", "time", "size", "file"}
)  # fmt: skip
# A run this long without a space is an encoded blob (a base64 line of a key block),
# and a CamelCase-looking piece of it is chance.
_LONGEST_PLAIN_CHUNK = 40
_SPACE_MASK = bytes(32 if chr(b) in " \n\t" else ord("x") for b in range(256))
_LONG_RUN = b"x" * (_LONGEST_PLAIN_CHUNK + 1)

# Family-name prefixes that make place and person names look CamelCase.
_NAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Lo", "Van", "Von"})
_TITLES = ("Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Sir", "Lord", "Lady", "Capt", "Prof", "Doc")

# One byte per character: lower-case letter "a", capital "A", digit "0", "_" and "."
# kept, anything else a space. CamelCase joints ("aA"), underscores and titles glued to
# a name ("a.A") are found with bytes.find at C speed; prose has almost none of them.
_MASK = bytes(
    ord("a")
    if chr(b).islower() and chr(b).isascii()
    else ord("A")
    if chr(b).isupper() and chr(b).isascii()
    else ord("0")
    if chr(b).isdigit() and chr(b).isascii()
    else b
    if chr(b) in "_."
    else ord(" ")
    for b in range(256)
)
_TITLE_JOINT = b"a.A"
# A word with a number glued to its end: "Lurker99", "houstonguy77", "darkpanda420".
_NUMBER_JOINT = b"a0"
_JOINTS = (b"aA", b"_", _TITLE_JOINT, _NUMBER_JOINT)

_TOKEN = re.compile(r"[A-Za-z0-9_]+")
_CAMEL = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]*)+[0-9]*")
_FIRST_WORD = re.compile(r"[A-Z][a-z]+")  # what every _CAMEL match opens with
_LAST_CAMEL_PART = re.compile(r"[A-Z][a-z]*[0-9]*$")
# Words a site's or a service's name ends in, never a person's handle.
_SITE_WORDS = frozenset(
    """
    ads world girls escorts models agency club hub directory finder guide network portal
    verify list docs online media central bot
    """.split()
)
_SNAKE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+")
_TITLED = re.compile(rf"(?:{'|'.join(_TITLES)})\.[A-Z][a-z]+[A-Za-z0-9]*")
# Letters then two to four digits; the letters are a word or a name ("Lurker", "mike"),
# never a unit ("mg200") or shouted ("COVID19", "PS5").
_NUMBERED = re.compile(r"[A-Za-z][a-z]{2,}[0-9]{2,4}")
# Characters that make the token part of something longer: an address, a path, a
# host, a hashtag, a hyphenated word.
# A backquote opens an SQL or Markdown identifier ("`pass_md5` char(32)").
_GLUED_BEFORE = frozenset("@#/\\.-:=&?%+~$`")
_GLUED_AFTER = frozenset("@/\\-(=+")
_MAX_TOKEN = 32
_SHORTEST_CAMEL = 4  # "RoS", "BoA": abbreviations


_ASSIGNED = re.compile(r"[ \t]*=")
_YAML_COLON = re.compile(r":(?:[ \t]|$)", re.MULTILINE)
_YAML_INDENT = 24
# A link directory's dotted leader between a site's name and its address.
# Not an ellipsis after a name in prose ("ask ghost_rider..."): a leader has a space
# before it, or more dots.
_LEADER_AFTER = re.compile(r"(?:[ \t]*\([^()\n]{0,12}\))?(?:[ \t]+\.{3,}|\.{5,})")
# A quoted key of a JSON object or config ("interval_ms": 500), and a quoted value
# after one ("mutex": "Gl0b4lClipMtx_2231"): the key says what the value is.
_JSON_KEY_AFTER = re.compile(r'"[ \t]*:')
_JSON_KEY_BEFORE = re.compile(r'"([\w\- ]{1,30})"[ \t]*:[ \t]*"$')
_PERSON_KEYS = frozenset(
    {"vendor", "seller", "user", "username", "user_name", "alias", "nick", "nickname",
     "handle", "author", "name", "login", "sender", "from", "owner", "admin"}
)  # fmt: skip
_THING_LABEL_BEFORE = re.compile(
    r"(?i:\b(?:database|db|schema|table|host|hostname|server|bucket|repo|branch|package"
    r"|module|service|process|file|path|mutex|wallet)[ \t]*[:=][ \t]*)$"
)
_COPYRIGHT_BEFORE = re.compile(r"(?i:©|\(c\)|copyright)[ \t\d\-–,]*$")
# Another app's ID after its cue ("LINE ID: yuki_dekasegi77", "Snap: jazzy_lv"): that
# app's account, not the alias a page's people go by.
_OTHER_APP_BEFORE = re.compile(
    r"(?i:\b(?:(?:line(?:[ \t]+id)?|snap(?:chat)?|insta(?:gram)?|ig|kik|skype|wechat|zalo|viber"
    r"|kakao(?:talk)?|tiktok|twitter|x|onlyfans|of|fansly|cash[ \t]*app|venmo)[ \t]*[:：]"
    r"|line[ \t]+id)[ \t]*)$"
)


def find_handle_shapes(text: str) -> Iterator[Candidate]:
    latin = text.encode("latin-1", "replace")
    mask = latin.translate(_MASK)
    blobs: _Blobs | None = None
    sites: frozenset[str] | None = None
    seen: set[int] = set()
    for joint in _JOINTS:
        position = mask.find(joint)
        while position != -1:
            start, end = _word_bounds(mask, position)
            if joint == _TITLE_JOINT:
                end = _word_bounds(mask, position + 2)[1]  # the name after the dot
            blobs = _Blobs(latin) if blobs is None else blobs
            blob_end = blobs.end_of_blob_around(start)
            if blob_end is not None:
                # An encoded blob (a base64 line of a key block, an address with its
                # URL): its CamelCase-looking pieces are chance. Skipped whole.
                position = mask.find(joint, blob_end)
                continue
            # Words longer than any handle are skipped whole.
            if end - start <= _MAX_TOKEN and start not in seen:
                seen.add(start)
                candidate = _read(text, start)
                if candidate is not None:
                    sites = _site_names(text) if sites is None else sites
                    if candidate.value not in sites:
                        yield candidate
            position = mask.find(joint, max(end, position + 1))


def _word_bounds(mask: bytes, position: int) -> tuple[int, int]:
    """The run of letters, digits and "_" around ``position`` (the mask makes every
    other character a space, except "." which ends a word too)."""
    start = max(mask.rfind(b" ", 0, position), mask.rfind(b".", 0, position)) + 1
    ends = [end for end in (mask.find(b" ", position), mask.find(b".", position)) if end != -1]
    return start, min(ends, default=len(mask))


# "Houston ads | NightList", "CypherBay › Counterfeits › Bills": the first line names
# the page and the site, whose name is on every page of it and is nobody's alias: the
# last part of a title, the first of a breadcrumb.
_LONGEST_TITLE = 200
_TITLE_SEPARATOR = re.compile(r"\s(?:\||-|–|—|::|»)\s")
_BREADCRUMB_SEPARATOR = re.compile(r"\s(?:›|»|>)\s")


def _site_names(text: str) -> frozenset[str]:
    """The names the page's first line gives its site (none if it reads otherwise)."""
    line_end = text.find("\n", 0, _LONGEST_TITLE)
    title = text[: line_end if line_end != -1 else _LONGEST_TITLE]
    names = set()
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 1:
        names.add(parts[-1].strip())
    crumbs = _BREADCRUMB_SEPARATOR.split(title)
    if len(crumbs) > 1:
        names.add(crumbs[0].strip())
    return frozenset(names)


def _read(text: str, start: int) -> Candidate | None:
    for shape in (_TITLED, _SNAKE, _CAMEL, _NUMBERED):
        match = shape.match(text, start)
        if match is None:
            continue
        end = match.end()
        word = _TOKEN.match(text, start)
        # The shape must be the whole token ("iPhone14Pro" is not "Phone14Pro").
        if word is not None and shape is not _TITLED and word.end() != end:
            return None
        value = match.group()
        if _acceptable(text, start, end, value, shape):
            return Candidate(value, start, end, CONFIDENCE, "handle_shape")
        return None
    return None


def _acceptable(text: str, start: int, end: int, value: str, shape: re.Pattern[str]) -> bool:
    if len(value) > _MAX_TOKEN or is_rejected(value):
        return False
    if start > 0 and (text[start - 1] in _GLUED_BEFORE or text[start - 1].isalnum()):
        return False
    if end < len(text):
        after = text[end]
        if after in _GLUED_AFTER or after.isalnum():
            return False
        if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
            return False  # a file or host name: "tor_browser.exe", "KrautKing.onion"
    if _quoted_config(text, start, end):
        return False
    if _OTHER_APP_BEFORE.search(text, max(0, start - 20), start):
        return False
    if _THING_LABEL_BEFORE.search(text, max(0, start - 20), start):
        return False  # "Database: escortdir_prod", "Host: db_master01": a system's name
    if _COPYRIGHT_BEFORE.search(text, max(0, start - 16), start):
        return False  # "© SafeHands 2019-2024": the site's owner, a company
    if _LEADER_AFTER.match(text, end):
        return False  # "CardVault ....... ifmip4...onion": a link directory's site
    if shape is _CAMEL and _LAST_CAMEL_PART.search(value).group().lower() in _SITE_WORDS:
        return False  # "EscortAdsWorld", "VerifyGirls": a site or a service, no person
    if shape is _SNAKE:
        if value.isupper():
            return False  # MAX_SIZE is a constant
        if _ASSIGNED.match(text, end):
            return False  # "build_id = 7f3a", "note_file = README.txt": a setting
        if value.islower() and _is_yaml_key(text, start, end):
            return False  # "  telegram_bot_token: ...": a config's key
        parts = value.lower().split("_")
        if value.islower() and parts[-1] in _FIELD_SUFFIXES:
            return False  # "insurance_id", "interval_ms": a field with its unit or key
        return not (value.islower() and all(_is_field_word(part) for part in parts))
    if organisation_after(text, end):
        return False  # "CypherBay Market", "QuickCash Loans": a market or firm, not a person
    if shape is _NUMBERED:
        # "Gelato41", "Area51", "Android12", "sha256", "trc20": a strain, a place, a
        # product, an algorithm or a token standard, and its number.
        letters = value.rstrip("0123456789").lower()
        return not (is_not_alias_word(letters) or letters in BRANDS or letters in _TECHNICAL)
    if shape is _CAMEL:
        lowered = value.lower()
        if (
            len(value) < _SHORTEST_CAMEL
            or lowered in BRANDS
            or lowered.removeprefix("the") in BRANDS
            or value.rstrip("0123456789").endswith(_ORGANISATION_ENDINGS)
        ):
            return False
        return _FIRST_WORD.match(value).group() not in _NAME_PREFIXES
    return True


def _is_yaml_key(text: str, start: int, end: int) -> bool:
    """Opens its line (after indentation or a list's "- ") and a colon follows it."""
    if not _YAML_COLON.match(text, end):
        return False
    window = max(0, start - _YAML_INDENT)
    newline = text.rfind("\n", window, start)
    if newline == -1 and window > 0:
        return False  # indented further than any config is
    return not text[newline + 1 : start].strip(" \t-")


def _quoted_config(text: str, start: int, end: int) -> bool:
    if start == 0 or text[start - 1] != '"':
        return False
    if _JSON_KEY_AFTER.match(text, end):
        return True
    key = _JSON_KEY_BEFORE.search(text, max(0, start - 40), start)
    return key is not None and key[1].lower() not in _PERSON_KEYS


def _is_field_word(part: str) -> bool:
    word = part.rstrip("0123456789")
    return not word or word in _FIELD_WORDS or is_not_alias_word(word)


class _Blobs:
    """The runs of more than _LONGEST_PLAIN_CHUNK characters between white space, found
    once a page with bytes.find on a mask where white space is " " and all else "x"."""

    def __init__(self, latin: bytes) -> None:
        spaces = latin.translate(_SPACE_MASK)
        self.starts: list[int] = []
        self.ends: list[int] = []
        position = spaces.find(_LONG_RUN)
        while position != -1:
            end = spaces.find(b" ", position)
            end = len(spaces) if end == -1 else end
            self.starts.append(spaces.rfind(b" ", 0, position) + 1)
            self.ends.append(end)
            position = spaces.find(_LONG_RUN, end)

    def end_of_blob_around(self, position: int) -> int | None:
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.ends[index]:
            return self.ends[index]
        return None
