"""Clean: noise is marked as ignored regions with a reason; the text is never changed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.clean import find_ignored, rules_from_text

ENGLISH = {"background", "analysis", "sanctions", "reaction", "context"}


def is_word(w: str) -> bool:
    return w in ENGLISH


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Home » World » Defector speaks – VG", "breadcrumb"),
        ("Startseite > Politik > Korea", "breadcrumb"),
        ("THE LEADER: Kim Jong-un is hailed by the military.", "caption"),
        ("SPEECH: the dictator speaks at the anniversary.", "caption"),
        ("PHOTO VLADIMIR SMIRNOV, ARCHIVES ASSOCIATED PRESS", "photo_credit"),
        ("Photo: Reuters", "photo_credit"),
        ("Leave a Comment", "comment_widget"),
        ("12 comments", "comment_widget"),
        ("source site-59", "scraper_tag"),
        ("Published:", "empty_stub"),
        ("Publisert", "empty_stub"),
        ("Share this article", "page_furniture"),
        ("Advertisement", "page_furniture"),
        ("Published: 3 May 2024", "dateline"),
        ("Agencies", "byline"),
        ("(With inputs from agencies)", "byline"),
        ("LK-Tass Report", "byline"),
        ("Web Desk", "byline"),
        ("SOUNDBITE (English): JOHN DOE, Foreign Ministry Spokesman", "broadcast_label"),
        # feed footers, paywalls, newsletter pitches and badges of other sites than the dev set's
        ("The post Ferry link to Rason resumes, officials say appeared first on Harbour Daily.", "page_furniture"),
        ("Read the full story at Harbour Daily", "page_furniture"),
        ("Originally published on harbourdaily.example", "page_furniture"),
        ("Subscribe to continue reading", "page_furniture"),
        ("You have reached your limit of free stories this month", "page_furniture"),
        ("Get the top stories delivered straight to your inbox", "page_furniture"),
        ("Follow Harbour Daily on Google News", "page_furniture"),
        ("Add Harbour Daily as a preferred source on Google", "page_furniture"),
        ("Reading time: 3 minutes", "byline"),
        ("Listen (4 min)", "byline"),
        ("(With inputs from Reuters, AFP and agencies)", "byline"),
        ("Posted in Asia | Tagged sanctions, shipping", "tag_list"),
        ("Featured image: Harbour Photo Agency", "photo_credit"),
        ("(Source: Harbour Wire)", "photo_credit"),
        ("Share this:", "page_furniture"),
        ("Continue reading", "page_furniture"),
        ("About the author", "page_furniture"),
    ],
)
def test_noise_lines(line, reason):
    text = f"The ministry said the launch failed.\n\n{line}\n\nOfficials declined to comment further."
    regions = find_ignored(text, is_word=is_word)
    assert [(r.text, r.reason) for r in regions] == [(line, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "South Korea said in March that the North had sent some 7,000 containers of weapons to Russia.",
        "Background",
        "SEOUL, March 3 (Yonhap) -- North Korea fired a ballistic missile on Sunday.",
        "Kim Yo Jong said: “We make no secret of it.”",
        "Illegal arms sales",
        "Agencies in Seoul and Tokyo said the launch failed.",
        "Experts publish a new report on the tanker network",
        # a colon dateline in capitals opens the lede: by the city, or by the speech it reports
        "KARACHI: Two freighters linked to Pyongyang were detained at the port on Sunday.",
        "WELLINGTON: The navy tracked a tanker off the coast for a week, the defence minister said on Monday.",
        "HARBOURTOWN: The coast guard detained a freighter on Sunday, according to the port authority.",
        # sentences that open like furniture
        "Posted in Seoul, the envoy said the talks would resume in the spring.",
        "Tagged as a front company, the firm was sanctioned in 2019 by the Treasury.",
        "With inputs from the navy, the coast guard tracked the ship for a week.",
        "Read the report, the minister told lawmakers on Monday.",
        "The post office in Sinuiju was closed for a week, residents said.",
    ],
)
def test_real_content_is_kept(line):
    text = f"First paragraph of the story.\n\n{line}\n\nLast paragraph of the story."
    assert find_ignored(text, is_word=is_word) == []


def test_stray_untranslated_heading_needs_blank_lines_and_a_non_english_word():
    text = "He spoke.\n\nDopsalg\n\nAt the time, he raised funds.\nSanctions\nMore text."
    regions = find_ignored(text, is_word=is_word)
    assert [(r.text, r.reason) for r in regions] == [("Dopsalg", "untranslated_heading")]


def test_caption_under_a_photo_credit():
    text = "Body.\n\nPHOTO JANE DOE, REUTERS\n\nKim Jong-un and Vladimir Putin in September 2023\n\nNext paragraph."
    regions = find_ignored(text)
    assert [(r.reason, r.text) for r in regions] == [
        ("photo_credit", "PHOTO JANE DOE, REUTERS"),
        ("caption", "Kim Jong-un and Vladimir Putin in September 2023"),
    ]


def test_match_scope_rules_mark_only_the_match():
    text = "It was a program for satellites. -spies.\nThis site uses Akismet to reduce spam. Learn how your comment data is processed.North Korea | Next"
    regions = find_ignored(text)
    assert [(r.text, r.reason) for r in regions] == [
        ("-spies.", "scraper_tag"),
        ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", "comment_widget"),
    ]


def test_user_rules_extend_the_packaged_ones():
    rules = rules_from_text("rules:\n  - reason: newsletter\n    pattern: '^Get our DPRK briefing'\n", "user.yaml")
    text = "Story.\nGet our DPRK briefing every week\nEnd."
    assert [(r.text, r.reason) for r in find_ignored(text, rules)] == [("Get our DPRK briefing every week", "newsletter")]


def test_bad_user_rule_names_the_file():
    with pytest.raises(ValueError, match="user.yaml: rule 0"):
        rules_from_text("rules:\n  - reason: x\n    pattern: '('\n", "user.yaml")


def test_seed_articles(seeds):
    expected = {
        "000": {
            ("breadcrumb", "Home » World » North Korean defector says he produced drugs for the regime – VG"),
            ("empty_stub", "Published:"),
            ("caption", "DISCLAIMER: Kim Kuk-song"),
            ("comment_widget", "Leave a Comment"),
        },
        "004": {
            ("photo_credit", "PHOTO VLADIMIR SMIRNOV, ARCHIVES ASSOCIATED PRESS"),
            ("caption", "North Korean leader Kim Jong-un and Russian President Vladimir Putin in September 2023"),
            ("scraper_tag", "source site-59"),
            ("scraper_tag", "-spies."),
        },
    }
    from sanctionwatch.clean import english_words_from_model
    from sanctionwatch.read import load_model

    word = english_words_from_model(load_model())
    for name, text in seeds.items():
        regions = find_ignored(text, is_word=word)
        got = {(r.reason, r.text) for r in regions}
        assert expected[name[:3]] <= got, name
        assert all(text[r.start:r.end] == r.text for r in regions)
        if name.startswith("000"):
            assert ("untranslated_heading", "Dopsalg") in got
            assert any(r.reason == "caption" and r.text.startswith("THE LEADER:") for r in regions)
            # headings in English and the quoted speech stay
            assert not any("Hunting for defectors" in r.text or "All the money" in r.text for r in regions)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_regions_are_exact_sorted_and_disjoint_for_any_text(text):
    regions = find_ignored(text, is_word=is_word)
    for r in regions:
        assert text[r.start:r.end] == r.text and r.end > r.start
    assert all(a.end < b.start or a.end <= b.start for a, b in zip(regions, regions[1:]))
