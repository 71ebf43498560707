"""The words a machine rewrite puts for "remote IT jobs" and "tech workers" ("telecommuting jobs",
"technicians") still type the IT-worker schemes (data/taxonomy.yaml ``it_work`` and ``workers``)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def workers(parse_events):
    def _run(text: str):
        _, events = parse_events(text)
        return [e for e in events if e.type == "overseas_workers"]
    return _run


@pytest.mark.parametrize("text", [
    "After the North Korean technicians got the telecommuting jobs, the firms shipped laptops to his flat.",
    "Prosecutors said the North Korean technicians used a stolen identity to secure contracts with clients abroad.",
    "The scheme helped North Koreans land telecommuting positions at two American banks.",
])
def test_machine_rewritten_it_work_is_still_overseas_work(workers, text):
    assert workers(text)


@pytest.mark.parametrize("text", [
    "Russian technicians inspected the launch pad near Sohae last week.",
    "The company said telecommuting had cut its office costs.",
])
def test_technicians_and_telecommuting_alone_are_no_overseas_work(workers, text):
    assert not workers(text)
