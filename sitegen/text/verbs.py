"""Verbs that rules on plain words look for: no part-of-speech tagger runs offline here, so
the importer (does a line have a verb?) and the chronology (where does a subject end, who
said it?) recognise verbs from these lists."""

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
AUXILIARIES = BE_HAVE | MODALS
