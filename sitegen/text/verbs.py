"""Verbs that rules on plain words look for: no part-of-speech tagger runs offline here, so
the importer (does a line have a verb?) and the chronology (where does a subject end, who
said it, does the speaker deny or accuse?) recognise verbs from these lists."""

from __future__ import annotations

# "be" and "have" (a passive or perfect follows them).
BE_HAVE = frozenset(("is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had"))
MODALS = frozenset(
    ("will", "would", "can", "could", "may", "might", "must", "should", "shall", "do", "does", "did")
)  # fmt: skip
NEGATED = frozenset((
    "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "couldn't", "don't", "doesn't",
    "didn't",
))  # fmt: skip
# Verbs that attribute words to a speaker: "officials said", "the ministry announced".
REPORTING = frozenset((
    "said", "says", "say", "told", "tells", "announced", "announces", "claimed", "claims",
    "reported", "reports", "added", "stated", "confirmed", "warned", "warns", "wrote", "writes",
    "denied", "denies", "accused", "accuses", "urged", "urges",
))  # fmt: skip
# A speaker who denies or rejects disputes what another side says; one who accuses or blames
# makes a counter-claim (see sitegen.enrich.standing).
DENYING = frozenset(("denied", "denies", "deny", "rejected", "rejects", "dismissed", "dismisses"))
ACCUSING = frozenset(("accused", "accuses", "blamed", "blames", "alleged", "alleges"))
# Verbs that attribute a claim only with "as" after them: "X described the blast as an
# accident" is X's claim; "the mayor describes life in the town" tells what the mayor does.
CHARACTERISING = frozenset(("described", "describes"))
# Every verb the chronology attributes a claim by (sitegen.enrich.claims): the reporting verbs,
# those above, and verbs of stating that the clause rules need not know as verbs ("X called
# the strike a provocation", "X described the blast as …").
ATTRIBUTING = REPORTING | DENYING | ACCUSING | frozenset((
    "states", "confirms", "insisted", "insists", "adds", "posted", "declared", "declares",
    "estimated", "estimates", "explained", "explains", "noted", "revealed", "reveals",
    "admitted", "admits", "acknowledged", "acknowledges", "spoke", "speaks", "called", "calls",
)) | CHARACTERISING  # fmt: skip
AUXILIARIES = BE_HAVE | MODALS
