"""Words that follow alias cues but are not aliases, and the shape tests for names.

Cue phrases such as "I'm", "call me" or "sold by" are followed by ordinary words far
more often than by names ("I'm available", "call me now", "sold by the gram"), so a
candidate must survive these lists before it is reported.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.lang.de.stop_words import STOP_WORDS as GERMAN_STOP_WORDS
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS
from spacy.lang.ru.stop_words import STOP_WORDS as RUSSIAN_STOP_WORDS

from extractors.aliases.rules import TITLES_KEPT


def words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Markets, forums, agencies, carriers, wallets and platforms: names an alias cue can
# precede ("vendor on Empire", "shipped by DHL") that are never a person's alias.
ORGANISATIONS = words(
    """
    abacus agora alphabay apollon archetyp asap bohemia berlusconi blackbank blacksprut
    cannahome cannazon cryptonia cypher dark0de darkfox darkmarket dream empire evolution
    hansa hydra incognito kerberos kingdom mega monopoly nemesis nexus nucleus omg
    silkroad solaris tochka torrez tor2door valhalla versus wallstreet whm white_house
    uber lyft bolt dread dnm dnmavenue recon grams kilos tordex ahmia darknetlive
    dea fbi cia nsa atf doj dhs hsi ice europol interpol nca bka police polizei policia
    полиция фсб мвд usps dhl fedex ups royalmail postnl correos
    electrum exodus binance coinbase kraken localmonero bisq wasabi samourai
    tor tails whonix kleopatra gpg pgp gnupg
    telegram wickr signal session whatsapp kik snapchat snap instagram insta twitter
    discord threema jabber xmpp protonmail proton tutanota reddit onlyfans skype
    tox briar simplex viber zalo wechat line
    google gmail yahoo outlook craigslist backpage skipthegames megapersonals
    """
)
ORGANISATION_PHRASES = frozenset(
    {
        "dream market",
        "silk road",
        "wall street",
        "wall street market",
        "white house",
        "white house market",
        "empire market",
        "hydra market",
        "alpha bay",
        "dark market",
        "royal mail",
        "post nl",
    }
)

# Capitalised words that end the name of an organisation, not a person: "Border Force",
# "QuickCash Loans", "CypherBay Market". A name followed by one of them is its first word.
ORGANISATION_TAILS = words(
    """
    market marketplace shop store forum board wiki bazaar exchange spa agency agencies
    force police loans loan bank banking finance services service ltd inc llc gmbh group
    office department ministry council careers recruitment recruiting travels travel
    tours consulting solutions holdings company corp corporation foundation university
    college hospital clinic airlines airways express logistics escrow worldwide
    international global clinics community pro premium kings crew team labs lab network
    club collective supply supplies pharmacy pharma direct online official
    road
    """
)
# The next word of the same name: a tab or a wider gap is a table's next column ("Lady:
# Kiki   Agency/Indy: indy").
_ORGANISATION_AFTER = re.compile(r" {1,2}([A-Za-z]+)\b")


def organisation_after(text: str, end: int) -> bool:
    """Whether the word after text[:end] ends an organisation's name ("Border Force")."""
    following = _ORGANISATION_AFTER.match(text, end)
    return following is not None and following[1].lower() in ORGANISATION_TAILS


# Emoji, stars, hearts, dingbats and flags, with their joiners; not the typographic
# marks that separate menus and breadcrumbs ("›", "•", "—"). A regex character class.
EMOJI = r"[\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f000-\U0001faff]"

# What an ad writes after a lady's age, in the languages ads are written in: "22y",
# "24 yo", "23 años", "24 χρονών", "22 yaş". A regex fragment, case-sensitive as written.
AGE_UNITS = (
    r"(?:y|y\.?o\.?|y/o|yrs|years|años|anos|anni|ans|jahre|lat|лет|года|χρονών|χρονων|tuổi"
    r"|yaş|yas)"
)

PRODUCTS = words(
    """
    mdma molly ecstasy xtc cocaine coke crack heroin h smack dope xanax xans xan bars
    oxy oxys oxycodone oxycontin percocet percs perc roxies fentanyl fent lsd acid
    tabs meth ketamine ket mephedrone mcat 4mmc 3mmc weed cannabis kush hash
    bud buds shrooms psilocybin dmt 2cb adderall addy vyvanse ritalin valium diazepam
    alprazolam klonopin clonazepam tramadol codeine lean hydrocodone vicodin morphine
    suboxone subutex methadone ghb gbl speed amphetamine amphetamines pills pill viagra
    cialis steroids testosterone anavar dianabol tren ambien modafinil spice carts vapes
    edibles wax shatter dabs opium kratom pregabalin lyrica gabapentin benzos benzo
    bitcoin btc monero xmr ethereum eth litecoin ltc usdt tether dogecoin doge solana sol
    tron trx zcash zec dash bch crypto usd eur gbp
    cvv cvvs fullz dumps logs bank banks accounts account paypal cards card gift
    """
)

PLACES = words(
    """
    usa us america american uk england britain british canada canadian mexico mexican
    germany german deutschland france french spain spanish españa espana italy italian
    netherlands dutch holland belgium poland polish russia russian россия ukraine ukrainian
    china chinese japan japanese korea korean thailand thai philippines filipina filipino
    vietnam india indian pakistan nigeria nigerian ghana kenya brazil brazilian colombia
    colombian argentina venezuela peru chile australia australian europe european eu asia
    asian africa african latina latino latin ebony ukraine czech austria switzerland swiss
    sweden norway denmark finland ireland irish scotland wales portugal greece turkey
    london manchester birmingham paris berlin munich hamburg frankfurt amsterdam rotterdam
    madrid barcelona rome milan vienna prague warsaw moscow москва petersburg kyiv kiev
    bangkok pattaya manila cebu lagos abuja dubai tokyo osaka kyoto seoul busan sydney
    melbourne toronto montreal oman qatar kuwait bahrain saudi arabia uae emirates lebanon
    vancouver miami orlando tampa houston dallas austin atlanta chicago detroit boston
    richmond burnaby surrey markham brampton mississauga calgary edmonton ottawa winnipeg
    vegas las denver phoenix seattle portland brooklyn bronx queens manhattan york nyc
    la sf oakland sacramento diego philly philadelphia baltimore dc washington charlotte
    nashville memphis newark jersey cdmx guadalajara monterrey tijuana cancun bogota
    medellin lima downtown uptown midtown airport hotel incall outcall
    alabama alaska arizona arkansas california colorado connecticut delaware florida
    georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio
    oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
    santiago valencia sevilla seville lisboa lisbon porto milano roma napoli torino
    zurich zürich geneva genève wien bruxelles brussels budapest bucharest bucurești
    athens istanbul ankara antalya doha riyadh cairo nairobi accra johannesburg mumbai
    delhi bangalore jakarta bali singapore hanoi saigon taipei beijing shanghai shenzhen
    guangzhou auckland perth brisbane adelaide quito caracas havana rio janeiro buenos
    aires montevideo asuncion providencia miraflores
    """
)

TIME_WORDS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
    thurs fri sat sun weekend weekday weekdays tonight today tomorrow yesterday now later
    soon morning afternoon evening night nights noon midnight am pm asap daily weekly late early
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec lunes martes miércoles jueves viernes
    sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre
    noviembre diciembre montag dienstag mittwoch donnerstag freitag samstag sonntag
    januar februar märz juni juli oktober dezember hoy mañana heute morgen сегодня завтра
    """
)

# Words the cues are followed by in ads, listings and forum prose. Terms of endearment
# and job titles are monikers in a loose sense but identify nobody.
GENERIC = words(
    """
    automoderator
    balance wallet checkout upgrade report job jobs messages
    me myself you u ur your yours him her them us we i it its this that here there
    i'm i’m i'll i've i'd you're we're they're it's it’s that's there's here's let's
    everyone everybody anyone someone nobody guys guy gents gentlemen ladies lady man men
    woman women girl girls boy boys chica chico mädchen девушка people person persons
    babe baby babes honey hun daddy mommy mami papi sugar sweetie sweety sweetheart
    darling dear love lover friend friends buddy bro bruh dude sir madam maam mistress
    goddess queen princess king boss
    vendor vendors seller sellers buyer buyers admin admins administrator moderator moderators mod
    mods staff support team guest guests anonymous anon user users member members
    customer customers client clients owner shop store market marketplace forum
    username name nickname alias handle account profile page site website link
    available new back real ready independent indie open busy free online offline active
    away visiting located based staying touring traveling travelling waiting looking
    offering selling buying shipping ships shipped stealth escrow finalize fe multisig
    sexy hot sweet petite busty curvy thick slim young mature discreet discrete clean
    safe friendly fun funny single sure sorry not very so just also still only always
    happy glad excited bored horny curious willing able interested nice good great best
    top vip elite luxury exclusive premium quality legit verified trusted reliable fast
    gfe pse bbw ts tgirl trans companion model models escort escorts masseuse massage
    student nurse teacher secretary milf cougar hostess
    details detail info information more price prices rates rate menu pics pic photos
    photo videos video appointment appointments booking bookings reservations availability
    call text txt msg message email mail contact sms whatsapp number phone cell mobile
    review reviews feedback rating ratings order orders pack package parcel product
    products listing listings item items sample samples quantity gram grams oz ounce
    ounces kilo kilo kg lb lbs pound pounds piece pieces unit units batch weight
    yes no ok okay okey hi hey hello hola thanks thank thx ty please pls plz lol
    lmao omg wow yeah yep nope sup welcome cheers regards best
    level trust scam scammer scammers exit exitscam update updates edit edited note
    notes warning caution attention important urgent bump quote reply re fwd
    filter filters navigation nav join canary ads search login logout register signup faq
    rules terms privacy prev previous next sort category categories tags notice backup
    powered server uptime hours payment payments schedule about gallery deposit screening
    requirements policy grand opening comments likes replies views shares followers following
    votes points threads topics panel dashboard questions question answers gelato runtz
    bombshell snowbunny hottie cutie vixen diva kitten
    home work town city area room place location locations suite apt apartment floor
    exit gate highway route table chapter section step box
    english spanish español deutsch русский bilingual
    discount discounts deal deals offer offers special specials promo selfies donations
    donation tips money cash favors treat treats surprise stuff arrival arrivals year
    beauty body curves lips smile doll lingerie outfit outfits costume costumes roleplay
    management manager reception receptionist front desk office security service services
    sale sales tba tbd unknown none system bot tos txid tx age height weight пользователя
    beijos beijo beijinhos beijinho bjs besitos besos bisous bises baci bacio bacioni
    kusjes kusje buziaki buziaczki pupici pusi
    the a an and or but if of in on at to for from with by about as into over
    blonde blond brunette redhead tall short skinny fit athletic tattooed pierced natural
    bisexual bi straight classy elegant gorgeous beautiful pretty cute stunning exotic
    upscale playful passionate naughty wild kinky submissive dominant experienced
    professional genuine authentic private incall outcall overnight
    click tap come stop start look check sign log go get right over out stay live wait
    again god jesus all everything something nothing anything
    nueva nuevo caliente chica independiente disponible neu neue hier da verfügbar echt
    privat studentin student studentinnen hübsche süße новая
    colombiana colombiano venezolana venezolano mexicana mexicano argentina brasileña
    brasileiro rusa ruso española español cubana dominicana peruana chilena paisa
    deutsche russin polin ukrainerin rumänin
    italiana italiano nuova nuovo disponibile brasileira brasileiro portuguesa russa romena
    ucraina polacca spagnola tedesca française francaise russe roumaine nouvelle
    aussie kiwi pinay filipina brit
    morena morenita loira loirinha ruiva mulata rubia pelirroja novinha gordinha
    browse anmelden registrieren inserieren favoriten startseite entrar ajuda anunciar
    accedi cerca registrarse normas inicio ayuda connexion inscription accueil aide
    subject message-id reply-to in-reply-to received posted companions
    liefs kusjes groetjes baci bisous bises beijos beijinhos besitos puszi dios diosito allah
    title mirrors contacts wakala
    voip mysql mariadb postgresql sqlite linux localhost database x86_64 amd64 aarch64
    """
)

_TITLES_KEPT = frozenset(TITLES_KEPT)
STOP_WORDS = frozenset(word.lower() for word in ENGLISH_STOP_WORDS)
# Spanish, German and Russian stop words include common first names ("Mia" is "mine"
# in Spanish), so they only reject words written in lower case.
FOREIGN_STOP_WORDS = frozenset(
    word.lower() for word in SPANISH_STOP_WORDS | GERMAN_STOP_WORDS | RUSSIAN_STOP_WORDS
)

NOT_ALIASES = ORGANISATIONS | PRODUCTS | PLACES | TIME_WORDS | GENERIC | STOP_WORDS
# Shouted, a Russian stop word is no name either ("бот и оператор — ТОЛЬКО указанные"):
# Russian given names are no stop words, unlike Spanish "Mia".
_RUSSIAN_STOP_WORDS = frozenset(word.lower() for word in RUSSIAN_STOP_WORDS)

MIN_LENGTH = 3
MAX_LENGTH = 32

# Digits with at most a short unit or letter: "23", "120lbs", "34D-24-36", "5'6", "2nd".
_NUMBERISH = re.compile(r"[\W_]*\d[\d\W_]*(?:[^\W\d_]{1,3}[\d\W_]*)?")
_TLDS = words(
    "com net org info biz io me co uk de ru ch nl fr es it cc to is li su tk ws gg im in "
    "xyz pro onion app dev"
)
# A site's numbered guest or anonymous account ("guest8841", "guest_5521"): a name the
# site gave, that names nobody from one page to the next.
_GUEST_ACCOUNT = re.compile(r"(?i:guest|anon|anonymous)[_\-]?\d+")
_DOMAIN_LIKE = re.compile(r"\.(?:" + "|".join(_TLDS) + r")(?:/|$)", re.IGNORECASE)
_FILE_NAME = re.compile(
    r"\.(?:exe|msi|apk|dmg|iso|zip|rar|7z|gz|tar|pdf|txt|doc|docx|xls|xlsx|csv|jpg|jpeg|png"
    r"|gif|mp4|mp3|js|py|sh|bat|asc|gpg|sig|key)$",
    re.IGNORECASE,
)
_HEX_RUN = re.compile(r"[0-9a-fA-F]{16,}")
_DIGIT = re.compile(r"\d")


def is_not_alias_word(word: str) -> bool:
    """True for a single word that is on one of the lists above."""
    lowered = word.lower()
    return (
        lowered in NOT_ALIASES
        or (word.islower() and lowered in FOREIGN_STOP_WORDS)
        or (word.isupper() and lowered in _RUSSIAN_STOP_WORDS)
    )


def looks_like_other_identifier(value: str) -> bool:
    """E-mails, hosts, URLs, file names, phone numbers, hashes and addresses belong to
    other kinds or to none."""
    if "@" in value or "://" in value or value.lower().startswith("www."):
        return True
    if _DOMAIN_LIKE.search(value) or _FILE_NAME.search(value):
        return True
    if len(_DIGIT.findall(value)) >= 7:
        return True
    if _HEX_RUN.search(value) and any(ch.isdigit() for ch in value):
        return True
    if _GUEST_ACCOUNT.fullmatch(value):
        return True
    return len(value) >= 24 and any(ch.isdigit() for ch in value) and not value.islower()


def is_numberish(value: str) -> bool:
    """Ages, prices, measurements and counts are not names."""
    return bool(_NUMBERISH.fullmatch(value)) or not any(ch.isalpha() for ch in value)


def is_name_shaped(value: str) -> bool:
    """Looks like a name or handle rather than a common word written in lower case.

    Names start with a capital (Jessica, DrWhite, JESSICA); handles carry digits or
    underscores (pill_king, xan4u).
    """
    first = value[0]
    if first.isupper():
        return True
    has_letters = any(ch.isalpha() for ch in value)
    return has_letters and any(ch.isdigit() or ch == "_" for ch in value)


def is_handle_shaped(value: str) -> bool:
    """A made-up handle rather than a word: CamelCase (DrWhite) or inner digits, "_", "."
    or "-" (pill_king, Dr.White, xan4u)."""
    if not any(ch.isalpha() for ch in value):
        return False
    camel = any(a.islower() and b.isupper() for a, b in pairwise(value))
    return camel or any(ch.isdigit() or ch in "_.-" for ch in value[1:-1])


def is_rejected(value: str) -> bool:
    """Not an alias whatever cue it follows."""
    if not MIN_LENGTH <= len(value) <= MAX_LENGTH:
        return True
    if is_not_alias_word(value) or value.lower() in ORGANISATION_PHRASES:
        return True
    words = value.split()
    # "Madam Blessing", "Boss Arman": a title kept with the name, as the cue rules keep it.
    if len(words) > 1 and is_not_alias_word(words[0]) and words[0].lower() not in _TITLES_KEPT:
        return True
    return is_numberish(value) or looks_like_other_identifier(value)
