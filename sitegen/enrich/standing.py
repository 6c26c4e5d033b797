"""How each event stands: who claims it, and its status.

An event's sources each carry who their sentence says claims it (a :class:`Citation`'s
``claimed_by``, ``party``, ``side``). An event is **claimed** when a source names a party's
speaker (the first such source's speaker is the event's), **reported** when every source
tells it in the outlet's own voice. What an author sets in front matter or
``content/events.yaml`` (``claimed_by``, ``party``, ``status``) wins.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.model import Event, Status


def settle(events: Sequence[Event]) -> None:
    """Set the claim and status of each of ``events``, the merged events of one date."""
    for event in events:
        _attribute(event)
        if "status" not in dict(event.authored):
            event.status = _status(event)


def _attribute(event: Event) -> None:
    authored = dict(event.authored)
    if "claimed_by" in authored or "party" in authored:
        return  # set when the author's event was made (sitegen.enrich.events)
    lead = next((c for c in event.sources if c.claimed_by), None)
    if lead is not None:
        event.claimed_by, event.party, event.side = lead.claimed_by, lead.party, lead.side


def _status(event: Event) -> Status:
    return "claimed" if event.claimed_by else "reported"
