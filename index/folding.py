"""How aliases are matched: one folded spelling and one typo policy for every backend.

Vendors vary how they write their names across markets ("DarkLord", "D4rkL0rd",
"dark_lord", "Dárklord") to stay findable by buyers and unfindable by keyword filters.
Folding maps all of those to one string; the SQLite and Elasticsearch backends both index
``fold_alias(value)`` and judge candidates with ``alias_match_score`` so that they agree.

Folding rules, in order:

1. NFKD, then drop combining marks: accents go ("Dárklord" -> "Darklord"), and
   compatibility forms are unified (fullwidth "Ｄ４" -> "D4").
2. Case-fold ("ß" -> "ss", "DARK" -> "dark").
3. Leetspeak: 4 @ -> a, 0 -> o, 3 -> e, 5 $ -> s, 7 -> t, and 1 l i -> i.
   "1" stands for both "i" and "l", so the three collapse into one letter: "k1ller",
   "killer" and "ki11er" all fold to "kiiier". The price is that "l"/"i" alone no
   longer tell two aliases apart, which is rare for handles and cheap to review.
4. Drop everything that is not a letter or digit: separators (space _ - . ' etc.) carry
   no identity, so "dark_lord", "dark.lord" and "dark lord" are "darklord".
"""

from __future__ import annotations

import unicodedata

from rapidfuzz.distance import OSA

_LEET = str.maketrans(
    {"4": "a", "@": "a", "0": "o", "3": "e", "5": "s", "$": "s", "7": "t", "1": "i", "l": "i"}
)


def fold_alias(name: str) -> str:
    """The spelling-insensitive form of an alias (may be empty for e.g. "___")."""
    decomposed = unicodedata.normalize("NFKD", name)
    unaccented = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch for ch in unaccented.casefold().translate(_LEET) if ch.isalnum())


def typo_budget(folded_query: str) -> int:
    """Edits tolerated for a query of this length: Elasticsearch's ``fuzziness: AUTO``.

    Short names with two typos would match almost anything, so they get fewer.
    """
    if len(folded_query) <= 2:
        return 0
    if len(folded_query) <= 5:
        return 1
    return 2


def alias_match_score(folded_query: str, folded_candidate: str) -> float | None:
    """1.0 for the same folded alias, a lower similarity for one within the typo budget,
    None for no match.

    Distance is optimal string alignment (a swap of two neighbours is one typo), the same
    measure as Lucene's fuzzy query with transpositions.
    """
    if folded_query == folded_candidate:
        return 1.0
    budget = typo_budget(folded_query)
    if budget == 0 or OSA.distance(folded_query, folded_candidate, score_cutoff=budget) > budget:
        return None
    return OSA.normalized_similarity(folded_query, folded_candidate)
