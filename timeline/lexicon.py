"""Event language data, in one place: which words name events, how their forms relate, which
verbs only carry, report or describe another event.

Everything here is general English news vocabulary, never one story's words. Each table says
what it is for and gives examples; ``tests/test_lexicon.py`` checks that every example of the
derivation rules is derived by that very rule.

Used by :mod:`timeline.events` (what an event is, its status, its participants) and
:mod:`timeline.merge` (which mentions can be one event).
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# Verbs that are no events of their own

# States, copulas and relations: "the suspect faces 12 charges", "counts that include", "the
# charges stemming from the bombing", "the rocket remains in a stable state".
STATIVE_VERBS = frozenset(
    {
        "be", "have", "seem", "appear", "become", "remain", "stay", "look", "sound", "feel", "need",
        "want", "like", "love", "hate", "know", "think", "believe", "hope", "mean", "include",
        "contain", "involve", "consist", "comprise", "belong", "own", "possess", "lack", "cost",
        "equal", "resemble", "concern", "relate", "stem", "depend", "deserve", "matter", "exist",
        "face", "hold", "mark", "represent", "require", "see", "hear", "understand", "wonder",
        "care", "worry", "fear", "expect", "suppose", "guess", "doubt", "remember",
        "lie", "sit", "stand", "point", "fit", "suit", "seat", "get", "do", "go", "come", "use",
        "tend", "result", "count", "weigh", "measure", "total", "amount", "number", "range",
        "compare", "differ", "vary", "sting", "guide", "remind", "describe", "name",
        "characterize", "characterise", "consider", "regard", "view", "show", "indicate",
        "suggest", "reflect", "surround", "associate", "accompany", "precede", "live", "reside",
    }
)  # fmt: skip

# Verbs whose event is their complement: aspect ("began deliberations", "is set to begin"),
# intention and attempt ("aims to land a probe", "agreed to move the launch", "electing
# instead to give that statement"), modality ("is expected to make landfall"). The complement
# is the event; the carrier gives its status ("will begin" planned, "tried to" reported).
CARRIER_VERBS = frozenset(
    {
        "begin", "start", "continue", "resume", "finish", "complete", "stop", "cease", "keep",
        "try", "attempt", "seek", "plan", "intend", "aim", "want", "wish", "hope", "expect",
        "prepare", "decide", "agree", "vow", "pledge", "promise", "threaten", "refuse", "fail",
        "manage", "choose", "elect", "opt", "set", "schedule", "slate", "tend", "need", "have",
        "go", "help", "allow", "enable", "let", "force", "urge", "struggle", "rush", "offer",
        "volunteer", "appear", "seem", "happen", "due", "likely", "able", "poised", "ready",
    }
)  # fmt: skip

# Verbs that say nothing but that their event-noun object took place: "made a successful
# splashdown" is the splashdown, "held talks" the talks, "gave an opening statement" the
# statement, "carrying out the attacks" the attacks, "conducted the ceremony" the ceremony.
LIGHT_VERBS = frozenset(
    {
        "make", "take", "hold", "have", "give", "conduct", "pay", "stage", "host", "carry",
        "deliver", "perform", "undergo", "mount", "wage", "commit", "do", "see", "call", "convene",
        "impose",  # "imposed a sentence of death", "impose sanctions"
    }
)  # fmt: skip

# Verbs whose event-noun object is the contest they tell the outcome of: "won the vote" is the
# vote, "lost a leadership ballot" the ballot, "survived a spill" the spill. Unlike a light verb,
# one is an event of its own without an event object ("won the award", "lost a visionary").
OUTCOME_VERBS = frozenset({"win", "lose", "survive"})

# Verbs that say only that their subject, an event, took place, began or ended: "the launch is no
# longer happening", "the trial began Monday", "the meeting started this morning".
OCCURRENCE_VERBS = frozenset(
    {
        "happen", "occur", "unfold", "begin", "start", "end", "continue", "resume", "finish",
        "conclude", "proceed", "open", "close", "commence", "go", "get", "come", "kick",
    }
)  # fmt: skip

# A verb and its object that say the same: "the vote will take place on Friday".
OCCURRENCE_PHRASES = frozenset({"take place"})

# Nouns that, with "of", put an event at another (adjacent) time: "at the conclusion of the
# meeting", "in the wake of the attack", "on the eve of the vote".
TEMPORAL_NOUNS = frozenset({"conclusion", "end", "close", "start", "beginning", "outset", "wake", "aftermath", "eve", "run-up", "lead-up", "middle", "height"})

# Prepositions (and subordinators) that put their object event at another time than the event
# they modify: "after the verdict was read", "before beginning her speech", "ahead of the vote".
TEMPORAL_PREPOSITIONS = frozenset(
    {"after", "before", "since", "until", "till", "following", "ahead", "prior", "pending", "upon", "once"}
)

# Verbs whose meaning, with an adjective after them, is the adjective's: "found guilty" is a
# conviction, "declared all positions vacant" a spill, "pleaded guilty" a plea of guilt.
SECONDARY_PREDICATE_VERBS = frozenset(
    {"find", "declare", "rule", "prove", "deem", "judge", "pronounce", "make", "leave", "render", "hold", "keep", "get", "plead"}
)

# Verbs that report what someone says or thinks. Their clause complement is the event (its
# status REPORTED); the reporting clause itself ("the agency said in a statement on Tuesday", "Mr
# Brown tweeted") is attribution: a mention of the reported event, never an entry of its own.
REPORTING_VERBS = frozenset(
    {
        "say", "tell", "state", "add", "note", "write", "tweet", "post", "comment", "continue",
        "explain", "remark", "observe", "recount", "recall", "reply", "respond", "answer", "ask",
        "argue", "insist", "maintain", "contend", "assert", "suggest", "think", "believe", "feel",
        "report", "claim", "allege", "acknowledge", "admit", "concede", "stress", "emphasise",
        "emphasize", "point", "reiterate", "repeat", "predict", "estimate", "quote", "cite",
        "accord",  # "according to NASA officials"
    }
)  # fmt: skip

# Speech acts that are news events of their own as well as reports: "NASA officials announced on
# Tuesday that ...", "Spain's minister denied that her country was the source", "Brown has
# declared his support". Their complement is a separate event where it has an event of its own.
STATEMENT_VERBS = frozenset(
    {
        "announce", "confirm", "deny", "declare", "warn", "reveal", "disclose", "unveil", "refute",
        "reject", "dismiss", "promise", "pledge", "vow", "threaten", "apologise", "apologize",
        "accuse", "blame", "criticise", "criticize", "praise", "thank", "urge", "demand", "call",
        "recommend", "propose", "concede", "testify", "inform", "notify", "brief", "order",
    }
)  # fmt: skip

# Statement verbs whose event-noun object lies ahead when told: "announced Paul's trip",
# "scheduled a vote", "proposed talks" (a past date in the text overrides it).
ANNOUNCING_VERBS = frozenset({"announce", "schedule", "plan", "propose", "promise", "pledge", "call", "set", "confirm", "unveil"})

# Nouns whose "that" clause is what they say, not a relative clause on them: "no confirmation
# that he had resigned" (he resigned; nobody resigned a confirmation), "reports that the plant
# closed", "the claim that tomatoes were to blame". The parser often reads "that" as the
# clause's object.
CONTENT_NOUNS = frozenset(
    {
        "confirmation", "news", "word", "report", "reports", "claim", "claims", "suggestion",
        "fact", "idea", "hope", "fear", "fears", "possibility", "evidence", "sign", "signs",
        "indication", "assurance", "warning", "statement", "announcement", "allegation",
        "allegations", "speculation", "rumour", "rumor", "notion", "belief", "view", "concern",
        "concerns", "denial", "admission", "promise", "threat", "expectation", "likelihood",
    }
)  # fmt: skip

# Nouns for the occasion of a statement: "said in a statement", "told a news conference",
# "In his closing, ... said". The occasion is the statement's own event.
STATEMENT_NOUNS = frozenset(
    {
        "statement", "conference", "briefing", "interview", "speech", "address", "closing",
        "remarks", "comments", "post", "tweet", "letter", "release", "announcement", "hearing",
        "testimony", "broadcast", "message", "report",
    }
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Nouns that name events

# Nouns that name events on their own (a noun outside this list and the derivation rules is a
# thing, not an event: a time expression modifying it, "the July 4 recess", dates the event
# that governs it). General news vocabulary: politics, courts, disasters, conflict, science and
# launches, health, markets.
EVENT_NOUNS = frozenset(
    {
        # politics
        "election", "vote", "ballot", "poll", "referendum", "runoff", "primary", "caucus",
        "campaign", "coup", "summit", "meeting", "talks", "visit", "trip", "tour", "journey",
        "speech", "address", "debate", "rally", "protest", "march", "strike", "boycott",
        "sanction", "veto", "impeachment", "inauguration", "swearing-in", "ceremony", "funeral",
        "wedding", "showdown", "contest", "challenge", "spill", "reshuffle", "walkout", "crisis",
        "scandal", "victory", "defeat", "win", "loss", "comeback", "exit", "ouster", "removal",
        # courts
        "trial", "hearing", "verdict", "ruling", "judgment", "judgement", "sentence", "plea",
        "appeal", "lawsuit", "suit", "indictment", "arrest", "raid", "probe", "inquiry",
        "investigation", "testimony", "deliberation", "deliberations", "execution", "pardon",
        "settlement", "manhunt", "murder", "conviction", "acquittal", "sentencing",
        # disasters and accidents
        "earthquake", "quake", "storm", "hurricane", "typhoon", "cyclone", "tornado", "flood",
        "fire", "wildfire", "blaze", "explosion", "blast", "eruption", "tsunami", "landslide",
        "avalanche", "drought", "crash", "collision", "derailment", "collapse", "accident",
        "disaster", "landfall", "evacuation", "rescue", "leak", "outage", "blackout",
        # conflict
        "attack", "bombing", "shooting", "shootout", "massacre", "killing", "assassination",
        "invasion", "war", "battle", "offensive", "airstrike", "ceasefire", "truce", "siege",
        "hijacking", "kidnapping", "ambush", "lockdown", "uprising", "clash", "riot",
        # science, launches, products
        "launch", "liftoff", "landing", "splashdown", "docking", "flight", "test", "rollout",
        "rollback", "scrub", "countdown", "release", "recall", "debut", "premiere",
        "unveiling", "demonstration", "experiment", "discovery",
        # health
        "outbreak", "epidemic", "pandemic", "infection", "death", "diagnosis", "quarantine",
        "vaccination", "ban", "warning", "alert", "surgery",
        # markets and business
        "merger", "acquisition", "takeover", "buyout", "bailout", "bankruptcy", "default",
        "layoff", "layoffs", "deal", "agreement", "contract", "sale", "purchase", "offering",
        "listing", "ipo", "plunge", "surge", "downgrade", "upgrade", "shutdown", "closure",
        # general
        "conference", "interview", "announcement", "decision", "delay", "postponement",
        "cancellation", "opening", "reopening", "resignation", "retirement", "departure",
        "arrival", "return", "appointment", "nomination", "confirmation", "invitation",
        "negotiation", "negotiations", "interference", "meddling", "signing", "apology",
        "statement", "remarks", "comments", "briefing",
    }
)  # fmt: skip

# Nouns the derivation rules would take for events but that name things, places or groups:
# "the government", "the Justice Department", "the Mission Management team", "the Vehicle
# Assembly Building", "a signal".
NOT_EVENT_NOUNS = frozenset(
    {
        "government", "department", "management", "equipment", "environment", "apartment",
        "compartment", "parliament", "establishment", "instrument", "document", "monument",
        "building", "ceiling", "clothing", "housing", "thing", "something", "nothing", "anything",
        "everything", "spring", "string", "evening", "morning", "wing", "king", "ring", "sibling",
        "offspring", "darling", "pudding", "lightning", "feeling", "understanding", "being",
        "signal", "material", "official", "potential", "capital", "hospital", "terminal",
        "criminal", "rival", "general", "initial", "editorial", "tutorial", "memorial", "serial",
        "station", "nation", "population", "organization", "organisation", "institution",
        "administration", "association", "corporation", "foundation", "commission", "committee",
        "division", "television", "position", "condition", "region", "section", "version",
        "opinion", "question", "mission", "session", "tension", "union", "million", "billion",
        "dominion", "mansion", "pension", "passion", "fashion", "portion", "proportion",
        "vision", "provision", "legislation", "regulation", "information", "location",
        "situation", "relation", "relations", "generation", "operation", "authority", "backup",
        "setup", "lookout", "checkout", "workout", "layout", "outlook", "income", "outcome",
        "network", "framework", "homework", "property", "entry", "industry", "country", "family",
        "agency", "company", "city", "party", "army", "body", "way", "day", "week", "year",
        "minister", "ministry", "member", "leader", "officer", "charge", "charges", "count",
        "counts",
    }
)  # fmt: skip

# Derivational suffixes of event nouns, with what replaces them to give the verb, each with
# examples (noun -> verb) that this very rule derives (tests/test_lexicon.py checks them). A
# rule applies only where its result is a verb the model's lemmatizer knows.
DERIVATIONS: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]], ...] = (
    ("ation", ("", "e", "ate", "<double>"), (("resignation", "resign"), ("cancellation", "cancel"), ("nomination", "nominate"), ("deliberation", "deliberate"))),
    ("ition", ("", "e"), (("addition", "add"), ("competition", "compete"))),
    ("ssion", ("ss", "t"), (("discussion", "discuss"), ("admission", "admit"))),
    ("sion", ("d", "de"), (("expansion", "expand"), ("decision", "decide"), ("explosion", "explode"))),
    ("ction", ("ct",), (("conviction", "convict"), ("election", "elect"))),
    ("ion", ("", "e"), (("deletion", "delete"), ("completion", "complete"))),
    ("ment", ("",), (("announcement", "announce"), ("settlement", "settle"), ("postponement", "postpone"))),
    ("ial", ("y",), (("denial", "deny"), ("burial", "bury"))),
    ("al", ("", "e"), (("removal", "remove"), ("arrival", "arrive"), ("withdrawal", "withdraw"))),
    ("ure", ("", "e"), (("departure", "depart"), ("closure", "close"), ("seizure", "seize"))),
    ("ance", ("", "e"), (("appearance", "appear"), ("acceptance", "accept"))),
    ("ence", ("e", ""), (("interference", "interfere"), ("reference", "refer"))),
    ("ery", ("er",), (("recovery", "recover"), ("delivery", "deliver"), ("discovery", "discover"))),
    ("ry", ("re",), (("inquiry", "inquire"),)),
    ("ing", ("", "e", "<double>"), (("bombing", "bomb"), ("sentencing", "sentence"), ("shooting", "shoot"), ("running", "run"))),
)

# Particles that make an event noun of a verb: "rollback", "splashdown", "liftoff", "shootout",
# "lockdown", "takeover" ("roll back", "splash down", ...).
PARTICLE_NOUN_ENDINGS = ("back", "down", "off", "out", "over", "up")

# Irregular derivations no suffix rule gives: "death" is dying, "flight" flying.
IRREGULAR_ROOTS: dict[str, str] = {
    "death": "die", "dead": "die", "flight": "fly", "sale": "sell", "loss": "lose",
    "choice": "choose", "success": "succeed", "proof": "prove", "growth": "grow", "birth": "bear",
    "trial": "trial", "speech": "speak", "sight": "see", "gift": "give", "bid": "bid",
    "fatality": "die", "murder": "murder", "win": "win", "victory": "win", "talks": "talk",
    "sentencing": "sentence", "deliberations": "deliberate", "arguments": "argue",
    "argument": "argue", "defence": "defend", "defense": "defend", "offence": "offend",
    "response": "respond", "analysis": "analyse", "diagnosis": "diagnose", "guilty": "convict",
    "verdict": "convict", "conviction": "convict", "acquittal": "acquit", "quake": "earthquake",
}  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Classes: a prior for merging, not a requirement

# Words for one kind of event across parts of speech and near-synonyms. Two mentions whose
# predicates share a class have related predicates ("bombing" / "blasts" / "detonated",
# "found guilty" / "convicted" / "the verdict"); predicates with no class are related when
# they are one word or derive from one ("scrubbed" / "scrubs", "resign" / "resignation").
EVENT_CLASS_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("meet", ("meet", "meeting", "talk", "summit", "sit-down")),
    ("travel", ("travel", "trip", "visit", "journey", "tour", "delegation")),
    ("introduce", ("unveil", "unfurl", "introduce", "propose", "file")),
    ("invite", ("invite", "invitation")),
    ("postpone", ("postpone", "delay", "defer", "reschedule", "push")),
    ("scrub", ("scrub", "abort", "halt", "cancel", "call off", "stand down")),
    ("interfere", ("interfere", "meddle")),
    ("vote", ("election", "elect", "vote", "ballot", "poll", "runoff", "referendum")),
    ("attack", ("attack", "bomb", "strike", "explode", "explosion", "blast", "detonate")),
    ("kill", ("kill", "die", "murder", "slay", "assassinate", "execute")),
    ("shoot", ("shoot", "gun", "fire")),
    ("arrest", ("arrest", "detain", "capture", "apprehend")),
    ("convict", ("convict", "guilty", "verdict")),
    ("sentence", ("sentence", "condemn")),
    ("sign", ("sign", "signing")),
    ("launch", ("launch", "liftoff", "lift", "blast off", "take off")),
    ("land", ("land", "splash", "splashdown", "touch down")),
    ("agree", ("agree", "deal", "accord", "pact")),
    ("return", ("return", "comeback")),
    ("resign", ("resign", "quit", "step down")),
    ("sanction", ("sanction", "sanctions")),
    ("ban", ("ban", "prohibit", "embargo", "bar")),
    ("announce", ("announce", "declare")),
    ("win", ("win", "beat", "defeat", "victory")),
    ("replace", ("replace", "oust", "remove", "topple", "depose")),
    ("deliberate", ("deliberate", "deliberation")),
    ("blame", ("blame", "link", "suspect", "implicate")),
    ("test", ("test", "analyse", "analyze", "examine")),
    ("infect", ("infect", "sicken", "infection")),
    ("apologise", ("apologise", "apologize")),
    ("swear", ("swear", "inaugurate", "inauguration", "swearing-in")),
)
# each word in one class only (tests/test_lexicon.py checks it)
EVENT_CLASSES: dict[str, str] = {word: name for name, words in EVENT_CLASS_WORDS for word in words}

# Verbs of rescheduling: "from DATE" is the plan given up, "to DATE" the new one ("delayed the
# launch from November 14 to November 16", "moved the vote to Saturday").
RESCHEDULING_VERBS = frozenset(
    {"move", "delay", "postpone", "push", "bring", "reschedule", "retarget", "re-target", "shift", "defer", "advance", "change"}
)

# ---------------------------------------------------------------------------------------------
# Participants

# Titles left out of actor names ("Sen. Rand Paul" is Rand Paul).
TITLES = frozenset(
    {
        "sen", "sen.", "senator", "rep", "rep.", "representative", "president", "gov", "gov.",
        "governor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "chairman", "chairwoman",
        "secretary", "minister", "prime", "gen", "gen.", "general", "judge", "justice", "mayor",
        "ambassador", "former", "the", "deputy", "chief", "vice", "speaker", "leader", "prof",
        "prof.", "professor", "sir", "dame", "lord", "lady", "attorney", "commissioner", "colonel",
    }
)  # fmt: skip

# Entity labels that name participants (actors) of an event.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
# Of those, the ones that can be the doer of an event (places are where, not who).
# NORP ("Republican", "Russian") describes, it does not name one doer.
AGENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "PRODUCT"})

# Common nouns that refer back to a named entity of a kind: "the company" to the last
# organisation named, "the minister" to the last person, "the country" to the last place.
REFERRING_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        (
            "company", "firm", "carmaker", "automaker", "maker", "manufacturer", "group", "bank",
            "agency", "authority", "authorities", "organisation", "organization", "institute",
            "party", "team", "club", "airline", "insurer", "retailer", "lender", "startup",
            "broadcaster", "network", "newspaper", "court", "ministry", "department", "office",
            "administration", "government", "regulator", "watchdog", "union", "university",
            "school", "hospital", "council", "board", "committee", "commission", "alliance",
        ),
        "ORG",
    ),
    **dict.fromkeys(
        (
            "man", "woman", "boy", "girl", "minister", "senator", "leader", "president", "judge",
            "official", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
            "chief", "executive", "director", "defendant", "suspect", "bomber", "victim",
            "lawmaker", "politician", "candidate", "challenger", "rival", "premier", "treasurer",
            "governor", "mayor", "prosecutor", "lawyer", "attorney", "founder", "ceo",
            "republican", "democrat", "administrator", "commander", "general", "officer",
        ),
        "PERSON",
    ),
    **dict.fromkeys(("country", "nation", "state", "city", "town", "region", "province", "capital"), "GPE"),
}

# Nouns for a group whose members are the real participants ("a group of senators").
COLLECTIVES = frozenset({"group", "number", "delegation", "handful", "team", "coalition", "bloc", "pair", "couple", "band"})

# ---------------------------------------------------------------------------------------------
# Discourse

# Prepositions whose object event happens at the same time as the governing one
# ("sided with Putin last month at a summit"): it shares the governing event's date.
SIMULTANEOUS_PREPOSITIONS = frozenset({"at", "during", "in", "on", "over", "amid", "for"})

# Prepositions (or conjunctions) that place an event at a distance from another: "three days
# after the bombing" (1: later), "two weeks before the vote" (-1: earlier).
ANCHORING_PREPOSITIONS: dict[str, int] = {"after": 1, "before": -1}

# Particles the parser reads as adverbs when the object splits them from their verb: "rolling
# the rocket back to the hangar" is "roll back" (as "rolled back the rocket", where they are
# particles), "pulled the troops back" is "pull back".
SPLIT_PARTICLES = frozenset({"back"})

# Modifiers of a definite event noun that refer back to an earlier event ("the previous trip").
ANAPHORIC_MODIFIERS = frozenset({"previous", "past", "last", "recent", "earlier", "prior", "same", "that"})

# Ordinals that number one of several events of a kind: "the second ballot", "its third launch
# attempt", "the initial verdict". Two of one predicate with different numbers are two events.
ORDINALS = {
    "first": 1, "1st": 1, "initial": 1, "original": 1, "maiden": 1,
    "second": 2, "2nd": 2,
    "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5,
    "sixth": 6, "6th": 6,
    "seventh": 7, "7th": 7,
    "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9,
    "tenth": 10, "10th": 10,
}  # fmt: skip

# Words that make a mention generic or hypothetical, no particular event: "if convicted",
# "a death sentence would require", "whenever", "every time".
HYPOTHETICAL_MARKERS = frozenset({"if", "unless", "whether", "whenever", "wherever", "should"})

# The minutes of the day (after midnight) a TIMEX3 part of day covers, for telling two times of
# one day apart: "the board met on Friday morning" (MO) is not "the vote at midday on Friday"
# (MI). Midday is noon and a quarter hour either side of it, like
# a clock time (``CLOCK_MINUTES``); the morning ends and the afternoon begins where it does.
# Evening and night overlap (21:00-22:00); night runs past midnight.
PART_OF_DAY_MINUTES: dict[str, tuple[int, int]] = {
    "MO": (5 * 60, 11 * 60 + 44), "MI": (11 * 60 + 45, 12 * 60 + 15), "AF": (12 * 60 + 16, 18 * 60 - 1),
    "EV": (18 * 60, 22 * 60 - 1), "NI": (21 * 60, 29 * 60 - 1), "DT": (6 * 60, 18 * 60 - 1),
}  # fmt: skip
# A clock time stands for the minutes this far either side of it: "the evacuation started at
# 11:12 p.m." and "evacuating the town from 11 p.m." can be one event, "posted at 11:30 a.m."
# and "from midday" are two.
CLOCK_MINUTES = 14
