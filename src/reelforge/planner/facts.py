"""The facts an instruction states for the viewer in passing (pure): "Only 12 spots left!!",
"free returns", "21+ only", "open 24/7", "walk-ins welcome", "7 nights, flights included",
"doors 7pm, no cover", "live at Blue Moon Bar", "thank our sponsors", "名额有限".

People type them between the settings, and a first cut that drops them loses what the video was
for. Each kind is a pattern of its own (a scarcity, a perk, who is welcome, opening hours, what a
trip includes, a job's hours, the venue, a thank-you, a cause), so words that only set up the
video ("music quiet", "30 seconds") are never taken for one. `on_screen` places what this finds.
`lost_facts` is the net under them: any piece typed with a number, an amount, a handle, a clock time
or a date that the words placed leave out ("£55 medium, £70 large" beside "from £40 small dogs").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .ending import MONTH, WEEKDAY, capitalise_dates, capitalised, title_case
from .text_kinds import dates_capitalised

_DAY = rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|(?:this\s+)?{WEEKDAY}|tomorrow|tonight)"
_TIME = r"\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)"

# each kind of fact, as typed (case-insensitive unless a pattern says otherwise); tried in this order
_ABBR_DAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday|rsday)?s?"
# a day or a run of days with the hours kept then, typed without am/pm: "tues-sat 9-7", "sunday 10-4" (with
# them, "open Mon-Sat 9am-7pm", the hours are a when: `when.when_at`)
_DAYS_HOURS = (rf"(?<![-–\w])(?<![-–]\s){_ABBR_DAYS}(?:\s*(?:-|–|to|thru|through)\s*{_ABBR_DAYS})?\.?\s+"
               r"(?!0:)\d{1,2}(?::\d\d)?\s*(?:-|–|to|till|until)\s*\d{1,2}(?::\d\d)?(?![\w%]|\s*(?:%|am\b|pm\b|a\.m|p\.m)|[/:.]\d)")
_DAYS_AT = (rf"(?<![-–\w]){_ABBR_DAYS}(?:\s*(?:-|–|to|&|and)\s*{_ABBR_DAYS})?\s+(?:at|@)\s+(?:the\s+)?"
            r"(?P<place>[A-Za-z][\w'’&]*(?:\s+[A-Za-z][\w'’&]*){0,4}?)\s+"
            r"\d{1,2}(?::\d\d)?\s*(?:am|pm)?\s*(?:-|–|to|till|until)\s*\d{1,2}(?::\d\d)?\s*(?:am|pm)?(?![\w%]|[/:.]\d)")
_PLACE_ALONE = (r"(?-i:(?:[A-Z][\w'’&.-]*\s+){1,3}(?:Park|Square|Hall|Plaza|Gardens|Arena|Stadium|Theater|Theatre|Center|Centre|"
                r"Pavilion|Chapel|Church|Cathedral|Library|Museum|Gallery|Beach|Pier|Ballroom|Auditorium|Rooftop|Lodge|Winery|"
                r"Brewery|Farm|Elementary|School|Academy|College|University|Hotel|Inn|Club|Community\s+Center|Marina))")
_PLACE_ALONE_ZH = (r"[\u4e00-\u9fff]{2,10}?(?:公园|广场|中心|大厦|商场|酒店|宾馆|体育馆|礼堂|剧院|会所|美术馆|博物馆|图书馆|"
                   r"书店|咖啡馆)")
_KINDS: tuple[tuple[str, str], ...] = (
    ("scarcity",  # "only 12 spots left", "limited seats", "while supplies last", "spots fill fast"
     r"\b(?:only\s+\d{1,4}\s+(?:spots?|seats?|places?|tickets?|tables?|rooms?|units?|pieces?|left)(?:\s+(?:left|remaining))?|"
     r"\d{1,4}\s+(?:spots?|seats?|places?|tickets?|tables?|rooms?|units?|pieces?)\s+(?:left|remaining)|"
     r"limited\s+(?:spots|seats|places|space|stock|edition|availability|tickets)|while\s+(?:supplies|stocks?)\s+lasts?|"
     r"selling\s+fast|almost\s+sold\s+out|(?:spots|seats|places|tickets)\s+(?:fill(?:ing)?|go(?:ing)?|sell(?:ing)?)\s+"
     r"(?:up\s+|out\s+)?fast|book\s+early)\b"),
    ("free",  # "free returns", "free parking", "free gift with orders over $75"
     # ("free local delivery", "FREE storm damage inspections": a word or two may say which)
     r"\bfree\s+(?:(?!for\b|with\b|to\b|on\b|in\b|and\b)[a-z-]+\s+){0,2}?(?:returns|exchanges|shipping|delivery|parking|entry|"
     r"admission|wi-?fi|gift\s+wrap(?:ping)?|consultations?|estimates?|quotes|samples|tastings?|refills|snacks|drinks|engraving|"
     r"installation|assembly|cancellation|inspections?|assessments?|trials?|checkups?|check-ups?|eye\s+exams?|fittings?|"
     r"measurements?|design\s+consultations?)\b"
     # ("free shipping over $50": its condition too)
     r"(?:\s+(?:on\s+(?:all\s+)?orders\s+)?(?:over|above|from|on\s+orders\s+(?:over|above))\s+[$€£¥]\s?\d+(?:[.,]\d+)?\+?)?|"
     r"\bfree\s+(?:washes|coffee|donuts|cookies|hot\s+dogs|t-shirts|tote\s+bags|swag|samples|pizza|food)"
     r"(?:\s+\d{1,2}(?::\d\d)?\s*(?:[ap]m)?\s*-\s*\d{1,2}(?::\d\d)?\s*[ap]m)?\b|"
     r"\bships?\s+free(?:\s+(?:in|to|within|across)\s+(?:the\s+)?(?:US|USA|UK|EU|U\.S\.|[A-Z][a-z]+))?\b|"  # "ships free in the US"
     r"\bfree\s+gifts?(?:\s+with\s+(?:every\s+|all\s+|your\s+)?(?:orders?|purchases?)(?:\s+(?:over|above)\s+[$€£]\d+)?)?\b"),
    ("fundraising",  # "Goal: $25,000 by Dec 31", "every $25 buys 5 books for a child"
     rf"\b(?:our\s+)?(?:goal|target)\s*:?\s*(?:is\s+)?(?:to\s+raise\s+)?[$€£]\d[\d,]*(?:\.\d+)?k?(?:\s+by\s+{_DAY})?|"
     r"\bevery\s+[$€£]\d[\d,]*\s+(?:buys|provides|feeds|gives|funds|pays\s+for|plants|covers)\s+[^,.;!?\n]{3,40}|"
     r"\b(?:help\s+us\s+)?rais(?:e|ing)\s+[$€£]\d[\d,]*k?(?:\s+for\s+[\w'’ -]{3,40}?)?(?=\s*(?:[,.;!?]|$))"),
    ("vehicle",  # "68k miles", "one owner", "clean title", "new tires": what a car for sale is said to be
     r"\b\d{1,3}(?:,\d{3}|k)\s+(?:miles|mi|km|kms)\b|\b(?:one|single|1)[\s-]owner\b|\bclean\s+(?:title|carfax)\b|"
     r"\bnew\s+(?:tires|tyres|brakes|battery)\b|\bno\s+accidents\b|\bruns\s+(?:great|perfectly|like\s+new)\b|\blow\s+miles\b"),
    ("product",  # "ships in 2 days", "handmade cards", "240 sq ft", "off grid", "all soy wax", "40 hour burn time"
     r"\bships\s+(?:in|within)\s+\d{1,2}(?:\s*-\s*\d{1,2})?\s+(?:business\s+)?(?:days?|hours?)\b|"
     r"\bhand(?:made|crafted)\s+[a-z]+\b(?!\s+(?:shop|store|business|studio|brand|company|maker|makers|market))|"
     r"(?<![\d,])(?:\d{1,3}(?:,\d{3})+|\d{2,6})\s*(?:sq\.?\s*ft\.?|sqft|square\s+feet|sqm|m²)(?!\w)|\boff[\s-]grid\b|\bsolar[\s-]powered\b|"
     r"\bwheelchair\s+accessible\b|"
     r"\ball[\s-](?:natural|organic|soy|vegan|cotton|wool|leather|steel|wood|beef)(?:\s+[a-z]+)?\b|"
     r"\b\d{1,3}[\s-]hours?\s+(?:burn(?:\s+time)?|battery(?:\s+life)?|cold|hot)\b|\bnew\s+flavou?r\s*:\s*[a-z][\w ]{2,30}|"
     # "hand poured in small batches", "hand-dyed": how it is made; "£18 each or 3 for £48": the price and the deal
     r"\bhand[\s-]?(?:poured|painted|sewn|stitched|knitted|thrown|dyed|picked|rolled|tied|built|lettered)\b"
     r"(?:\s+in\s+small\s+batches)?|\bsmall[\s-]batch\b(?!\s+(?:of|and))|"
     r"[$€£]\d{1,4}(?:\.\d\d)?\s+(?:each|a\s+piece|per\s+\w+)\s+or\s+\d{1,2}\s+for\s+[$€£]\d{1,4}(?:\.\d\d)?"),
    ("provided",  # "childcare provided", "utilities included", "no pets", "no credit card required"
     r"\b(?:childcare|parking|lunch|food|drinks|snacks|refreshments|materials|equipment|"
     r"transport(?:ation)?|breakfast|dinner)\s+(?:is\s+|are\s+|will\s+be\s+)?provided\b|"
     r"\b(?:utilities|wi-?fi|water|heat|parking|gas)(?:\s*(?:,|&|and)\s*(?:utilities|wi-?fi|water|heat|parking|gas))*\s+"
     r"(?:are\s+|is\s+)?included\b|\b(?:no\s+pets|pets\s+(?:allowed|ok|welcome)|no\s+smoking)\b|"
     r"\bno\s+credit\s+card\s+(?:needed|required)\b"),
    ("house rules",  # "dine in only", "reservations recommended", "black tie", "6 week course", "small groups"
     r"\b(?:dine[\s-]in|take-?out|delivery|pick-?up)\s+only\b|"
     r"\breservations?\s+(?:recommended|required|essential|encouraged)\b|\b(?:black[\s-]tie(?:\s+optional)?|cocktail\s+attire|"
     r"smart\s+casual)\b|\b\d{1,2}[\s-]week\s+(?:course|program(?:me)?|class|series)\b|\bsmall\s+(?:groups|class(?:es|\s+sizes)?)\b"),
    ("for customers",  # "new patients get a free cleaning", "evening appointments available", "all proceeds go to …"
     r"\bnew\s+(?:patients|customers|clients|members|students)\s+(?:get|receive|enjoy)\s+[^,.;!?\n]{3,40}|"
     # "Now accepting new patients", "We accept most insurance", "we fix in 30 min"
     r"\bnow\s+accepting\s+new\s+(?:patients|clients|students|customers|members)\b|"
     r"\b(?:we\s+)?accept\s+(?:most|all\s+major|all)\s+(?:insurances?|insurance\s+plans|major\s+insurances?)\b|"
     r"\bwe\s+fix\s+(?:it\s+|them\s+|most\s+\w+\s+)?in\s+(?:under\s+)?\d{1,3}\s*(?:min|mins|minutes|hours?|hrs?)\b|"
     # "Evening appointments Tuesdays and Thursdays until 8pm"
     r"\b(?:evening|weekend|early|late|saturday|sunday)\s+(?:appointments|hours)\s+(?:on\s+)?"
     r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?(?:\s*(?:,|&|and)\s*)?){1,3}(?:\s+(?:until|till|to)\s+\d{1,2}(?::\d\d)?\s*(?:am|pm))?|"
     r"\b(?:evening|weekend|same[\s-]day|online|virtual|early|late)\s+(?:appointments|bookings|hours|classes|sessions)\s+available\b|"
     r"\ball\s+proceeds\s+(?:go\s+)?to\s+[^,.;!?\n]{3,40}"),
    ("release",  # "drops a new single Friday"
     r"\b(?:drops?|dropping|releases?|releasing|is\s+out|out)\s+(?:a\s+|our\s+|the\s+|their\s+|his\s+|her\s+)?new\s+"
     r"(?:single|album|ep|song|track|video|episode|collection|book)\s+(?:on\s+|this\s+|next\s+)?"
     r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow|tonight)\b"),
    ("news",  # "we now do custom birthday cakes", "order 48 hours ahead", "over 50 vendors", "serving downtown"
     r"\bwe\s+now\s+(?:do|offer|make|sell|serve|deliver|have|carry|stock)\s+[^,.;!?\n]{3,40}|"
     r"\b(?:order|book|reserve)\s+\d{1,3}\s+(?:hours?|days?|weeks?)\s+(?:ahead|in\s+advance)\b|"
     r"\b(?:(?:over|more\s+than)\s+\d{1,4}|\d{1,4}\+)\s+(?:vendors|artists|exhibitors|brands|stalls|makers|speakers|bands|dishes|"
     r"flavou?rs|items|beers|wines|games|rides)\b|\b(?:food\s+trucks|live\s+demos|face\s+painting|door\s+prizes)\b|"
     r"\b(?:serving|covering)\s+(?!the\s+(?:cost|costs|fee|fees)\b)[a-z][a-z ]{2,40}?(?=\s*(?:[,.;!?]|$))|\b\d{1,2}\+?\s+years?(?:\s+of)?\s+experience\b"),
    ("job",  # "weekly pay", "benefits from day one", "members free"
     r"\b(?:weekly|daily|same[\s-]day)\s+pay\b|\b(?:full\s+)?benefits\s+from\s+day\s+(?:one|1)\b|(?:[$€£]\d[\d,]*(?:\.\d\d)?k?\s+)?\bsign[\s-]on\s+bonus\b|"
     r"\bpaid\s+time\s+off\b|\b(?:members?|kids|children|students|seniors)\s+(?:get\s+in\s+)?free\b"),
    ("included",  # "no cover", "no experience needed", "all meals included", "all-inclusive"
     r"\bno\s+cover(?:\s+charge)?\b|\bno\s+(?:experience|booking|appointment|reservation|sign-?up)s?\s+(?:needed|necessary|required)\b|"
     r"\b(?:all\s+)?(?:flights?|breakfast|meals?|drinks|food|transfers|taxes|tax|equipment|materials|supplies|lunch|dinner|wine|"
     r"snacks|gear|tools|hotel|accommodation)(?:\s*(?:,|&|and)\s*(?:flights?|breakfast|meals?|drinks|food|transfers|"
     r"hotel|lunch|dinner|wine|snacks|gear|tools|materials|equipment|accommodation))?\s+(?:are\s+|is\s+)?included\b|"
     r"\ball[\s-]inclusive\b"),
    ("welcome",  # "21+ only", "all ages", "walk-ins welcome", "pet friendly"
     r"(?<![\w$])(?:1[6-9]|2[01])\s*\+(?:\s+only)?(?!\w)|"
     r"\b(?:all\s+ages|kids|children|families|everyone|beginners|walk[\s-]?ins|all\s+levels|pets|dogs|newcomers)\s+"
     rf"(?:are\s+)?welcome\b(?!\s*:?\s*{_DAYS_HOURS})|\ball\s+(?:ages|levels)\b|\b(?:family|kid|kids|pet|dog)[\s-]friendly\b"),
    ("terms",  # "cash and card accepted", "includes 10 edited photos", "lifetime access", "100 night trial"
     r"\b(?:cash|cards?|credit\s+cards?|debit\s+cards?|apple\s+pay|google\s+pay|venmo|paypal)(?:\s*(?:,|&|and|or|\+)\s*"
     r"(?:cash|cards?|credit\s+cards?|debit\s+cards?|apple\s+pay|google\s+pay|venmo|paypal))*\s+(?:accepted|welcome|only)\b|"
     r"\bincludes?\s+\d{1,3}\s+[a-z]+(?:\s+[a-z]+)?\b|\b(?:brunch|breakfast|happy\s+hour)\s+all\s+day\b|"
     r"\blifetime\s+access\b|\b\d{1,4}\s+(?:lessons|modules|video\s+lessons|recipes|workouts|classes)"
     r"(?:\s+(?:a|per)\s+(?:day|week|month))?\b|"
     r"\b(?:mobile\s+service|delivery|pick-?up|take-?out|catering|same[\s-]day\s+delivery|online\s+booking|parking|"
     r"gift\s+(?:cards|boxes|sets|wrap(?:ping)?)|financing|vegan\s+options|gluten[\s-]free\s+options)\s+(?:is\s+|are\s+)?available"
     r"(?:\s+too)?\b|"
     r"\b\d{1,3}[\s-](?:night|day|year)\s+(?:trial|guarantee|warranty|money[\s-]back\s+guarantee)\b|"
     r"\b(?:fully\s+)?(?:licensed|insured|bonded|certified)(?:\s*(?:,|&|and)\s*(?:licensed|insured|bonded|certified))*\b|"
     r"\bfree\s+on\s+(?:ios|android|iphone|the\s+app\s+store|google\s+play)(?:\s+(?:and|&)\s+(?:ios|android|google\s+play))?\b|"
     r"\bavailable\s+in\s+\d{1,2}\s+colou?rs\b"),
    ("lost and sold",  # "last seen near Elm Park", "reward", "sold in 5 days", "over asking"
     # ("last seen Tues Nov 3 near Cedar Park & 9th st around 6pm": its day too; "…. REWARD.")
     rf"\blast\s+seen\s+(?:(?:on\s+)?(?:{_ABBR_DAYS}|{MONTH}\s+\d{{1,2}})\.?\s+(?:{MONTH}\s+\d{{1,2}}\s+)?)?"
     r"(?:near|at|in|on|around|by)\s+[^,.;!?\n]{2,48}|(?<=[,.!])\s*(?:\$\d[\d,]*\s+)?reward(?:\s+offered)?(?=\s*(?:[,.;!]|$))|"
     r"\bsold\s+in\s+\d{1,3}\s+days\b|\bover\s+asking(?:\s+price)?\b"),
    ("on now",  # "Saturdays 9-12", "out now", "live music", "live jazz on Thursdays"
     r"\b(?:every\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)days\s+\d{1,2}(?::\d\d)?\s*-\s*\d{1,2}(?::\d\d)?(?:\s*[ap]m)?\b|"
     r"\b(?:out|available|streaming)\s+now\b(?!\s+on\b)|"
     r"\blive\s+(?:music|jazz|band|bands|dj|djs|entertainment|acoustic\s+sets?)(?:\s+(?:on|every)\s+(?:[a-z]+days?|weekends?))?\b"),
    ("by",  # "'The Quiet Garden' by Emma Hart", "hosted by Dr. Lena Ortiz"
     r"(?:(?<=[\"”’])\s*|\b(?:written|directed|illustrated|painted|photographed|produced|hosted|presented)\s+)"
     r"by\s+(?-i:(?:Dr\.?\s+)?[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’-]+){1,2})\b"),
    ("with",  # "episode 42 with Dr. Lena Ortiz", "featuring DJ Kito", "with guest Maria Green"
     r"\b(?:with|featuring|feat\.|ft\.)\s+(?:(?:special\s+)?guests?\s+)?(?-i:(?:(?:Dr|Prof|Chef|DJ|Coach|MC)\.?\s+)?"
     r"(?!(?:Text|Music|Captions?|Overlays?|Voiceover|Transitions?|Logo|Titles?|Subtitles|Photos|Pictures|Images|The|A|An|"
     r"My|Our|Your|Bold|Clean|Minimal|Playful|Ken|Hard|Smooth|Slow|Fast)\b)[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’-]+){1,2})\b"),
    ("ages",  # "ages 6-12", "ages 18+"
     r"\bages?\s+\d{1,2}\s*(?:-|–|to)\s*\d{1,2}\b|\bages?\s+\d{1,2}\s*\+"),
    ("hours",  # "open 24/7", "open daily", "doors 7pm", "delivery until midnight"
     # "walk ins tues-sat 9-7 / sunday 10-4", "open thur-sun 11-9", "hours: mon-fri 8am-6pm": days and their hours
     rf"(?:\b(?:walk[\s-]?ins?(?:\s+(?:are\s+)?welcome)?|open|hours)\s*:?\s*)?{_DAYS_HOURS}(?:\s*(?:/|,|&|and|;)\s*{_DAYS_HOURS})*|"
     # "thurs at Oddwood brewing 5-10pm", "fri-sat at the eastside food park 11-9": where it is on which days; "sunday
     # closed", "closed mondays"
     rf"{_DAYS_AT}|(?<![-–\w]){_ABBR_DAYS}\s+closed\b|\bclosed\s+(?:on\s+)?{_ABBR_DAYS}(?!\s*\d)\b|"
     r"\b(?:delivery|kitchen\s+open|open|serving)\s+(?:until|till)\s+(?:midnight|late|\d{1,2}(?::\d\d)?\s*[ap]m)\b|"
     # ("open 7am-7pm daily", "open daily 7am-7pm": the hours with it)
     rf"\bopen\s+(?:(?:daily|every\s+day)\s+)?\d{{1,2}}(?::\d{{2}})?\s*(?:am|pm)?\s*(?:-|–|to)\s*{_TIME}"
     r"(?:\s+(?:daily|every\s+day|7\s+days(?:\s+a\s+week)?|on\s+weekdays|weekdays|on\s+weekends))?|"
     r"\bopen\s+(?:24/7|24\s+hours(?:\s+a\s+day)?|daily|every\s+day|7\s+days(?:\s+a\s+week)?|late)\b|"
     # "open sundays too", "now open on weekends": the days it opens besides the usual
     r"\b(?:now\s+)?open\s+(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekends)"
     r"(?:\s+(?:too|as\s+well|now))?(?!\s*\d)\b|"
     rf"\bdoors(?:\s+open)?(?:\s+at)?\s+(?:{_TIME}|\d{{1,2}}:\d\d\b)|"
     # "£8 adv £10 otd": a ticket's price ahead and on the door
     r"[$€£]\d{1,3}(?:\.\d\d)?\s*(?:adv|advance|presale|in\s+advance)\b\.?\s*(?:,|/|&|and|\+)?\s*"
     r"[$€£]\d{1,3}(?:\.\d\d)?\s*(?:otd|on\s+the\s+door|at\s+the\s+door|on\s+the\s+night|door)\b"),
    ("how long",  # said alone between commas: "Fitness challenge: 30 days, 3 workouts a week"; a stay: "7 nights"
     r"(?<=[:,])\s*\d{1,3}[\s-](?:days?|weeks?)(?=\s*,)|"
     r"\b\d{1,2}\s+nights?(?:\s*(?:/|,|and|&)?\s*\d{1,2}\s+days?)?\b|\b\d{1,2}\s+days?\s*(?:/|,|and|&)?\s*\d{1,2}\s+nights?\b"),
    ("job hours",  # "full time & part time"
     r"\b(?:full|part)[\s-]time(?:\s*(?:&|and|or|/|\+)\s*(?:full|part)[\s-]time)?(?:\s+(?:roles?|positions?|jobs?|shifts?))?\b"),
    ("venue",  # named with capitals: "live at Blue Moon Bar", "at The Clay Room", "at St. Paul's"
     r"\b(?:live\s+)?at\s+(?-i:(?!(?:[Tt]he\s+)?(?:End|Start|Beginning|Top|Bottom|Middle|Center|Centre|Same|Moment|Last|"
     r"First|Least|Most|Once|Night|Noon|Midnight|Dawn|Dusk|Sunset|Sunrise|Home|Work|School)\b)(?:[Tt]he\s+)?(?:St\.\s+)?"
     r"[A-Z][\w'’&]+(?:\s+(?:[A-Z][\w'’&]+|\d{1,4}\b|&|of|on|the)){1,4}|[A-Z]\w+['’]s|St\.\s+[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+){0,3})(?!\w)"),
    # how many there are, what there is for the kids, a service's promise: "40+ local vendors", "petting zoo for the
    # kids", "we come to you"
    ("count", r"\b\d{1,4}\+?\s+(?:local\s+|new\s+|different\s+|craft\s+|indie\s+|food\s+)?(?:vendors|artists|makers|brands|"
              r"exhibitors|stalls|food\s+trucks|breweries|wineries|bands|speakers|games|rides|dishes|flavou?rs|styles|"
              r"activities|workshops|classes|trucks)\b"),
    ("for the kids", r"\b(?:petting\s+zoo|bouncy\s+castles?|face\s+painting|pony\s+rides|kids'?\s+(?:zone|corner|activities|crafts))"
                     r"(?:\s+for\s+the\s+(?:kids|little\s+ones|family))?\b"),
    ("service", r"\bwe\s+come\s+to\s+you\b|\bsame[\s-]day\s+service\b|\bmobile\s+service\b|\bfully\s+insured\b|"
                # "24hr emergency callout", "no call out fee", "collection only" (a locksmith's, a seller's terms)
                r"\b24\s*(?:hr|hrs|h|hour|/7)\s+(?:emergency\s+)?(?:call[\s-]?outs?|service|repairs?|cover|support|locksmiths?|"
                r"plumbers?|electricians?)\b|\bno\s+(?:call[\s-]?out|booking|hidden|joining|admin|cancellation)\s+(?:fees?|charges?)\b|"
                r"\b(?:collection|delivery|pick-?up)\s+only\b"),
    # "3 for 2 on tees", "buy one get one free", "2 for 1 cocktails": a deal
    ("deal", r"\b\d\s+for\s+\d\s+on\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\b|\bbuy\s+one\s+get\s+one(?:\s+(?:free|half\s+price))?\b|"
             r"\b2\s*(?:for|4)\s*1\s+(?:on\s+)?[a-z][\w-]*\b"),
    # "free hot chocolate for the children": what is free, for whom
    ("free for", r"\bfree\s+(?:[a-z-]+\s+){1,2}for\s+(?:the\s+|all\s+(?:the\s+)?)?(?:kids|children|little\s+ones|everyone|"
                 r"families|under\s*\d{1,2}s)\b"),
    # "every sat at broadway market": where it is each week
    ("every week at", rf"\bevery\s+{_ABBR_DAYS}\s+at\s+(?!\d)[a-z][\w'’&-]*(?:\s+[a-z][\w'’&-]*){{0,3}}?"
                      r"\s+(?:market|square|park|hall|centre|center|pier|yard|station|arcade)\b"),
    ("every week", rf"\bevery\s+{_ABBR_DAYS}\s+(?:from\s+)?{_TIME}\s*(?:-|–|to)\s*{_TIME}"),
    # a weekly schedule beside the day it starts: "mon/wed/fri 6am", "tues & thurs 7pm"
    ("schedule", rf"\b(?:{_ABBR_DAYS}\s*(?:/|,|&|and|-)\s*){{1,6}}{_ABBR_DAYS}\s+(?:at\s+)?{_TIME}"),
    # a place said alone between commas, by a name that says it is one: "…, Riverside Park, …"
    ("place", rf"(?<=[,:;])\s*{_PLACE_ALONE}(?=\s*(?:[,.;!]|$))"),
    ("thanks and causes",  # "thank our sponsors", "raise money for the children's hospital"
     r"\bthank(?:s|\s+you)?\s+(?:to\s+)?(?:all\s+)?(?:our|the|my)\s+(?:amazing\s+|wonderful\s+|generous\s+)?(?:sponsors|volunteers|"
     r"partners|donors|supporters|customers|members|team|guests|fans|community|attendees|speakers|judges|mentors)\b|"
     r"\b(?:rais(?:e|ing)|help\s+(?:us\s+)?raise)\s+(?:money|funds)\s+for\s+(?:the\s+|our\s+|local\s+)*[\w'’ -]{3,36}?"
     r"(?=\s*(?:[,.;!?]|\s[-–—]\s|$))"),
    ("farewell",  # "see you next year": what the video ends on
     r"\bsee\s+you\s+(?:next\s+(?:year|time|week|month|season)|there|soon|again)\b"),
    ("act by",  # "sign up … by Nov 30", "register by Friday"
     rf"\b(?:sign\s+up|register|apply|rsvp|book|enter)\b(?:[^,.;!?\n]|\.(?=\S)){{0,40}}?\bby\s+{_DAY}\b"),
    ("chinese",  # "名额有限", "仅剩10个名额", "18岁以上", "24小时营业", "免费停车", "含机票和酒店", "零基础可学", "欢迎带娃"
     r"(?:仅剩|只剩|还剩)\d{1,4}个?(?:名额|席位|座位|位置)|共\d{1,4}(?:节|堂)课|名额\d{1,4}个|(?:仅限|限额|限)\d{1,4}(?:人|名|位)|"
     r"每天(?:早上|上午|中午|下午|晚上)?\d{1,2}(?:点半?|[:：]\d\d)\s*[-~—至到]\s*(?:早上|上午|中午|下午|晚上)?\d{1,2}(?:点半?|[:：]\d\d)|"
     r"\d{1,2}\s*[-~到至]\s*\d{1,2}岁(?:儿童|孩子|小朋友|青少年)?|每天(?:早上|上午|中午|下午|晚上)?\d{1,2}点(?:开门|营业|开始营业)|"
     r"营业时间\s*[:：]?\s*\d{1,2}[:：]\d{2}\s*[-~—至到]\s*\d{1,2}[:：]\d{2}|"
     r"(?:本|这)?(?:周六周日|周六日|周末|周六|周日)有效|名额有限|限量\d*(?:份|个|件|套)?|(?:1[6-9]|2[01])岁以上(?:可参加|专享)?|"
     r"(?:全天)?24小时营业|每天营业|免费(?:停车|WiFi|wifi|无线网|试吃|品尝|接送|退换|包装)|"
     r"营业到(?:凌晨|晚上)?\d{1,2}(?:点半?|[:：]\d\d)|"  # ("营业到凌晨3点" was lost)
     r"(?:含|包含|包)(?:机票|早餐|酒店|住宿|接送)(?:(?:和|、|及|与)(?:机票|早餐|酒店|住宿|接送))?|"
     r"零基础(?:可学|友好|也能学)?|多种颜色可选|多色可选|\d{1,2}种颜色(?:可选)?|支持(?:微信|支付宝)(?:和|、)?(?:微信|支付宝)?(?:支付)?|"
     r"(?:欢迎)?(?:新手|带娃|亲子|宠物)(?:友好|欢迎)|欢迎(?:新手|带娃|亲子|宠物)|"
     r"仅限(?:本周|今天|今日|周末|本月|当天)|原价\d{1,6}(?:元)?\s*[，,]?\s*现价\d{1,6}(?:元)?|进店(?:就)?送[\u4e00-\u9fff]{2,8}|"
     r"免费(?:参加|入场|观看|报名)|需(?:要)?提前(?:报名|预约)|在[\u4e00-\u9fff]{2,10}?(?:公园|广场|中心|大厦|商场|书店|咖啡馆|图书馆|"
     r"体育馆|礼堂|剧院|会所)|"
     # "地点：希尔顿酒店", "…，人民广场，…": where it is (as "地点：…")
     rf"地点\s*[:：]\s*[\u4e00-\u9fff\w]{{2,16}}|(?:(?<=[，,：:])|^)\s*{_PLACE_ALONE_ZH}(?=\s*(?:[，,。；;！!]|$))|精装修?|"
     r"简装|近地铁|地铁口|南北通透|学区房|拎包入住|"
     r"联系[\u4e00-\u9fff](?:先生|女士|小姐|经理|老师)"),
)
_FACTS = re.compile("|".join(f"(?:{pattern})" for _, pattern in _KINDS), re.I)

_THANKS = re.compile(r"(?i)^thank(?:s|\s+you)?\s+(?:to\s+)?")
_APPLY_BY = re.compile(rf"(?i)^(?P<v>sign\s+up|register|apply|rsvp|book|enter)\b.*?\bby\s+(?P<d>{_DAY})$")
_RAISE = re.compile(r"(?i)^(?:rais(?:e|ing)|help\s+(?:us\s+)?raise)\s+")
FAREWELL = re.compile(r"(?i)^see\s+you\b")
_ASKED_OF_THE_VIDEO = re.compile(r"(?i)(?:\b(?:keep|make|have)\s+(?:it|this|the\s+(?:video|reel|clip|edit))\s+(?:\w+\s+)?|"
                                 r"\b(?:should|must|needs?\s+to|has\s+to)\s+be\s+(?:\w+\s+)?|\bnot\s+)$")
MAX_FACTS = 8  # a video shows a handful; a pasted wall of them costs no more than this many


def typed_facts(text: str) -> list[str]:
    """The facts ``text`` states for the viewer, each as a line on screen, in the order typed.

    >>> typed_facts("Only 12 spots left!! reel for my pottery workshop at The Clay Room, music quiet")
    ['Only 12 spots left', 'At The Clay Room']
    >>> typed_facts("hackathon recap, thank our sponsors, see you next year")
    ['Thank you to our sponsors', 'See you next year']
    >>> typed_facts("make it 30 seconds, vertical, music at 20%")
    []
    """
    out: list[str] = []
    found = [(m.start(), m.group(0)) for m in _FACTS.finditer(text or "")]
    if re.search(r"[\u4e00-\u9fff]", text or ""):  # the pieces a Chinese list of facts is typed in, where no kind took them
        pieces = [(at, piece) for at, piece in zh_pieces(text) if not any(piece in said for _, said in found)]
        found = sorted([*((at, said) for at, said in found if not any(said in piece for _, piece in pieces)), *pieces])
    for at, said in found:
        if _ASKED_OF_THE_VIDEO.search(text[max(0, at - 30):at]):
            continue  # "keep it family friendly": how the video should be, not a fact for its viewers
        said = " ".join(said.split())
        if _THANKS.match(said):
            said = "Thank you to " + _THANKS.sub("", said)
        elif b := _APPLY_BY.match(said):
            said = f"{capitalised(b.group('v').lower())} by {capitalise_dates(b.group('d'))}"
        elif _RAISE.match(said) and not re.search(r"[$€£]\d", said):  # (an amount to raise is said as typed)
            said = "Raising money for " + re.sub(r"(?i)^.*?\bfor\s+", "", said)
        elif now := re.match(r"(?i)we\s+now\s+(?P<v>\w+)\s+(?P<o>.+)$", said):
            verb = {"deliver": "Now delivering", "serve": "Now serving"}.get(now.group("v").lower(), "Now offering")
            said = f"{verb} {now.group('o')}"  # "we now do custom birthday cakes": "Now offering custom birthday cakes"
        elif rel := re.match(r"(?i)(?:drops?|dropping|releases?|releasing|is\s+out|out)\s+(?:\w+\s+)?new\s+(?P<w>\w+)\s+"
                             r"(?:on\s+|this\s+|next\s+)?(?P<d>\w+)$", said):
            said = f"New {rel.group('w').lower()} out {capitalise_dates(rel.group('d'))}"  # "New single out Friday"
        elif re.match(r"(?i)ages?\s", said):
            said = "Ages " + said.split(None, 1)[1]
        elif re.match(r"(?i)by\s", said):
            said = "By " + said[3:]
        elif at := re.fullmatch(_DAYS_AT, said, re.I):
            a, b = at.span("place")  # "Thurs at Oddwood Brewing 5-10pm": the place as a name
            said = f"{dates_capitalised(said[:a]).rstrip()} {title_case(at.group('place'))}{said[b:]}"
        elif re.fullmatch(rf"(?i){_ABBR_DAYS}\s+closed|closed\s+(?:on\s+)?{_ABBR_DAYS}", said):
            said = dates_capitalised(said)  # "Sunday closed", "Closed Mondays"
        elif re.match(r"[$€£]\d", said) and re.search(r"(?i)\b(?:otd|door|night)\b", said):
            said = re.sub(r"(?i)\botd\b", "OTD", re.sub(r"(?i)(\b(?:adv|advance|presale|in\s+advance)\b\.?)\s*(?:,|/|&|and|\+)?\s*",
                                                       r"\1 · ", said))  # "£8 adv · £10 OTD"
        elif cover := re.fullmatch(r"(?i)covering\s+(.+)", said):
            said = f"Covering {title_case(cover.group(1))}"  # "covering leeds bradford wakefield": the places it covers
        elif walk := re.match(r"(?i)walk[\s-]?ins?\b\s*", said):
            said = "Walk-ins " + dates_capitalised(said[walk.end():])  # "Walk-ins Tues-Sat 9-7 / Sunday 10-4"
        elif re.match(rf"(?i)(?:hours\s*:?\s*|open\s+)?{_ABBR_DAYS}\b", said):
            said = dates_capitalised(said)  # "Thur-Sun 11-9"
        elif re.match(r"(?i)live\s|(?:now\s+)?open\s|(?:evening|weekend|early|late|saturday|sunday)\s+(?:appointments|hours)\s", said):
            said = capitalise_dates(said)  # "Live jazz on Thursdays", "Open Sundays too", "Evening appointments Tuesdays …"
        elif fix := re.match(r"(?i)we\s+fix\s+(?:it\s+|them\s+|most\s+\w+\s+)?in\s+(?P<t>.+)$", said):
            said = f"Fixed in {fix.group('t')}"  # "we fix in 30 min"
        elif re.match(r"(?i)(?:we\s+)?accept\s", said):
            said = "We " + re.sub(r"(?i)^we\s+", "", said)  # "We accept most insurance"
        elif re.match(rf"(?i)every\s+{_ABBR_DAYS}\s", said):
            said = dates_capitalised(said)  # "Every Sat 8am-1pm"
        elif re.match(rf"(?i){_ABBR_DAYS}\s*(?:/|,|&|and|-)", said):
            said = dates_capitalised(said)  # "Mon/Wed/Fri 6am"
        elif re.fullmatch(_PLACE_ALONE, said):
            said = "At " + said  # "Riverside Park": where it is
        elif re.fullmatch(_PLACE_ALONE_ZH, said) and not said.startswith("在"):
            said = "地点：" + said  # "人民广场": where it is ("在人民公园" says so itself)
        elif m_at := re.match(r"地点\s*[:：]\s*", said):
            said = "地点：" + said[m_at.end():]
        elif re.match(r"(?i)\d{1,2}\s*\+$", said):
            said = said.replace(" ", "") + " only"
        if said.lower() not in (x.lower() for x in out):
            out.append(capitalised(said))
            if len(out) == MAX_FACTS:
                break
    return out


# Chinese instructions list their facts between spaces or marks, each a piece of its own ("山月民宿五一预定
# 588一晚起 连住两晚送早餐和下午茶 地址…"): a piece is one when it states what the viewer gets (a price, a gift,
# a cut, a limit, a class size, a schedule) and says nothing of the video itself
_ZH_PIECE_SPLIT = re.compile(r"[\s，,、。；;！!？?～~]+")
_ZH_OFFERED = re.compile(
    r"\d{1,6}\s*(?:元|块|一晚|/晚|每晚|一位|/位|一人|/人|一期|一次|一节|一份|一杯|一斤|一箱|一套|起)|人均\s*\d|[¥￥]\s*\d|"
    # "丹东草莓68一盒", "赣南脐橙5斤装25", "24小时急诊", "每班不超过12人", "周六周日上课", "软笔硬笔都有", "新店开业"
    r"\d{1,6}\s*(?:一盒|/盒|一袋|/袋|一瓶|/瓶|一只|/只)|\d{1,3}\s*斤装\s*\d{1,4}|24小时|不超过\s*\d{1,3}\s*人|"
    r"(?:周[一二三四五六日天末]|星期[一二三四五六日天])(?:[、和到至~-]?(?:周[一二三四五六日天]|星期[一二三四五六日天]))*(?:都)?上课|"
    r"[\u4e00-\u9fff]{2,}都有$|新店开业|"
    r"(?:送|赠|减|免|抽|包邮|优惠|特价|折|返现|半价|买一送一|第二(?:杯|件|份)|上新|新品|新款|试听|试吃|试课)|"
    # "周末房价680含双早", "团购价99": a price said with its word, what a stay includes
    r"价\s*[:：]?\s*\d{1,6}|含(?:双早|早餐|单早|早)|"
    r"(?:小班|仅限|限量?|前)\s*\d{1,4}\s*(?:人|名|位|单|个)|\d{1,4}\s*(?:节|堂)课|"
    # "单人套餐299", "C1手动挡3680", "精修9张", "含服装妆造", "一人一车": a package's price, what it includes
    r"(?:套餐|门票|票价|学费|年卡|月卡|次卡|季卡|挡|[A-Z]\d)\s*[¥￥]?\d{2,6}(?:元)?$|\d{1,3}\s*(?:张|套|件|次)(?:精修|照片|服装)?$|"
    r"^(?:含|包含)[\u4e00-\u9fff]{2,8}$|一对一|一人一车|"
    # "一费制无隐形收费", "学时灵活", "周末也能练": how it is sold, what it lets the customer do
    r"无隐形(?:收费|消费)|一费制|不加价|随到随学|(?:学时|时间|时段)灵活|(?:周末|晚上|下班后)也(?:能|可以)|"
    # "一斤1280", "半斤装礼盒680", "挂机89", "柜机129": what is sold, then its price
    r"^[\u4e00-\u9fff]{1,8}\s*[¥￥]?\d{2,6}(?:\.\d{1,2})?(?:元|块)?$|"
    r"每周[一二三四五六日天、和]+\s*(?:早上|上午|中午|下午|晚上)?\s*\d|"
    r"^\d{1,2}[./月]\d{1,2}[号日]?\s*[-~—到至]\s*(?:\d{1,2}[./月])?\d{1,2}[号日]?$")
# what a piece says of the video, its files, its sound or where it is posted; a way to reach the business
# (shown with the call to action); the wish itself ("帮我做个…")
_ZH_PIECE_NOT = re.compile(
    r"视频|秒|分钟|竖屏|横屏|方屏|画面|风格|音乐|配乐|bgm|配音|字幕|口播|声音|原声|旁白|开头|结尾|片头|片尾|第一个|最后|"
    r"放在?|用我|用这|做个|做一个|帮我|帮忙|一点|一些|抖音|小红书|视频号|朋友圈|快手|b站|发圈|转场|动画|滤镜|logo|"
    r"地址|电话|微信|热线|网址|搜|\d{7,}|图片|照片|那张|那个|那段|这张|这个|这段", re.I)
# a fact typed across a space: "原价3280 现在1999" (was, now), "C1 3980" (a licence class and its price)
_ZH_ACROSS_SPACE = re.compile(r"原价\s*[¥￥]?\d{1,6}\s*元?[\s，,]*(?:现价|现在|现只要|现仅|只要|到手价?|活动价)\s*[:：]?\s*[¥￥]?\d{1,6}\s*元?|"
                              # ("C1 3980 C2 4280": two)
                              r"(?<![A-Za-z0-9])[A-Z]\d{1,2}\s+[¥￥]?\d{3,5}\s*元?(?![\d.])")


def zh_pieces(text: str) -> list[tuple[int, str]]:
    """The facts a Chinese instruction lists between spaces and marks, each with where it starts, in order.

    >>> [p for _, p in zh_pieces("山月民宿五一预定 588一晚起 连住两晚送早餐和下午茶 地址德清莫干山镇劳岭村 竖屏 30秒左右")]
    ['588一晚起', '连住两晚送早餐和下午茶']
    >>> [p for _, p in zh_pieces("PowerHouse健身 双12年卡活动 原价3280 现在1999!!再送2节私教课 12.1-12.12 仅限前100名")]
    ['原价3280 现在1999', '再送2节私教课', '12.1-12.12', '仅限前100名']
    """
    out: list[tuple[int, str]] = []
    joined = [(m.start(), m.end(), " ".join(m.group(0).split())) for m in _ZH_ACROSS_SPACE.finditer(text)]
    start = 0
    for gap in [*_ZH_PIECE_SPLIT.finditer(text), None]:
        end = gap.start() if gap else len(text)
        piece, at = text[start:end], start
        start = gap.end() if gap else len(text)
        if across := next((j for j in joined if j[0] <= at < j[1] or at <= j[0] < end), None):
            if across[0] >= at and (across[0], across[2]) not in out:
                out.append((across[0], across[2]))  # "原价3280 现在1999": one fact across the space
            continue
        if (2 < len(piece) <= 18 and re.search(r"[\u4e00-\u9fff]", piece) or re.fullmatch(r"[\d./月号日\-~—到至]{5,16}", piece)) \
                and _ZH_OFFERED.search(piece) and not _ZH_PIECE_NOT.search(piece):
            # the rest of its clause when it goes on in English ("前50位客人 free 虾饺 har gow" was "前50位客人")
            clause = re.match(r"[^，,。.；;！!？?\n]{1,40}", text[at:])
            if clause and re.search(r"[A-Za-z]{2}", rest := clause.group(0)[len(piece):]) and not _ZH_PIECE_NOT.search(rest):
                piece = " ".join(clause.group(0).split())
            out.append((at, piece))
    return out


def asks_for_text(fact: str) -> bool:
    """Whether ``fact`` alone makes a video with words: "21+ only", "free parking" do; where it was
    and who is in it do not ("a video of our vacation at Lake Tahoe" is a home video)."""
    return re.match(r"(?i)(?:live\s+)?at\s|with\s|by\s", fact) is None


# "卖点 40dB主动降噪，续航36小时，IPX5防水", "features: 40h battery, IPX5": a list the instruction says sells it
_POINTS_LEAD = re.compile(r"(?:卖点|亮点|特点|产品特色)\s*[:：]?\s*|(?i:selling\s+points|key\s+features|features)\s*[:：]\s*")  # (a colon
# in English: "a video that features our chef, …" lists no selling points)
_POINT_NOT = re.compile(r"(?i)要|用|做|配|给|帮|字幕|音乐|视频|秒|画面|价|元|风格|\b(?:make|use|add|music|video|seconds?|style)\b")


def selling_points(text: str) -> list[str]:
    """The selling points listed after their label, each a line, in order (at most `MAX_FACTS`)."""
    m = _POINTS_LEAD.search(text or "")
    if m is None:
        return []
    out: list[str] = []
    for item in re.split(r"\s*[，,、;；]\s*|(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fffA-Z0-9])", text[m.end():]):
        item = item.strip(" .。!！")
        if not item or len(item) > 16 or _POINT_NOT.search(item):
            break
        out.append(capitalised(item))
        if len(out) == MAX_FACTS:
            break
    return out if len(out) >= 2 else []


# what a viewer reads off a fact: an amount, a share off, a number (a phone's, an address's, a count), a handle, an
# address on the web
_KEY = re.compile(r"(?i)[$€£¥￥]\s?\d[\d,.]*|\d[\d,.]*\s*(?:%|元|块|折)|@[\w.]{2,}|\b[\w.-]+\.(?:com|co\.uk|net|org|io|au|uk)\b"
                  r"|\d{2,}[\d\s-]{3,}\d|\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b"  # a clock time ("9am": its 9 was too short a number)
                  rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b|\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"  # a date
                  r"|\d{1,3}\s*[人岁节次位天晚间张期名](?![\u4e00-\u9fff]{0,1}\d)"  # a count ("每班最多8人": its 8 was too short)
                  r"|\d+")
# a piece that speaks of the video, not to its viewers ("20 secs ish", "start with the muddy pic")
_OF_THE_VIDEO = re.compile(
    r"(?i)\b(?:videos?|vids?|reels?|tiktoks?|shorts?|clips?|pics?|photos?|pictures?|images?|music|songs?|voice\w*|secs?|"
    r"seconds?|mins?|minutes?|(?<!under\s)(?<!over\s)\d+\s*s|promos?|ads?|adverts?|formats?|vertical|square|landscape|portrait|caption\w*|titles?|texts?|fonts?|logo|order|"
    r"put|make|use|add|(?:start|finish|end)\s+(?:on|with|off|by)|pls|please|can\s+(?:u|you)|stories|story|fb|insta\w*|youtube|"
    # (frame rates and sizes: "square, 60fps" showed "60fps" on the ad)
    r"9:16|16:9|1:1|4:5|\d+\s*fps|\d+\s*p|[48]k|hd|uhd|frames?\s+per\s+second)\b|帧率|视频|抖音|快手|视频号|朋友圈|小红书|秒|分钟|音乐|配乐|字幕|标题|字体|先放|再放|开头|结尾|图片|照片|"
    r"竖屏|横屏|方形|竖的|横的|要个|做个|弄个|帮我")
_LINES = re.compile(r"\n|(?<!\d)\.\s+|\.\s+(?=[^\d\s])")  # (the first cut is given its lines joined with ". ")
_PIECES = re.compile(r"\n|[,，;；。!！?？]\s*|\s+-\s+|\s+(?:or|and)\s+(?=[$€£¥@\d])"
                     r"|(?<=[）)])(?=(?:预定|预订|预约|咨询|报名|订餐|订房|联系)?(?:电话|微信|手机))"  # ("…（五一涨价20%）预定电话/微信189…")
                     r"|(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff]{2})|(?<=[\u4e00-\u9fff])\s+(?=\d)")  # (Chinese pieces are typed with
# spaces between: "每班最多8人 4-12岁"; "大概 45 秒" parts as "大概" and "45 秒", neither a fact)


_PLACE_LABEL = re.compile(r"(?i)^(?:venue|address|location|where)\s*[:：]\s*(?P<v>\S.*)$")


def lost_facts(text: str, shown: Sequence[str], limit: int = 3) -> list[str]:
    """The pieces of ``text`` that state something for the viewer with a number, an amount, a
    handle or an address in them, none of whose such words is in ``shown`` (the words the first
    cut puts on screen), those of one line together, at most ``limit`` lines, as typed
    (capitalised): the facts a first cut would otherwise drop without a word ("£55 medium, £70
    large" after "full groom from £40 small dogs").

    >>> lost_facts("full groom from £40 small dogs, £55 medium, £70 large\\n20 secs ish", ["Full groom from £40 small dogs"])
    ['£55 medium · £70 large']
    >>> lost_facts("book 07700 900583 or insta @pawfect", ["Book 07700 900583 · @pawfect"])
    []
    >>> lost_facts("暑期班 平均提分23分 电话 13912345678", ["13912345678"])
    ['平均提分23分']
    """
    seen = " ".join(shown).casefold()
    seen_digits = re.sub(r"\D", "", seen)

    def shown_already(k: str) -> bool:  # (a phone number shown with other spaces too)
        return re.search(rf"(?<!\d){re.escape(k.casefold())}(?!\d)", seen) is not None or (
            len(d := re.sub(r"\D", "", k)) >= 6 and d in seen_digits)

    out: list[str] = []
    for line in _LINES.split(text or ""):
        kept: list[str] = []
        place: list[str] | None = None  # the pieces of an address said under a label ("Venue: The Tetley, Hunslet Rd, …")
        for piece in _PIECES.split(line):
            piece = " ".join(re.sub(r"[\"“”「」]|(?<!\w)['‘’]|['‘’](?!\w)", "", piece).split()).strip(" .:：·-")
            piece = re.sub(r"(?i)^(?:it['’]?s|it\s+is|we['’]?re|we\s+are|this\s+is)\s+(?:on\s+)?(?=\S)", "", piece)  # ("It's on …")
            if labelled := _PLACE_LABEL.match(piece):
                place, piece = [], labelled.group("v")
            if place is not None and len(place) < 3:
                place.append(piece)
            if len(piece) > 60:  # (no fact: and _KEY's address reads a long run of "a.a.a…" in quadratic time)
                continue
            keys = [k for k in _KEY.findall(piece) if (len(re.sub(r"\D", "", k)) >= 2 or not k.isdigit())
                    and not re.fullmatch(r"(?:19|20)\d\d", k)]  # (a year beside its date shown says nothing new)
            if not keys or _OF_THE_VIDEO.search(piece) or all(shown_already(k) for k in keys):
                continue
            if (inner := re.search(r"\(([^()]{3,})\)", piece)) and all(
                    shown_already(k) for k in _KEY.findall(piece.replace(inner.group(0), ""))):
                piece = inner.group(1)  # "7pm (doors 6.30)" beside "…, 7pm": "Doors 6.30"
            if place and place[-1] == piece and len(whole := ", ".join(place)) <= 60:
                piece = whole  # the postcode's piece with the name and street before it (only "Leeds LS10 1JQ" was shown)
            place = None
            kept.append(piece)
        said = " · ".join(dict.fromkeys(kept))
        if said and said.casefold() not in (x.casefold() for x in out):
            out.append(capitalised(said))
        if len(out) == limit:
            break
    return out
