"""How each event stands: who claims it, and whether it is corroborated or disputed.

An event's sources each carry who their sentence says claims it (a :class:`Citation`'s
``claimed_by``, ``party``, ``side``, ``stance``). Over the merged events of one date:

- **corroborated**: at least two independent outlets report it (articles of different
  sources), or parties of at least two sides state it;
- **disputed**: the sources say another side denies it (in its sentence or the next one,
  "Kyiv denied it."), or another event of the same date and topic is another side's denial
  ("Moscow denied …") or counter-accusation ("Moscow blamed Ukraine …" against "Ukraine
  accused Russia …"); the sentences that dispute it are kept (``Event.disputes``);
- otherwise **claimed** when a party's speaker is named, **reported** in the outlet's voice.

Disputed outranks corroborated: a denial is what a reader must see first. What an author
sets in front matter or ``content/events.yaml`` (``claimed_by``, ``party``, ``status``) wins.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.config import OTHER_SIDE, OUTLET_SIDE
from sitegen.model import Citation, Event, Status

_NO_SIDE = (OUTLET_SIDE, OTHER_SIDE)  # sides that corroborate or dispute nothing


def settle(events: Sequence[Event]) -> None:
    """Set the claim and status of each of ``events``, the merged events of one date."""
    for event in events:
        _attribute(event)
    # The sources that may dispute another side's event, found once: comparing every pair
    # of a busy date's events would grow with the square of their number.
    opposing = [
        (other, c)
        for other in events
        for c in other.sources
        if c.stance != "says" and c.side not in _NO_SIDE
    ]
    for event in events:
        disputes = [c for other, c in opposing if other is not event and _against(event, other, c)]
        denied = [s for c in event.sources for s in c.denied_by if s != event.side]
        event.disputes = disputes
        event.disputed_by = list(dict.fromkeys([*denied, *(c.side for c in disputes)]))
        if "status" not in dict(event.authored):
            event.status = _status(event)


def _attribute(event: Event) -> None:
    authored = dict(event.authored)
    if "claimed_by" in authored or "party" in authored:
        return  # set when the author's event was made (sitegen.enrich.events)
    lead = next((c for c in event.sources if c.claimed_by), None)
    if lead is not None:
        event.claimed_by, event.party, event.side = lead.claimed_by, lead.party, lead.side


def _against(event: Event, other: Event, citation: Citation) -> bool:
    """Whether ``citation``, a source of ``other``, disputes ``event``: another side's
    denial or counter-accusation about the same topic."""
    if event.side in _NO_SIDE or citation.side == event.side:
        return False
    if not set(event.topics) & set(other.topics):
        return False
    accusing = any(c.stance == "accuses" for c in event.sources)
    return citation.stance == "denies" or (accusing and citation.stance == "accuses")


def _status(event: Event) -> Status:
    if event.disputed_by:
        return "disputed"
    outlets = {c.outlet or c.article for c in event.sources}
    sides = {c.side for c in event.sources if c.side not in _NO_SIDE}
    if len(outlets) >= 2 or len(sides) >= 2:
        return "corroborated"
    return "claimed" if event.claimed_by else "reported"
