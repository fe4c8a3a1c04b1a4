"""Event word lists, as data: which words name events, which verbs only report or carry them.

Used by :mod:`timeline.events` (what is an event, its class, its status) and
:mod:`timeline.merge` (which mentions can be the same event).
"""

from __future__ import annotations

# Event classes: words that name the same kind of event map to one class, so "meetings", "met"
# and "talks" can be recognised as one meeting, "unveiled" and "unfurled" as one unveiling.
EVENT_CLASSES: dict[str, str] = {
    **dict.fromkeys(("meet", "meeting", "talk", "talks", "sit-down", "summit"), "meet"),
    **dict.fromkeys(("travel", "trip", "visit", "journey", "fly", "tour", "delegation"), "travel"),
    **dict.fromkeys(("unveil", "unfurl", "introduce", "propose", "roll", "release", "file"), "introduce"),
    **dict.fromkeys(("invite", "invitation"), "invite"),
    **dict.fromkeys(("postpone", "delay", "defer", "reschedule"), "postpone"),
    **dict.fromkeys(("interfere", "interference", "meddle", "meddling"), "interfere"),
    **dict.fromkeys(("election", "elections", "midterm", "midterms", "vote", "poll", "runoff"), "election"),
    **dict.fromkeys(("say", "tell", "state", "claim", "announce", "reiterate", "add", "report", "confirm", "write", "tweet"), "say"),
    **dict.fromkeys(("attack", "bombing", "bomb", "strike", "explosion", "blast"), "attack"),
    **dict.fromkeys(("arrest", "detain", "detention"), "arrest"),
    **dict.fromkeys(("sign", "signing"), "sign"),
    **dict.fromkeys(("launch", "debut"), "launch"),
    **dict.fromkeys(("agree", "agreement", "deal", "accord"), "agree"),
    **dict.fromkeys(("return", "comeback"), "return"),
    **dict.fromkeys(("die", "death", "kill", "killing"), "die"),
    **dict.fromkeys(("resign", "resignation"), "resign"),
    **dict.fromkeys(("sanction", "sanctions"), "sanction"),
}

# Nouns that name events ("the summit", "Monday meetings", "Paul's trip"). A noun outside this
# list is a thing, not an event, and a time expression modifying it ("the July 4 recess") dates
# the event that governs it instead.
EVENT_NOUNS = frozenset(
    {
        "meeting", "talks", "summit", "trip", "visit", "journey", "tour", "election", "elections",
        "midterm", "midterms", "vote", "referendum", "attack", "bombing", "explosion", "blast",
        "strike", "invasion", "war", "crash", "arrest", "trial", "hearing", "ruling", "verdict",
        "conference", "ceremony", "speech", "interview", "launch", "merger", "acquisition",
        "resignation", "death", "killing", "protest", "rally", "march", "invitation", "agreement",
        "deal", "signing", "announcement", "interference", "meddling", "visit", "runoff", "debate",
        "shooting", "storm", "earthquake", "outbreak", "coup", "ceasefire", "negotiation",
        "negotiations", "inauguration", "funeral", "wedding", "concert", "release", "recall", "leave",
    }
)  # fmt: skip

# Verbs that are not events on their own: states, copulas, aspect and modality.
NON_EVENT_VERBS = frozenset(
    {
        "be", "have", "seem", "appear", "become", "remain", "stay", "look", "sound", "feel", "need",
        "want", "like", "love", "hate", "know", "think", "believe", "hope", "mean", "include",
        "contain", "involve", "continue", "keep", "begin", "start", "stop", "get", "let", "make",
        "do", "go", "come", "try", "use", "see", "expect", "plan", "intend", "aim", "lose", "guide",
        "care", "sting", "follow", "lie", "sit", "stand", "point", "remind", "help", "worry",
    }
)  # fmt: skip

# Verbs that carry an event noun as their object: "made a trip" is a trip, "held talks" talks.
LIGHT_VERBS = frozenset({"make", "take", "hold", "have", "give", "conduct", "pay", "stage", "host"})

# Verbs that report what someone says or thinks: their clause complement is a claim (REPORTED).
REPORTING_VERBS = frozenset(
    {
        "say", "tell", "state", "claim", "announce", "report", "confirm", "deny", "insist", "argue",
        "agree", "believe", "think", "suggest", "allege", "assert", "reiterate", "add", "note",
        "write", "tweet", "warn", "acknowledge", "admit", "maintain", "contend", "point",
    }
)  # fmt: skip

# Titles left out of actor names ("Sen. Rand Paul" is Rand Paul).
TITLES = frozenset(
    {
        "sen", "sen.", "senator", "rep", "rep.", "representative", "president", "gov", "gov.",
        "governor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "chairman", "chairwoman",
        "secretary", "minister", "prime", "gen", "gen.", "general", "judge", "justice", "mayor",
        "ambassador", "former", "the", "deputy", "chief", "vice", "speaker", "leader",
    }
)  # fmt: skip

# Entity labels that name participants (actors) of an event.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Of those, the ones that can be the doer of an event (places are where, not who).
# NORP ("Republican", "Russian") describes, it does not name one doer.
AGENT_LABELS = frozenset({"PERSON", "ORG", "GPE"})

# Prepositions whose object event happens at the same time as the governing one
# ("sided with Putin last month at a summit"): it shares the governing event's date.
SIMULTANEOUS_PREPOSITIONS = frozenset({"at", "during", "in", "on", "over", "amid", "for"})

# Words after "the same day" that introduce the event it is simultaneous with.
ANAPHORIC_MODIFIERS = frozenset({"previous", "past", "last", "recent", "earlier", "prior", "same", "that"})

# Nouns for a group whose members are the real participants ("a group of senators").
COLLECTIVES = frozenset({"group", "number", "delegation", "handful", "team", "coalition", "bloc", "pair", "couple", "band"})
