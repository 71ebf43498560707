"""Selling fishing rights is an export the resolutions ban (resolution 2397 forbids the sale and transfer of
fishing rights): "sold fishing rights to Chinese boats", "licences are sold for $X a month", "leasing fishing
rights". A licence or a right without fishing in it is no such sale, nor is fishing without a sale."""

from __future__ import annotations

import pytest
from fragments import of_type


@pytest.mark.parametrize("text,anchor", [
    ("The regime sold fishing rights worth $20 million to boats from China last year.", "sold"),
    ("Fishing licences are sold to foreign trawlers for about $8,000 a month, the report said.", "sold"),
    ("Officials have been leasing fishing rights off the east coast to private firms.", "leasing"),
])
def test_a_sale_of_fishing_rights_is_a_banned_export(events_of, text, anchor):
    evs = of_type(events_of(text), "banned_export")
    assert any(e.trigger.text == anchor for e in evs), [(e.type, e.trigger.text) for e in events_of(text)]


@pytest.mark.parametrize("text", [
    "The firm sold broadcast rights to a channel in Seoul.",
    "Chinese fishing boats crowded the waters near the island last month.",
    "The company bought a licence for its software.",
])
def test_other_rights_and_fishing_alone_are_no_export(events_of, text):
    assert not of_type(events_of(text), "banned_export"), [(e.type, e.trigger.text) for e in events_of(text)]
