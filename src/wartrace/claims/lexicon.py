"""Word lists behind the claims rules: number words, hedges, units, counted nouns, triggers.

Everything here is about how English war reporting is written in general; nothing
names a particular battle, place or armed group.
"""
from __future__ import annotations

# --- numbers --------------------------------------------------------------------------

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# Vague plurals read as twice their base, high open (FORMAT: dozens 24, hundreds 200 ...).
VAGUE_PLURALS = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
}
# "several hundred", "a few thousand", "many dozens": the same reading.
VAGUE_DETERMINERS = frozenset({"several", "few", "many", "some"})
VAGUE_BASES = {"dozen": 24, "dozens": 24, "hundred": 200, "hundreds": 200,
               "thousand": 2_000, "thousands": 2_000}

# Fractions of a whole, as percentages.
FRACTION_WORDS = {
    "half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0,
}
PERCENT_WORDS = frozenset({"%", "percent", "pct", "per cent", "percentage"})

# --- hedges ---------------------------------------------------------------------------

# Phrases right before a figure, longest first when matched.
HEDGES_BEFORE = {
    "about": "about", "around": "about", "approximately": "about", "approx": "about",
    "approx.": "about", "roughly": "about", "some": "about", "an estimated": "about",
    "estimated": "about", "an approximate": "about", "nearly": "about", "almost": "about",
    "close to": "about", "circa": "about", "c.": "about", "~": "about", "just under": "about",
    "just below": "about", "in the region of": "about", "on the order of": "about",
    "estimated at": "about", "an estimate of": "about", "estimates of": "about",
    "at least": "at_least", "a minimum of": "at_least", "no fewer than": "at_least",
    "no less than": "at_least", "not less than": "at_least", "not fewer than": "at_least",
    "more than": "more_than", "over": "more_than", "in excess of": "more_than",
    "upwards of": "more_than", "upward of": "more_than", "above": "more_than",
    "exceeding": "more_than", "well over": "more_than", "just over": "more_than",
    "well above": "more_than", "greater than": "more_than", "well in excess of": "more_than",
    "as many as": "up_to", "up to": "up_to", "as much as": "up_to", "a maximum of": "up_to",
    "no more than": "up_to", "not more than": "up_to", "at most": "up_to",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than",
}
HEDGE_MAX_WORDS = max(len(h.split()) for h in HEDGES_BEFORE)
HEDGES_AFTER = {"or so": "about", "or more": "at_least", "+": "at_least", "plus": "at_least"}

# --- things a count must not be -------------------------------------------------------

MONTHS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec",
})
# A number followed by one of these measures time, distance, area, money ...: not a count.
UNIT_WORDS = frozenset("""
    second seconds sec secs minute minutes min mins hour hours hr hrs day days night nights
    week weeks weekend weekends month months year years decade decades century centuries
    fortnight fortnights
    km kms kilometre kilometres kilometer kilometers km2 km² sqkm mi mile miles m metre metres
    meter meters ft feet foot yard yards inch inches cm mm nautical
    sq square hectare hectares ha acre acres dunam dunams donum donums
    kg kgs kilogram kilograms kilo kilos tonne tonnes ton tons lb lbs
    dollar dollars usd euro euros eur gbp pound pounds lira liras rouble roubles ruble rubles
    hryvnia hryvnias dinar dinars riyal riyals yuan yen rupee rupees syp cent cents
    kph mph knots knot km/h degrees degree ° times storey storeys story stories floors
    am a.m. pm p.m. gmt utc o'clock
    calibre caliber
""".split())
CURRENCY_SIGNS = frozenset({"$", "£", "€", "¥", "₹", "₽", "₴", "USD", "EUR", "GBP", "SYP"})
# Compound adjectives that still count people: "a 5,000-strong force", "a 12-man team".
COUNTING_SUFFIXES = frozenset({"strong", "man", "men", "plus"})
# Capitalized words that make the next number a name: "Highway 4", "Hill 400".
NAME_BEFORE_NUMBER = frozenset("""
    Highway Route Road Street Avenue Hill Height Heights Brigade Division Regiment Battalion
    Corps Squadron Fleet Resolution Article Chapter Section Page Flight Leopard Point Gate
    Sector Zone Block Checkpoint Camp Base Unit Group Phase Stage Wave Round Model Mark Mk
    Type Tower Building Bridge No Number Volume Vol Platoon Company Task Force Grade Level
    Kilometre Kilometer Km Channel Protocol Line
""".split())
# Words before a bare four-digit number that make it a year.
YEAR_CONTEXT = frozenset("""
    in since until till by from of during before after early late mid spring summer autumn
    fall winter year end start beginning through to and between circa c
""".split()) | {m.lower() for m in MONTHS}

# --- counted nouns ----------------------------------------------------------------------
# kind: civilians (who = civilians), people (who = all), fighters (who = their side),
# dead (what = killed, who = all), vehicles, strikes.

COUNTED_NOUNS: dict[str, str] = {}


def _add(kind: str, words: str) -> None:
    for w in words.split():
        COUNTED_NOUNS[w.replace("_", " ")] = kind


_add("civilians", """civilians civilian residents resident locals inhabitants villagers townspeople families households
    children child kids women woman girls boys babies infants minors family_members relatives
    refugees refugee idps evacuees patients students pupils worshippers worshipers journalists
    journalist reporters aid_workers medics doctors nurses teachers farmers workers passengers
    staff staff_members staff_member volunteers_of
    pilgrims shoppers migrants hostages hostage elderly""")
_add("people", """people persons person individuals men man souls prisoners prisoner captives
    detainees detainee inmates pows""")
_add("fighters", """fighters fighter militants militant militiamen militiaman soldiers soldier
    troops troop commandos commando rebels rebel insurgents insurgent jihadists jihadist
    jihadis jihadi combatants combatant gunmen gunman members member recruits reinforcements
    personnel servicemen serviceman servicemembers service_members marines marine
    paratroopers paratrooper officers officer policemen policeman police_officers guards
    snipers mercenaries mercenary volunteers conscripts defenders attackers bombers
    operatives troopers sailors airmen pilots crewmen crew_members mujahideen cadres
    special_forces security_forces forces fighting_men""")
_add("dead", """bodies body corpses corpse dead deaths death fatalities fatality casualties
    victims lives""")
_add("vehicles", """vehicles vehicle trucks truck buses bus cars car lorries lorry pickups
    pickup pickup_trucks minibuses minibus coaches ambulances""")
_add("strikes", """airstrikes airstrike air_strikes air_strike strikes strike air_raids air_raid
    sorties sortie drone_strikes drone_strike bombing_raids""")

# Nouns whose count is never a claim; they end the search for a counted noun.
NON_CLAIM_NOUNS = frozenset("""
    villages village towns town cities city neighbourhoods neighborhoods neighbourhood
    neighborhood districts district areas area positions position targets target tanks tank
    howitzers jets aircraft helicopters planes drones weapons rifles guns missiles rockets
    shells mortars rounds bombs mines buildings houses homes nations
    countries states hospitals schools bridges attempts attacks points hills farms
    settlements kilometres headquarters devices checkpoints bases camps sites
    enclaves pockets
""".split())

# Plural nouns without a final s: "300 personnel" is plural, "two rebel groups" is not.
PLURAL_WITHOUT_S = frozenset("""
    people personnel police men women children dead mujahideen infantry staff gunmen
    militiamen servicemen policemen crewmen airmen townspeople elderly fighting_men
""".split())

# Kinds whose count is about people.
PEOPLE_KINDS = frozenset({"civilians", "people", "fighters", "dead"})

# --- triggers: the word that says what happened to the counted people -------------------

TRIGGERS: dict[str, str] = {}


def _trig(what: str, words: str) -> None:
    for w in words.split():
        TRIGGERS[w] = what


_trig("killed", """killed kill kills killing died die dies dying dead death deaths executed
    execute executing massacred massacring slaughtered slain murdered murdering beheaded
    perished lost lives fatalities toll""")
_trig("wounded", """wounded wounding wound wounds injured injuring injure injuries injury
    hurt maimed""")
_trig("displaced", """fled flee flees fleeing displaced displacing displacement refugees
    escaped escaping escape exodus uprooted""")
_trig("evacuated", """evacuated evacuating evacuate evacuation evacuations rescued rescuing
    rescue freed freeing bussed bused relocated""")
_trig("trapped", """trapped trapping besieged besieging encircled encircling surrounded
    surrounding stranded cornered remained remain remains""")
_trig("detained", """detained detaining detain detention arrested arresting arrest captured
    capturing capture abducted abducting kidnapped kidnapping imprisoned jailed released
    releasing release surrendered surrendering custody prisoner prisoners captive hostage
    hostages shields""")

# Verbs of leaving: civilians who leave are displaced, fighters who leave are evacuated.
LEAVING = frozenset({"left", "leave", "leaving", "departed", "exited"})
# Fighters who flee or desert stay "fighters" (a number of fighters, not displacement).
DESERTING = frozenset({"fled", "flee", "fleeing", "deserted", "defected", "withdrew",
                       "retreated", "abandoned", "escaped", "escaping", "withdrawn"})
# Two-word triggers, checked before single words.
PHRASE_TRIGGERS = {
    ("safe", "passage"): "evacuated", ("human", "shields"): "detained",
    ("taken", "prisoner"): "detained", ("taken", "captive"): "detained",
    ("taken", "hostage"): "detained", ("held", "hostage"): "detained",
    ("held", "captive"): "detained", ("got", "out"): "evacuated",
    ("lost", "their"): "killed", ("shot", "dead"): "killed", ("death", "toll"): "killed",
    ("sought", "refuge"): "displaced", ("become", "refugees"): "displaced",
}
# Adjectives between a number and its noun that already say what happened.
MODIFIER_TRIGGERS = {
    "besieged": "trapped", "trapped": "trapped", "encircled": "trapped", "stranded": "trapped",
    "wounded": "wounded", "injured": "wounded", "dead": "killed", "slain": "killed",
    "displaced": "displaced", "detained": "detained", "captured": "detained",
    "abducted": "detained", "kidnapped": "detained", "evacuated": "evacuated",
    "rescued": "evacuated", "freed": "evacuated",
}

# --- context words ----------------------------------------------------------------------

CONTROL_WORDS = frozenset("""
    control controlled controlling controls held hold holds holding captured capture
    capturing seized seizing taken took take secured securing cleared clearing liberated
    liberating occupied occupy occupying retook retaken recaptured overran hands presence
    holdouts territory reinforcing reinforced defending defended entrenched
""".split())
DESTRUCTION_WORDS = frozenset("""
    destroyed destruction damaged damage leveled levelled uninhabitable flattened razed
    rubble ruins demolished devastated
""".split())
# Vehicles count only as a convoy or evacuation, not as equipment hit or seized.
CONVOY_WORDS = frozenset("""
    convoy convoys evacuated evacuating evacuation evacuate transfer transferred transport
    transported transporting carried carrying carry left leave leaving departed deal
    agreement bused bussed withdrawal withdrew exit used
""".split())
VEHICLE_LOSS_WORDS = frozenset("""
    destroyed destroying damaged damaging hit hitting struck striking disabled disabling seized
    captured burned burnt knocked lost targeted targeting
""".split())
# Words that join figures into one list ("including 400 fighters and 4,600 relatives").
INCLUDING_WORDS = frozenset({"including", "includes", "included", "among", "comprising", "whom",
                             "mostly", "mainly", "incl"})
