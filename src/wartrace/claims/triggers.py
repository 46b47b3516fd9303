"""What happened to the counted people: the trigger word that governs a number.

Three places are looked at, in this order, because that is how English attaches a
verb to a count:
1. just before the number, as its object or its "of" noun: "killing 17 civilians",
   "killed and wounded dozens of", "the deaths of dozens";
2. inside the phrase, as an adjective: "twelve besieged soldiers";
3. after the phrase, as its verb: "12 civilians were killed", "villagers fled the town".
   Infinitives of purpose ("trying to flee") and agent participles (", killing ...")
   are skipped; the search stops at the next figure or subordinate clause.
"""
from __future__ import annotations

from dataclasses import dataclass

from wartrace.claims import lexicon as lx
from wartrace.claims.counted import Counted
from wartrace.claims.sentence import SentenceView

# Words that may stand between a verb and its counted object.
OBJECT_GAP = frozenset("""
    the a an another additional further total of its their his her at least only just also
    reportedly allegedly had have has been be having to some up estimated were was are is
""".split())
CLAUSE_BREAKS = frozenset("""
    while whereas but where when after before since because although though whereupon which
""".split())
# "as" opens a new clause ("as the army advanced") but not "used as human shields".
CLAUSE_AFTER_AS = frozenset({"the", "a", "an", "it", "they", "he", "she", "well", "its", "their"})
APPOSITION_OPENERS = frozenset({"including", "among", "mostly", "most", "mainly", "many"})
MAX_BACK = 6
MAX_FORWARD = 16
TOLL_WINDOW = 6
OTHER_TRIGGERS = frozenset({"missing"})
POPULATION_WORDS = frozenset({"population", "inhabitants"})


@dataclass(frozen=True, slots=True)
class Trigger:
    word: str
    what: str
    start: int  # token index
    stop: int


def _trigger_at(view: SentenceView, i: int) -> Trigger | None:
    word = view.lower(i)
    pair = (word, view.lower(i + 1))
    if pair in lx.PHRASE_TRIGGERS:
        return Trigger(" ".join(pair), lx.PHRASE_TRIGGERS[pair], i, i + 2)
    if word == "claimed" and view.lower(i + 2) == "lives":
        return Trigger("claimed the lives", "killed", i, i + 3)
    if word in lx.TRIGGERS:
        return Trigger(word, lx.TRIGGERS[word], i, i + 1)
    return None


def triggers_before(view: SentenceView, first: int) -> list[Trigger]:
    """Verbs whose object is the number at token `first` ("killed and injured hundreds")."""
    found: list[Trigger] = []
    i = first - 1
    steps = 0
    while i >= 0 and steps < MAX_BACK:
        if i >= 1:
            pair = _trigger_at(view, i - 1)
            if pair is not None and pair.stop == i + 1:
                found.append(pair)
                i -= 2
                break
        trig = _trigger_at(view, i)
        if trig is not None and trig.word not in lx.LEAVING:
            found.append(trig)
            i -= 1
            break
        if view.lower(i) not in OBJECT_GAP:
            return _toll_before(view, first)
        i -= 1
        steps += 1
    # a coordinated verb: "killed and injured hundreds"
    while found and i >= 1 and view.lower(i) in ("and", "or", ","):
        trig = _trigger_at(view, i - 1)
        if trig is None:
            break
        found.append(trig)
        i -= 2
    return found[::-1] or _toll_before(view, first)  # in text order


def _toll_before(view: SentenceView, first: int) -> list[Trigger]:
    """ "the death toll rose to 50", "a toll of at least 30"."""
    for i in range(first - 1, max(-1, first - TOLL_WINDOW), -1):
        if view.lower(i) == "toll":
            return [Trigger("toll", "killed", i, i + 1)]
        if view.tokens[i].text in (";", ":", ","):
            break
    return []


def modifier_trigger(view: SentenceView, counted: Counted) -> Trigger | None:
    for i in range(counted.first, max(counted.first, counted.head)):
        word = view.lower(i)
        if word in lx.MODIFIER_TRIGGERS:
            return Trigger(word, lx.MODIFIER_TRIGGERS[word], i, i + 1)
    return None


def trigger_after(view: SentenceView, stop: int, next_figure: int) -> Trigger | None:
    """The verb of the counted phrase ending at token `stop`, before token `next_figure`."""
    toks = view.tokens
    i = stop
    limit = min(len(toks), next_figure, stop + MAX_FORWARD)
    while i < limit:
        word = toks[i].lower
        if toks[i].text in (";", ":") or word in CLAUSE_BREAKS or \
                (word == "as" and view.lower(i + 1) in CLAUSE_AFTER_AS) or _new_clause(view, i):
            return None
        if toks[i].text == "(":
            i = _after_parenthesis(view, i, limit)
            continue
        if toks[i].text == "," and view.lower(i + 1) in APPOSITION_OPENERS:
            # "90 people, including 18 border guards, were taken": the verb is the whole phrase's
            close = _appositive_end(view, i + 1)
            if close is None:
                return None
            limit = min(len(toks), close + 1 + MAX_FORWARD)
            i = close + 1
            continue
        trig = _trigger_at(view, i)
        if trig is None and (word in lx.LEAVING or word in lx.DESERTING or word in OTHER_TRIGGERS):
            trig = Trigger(word, "other" if word in OTHER_TRIGGERS else "displaced", i, i + 1)
        if trig is not None and word in lx.LEAVING and view.lower(i - 1) in ("were", "was", "are", "is", "been"):
            trig = Trigger(word, "trapped", i, i + 1)  # "250,000 civilians were left" (behind)
        if trig is not None:
            infinitive = view.lower(i - 1) == "to" and i - 1 != stop
            # ", killing ..." tells what the phrase's subject did; "civilians fleeing" is theirs
            right_after = i == stop or (i == stop + 1 and view.lower(stop) in ("still", "reportedly", "now"))
            agent = word.endswith("ing") and not right_after
            if not (infinitive or agent):
                return trig
        i += 1
    return None


def _appositive_end(view: SentenceView, i: int) -> int | None:
    """The comma closing an appositive opened at token `i`, if it closes within the clause."""
    for k in range(i, min(len(view.tokens), i + 12)):
        text = view.tokens[k].text
        if text == ",":
            return k
        if text in (";", ":", ".") or view.lower(k) in CLAUSE_BREAKS:
            return None
    return None


def _new_clause(view: SentenceView, i: int) -> bool:
    """ ", and rebel fighters executed ...": a coordinated clause with its own subject."""
    toks = view.tokens
    if toks[i].lower not in ("and", "but") or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    comma = i > 0 and toks[i - 1].text == ","
    subject_start = nxt.lower in ("the", "a", "an", "its", "their") or nxt.is_acronym or \
        (nxt.is_word and nxt.text[0].isupper())
    return comma or subject_start


def _after_parenthesis(view: SentenceView, i: int, limit: int) -> int:
    depth = 0
    while i < limit:
        if view.tokens[i].text == "(":
            depth += 1
        elif view.tokens[i].text == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def population_before(view: SentenceView, first: int) -> bool:
    """ "a population of 220,000", "home to 300,000"."""
    window = {view.lower(k) for k in range(max(0, first - 3), first)}
    return bool(window & POPULATION_WORDS) or (view.lower(first - 2), view.lower(first - 1)) == ("home", "to")


DISPLACED_NOUNS = frozenset({"refugees", "refugee", "idps", "evacuees", "displaced"})
# Nouns that are already a detention: "took 300 prisoners", "held 40 hostages".
DETAINED_NOUNS = frozenset({"prisoners", "prisoner", "captives", "hostages", "hostage",
                            "detainees", "detainee", "pows", "inmates"})


def what_for(kind: str, trigger: Trigger | None, head: str = "") -> str | None:
    """The claim's `what` for a counted kind and its trigger; None when out of scope.
    Refugees stay displaced and prisoners detained unless something else happened to
    them ("refugees remain in camps" is no siege; "freed 13 prisoners" is evacuated)."""
    if head in DISPLACED_NOUNS and (trigger is None or trigger.what in ("trapped", "displaced", "other")):
        return "displaced" if head != "evacuees" else "evacuated"
    if head in DETAINED_NOUNS and (trigger is None or trigger.what in ("trapped", "detained", "other")):
        return "detained"
    if kind == "dead":
        return "wounded" if trigger is not None and trigger.what == "wounded" else "killed"
    if kind == "vehicles":
        return "vehicles"
    if kind == "strikes":
        return "airstrikes"
    fighters = kind in ("fighters", "group")
    if trigger is None:
        return "fighters" if fighters else None
    word = trigger.word
    if trigger.what == "trapped" and word in lx.LEAVING:
        return "fighters" if fighters else "trapped"
    if fighters:
        if word in lx.DESERTING or (trigger.what == "displaced" and word not in lx.LEAVING):
            return "fighters"
        if word in lx.LEAVING:
            return "evacuated"
        if word in ("remained", "remain", "remains"):
            return "fighters"
    elif word in lx.LEAVING or word in lx.DESERTING:
        return "displaced"
    return trigger.what
