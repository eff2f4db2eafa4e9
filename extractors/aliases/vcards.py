"""The names in a phone's exported contacts: vCards (RFC 6350), as a seized phone or a
recruiter's shared contact gives them.

    BEGIN:VCARD
    VERSION:3.0
    FN:Big Tony
    NICKNAME:Tonino
    TEL;TYPE=CELL:+44 7700 900123
    END:VCARD

A contact's display name (FN) and nickname are what its owner calls that person: an
alias, whole as written ("Sorin London"), the way an investigator searches for it.
Hand-written rather than parsed with a vCard library: pasted contacts are fragments
(a card without its END, lines cut by the paste), which a parser refuses, and only two
properties are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.aliases import lexicon
from extractors.aliases.cues import Candidate

VCARD_CONFIDENCE = 0.85

# The property name, its parameters (";CHARSET=UTF-8", ";TYPE=work"), then the value to
# the end of the line. NICKNAME may list several, separated by commas.
_NAME_PROPERTY = re.compile(
    r"^[ \t]*(?:item\d+\.)?(?P<property>FN|NICKNAME)(?:;[^:\n]{0,60})?:[ \t]*(?P<value>[^\r\n]+)",
    re.MULTILINE | re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r"(?<!\\),")
# vCard escapes "," ";" and "\" with a backslash.
_ESCAPED = re.compile(r"\\([,;\\])")


def find_vcard_names(text: str) -> Iterator[Candidate]:
    if "VCARD" not in text and "vcard" not in text:
        return
    for found in _NAME_PROPERTY.finditer(text):
        start = found.start("value")
        value = found.group("value")
        parts = _LIST_SEPARATOR.split(value) if found["property"].upper() == "NICKNAME" else [value]
        for part in parts:
            written = part.strip()
            name = _ESCAPED.sub(r"\1", written)
            # Where the name begins: the part's start, past the spaces it opens with.
            at = start + len(part) - len(part.lstrip())
            if name and not lexicon.is_rejected(name) and any(c.isalpha() for c in name):
                yield Candidate(name, at, at + len(written), VCARD_CONFIDENCE, "vcard")
            start += len(part) + 1
