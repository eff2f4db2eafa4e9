"""Contact handles: e-mail, Jabber, v3 onion hosts, Telegram, Wickr, Session IDs."""

from __future__ import annotations

from collections.abc import Iterator

from extractors import kinds
from extractors.base import DEFAULT_OPTIONS, ExtractOptions, Family, Match
from extractors.contacts import columns, emails, messengers, onions
from extractors.contacts.skeleton import ascii_lower


def find(text: str, options: ExtractOptions = DEFAULT_OPTIONS) -> Iterator[Match]:
    low = ascii_lower(text)
    yield from emails.find(text, low)
    yield from onions.find(text, low)
    yield from messengers.find(text, low)
    yield from columns.find(text, low)


FAMILY = Family(name="contacts", kinds=kinds.CONTACTS, find=find)
