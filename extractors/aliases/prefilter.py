"""Finds cue phrases cheaply so spaCy only sees the text around them.

The prefilter runs in two steps, because one regular expression holding every cue
phrase tries each phrase at each position and crawls at ~1 MB/s. First a scan of the
lower-cased text for the words cue phrases start with (grouped by first letter, which
the regex engine rejects fast), each followed by a loose lookahead for what its phrases
need next (case is gone, so a capital is any letter); then, at each hit, the phrase
that word starts, written as tightly as its Matcher pattern (a verb only counts with a
"from" in the same sentence, an ad adjective only before a capital). A confirmed phrase
opens a window; the Matcher has the last word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.aliases.rules import (
    AD_ADJECTIVES,
    BRACKETED_ROLES,
    BY_VERBS,
    CLOSING_QUOTES,
    COMPANION_OWNERS,
    COMPANIONS,
    DONE_BY,
    FIELD_LABELS,
    HERE,
    NAME_OWNERS,
    NAME_VERBS,
    ORDER_VERBS,
    OTHER_LANGUAGES_BY,
    OTHER_LANGUAGES_BY_VERBS,
    OWNED,
    PERSON_MARKERS,
    PERSON_ROLES,
    POSSESSIVE_MARKS,
    QUOTES,
    REFLEXIVE_NAME_VERBS,
    REFLEXIVES,
    SIGN_OFFS,
    TITLES,
    VERDICT_VERBS,
    VERDICTS,
    VISIT_VERBS,
    WROTE,
)

_CAPITAL = "(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ])"
_CAPITAL_NEXT = rf"[ \t]+(?={_CAPITAL})"
_NAME_NEXT = rf"[ \t]*(?={_CAPITAL}|\w*[\d_])"  # "Jessica", "pill_king", "xan4u"
_WORD = r"[\w'’]+"
_QUOTE = "[" + "".join(re.escape(quote) for quote in QUOTES) + "]?"
_OPENING = tuple(QUOTES)
_CLOSING = "[" + "".join(re.escape(quote) for quote in CLOSING_QUOTES) + "]"


def _after_one_of(words: list[str], then: tuple[str, ...] = ("",)) -> str:
    """A look-behind for one of ``words``, a space and (each of) ``then``: the phrase is
    found by the word after them ("my name", "her friend", 'her "boyfriend"')."""
    return (
        "(?:" + "|".join(rf"(?<=\b{word}[ \t]{re.escape(c)})" for word in words for c in then) + ")"
    )


def _one_of(words: list[str]) -> str:
    """An alternation of ``words``, longest first ("madame" before "madam")."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]  # lower-case words the phrase starts with
    pattern: str  # matched at the start of one of those words
    backward: bool = False  # the name comes before the cue ("DrWhite wrote:")
    line_start: bool = False  # the cue opens its line ("~ DrWhite")


_PHRASES = (
    # Strong cues: a lower-case handle may follow.
    _Phrase(
        (*FIELD_LABELS, "shop", "store"),
        rf"{_WORD}(?:[ \t]+(?:name|id|alias|nick|profile|page))?\"?[ \t]*(?:[:|=–—]|-[ \t])",
    ),
    _Phrase(
        ("quote", "reply", "comment", "message", "answer", "response"), rf"{_WORD}[ \t]+from\b"
    ),
    _Phrase(("ответ", "сообщение"), rf"{_WORD}[ \t]+от(?:[ \t]+пользователя)?\b"),
    _Phrase(("logged", "signed"), rf"{_WORD}[ \t]+in[ \t]+as\b"),
    _Phrase(tuple(BY_VERBS), rf"{_WORD}(?:[ \t]+#\d+)?[ \t]+by\b"),
    _Phrase(tuple(OTHER_LANGUAGES_BY_VERBS), rf"{_WORD}[ \t]+(?:{'|'.join(OTHER_LANGUAGES_BY)})\b"),
    _Phrase(("u/",), r"(?<![\w/-])/?u/(?=\w)"),
    _Phrase(("~", "--", "—", "–"), r"(?:~~?|--|—|–)(?=[ \t]*\w)", line_start=True),
    _Phrase(tuple(WROTE), rf"{_WORD}[ \t]*(?:\([^)\n]{{1,40}}\)[ \t]*)?:", backward=True),
    # Cues that need a name-shaped word next.
    _Phrase(tuple(DONE_BY), rf"{_WORD}[ \t]+by[ \t]*:?{_NAME_NEXT}"),
    _Phrase(tuple(PERSON_ROLES), rf"{_WORD}{_NAME_NEXT}"),
    _Phrase(tuple(AD_ADJECTIVES), rf"{_WORD}{_CAPITAL_NEXT}"),
    _Phrase(("pretending",), rf"pretending[ \t]+to[ \t]+be{_NAME_NEXT}"),
    _Phrase(("impersonating", "posing"), rf"{_WORD}(?:[ \t]+as)?{_NAME_NEXT}"),
    _Phrase(("real",), rf"(?<=\bthe[ \t])real{_NAME_NEXT}"),
    _Phrase(
        ("review", "reviews", "feedback", "rezension", "reseña"),
        rf"{_WORD}[ \t]+(?:of|for|on|für|de){_NAME_NEXT}",
    ),
    _Phrase(tuple(ORDER_VERBS), rf"{_WORD}[^.\n]{{0,40}}?\b(?:from|von|bei|de){_NAME_NEXT}"),
    _Phrase(
        ("name", "nombre"),
        rf"{_after_one_of(NAME_OWNERS)}\w+(?:[ \t]+(?:is|was|ist|es)|['’]s)[ \t]*:?{_NAME_NEXT}",
    ),
    _Phrase(("am",), rf"(?<=\bi[ \t])am(?:[ \t]+not)?{_NAME_NEXT}"),
    _Phrase(("i'm", "i’m", "im"), rf"{_WORD}(?:[ \t]+not)?{_NAME_NEXT}"),
    _Phrase(("contact",), rf"contact[ \t]*:?{_NAME_NEXT}"),
    _Phrase(("hit",), rf"hit[ \t]+up{_NAME_NEXT}"),
    _Phrase(("this",), rf"this[ \t]+is{_NAME_NEXT}"),
    _Phrase(tuple(VISIT_VERBS), rf"{_WORD}{_NAME_NEXT}"),
    _Phrase(tuple(VERDICT_VERBS), rf"{_WORD}[ \t]+(?:{'|'.join(VERDICTS)})\b", backward=True),
    _Phrase(("exit",), r"exit[ \t]+scamm(?:ed|ing)\b", backward=True),
    _Phrase(("soy", "its", "it's", "it’s"), rf"{_WORD}{_NAME_NEXT}"),
    _Phrase(("call",), rf"call[ \t]+me{_NAME_NEXT}"),
    _Phrase(("ask",), rf"ask[ \t]+for{_NAME_NEXT}"),
    _Phrase(("llamo",), rf"(?<=\bme[ \t])llamo{_NAME_NEXT}"),
    _Phrase(("pregunta", "pregunten"), rf"{_WORD}[ \t]+por{_NAME_NEXT}"),
    _Phrase(("ich",), rf"ich[ \t]+(?:heiße|heisse|bin){_NAME_NEXT}"),
    _Phrase(("je",), rf"je[ \t]+(?:m['’]appelle|suis){_NAME_NEXT}"),
    _Phrase(("зовут",), rf"(?<=\bменя[ \t])зовут{_NAME_NEXT}"),
    _Phrase(("sou",), rf"sou[ \t]+[ao]{_NAME_NEXT}"),
    _Phrase(("chamo",), rf"(?<=\bme[ \t])chamo{_NAME_NEXT}"),
    _Phrase(("nome",), rf"(?<=\bmeu[ \t])nome[ \t]+[ée]{_NAME_NEXT}"),
    _Phrase(("chiamo",), rf"(?<=\bmi[ \t])chiamo{_NAME_NEXT}"),
    _Phrase(("moi",), rf"moi[ \t]+c['’]est{_NAME_NEXT}"),
    _Phrase(("meet",), rf"meet{_CAPITAL_NEXT}"),
    _Phrase(("sono", "sunt", "jestem"), rf"{_WORD}{_CAPITAL_NEXT}"),
    _Phrase(("numesc",), rf"(?<=m[ăa][ \t])numesc{_NAME_NEXT}"),
    _Phrase(("ik",), rf"ik[ \t]+(?:ben|heet){_CAPITAL_NEXT}"),
    _Phrase(("ako",), rf"ako[ \t]+si{_CAPITAL_NEXT}"),
    # The title itself, not any word it opens: "don't" is no "Don".
    _Phrase(tuple(TITLES), rf"(?:{_one_of(TITLES)})\.?{_CAPITAL_NEXT}"),
    # The role is found by its word; the Matcher checks the "(" before it.
    _Phrase(tuple(BRACKETED_ROLES), rf"{_WORD}(?=[^()\n]{{0,30}}\))", backward=True),
    # 'her friend Mia', 'her "boyfriend" Marius'.
    _Phrase(
        tuple(COMPANIONS),
        rf"(?:{_after_one_of(COMPANION_OWNERS)}|{_after_one_of(COMPANION_OWNERS, _OPENING)})"
        rf"{_WORD}{_CLOSING}?{_CAPITAL_NEXT}",
    ),
    _Phrase(tuple(PERSON_MARKERS), rf"{_WORD}{_CAPITAL_NEXT}"),
    _Phrase(
        ("calls", "calling", "called"),
        rf"{_WORD}[ \t]+(?:herself|himself|themselves)[ \t]*{_QUOTE}{_NAME_NEXT}",
    ),
    _Phrase(("goes",), rf"goes[ \t]+by[ \t]*{_QUOTE}{_NAME_NEXT}"),
    _Phrase(tuple(NAME_VERBS), rf"{_WORD}{_CAPITAL_NEXT}"),
    _Phrase(
        tuple(REFLEXIVE_NAME_VERBS), rf"{_WORD}[ \t]+(?:{'|'.join(REFLEXIVES)}){_CAPITAL_NEXT}"
    ),
    # "a woman called Donna": a capital only ("called 911" calls a number).
    _Phrase(("called",), rf"called[ \t]+{_QUOTE}(?={_CAPITAL})"),
    _Phrase(("named", "nicknamed"), rf"{_WORD}[ \t]*{_QUOTE}{_NAME_NEXT}"),
    _Phrase(("known",), rf"known[ \t]+as[ \t]*{_QUOTE}{_NAME_NEXT}"),
    _Phrase(("aka", "a.k.a"), rf"a\.?k\.?a\.?[ \t]*{_QUOTE}{_NAME_NEXT}"),
    _Phrase(
        ("call", "text", "ring", "whatsapp", "ask", "message", "pm", "dm"),
        rf"{_WORD}{_NAME_NEXT}\S{{1,40}}[ \t]+(?:on|at|via)\b",
    ),
    _Phrase(("thanks", "thx", "shoutout", "props"), rf"{_WORD}[ \t]+to{_NAME_NEXT}"),
    _Phrase(tuple(SIGN_OFFS), rf"{_WORD}(?:[ \t,!~-]|<3)*{_NAME_NEXT}"),
    _Phrase(tuple(HERE), rf"(?<=[ \t]){_WORD}", backward=True),
    _Phrase(tuple(POSSESSIVE_MARKS), rf"(?<=\w)['’]s[ \t]+(?:{'|'.join(OWNED)})\b", backward=True),
    _Phrase(("store", "shop", "pharmacy", "labs"), rf"(?<=[ \t]){_WORD}", backward=True),
)
MENTION = "@"


def _cue_words_pattern(phrases: tuple[_Phrase, ...]) -> str:
    """An alternation of every cue word, each with a lookahead for what its phrases need.

    Filler prose is full of cue words that lead nowhere ("orders are packed", "reviews
    help"); rejecting them inside the regex, in C, saves a Python round trip per word.
    """
    needs: dict[str, list[str] | None] = {}
    for phrase in phrases:
        for word in phrase.words:
            if not word[0].isalnum():
                continue
            after = _continuation(word, phrase.pattern)
            if after is None or needs.get(word, []) is None:
                needs[word] = None  # some phrase of this word cannot be checked ahead
            else:
                needs.setdefault(word, []).append(after)
    # Grouping by first letter lets the regex engine reject most positions after one
    # comparison; a flat alternation of ~150 words is several times slower.
    by_first: dict[str, list[str]] = {}
    for word in sorted(needs, key=lambda word: (-len(word), word)):
        lookahead = "" if needs[word] is None else "(?=" + "|".join(needs[word]) + ")"
        by_first.setdefault(word[0], []).append(re.escape(word[1:]) + r"(?!\w)" + lookahead)
    alternation = "|".join(
        re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in by_first.items()
    )
    return f"(?:{alternation})"


def _continuation(word: str, pattern: str) -> str | None:
    """What ``pattern`` needs after ``word``, loosened to hold on lower-cased text (a
    capital becomes any letter); None when the pattern does not start with the word."""
    if pattern.startswith(_WORD):
        # The phrase's word may run on past the cue word: "vendor's:" is "vendor" + "'s:".
        after = r"[\w'’]*" + pattern[len(_WORD) :]
    elif pattern.startswith(word):
        after = pattern[len(word) :]
    else:
        return None  # it looks behind the word first ("the real", "my name")
    return after.replace(_CAPITAL, r"\w")


_CUE_WORDS = _cue_words_pattern(_PHRASES)
_SCANNER = re.compile(rf"\b{_CUE_WORDS}")
# The same scan split by what precedes the word. A pattern that opens with "\b" is
# tried at every character; one that opens with a space (a literal) or a class of
# rare characters lets the engine skip ahead to the next candidate position.
_AFTER_SPACE = re.compile(f" {_CUE_WORDS}")
_AFTER_OTHER = re.compile(rf"[^\w ]{_CUE_WORDS}")
# On ASCII text "[^\w ]" is this class; the engine tests it with a bitmap instead of a
# Unicode category lookup per character, which halves the cost of this pass.
_AFTER_OTHER_ASCII = re.compile(rf"[^0-9A-Za-z_ ]{_CUE_WORDS}")
# Cues that are symbols are found with str.find: one more regex alternative would be
# tried at every position and halve the scanner's speed. Their phrases check the rest.
_SYMBOLS = ("@", "~", "--", "—", "–", "'s", "’s", "u/")
_PHRASES_BY_WORD: dict[str, list[tuple[re.Pattern[str], _Phrase]]] = {}
for _phrase in _PHRASES:
    for _word in _phrase.words:
        _PHRASES_BY_WORD.setdefault(_word, []).append(
            (re.compile(_phrase.pattern, re.IGNORECASE), _phrase)
        )


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue phrase the Matcher should look at: its span and which way the name lies."""

    start: int
    end: int
    backward: bool


def cue_hits(text: str) -> Iterator[CueHit | int]:
    """Confirmed cue phrases in text order; a bare int is the offset of an "@"."""
    for start, key in _candidate_words(text):
        if key == MENTION:
            yield start
            continue
        for pattern, phrase in _PHRASES_BY_WORD.get(key, ()):
            confirmed = pattern.match(text, start)
            if confirmed is None:
                continue
            if phrase.line_start and not opens_line(text, start):
                continue
            yield CueHit(start, confirmed.end(), phrase.backward)
            break


def opens_line(text: str, at: int) -> bool:
    """Whether only spaces stand between the start of the line and ``at``."""
    at = space_before(text, at)
    return at == 0 or text[at - 1] == "\n"


def space_before(text: str, at: int) -> int:
    """Where the run of spaces (not line breaks) that ends at ``at`` starts.

    Walking back over spaces, rather than reading the line from its start, keeps the work
    linear on a page that is one long line."""
    while at > 0 and text[at - 1] != "\n" and text[at - 1].isspace():
        at -= 1
    return at


def _candidate_words(text: str) -> list[tuple[int, str]]:
    """(offset, lower-case cue word or symbol) for every place a cue phrase may start."""
    lowered = text.lower()
    # Lower-casing keeps offsets except for a few characters (e.g. "İ"); scan the
    # original case-insensitively then, which is slower but exact.
    if len(lowered) != len(text):
        lowered = text
        words = re.finditer(_SCANNER.pattern, text, re.IGNORECASE)
        found = [(word.start(), word.group().lower()) for word in words]
    else:
        found = [(word.start() + 1, word.group()[1:]) for word in _AFTER_SPACE.finditer(lowered)]
        after_other = _AFTER_OTHER_ASCII if lowered.isascii() else _AFTER_OTHER
        found += [(word.start() + 1, word.group()[1:]) for word in after_other.finditer(lowered)]
        opening = _SCANNER.match(lowered)
        if opening is not None:
            found.append((0, opening.group()))
    for symbol in _SYMBOLS:
        at = lowered.find(symbol)
        while at != -1:
            # "/u/name" starts at its first slash.
            start = at - 1 if symbol == "u/" and at > 0 and lowered[at - 1] == "/" else at
            found.append((start, symbol))
            at = lowered.find(symbol, at + len(symbol))
    found.sort()
    return found
