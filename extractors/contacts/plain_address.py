"""A quick yes for plain ASCII e-mail addresses that email_validator would accept.

email_validator checks every character of the domain against Unicode tables in Python,
about 20 us an address; a page of fresh addresses spends more time there than in
finding them. For an address of ASCII letters, digits and the dot-atom punctuation,
outside Punycode, its verdict comes down to the syntax rules below, written with its
own constants. Only a yes is given here: anything else, including every address these
rules would refuse, still goes to email_validator, so the result cannot differ from its.
tests/unit/test_contacts_plain_address.py holds the two side by side on generated
addresses, edge cases included.
"""

from __future__ import annotations

import email_validator
from email_validator.rfc_constants import (
    DNS_LABEL_LENGTH_LIMIT,
    DOMAIN_MAX_LENGTH,
    DOMAIN_NAME_REGEX,
    DOT_ATOM_TEXT,
    DOT_ATOM_TEXT_HOSTNAME,
    EMAIL_MAX_LENGTH,
)

_SPECIAL_USE_DOMAINS = frozenset(email_validator.SPECIAL_USE_DOMAIN_NAMES)
_SPECIAL_USE_SUFFIXES = tuple("." + name for name in _SPECIAL_USE_DOMAINS)


def is_plain_valid(address: str) -> bool:
    """True only if ``address`` is ASCII and email_validator (with its default options
    and no deliverability check) accepts it with ``address`` as its normalised form,
    up to letter case."""
    local, at, domain = address.partition("@")
    if not at or not address.isascii() or len(address) > EMAIL_MAX_LENGTH:
        return False
    if DOT_ATOM_TEXT.match(local) is None:
        return False
    domain = domain.lower()
    if (
        len(domain) > DOMAIN_MAX_LENGTH
        or DOT_ATOM_TEXT_HOSTNAME.match(domain) is None
        or "--" in domain  # Punycode and the rule against "ab--": email_validator decides
        or "." not in domain
        # "[A-Za-z]\Z" can only match at the last character: tried there, not at each.
        or DOMAIN_NAME_REGEX.match(domain, len(domain) - 1) is None
    ):
        return False
    if len(domain) > DNS_LABEL_LENGTH_LIMIT and max(map(len, domain.split("."))) > (
        DNS_LABEL_LENGTH_LIMIT
    ):
        return False
    return domain not in _SPECIAL_USE_DOMAINS and not domain.endswith(_SPECIAL_USE_SUFFIXES)
