"""Given names people are called by, in many languages: "Jade", "Yesenia", "Svetlana".

Ads and listings write working names without a cue phrase ("Therapists this week: Lily,
Coco, Amy", "Mia | 713-555-0166 | Galleria"); knowing that a capitalised word is a name
is what lets the layout rules in ``known_names`` read them without taking every
capitalised word of a list or table.

The names come from Faker's person providers: a well-kept, MIT-licensed package whose
lists cover some seventy locales, with romanised forms for scripts other than Latin.
(The alternatives are worse for a long-lived codebase: names-dataset is built from
leaked personal data, gender-guesser is GPL and unmaintained.) Words our lexicon knows
as something else (places, months, products, generic words) and ordinary English words
that are also names ("Will", "Young", "Chase") are left out: a name-shaped common word
is a guess these rules must not make.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from extractors.aliases import lexicon

# Names that are everyday English words, and show up capitalised in titles, lists and
# tables ("Summer Special", "Price | Rating", "King size"). Names that ads use as
# working names although they are words too (Amber, Ruby, Jade, Lily, Candy, Destiny)
# stay: in the layouts these rules read, they are the name.
COMMON_WORDS = lexicon.words(
    """
    young long rich price page chase cash star stars summer winter autumn spring royal
    major king prince duke earl bill mark art don hunter miles sterling dean max bond gay
    ray rod pat dawn eve faith hope joy sky lane precious sunny grace chance story ocean
    river rain storm ash ace best bud dash sol tron doge gift golden silver gold glory
    happy lucky merry noble pearl rock stone wood woods hill hills field fields brook
    north south east west lincoln ford dodge jeep porsche ferrari tesla apple amazon
    cole christian church bishop pope saint sage honey sugar pepper berry bunny baby babe
    doll dolly lady miss madam mister sir lord master alpha delta echo nova media press
    doctor captain general dev dom author handy line zona lemon wynn cosmo encore
    """
)
MIN_LENGTH = 3
# The short forms people go by, which Faker's lists of formal names lack: a driver is
# "Dima" or "Chuy", a booker "Paty", a recruiter "Laci", a Thai provider "Ploy". Written
# out here because no well-kept package lists hypocoristics across these languages. Not
# those that are words too ("Memo", "Ola", "Kuba", "Slava", "Asia").
HYPOCORISTICS = lexicon.words(
    """
    dima sasha vova kolya misha petya vanya zhenya seryozha lyosha tolya yura styopa
    masha dasha natasha katya tanya olya sveta nastya ksyusha vika lyuda galya oksana taras
    дима саша вова коля миша петя ваня женя серёжа сережа лёша леша толя юра макс
    маша даша наташа катя таня оля света настя ксюша вика люда галя оксана тарас
    chuy paco pepe nacho lalo beto toño chema chucho quique lupe lupita pili paty moni
    kasia basia gosia zosia bartek tomek wojtek
    terka verča bára kája péťa honza pepa míša
    laci pisti jancsi zsuzsi kati gyuri
    nelu gigi fane costel ionuț katka
    ploy fon aom pim fah kwan ning noi nok praew dao nid pui tukta
    """
)


@cache
def given_names() -> frozenset[str]:
    """Every given name Faker knows, lower-cased, less words that are something else."""
    import faker.providers.person as person_providers

    names: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        provider = importlib.import_module(f"{person_providers.__name__}.{module.name}")
        for attribute, value in vars(provider.Provider).items():
            if not (attribute.startswith("first_") and "name" in attribute):
                continue
            if isinstance(value, (str, property)) or callable(value):
                continue
            names.update(name.lower() for name in value if isinstance(name, str))
    names.update(HYPOCORISTICS)
    return frozenset(
        name
        for name in names
        if len(name) >= MIN_LENGTH
        and name.isalpha()
        and name not in COMMON_WORDS
        # Title case: foreign stop words reject only lower-case words ("mia" is "mine").
        and not lexicon.is_not_alias_word(name.title())
    )


def is_given_name(word: str) -> bool:
    """A capitalised ("Jade") or shouted ("JADE") given name; "jade" is a stone."""
    if not (word[:1].isupper() and (word[1:].islower() or word.isupper())):
        return False
    return word.lower() in given_names()
