"""Hand-written page texts with slots for identifiers.

``{slot}`` is filled by the generator of that name in build_corpus.SLOTS (a fresh value
each time); ``{slot#tag}`` repeats one value within a document. Cue phrases, markets,
products, prices and other hard negatives are written into the prose itself, the way
pages really carry them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    source: str
    text: str
    copies: int = 4


MARKET = [
    Template(
        "market",
        """{product} - 84% purity, lab tested
Vendor: {vendor#v}
Ships from: Netherlands | Ships to: Worldwide | Escrow: yes
Price: {price} per gram, discounts on 10g+.
Payment: BTC {btc} or XMR {xmr}
Questions? Message {vendor#v} through the market inbox, no off-site deals.""",
    ),
    Template(
        "market",
        """Listing #{order} | sold by {vendor#v} (Level 6, 1,204 sales, 4.93/5)
Stealth: vacuum sealed + MBB. Processing 24-48h, ships Monday to Friday.
Refund policy: reship once, 50% after that. No FE for buyers under 10 orders.
Accepts: Monero only -> {xmr}
Do NOT send from an exchange. tx hashes like {txid} will not be accepted as proof.""",
    ),
    Template(
        "market",
        """=== {vendor#v} STORE ===
Welcome to my shop. Been vending since 2019 on {market} and {market}.
PGP fingerprint: {fpr}
Contact: wickr & market PM only.
{wickr}
Donations/tips: {btc}
Backup link for my shop: {onion}""",
    ),
    Template(
        "market",
        """Vendor profile: {vendor#v}
Trust level 4 | Joined {date} | Last seen {date}
About: small batch, top quality, shipping from the UK. Same day dispatch before {time}.
For custom orders email {email} (PGP mandatory).
{pgpkey}""",
        copies=3,
    ),
    Template(
        "market",
        """[LISTING] 100x {product} 2mg - pressed, not pharma
Seller: {vendor#v}
{price} + shipping, tracked {tracking}
Feedback: 5/5 "fast delivery, good stealth" - buyer {user}
Pay to LTC {ltc} or DOGE {doge}""",
    ),
    Template(
        "market",
        """Shop rules - read before ordering from {vendor#v}
1. Escrow only. Orders marked shipped within 72h.
2. Payment addresses rotate. Current BTC: {btc}
   (old address {badaddr} is DEAD, do not use)
3. ETH / USDT (ERC20): {eth}
4. Address your package correctly, I am not responsible for typos.
~ {vendor#v}""",
    ),
    Template(
        "market",
        """Mirror list for {vendor#v}'s store:
{onion}
{onion}
Old v2 mirror {onion2} is gone, phishing clones everywhere.
Always verify the signed mirror list with my key {fpr}.""",
    ),
    Template(
        "market",
        """Product: {product} (Lot {order})
Vendor: {vendor#v} | Ships from: Germany
Ich verschicke nur innerhalb der EU. Bezahlung per XMR: {xmr}
Verkäufer: {vendor#v}, seit {date} aktiv. Rückfragen über Jabber: {jabber}""",
        copies=3,
    ),
    Template(
        "market",
        """Producto: {product} de alta pureza
Vendedor: {vendor#v}
Envíos desde España, 48-72 horas. Pago en Monero {xmr} o Bitcoin {btc}.
Dudas por Telegram: {tg}""",
        copies=3,
    ),
    Template(
        "market",
        """Магазин {vendor#v} — закладки по городу.
Продавец: {vendor#v}
Оплата BTC: {btc}
Связь: {tg} или Jabber {jabber}. Оператор отвечает с 10:00 до 22:00.""",
        copies=3,
    ),
    Template(
        "market",
        """PAYMENT OPTIONS (read carefully)
BTC: {btc}
BCH: {bch}
LTC: {ltc}
XMR: {xmr}
TRX (TRC20 USDT): {trx}
SOL: {sol}
Send the exact amount ({amount} BTC for the 5g pack). Vendor {vendor#v} checks every
payment by hand, please be patient.""",
    ),
    Template(
        "market",
        """Sold by {vendor#v} - ships worldwide from Canada. {product} in stock.
Payment: Dash {dash} or Zcash (transparent only) {zec}.
No testnet coins, do not send to {testnet}, lol it happened twice.""",
        copies=3,
    ),
    Template(
        "market",
        """{vendor#v} // verified vendor // {market} + {market} feedback imported
We accept BTC, XMR, LTC.
btc: {btc}
xmr: {xmr}
Our old ltc address started with a 3, it still works: {ltc3}
Sold by the gram or by the ounce. Bulk buyers contact us on Session: {session}""",
    ),
    Template(
        "market",
        """Vendor: {vendor#v}
Rating: 4.8 (312) | Disputes won: 14 | Ships from: USA
In stock: {product}, {product}, {product}
ETH accepted: {eth}
Beware of the scammer copying my listings with address {badeth} - that is NOT me.""",
    ),
    Template(
        "market",
        """Listing by {vendor#v}. Measurements of the pack: 12x8cm, weight {weight}.
Legacy BCH address (old wallet): {bchleg}
New CashAddr: {bch}
Quote from: {user#u} on {date}
> got my pack in 3 days, legit. Thanks {vendor#v}""",
        copies=3,
    ),
]

ADBOARD = [
    Template(
        "adboard",
        """Hi gentlemen, I'm {girl#g} 😘 new in town!!
{age} yo, {meas}, {height}, {weight}. Available 24/7 incall & outcall.
Call or text {phone}
{price} - no rushing. Ask for {girl#g}. xoxo""",
    ),
    Template(
        "adboard",
        """❤️ SWEET {girl#g} ❤️ real pics 100%
Call me now: {phoneobf}
I'm available today and tomorrow, {price} special. No blocked numbers, no law enforcement.
Kisses, {girl#g}""",
        copies=5,
    ),
    Template(
        "adboard",
        """NEW NEW NEW - Exotic {girl#g} visiting Houston TX {zip} this week only
📱 {phoneobf}
Text only, no calls. {meas} | {height}
Ask for details when you text. I'm waiting for you 💋""",
        copies=5,
    ),
    Template(
        "adboard",
        """My name is {girl#g}, {age}, independent. I don't do drama.
Contact: {phone} (calls before midnight please)
Backup: {phoneobf}
Rates: {price} / {price}
xoxo {girl#g}""",
    ),
    Template(
        "adboard",
        """Hey babe, {girl#g} here 💕 just arrived in Miami
WhatsApp: {wa}
Telegram for pics: {tg}
{price} incall, deposit required. I'm new, call me now babe!""",
    ),
    Template(
        "adboard",
        """Soy {girl#g}, colombiana, {age} años. Estoy disponible hoy.
Llámame: {phone_co}
WhatsApp {wa}
Besos, {girl#g}""",
        copies=3,
    ),
    Template(
        "adboard",
        """Меня зовут {girl#g}, мне {age}. Встречи в центре, апартаменты.
Телефон: {phone_ru}
Пишите в Telegram: {tg}
Цена {price}""",
        copies=3,
    ),
    Template(
        "adboard",
        """Ich bin {girl#g}, {age} Jahre, neu in Berlin.
Ruf mich an: {phone_de}
Termine nur nach Vereinbarung. Hausbesuche {price}.
Küsse, {girl#g}""",
        copies=3,
    ),
    Template(
        "adboard",
        """VIP companion {girl#g} | London | {height} {weight}
Call/WhatsApp {phone_gb}
Overnights available. References required. Email {email}
Ask for {girl#g} when you call.""",
        copies=3,
    ),
    Template(
        "adboard",
        """Sawasdee ka! I'm {girl#g} from Bangkok, massage and more 🌸
LINE / WhatsApp: {phone_th}
Open daily {time} - {time}. Soi 11 near BTS. {price} for 60 min.""",
        copies=3,
    ),
    Template(
        "adboard",
        """Pinay {girl#g} here in Makati, {age} years old
Text me {phone_ph}
or Telegram {tg}
Tip {price} only, no rush""",
        copies=3,
    ),
    Template(
        "adboard",
        """Lagos Island / VI - call {girl#g} on {phone_ng}
24/7 available, hotel visits. Serious guys only, no flashing.
Order of service: call first, then text location.""",
        copies=3,
    ),
    Template(
        "adboard",
        """♡ {girl#g} ♡ {meas} ♡ {age}
☎️ {phoneobf}
📍 Dallas, near the airport. Today {date} only.
DON'T ASK FOR DISCOUNTS. Ask for {girl#g}, I'm real.""",
        copies=5,
    ),
    Template(
        "adboard",
        """Call me {girl#g} 😈 {phoneobf}
New pics daily on my page. Tell me you saw me on this site.
Donations: btc {btc}""",
        copies=4,
    ),
    Template(
        "adboard",
        """Room {order} upstairs. Say you are here for {girl#g}.
Number: {phone}
Hours {time}-{time}, parking at the back. Cash or CashApp only.""",
        copies=3,
    ),
    Template(
        "adboard",
        """Classifieds > Personals > Brooklyn
Posted: {date} {time}
"Sweet girl, call me now" - {price}, {height}, {weight}
Reply: {phoneobf}
Poster ID: {order}""",
        copies=4,
    ),
    Template(
        "adboard",
        """Hola papi, soy {girl#g} 💋 latina caliente
📞 {phoneobf}
Also on Wickr: {wickr}
I'm available after {time}. No texts from blocked numbers.""",
        copies=3,
    ),
]

FORUM = [
    Template(
        "forum",
        """Re: Is {vendor#v} legit?
{user#a} wrote:
> ordered 2g from {vendor#v} last week, still nothing
Mine arrived day 5, stealth was great. Don't panic.
@{user#a} give it 10 days, customs is slow right now.
~ {user#b}""",
    ),
    Template(
        "forum",
        """[REVIEW] {vendor#v} - {product}
Posted by {user#a} on {date}
Ordered: 3.5g
Shipping: 4 days to {zip} area
Stealth: 9/10
Quality: tested with reagents, clean.
Would buy from {vendor#v} again. Their mirror: {onion}""",
    ),
    Template(
        "forum",
        """Scam warning!!! Someone pretending to be {vendor#v} on Telegram {tg} is asking for
payment to {btc}. The real {vendor#v} only sells on {market}. Do not fall for it.
Also ignore the invite link {tginvite} going around, it's a honeypot by {agency}.
- {user#a}""",
    ),
    Template(
        "forum",
        """Thread: best way to tumble coins?
u/{user#a}: never send straight from an exchange. swap to XMR first.
u/{user#b}: this. I got burned last year, {agency} traced my tx {txid}
u/{user#a}: lol yeah. also don't reuse {btc} style addresses
/u/{user#c} posted a good guide in the OPSEC sub, read that.""",
    ),
    Template(
        "forum",
        """Quote from: {user#a} on {date}
Anyone know if {vendor#v} is still active? Their wickr is dead.

{user#b} said: they moved to Session, ID {session}
Ask for the new menu there, prices went up though.""",
    ),
    Template(
        "forum",
        """Review of {vendor#v}: 5 stars.
Ordered from {vendor#v} on {market} before it exit scammed, then followed them to their own
shop at {onion}. Always on time. Love, {user#a}""",
        copies=3,
    ),
    Template(
        "forum",
        """Vendor list (updated {date}) - all verified by mods
{vendor} - {product}, EU only
{vendor} - {product}, US domestic
{vendor} - {product}, worldwide
Report dead links to {user#a}. Don't PM me about {product}, I'm not a vendor.""",
        copies=3,
    ),
    Template(
        "forum",
        """[PSA] The md5 of the real Tails image is {md5}, sha256 {sha256}.
Don't trust random mirrors. Block {blockhash} confirmed the donation address {btc}
belongs to the project. Thanks to {user#a} for checking.
-- {user#b}""",
        copies=3,
    ),
    Template(
        "forum",
        """> {user#a} wrote:
> How do I contact {vendor#v}?
Their jabber is {jabber} and they answer within a day. Or email {email}.
Posted by {user#b}""",
        copies=4,
    ),
    Template(
        "forum",
        """DNM bible question. My order #{order} was marked shipped on {date} but tracking shows
nothing. Vendor {vendor#v} says wait. Paid {amount} BTC to {btc}. Is this normal?
Posted by {user#a}
Reply from {user#b}: normal, give it two weeks, then open a dispute.""",
        copies=3,
    ),
    Template(
        "forum",
        """Hallo zusammen, ich bin neu hier. Hat jemand Erfahrung mit {vendor#v}?
Bestellt bei {vendor#v} am {date}, bezahlt an {xmr}.
Grüße, {user#a}""",
        copies=3,
    ),
    Template(
        "forum",
        """Hola! Compré de {vendor#v} hace dos semanas y todo bien.
Envío a Madrid {zip}, tardó 3 días. Su correo: {email}
Saludos, {user#a}""",
        copies=3,
    ),
    Template(
        "forum",
        """@{user#a} thanks for the heads up.
For everyone else: {vendor#v}'s PGP key changed, new fingerprint {fpr}.
Not to be confused with the sha1 of the release tarball: {sha1}.""",
        copies=3,
    ),
    Template(
        "forum",
        """Scam list (do NOT deal with these):
- fake vendor using {tg}
- wickr "support" account {wickr}
- phishing mirror {badonion} (looks like the real link but one letter is off)
- ETH address {badeth} (checksum does not match, copy-paste trap)
Compiled by {user#a}""",
        copies=3,
    ),
]

PASTE = [
    Template(
        "paste",
        """-----
wallets dump {date}
btc {btc}
btc {btcv}
eth {eth}
xmr {xmrv}
doge {doge}
privkey (do not share!!) {wif}
txid {txid}
-----""",
        copies=4,
    ),
    Template(
        "paste",
        """contacts for the crew
{girl#a} - {phone} / {email}
{girl#b} - {phoneintl}
driver: {phone}
backup telegram {tg}
jabber {jabber}""",
        copies=3,
    ),
    Template(
        "paste",
        """=== links ===
{onion}
{onion}
{onion2} (dead v2)
{ip}:8080 panel
mirror checksums (sha256): {sha256}
contact admin: {session}""",
        copies=4,
    ),
    Template(
        "paste",
        """{pgpkey}

Verify the fingerprint before you write to me, or ask {vendor#v} on Wickr: {wickr}""",
        copies=4,
    ),
    Template(
        "paste",
        """addr book
ZEC {zec}
DASH {dash}
TRX {trx}
SOL (phantom) {sol}
LTC {ltc}
BCH {bch}
test wallet (ignore): {testnet}
broken copy from chat: {badaddr}
invalid example from docs: {badvec}""",
        copies=4,
    ),
]

CHAT = [
    Template(
        "chat",
        """[{time}] <{user#a}> yo you still got the {product}?
[{time}] <{user#b}> ya, send {amount} to {btc}
[{time}] <{user#a}> sent. txid {txid}
[{time}] <{user#b}> got it, shipping tmrw""",
        copies=4,
    ),
    Template(
        "chat",
        """{user#a}: hey who was the guy with the good {product}
{user#b}: {vendor#v}, he's on wickr as {wickr}
{user#a}: thx. what about payment
{user#b}: xmr only {xmr}""",
        copies=3,
    ),
    Template(
        "chat",
        """— Forwarded message —
From: {email}
hey its {girl#g}, my new number is {phoneobf}, old one got blocked.
text me there or on telegram {tg}. dont call after {time}.""",
        copies=3,
    ),
    Template(
        "chat",
        """[{date} {time}] {user#a}: the session id is {session}
[{date} {time}] {user#b}: and the onion?
[{date} {time}] {user#a}: {onion} - the v2 one ({onion2}) is dead
[{date} {time}] {user#b}: ok will ask for {vendor#v} there""",
        copies=3,
    ),
    Template(
        "chat",
        """<{user#a}> anyone got a clean eth addr for the group buy?
<{user#b}> use mine {eth}
<{user#a}> that's the checksummed one right, not {badeth}?
<{user#b}> yes. hit me on signal, +1 is fine: {phone}""",
        copies=3,
    ),
]

# Pages with nothing to find: the hard negatives on their own.
NEGATIVE = [
    Template(
        "adboard",
        """I'm Back!! 💋 Sexy Lingerie sale this weekend only. Call Reception at the front desk,
ask for Management if nobody answers. My name is not important. Contact Support via the site.
Sweet Treats and Hot Deals, {price}. I'm Sorry, no Discounts. xoxo""",
        copies=3,
    ),
    Template(
        "forum",
        """Posted by Admin · {date}
Quote from: Guest on {date}
Sold by Weight only, shipped by DHL or USPS. Review of the week: nothing yet.
Ordered from Germany, got it from the Netherlands. Thanks to everyone. Cheers, Team
Vendor: TBA
~ Staff""",
        copies=3,
    ),
    Template(
        "market",
        """Vendor of the month: to be announced. Seller: N/A. User: anonymous.
Shipped by tracked post. Call us at the office. I am Legit, I am Reliable, I am Online.
Posted by moderator on {date}. Thanks, Support Team. Pay in {product}? No. BTC only.""",
        copies=3,
    ),
    Template(
        "market",
        """Order summary #{order}
Placed {date} at {time}. Items: 2 x {product}. Total {price} (≈ {amount} BTC)
Tracking: {tracking}
Deliver to ZIP {zip}. Order of magnitude cheaper than {market}.
Sold by the gram. Ask for details in the inbox. Vendor is on holiday until {date}.""",
        copies=3,
    ),
    Template(
        "adboard",
        """I'm available 24/7 babe, call me now! Ask for details.
{meas} | {height} | {weight} | {price}
Serving {zip} and nearby. Open {time} to {time}. I'm new, I'm real, I'm here!""",
        copies=3,
    ),
    Template(
        "forum",
        """Release notes {date}: fixed the login bug. sha1 {sha1}, md5 {md5}.
Server {ip} migrated. Thanks everyone. {agency} seized {market} today, stay safe.
Posted by admin""",
        copies=3,
    ),
    Template(
        "paste",
        """hashes
{sha256}
{txid}
{blockhash}
{md5}
{notemail}
{tginvite}
{badvec}""",
        copies=3,
    ),
]

MORE = [
    Template(
        "market",
        """★ {vendor#v} ★ Premium {product} ★ Escrow & FE for trusted buyers
Payment in BTC ({btc}) or XMR ({xmr}). Prices in USD, converted at checkout.
Level 8 seller, 2,301 orders. Vendor bond paid on {market}.
Orders placed after {time} UTC ship the next day.""",
        copies=3,
    ),
    Template(
        "market",
        """{product} 10 pack
Shipped by {vendor#v} from the Netherlands. Tracked & signed: {tracking}
Pay with Dogecoin {doge} or Tron {trx}. Dash also fine: {dash}
No refunds on seized parcels, {agency} has been busy lately.""",
        copies=4,
    ),
    Template(
        "market",
        """Seller information
Username: {vendor#v}
Member since: {date}
Positive feedback: 99.2%
PGP: {fpr}
XMPP: {jabber#j}
Session: {session}""",
        copies=4,
    ),
    Template(
        "market",
        """Anonymous donations keep the mirror list alive.
Bitcoin: {btc}
Bitcoin Cash: {bch}
Zcash (t-addr): {zec}
Solana wallet: {sol}
Ethereum: {eth}
Run by {user#a}, no affiliation with {market}.""",
        copies=4,
    ),
    Template(
        "market",
        """FAQ - {vendor#v}'s shop
Q: Do you ship to the US? A: Yes, from a domestic drop, 2-4 days.
Q: Can I pay with Litecoin? A: Yes: {ltc}
Q: Who answers messages? A: Me, {vendor#v}, and my packer. Wickr {wickr}
Q: Order number format? A: like {order}, quote it in every message.""",
        copies=4,
    ),
    Template(
        "market",
        """Review of {vendor#v}'s {product}: solid, 8/10. Would order again.
Reviewed by {user#a} · {date} · verified purchase
Sent {amount} BTC to {btc} and got the pack in 5 days.""",
        copies=4,
    ),
    Template(
        "adboard",
        """{girl#g} 💋 {age}
My number: {phoneobf}
Screening required: send name + work email.
I'm available for dinner dates and overnights. Donations {price}.
💌 {email}""",
        copies=5,
    ),
    Template(
        "adboard",
        """BACKPAGE REPOST - Sexy {girl#g} is back in town!!!
{phoneobf}   {phoneobf}
Call me. I'm friendly and discreet. {height}, {weight}, {meas}.
2 girl special {price}. Ask for {girl#h} too 😉""",
        copies=4,
    ),
    Template(
        "adboard",
        """Massage by {girl#g} - Thai style, relaxing.
Address: 1234 Westheimer Rd, Houston, TX {zip}. Appointment: {phone}
Open 7 days, {time} to {time}. Walk-ins welcome. Credit cards accepted.""",
        copies=3,
    ),
    Template(
        "adboard",
        """Escort agency - {girl#a}, {girl#b}, {girl#c} available tonight
Bookings: {phone_gb} or {phoneintl}
Email bookings@ for details: {email}
We don't answer withheld numbers. {price} per hour.""",
        copies=4,
    ),
    Template(
        "adboard",
        """hii its {girl#g} 🥰 new number!! {phoneobf}
old one is dead dont text it
snap & ig in bio. cashapp/btc only: {btc}""",
        copies=4,
    ),
    Template(
        "forum",
        """Vendor review thread: {vendor#v}
{user#a} wrote:
Ordered 5 x {product} from {vendor#v}. Arrived in 6 days, stealth 10/10.
{user#b} wrote:
Same experience. Messaged them on Telegram {tg} for reships, got one free.
{user#c} wrote:
Be careful, the {market} clone uses the address {badaddr} - check before sending.""",
        copies=4,
    ),
    Template(
        "forum",
        """OPSEC 101 by {user#a}
- never post your phone ({phone} is the kind of thing people post, don't)
- use a fresh email per market, e.g. {email}
- verify PGP fingerprints (mine: {fpr})
- block explorers log your IP, use Tor
Feel free to PM me, user {user#a} on every forum.""",
        copies=3,
    ),
    Template(
        "forum",
        """Привет всем. Кто брал у {vendor#v}? Продавец: {vendor#v}
Оплатил на {btc}, жду уже неделю.
Мой телефон не пишите, только Telegram {tg}.
{user#a} написал: у меня все пришло.""",
        copies=3,
    ),
    Template(
        "forum",
        """Dread-style thread /d/DarkNetMarkets
u/{user#a} · {date}
Has anyone tested {vendor#v}'s new batch? Lab results on their onion {onion}
u/{user#b} · reply
Tested it, clean. Ordered from {vendor#v} twice. Their fingerprint is {fpr}.""",
        copies=4,
    ),
    Template(
        "paste",
        """Victim reported numbers (for intake team)
1. {phone} - female, {age}
2. {phoneobf}
3. {phone_ph}
4. {phone_ng}
5. {phone_th}
Ads referenced order IDs {order} and {order}. ZIPs {zip}, {zip}.""",
        copies=4,
    ),
    Template(
        "paste",
        """seed phrase? no. addresses only:
BTC legacy {btc}
BTC segwit {btc}
BCH {bch}
LTC {ltc}
DOGE {doge}
ETH {eth}
XMR {xmr}""",
        copies=4,
    ),
    Template(
        "chat",
        """[{time}] {user#a}: bro where do i pay
[{time}] {user#b}: zec {zec} or dash {dash}
[{time}] {user#a}: and SOL? i only have phantom
[{time}] {user#b}: sol addy {sol}
[{time}] {user#a}: k sent""",
        copies=4,
    ),
    Template(
        "chat",
        """<{user#a}> who's selling in Leeds
<{user#b}> ask for {vendor#v}, wickr {wickr}
<{user#a}> @{user#b} cheers mate
<{user#b}> np. his backup is on jabber {jabber}""",
        copies=4,
    ),
    Template(
        "market",
        """Vendor {vendor#v} - public key below. Encrypt your address or I will not ship.
{pgpkey}
Listings: {product}, {product}. Payment XMR {xmr}""",
        copies=4,
    ),
    Template(
        "forum",
        """Mod note: the following accounts were banned for scamming:
{user}, {user}, {user}
If they contact you on Telegram ({tg}) or by email ({email}), report it.
Posted by {user#m}""",
        copies=3,
    ),
    Template(
        "adboard",
        """Estoy disponible 24/7 💃 me llamo {girl#g}
Cel: {phoneintl}
No contesto números privados. Pregunta por {girl#g}.""",
        copies=3,
    ),
    Template(
        "paste",
        """Seized market export (partial) - {date}
vendor_id,vendor_name,btc_payout
{order},{vendor},{btc}
{order},{vendor},{btc}
{order},{vendor},{btc}""",
        copies=3,
    ),
    Template(
        "chat",
        """Telegram export
{girl#g}, [{date} {time}]
hi its {girl#g}, my wickr is {wickr}
You, [{date} {time}]
whats the rate
{girl#g}, [{date} {time}]
{price}, call {phoneobf}""",
        copies=4,
    ),
    Template(
        "forum",
        """Just a heads-up: I'm not {vendor#v} and never was. Don't send money to {btc}.
My only contact is Session {session}. Sold by nobody else.
- {user#a}""",
        copies=3,
    ),
]

ALL = MARKET + ADBOARD + FORUM + PASTE + CHAT + NEGATIVE + MORE


# Documents written after the alias rules were tuned, with name pools the rules never saw
# (entities.escort, shop, forumer): the unseen-text figure for aliases. Kept out of ALL
# while other families check their speed work against texts built from ALL.
UNSEEN = [
    # --- escort ads: names in titles, sign-offs, "ask for", other languages ---------
    Template(
        "unseen-ad",
        """{escort#a} 💋 {age} 💋 new in town
Hi gentlemen, sweet, discreet and always on time. Incall near the airport, outcall to hotels.
30 min {price} | 1 hr {price}
Text only {phone}, no blocked numbers, no law enforcement.
xoxo {escort#a}""",
        copies=2,
    ),
    Template(
        "unseen-ad",
        """ASK FOR {escort#a} ~ upscale incall downtown
Classy companion, {age}, 5'6, fit. Available Monday to Saturday, 10am till late.
Serious gentlemen only. Screening required: name + work email.
Call or text {phone}""",
        copies=2,
    ),
    Template(
        "unseen-ad",
        """❤️ {escort#a} ❤️ Latina princess - last night in town!!
Hey babe, I'm {escort#a}, the girl next door with a wild side 😈
Real pics, no surprises. Donations: {price}/hr
WhatsApp {phone}""",
        copies=2,
    ),
    Template(
        "unseen-ad",
        """Hey guys, my name's {escort#a} and I'm visiting for the weekend only.
Petite blonde, {age}, very friendly. Can host or come to you.
Please don't ask for discounts, my rates are fair.
Text me at {phone} with your name and time.""",
        copies=2,
    ),
    Template(
        "unseen-ad",
        """{escort#a} & {escort#b} - DUO SPECIAL 🍒🍒
Two best friends ready to make your night. Book us together or one at a time.
{escort#a}: {age}, brunette, curvy. {escort#b}: {age}, redhead, petite.
Call {phone}""",
        copies=2,
    ),
    Template(
        "unseen-ad",
        """Hola amor! Me llamo {escort#a}, tengo {age} años y soy nueva en la ciudad.
Colombiana, cariñosa y muy discreta. Atiendo en mi apartamento o voy a tu hotel.
Escríbeme al {phone} (solo WhatsApp).
Besos, {escort#a}""",
        copies=2,
    ),
    Template(
        "unseen-ad",
        """Bonjour messieurs, je m'appelle {escort#a}, jolie étudiante de {age} ans.
Je reçois dans un appartement discret près de la gare, du lundi au samedi.
Appelez-moi au {phone}, pas de numéro masqué.
Bisous, {escort#a}""",
        copies=2,
    ),
    Template(
        "unseen-ad",
        """Hallo Männer! Ich heiße {escort#a}, {age} Jahre jung, neu in der Stadt.
Privat und diskret, Haus- und Hotelbesuche möglich.
Ruf mich an: {phone}
Küsse, {escort#a}""",
        copies=2,
    ),
    Template(
        "unseen-ad",
        """Привет! Меня зовут {escort_ru#a}, мне {age}. Приму у себя или приеду к тебе.
Звони или пиши в телеграм {tg}
Целую, {escort_ru#a}""",
        copies=2,
    ),
    Template(
        "unseen-ad",
        """Our ladies this week
- {escort#a} ({age}) - Thai, petite, GFE
- {escort#b} ({age}) - Brazilian, tall, athletic
- {escort#c} ({age}) - Czech, blonde, new
Book through reception: {phone}. Ask for {escort#b} by name, she books up fast.""",
        copies=2,
    ),
    Template(
        "unseen-ad",
        """NEW IN TOWN 💋 call me anytime
I'm available 24/7, incall and outcall. I'm new here so treat me nice.
Ask for discounts on overnights and weekend bookings.
Sweet Miami vibes, Hot Houston nights. Text {phone}""",
        copies=2,
    ),
    Template(
        "unseen-ad",
        """Review: saw {escort#a} last Friday at the Hilton. She was exactly like her pics,
punctual and friendly. Would repeat. Booked through {phone}.
Rating 9/10 - {forumer#r}""",
        copies=2,
    ),
    Template(
        "unseen-ad",
        """Chicas nuevas en el centro 🔥 Pregunta por {escort#a} o {escort#b}.
Masajes y compañía, 24 horas. Llama a {escort#a} al {phone}.""",
        copies=2,
    ),
    # --- vendor shops, listings, tables, reviews -------------------------------------
    Template(
        "unseen-market",
        """Welcome to {shop#v}'s shop!
All orders ship within 24h, Monday to Friday. Stealth is vacuum sealed and odor proof.
Questions? PM me on the market or on Session: {session}
- {shop#v}""",
        copies=2,
    ),
    Template(
        "unseen-market",
        """Vendor | Rating | Sales | Ships from
{shop#a} | 4.9 | 1,203 | Netherlands
{shop#b} | 4.7 | 560 | Germany
{shop#c} | 5.0 | 87 | United Kingdom""",
        copies=2,
    ),
    Template(
        "unseen-market",
        """vendor,market,product,price_usd
{shop#a},Versus,MDMA 1g,35
{shop#b},Bohemia,Xanax 2mg x10,40
{shop#c},Archetyp,LSD 100ug x5,30""",
        copies=2,
    ),
    Template(
        "unseen-market",
        """Got my pack from {shop#v} today, stealth was on point and weight was 1.08g on my scale.
Product tested positive for MDMA with the Marquis reagent. Will order again.
Tip address if you want to support the test kit fund: {btc}""",
        copies=2,
    ),
    Template(
        "unseen-market",
        """5/5 would buy again. {shop#v} is legit, second order and both arrived in 3 days.
Communication was fast. Only downside: prices went up since last month.""",
        copies=2,
    ),
    Template(
        "unseen-market",
        """Listing: 10x Oxycodone 30mg | Vendor {shop#v} | Ships from USA
Price {price}. Escrow only, no FE. Tracking provided on request.""",
        copies=2,
    ),
    Template(
        "unseen-market",
        """Top 5 vendors this month (by verified reviews):
1. {shop#a}
2. {shop#b}
3. {shop#c}
Honorable mention to the new guys on Versus, give them time.""",
        copies=2,
    ),
    Template(
        "unseen-market",
        """SCAM ALERT: {shop#v} exit scammed on Bohemia last night, do not send funds.
Their last known BTC address: {btc}
Mods have been informed. Check the PGP before you order from anyone claiming to be them.""",
        copies=2,
    ),
    Template(
        "unseen-market",
        """{shop#v} (98.5%) | Level 5 | Since 2022
Blue Dream 28g ........ {price}
Gelato 7g ............. {price}
Orders placed after 2pm ship the next business day.""",
        copies=2,
    ),
    Template(
        "unseen-market",
        """Verkäufer: {shop#v}
Versand aus Deutschland, Lieferung in 1-3 Werktagen. Nur Escrow.
Kontakt über das Marktpostfach, PGP Pflicht.""",
        copies=2,
    ),
    Template(
        "unseen-market",
        """Vendedor: {shop#v} - envíos a toda España en 48h.
Calidad garantizada, reenvío gratis si se pierde el paquete.
Pago en Monero: {xmr}""",
        copies=2,
    ),
    Template(
        "unseen-market",
        """Магазин {shop#v} — закладки по всему городу, работаем 24/7.
Оператор: {tg}
Оплата: BTC {btc}""",
        copies=2,
    ),
    Template(
        "unseen-market",
        """Blue Dream Kush 28g - sold by the gram, price drops at 7g+.
Ask for discounts on bulk. Ships from Spain, tracked.
Shipped by DHL Express, reviewed by our customers 4.8/5.
Payment: {btc}""",
        copies=2,
    ),
    # --- forums, signatures, chats ---------------------------------------------------
    Template(
        "unseen-forum",
        """Quote from: {forumer#a} on {date}
> anyone tried the new batch?

Yes, ordered from {shop#v} last week. Stealth fine, product decent. {shop#v} has been slow
lately though, took 9 days.""",
        copies=2,
    ),
    Template(
        "unseen-forum",
        """Been lurking for years, finally posting. Thanks to {forumer#a} for the harm
reduction guide, it saved me from a bad mix.

--
{forumer#b} | PGP on profile | test your stuff""",
        copies=2,
    ),
    Template(
        "unseen-forum",
        """[12:01] {forumer#a}: anyone got a plug in the city?
[12:02] {forumer#b}: hit up {shop#v}, fast and legit
[12:02] {forumer#a}: link?
[12:03] {forumer#b}: on Versus, check their PGP""",
        copies=2,
    ),
    Template(
        "unseen-forum",
        """/u/{forumer#a} wrote:
> Is {shop#v} still active?
They came back last week with a new key. Verified it myself.""",
        copies=2,
    ),
    Template(
        "unseen-forum",
        """Posted by {forumer#a} · 3h
Anyone else having issues with Bohemia today? My orders page won't load.

Reply from {forumer#b}: same here, DDoS again probably.""",
        copies=2,
    ),
    Template(
        "unseen-forum",
        """I'm {forumer#a}, been vending on and off since the Silk Road days.
Hit me up on Wickr: {wickr} for custom orders.
Regards,
{forumer#a}""",
        copies=2,
    ),
    Template(
        "unseen-forum",
        """Warning: someone is impersonating {shop#v} on Telegram. The real {shop#v} only sells
through the market. Fake account asks for payment to {btc}.""",
        copies=2,
    ),
    Template(
        "unseen-forum",
        """Review of {shop#v}
Ordered: 3.5g Gelato. Arrived: day 4. Stealth: 8/10. Taste: 9/10.
Overall solid vendor, comms were slow over the weekend.""",
        copies=2,
    ),
    Template(
        "unseen-forum",
        """-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA512

This is {shop#v}. Our old onion is compromised, only use the one below.
{onion}
Do not trust anyone claiming to be us on Telegram.
-----BEGIN PGP SIGNATURE-----
iQEzBAEBCgAdFiEE0000000000000000000000000000000000000000AAoJEAAAAAAAAAAA
-----END PGP SIGNATURE-----""",
        copies=2,
    ),
    # --- hard negatives: cue words followed by ordinary words ------------------------
    Template(
        "unseen-negative",
        """I'm new to this, can someone explain escrow to me? I'm available to test samples
if any vendor needs reviews. Call me paranoid but I always check PGP.
Thanks in advance.""",
        copies=2,
    ),
    Template(
        "unseen-negative",
        """Ordered Xanax from the pharmacy and Valium from Spain, both were fake.
Sold by the gram is a better deal than by the ounce here. Ask for Tuesday specials.
Vendor of the month poll closes on Sunday.""",
        copies=2,
    ),
    Template(
        "unseen-negative",
        """Available Monday-Friday 9am to 6pm, ask for availability on Sunday.
Sweet treats and Exotic strains in stock, Hot deals every Friday.
Contact Support if your order is late. Thanks to everyone who ordered, Happy Holidays
from the whole Team!""",
        copies=2,
    ),
    Template(
        "unseen-negative",
        """Market update: withdrawals are back. Vendor bonds are now 500 USD.
Sold by weight, shipped by courier, reviewed by moderators within 48h.
Its Tuesday, so expect slow support. It's Bitcoin or Monero only.""",
        copies=2,
    ),
    Template(
        "unseen-negative",
        """Gorgeous Spanish Villa for rent near Marbella, sleeps 8. Sexy Cocktail Bar on site.
Ask for Late Checkout at reception, but nobody works there on weekends.
Call Me By Your Name is playing at the open air cinema on Friday.""",
        copies=2,
    ),
]
