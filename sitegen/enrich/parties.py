"""Speakers matched to the parties of ``site.yaml``, on every build (the speakers themselves
are found once per body, by :mod:`sitegen.enrich.claims`, and cached)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from sitegen.config import OTHER_SIDE, OUTLET_SIDE, PartyConfig
from sitegen.model import Claim
from sitegen.text.mentions import MentionMatcher


class Attribution(NamedTuple):
    """A claim as the briefing shows it: who, which party, which side."""

    claimed_by: str | None  # the speaker as the text names them; None: the outlet's voice
    party: str | None  # the party's slug, "outlet" for the outlet's voice, None: no party
    side: str  # the party's side, "outlet", or "other" for a speaker no party names


OUTLET = Attribution(None, OUTLET_SIDE, OUTLET_SIDE)


class Parties:
    """Speakers matched to the parties of ``site.yaml`` by their aliases: the first alias a
    speaker's words name ("IAEA chief Rafael Grossi" → iaea), the longest at one place."""

    def __init__(self, parties: Sequence[PartyConfig]) -> None:
        self.by_slug = {party.slug: party for party in parties}
        self._matcher = MentionMatcher(parties)

    def party(self, speaker: str) -> PartyConfig | None:
        first = next(self._matcher.finditer(speaker), None)
        return self.by_slug[first.topic] if first else None

    def attribution(self, claim: Claim | None) -> Attribution:
        """Who claims it: the party the speaker's words name; for a speaker they name none
        of, relayed by a party's own channel ("As TASS reported, the governor said …", with
        TASS an alias of Russia's), that channel's party, whose officials it relays; else
        none (side "other"). The outlet's own voice without a claim."""
        if claim is None:
            return OUTLET
        said = self.named(claim.speaker)
        if said.party is None and claim.relayed_by:
            channel = self.party(claim.relayed_by)
            if channel is not None:
                return Attribution(claim.speaker, channel.slug, channel.side)
        return said

    def named(self, speaker: str) -> Attribution:
        party = self.party(speaker)
        return Attribution(
            speaker, party.slug if party else None, party.side if party else OTHER_SIDE
        )

    def chosen(self, claimed_by: str | None, party: str | None) -> Attribution:
        """The claim an author sets: a party's slug (or "outlet"), a speaker, or both."""
        if party == OUTLET_SIDE:
            return Attribution(claimed_by, OUTLET_SIDE, OUTLET_SIDE)
        config = self.by_slug.get(party or "")
        if config is not None:
            return Attribution(claimed_by or config.name, config.slug, config.side)
        return self.named(claimed_by) if claimed_by else OUTLET

    def side(self, speaker: str) -> str:
        return self.named(speaker).side
