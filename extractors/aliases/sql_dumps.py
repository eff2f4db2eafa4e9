"""User names in the rows of a leaked SQL dump.

A dump of a site's users is one of the commonest pastes: ``CREATE TABLE `users` (`id`
int, `username` varchar(64), ...)`` then ``INSERT INTO `users` VALUES (20362,
'bigtexan77', ...), (...);``. Its rows are written without spaces, so neither the cue
rules nor the handle shapes read them; the column's name says what each value is.

Hand-written, not an SQL parser: the dumps are fragments (truncated, "full on request"),
which a parser refuses, and only two statements matter. Every pattern is anchored where
it is tried and its repetitions are possessive, so a hostile dump stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.aliases import lexicon
from extractors.aliases.cues import Candidate

CONFIDENCE = 0.8

# The columns whose values are the names people go by on the site.
_PERSON_COLUMNS = frozenset(
    {"username", "user_name", "login", "nick", "nickname", "handle", "alias", "screen_name",
     "display_name", "vendor", "vendor_name", "seller", "seller_name", "author", "poster"}
)  # fmt: skip
_IDENTIFIER = r"[`\"\[]?(\w{1,64})[`\"\]]?"
_CREATE_TABLE = re.compile(
    rf"CREATE[ \t]+TABLE[ \t]+(?:IF[ \t]+NOT[ \t]+EXISTS[ \t]+)?{_IDENTIFIER}[ \t]*\(",
    re.IGNORECASE,
)
# A column's line in a table's definition: its name, then its type.
_COLUMN_LINE = re.compile(rf"\n[ \t]*{_IDENTIFIER}[ \t]+[A-Za-z]")
_NOT_COLUMNS = frozenset({"primary", "key", "unique", "constraint", "index", "foreign", "check"})
# A definition ends at its closing bracket, or where the next one begins.
_TABLE_END = re.compile(r"\n[ \t]*\)|(?i:CREATE[ \t]+TABLE)")
_INSERT = re.compile(
    rf"INSERT[ \t]+INTO[ \t]+{_IDENTIFIER}[ \t]*(?:\((?P<columns>[^)\n]{{0,2000}})\))?"
    r"\s*VALUES\s*",
    re.IGNORECASE,
)
_ROW_OPEN = re.compile(r"\s*,?\s*\(")
# One value of a row and what follows it: a quoted string (with '' or \' inside),
# NULL, or a number or other bare word.
_VALUE = re.compile(r"[ \t]*(?:'((?:[^'\\\n]|\\.|'')*+)'|[^,)'\n]{0,64}+)[ \t]*([,)])")
_MOST_COLUMNS = 200
_LONGEST_TABLE = 20_000  # characters of one CREATE TABLE statement
_MOST_ROWS = 100_000


def find_sql_users(text: str) -> Iterator[Candidate]:
    if "INSERT" not in text and "insert" not in text:
        return  # most pages
    # The definitions are read only for an INSERT that does not list its columns: "insert"
    # is an English word, and most pages holding it hold no SQL.
    tables: dict[str, list[str]] | None = None
    for insert in _INSERT.finditer(text):
        if insert["columns"] is not None:
            columns = [c.strip(' \t`"[]').lower() for c in insert["columns"].split(",")]
        else:
            tables = _tables(text) if tables is None else tables
            columns = tables.get(insert[1].lower(), [])
        wanted = [i for i, column in enumerate(columns) if column in _PERSON_COLUMNS]
        if wanted:
            yield from _values_in_rows(text, insert.end(), wanted)


def _tables(text: str) -> dict[str, list[str]]:
    """Each table's column names, in order, from its CREATE TABLE statement."""
    tables: dict[str, list[str]] = {}
    for create in _CREATE_TABLE.finditer(text):
        # Read no further than a table's longest definition: a paste of unclosed
        # definitions would otherwise read the rest of the page for each.
        window_end = min(len(text), create.end() + _LONGEST_TABLE)
        end = _TABLE_END.search(text, create.end(), window_end)
        body_end = end.start() if end is not None else window_end
        columns = [
            line[1].lower()
            for line in _COLUMN_LINE.finditer(text, create.end() - 1, body_end)
            if line[1].lower() not in _NOT_COLUMNS
        ]
        tables[create[1].lower()] = columns[:_MOST_COLUMNS]
    return tables


def _values_in_rows(text: str, at: int, wanted: list[int]) -> Iterator[Candidate]:
    for _ in range(_MOST_ROWS):
        row = _ROW_OPEN.match(text, at)
        if row is None:
            return
        at = row.end()
        for index in range(_MOST_COLUMNS):
            value = _VALUE.match(text, at)
            if value is None:
                return  # not a row after all: stop reading this statement
            at = value.end()
            if index in wanted and value[1] is not None:
                name = value[1].replace("''", "'").replace("\\'", "'")
                if name and not lexicon.is_rejected(name):
                    yield Candidate(name, value.start(1), value.end(1), CONFIDENCE, "sql_column")
            if value[2] == ")":
                break
