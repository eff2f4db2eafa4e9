"""User names from the rows of SQL dumps."""

from __future__ import annotations

import pytest

from extractors.aliases import find
from extractors.aliases.sql_dumps import find_sql_users
from extractors.base import ExtractOptions
from tests.linear_time import growth_ratio, limit

DUMP = """-- MySQL dump 10.13  Distrib 5.7.41, for Linux (x86_64)
-- Host: localhost    Database: escortdir_prod
CREATE TABLE `users` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `username` varchar(64) NOT NULL,
  `email` varchar(128) NOT NULL,
  `pass_md5` char(32) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO `users` VALUES
(20362,'bigtexan77','BigTexan77@yahoo.com','16bf5548cf674d960d4091c551561bf9'),
(35417,'NightOwl_ATX','nightowl.atx@protonmail.com',NULL),
(35514,'mr_discreet','mrdiscreet2020@outlook.com','18b1a74afb4cac162e106548db6878aa');
"""


def users(text: str) -> list[str]:
    return [c.value for c in find_sql_users(text)]


def test_the_user_column_named_by_the_table_definition() -> None:
    assert users(DUMP) == ["bigtexan77", "NightOwl_ATX", "mr_discreet"]


def test_every_alias_of_the_dump_is_a_user_and_nothing_of_its_schema() -> None:
    found = {m.value for m in find(DUMP, ExtractOptions())}
    assert found == {"bigtexan77", "NightOwl_ATX", "mr_discreet"}


def test_offsets_point_inside_the_quotes() -> None:
    for candidate in find_sql_users(DUMP):
        assert DUMP[candidate.start : candidate.end] == candidate.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INSERT INTO users (id, login, email) VALUES (1, 'kira_x', 'a@b.co'), (2, 'Lola', NULL);",
         ["kira_x", "Lola"]),
        ("insert into `vendors` (`vendor_name`,`btc`) values ('GreenGoblin','1A1z');",
         ["GreenGoblin"]),
        ("INSERT INTO t (nick) VALUES ('O''Brien');", ["O'Brien"]),
    ],
)  # fmt: skip
def test_the_user_column_named_by_the_insert(text: str, expected: list[str]) -> None:
    assert users(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # No column is a person's.
        "INSERT INTO orders (id, product, city) VALUES (1, 'Gelato', 'Houston');",
        # The table's definition is not in the paste: the columns are unknown.
        "INSERT INTO `users` VALUES (1,'bigtexan77','x@y.com');",
        # Prose about SQL.
        "Then insert into the users table the values you want, e.g. username.",
        # Generic words in the user column.
        "INSERT INTO users (username) VALUES ('admin'), ('guest');",
        # A broken row stops the reading, and nothing after it is taken.
        "INSERT INTO users (username) VALUES ('kira_x' 'unclosed, ('lola_m');",
    ],
)
def test_what_gives_no_user(text: str) -> None:
    assert users(text) == []


@pytest.mark.parametrize(
    "unit",
    ["INSERT INTO users (username) VALUES ", "('a''", "(1,'x'),", "CREATE TABLE t (\n a int"],
)
def test_time_grows_linearly(unit: str) -> None:
    def make(size: int) -> str:
        return "INSERT INTO users (username) VALUES " + unit * (size // len(unit))

    assert growth_ratio(lambda text: find_sql_users(text), make, 40_000) < limit()
