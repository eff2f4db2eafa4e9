"""Given names that a page's layout sets apart, with no cue phrase before them.

    Therapists this week: Lily (new), Coco, Amy        a list holding two known names
    Cindy & Mimi just arrived / Yesenia y Karla
    Mia            | 713-555-0166 | Galleria            a known name opening a row,
    • Yuki — Japanese, 21, petite                        a list item or a title, with a
    Diamond — Upscale GFE — Dallas Uptown                separator after it
    Re: Sasha (Capitol Hill) new number?                 a review or thread title
    Escort Scam Alerts › Ruby – "Bait pics"              a breadcrumb's last step
    this time she was 'Candy'                            a name in quotes

Every word taken here is a given name (given_names.py) except the other members of a
list that already holds two: a capitalised word in such a place is as often a heading
("Rates | Incall"), a product or a place, and knowing it is a name is what tells them
apart. Pages hold few of these words: one scan for capitalised words and a set
intersection in C decide whether any work is done at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from extractors.aliases import lexicon
from extractors.aliases.cues import SURNAME_AFTER, Candidate
from extractors.aliases.given_names import given_names
from extractors.lines import line_near

LIST_CONFIDENCE = 0.6
ROW_CONFIDENCE = 0.6
TITLE_CONFIDENCE = 0.6
QUOTED_CONFIDENCE = 0.55
CUED_CONFIDENCE = 0.7

# A capitalised or shouted word standing alone: not inside a handle, a host, an e-mail
# or a possessive ("Jade's" is read by the cue rules, if at all); an apostrophe before
# it is an opening quote, and one after it a closing quote unless a letter follows. The capital is
# matched first and what precedes it checked after: a pattern that opens with the
# look-behind is tried at every character, one that opens with a class is skipped
# through at C speed.
# Latin, Cyrillic and Greek letters: Russian, Ukrainian and Greek ads write names in
# their own script ("менеджер Алина", "Η Ελένη, 24 χρονών").
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐΑ-ΩΆΈΉΊΌΎΏ"
_LOWER = "a-zß-öø-ÿа-яёіїєґα-ωάέήίόύώϊϋΐΰς"
_CAPITALISED = re.compile(
    rf"[{_UPPER}](?<![\w@#/.\-].)(?:[{_LOWER}]{{2,15}}|[{_UPPER}]{{2,15}})(?![\w@\-]|['’]\w)"
)
_EMOJI = lexicon.EMOJI
# Between two members of a list: a bracketed note on the first ("(Russian, 24)"), emoji
# (flags, hearts) and a comma, "&", "/", "·", "•", "|" or a conjunction in one of the
# languages ads are written in.
_LIST_GAP = re.compile(
    rf"(?:[ \t]*\([^()\n]{{0,40}}\))?(?:[ \t]*{_EMOJI})*"
    # "and" in more languages: Malay/Indonesian "dan", Swahili "na", Hungarian "és", Czech
    # "a", Polish and Serbo-Croatian "i", Turkish "ve", Vietnamese "và", Dutch "en",
    # Scandinavian "og"/"och".
    r"(?:[ \t]*[,&+/·•|][ \t]*|[ \t]+(?:and|y|e|et|und|or|o|и|dan|na|és|a|i|ve|và|en|og|och)"
    r"[ \t]+)"
    rf"(?:{_EMOJI}[ \t]*)*"
)
_LIST_MINIMUM_KNOWN = 2
_BRACKETED_NOTE = re.compile(r"\([^()\n]{0,40}\)")
# What may stand between the start of a line and a row's first cell: bullets, numbering,
# a table's "|" (after a row number: "1 | Bella | RO"), a heading's "#" and an opening
# quote.
_ROW_OPENING = re.compile(
    r"[ \t]*(?:(?:[|•·*>#]+|[-–—]|\d{1,2}[.)]|\d{1,3}(?=[ \t]*\|)"
    rf"|(?:{_EMOJI})+)[ \t]*)*[\"“'‘]?"
)
# The last step of a breadcrumb ("Reviews › Ruby").
_BREADCRUMB_STEP = re.compile(r"(?:[›»]|[ \t]>)[ \t]*$")
# What follows a row's first cell: a column separator, a bracketed note, or a dash with
# a space after it (not "Jo-Anne"). Not a colon: "Zona:", "Author:" open fields, and
# a speaker's "Mia:" is the transcript rule's.
# A column's gap counts too: "  1. Mia        Thai       1.58 m / 46 kg".
_ROW_CLOSING = re.compile(rf"[\"”'’]?(?:[ \t]*(?:[|(/]|[-–—](?:[ \t]|$)|{_EMOJI})|[ \t]{{2,}}|\t)")
# Review and thread titles: "Re: Sasha", "REVIEW: Brianna", "[REVIEW] Roxy",
# "Review #33812: Jade", "Thread: Kiki (visiting)", "FR: Priya" (a field report).
_TITLE_OPENING = re.compile(
    r"(?i:\b(?:re|review|reviewed|thread|topic|subject|warning|report|alert|fr|field report)"
    r"(?:[ \t]*#\d+)?[ \t]*[:\]]|\[(?:review|warning|scam|report)\])[ \t]*$"
)
_AGE_AFTER = re.compile(
    r"(?:[ \t]*,[ \t]*|[ \t]+)(?:1[89]|[2-5]\d)"
    r"(?:(?![\w%$€£.,:/-]|[ \t]*(?i:hours?|hrs?|mins?|minutes?|days?|weeks?|h|x|/)\b)"
    r"|[ \t]?(?i:y\.?o\.?|y/o|yrs?|years|años|anos|anni|ans|jahre|lat)\b)"
)
_NAME_FIELD_BEFORE = re.compile(
    r"(?i:\b(?:name|nombre|nome|imię|imie|naam|nama|(?:new[ \t]+)?girl|model|chica)"
    r"[ \t]*[:=][ \t]*|\bsou[ \t]+)$"
)
# A person's role or a courtesy word before her name, with or without a colon:
# "Manager: Henry Collins", "meine Kollegin Nicole", "doamna Mirela". Not "agent": "the
# agent Smith mentioned" names nobody the page is about ("Agent Njeri" is a title).
_ROLE_BEFORE = re.compile(
    r"(?i:(?<![^\W\d_])(?:manager|operator|admin|administrator|driver|recruiter|coordinator"
    r"|booker|assistant|colleague|collega|collègue|kollegin|kollege|freundin|amiga|amica"
    r"|doamna|doamnei|domnul|pani|señora|senhora|signora"
    r"|менеджер|оператор|администратор|админ|куратор|водитель|водій|водія|водію"
    r"|kierowca|kierowcy|szofer|șofer|sofer|șoferul|chauffeur|chofer|motorista|autista)"
    r"[ \t]*:?[ \t]*)$"
)
# A name in brackets after a handle: "Оператор: @ChistyOperator (Кирилл)".
_HANDLE_AND_BRACKET_BEFORE = re.compile(r"@\w{3,32}[ \t]*\($")
# A name with her age and its unit, anywhere: "Η Ελένη, 24 χρονών", "Lena (21) aus Polen"
# is the bracketed-age rule's.
_AGE_WITH_UNIT_AFTER = re.compile(
    rf"[ \t]*,?[ \t]*(?:1[89]|[2-5]\d)[ \t]?(?i:{lexicon.AGE_UNITS})(?![^\W\d_])"
)
# A title's segments: "MILANO CENTRALE — Giulia, splendida", "Paris 17e — Chloé, 26
# ans", "New profile this week — Riya (22, Delhi)". The name opens a segment after a
# dash or a bar, and a comma, a bracket or her age follows it.
_SEGMENT_OPENING = re.compile(rf"\S[ \t]+(?:[-–—|]|(?:{_EMOJI})+)[ \t]+$")
_SEGMENT_CLOSING = re.compile(rf"[ \t]*(?:[,(]|[-–—](?:[ \t]|$)|{_EMOJI})")
_COMMA_THEN_WORD = re.compile(r",[ \t]+[^\W\d_A-ZÀ-ÞА-Я]")
_FLAG_AFTER = re.compile("[ \t]?[\U0001f1e6-\U0001f1ff]{2}")
_CAPITALISED_NEXT = re.compile(r" [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]")
_OPENING_QUOTES = "\"“'‘«"
_CLOSING_QUOTES = "\"”'’»"
# How much of a line before a name is read for a row's opening or a title: a line of
# megabytes is read in windows this size, never whole, for each name on it.
_LOOKBACK = 80


# A capitalised word found on the page: (start, end, whether it is a known name).
_Word = tuple[int, int, bool]


def find_known_names(text: str) -> Iterator[Candidate]:
    forms = _written_forms()
    capitalised = _CAPITALISED.findall(text)
    if not capitalised or forms.isdisjoint(capitalised):
        return
    words = [
        (found.start(), found.end(), found.group() in forms)
        for found in _CAPITALISED.finditer(text)
    ]
    listed = _listed(text, _outside_notes(text, words)) if sum(w[2] for w in words) >= 2 else []
    for word in listed:
        yield from _candidate(text, word, LIST_CONFIDENCE, "name_list")
    taken = {start for start, _, _ in listed}
    for word in words:
        if word[2] and word[0] not in taken:
            rule = _rule_for(text, word)
            if rule is not None:
                confidence, name, end = rule
                yield from _candidate(text, (word[0], end, True), confidence, name)


@cache
def _written_forms() -> frozenset[str]:
    """Each given name as a page writes it: "Jade" and "JADE"."""
    names = given_names()
    return frozenset(name.title() for name in names) | frozenset(name.upper() for name in names)


def _outside_notes(text: str, words: list[_Word]) -> list[_Word]:
    """The words not inside a list member's bracketed note: in "Svetlana (Russian, 24) ·
    Ines", "Russian" is about Svetlana and must not break the list in two."""
    if "(" not in text:
        return words
    notes = [note.span() for note in _BRACKETED_NOTE.finditer(text)]
    note_starts = [start for start, _ in notes]
    kept = []
    for word in words:
        at = bisect_right(note_starts, word[0]) - 1
        if at < 0 or word[0] >= notes[at][1]:
            kept.append(word)
    return kept


def _listed(text: str, words: list[_Word]) -> list[_Word]:
    """Members of lists that hold at least two known names.

    A member is one word: "Gary Payton, Lemon Cherry Gelato" lists strains, whose
    capitalised words run on with a space, not names."""
    members: list[_Word] = []
    chain: list[_Word] = []
    previous_end = -2
    for word in words:
        start = word[0]
        if start - previous_end == 1 and text[previous_end] == " ":
            chain = []  # the chain's last word runs on into this one: no list
        elif (
            chain
            and _LIST_GAP.fullmatch(text, chain[-1][1], start)
            and not _between_csv_cells(text, chain[-1][1], start)
        ):
            chain.append(word)
        else:
            members.extend(_as_list(chain))
            chain = [word]
        previous_end = word[1]
    members.extend(_as_list(chain))
    return members


# A CSV row's cells are no list of people, though a phone book's hold given names
# ("Vika Odessa,Vika,Odessa,* myContacts"). Read in a window: a megabyte-long row is
# looked at in this much around each gap, never whole.
_CSV_WINDOW = 120
_CSV_MINIMUM_BARE_COMMAS = 3


def _between_csv_cells(text: str, start: int, end: int) -> bool:
    """Whether the gap is a bare comma among others: a row of cells, not a list."""
    if text[start:end] != ",":
        return False
    line_start, line_end = line_near(text, start, end, _CSV_WINDOW)
    bare = text.count(",", line_start, line_end) - text.count(", ", line_start, line_end)
    return bare >= _CSV_MINIMUM_BARE_COMMAS


def _as_list(chain: list[_Word]) -> list[_Word]:
    """The chain's words, if it holds enough known names to be a list of people."""
    if sum(known for _, _, known in chain) >= _LIST_MINIMUM_KNOWN:
        return chain
    return []


def _rule_for(text: str, word: _Word) -> tuple[float, str, int] | None:
    """(confidence, rule, where the name ends) of the first rule that reads the known
    name at ``word``, if any; the name may go on with a surname ("Bruna Ferraz — ...")."""
    start, end, _ = word
    if lexicon.organisation_after(text, end):
        return None  # "Velvet Road (OLD v2, DEAD)", "Amber Spa": a market's or firm's name
    found = _layout_rule(text, start, end)
    if found is not None:
        # A cue before the name takes her surname with it: "Manager: Henry Collins".
        cued = found[1] in ("name_field", "name_role")
        return (*found, (_surname_end(text, end) or end) if cued else end)
    surname_end = _surname_end(text, end)
    if surname_end is None:
        return None
    found = _layout_rule(text, start, surname_end)
    if found is not None and found[1] in ("name_row", "name_segment"):
        return (*found, surname_end)
    return None


def _surname_end(text: str, end: int) -> int | None:
    surname = SURNAME_AFTER.match(text, end)
    if surname is None or lexicon.is_rejected(surname.group(1)):
        return None
    return surname.end()


def _layout_rule(text: str, start: int, end: int) -> tuple[float, str] | None:
    window_start = max(0, start - _LOOKBACK)
    newline = text.rfind("\n", window_start, start)
    line_in_window = newline != -1 or window_start == 0
    before = text[newline + 1 if newline != -1 else window_start : start]
    # Not the first word of a longer name: "Thread: Jade Garden Spa (Bellaire Blvd)".
    if _TITLE_OPENING.search(before) and not _CAPITALISED_NEXT.match(text, end):
        return TITLE_CONFIDENCE, "name_title"
    row_start = (line_in_window and _ROW_OPENING.fullmatch(before)) or _BREADCRUMB_STEP.search(
        before
    )
    # Shouted words opening a row are labels ("LINE / WhatsApp", "NOTE - ...").
    titled = not text[start + 1 : end].isupper()
    if row_start and titled and _ROW_CLOSING.match(text, end):
        return ROW_CONFIDENCE, "name_row"
    # An ad's title opens with her name and age, shouted or not: "Valentina, 23 -",
    # "VALENTINA 23 años".
    if row_start and _AGE_AFTER.match(text, end):
        return ROW_CONFIDENCE, "name_age"
    # Or the page opens with her name, a comma and a word about her: "Valentina,
    # venezolana 🇻🇪 recién llegada" (not "Victoria, BC" or "Victoria, 24 hours a day").
    if (
        titled
        and _COMMA_THEN_WORD.match(text, end)
        and start < _LOOKBACK
        and not text[:start].strip()
    ):
        return TITLE_CONFIDENCE, "name_title"
    # A name field ("Name: Ruby", "Nombre: Daniela", "NEW GIRL: Sakura") or the bare
    # Portuguese "sou Bianca" (the cue rules ask for "sou a"): only a known name, since
    # a product or a place has a name field too.
    if _NAME_FIELD_BEFORE.search(before):
        return CUED_CONFIDENCE, "name_field"
    if _ROLE_BEFORE.search(before):
        return CUED_CONFIDENCE, "name_role"
    if _HANDLE_AND_BRACKET_BEFORE.search(before) and text.startswith(")", end):
        return CUED_CONFIDENCE, "name_role"
    if _AGE_WITH_UNIT_AFTER.match(text, end):
        return ROW_CONFIDENCE, "name_age"
    # Her country's flag after her name: "Lima: Kiara 🇻🇪", "Camila 🇨🇱 — solo hotel".
    if _FLAG_AFTER.match(text, end):
        return ROW_CONFIDENCE, "name_flag"
    if (
        titled
        and _SEGMENT_OPENING.search(before)
        and (_SEGMENT_CLOSING.match(text, end) or _AGE_AFTER.match(text, end))
    ):
        return TITLE_CONFIDENCE, "name_segment"
    if (
        start > 0
        and end < len(text)
        and text[start - 1] in _OPENING_QUOTES
        and text[end] in _CLOSING_QUOTES
    ):
        return QUOTED_CONFIDENCE, "quoted_name"
    return None


def _candidate(text: str, word: _Word, confidence: float, rule: str) -> Iterator[Candidate]:
    start, end, _ = word
    value = text[start:end]
    if not lexicon.is_rejected(value):
        yield Candidate(value, start, end, confidence, rule)
