"""Generate a synthetic corpus of DPRK-sanctions news articles as JSONL, streaming to disk.

    python bench/gen_corpus.py --n 20000 --seed 7 --out /tmp/synthetic.jsonl

Every article is built from templates written for this benchmark: a headline,
a dateline paragraph, three to six body paragraphs drawn from event families
(ship-to-ship transfers, coal exports, arms shipments, cyber theft, missile
launches, designations, seizures, overseas workers), quotes and denials, hedged
and attributed claims, quantities and dates.  Companies, vessels and people are
invented; governments and agencies are real bodies saying generic things.  It
is a load test, not a gold set: nothing here is a claim about the world.

Article ``i`` depends only on ``(seed, i)``, so a corpus of 500 is the first
500 articles of a corpus of 20,000, and every text is unique (a reference line
ends each one), so content hashing never collapses two articles.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator, TextIO

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

OUTLETS = (("Demo Wire", "demowire.example"), ("Harbour Ledger", "harbourledger.example"),
           ("Peninsula Monitor", "peninsulamonitor.example"), ("Strait Times Digest", "straitdigest.example"),
           ("Northern Policy Review", "northernpolicy.example"))
CITIES = ("SEOUL", "TOKYO", "WASHINGTON", "NEW YORK", "BEIJING", "GENEVA", "LONDON", "SINGAPORE", "VLADIVOSTOK")

ACCUSERS = (
    ("the U.S. Treasury Department", "a Treasury spokesperson"),
    ("the U.N. Panel of Experts", "the panel's coordinator"),
    ("South Korea's National Intelligence Service", "an NIS official"),
    ("Japan's Ministry of Defense", "a ministry spokesman"),
    ("the Multilateral Sanctions Monitoring Team", "the team's chair"),
    ("the U.S. State Department", "a State Department spokesperson"),
    ("South Korea's Joint Chiefs of Staff", "a JCS spokesperson"),
    ("the British Foreign Office", "a Foreign Office minister"),
)
DENIERS = ("North Korea's foreign ministry", "the state-run Korean Central News Agency", "Kim Yo Jong",
           "the Russian embassy in Seoul", "China's foreign ministry", "the ship's registered owner")
OFFICIALS = ("Lee Jae-won", "Sarah Whitcombe", "Takeshi Morimoto", "Daniel Okafor", "Park Min-seo",
             "Helen Varga", "Kenji Arakawa", "Choi Eun-ha", "Marcus Feld", "Ana Lindqvist")
VESSELS = ("Silver Heron", "Ocean Lark", "Pacific Amber", "Kum Song 7", "Nordic Tern", "Blue Lantern",
           "Sea Marigold", "Orient Pike", "Yu Jong 3", "Golden Cormorant", "Star Wren", "Coral Dawn")
FLAGS = ("Togo", "Sierra Leone", "Mongolia", "Panama", "Comoros", "Cameroon", "Palau")
COMPANIES = ("Northstar Maritime Trading", "Eastgate Shipping", "Harborlight Logistics", "Jade River Commerce",
             "Silkline Energy", "Blue Anchor Holdings", "Redpine Metals", "Lantern Bay Freight")
PORTS = ("Nampo", "Chongjin", "Rajin", "Vladivostok", "Nakhodka", "Dalian", "Longkou", "Vostochny")
SEAS = ("the East China Sea", "the Yellow Sea", "waters off Taiwan", "the Sea of Japan", "the Gulf of Tonkin")
MISSILES = ("Hwasong-18", "Hwasong-19", "KN-23", "Hwasong-17", "a solid-fuel intermediate-range missile",
            "a short-range ballistic missile", "a new cruise missile")
GROUPS = ("the Lazarus Group", "Andariel", "Kimsuky", "TraderTraitor", "APT38")
VERBS_ALLEGE = ("said", "alleged", "reported", "claimed", "told reporters", "wrote", "concluded")
HEDGES = ("reportedly", "allegedly", "apparently", "according to officials,", "it is believed")
DENIALS = ("dismissed the report as a fabrication", "denied any involvement",
           "called the accusation a groundless smear", "rejected the allegations outright",
           "said the claims were part of a hostile campaign")


def _date_text(d: date, rng: random.Random) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"on {MONTHS[d.month - 1]} {d.day}"
    if style == 1:
        return f"on {d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == 2:
        return f"in {MONTHS[d.month - 1]} {d.year}"
    return rng.choice(("last week", "earlier this month", "last month", "on Tuesday", "over the weekend"))


def _num(rng: random.Random, lo: int, hi: int, step: int = 1) -> str:
    return f"{rng.randrange(lo, hi, step):,}"


def _sts(rng: random.Random, when: date) -> tuple[str, list[str]]:
    a, b = rng.sample(VESSELS, 2)
    accuser, speaker = rng.choice(ACCUSERS)
    qty = rng.choice((f"{_num(rng, 1_000, 60_000, 500)} barrels of refined petroleum",
                      f"about {_num(rng, 500, 9_000, 100)} tonnes of diesel",
                      f"{_num(rng, 2_000, 20_000, 1000)} tonnes of fuel oil"))
    title = f"{accuser.split(' the ')[-1].replace('the ', '').capitalize()} links tanker {a} to transfer at sea"
    paras = [
        f"The {rng.choice(FLAGS)}-flagged tanker {a} transferred {qty} to the North Korean vessel {b} in "
        f"{rng.choice(SEAS)} {_date_text(when, rng)}, {accuser} {rng.choice(VERBS_ALLEGE)}.",
        f"Satellite images showed the two ships lashed together for {rng.randrange(3, 19)} hours with their "
        f"transponders switched off, {speaker} said.",
        f"\"This is a deliberate evasion scheme, and the buyers knew exactly where the fuel was going,\" "
        f"{rng.choice(OFFICIALS)} said.",
    ]
    return title, paras


def _coal(rng: random.Random, when: date) -> tuple[str, list[str]]:
    port, company = rng.choice(PORTS[:3]), rng.choice(COMPANIES)
    accuser, _ = rng.choice(ACCUSERS)
    tonnes = _num(rng, 10_000, 400_000, 1000)
    value = rng.randrange(2, 90)
    first, last = sorted(rng.sample(range(12), 2))
    title = f"Coal from {port} reached foreign ports despite ban, report says"
    paras = [
        f"North Korea exported {tonnes} tonnes of coal worth about ${value} million between "
        f"{MONTHS[first]} and {MONTHS[last]} {when.year}, {accuser} said in a report "
        f"released {_date_text(when, rng)}.",
        f"The shipments left {port} and were {rng.choice(HEDGES)} relabelled as Russian or Indonesian coal "
        f"by {company}, a company registered in {rng.choice(('Hong Kong', 'the Marshall Islands', 'Samoa'))}.",
        f"{company} did not respond to requests for comment.",
    ]
    return title, paras


def _arms(rng: random.Random, when: date) -> tuple[str, list[str]]:
    accuser, speaker = rng.choice(ACCUSERS)
    containers = _num(rng, 200, 12_000, 100)
    shells = f"{rng.randrange(1, 9)} million artillery shells"
    title = f"North Korea shipped {containers} containers of munitions to Russia, {accuser.split()[-1]} says"
    paras = [
        f"North Korea has sent more than {containers} containers of munitions to Russia since "
        f"{MONTHS[rng.randrange(12)]} {when.year - rng.randrange(0, 2)}, {accuser} {rng.choice(VERBS_ALLEGE)} "
        f"{_date_text(when, rng)}.",
        f"The containers {rng.choice(HEDGES)} held as many as {shells}, loaded at {rng.choice(PORTS[:3])} and "
        f"unloaded at {rng.choice(PORTS[3:6])}, {speaker} added.",
        f"{rng.choice(DENIERS)} {rng.choice(DENIALS)}.",
        f"\"Any arms trade with Pyongyang is a direct violation of Security Council resolutions,\" "
        f"{rng.choice(OFFICIALS)} told a briefing.",
    ]
    return title, paras


def _cyber(rng: random.Random, when: date) -> tuple[str, list[str]]:
    group = rng.choice(GROUPS)
    amount = rng.choice((f"${rng.randrange(20, 1500)} million", f"${rng.randrange(1, 3)}.{rng.randrange(10)} billion"))
    target = rng.choice(("a Singapore-based crypto exchange", "a cross-chain bridge", "a Japanese wallet provider",
                         "a decentralised finance platform", "an online gaming company"))
    accuser, _ = rng.choice(ACCUSERS[:6])
    title = f"{group} blamed for {amount} theft from {target.split(' ', 1)[1]}"
    paras = [
        f"Hackers working for North Korea stole {amount} in cryptocurrency from {target} {_date_text(when, rng)}, "
        f"{accuser} said, attributing the attack to {group}.",
        f"Investigators traced part of the funds through {rng.randrange(3, 400)} wallets and mixing services "
        f"before it was converted into cash, {rng.choice(HEDGES)} to finance weapons programmes.",
        f"The U.N. panel has estimated that such thefts brought in about ${rng.randrange(1, 4)} billion "
        f"between {when.year - rng.randrange(3, 7)} and {when.year}.",
    ]
    return title, paras


def _launch(rng: random.Random, when: date) -> tuple[str, list[str]]:
    missile = rng.choice(MISSILES)
    km, alt = rng.randrange(200, 1100, 10), rng.randrange(50, 7000, 10)
    title = f"North Korea fires {missile} into the sea, Seoul says"
    paras = [
        f"North Korea launched {missile} toward the East Sea {_date_text(when, rng)}, South Korea's Joint Chiefs "
        f"of Staff said, the latest in a series of tests banned by U.N. resolutions.",
        f"The missile flew about {km} kilometres and reached an altitude of {alt:,} km before falling outside "
        f"Japan's exclusive economic zone, Japan's Ministry of Defense said.",
        "State media said leader Kim Jong Un oversaw the test and called it a \"necessary response\" to joint "
        "military drills.",
        f"{rng.choice(OFFICIALS)}, a spokesperson for the U.S. State Department, said Washington condemned the launch.",
    ]
    return title, paras


def _designation(rng: random.Random, when: date) -> tuple[str, list[str]]:
    people, entities = rng.randrange(1, 12), rng.randrange(1, 9)
    company = rng.choice(COMPANIES)
    body = rng.choice(("the U.S. Treasury Department", "the European Union", "Japan", "South Korea", "Australia"))
    title = f"{body.replace('the ', '').capitalize()} sanctions {people} people and {entities} firms over DPRK trade"
    paras = [
        f"{body[0].upper() + body[1:]} imposed sanctions on {people} individuals and {entities} entities "
        f"{_date_text(when, rng)} for helping North Korea earn revenue, including {company} and the vessel "
        f"{rng.choice(VESSELS)}.",
        f"The designations freeze any assets under its jurisdiction and bar dealings with the targets, "
        f"{rng.choice(OFFICIALS)} said in a statement.",
        f"{company} has denied wrongdoing and said it would challenge the decision.",
    ]
    return title, paras


def _seizure(rng: random.Random, when: date) -> tuple[str, list[str]]:
    vessel = rng.choice(VESSELS)
    country = rng.choice(("South Korea", "Indonesia", "the Philippines", "Malaysia", "Taiwan"))
    title = f"{country.replace('the ', '').capitalize()} seizes ship suspected of carrying North Korean cargo"
    paras = [
        f"Authorities in {country} seized the cargo ship {vessel} {_date_text(when, rng)} on suspicion that it "
        f"carried {_num(rng, 1_000, 30_000, 500)} tonnes of North Korean {rng.choice(('coal', 'iron ore', 'sand'))}.",
        f"The vessel had {rng.choice(HEDGES)} switched off its tracking signal near {rng.choice(PORTS)} and "
        f"changed its name twice in {when.year - 1}, port officials said.",
        f"The ship's registered owner {rng.choice(DENIALS)}.",
    ]
    return title, paras


def _workers(rng: random.Random, when: date) -> tuple[str, list[str]]:
    n = _num(rng, 1_000, 15_000, 500)
    where = rng.choice(("Russia", "China", "Laos", "the United Arab Emirates"))
    title = f"Thousands of North Korean workers remain in {where.replace('the ', '')}, officials say"
    paras = [
        f"About {n} North Korean workers are still employed in {where}, {rng.choice(ACCUSERS)[0]} estimated "
        f"{_date_text(when, rng)}, years after a U.N. deadline to send them home.",
        f"The workers earn an estimated ${rng.randrange(100, 900)} million a year for the government in Pyongyang, "
        f"most of which is {rng.choice(HEDGES)} withheld by state agencies.",
    ]
    return title, paras


FAMILIES = (_sts, _coal, _arms, _cyber, _launch, _designation, _seizure, _workers)

BACKGROUND = (
    "The Security Council has banned North Korean exports of coal, iron and seafood since 2017 and capped its "
    "imports of refined petroleum at 500,000 barrels a year.",
    "A panel of experts that monitored the sanctions for 15 years was disbanded in 2024 after Russia vetoed "
    "the renewal of its mandate.",
    "Pyongyang has long rejected the sanctions as a violation of its sovereignty.",
    "Analysts say enforcement has weakened as cooperation between Moscow and Pyongyang deepened.",
    "Ship-to-ship transfers remain the main way fuel reaches North Korea above the cap, according to "
    "monitoring groups.",
)


def article(seed: int, i: int) -> dict:
    """The ``i``-th article of the corpus for ``seed``: a JSONL record."""
    rng = random.Random(seed * 1_000_003 + i)
    when = date(2017, 1, 1) + timedelta(days=rng.randrange(9 * 365))
    outlet, domain = rng.choice(OUTLETS)
    families = rng.sample(FAMILIES, rng.randint(1, 4))
    title, paras = families[0](rng, when)
    city = rng.choice(CITIES)
    paras[0] = f"{city}, {MONTHS[when.month - 1][:3]} {when.day} ({outlet}) - {paras[0]}"
    for family in families[1:]:
        paras += family(rng, when)[1]
    paras += rng.sample(BACKGROUND, rng.randint(1, 2))
    paras.append(f"Synthetic benchmark article, ref. SW-{seed}-{i:07d}.")
    text = title + "\n\n" + "\n\n".join(paras) + "\n"
    return {
        "title": title, "published": when.isoformat(), "source": outlet, "language": "en",
        "url": f"https://{domain}/{when:%Y/%m/%d}/sw-{seed}-{i:07d}", "synthetic": True, "text": text,
    }


def iter_articles(n: int, seed: int = 7) -> Iterator[dict]:
    for i in range(n):
        yield article(seed, i)


def write_jsonl(out: TextIO, n: int, seed: int = 7) -> int:
    """Stream ``n`` articles to ``out``, one JSON object a line; returns the number of words written."""
    words = 0
    for record in iter_articles(n, seed):
        words += len(record["text"].split())
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, help="JSONL file to write (default: stdout)")
    args = ap.parse_args(argv)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as fh:
            words = write_jsonl(fh, args.n, args.seed)
    else:
        words = write_jsonl(sys.stdout, args.n, args.seed)
    print(f"{args.n} articles, {words:,} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
