"""Clutter of other outlets than the dev set's: wire photo captions, metadata rows, share-button lists, feed and blog
widgets.  Each case is written for these tests (invented names and places); the story lines around it must stay."""

from __future__ import annotations

import pytest
from fragments import ignored_whole as _covered
from fragments import kept_whole as _kept

from sanctionwatch.clean import find_ignored

STORY = "The coast guard held the tanker in port for a week, officials said on Monday."


@pytest.mark.parametrize(
    "clutter",
    [
        # a wire file-photo caption: long, with a quoted watermark, its credit in parentheses at the end
        "FILE - This image provided on May 2, 2021, by the harbour authority shows what it says is a tanker off "
        "Nampo. Independent journalists were not given access. The watermark reads: \"Harbour\" which is the "
        "authority's short name. (Harbour Authority/Example Service via AP, File)",
        # a caption closed by the wire photographer's credit
        "Dockworkers unload sacks beside a sign that reads \"Port of Nampo\" on a grey morning, with cranes "
        "behind them and a ferry at the quay. (AP Photo/Jane Roe)",
        # a caption glued to its newspaper-style credit
        "A photograph released by the ministry showed the tanker at anchor off Nampo.Credit…Harbour Authority, via "
        "Associated Press",
        # a caption that says what a released photo shows, with a second sentence naming people in it
        "A photo released by the harbour authority on May 2 shows the governor inspecting a tanker. Analysts "
        "have identified the man at his left as John Roe, and the man behind him as Jan Doe.",
        # an updated/published stamp of many words
        "Updated May 3, 2024 at 6:15 a.m. EDT|Published May 3, 2024 at 5:40 a.m. EDT",
        # the metadata row of a mirror site
        "Date: 03/05/2024 | Source: Example Wire (En) | Read original version at source",
        # a share bar as a bulleted list of buttons
        "• Facebook share button\n• Twitter share button\n• Mail share button",
        # a subscription footer that is no sentence
        "Subscribe to Harbour Weekly __________ Support the Harbour Trust",
        # a source credit under the headline
        "-Source-The Harbour Gazette-",
        "Source: The Harbour Gazette",
        # a wire caption whose photo credit is followed by the wire's own name
        "A defector arrives for a hearing in Seoul on Friday, Dec. 2, 2016. He told lawmakers he had fled "
        "\"a reign of fear\". (Jane Roe/Harbour Photos via AP) (The Associated Press)",
        # a newsletter pitch that does not say "newsletter"
        "Morning Briefing Emails Get the top stories and special reports, delivered every weekday morning.",
        # a document-type label over a release
        "Press release",
        # an author line and the author's bio with a social handle
        "Author: Jane Roe",
        "Jane Roe covers shipping for the site; follow her on Twitter @janeroe.",
        # a media player's notice
        "Your browser doesn't support HTML5 video",
        # a wire editor's note to subscribers
        "(ATTN: ADDS the ministry's comment in paras 4-5; UPDATES headline)",
        # written/updated stamps run together
        "Write: 2021-03-04 09:10:11Update: 2021-03-04 10:12:13",
        # the reprint header of a translated post, with its date-and-source stamp
        "Original Source: Harbour Analytics\nOriginal Translation: Jan Doe, Harbour Finance",
        "Reprinted from harbournews",
        "03/04/2021·3MSource: Harbour Analytics",
        # a reading-time badge in words, a summary toggle, a machine-translation toggle
        "Read this article in 12 Minutes",
        "AI summary\nView the summary",
        "This article is machine translated\nShow original",
        # a membership paywall
        "Become a member for less\nthan $4.50 per week.",
        "Get unlimited access to all Harbour News content, including reporting by our team of experts.",
        "Subscribe now",
        "All major cards accepted. No commitments – you can cancel any time.",
        # a hosted blog's comment form
        "Fill in your details below or click an icon to log in: Logo",
        # a stamp glued to its date
        "PUBLISHED ONMay 3, 2024 6:15 AM",
        # a stock site's credit in lower case after a description with no full stop
        "Tankers at anchor off the coast image via Jane Roe/Shutterstock",
        "Harbour cranes at dusk photo by Jan Doe/Getty Images",
        # a related-stories header of a crypto news site
        "More For You",
        # a section label before the story's date
        "News 17 March, 2021",
        "World | March 17, 2021 10:07am",
        # a byline with its stamp
        "Jane Roe  |  2021-03-17 14:46",
        # a wire stamp with an offset time zone and its dateline place
        "March 17, 7:04 UTC+3 UNITED NATIONS",
        # a site's tagline
        "Get the latest news from around the world, live coverage, features and analysis.",
        # a caption whose credit follows a bar, a related-stories header, a publisher's line about itself
        "Activists march outside the embassy in Seoul. Image | Harbour News file.",
        "Recommended articles",
        "Harbour Coin News is the world leader in news, prices and information on digital currencies.",
    ],
    ids=["file-photo", "ap-photo", "credit-ellipsis", "photo-shows", "stamp", "meta-row", "share-buttons",
         "subscribe", "dash-source", "colon-source", "ap-then-wire", "emails-pitch", "release-label", "author",
         "author-bio", "player", "attn", "write-update", "original-source", "reprinted", "date-source",
         "read-in-minutes", "summary-toggle", "show-original", "member-pitch", "unlimited-access", "subscribe-now",
         "cards-accepted", "blog-comment-form", "published-on", "image-via-lower", "photo-by-lower", "more-for-you", "section-date", "section-date-time", "byline-stamp", "stamp-utc-place", "tagline", "bar-credit", "recommended-articles", "about-publisher"],
)
def test_clutter_is_ignored_and_the_story_kept(clutter):
    text = f"{STORY}\n\n{clutter}\n\nThe ship's owner could not be reached for comment, the agency said."
    assert _covered(text, clutter)
    assert _kept(text, STORY) and _kept(text, "The ship's owner could not be reached")


def test_a_wire_credit_opening_the_lede_is_ignored_but_not_the_lede():
    text = "(AP) — The Treasury froze the assets of two shipping firms on Tuesday.\n\n" + STORY
    regions = find_ignored(text)
    assert [r.text for r in regions] == ["(AP) —"]


def test_a_read_more_link_glued_to_the_last_sentence_is_ignored_alone():
    text = f"{STORY} Read more\n\nThe ship's owner could not be reached for comment."
    assert [r.text for r in find_ignored(text)] == ["Read more"]


def test_a_reporter_and_email_glued_to_the_last_sentence_are_ignored_alone():
    text = (f"{STORY}\n\nThe firm paid $9,000 in fees to a broker in Dalian, who moved the money through two "
            "accounts in Hong Kong before it reached the buyers.홍길동기자 gildong@example.co.kr")
    assert [r.text for r in find_ignored(text)] == ["홍길동기자 gildong@example.co.kr"]


def test_a_byline_with_its_date_glued_to_the_lede_is_ignored_alone():
    text = "By Jane Roe (May 3, 2024, 6:15 PM EDT) -- The Treasury froze the assets of two shipping firms on Tuesday."
    assert [r.text for r in find_ignored(text)] == ["By Jane Roe (May 3, 2024, 6:15 PM EDT) --"]


@pytest.mark.parametrize("header", ["Читайте также", "Lesen Sie auch", "Read more"])
def test_a_teaser_cut_short_under_a_rail_header_is_ignored_however_long(header):
    teaser = ("Harbour Lines has signed a deal with a shipyard in Turku for the construction of its third ferry of "
              "the class. Under the agreement, the new…")
    text = f"{STORY}\n\n{header}\n\nHarbour Lines signs a new deal\n\n{teaser}\n\nComments"
    assert _covered(text, teaser) and _covered(text, "Harbour Lines signs a new deal")
    assert _kept(text, STORY)


def test_a_caption_above_a_credit_labelled_in_capitals():
    caption = "Two officials arrive at a port before a meeting of the envoys in the far east of the region, Sept 3, 2023."
    text = f"Ferry held in Nampo\n\n{caption}\nPHOTO: Harbour Photos/Jane Roe via Reuters file\n\n{STORY}"
    assert _covered(text, caption) and _kept(text, STORY)


def test_the_teaser_under_a_featured_post_label_is_ignored():
    teaser = "“We will never accept the ban\" : Senator, Jane Roe"
    text = (f"{STORY}\n\nFeatured Post\n\n{teaser}\n\nSenator Jane Roe visited the port last week and met the mayor "
            "and the harbour master. She also toured the recently ope...\n\nBlog Widget by LinkWithin")
    assert _covered(text, teaser)
    assert _kept(text, STORY)


@pytest.mark.parametrize(
    "line",
    [
        "A photo released by the harbour authority on May 2 shows the tanker at anchor, officials said on Tuesday.",
        "The photos show the tanker at anchor off Nampo on May 2, and a second ship alongside it.",
        "Subscribe to the view that sanctions work, and the numbers still look poor.",
        "He urged the lawmakers to read more.",
        "Source: officials at the port said the tanker left on Monday.",
        "Original Title: Harbour Lines slows its shipments after July",
        "The envoy made no commitments, and officials said the talks would resume in May.",
        "Pyongyang has become a member of the new forum, the ministry said.",
        "SEOUL (AP) — The coast guard held the tanker in port for a week.",
        "The ministry released a photo via Harbour News.",
        "The agency said the satellite image via Planet Labs showed the ship at the pier",
        "News of the seizure broke on March 17, 2021",
        "Officials | 2021-03-17 talks resumed in Geneva after the seizure of the tanker",
        "Get the latest news on the talks from our correspondent, who said the tanker had left.",
        "March 17 was the day NATO met.",
        "Yonhap is a news agency in Seoul, and it said the tanker left.",
        "The Image | Photo of the tanker was published, officials said.",
    ],
)
def test_sentences_that_look_like_this_furniture_are_kept(line):
    text = f"First paragraph of the story.\n\n{line}\n\nLast paragraph of the story."
    assert _kept(text, line)


def test_a_broadcast_label_before_a_quotation_on_its_line_goes_alone():
    line = "SOT, Jane Roe, Harbour Authority spokeswoman (English): “The tanker never entered our port.”"
    text = f"{STORY}\n\n{line}"
    assert [r.text for r in find_ignored(text)] == ["SOT,"]


def test_the_labels_of_a_transcript_go_and_the_words_stay():
    text = f"Q: Has the tanker left the port?\n\nA: {STORY}"
    assert [r.text for r in find_ignored(text)] == ["Q:", "A:"]
