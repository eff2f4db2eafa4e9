"""Which mail domains are plausible when an address is written in words.

"name at domain dot com" is only an address if "com" is a real top-level domain;
"name at domain.com" in plain prose only if the domain is a mail provider.
"""

from __future__ import annotations

import phonenumbers

# Mail providers common in vendor and ad contact details.
KNOWN_MAIL_PROVIDERS = frozenset(
    {
        "proton.me",
        "protonmail.com",
        "protonmail.ch",
        "pm.me",
        "tutanota.com",
        "tutanota.de",
        "tutamail.com",
        "tuta.io",
        "tuta.com",
        "keemail.me",
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "ymail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "gmx.com",
        "gmx.net",
        "gmx.de",
        "web.de",
        "mail.com",
        "mail.ru",
        "inbox.ru",
        "bk.ru",
        "list.ru",
        "yandex.ru",
        "yandex.com",
        "rambler.ru",
        "zoho.com",
        "mailfence.com",
        "posteo.de",
        "posteo.net",
        "mailbox.org",
        "riseup.net",
        "disroot.org",
        "cock.li",
        "airmail.cc",
        "dnmx.org",
        "dnmx.su",
        "onionmail.org",
        "secmail.pro",
        "elude.in",
        "danwin1210.de",
        "danwin1210.me",
        "hushmail.com",
        "countermail.com",
        "startmail.com",
        "criptext.com",
        "msgsafe.io",
        "guerrillamail.com",
        "sharklasers.com",
        "yopmail.com",
        "163.com",
        "126.com",
        "qq.com",
    }
)

_GENERIC_TLDS = frozenset(
    {
        "com",
        "net",
        "org",
        "info",
        "biz",
        "name",
        "pro",
        "edu",
        "gov",
        "mil",
        "int",
        "io",
        "me",
        "co",
        "cc",
        "tv",
        "ws",
        "li",
        "su",
        "eu",
        "uk",
        "asia",
        "mobi",
        "app",
        "dev",
        "email",
        "mail",
        "xyz",
        "top",
        "site",
        "online",
        "store",
        "shop",
        "club",
        "live",
        "life",
        "world",
        "space",
        "tech",
        "today",
        "cloud",
        "link",
        "click",
        "digital",
        "network",
        "agency",
        "services",
        "solutions",
        "support",
        "chat",
        "social",
        "media",
        "news",
        "blog",
        "website",
        "icu",
        "vip",
        "one",
        "zone",
        "fun",
        "lol",
        "wtf",
        "rocks",
        "ninja",
        "guru",
        "systems",
        "center",
        "company",
        "studio",
        "design",
        "sexy",
        "xxx",
        "porn",
        "adult",
        "sex",
        "dating",
        "love",
        "girl",
        "bar",
        "party",
        "market",
        "money",
        "cash",
        "finance",
        "bank",
        "exchange",
        "crypto",
        "onion",
    }
)

# Country-code TLDs are the ISO 3166 region codes phonenumbers already ships.
_COUNTRY_TLDS = frozenset(region.lower() for region in phonenumbers.SUPPORTED_REGIONS)


def is_real_tld(tld: str) -> bool:
    return tld.lower() in _GENERIC_TLDS or tld.lower() in _COUNTRY_TLDS


def is_known_provider(domain: str) -> bool:
    return domain.lower() in KNOWN_MAIL_PROVIDERS


# Reserved for documentation by RFC 2606 and RFC 6761: no mailbox exists there, so an
# address at one is a placeholder ("yourname@example.com", "john.doe@example.org").
# email_validator refuses the other special-use names (.test, .invalid, .localhost).
_DOCUMENTATION_DOMAINS = frozenset({"example.com", "example.net", "example.org", "example"})
_DOCUMENTATION_SUFFIXES = tuple("." + name for name in _DOCUMENTATION_DOMAINS)


def is_documentation_domain(domain: str) -> bool:
    lowered = domain.lower()
    return lowered in _DOCUMENTATION_DOMAINS or lowered.endswith(_DOCUMENTATION_SUFFIXES)
