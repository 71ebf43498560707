"""The line classifier: page clutter recognised by its shape and its place in the page.

Pattern rules catch the clutter whose words are known.  Most clutter of an
unseen page is not: other sites have other widgets.  What clutter shares is its
shape (short lines without a full stop, labels, credits, dates, code-like
tokens, another script than the body) and its place (before the headline,
after a "related stories" header, in a run of one-word lines, in the short
lines that end the page), as in jusText's and trafilatura's boilerplate
heuristics.  Each line gets features; a few page-level passes then decide.

A line's verdict is a reason; body text never gets one unless a pattern rule
or a strong feature (a credit at its end, a repeat of an earlier line) says so.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .rules import Lexicon

CREDIT_TAIL = 130
# a lower-case "image via X" credit closes a short caption line only, never a paragraph
LOWER_CREDIT_WORDS = 16
_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$")
_GLUED = re.compile(r"[a-z]{3,}[A-Z][a-z]")
_CODE_TOKEN = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$")
_DIGITS = re.compile(r"^[\d\s.,:;/%+\-–—()#×x]+$")
_WEATHER = re.compile(r"^[-+]?\d{1,3}(?:[.,]\d)?\s*°?\s*[FC]$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BULLET = re.compile(r"^[-–—•·*▪►]\s")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DATE = re.compile(
    rf"\b{_WEEKDAY},?|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?(?:\s+\d{{4}})?"
    # (an ISO 8601 stamp, "2024-02-27T05:14:10.847Z", before the bare date it starts with)
    rf"|\b\d{{4}}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?!\w)"
    rf"|\b\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}\b|\b\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b|\b\d{{4}}\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*(?:KST|GMT|UTC|ET|EST|EDT|BST|CET|CEST|JST|IST|PST|PDT|CST|MSK|HKT|SGT|AEST|AEDT|PHT|WIB)(?:[+-]\d{1,2}(?::?\d\d)?)?)?"
    r"|\b(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month)s?\s+ago\b",
)
_DATE_STUB_WORDS = re.compile(
    r"\b(?:updated|update|published|posted|added|last updated|first published|modified|created|date|dated|on|at|by|write|written|and|local time)\b|[|•·,:\-–—/()]",
    re.I,
)
# "By Jane Roe"; after a verb of the byline the name may be a lower-case user name ("Posted by admin")
# a sentence opening with a time ("By Monday, the ship had left.", "By March ...") is no byline
_NOT_A_NAME = rf"(?!(?:{_WEEKDAY}|{_MONTH}|Then|Now|Early|Late|Last|Next|Mid|Midnight|Noon|Nightfall|Dawn|Contrast|Comparison)(?![a-z]))"
_BYLINE = re.compile(
    r"^[-–—•·*\s]*(?:(?:Written|Reported|Story|Words|Text|Edited|Posted|Submitted|Compiled)\s+[Bb][Yy]:?\s+[A-Za-z\"“]|[Bb][Yy]:?\s+"
    + _NOT_A_NAME + r"[A-Z\"“])"
)
_BYLINE_INNER = re.compile(r"\s[Bb]y\s+(?:Our\s+)?[A-Z][\w'’.-]+")
# a site account's byline with its time stamp: "by news_desk on 2018-08-16 01:27:05"
_HANDLE_BYLINE = re.compile(r"^[Bb]y:?\s+@?[\w.\-]+\s+(?:on\s+)?(?P<stamp>.+)$")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: its stripped span and the facts about its shape."""

    index: int
    start: int
    end: int
    text: str
    blank_before: bool
    words: int = 0

    @classmethod
    def make(cls, index: int, start: int, end: int, text: str, blank_before: bool) -> "Line":
        return cls(index, start, end, text, blank_before, len(text.split()))

    @property
    def terminal(self) -> bool:
        return bool(_TERMINAL.search(self.text))

    @property
    def sentence(self) -> bool:
        """Reads like a sentence of the story (not a label, a link or a fragment)."""
        return self.terminal and self.words >= 6

    @property
    def paragraph(self) -> bool:
        return (self.terminal and self.words >= 12) or self.words >= 30


# A web site named by its domain inside a photo credit ("kremlin.ru", "kcna.kp"): lower case, yet a name
_DOMAIN = re.compile(r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}")
# the full stop inside such a domain, which a credit's tail may hold (it ends no sentence)
_DOMAIN_DOT = r"(?<=[a-z0-9])\.(?=[a-z]{2,6}(?:\s*$|\s*[/,]))"

# "March 14, 2018" or "14 March 2018" right before a trailing parenthesis
_CAPTION_DATE = re.compile(rf"(?:\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\s*$")


def page_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos, blank = 0, True
    for raw in text.splitlines(keepends=True):
        start, end = pos, pos + len(raw)
        pos = end
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        s = start + raw.index(stripped)
        out.append(Line.make(len(out), s, s + len(stripped), stripped, blank))
        blank = False
    return out


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


# -- features of one line -------------------------------------------------------
class Features:
    """Line features that need the lexicon (compiled once per lexicon)."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        agencies = "|".join(re.escape(a) for a in lexicon.agencies) or r"(?!x)x"
        self._agency = re.compile(rf"(?<![\w-])(?:{agencies})(?![\w])", re.I)
        # Where a trailing credit may start; each form tried on its own (a leftmost match of one would hide another):
        # "(X / AFP)", "…StatesImage: X", "… - Copyright AFP/File X", "… | YONHAP", "… /Yonhap", "…2018. EPA-EFE/NAME"
        self._paren = re.compile(r"(?P<paren>[(\[])(?P<pc>[^()\[\]]{2,90})[)\]]\s*$")
        self._label = re.compile(r"(?:(?<=[a-z.)\]])|\s|^)(?P<label>(?i:(?:Image|Photo|Photograph|Picture|Foto|Credit|Source)s?\s*(?:credit)?\s*[:|])|Credit\s*(?:…|\.\.\.))\s*(?P<lc>[^:]{2,90})$")
        # ("Credit…X, via Associated Press": a newspaper's credit label ends in an ellipsis, not a colon; "PHOTO: X"
        # is the same label in capitals)
        # "…in New York.Photo Xinhua.": a "Photo" word without a colon, glued to the caption's full stop or
        # after it, and the credit's own full stop
        self._word = re.compile(
            r"(?:(?<=[.!?”\"’])\s*|\s|^)(?P<word>(?:Photo|Photograph|Picture|Image|Foto)s?\s+(?P<wc>[A-Z][^.:|!?()\[\]]{1,80}?))\.?\s*$"
        )
        # "North Korean soldiers image via Jane Roe/Shutterstock": a stock site's credit in lower case, after a
        # description with no full stop of its own (a sentence that ends "... a photo by AFP." stays a sentence)
        self._lower_word = re.compile(
            r"\s(?P<word>(?:image|photo|photograph|picture)s?\s+(?:via|by|courtesy of)\s+(?P<lwc>[A-Z][^.:|!?()\[\]]{1,80}?))\s*$"
        )
        self._dash = re.compile(r"\s[-–—]\s+(?P<dc>[^|!?()\[\]]{2,90}?)\s*$")
        # (a site named by its domain may close a credit: "Jane Roe, RIA Novosti / kremlin.ru")
        tail = rf"(?P<sc>(?:[^.|!?()\[\]]|{_DOMAIN_DOT}){{2,90}}?)\s*$"
        self._plain = [re.compile(lead + tail) for lead in (r"\|\s*", r"(?:^|\s)/\s*", r"(?<=[.!?”\"’])\s+", r"^")]

    # A credit: capitalised names, agency names, slashes, and only a few lower-case words.
    def is_credit(self, text: str, *, labelled: bool = False) -> bool:
        text = text.strip(" ,;")
        if not text or len(text.split()) > 12:
            return False
        for word in re.split(r"[\s/]+", text):
            word = word.strip(",;()[].")
            if word and word[0].islower() and word.lower() not in self.lex.credit_words and not _DOMAIN.fullmatch(word):
                return False
        return labelled or bool(self._agency.search(text)) or bool(re.search(r"[A-Z][\w-]*\s*/\s*[A-Z]", text))

    def credit_start(self, text: str) -> int | None:
        """Offset in ``text`` where a trailing photo credit begins (0: the line is only a credit)."""
        tail = max(0, len(text) - CREDIT_TAIL)  # a credit is short: only the end of a long line is searched
        m = self._paren.search(text, tail)
        if m:
            inner = m.group("pc")
            # "(Yonhap)" after a sentence is the wire's tag, "[YONHAP]" the photo's credit; a "[Reuters]" link
            # closing an item of a news roundup is neither
            square = m.group("paren") == "[" and inner.upper() == inner
            # "… at Nampo, March 14, 2018 (DOJ)": a date closing a line without a full stop dates a photo, and the
            # parenthesis after it credits the photo, whoever it names
            dated = _CAPTION_DATE.search(text, 0, m.start()) is not None
            if self.is_credit(inner, labelled=dated) and (
                square or dated or "/" in inner or re.search(r"\b(via|courtesy|photo|images?|file)\b", inner, re.I) or m.start() == 0
                # a stock-photo site sells pictures and carries no news: "(123rf)" is never a wire's tag
                or inner.strip().lower() in self.lex.stock_sites
            ):
                return m.start()
        m = self._label.search(text, tail)
        if m and self.is_credit(m.group("lc"), labelled=True):
            return m.start("label")
        m = self._word.search(text, tail)
        if m and self.is_credit(m.group("wc")):
            return m.start("word")
        if not text.rstrip().endswith(".") and len(text.split()) <= LOWER_CREDIT_WORDS:
            m = self._lower_word.search(text, tail)
            if m and self.is_credit(m.group("lwc")):
                return m.start("word")
        m = self._dash.search(text, tail)
        # "… on a street in Seoul - Copyright AFP/File Jane ROE": after a dash only a credit that says so
        if m and ("/" in m.group("dc") or re.search(r"\b(Copyright|Photo|Image|via|Courtesy|File)\b", m.group("dc"))):
            if self.is_credit(m.group("dc")):
                return m.start("dc")
        for pattern in self._plain:
            m = pattern.search(text, tail)
            if m and self.is_credit(m.group("sc")):
                return m.start("sc")
        return None

    def caption_or_credit(self, line: Line) -> str | None:
        if line.words > 70:
            return None
        start = self.credit_start(line.text)
        if start is None:
            return None
        prefix = line.text[:start].strip(" |/")
        if not prefix:
            return "photo_credit"
        # A body sentence that merely ends with a wire name is not a caption: a caption
        # has no quotation marks of speech and is a description, not a paragraph of argument.
        if "“" in prefix or '"' in prefix.strip('"'):
            return None
        return "caption"

    def name_place_caption(self, line: Line) -> bool:
        """"Jane Doe and John Roe in Geneva." -- names, a place, no verb, a full stop."""
        words = line.text.rstrip(".").split()
        if not line.text.endswith(".") or line.text.endswith("..") or not 3 <= len(words) <= 12:
            return False
        has_place = False
        for w in words:
            w = w.strip(",;()")
            low = w.lower()
            if low in self.lex.caption_place_words:
                has_place = True
            if not w or (w[0].islower() and low not in self.lex.caption_function_words):
                return False
        return has_place and words[0][0].isupper()

    def widget(self, line: Line) -> bool:
        """A label and nothing else ("Share", "Text Size", "A+ A-"), or a row of labels ("Share on X Share via Email")."""
        if line.words > WIDGET_ROW_WORDS:
            return False
        if line.text.lower().rstrip(" :|»›>") in self.lex.widget_lines:
            return True
        norm = normalise(line.text)
        return norm in self.lex.widget_lines or labels_only(norm.split(), self.lex.widget_lines)

    def rail_header(self, line: Line) -> bool:
        if line.words > 8 or line.sentence:
            return False
        norm = normalise(line.text)
        if not norm:
            return False
        if norm in self.lex.rail_headers or any(norm.startswith(h + " ") and line.text.rstrip().endswith(":") for h in self.lex.rail_headers):
            return True
        # a header that names the site it draws from ("More from KCNA.kp", "Latest from The Example Times")
        if line.words <= 6 and any(h.endswith(" from") and norm.startswith(h + " ") for h in self.lex.rail_headers):
            return True
        letters = [c for c in line.text if c.isalpha()]
        shouting = letters and all(c.isupper() for c in letters)
        return bool(shouting and re.search(r"\b(STORIES|NEWS|HEADLINES|ARTICLES|VIDEOS|POSTS)\b", line.text))


WIDGET_ROW_WORDS = 12
WIDGET_LABEL_WORDS = 4


def labels_only(words: list[str], labels: frozenset[str]) -> bool:
    """Whether two or more labels, each of up to four words, cover the words end to end."""
    # reach[i]: the fewest labels that cover words[:i]; a row of one label is the whole-line case above
    reach = [0] + [None] * len(words)
    for i in range(1, len(words) + 1):
        for k in range(1, min(WIDGET_LABEL_WORDS, i) + 1):
            prev = reach[i - k]
            if prev is not None and " ".join(words[i - k : i]) in labels:
                reach[i] = prev + 1 if reach[i] is None else min(reach[i], prev + 1)
    return bool(words) and reach[-1] is not None and reach[-1] > 1


def date_stub(text: str) -> bool:
    """A line that is only a date, a time and stub words ("Updated", "|", "Written by")."""
    if not _DATE.search(text):
        return False
    rest = _DATE_STUB_WORDS.sub(" ", _DATE.sub(" ", text)).strip(" .")
    # a wire stamp ends in its dateline place in capitals: "August 31, 7:04 UTC+3 UNITED NATIONS"
    return not rest or (rest.isupper() and len(rest.split()) <= 3 and text.rstrip(" .").endswith(rest))


def byline(line: Line) -> bool:
    if line.words > 22 or (line.terminal and line.words > 8):
        return False
    if _BYLINE.match(line.text):
        return True
    handle = _HANDLE_BYLINE.match(line.text)
    if handle and date_stub(handle["stamp"]):
        return True
    # "The Outlet logo The Outlet 12-09-2017 By Our Staff": a date and a "By Name" in one short line of
    # names (a sentence such as "a statement by the senator on June 11:" has many lower-case words)
    words = line.text.split()
    lower = sum(1 for w in words if w[:1].islower() and w.lower() not in ("by", "and", "logo", "of", "the"))
    return bool(_DATE.search(line.text) and _BYLINE_INNER.search(line.text)) and lower <= len(words) // 5


def foreign_label(line: Line, page_is_latin: bool) -> bool:
    """A short line in another script than the page's: a menu or comment-box label."""
    if not page_is_latin or line.words > 8:
        return False
    letters = [c for c in line.text if c.isalpha()]
    if not letters:
        return False
    other = sum(1 for c in letters if not _latin(c))
    return other / len(letters) > 0.5


def page_is_latin(text: str) -> bool:
    sample = [c for c in text[:20_000] if c.isalpha()]
    return bool(sample) and sum(1 for c in sample if _latin(c)) / len(sample) > 0.8


def _latin(c: str) -> bool:
    return c < "\u0250" or "\u1e00" <= c <= "\u1eff"


# "Updated May 3, 2024 at 6:15 a.m. EDT|Published May 3, 2024 at 5:40 a.m. EDT": only dates and stub words, however many
DATE_STUB_WORDS = 24


def shape_reason(line: Line, latin: bool) -> str | None:
    """Verdicts from the line's shape alone."""
    text = line.text
    if not any(c.isalnum() for c in text):
        return "separator_line"
    if _DIGITS.match(text) or _WEATHER.match(text) or (_CODE_TOKEN.match(text) and line.words == 1):
        return "page_furniture"
    if line.words <= DATE_STUB_WORDS and date_stub(text):
        return "dateline"
    if byline(line):
        return "byline"
    if line.words <= 15 and _EMAIL.search(text):
        return "contact"
    if foreign_label(line, latin):
        return "foreign_label"
    if line.words <= 6 and not line.terminal and _GLUED.search(text):
        # Two labels run together by the scraper ("PoliticsNorth Korea", "The OutletJane Doe")
        return "page_furniture"
    return None
