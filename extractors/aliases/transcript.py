"""Aliases given away by a page's layout rather than a phrase: chat speakers and the
name that signs a post off.

    [21:04] <darkpanda> you still got it?       IRC-style log
    [21:05] pillking: ya                         timestamped speaker
    Mia, [12.03.24 14:02]                        Telegram export header
    Vanhobbyist · Mar 03, 2024 · #62             a forum post's author and date
    - darkpanda                                  last line of a post

A bare "name:" at the start of a line is a speaker only in a conversation (two or more
speakers, one of them talking twice); on a listing it is a field label ("Price:").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from extractors.aliases import lexicon
from extractors.aliases.cues import Candidate
from extractors.aliases.given_names import is_given_name
from extractors.aliases.rules import TITLES_DROPPED
from extractors.lines import LinePattern

LOGGED_SPEAKER_CONFIDENCE = 0.8
CONVERSATION_SPEAKER_CONFIDENCE = 0.7
SIGNATURE_CONFIDENCE = 0.7
POST_HEADER_CONFIDENCE = 0.65

_TITLES_DROPPED = frozenset(TITLES_DROPPED)
_HANDLE = r"[^\W_][\w.\-']{0,30}[^\W_]|[^\W_]"


# The message may follow on the next line ("[12.03.2024 14:25] Maryna:\n..."), and a
# timestamped speaker may have two names ("[2024-05-19 20:11] Lily Chen: Dear, ...").
# WhatsApp's own export writes its stamp unbracketed: "12/03/2024, 21:16 - Ioana: Da".
_SPEAKER_LINE = LinePattern.compile(
    # A chat client's log brackets the time: "(21:02:40) Kestrel: you there?"
    r"[ \t]*(?P<stamp>\[[^\]\n]{1,40}\][ \t]*|\(\d{1,2}:\d{2}(?::\d{2})?\)[ \t]*"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?"
    r"[ \t]+[-–][ \t]+)?"
    rf"(?:<(?P<bracketed>{_HANDLE})>"
    rf"|(?P<labelled>(?:{_HANDLE})(?(stamp)(?:[ \t][A-ZÀ-ÖØ-ÞА-Я][\w.]{{0,15}})?|))"
    # A display name's tagline after a bar: "Oksana | Work in Europe: Привіт!".
    r"(?(stamp)(?:[ \t]*[|｜][^:\n]{1,40})?|):(?:[ \t]|$))"
)
# Telegram Desktop's text export heads each message with its sender and time, the text
# on the lines after: "Marco  11:02". Found from the time, the sender then read from the
# line's start.
# The pattern opens with the time's colon, a literal the engine skips to; one opening
# with the spaces would be tried at every space of the page. The hour is read back.
_TIME_AT_LINE_END = re.compile(r":(?<=\d:)\d{2}(?:[ \t]?[AaPp][Mm])?[ \t]*$", re.MULTILINE)
_TIME_GAP = ("  ", " \t", "\t\t", "\t ")
# A group export puts the message's number between ("x0r  [18231]  21:16").
_SENDER = re.compile(
    rf"[ \t]*(?P<name>(?:{_HANDLE})(?: [A-ZÀ-ÖØ-ÞА-Я][\w.]{{0,15}})?)(?:[ \t]+\[\d{{1,9}}\])?"
)
_TIMED_HEADERS_MINIMUM = 2
# Telegram's HTML export, copied as text, puts the time on a line of its own under the
# sender: "Dima\n23:14\nLena lands 06:40 ...".
_SENDER_OVER_TIME = LinePattern.compile(
    r"[ \t]*(?P<name>[^\W_][\w.\-']{0,30}+(?<=[^\W_])(?: [A-ZÀ-ÖØ-ÞА-Я][\w.]{0,15})?)[ \t]*"
    r"\n[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]*$"
)
_EXPORT_SEPARATOR = ", ["
_EXPORT_HEADER = LinePattern.compile(
    rf"(?P<name>{_HANDLE}){re.escape(_EXPORT_SEPARATOR)}[^\]\n]{{4,40}}\][ \t]*$"
)
# A forum post's header: its number, its author, then when it was posted.
#   Vanhobbyist · Mar 03, 2024 · #62        #4  DumpsKing   03-04-2024, 11:40 AM
_MONTH = r"(?i:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-z]*\.?"
_POST_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\d)|\d{4}-\d{2}-\d{2}"
    rf"|(?:[A-Za-z]{{2,3}}\.?,?[ \t]+)?\d{{1,2}}\.?[ \t]+{_MONTH}(?![^\W\d_])"
    rf"|{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}"
    r"|\d{1,2}[ \t]+(?i:minutes?|hours?|days?|weeks?|months?)[ \t]+ago"
    r"|(?i:yesterday|today)\b)"
)
# The post's number ("#4" before the author, "· #62" after the date) or a "by" opening
# the line ("von Schwarzwaldkind » Mi 12. Jun 2024") tells a post's header from any
# other name and date on one line ("Paddington · 12 Mar 2024"); so does a time of day
# that ends the line after the date ("Барон_Самеди · 04.03.2024 22:15"): a dateline has
# no minutes.
_POST_HEADER = LinePattern.compile(
    rf"[ \t]*+(?:(?P<number>#\d{{1,6}}[ \t]+)|(?P<by>(?i:by|von|por|par|da|от)[ \t]+))?"
    # The name read possessively, its last character checked after: on a line of prose
    # the first word is read once, not again at every length.
    r"(?P<name>[^\W_][\w.\-']{0,30}+(?<=[^\W_]))"
    rf"(?:[ \t]+(?:[·»|•—–-]|on)[ \t]+|(?(number)[ \t]{{2,}}|(?!))){_POST_DATE}"
    r"(?(number)|(?(by)|(?:[^\n#]{0,30}#\d|,?[ \t]+\d{1,2}:\d{2}(?::\d{2})?[ \t]*$)))"
)
# A thread's comment header, Dread's and Reddit's way: the name, a dot, how long ago in
# short ("4h", "1d", "3mo"), perhaps more after another dot, under the tree's branches.
#   0xDEADHAND · 4h        └─ burnt_toast_88 · 1d · OP
_AGED_BYLINE = LinePattern.compile(
    r"[ \t└├─│>]*+(?P<name>[^\W_][\w.\-']{0,30}+(?<=[^\W_]))[ \t]+·[ \t]+"
    r"\d{1,2}(?:h|d|w|mo|y|min|hr|hrs)(?:[ \t]+·[^\n·]{1,20})*[ \t]*$"
)
# A post's author line: the name, then the author's rank, post count or join date.
#   Baron  ● Проверенный  |  Сообщений: 1 204      darkpanda | Posts: 341 | Joined 2021
_AUTHOR_LINE = LinePattern.compile(
    r"[ \t]*+(?P<name>[^\W_][\w.\-']{0,30}+(?<=[^\W_]))[ \t]*(?:[●•·|]|[ \t]{2})"
    r"[^\n]{0,60}?(?<![^\W\d_])(?i:posts?|messages|beiträge|mensajes|messaggi|posty|postów"
    r"|wiadomości|сообщений|сообщения|повідомлень|reputation|rep|joined|registered"
    r"|регистрация|inscrit|registriert)(?![^\W\d_])[ \t]*[:=]?[ \t]*\d"
)
# Telegram Desktop's JSON export names each message's sender beside the sender's id
# (on the next line when pretty-printed):
# "from": "VovaExchange", "from_id": "user5811024477". The id makes it the app's export,
# not any JSON with a "from" field (a mail's is an address).
_JSON_EXPORT_SENDER = re.compile(
    r'"from": ?"(?P<name>[^"\\\n]{1,64})",\s{0,40}"from_id": ?"(?:user|channel)\d'
)
# A service message's invited members: "action": "invite_members", "members": ["Ravshan"].
_JSON_EXPORT_MEMBERS = re.compile(r'"members": ?\[(?P<names>[^\]\n]{1,400})\]')
_QUOTED = re.compile(r'"([^"\\\n]{1,64})"')
_CLOSING = re.compile(
    rf"^[ \t]*(?:-{{1,2}}|~{{1,2}}|—|–)[ \t]*(?P<name>{_HANDLE})[ \t]*\Z", re.MULTILINE
)


def find_layout_aliases(text: str) -> Iterator[Candidate]:
    yield from _speakers(text)
    yield from _closing_signature(text)
    for header in _POST_HEADER.finditer(text):
        if lexicon.is_name_shaped(header.group("name")):
            yield from _candidate(header, "name", POST_HEADER_CONFIDENCE, "post_header")
    for author in _AUTHOR_LINE.finditer(text):
        yield from _candidate(author, "name", POST_HEADER_CONFIDENCE, "post_author")
    if "·" in text:
        for byline in _AGED_BYLINE.finditer(text):
            yield from _candidate(byline, "name", POST_HEADER_CONFIDENCE, "post_header")
    if '"from_id"' in text or '"actor_id"' in text:
        for sender in _JSON_EXPORT_SENDER.finditer(text):
            yield from _candidate(sender, "name", LOGGED_SPEAKER_CONFIDENCE, "export_sender")
        for members in _JSON_EXPORT_MEMBERS.finditer(text):
            for member in _QUOTED.finditer(text, members.start("names"), members.end("names")):
                yield from _candidate(member, 1, LOGGED_SPEAKER_CONFIDENCE, "export_member")


def _speakers(text: str) -> Iterator[Candidate]:
    unstamped: list[re.Match[str]] = []
    for line in _SPEAKER_LINE.finditer(text):
        if line.group("bracketed"):
            yield from _candidate(line, "bracketed", LOGGED_SPEAKER_CONFIDENCE, "speaker")
        elif line.group("stamp"):
            yield from _candidate(line, "labelled", LOGGED_SPEAKER_CONFIDENCE, "speaker")
        else:
            unstamped.append(line)
    # Most pages have no export header; str.find skips them at C speed where the line
    # pattern would be tried at every line. Every header holds this separator.
    if _EXPORT_SEPARATOR in text:
        for header in _EXPORT_HEADER.finditer(text):
            yield from _candidate(header, "name", LOGGED_SPEAKER_CONFIDENCE, "speaker")
    yield from _timed_headers(text)
    turns = Counter(line.group("labelled") for line in unstamped)
    if len(turns) >= 2 and max(turns.values()) >= 2:
        for line in unstamped:
            label = line.group("labelled")
            if turns[label] == 1 and _plain_capitalised_word(label) and not is_given_name(label):
                continue  # "Fees: 4%" on an FAQ with a conversation in it: a field label
            yield from _candidate(line, "labelled", CONVERSATION_SPEAKER_CONFIDENCE, "speaker")


def _timed_headers(text: str) -> Iterator[Candidate]:
    """Senders of a Telegram Desktop text export, where two headers at least say it is
    one (a lone "Opening hours  10:00" is a timetable)."""
    headers: list[re.Match[str]] = []
    for time in _TIME_AT_LINE_END.finditer(text):
        gap_end = time.start() - 1  # the hour's last digit
        if text[gap_end - 1].isdigit():
            gap_end -= 1
        if text[gap_end - 2 : gap_end] not in _TIME_GAP:
            continue
        while text[gap_end - 1] in " \t":
            gap_end -= 1
        line_start = text.rfind("\n", 0, gap_end) + 1
        sender = _SENDER.fullmatch(text, line_start, gap_end)
        if sender is not None:
            headers.append(sender)
    if len(headers) >= _TIMED_HEADERS_MINIMUM:
        for sender in headers:
            yield from _candidate(sender, "name", LOGGED_SPEAKER_CONFIDENCE, "speaker")
    over_time = list(_SENDER_OVER_TIME.finditer(text))
    if len(over_time) >= _TIMED_HEADERS_MINIMUM:
        for sender in over_time:
            yield from _candidate(sender, "name", LOGGED_SPEAKER_CONFIDENCE, "speaker")


def _plain_capitalised_word(label: str) -> bool:
    """ "Remember", "Fees": how a word opens a line; not a handle's shape ("DrWhite",
    "pill_king", "darkpanda")."""
    return label[:1].isupper() and label[1:].islower() and label.isalpha()


def _closing_signature(text: str) -> Iterator[Candidate]:
    stripped = text.rstrip()
    last_line = _CLOSING.match(stripped, stripped.rfind("\n") + 1)
    if last_line is not None:
        yield from _candidate(last_line, "name", SIGNATURE_CONFIDENCE, "signature")


def _candidate(
    found: re.Match[str], group: str | int, confidence: float, rule: str
) -> Iterator[Candidate]:
    value, start = found.group(group), found.start(group)
    # A speaker's courtesy title is dropped as the cue rules drop it: "Ate Marites:".
    title, space, name = value.partition(" ")
    if space and name[:1].isupper() and title.rstrip(".").lower() in _TITLES_DROPPED:
        value, start = name, start + len(title) + 1
    if lexicon.is_rejected(value) or not any(ch.isalpha() for ch in value):
        return
    yield Candidate(value, start, start + len(value), confidence, rule)
