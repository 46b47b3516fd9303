"""Words that signal places in English war reporting (any battle, any city)."""
from __future__ import annotations

# Generic nouns after or before a name, and the kind they give it.
PLACE_NOUNS: dict[str, str] = {
    "district": "neighbourhood", "districts": "neighbourhood",
    "neighbourhood": "neighbourhood", "neighbourhoods": "neighbourhood",
    "neighborhood": "neighbourhood", "neighborhoods": "neighbourhood",
    "quarter": "neighbourhood", "quarters": "neighbourhood",
    "suburb": "neighbourhood", "suburbs": "neighbourhood",
    "microdistrict": "neighbourhood",
    "village": "village", "villages": "village", "hamlet": "village", "settlement": "village",
    "town": "city", "towns": "city", "city": "city", "cities": "city",
    "camp": "camp", "province": "region", "governorate": "region", "oblast": "region",
    "region": "region", "raion": "region",
}
# Nouns that name a site ("X stadium", "the hospital"), mapped to a site type.
SITE_NOUNS: dict[str, str] = {
    "stadium": "stadium", "hospital": "hospital", "dam": "dam", "bridge": "bridge",
    "roundabout": "roundabout", "circle": "roundabout", "square": "square",
    "mosque": "mosque", "church": "church", "cathedral": "church", "shrine": "shrine",
    "airport": "airport", "airbase": "base", "base": "base", "barracks": "base",
    "castle": "castle", "citadel": "castle", "fortress": "castle", "palace": "palace",
    "gate": "gate", "market": "market", "bazaar": "market", "school": "school",
    "university": "university", "factory": "plant", "plant": "plant", "silos": "silos",
    "prison": "prison", "tower": "tower", "station": "station", "port": "port",
    "refinery": "plant", "oilfield": "plant", "field": "plant", "checkpoint": "checkpoint",
    "alley": "alley", "street": "street", "highway": "road", "road": "road",
    "hill": "hill", "heights": "hill", "mall": "market", "complex": "complex",
    "academy": "school", "monastery": "church", "hotel": "hotel", "building": "building",
}
# Words that may stand between a determiner and a site noun ("the sports stadium").
SITE_PREMODIFIERS = frozenset({
    "sports", "football", "main", "municipal", "national", "central", "city", "old",
    "notorious", "grand", "great", "big", "large", "military", "general", "children's",
})
DIRECTIONS = {
    "north": "north", "northern": "north", "south": "south", "southern": "south",
    "east": "east", "eastern": "east", "west": "west", "western": "west",
    "northeast": "northeast", "northeastern": "northeast", "north-east": "northeast",
    "north-eastern": "northeast", "northwest": "northwest", "northwestern": "northwest",
    "north-west": "northwest", "north-western": "northwest", "southeast": "southeast",
    "southeastern": "southeast", "south-east": "southeast", "south-eastern": "southeast",
    "southwest": "southwest", "southwestern": "southwest", "south-west": "southwest",
    "south-western": "southwest", "central": "centre",
}
# Prepositions before a place ("in X", "into X", "near X").
LOCATIVES = frozenset({
    "in", "into", "at", "near", "from", "to", "towards", "toward", "around", "outside",
    "inside", "across", "through", "reached", "entered", "captured", "seized", "took",
    "retook", "besieged", "encircled", "shelled", "bombed", "struck", "liberated",
    "recaptured", "attacked", "of",
})
# Capitalized words that are not place names even when a small town somewhere is
# called so (GeoNames has towns named Most, March, Police, Mobile, Of...).
NOT_PLACE_WORDS = frozenset("""
a about above after again against all also an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its just me
more most my no nor not now of off on once only or other our out over own same she should
so some such than that the their them then there these they this those through to too
under until up very was we were what when where which while who whom why will with would
you your
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
army forces force troops police mobile battle operation coalition government president
general colonel captain major minister state states islamic union independence liberty
victory hope mission progress commerce marine enterprise university college hospital
reading split nice bath deal sale bury wells eagle phoenix aurora justice victoria
north south east west northern southern eastern western central middle upper lower
new old great greater little grand saint st mount lake river city town village
kurdish arab arabic turkish russian ukrainian syrian iraqi american british french german
christian muslim sunni shia shiite jewish
update image photo video source sources reuters associated press images getty
""".split())
# Titles before a person's name: a name after them is not a place.
TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "col", "colonel", "gen", "general", "lt", "sgt", "maj", "major",
    "capt", "captain", "president", "minister", "commander", "spokesman", "spokeswoman",
    "spokesperson", "sheikh", "imam", "emir", "king", "prince", "secretary", "envoy",
    "mayor", "governor", "sen", "senator", "rep", "lieutenant", "brigadier", "admiral",
})
ARTICLE_TOKENS = frozenset({
    "al", "el", "ar", "as", "ash", "ad", "adh", "at", "ath", "az", "an", "ez", "ed", "es",
    "er", "et", "en", "ul", "il",
})
# Lower-case words that may join two capitalized words inside one name.
NAME_CONNECTORS = frozenset({
    "ibn", "bin", "bint", "ben", "abu", "al", "el", "ez", "az", "ad", "ar", "as", "ash", "ed",
    "of", "the", "de", "la", "le", "du", "des", "di", "da", "van", "von", "na", "nad",
})
