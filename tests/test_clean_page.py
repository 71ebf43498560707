"""The line classifier: clutter recognised by shape and place, body text kept, offsets exact.

Every page here is written for the test (invented outlets, people and events).
"""

from __future__ import annotations

import pytest

from sanctionwatch.clean import find_ignored, load_lexicon
from sanctionwatch.clean.page import Features, byline, date_stub, page_lines
from sanctionwatch.model import Document
from sanctionwatch.pipeline import guess_title

NEWS_PAGE = """World
Asia Pacific

Freighter detained off Incheon over coal cargo

By Hana Lee and Tom Baker
3 min read
Updated: Tuesday, March 4, 2025 10:15 KST

A port worker walks past the detained freighter at Incheon, South Korea, March 3, 2025. (Lee Min-ho / AFP via Getty Images)

INCHEON, March 4 (Reuters) - South Korean customs officers detained a freighter carrying coal that investigators believe was loaded in Nampo, officials said on Tuesday.

The ship had switched off its transponder for nine days, the coast guard said.

Also Read | Coast guard fires warning shots near maritime border

Listen to Story

The owner denied any wrongdoing.

Related stories
Exports of sand rise sharply despite the ban
Drone sightings prompt a review

© 2025 Example Media Ltd. All rights reserved.
Follow us on Telegram
"""

SHARE_BAR = """Share
Share
3
min read
Pyongyang rejected the report as a fabrication, the state agency said on Sunday.
"""

REPEATED = """Envoys meet in Geneva over sanctions

Envoys meet in Geneva over sanctions

Jane Roe and John Doe in Geneva.

Diplomats from both sides met on Friday to discuss the monitoring of fuel deliveries, the ministry said.
"""

FOREIGN_UI = """메뉴 열기
nav_toggle_btn
Fuel shipments to the north rose in the spring

Fuel shipments to the north rose sharply in April and May, according to customs records seen by the paper.

Tags: sanctions, fuel
Kim Jong Un
Fuel
Shipping
"""

CREDIT_BELOW = """Inspectors board a tanker in the Yellow Sea
[Harbour Photo Agency / Pool]

The tanker was carrying refined oil when it was stopped, the navy said on Monday.
"""

COMMENT_FORM = """Inspectors found the cargo hidden under sacks of rice, the prosecutors said on Thursday.

Laisser un commentaire
Votre adresse e-mail ne sera pas publiée.
Nom *
E-mail *
"""

TAGS_AT_THE_END = """Inspectors found the cargo hidden under sacks of rice, the prosecutors said on Thursday.

Image source, Harbour Photo Agency
Image caption, The port of Nampo in winter

The ship is now held at the port of Mokpo, the coast guard added in a statement.

Smuggling
Rice
Shipping
"""

CASES = [
    (
        NEWS_PAGE,
        "Freighter detained off Incheon over coal cargo",
        {
            "World", "Asia Pacific", "By Hana Lee and Tom Baker", "3 min read",
            "Updated: Tuesday, March 4, 2025 10:15 KST",
            "A port worker walks past the detained freighter at Incheon, South Korea, March 3, 2025. (Lee Min-ho / AFP via Getty Images)",
            "Also Read | Coast guard fires warning shots near maritime border", "Listen to Story", "Related stories",
            "Exports of sand rise sharply despite the ban", "Drone sightings prompt a review",
            "© 2025 Example Media Ltd. All rights reserved.", "Follow us on Telegram",
        },
        ["Freighter detained off Incheon", "INCHEON, March 4", "The ship had switched", "The owner denied any wrongdoing."],
    ),
    (SHARE_BAR, None, {"Share", "3", "min read"}, ["Pyongyang rejected the report"]),
    (
        REPEATED,
        "Envoys meet in Geneva over sanctions",
        {"Jane Roe and John Doe in Geneva."},
        ["Envoys meet in Geneva over sanctions\n", "Diplomats from both sides"],
    ),
    (
        FOREIGN_UI,
        None,
        {"메뉴 열기", "nav_toggle_btn", "Tags: sanctions, fuel", "Kim Jong Un", "Fuel", "Shipping"},
        ["Fuel shipments to the north rose in the spring", "according to customs records"],
    ),
    (
        CREDIT_BELOW,
        None,
        {"[Harbour Photo Agency / Pool]"},
        ["Inspectors board a tanker", "The tanker was carrying refined oil"],
    ),
    (
        COMMENT_FORM,
        None,
        {"Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée.", "Nom *", "E-mail *"},
        ["Inspectors found the cargo"],
    ),
    (
        TAGS_AT_THE_END,
        None,
        {"Image source, Harbour Photo Agency", "Image caption, The port of Nampo in winter", "Smuggling", "Rice", "Shipping"},
        ["Inspectors found the cargo", "The ship is now held"],
    ),
]


def _ignored_lines(text: str, title: str | None) -> tuple[set[str], list]:
    regions = find_ignored(text, title=title)
    assert all(text[r.start:r.end] == r.text for r in regions)
    return {r.text for r in regions}, regions


@pytest.mark.parametrize("text, title, clutter, kept", CASES, ids=["news-page", "share-bar", "repeated", "foreign-ui", "credit", "comment-form", "tags-at-the-end"])
def test_page_clutter_is_found_and_the_story_kept(text, title, clutter, kept):
    got, regions = _ignored_lines(text, title)
    assert clutter <= got
    for snippet in kept:
        at = text.index(snippet)
        assert not any(r.start <= at < r.end for r in regions), snippet


def test_repeated_headline_is_ignored_but_not_its_first_copy():
    regions = find_ignored(REPEATED, title="Envoys meet in Geneva over sanctions")
    headline = [r for r in regions if r.text == "Envoys meet in Geneva over sanctions"]
    assert len(headline) == 1 and headline[0].start > 0 and headline[0].reason == "repeated_headline"


def test_caption_above_a_credit_only_line():
    regions = find_ignored(CREDIT_BELOW)
    assert ("caption", "Inspectors board a tanker in the Yellow Sea") not in {(r.reason, r.text) for r in regions}  # it is the headline
    text = "Opening sentence of the story, written in full here.\n\nA tanker is boarded at sea\n[Harbour Photo Agency / Pool]\n\nClosing sentence of the story, written in full here."
    assert {(r.reason, r.text) for r in find_ignored(text)} == {
        ("caption", "A tanker is boarded at sea"), ("photo_credit", "[Harbour Photo Agency / Pool]")
    }


@pytest.mark.parametrize(
    "text",
    [
        # a list of designated people, one per line, is the story
        "The ministry named four people on Tuesday.\n\nRi Chol Su\nKim Myong Ok\nPak Il\nHan Song Mi\n\nThey are barred from travel, the statement said.",
        # five or more of them, announced by a sentence ending in a colon
        "The ministry on Monday barred six people from travel:\n\nRi Chol Su\nKim Myong Ok\nPak Il\nHan Song Mi\n"
        "O Yong Nam\nJu Kwang Il\n\nThey worked for a trading firm in Dandong, the statement said.",
        # or standing between two paragraphs of the story
        "The finance ministry froze the assets of six firms linked to the network on Monday, the statement said.\n\n"
        "Haedong Shipping\nSongrim Trading\nPaektu Metals\nChollima Fisheries\nRyongak Logistics\nMunsu Timber\n\n"
        "The firms had moved coal and iron through ports in three countries, according to the statement.",
        # an AFP-style dateline with a colon starts the story
        "SEOUL: North Korea fired two missiles into the sea on Monday, the military said.",
        "Images released by state media showed the launch from a mobile launcher on Sunday.",
        "Talks with the U.S., he said, would resume after the holiday, according to the envoy.",
        "Officials said the vessel, later renamed, sailed from Nampo in March and reached Vladivostok in April.",
        # a handle named in a sentence is no embed signature
        "The analyst Jane Roe (@janeroe) said on Monday that the tanker had turned off its transponder.",
        # the word "Photo" inside a caption-like sentence with no agency after it
        "The ministry released a photo of the launch. Photo analysts doubted it, the newspaper said.",
    ],
)
def test_story_text_is_kept(text):
    assert find_ignored(text) == []


def test_wire_tag_marks_only_the_tag():
    text = "The navy said the ship would be inspected at the port of Mokpo this week. (Yonhap)"
    assert [(r.reason, r.text) for r in find_ignored(text)] == [("wire_tag", "(Yonhap)")]


def test_pre_headline_labels_need_the_headline():
    text = "Business\nMarkets\n\nSanctions squeeze fuel prices in the north\n\nPrices rose again this week, traders in the border city said."
    assert {r.text for r in find_ignored(text, title="Sanctions squeeze fuel prices in the north")} == {"Business", "Markets"}


def test_glued_url_is_cut_where_the_sentence_begins():
    text = "https://ads.example.org/landing/drone-promoThe institute released a satellite study on Monday."
    regions = find_ignored(text)
    assert [(r.reason, r.text) for r in regions] == [("link", "https://ads.example.org/landing/drone-promo")]


def test_kcna_separators_are_marked_and_abbreviations_are_not():
    text = "The first paragraph ends here.,  The second paragraph begins., ,  A third one.\nTalks with the U.S., he said, stalled."
    got = [(r.reason, r.text) for r in find_ignored(text)]
    assert got == [("separator", ","), ("separator", ", ,")]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Thursday, April 10, 2025", True),
        ("12 May 2024 | Updated 3 hours ago", True),
        ("2025-04-10 09:30 KST", True),
        ("The launch on April 10, 2025 failed.", False),
    ],
)
def test_date_stub(line, expected):
    assert date_stub(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Jane Roe", True),
        ("– By Ri Ok, Kim Sol", True),
        ("by Ana Silva and the news desk May 2, 2024 3:01 PM", True),
        ("Example Daily logo Example Daily 04-05-2024 By Our Correspondent", True),
        ("By the end of the year, the country had exported coal worth millions.", False),
        # a time opening a short sentence is no author
        ("By Monday, the tanker had left.", False),
        ("By March, exports had doubled.", False),
        ("By Thursday evening the ship was gone.", False),
        ("By Marc Lee", True),
        ("The row began when the agency rated a claim made by Senator Roe on June 11:", False),
    ],
)
def test_byline(line, expected):
    assert byline(page_lines(line)[0]) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Kim Jong Un inspects a factory on Monday. KCNA via REUTERS", "caption"),
        ("A tanker at anchor off Nampo, Jan. 3, 2024. | HARBOUR PHOTO / VIA AP", "caption"),
        ("The border bridge at dusk. /Yonhap", "caption"),
        ("A tanker at anchor off Nampo, Jan 3 | HARBOUR PHOTO / VIA AP", "caption"),
        ("EPA-EFE/JANE ROE", "photo_credit"),
        # a "Photo" word with no colon, glued to the caption's full stop or after it, with a full stop of its own
        ("Envoys vote on a draft text at the headquarters in Geneva.Photo Xinhua.", "caption"),
        ("Envoys leave the chamber after the vote. Photo Reuters", "caption"),
        ("Envoys leave the chamber after the vote. Photos AFP.", "caption"),
        ("The ministry runs a Photo Archive of its own.", None),  # no agency: a sentence
        ("He heads the Photo Department of the Harbour Daily.", None),
        ("The navy said it would inspect the ship. (Yonhap)", None),
        # a square-bracketed agency ends a caption
        ("Soldiers march past the stand in the capital on Monday. [YONHAP]", "caption"),
        ("BORDER TRADE RESUMES The customs office said lorries crossed the bridge again on Monday. [Reuters]", None),
        ("Envoys leave the chamber after the vote. [Harbour Photo Agency / Pool]", "caption"),
        ('"We will never accept it," the envoy told Reuters.', None),
    ],
)
def test_caption_or_credit(line, expected):
    feats = Features(load_lexicon())
    assert feats.caption_or_credit(page_lines(line)[0]) == expected


@pytest.mark.parametrize(
    "text, title",
    [
        (" date 2025-03-01 Tanker seized near Busan\nThe coast guard said on Saturday it had boarded the tanker.", "Tanker seized near Busan"),
        ("Share\nShare\n3\nmin read\nTanker seized near Busan\n\nThe coast guard said on Saturday it had boarded the tanker.", "Tanker seized near Busan"),
        ("Skip to content\nBy Jane Roe\n" + "The coast guard said on Saturday it had boarded the tanker and " * 5, None),
    ],
)
def test_title_is_never_taken_from_clutter(text, title):
    doc = Document(doc_id="d", text=text, ignored=find_ignored(text))
    assert guess_title(doc) == title


@pytest.mark.parametrize(
    "text, title, clutter",
    [
        # the scraper's date glued to a caption with a dash credit: both go, each with its reason
        (" date 2025-01-09 Crowds watch a broadcast at a station in Busan on January 8 - Copyright AFP/File Jane ROE\n"
         "The launch was the second this month, the military said on Thursday.", None,
         {("scraper_tag", "date 2025-01-09"),
          ("caption", "Crowds watch a broadcast at a station in Busan on January 8 - Copyright AFP/File Jane ROE")}),
        # the scraper's date glued to a photo label
        (" date 2025-01-09 Photo : HARBOUR NEWS\nThe launch was the second this month, the military said on Thursday.", None,
         {("scraper_tag", "date 2025-01-09"), ("photo_credit", "Photo : HARBOUR NEWS")}),
        # a breadcrumb that contains the headline is not the headline
        ("Current:Home > NewsFuel smuggling ring broken up in Dandong -Example Wire\nFuel smuggling ring broken up in Dandong\n"
         "Date:2025-02-03 10:15:00\nCustoms officers arrested nine people on Monday, the police said in a statement.",
         "Fuel smuggling ring broken up in Dandong",
         {("page_header", "Current:Home > NewsFuel smuggling ring broken up in Dandong -Example Wire"),
          ("dateline", "Date:2025-02-03 10:15:00")}),
        ("The police said nine people were held on Monday in the raid on the warehouse.\n"
         "• Read also: Border trade resumes after a pause\n- JANE ROE\n- Copyright © Example Daily", None,
         {("related_links", "• Read also: Border trade resumes after a pause"), ("byline", "- JANE ROE"),
          ("copyright", "- Copyright © Example Daily")}),
        # an embedded post's signature with its short link; the post's own text stays
        ("Envoys agreed to keep the cap, the first such vote. https://t.co/Ab3dEfGh — The Harbour Herald "
         "(@HarbourHerald) June 3, 2023\nThe ferry was held in port, officials said on Monday.", None,
         {("link", "https://t.co/Ab3dEfGh — The Harbour Herald (@HarbourHerald) June 3, 2023")}),
        ("The ban is a mistake, the senator wrote. pic.twitter.com/xY12ab -- Jane Roe (@janeroe) March 9, 2024", None,
         {("social_embed", "pic.twitter.com/xY12ab -- Jane Roe (@janeroe) March 9, 2024")}),
        # a row of sharing labels, some of several words, and the comment form's gate
        ("Print this article\nSend to a friend\nThe ferry was held in port, officials said on Monday.", None,
         {("page_furniture", "Print this article"), ("page_furniture", "Send to a friend")}),
        ("Share on Facebook Share on X Copy link\nThe ferry was held in port, officials said on Monday.\n"
         "You must be logged in to post a comment.", None,
         {("page_furniture", "Share on Facebook Share on X Copy link"),
          ("comment_widget", "You must be logged in to post a comment.")}),
        # blog and aggregator furniture around a two-line story
        ("Posted by editor2 on June 9, 2025\nLast updated: June 9, 2025 18:40 IST\n"
         "Click to share on LinkedIn (Opens in new window)\n"
         "The ferry was held in port, officials said on Monday.\nJoin our Telegram channel for daily updates\n"
         "(This report has not been edited by our desk and is auto-generated from a syndicated feed.)\n"
         "First published on: 09-06-2025 at 18:40 IST", None,
         {("byline", "Posted by editor2 on June 9, 2025"), ("dateline", "Last updated: June 9, 2025 18:40 IST"),
          ("page_furniture", "Click to share on LinkedIn (Opens in new window)"),
          ("page_furniture", "Join our Telegram channel for daily updates"),
          ("disclaimer", "(This report has not been edited by our desk and is auto-generated from a syndicated feed.)"),
          ("dateline", "First published on: 09-06-2025 at 18:40 IST")}),
    ],
)
def test_clutter_glued_or_bulleted(text, title, clutter):
    assert clutter <= {(r.reason, r.text) for r in find_ignored(text, title=title)}


@pytest.mark.parametrize(
    "text, kept",
    [
        # the scrape stops mid-sentence under a captioned photo: the cut paragraph is the story, not a footer
        ("Tanker held off Mokpo\n\nCustoms officers said on Tuesday the tanker had taken on fuel at sea.\n\n"
         "A patrol boat in the harbour of Mokpo, March 3, 2024. (Jane Roe / AFP via Getty Images)\n\n"
         "The tanker, flagged in Palau, had sailed from Nampo with coal that investigators believe was bound for",
         "The tanker, flagged in Palau, had sailed from Nampo with coal that investigators believe was bound for"),
        ("Tanker held off Mokpo\n\nCustoms officers said on Tuesday the tanker had taken on fuel at sea.\n\nShare\n"
         "The tanker, flagged in Palau, had sailed from Nampo with a cargo of coal and",
         "The tanker, flagged in Palau, had sailed from Nampo with a cargo of coal and"),
    ],
)
def test_a_cut_off_last_paragraph_is_no_footer(text, kept):
    assert not any(kept in r.text or r.text in kept for r in find_ignored(text))


def test_previous_and_next_links_glued_to_their_titles():
    text = ("The port reopened on Monday, officials said.\nPrevious articleHarbour fees rise again in the north\n"
            "Next articleFerry link resumes\nPrevious articles in this series described the tankers.")
    regions = {(r.reason, r.text) for r in find_ignored(text)}
    assert ("page_furniture", "Previous articleHarbour fees rise again in the north") in regions
    assert ("page_furniture", "Next articleFerry link resumes") in regions
    assert not any("series" in t for _, t in regions)


def test_a_run_of_labels_between_paragraphs_is_still_clutter_when_one_is_known():
    text = ("The coast guard boarded the tanker on Monday after a tip from a partner navy, officials said.\n"
            "Share\nTweet\nEmail\nPrint\nWhatsApp\n"
            "The tanker had switched off its transponder for nine days before it was stopped, they said.")
    assert {"Share", "Tweet", "Email", "Print", "WhatsApp"} <= {r.text for r in find_ignored(text)}


def test_a_lede_above_a_photo_credit_is_the_story_not_its_caption():
    text = ("Written by Jane Roe\nTwo freighters left Nampo on Sunday, the coast guard said.\n(Photo: Harbour Wire)\n"
            "The ships had switched off their transponders.")
    regions = {(r.reason, r.text) for r in find_ignored(text)}
    assert ("photo_credit", "(Photo: Harbour Wire)") in regions
    assert not any("freighters" in t for _, t in regions)


@pytest.mark.parametrize("line", [
    "By then the ferry had left the port.",  # a sentence opening with "By", not a byline
    "Share the cost of the ferry, the ministry said.",  # a label word opening a sentence
    "Print and share the report before the meeting on Monday.",
])
def test_a_sentence_of_label_words_is_no_widget_row(line):
    assert find_ignored(f"The port was closed on Monday, officials said.\n{line}") == []


def test_editorial_brackets_in_a_quotation_are_kept():
    text = 'The envoy said: "They [the inspectors] will return [this year] to the port."'
    assert find_ignored(text) == []


def test_a_phrase_in_a_text_without_line_breaks_does_not_hide_the_text():
    text = "The ministry said the ship was inspected in this photo of the port. " * 40 + "All rights reserved by the ministry."
    assert find_ignored(text) == []
