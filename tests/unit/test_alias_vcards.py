"""Names in exported contacts (extractors/aliases/vcards.py)."""

from __future__ import annotations

import pytest

from extractors.aliases.vcards import find_vcard_names
from tests.linear_time import growth_ratio, limit

CONTACTS = """BEGIN:VCARD
VERSION:3.0
FN:Big Tony
NICKNAME:Tonino,Il Nero
TEL;TYPE=CELL:+44 7700 900123
END:VCARD
BEGIN:VCARD
VERSION:2.1
N:Popescu;Sorin;;;
FN;CHARSET=UTF-8:Sorin London
TEL;CELL:+40 727 593 183
END:VCARD
BEGIN:VCARD
item1.FN:Doc\\, Milan
END:VCARD
"""


def test_display_names_and_nicknames_of_each_card() -> None:
    found = list(find_vcard_names(CONTACTS))
    assert [c.value for c in found] == [
        "Big Tony",
        "Tonino",
        "Il Nero",
        "Sorin London",
        "Doc, Milan",
    ]
    # Offsets point at the name as written, escapes included.
    assert [CONTACTS[c.start : c.end] for c in found][-1] == "Doc\\, Milan"
    assert CONTACTS[found[2].start : found[2].end] == "Il Nero"


@pytest.mark.parametrize(
    "text",
    [
        # No vCard on the page: "FN:" is some other field.
        "FN: 12 rounds\nNICKNAME: none",
        # A card whose name is a word the lexicon knows, or no name at all.
        "BEGIN:VCARD\nFN:Telegram\nFN:+44 7911 123456\nEND:VCARD",
    ],
)
def test_no_name(text: str) -> None:
    assert list(find_vcard_names(text)) == []


@pytest.mark.parametrize(
    "unit", ["BEGIN:VCARD\nFN:Big Tony\n", "BEGIN:VCARD\nNICKNAME:" + "a," * 20 + "\n"]
)
def test_time_grows_linearly(unit: str) -> None:
    def make(size: int) -> str:
        return unit * (size // len(unit))

    assert growth_ratio(find_vcard_names, make, 40_000) < limit()
