"""The model's own behaviour (the rest of it is plain data)."""

from __future__ import annotations

import dataclasses

from sitegen.dates import PartialDate
from sitegen.model import Citation, Event


def test_an_event_copy_has_every_field_and_lists_of_its_own() -> None:
    event = Event(
        "2022-03-31-left",
        PartialDate(2022, 3, 31),
        "Troops left",
        ["chernobyl"],
        [Citation("a", "Troops left the plant.", "s-2")],
        PartialDate(2022, 4, 1),
        "reported",
        "extracted",
        "Ostland's army",
        "ostland-army",
        "ostland",
        "disputed",
        ["marovia"],
        [Citation("b", "Marovia denied it.", "s-3", "Marovia", "marovia", "marovia", "denies")],
        (("party", "ostland-army"),),
    )
    defaults = Event("", PartialDate(2000), "", [], [])
    # Every field differs from its default, so a field the copy forgot would show.
    assert all(
        getattr(event, f.name) != getattr(defaults, f.name) for f in dataclasses.fields(Event)
    )
    copy = event.copy()
    assert copy == event
    copy.topics.append("donbas")
    copy.sources.append(Citation("b", "Another report."))
    copy.disputed_by.append("ostland")
    copy.disputes.append(Citation("c", "A third report."))
    assert event.topics == ["chernobyl"] and len(event.sources) == 1
    assert event.disputed_by == ["marovia"] and len(event.disputes) == 1
