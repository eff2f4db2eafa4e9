"""Turn what an analyst types into the normalised (kind, value) the index stores."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers

from extractors import kinds
from extractors.base import ExtractOptions

# Kinds an analyst can look up by exact value (everything but free-text aliases).
EXACT_KINDS = kinds.ALL - {kinds.ALIAS}
LOWERCASE_KINDS = frozenset(
    {kinds.EMAIL, kinds.ONION, kinds.TELEGRAM, kinds.WICKR, kinds.SESSION, kinds.JABBER, kinds.BCH}
)


class QueryError(ValueError):
    """The input cannot be read as what was asked for; the message says why."""


@dataclass(frozen=True, slots=True)
class Lookup:
    kind: str | None  # None: any kind with this value
    value: str


def normalise_address(text: str) -> Lookup:
    """A crypto address (or any identifier) as written -> its normalised form.

    Checksums are verified by the extractors, so a mistyped address is reported as
    such instead of silently finding nothing.
    """
    text = text.strip()
    found = _whole_match(text, ExtractOptions(kinds=kinds.CRYPTO, aliases=False))
    if found is None:
        raise QueryError(
            f"{text!r} is not a valid crypto address (checksum or format did not verify)"
        )
    return found


def normalise_phone(text: str, region: str = "US") -> Lookup:
    text = text.strip()
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_valid_number(number):
        return Lookup(
            kinds.PHONE, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        )
    # Obfuscated forms ("five one two...") go through the same extractor as pages.
    found = _whole_match(
        text, ExtractOptions(kinds=frozenset({kinds.PHONE}), default_region=region, aliases=False)
    )
    if found is None:
        raise QueryError(f"{text!r} is not a valid phone number (default region {region})")
    return found


def normalise_value(kind: str, text: str, region: str = "US") -> Lookup:
    """Any kind: use the extractor's normal form when it recognises the value."""
    if kind not in kinds.ALL:
        raise QueryError(f"unknown kind {kind!r}; kinds are: {', '.join(sorted(kinds.ALL))}")
    if kind == kinds.PHONE:
        return normalise_phone(text, region)
    if kind == kinds.ALIAS:
        return Lookup(kind, text.strip().lstrip("@"))
    found = _whole_match(
        text.strip(), ExtractOptions(kinds=frozenset({kind}), default_region=region, aliases=False)
    )
    if found is not None:
        return found
    # Not recognisable from the text alone (e.g. a cue-dependent handle): apply the
    # kind's case rule from DESIGN.md to the value as typed.
    value = text.strip().removeprefix("@").removeprefix("https://").removeprefix("t.me/")
    if kind in LOWERCASE_KINDS:
        return Lookup(kind, value.lower())
    if kind == kinds.PGP_FINGERPRINT:
        return Lookup(kind, "".join(value.split()).upper().removeprefix("0X"))
    return Lookup(kind, value)


def _whole_match(text: str, options: ExtractOptions) -> Lookup | None:
    from extractors.registry import extract  # loads spaCy: only when a query needs it

    matches = extract(text, options)
    if not matches:
        return None
    best = max(matches, key=lambda m: (m.end - m.start, m.confidence))
    return Lookup(best.kind, best.value)
