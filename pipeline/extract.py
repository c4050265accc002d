"""Find every numeric claim in a text (CLAIMS.md): value, unit, qualifier, quote, offsets.

One compiled scan walks the document once; at each figure small anchored patterns
read what stands right before it (qualifier, currency) and right after it (range end,
scale, currency, %, duration, counted noun). The words around the figure give the
category, subject, period, recipient and purpose (`attributes.py`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import partial
from decimal import Decimal
from typing import Callable, Optional

from . import _vocab as V
from .attributes import describe, sentence_spans
from .models import Claim, Document, claim_id
from .numbers import (
    DIGITS_PATTERN,
    MIXED_PATTERN,
    SCALE_AFTER_DIGITS,
    WORDS_PATTERN,
    _alt,
    parse_number,
    word_number_end,
)

_F = re.VERBOSE | re.IGNORECASE

_MONTH = r"""(?:jan(?:uary)?|feb(?:ruary)?|(?-i:Mar(?:ch)?|MAR(?:CH)?)|apr(?:il)?|(?-i:May|MAY)
  |june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"""
# Abbreviations written with a dot ("Sept. 16"); a full name before a dot ends a sentence
# ("in March. 16 tanks").
_MONTH_SHORT = r"(?:jan|feb|(?-i:Mar|MAR)|apr|jun|jul|aug|sept?|oct|nov|dec)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_CODES_UPPER = "|".join(sorted(V.CURRENCY_CODES, key=len, reverse=True))
# Lower-case codes only where they cannot be an English word ("try", "bob", "all").
_CODES_ANYCASE = "usd|eur|gbp|rmb|cny|jpy|chf|cad|aud|nzd|hkd|sek|nok|dkk|pln|czk|uah|rub|inr"
_CODE = rf"(?:(?-i:{_CODES_UPPER})|{_CODES_ANYCASE})"

_SPOKEN_YEAR_TAIL = "|".join(["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                              "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
                              "fifty", "sixty", "seventy", "eighty", "ninety"])
_CLUTTER_LABELS = _alt(V.PAGE_CLUTTER_LABELS)
_PAGER_LABELS = _alt(V.PAGER_LABELS)

# Spans that are never claims; tried first at each position, so a date or a
# designation is consumed whole before its digits could be read as a figure.
_SKIP = rf"""
   (?:https?://|www\.)\S+                                         # links
  |[\w.+-]+@[\w-]+\.[\w.]+                                         # e-mail
  |\d{{1,3}}(?:\.\d{{1,3}}){{3}}(?![\d])                           # IP address
  |{_YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.](?:[0-2]?\d|3[01])(?!\d)     # 2024-09-20
  |\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})(?![\d.,]\d)       # 5/17/2018, 20.09.2024
  |{_YEAR}\s?[-–/]\s?(?:{_YEAR}|\d\d)(?![\d])                      # 2013-14, 1995-01
  |(?<![\w])(?:{_MONTH}(?![.\w])|{_MONTH_SHORT}\s?\.)(?:[ \t]+|[ \t]*\n[ \t]*)\d{{1,2}}(?:st|nd|rd|th)?(?![\d,.]\d|:\d)(?:\s?,?\s+{_YEAR}(?!\d))?  # Feb 17, 2024; not across a blank line, not 16:48
  |\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![\w])\.?(?:\s?,?\s+{_YEAR}(?!\d))?  # 17 February 2024
  |(?<![\w]){_MONTH}\.?,?\s+(?:of\s+)?{_YEAR}(?!\d)                 # March 2024
  |(?:1[89]|20)?\d0['’]?s(?![\w])|['’]\d0s(?![\w])                 # the 1960s, the '90s
  |\d{{1,2}}(?:[:.]\d\d)?\s?(?:a\.m\.|p\.m\.|am|pm)(?![\w])        # 2 pm, 2.13 am
  |\d{{1,2}}:\d\d(?::\d\d)?(?!\d)                                  # 10:30
  |\d+(?:st|nd|rd|th)(?![\w])                                      # 19th (ordinals)
  |\+\d[\d\s\-/().]{{6,}}\d                                        # +1-222-2222/2222
  |\(\d{{3}}\)\s?\d{{3}}[-.\s]\d{{4}}|\d{{3}}[-.]\d{{3}}[-.]\d{{4}}  # (555) 123-4567
  |\d+(?:-\d+){{2,}}                                               # 978-3-16-148410-0
  |(?:isbn|issn)(?:-1[03])?:?\s*[\dX][\dX\s-]{{8,}}                # ISBN ...
  |(?:page|p\.)\s?\d+\s?(?:of|/)\s?\d+                             # page 3 of 7
  |{_YEAR}/\d+(?![\d/])                                            # 2024/118 (a reference)
  |(?<![\w/])[A-Za-z]+/\d+(?:/\d+)*                                # IP/24/1521
  |\d{{4}}\s?(?-i:GMT|UTC|CET|CEST|EST|EDT|BST|hrs|h)(?![\w])      # 1120 GMT
  |(?-i:GMT|UTC)\s?[+−-]\s?\d{{1,2}}(?::?\d\d)?(?![\d])              # UTC+2 (a time zone)
  |(?<![\w.,])0\d{{2,4}}(?:[ \t-]\d{{2,4}}){{1,3}}(?![\d]|[.,]\d)      # 0800 123 456 (a phone number)
  |(?<![\w.,])0\d{{2,}}(?![.,]\d)                                  # 0819 (an identifier)
  |\#\d+|\d+\#                                                     # Issue #212, passcode 717402#
  |\[\d{{1,3}}\]                                                     # [1] (a footnote marker)
  |(?:(?<=[(|])|(?<=[(|][ \t]))\d[\d,]*[ \t]+(?:{_CLUTTER_LABELS})(?=[ \t]*(?:[)|\n]|\Z))  # (12 images), | 4 comments
  |(?<![\w/])24\s?[/x]\s?7(?![\w/])                                 # 24/7 (round the clock)
  |(?<![\w/])9/11(?![\w/])                                         # 9/11 (the attacks)
  |(?<![\w-])(?:nineteen|twenty)[\s-]+(?:{_SPOKEN_YEAR_TAIL})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?(?![\w-])  # twenty twenty-seven (a year)
  |(?<![^\n])[ \t]*\(?\d{{1,2}}[.)](?=[ \t])                         # 1) or 2. numbering a list line
  |(?:{_CLUTTER_LABELS})\s*[(:]\s*\d[\d,.]*k?\)?                      # Comments (17), Share (245)
  |\d+\s*(?:min|minute)s?\.?\s+read(?![\w])                          # 6 min read
  |(?<![^\n])[ \t]*\d[\d,.]*k?[ \t]+(?:{_CLUTTER_LABELS}|charts?)[ \t]*(?![^\n])  # a line "5 charts", "2,341 shares"
  |(?:{_PAGER_LABELS})\s*:?\s*\d+(?:\s*\|\s*\d+)+                        # Previous updates: 13 | 12 | 11
  |(?<![\w-])[A-Za-z][A-Za-z.]*-\d[\w]*(?:-\w+)*                    # F-16, Su-27, PAC-3, Ramstein-5
  |(?<![\w$-])(?!{_CODE}\d|M{_CODE}|[a-z]+\d+(?:bn|m|k)\b)(?-i:[A-Za-z]+)\d\w*(?:[.+/]\w+)*  # M777, i7, G7
  |(?<![\d,])(?!\d{{1,3}}(?:,\d{{2}})*(?:,\d{{3}})+(?![\d,]))\d+(?:,\d+){{2,}}  # 22,24,26,31 (a list)
  |(?<![\w.,])\d+(?![eExX×]\d)(?-i:[A-DF-WYZa-df-wyz]+)\d\w*        # 2A6, 06F6
  |(?<![\w.,])\d{{2,3}}\s?-?\s?(?:mm|millimet(?:er|re))(?![\w])(?!\s+of\b)  # 155mm, 155-mm calibre; not "150mm of rain"
"""
_GLUED = _alt(V.GLUED_SYMBOLS)
_A_DURATIONS = ["year", "month", "week", "day", "hour", "minute", "decade", "century"]
_VAGUE_RE_PART = _alt([p[:-3] if p.endswith(" of") else p for p, _ in V.VAGUE])
_VAGUE_VALUES = {(p[:-3] if p.endswith(" of") else p): v for p, v in V.VAGUE}

_SCAN = re.compile(rf"""
   (?P<skip>{_SKIP})
  |(?P<mult>(?<![\w-])(?:{_alt(list(V.MULTIPLIERS))})(?![\w-]))
  |(?P<vague>(?<![\w-])(?:{_VAGUE_RE_PART})(?:\s+of(?![\w]))?(?![\w]))
  |(?P<num>{MIXED_PATTERN}|{DIGITS_PATTERN}(?:{SCALE_AFTER_DIGITS})?(?:(?![\w])|(?={_CODE}(?![a-z]))|(?=元)
           |(?=(?-i:{_GLUED})(?![\w²])))       # 10km, 5kg, 46C: a unit glued to the digits
          |{WORDS_PATTERN})
  |(?P<aone>(?<![\w-])an?(?=\s+(?:{_alt(_A_DURATIONS)})(?![\w-])))   # "about a week" (kept only after a qualifier)
""", _F)



def _prefix_trie(words: list[str]) -> str:
    """A regex matching the start of any of `words` (lower case), as a trie: the shortest
    word of each prefix family is enough ("ten" stands for "tenth" and "tenfold"), and
    branches that each begin with their own letter let the regex engine skip a branch
    on one comparison.

    >>> _prefix_trie(["ten", "tenth", "two", "twice", "one"])
    '(?:one|t(?:en|w(?:ice|o)))'
    """
    kept: list[str] = []
    for w in sorted(set(words)):
        if not kept or not w.startswith(kept[-1]):
            kept.append(w)

    def emit(group: list[str]) -> str:
        if len(group) == 1:
            return re.escape(group[0])
        by_first: dict[str, list[str]] = {}
        for w in group:
            by_first.setdefault(w[0], []).append(w[1:])
        alts = [re.escape(c) + emit(rest) if len(rest) > 1 else re.escape(c + rest[0])
                for c, rest in by_first.items()]
        return "(?:" + "|".join(alts) + ")"

    return emit(kept)


# Where a _SCAN match can start, loosely: found in the lower-cased text by one cheap
# pattern, so that the expensive _SCAN is tried only there (a search with _SCAN tries all
# of its branches at every character). NOTE: keep in sync with _SCAN: every place a
# branch of _SCAN can start must be matched here (tests/test_extract_scan.py checks the
# two scans agree). Lower case makes this pattern case-sensitive and so fast; the few
# letters that IGNORECASE folds onto ASCII ones (ſ, K, ı, İ) send a text to the plain scan.
_TRIGGER_WORDS = (list(V.UNITS) + list(V.TENS) + list(V.HUNDREDS) + [w for w in V.SCALES if len(w) > 3]
                  + list(V.FRACTIONS) + ["minus", "negative", "several"] + list(V.MULTIPLIERS)
                  + [p.split()[0] for p, _ in V.VAGUE if not p.startswith("a ")]
                  + ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])
_TRIGGER_ANYWHERE = (["http", "www.", "isbn", "issn", "page", "p.", "gmt", "utc"]
                     + [w.split()[0] for w in V.PAGE_CLUTTER_LABELS + V.PAGER_LABELS])
_TRIGGER_A_WORDS = (list(V.HUNDREDS) + [w for w in V.SCALES if len(w) > 3] + list(V.FRACTIONS) + ["few"]
                    + list(V.TENS) + _A_DURATIONS)       # "a twenty-fifth", "about a week"
_TRIGGER = rf"""
   \d                                                    # digits, dates, times, codes
  |['’+(\#.\-−\[]\.?\d                                     # '90s, +1 222, (555), #212, -5, .25
  |(?<![^\n])[-−][ \t]+\d                                # - 10 k (a line that is a signed number)
  |[{"".join(V.VULGAR_FRACTIONS)}]
  |[ \t](?<![^\n][ \t])[ \t]*\(?\d                        # an indented list number
  |(?<!\w)(?:{_prefix_trie([w.lower() for w in _TRIGGER_WORDS])}
             |an?\s+{_prefix_trie([w.lower() for w in _TRIGGER_A_WORDS])})  # number words, months
  |(?<!\w)[a-z][a-z.]*[-/]?\d                              # designations: M777, F-16, IP/24
  |{_prefix_trie([w.lower() for w in _TRIGGER_ANYWHERE])}   # links, page 3 of 7, Share (245)
"""
_SCAN_START = re.compile(_TRIGGER, re.VERBOSE)
_SCAN_START_AT = re.compile(_TRIGGER + r"|[\w.+-]+@", re.VERBOSE)   # and e-mail addresses
_FOLDS_TO_ASCII = ("ſ", "\u212a", "ı", "İ")

# --- what stands before a figure --------------------------------------------------
class _Before:
    """A pattern that ends where a figure starts (its last item is a trailing-space
    anchor), searched in the `width` characters before it, but only when those characters,
    trailing spaces stripped, end with one of `endings` (what the pattern's last word can
    be): most figures stand after none of them, and one `str.endswith` is several times
    cheaper than a search that tries the pattern at every start in the window."""

    def __init__(self, pattern: re.Pattern, width: int, endings: list[str]):
        low = {e.lower() for e in endings}
        self.pattern, self.width = pattern, width
        self.endings = tuple(sorted(e for e in low if not any(e != o and e.endswith(o) for o in low)))
        self.longest = max(map(len, low))

    def search(self, text: str, s: int) -> Optional[re.Match]:
        lo = max(0, s - self.width)
        tail = text[lo:s].rstrip()[-self.longest:]
        if tail.lower().endswith(self.endings) or (
                not tail.isascii() and any(c in tail for c in _FOLDS_TO_ASCII)):  # IGNORECASE folds these
            return self.pattern.search(text, lo, s)
        return None


_SYMBOLS = sorted(V.CURRENCY_SYMBOLS, key=len, reverse=True)
_CUR_BEFORE = _Before(re.compile(rf"""
  (?:(?<![\w$])(?P<sym>{_alt(_SYMBOLS)})
    |(?<![\w])(?P<scaled>(?-i:M|MN|B|BN|K|T)){_CODE}          # MAUD 60, MEUR 5
    |(?<![\w])(?P<code>{_CODE})
  )\s*\Z""", _F), 16, _SYMBOLS + list(V.CURRENCY_CODES) + _CODES_ANYCASE.split("|"))
_QUAL_BEFORE = _Before(re.compile(
    rf"(?<![\w<>=~])(?P<q>{_alt([q for q, _ in V.QUALIFIERS_BEFORE] + ['between', 'from'])})\s*\Z",
    re.IGNORECASE), 40, [q.split()[-1] for q, _ in V.QUALIFIERS_BEFORE] + ["between", "from"])
_QUAL_KIND = {q.lower(): kind for q, kind in V.QUALIFIERS_BEFORE}
# "a minimum baseline of", "a ceiling of": a bound word, up to two words, then "of".
_BOUND_OF_BEFORE = _Before(re.compile(
    r"(?<![\w])(?P<q>(?:an?\s+)?(?P<k>minimum|maximum|floor|ceiling|cap)(?:\s+[a-z]+){0,2}\s+of)\s*\Z",
    re.IGNORECASE), 50, ["of"])
_BOUND_KIND = {"minimum": "lower_bound", "floor": "lower_bound", "maximum": "upper_bound",
               "ceiling": "upper_bound", "cap": "upper_bound"}
_THRESHOLD_BEFORE = _Before(re.compile(rf"(?<![\w])(?P<q>{_alt(list(V.THRESHOLD_VERBS))})\s*\Z", re.IGNORECASE),
                            20, list(V.THRESHOLD_VERBS))
_LEGISLATURE = re.compile(rf"(?:{_alt(list(V.LEGISLATURE_WORDS))})", re.IGNORECASE)
_SPACED_SCALE = re.compile(r"[ \t\u00a0](?P<k>(?-i:m|b|M|B))(?![\w-])")
_COMPARISON_AFTER = re.compile(
    r"\s+(?:as|the|that|this|those|these|its|their|his|her|our|what|current|last|previous|pre-?war)\b",
    re.IGNORECASE)
_PERCENT_BEFORE = _Before(re.compile(r"(?<![\d\w]\s)(?<!\d)(?:per\s?cents?|percents?|percentage)\s+of\s*\Z",
                                     re.IGNORECASE), 20, ["of"])
_PREV_WORD = re.compile(r"(?:^|(?<=[\s(\"'“‘]))(?P<w>[\w.'’&-]+)[ \t]*(?:\n[ \t]*)?\Z")

# --- what stands after a figure ---------------------------------------------------
_RANGE = re.compile(r"(?P<pct>\s?%)?\s*(?P<sep>-|–|—|~|to|through|and)\s*", re.IGNORECASE)
_OVER = re.compile(r"\s+(?P<w>over|out\s+of)\s+", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:$|[.,;:!?)])")
_NUM_ONLY = re.compile(
    rf"(?:{MIXED_PATTERN}|{DIGITS_PATTERN}(?:{SCALE_AFTER_DIGITS})?(?![\w])|{WORDS_PATTERN})", _F)
_PERCENT = re.compile(r"\s?(?:%|per\s?cent(?![\w])|percent(?:age)?s?(?:\s+points?)?(?![\w])|pct(?![\w])"
                      r"|(?-i:pc)(?![\w]))",            # 3.9 pc (British papers)
                      re.IGNORECASE)
_CUR_WORDS = sorted(V.CURRENCY_WORDS, key=len, reverse=True)
_CUR_AFTER = re.compile(rf"""
  \s?-?\s*
  (?:(?P<word>{_alt(_CUR_WORDS)})(?![\w])
    |(?P<minor>{_alt(list(V.MINOR_UNITS))})(?![\w])
    |(?P<scaled>(?-i:M|MN|B|BN)){_CODE}(?![\w])
    |(?P<code>{_CODE})(?![a-z\d])(?:\s*(?P<scale>million|billion|thousand|trillion|mn|bn|mln|bln)(?![\w]))?
    |(?P<sym>[€$£¥₴₹₽₩₪₺₱₫₦₡₾₭₸₼元]|ரூ|zł|Kč)(?!\d)
  )""", _F)
_CENTS = re.compile(rf"""\s+(?:and\s+)?(?P<n>\d{{1,2}}(?![\w]|[.,]\d)|{WORDS_PATTERN})
  (?:\s*(?P<c>cents?|pence|p)(?![\w]))?""", _F)
_ANY_CURRENCY_NEXT = re.compile(rf"\s*(?:{_alt(_CUR_WORDS + list(V.MINOR_UNITS))}|{_CODE}|[€$£¥])(?![a-z])",
                                re.IGNORECASE)
_DURATION = re.compile(rf"""\s?-?\s?(?P<d>{_alt(list(V.DURATIONS))})(?![\w])
  (?P<tail>['’]s?|\s+old(?![\w])|\s+of\s+age(?![\w]))?""", _F)
_TIMES = re.compile(r"\s?-?\s?(?:times|fold)(?![\w])", re.IGNORECASE)
_PHYS_WORD = re.compile(rf"\s?-?\s?(?P<w>{_alt(list(V.PHYSICAL_WORDS))})(?![\w])", re.IGNORECASE)
_PHYS_SYMBOL = re.compile(rf"(?P<sp> ?|-)(?P<w>{_alt(list(V.PHYSICAL_SYMBOLS))})(?![\w²/])")
_QUAL_AFTER = re.compile(rf"\s*,?\s*(?P<q>{_alt([q for q, _ in V.QUALIFIERS_AFTER])})(?![\w])(?!\s+or\s+minus)",
                         re.IGNORECASE)
_QUAL_AFTER_KIND = {q: kind for q, kind in V.QUALIFIERS_AFTER}
_AGE_BEFORE = _Before(re.compile(r"(?<![\w])(?:aged?|age of)\s*\Z", re.IGNORECASE), 12, ["age", "aged", "of"])
# The words of a noun phrase after a figure: letters, inner hyphens and apostrophes,
# and a designation's digits ("two Leopard 2 tanks").
_WORD = re.compile(r"[ \t]*(?:\n[ \t]*)?(?P<w>[A-Za-z][\w/'’\-]*[A-Za-z\d]\+?|[A-Za-z]|\d+(?:[A-Za-z]\w*)?(?![\w.,]\d))")
_OF_THE = re.compile(r"\s+of\s+(?:the|its|their|these|those|our|all|his|her)\s+"
                     r"(?:(?:last|first|next|past|previous|final|remaining)\s+)?(?:\d+\s+)?", re.IGNORECASE)
_NOUN_MODIFIERS = frozenset({"more", "other", "additional", "further", "new", "extra", "modern",
                             "old", "used", "different", "separate", "such"})
_EQUIPMENT = re.compile(rf"(?P<d>{_alt(list(V.EQUIPMENT_TYPES))})(?:s|['’]s)?(?![\w/-])", re.IGNORECASE)
_NUMBER_WORDS = frozenset(list(V.UNITS) + list(V.TENS) + list(V.HUNDREDS)
                          + [w for w in V.SCALES if len(w) > 3])
_HYPHEN_NOUN = re.compile(r"-(?P<w>[a-z]{3,})(?![\w-])")

_STOP_WORDS = frozenset("""
of to in for and or from with by on at per a an the than that which who whom whose as into
over under since this these those its their his her our your my is was were are be been being
will would has have had can could may might should must not no nor more less each every apiece
last next ago earlier later so but if when while after before until through across against
between among during via about around also already only just even still yet said says say
according there here then now today yesterday this it they he she we you i me us them him
what where how why do does did done such other another both either neither all any some
most many much few several same own very too again further once up down out off onto upon
within without toward towards behind beyond near like unlike plus minus including
""".split())
_NOT_PLURAL = frozenset("""
news series species this its was has is as us plus various previous famous gas bus always
perhaps whereas thus yes less unless afterwards towards overseas sometimes hers ours theirs
besides means its physics economics politics ethics tactics logistics headquarters
analysis basis crisis thesis status bonus census campus virus corpus chassis canvas alias
his does goes says makes seems needs includes costs stands comes gives takes helps remains
across nevertheless
""".split())
_PERIOD_FRACTIONS = frozenset({"quarter", "quarters", "half", "halves"})
# Words before "quarter"/"half" that make it a part of the year ("the first quarter").
_PERIOD_BEFORE = frozenset({"first", "second", "third", "fourth", "last", "final", "previous",
                            "same", "current", "this", "next", "past", "latter", "former",
                            "each", "every", "prior", "preceding", "following", "coming",
                            "opening", "closing", "the"})
_CARDINAL_ONE = frozenset({"one", "a", "an", "1", "single"})
_PRONOUN_ONE_BEFORE = frozenset({"the", "this", "that", "which", "each", "no", "any", "every",
                                 "last", "only", "another", "other", "one", "right", "wrong"})
_YEAR_BEFORE = frozenset({"in", "since", "by", "from", "until", "till", "during", "before",
                          "after", "of", "fiscal", "year", "mid", "early", "late", "the", "to",
                          "through", "between", "and", "for", "end", "start", "summer",
                          "spring", "autumn", "winter", "fall", "circa", "c.", "fy", "its",
                          "until", "around", "is", "was", "on", "at", "beginning",
                          "constant", "current", "real", "nominal",    # constant 2015 prices
                          "copyright"})                              # Copyright 2025 Reuters

# Small patterns of _scan_one, compiled once.
_FOUR_DIGITS = re.compile(r"\d{4}")
_A_LETTER = re.compile(r"[a-z]", re.IGNORECASE)
_SCALE_WORD = re.compile(r"(?i:thousand|million|billion|trillion|lakh|crore)")
_OF_ANOTHER_BY = re.compile(r"\s+(?:of|another|by)\b")
_GLUED_M = re.compile(r"\d(?-i:m)\Z")
_YEAR_THEN_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+\.\d")   # 5,000 or 2.5 after a year: not its range
_GLUED_GT = re.compile(r"(?<![\d.,])\d(?-i:G)\Z")     # 3G, 4G, 5G (mobile generations); "10G" is giga
_NEXT_WORDS = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)(?:[ \t]+([A-Za-z][\w'’-]*))?(?:[ \t]+([A-Za-z][\w'’-]*))?")
_CUR_BEFORE_HIGH = re.compile(rf"(?:{_alt(_SYMBOLS)}|{_CODE})\s*", re.IGNORECASE)
_ORDINAL_OR_TIME = re.compile(r"(?:st|nd|rd|th)\b|[:/]\d")
_DIGIT_OR_SLASH = re.compile(r"\d|/")
_BARE_INT = re.compile(r"\d{1,4}")
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)*|[A-Za-z]+(?:-[A-Za-z]+)?")
_EURO_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
_LETTERS = re.compile(r"[a-z]+")
_SPACES_RE = re.compile(r"\s+")
_OF_NEXT = re.compile(r"\s+of\b")
_A_DURATION_AFTER = re.compile(rf"\s+(?P<d>{_alt(_A_DURATIONS)})(?![\w-])", re.IGNORECASE)
_TEMPERATURE = re.compile(r"[-−]?\d{1,3}(?:\.\d)?")   # 46C, -5C; not "212C" after a name
_AGO = re.compile(r"\s+(?:ago|earlier|before|later|previously|from\s+now)\b", re.IGNORECASE)
_SLASHED = re.compile(r"(\d+)/(\d+)")
_BARE_SCALE = frozenset({"thousand", "million", "billion", "trillion", "hundred", "lakh", "crore"})
_EQUATION_AFTER = re.compile(r"[ \t]?=[ \t]?\d[\d.,]*(?:[ \t]*(?:[A-Za-z]+|[€$£¥]))?")
_TALLY_SEP = re.compile(r"[ \t]?[-–][ \t]?")
_NAME_AGE_BEFORE = re.compile(r"[A-Z][a-z'’-]+[ \t]+[A-Z][a-z'’-]+,[ \t]\Z")
_NAME_AGE_AFTER = re.compile(r",[ \t]")
# A surname alone opening a sentence, then the age, then a verb: "Vingegaard, 28, finished".
_SURNAME_AGE_BEFORE = re.compile(r"(?:\A|[.!?][\"”’]?\s+|\n\s*)[A-Z][a-z'’-]+,[ \t]\Z")
_VERB_AFTER_AGE = re.compile(r",[ \t]+(?!and\b|or\b|the\b|a\b|an\b)[a-z]+(?:ed|s)\b")
_PHONE_BEFORE = re.compile(rf"(?<![\w])(?:{_alt(V.PHONE_CUES)})(?![\w])[^.\n]{{0,40}}\bon[ \t]*\Z",
                           re.IGNORECASE)
_PHYSICAL_UNITS = frozenset(V.PHYSICAL_WORDS.values()) | frozenset(V.PHYSICAL_SYMBOLS.values())

@dataclass(frozen=True)
class Found:
    """A figure read from the text, before the words around it are looked at."""

    start: int
    end: int
    value: Decimal
    value_high: Optional[Decimal]
    unit: str
    qualifier: str
    vague: bool
    num_start: int
    num_end: int
    loss: bool = False          # a signed negative sum (a loss in a results table)


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 40), pos)
    return m.group("w") if m else ""


def singular(word: str) -> str:
    """The singular lemma of a plural noun, lower case (CLAIMS.md `unit` for counts).

    >>> [singular(w) for w in ["countries", "Drones", "people", "boxes", "howitzers", "aircraft"]]
    ['country', 'drone', 'person', 'box', 'howitzer', 'aircraft']
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s") or w.endswith("'"):
        w = w.rstrip("'s") if w.endswith("'") else w[:-2]
    if w in V.IRREGULAR_PLURALS:
        return V.IRREGULAR_PLURALS[w]
    if w in V.UNCOUNTED_NOUNS and w != "troops":
        return w
    if "-" in w:
        head, _, tail = w.rpartition("-")
        return head + "-" + singular(tail)
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 2:
        return w[:-1]
    return w


def _looks_plural(word: str) -> bool:
    w = word.lower()
    if w in V.IRREGULAR_PLURALS or w in V.UNCOUNTED_NOUNS:
        return True
    if len(w) < 3 or not w.endswith("s") or w.endswith(("ss", "us", "is", "'s", "’s")):
        return False
    if word.isupper() or w in _NOT_PLURAL or w.endswith("ous"):
        return False
    return True


def _noun_after(text: str, pos: int, value: Decimal) -> tuple[Optional[str], int]:
    """The counted noun of a figure ending at `pos` and where its phrase ends: the first
    plural in the few words after it ("500 Ukrainian drone manufacturers" -> manufacturer),
    past designations ("two Leopard 2 tanks" -> tank); a bare designation is counted by
    its type ("six F-16s" -> jet); "62 of the drones" -> drone.

    >>> _noun_after("31 M1A1 Abrams arrived", 2, Decimal(31))
    ('tank', 14)
    >>> _noun_after("300 two years ago", 3, Decimal(300))
    (None, 3)
    """
    m = _HYPHEN_NOUN.match(text, pos)
    if m and m.group("w") not in _STOP_WORDS:           # a 50-member coalition
        return singular(m.group("w")), m.end()
    of = _OF_THE.match(text, pos)
    start = of.end() if of else pos
    first: Optional[tuple[str, int]] = None
    fallback: Optional[tuple[str, int]] = None
    design: Optional[tuple[str, int]] = None            # (type, end) of a known designation
    uncounted: Optional[tuple[str, int]] = None
    caps: list[tuple[str, int]] = []                    # a run of capitalised words ("Member State")
    prev_cap = False
    p = start
    for _ in range(6):
        m = _WORD.match(text, p)
        if not m:
            break
        w = m.group("w")
        lw = w.lower()
        em = _EQUIPMENT.match(text, m.start("w")) if (w[0].isupper() or w[0].isdigit()) else None
        if em:
            if design is None:
                design = (V.EQUIPMENT_TYPES[em.group("d").lower()], em.end())
            elif not text[design[1]:m.start("w")].strip():
                design = (design[0], em.end())           # "M1A2 Abrams"
            p = max(em.end(), m.end())                   # "Storm Shadow", "PzH 2000"
            prev_cap = True
            continue
        if any(ch.isdigit() for ch in w) or "/" in w:   # F-16, 2A8, SAMP/T: a designation
            if w.isdigit() and not prev_cap:
                break
            if design is not None and not text[design[1]:m.start("w")].strip():
                design = (design[0], m.end())            # "Leopard 2A4": the quote takes the model
            p = m.end()
            prev_cap = False
            continue
        if lw in _NOUN_MODIFIERS and first is None:
            p = m.end()
            continue
        if (lw in _STOP_WORDS or lw.endswith("ly") and len(lw) > 4 and lw not in V.LY_ADJECTIVES
                or lw in _NUMBER_WORDS):                 # "300 two years ago": a new figure
            break
        if _looks_plural(w):
            if lw in V.UNCOUNTED_NOUNS and w[0].islower():
                uncounted = uncounted or (singular(w), m.end())  # aircraft, artillery ...
            elif w[0].isupper():
                fallback = fallback or (singular(w), m.end())    # Marines ...
            else:
                return singular(w), m.end()
        elif first is None and w[0].islower():
            first = (lw, m.end())
        if w[0].isupper() and first is None and w not in V.ENTITIES:
            caps.append((lw, m.end()))
        prev_cap = w[0].isupper()
        p = m.end()
    if uncounted is not None:
        return uncounted
    if design is not None:
        if value == 1 and first is not None and first[1] > design[1]:
            return first                                 # "one SAMP/T system"
        return design
    if fallback is not None:
        return fallback
    if value == 1 and not of and caps and (first is None or caps[-1][1] < first[1]):
        return caps[-1]                                  # "one Member State" -> state
    if first is not None and value == 1 and not of:
        return first
    return None, pos


def _currency_before(text: str, s: int) -> tuple[Optional[str], int, Decimal]:
    m = _CUR_BEFORE.search(text, s)
    if not m:
        return None, s, Decimal(1)
    if m.group("sym"):
        key = _SPACES_RE.sub(" ", m.group("sym").lower())
        code = V.CURRENCY_SYMBOLS.get(key) or V.CURRENCY_SYMBOLS.get(key.replace(" ", ""))
        return code, m.start(), Decimal(1)
    raw = m.group("code") or m.group(0).strip()
    if m.group("scaled"):
        iso = raw[len(m.group("scaled")):].strip().upper() if m.group("code") is None else raw
        iso = m.group(0).strip()[len(m.group("scaled")):].upper()
        return V.CODE_ALIASES.get(iso, iso), m.start(), Decimal(V.SCALED_CODE_PREFIXES[m.group("scaled")])
    iso = raw.upper()
    return V.CODE_ALIASES.get(iso, iso), m.start(), Decimal(1)


def _currency_word(text: str, word: str, pos: int) -> str:
    """ISO code of a currency name; "kroner" is Danish or Norwegian as the text says."""
    key = _SPACES_RE.sub(" ", word.lower())
    choices = V.AMBIGUOUS_CURRENCY.get(key)
    if not choices:
        return V.CURRENCY_WORDS[key]
    for window in (text[max(0, pos - 300):pos + 100].lower(), text.lower()):
        hits = [(min((window.find(c) for c in cues if c in window), default=-1), code)
                for code, cues in choices]
        hits = [(i, code) for i, code in hits if i >= 0]
        if hits:
            return hits[0][1] if len(hits) == 1 else max(hits)[1]
    return choices[0][0]


def _is_year(num_text: str, value: Decimal) -> bool:
    return bool(_FOUR_DIGITS.fullmatch(num_text)) and 1800 <= value <= 2100


def _qualifier_before(text: str, s: int) -> tuple[Optional[str], int]:
    """The qualifier phrase right before a figure (lower case, a key of _QUAL_KIND) and
    where it starts; bound nouns ("a minimum baseline of") and threshold verbs ("passed",
    not after a legislature) are read as the phrase they stand for."""
    m = _QUAL_BEFORE.search(text, s)
    if m:
        return m.group("q").lower(), m.start()
    b = _BOUND_OF_BEFORE.search(text, s)
    if b:
        return ("at least" if _BOUND_KIND[b.group("k").lower()] == "lower_bound" else "up to"), b.start()
    t = _THRESHOLD_BEFORE.search(text, s)
    if t and not _LEGISLATURE.search(text, max(0, t.start() - 40), t.start()):
        return "surpassed", t.start()
    return None, s


def _read_number(text: str, start: int, end: int, decimal_separator: Optional[str] = None,
                 ) -> tuple[Optional[Decimal], int, bool]:
    """Value of the figure text[start:end] (a spoken number is cut at a joining "and"),
    its end, and whether it carries a scale word."""
    raw = text[start:end]
    if raw[:1].isalpha() or " and " in raw or "&" in raw:    # "3 hundred and 2 hundred"
        end = start + word_number_end(raw)
        raw = text[start:end].rstrip()
        end = start + len(raw)
    value = parse_number(raw, decimal_separator)
    has_scale = bool(_A_LETTER.search(raw, 1)) and not raw[:1].isalpha() \
        or bool(_SCALE_WORD.search(raw))
    return value, end, has_scale


def _plural_follows(text: str, pos: int) -> bool:
    """Whether a plural noun (or a currency word) stands in the three words after `pos`,
    before any stop word: "1.2m people", "3m barrels a day", not "the 100m final"."""
    nm = _NEXT_WORDS.match(text, pos)
    for w in (nm.groups() if nm else ()):
        if not w or w.lower() in _STOP_WORDS:
            return False
        if _looks_plural(w) and w[0].islower():
            return True
    return False


def _a_duration(text: str, m: re.Match, min_start: int) -> tuple[Optional[Found], int]:
    """"about a week", "more than a decade": one duration, a claim only after a true
    qualifier ("a year earlier", "50,000 a month", "over a year" are not)."""
    qual_word, q_start = _qualifier_before(text, m.start())
    d = _A_DURATION_AFTER.match(text, m.end())
    if (qual_word not in _QUAL_KIND or qual_word == "over" or q_start < min_start or not d
            or _AGO.match(text, d.end())):                # "lower than a year ago": a time, not a length
        return None, m.end()
    unit, value = d.group("d").lower(), 1
    if unit in ("decade", "century"):
        unit, value = "year", (10 if unit == "decade" else 100)
    return Found(q_start, d.end(), Decimal(value), None, unit, _QUAL_KIND[qual_word], False,
                 m.start(), d.end()), d.end()


def _is_identifier_fraction(text: str, s: int, e: int, num_text: str) -> bool:
    """"4471/25", "58/2025", "(1/8)": a reference, a number of a year or a photo counter,
    not a fraction (a fraction is proper: "3/4", "1/40")."""
    fm = _SLASHED.fullmatch(num_text)
    if not fm:
        return False
    a, b = int(fm.group(1)), int(fm.group(2))
    return a >= b or 1900 <= b <= 2100 or (text[s - 1:s] == "(" and text[e:e + 1] == ")")


def _scan_one(text: str, m: re.Match, min_start: int = 0) -> tuple[Optional[Found], int]:
    """Read the claim whose figure the scan found at `m`; return it (or None) and
    where the scan goes on."""
    vague = m.lastgroup == "vague"
    s = m.start()
    if m.lastgroup == "mult":
        word = m.group().lower()
        if word in ("twice", "thrice") and not _COMPARISON_AFTER.match(text, m.end()):
            return None, m.end()            # "visited twice", "twice a year": how often, not how much
        if word in ("double", "triple", "quadruple", "doubles", "triples") and not re.search(
                r"(?:\bto|will|would|could|should|can|may|might|nearly|almost|roughly|more than|plans? to|aims? to)\s*\Z",
                text[max(0, s - 25):s], re.IGNORECASE):
            return None, m.end()
        qual_word, q_start = _qualifier_before(text, s)
        if qual_word and q_start < min_start:
            qual_word, q_start = None, s
        qualifier = _QUAL_KIND.get(qual_word or "", "exact")
        return Found(q_start if qual_word else s, m.end(), Decimal(V.MULTIPLIERS[word]), None,
                     "times", qualifier, False, s, m.end()), m.end()
    if m.lastgroup == "aone":
        return _a_duration(text, m, min_start)
    if vague:
        key = _SPACES_RE.sub(" ", m.group("vague").lower())
        key = key[:-3] if key.endswith(" of") else key
        value: Optional[Decimal] = Decimal(_VAGUE_VALUES[key])
        e = m.end()
        has_scale = True
        num_text = m.group()
    else:
        value, e, has_scale = _read_number(text, s, m.end())
        num_text = text[s:e]
        if value is None or num_text.lower() in _BARE_SCALE:   # "(EUR billion)": a column's scale
            return None, m.end()
        if _is_identifier_fraction(text, s, e, num_text):
            return None, m.end()
    num_start, num_end = s, e
    lw = num_text.lower()
    prev = _prev_word(text, s)
    prev_l = prev.lower()

    # A spoken "one" that is a pronoun ("the one you mentioned", "one of them").
    if lw in ("one", "a", "an") and (prev_l in _PRONOUN_ONE_BEFORE or _OF_ANOTHER_BY.match(text[e:e + 9])):
        return None, e

    # "the first quarter", "fourth quarter", "FIRST QUARTER 2025", "second half": a period
    # of the year, not a fraction ("a quarter of", "three quarters of" stay).
    if not vague and num_text[:1].isalpha():
        toks = _LETTERS.findall(lw)
        if toks and toks[-1] in _PERIOD_FRACTIONS and (
                len(toks) == 1 and (prev_l in _PERIOD_BEFORE or (toks[0].startswith("quarter")
                                                                 and not _OF_NEXT.match(text[e:e + 4])))
                or len(toks) > 1 and toks[-2] in _PERIOD_BEFORE):
            return None, max(e, m.end())
        if toks and toks[0] in _PERIOD_FRACTIONS and prev_l in _PERIOD_BEFORE:
            return None, max(e, m.end())

    # "a fourth system", "third countries": ordinals, not fractions.
    if not vague and num_text[:1].isalpha():
        last = _LETTERS.findall(lw)[-1]
        if last in V.FRACTIONS and last not in ("half", "halves", "quarter", "quarters"):
            toks = _LETTERS.findall(lw)
            if len(toks) == 1 or (not last.endswith("s") and re.match(r"\s+(?!of\b)[A-Za-z]", text[e:e + 3])):
                return None, e

    # Money before the figure.
    currency, cur_start, cur_mult = _currency_before(text, s)
    if currency and cur_start < min_start:          # "10 rmb 20 usd": rmb is the 10's
        currency, cur_start, cur_mult = None, s, Decimal(1)
    q_anchor = cur_start if currency else s
    if currency and value == 1:                     # "(The $1 = 0.9655 euros)": a wire's rate note
        eq = _EQUATION_AFTER.match(text, e)
        if eq:
            return None, eq.end()

    # "m"/"b" glued to digits scale only money ("$5m"); "1m" alone is a metre.
    # Without a currency it is a million only before a plural ("1.2m people", "3m barrels").
    if not vague and not currency and _GLUED_M.search(num_text) and not _plural_follows(text, e):
        return None, m.end()
    if not vague and not currency and _GLUED_GT.search(num_text):
        return None, m.end()                        # 5G networks: a designation

    qual_word, q_start = _qualifier_before(text, q_anchor)
    if qual_word and q_start < min_start:
        qual_word, q_start = None, q_anchor
    qualifier = "lower_bound" if vague else "exact"
    if qual_word in _QUAL_KIND:
        qualifier = _QUAL_KIND[qual_word]
    elif qual_word in ("between", "from"):
        qualifier = "exact"

    # Ranges: "20,000-30,000", "between 2 and 3 million", "from 5 to 7 billion".
    value_high: Optional[Decimal] = None
    rm = None if vague else _RANGE.match(text, e)
    if rm:
        sep = rm.group("sep").lower()
        ok = sep in ("-", "–", "—", "~", "through") or (sep == "to" and (
            qual_word == "from" or not re.search(
                r"\b(?:from|rose|rise|rising|fell|fall|falling|increased?|decreased?|grew|grow|cut|raised?|reduced?|dropped|jumped|climbed|up|down|boost|expand|changed?)\W*\Z",
                text[max(0, q_start - 40):q_start], re.IGNORECASE)))
        ok = ok or (sep == "and" and qual_word == "between")
        if sep == "to" and qual_word == "from" and re.search(
                r"\b(?:rose|rise|rising|fell|fall|increased?|decreased?|grew|grow|cut|raised?|reduced?|dropped|jumped|climbed|up|down|changed?)\s*\Z",
                text[max(0, q_start - 40):q_start], re.IGNORECASE):
            ok = False
        if ok:
            p2 = rm.end()
            c2 = _CUR_BEFORE_HIGH.match(text[p2:p2 + 8])
            if c2 and currency:
                p2 += c2.end()
            n2 = _NUM_ONLY.match(text, p2)
            if n2 and n2.end() > p2:
                v2, e2, scale2 = _read_number(text, p2, n2.end())
                if (v2 is not None and not _is_year(text[p2:e2], v2) and not _ORDINAL_OR_TIME.match(text[e2:e2 + 3])
                        and not (_is_year(num_text, value) and _YEAR_THEN_FIGURE.match(text, p2))):  # "in 2023 to 5,000"
                    lo = value
                    if scale2 and not has_scale and "," not in num_text and lo is not None:
                        # "2-3 million": the low end takes the high end's scale (not from "14-0 million")
                        base = parse_number(re.sub(r"[^\d.,\s]", "", text[p2:e2]).strip() or "1") \
                            if re.match(r"[\d.]", text[p2]) else None
                        sc = v2 / base if base else None
                        if sc and sc > 1:
                            lo = lo * sc
                    if lo is not None and v2 > lo:
                        value, value_high, e = lo, v2, e2
                        has_scale = has_scale or scale2
                        qualifier = "range"
                        num_end = e2
                    elif (_TALLY_SEP.fullmatch(text, e, p2) and not currency and _BARE_INT.fullmatch(num_text)
                          and _BARE_INT.fullmatch(text[p2:e2]) and not _PERCENT.match(text, e2)):
                        return None, e2                  # 52-48, 3-1: a vote tally or a score
    if value is None:
        return None, m.end()

    # Spoken fractions: "one over three", "two out of five hundred".
    if value_high is None and not currency and not vague:
        fm = _OVER.match(text, e)
        if fm:
            n2 = _NUM_ONLY.match(text, fm.end())
            if n2:
                v2, e2, _ = _read_number(text, fm.end(), n2.end())
                if v2 and (fm.group("w").lower() == "over" and _CLAUSE_END.match(text, e2)
                           or fm.group("w").lower() != "over" and v2 > value):
                    value, e = value / v2, e2
                    num_end = e2

    unit: Optional[str] = None
    loss = False
    if currency and not has_scale:
        sm = _SPACED_SCALE.match(text, e)                # "SEK 15,832 m" in results tables
        if sm:
            k = Decimal(V.SCALES[sm.group("k")])
            value = value * k
            value_high = value_high * k if value_high is not None else None
            e, has_scale, num_end = sm.end(), True, sm.end()
    if currency and value < 0 and re.match(r"[A-Za-z]", text[cur_start:cur_start + 1]):
        # A signed sum after a currency code ("SEK -380 m") is a results-table loss or
        # fall, never a pledge: kept as its size (the ledger's values are positive) with
        # category other. A sign after a symbol ("$-99.99") keeps its sign, as the
        # quantity benchmarks expect; the validator reports it.
        value, loss = -value, True
    end = e
    if currency:
        unit = currency
        value = value * cur_mult
        if value_high is not None:
            value_high = value_high * cur_mult
        cm = _CUR_AFTER.match(text, e)
        if cm and (cm.group("word") or cm.group("code")):
            iso = V.CURRENCY_WORDS.get(_SPACES_RE.sub(" ", (cm.group("word") or "").lower())) \
                or V.CODE_ALIASES.get(cm.group("code") or "", (cm.group("code") or "").upper())
            if iso == currency:                          # EUR 1.8 billion euros
                end = cm.end()
    elif rm and value_high is not None and rm.group("pct"):
        unit = "%"
        pm = _PERCENT.match(text, e)
        end = pm.end() if pm else e
    else:
        pm = _PERCENT.match(text, e)
        cm = _CUR_AFTER.match(text, e) if not pm else None
        if pm:
            unit, end = "%", pm.end()
        elif pb := _PERCENT_BEFORE.search(text, s):
            unit = "%"
            q_start = pb.start()
        elif cm and not (cm.group("word") and cm.group("word").lower().startswith("pound")
                         and _OF_NEXT.match(text[cm.end():cm.end() + 4])):
            mult = Decimal(1)
            if cm.group("word"):
                unit = _currency_word(text, cm.group("word"), s)
            elif cm.group("minor"):
                unit, f = V.MINOR_UNITS[cm.group("minor").lower()]
                if cm.group("minor").lower() == "p" and not re.match(r"\d", cm.group(0).strip() or "x"):
                    unit = None
                mult = Decimal(f)
            elif cm.group("scaled"):
                code = cm.group(0).strip()[len(cm.group("scaled")):].upper()
                unit = V.CODE_ALIASES.get(code, code)
                mult = Decimal(V.SCALED_CODE_PREFIXES[cm.group("scaled")])
            elif cm.group("code"):
                code = cm.group("code").upper()
                unit = V.CODE_ALIASES.get(code, code)
                if cm.group("scale"):
                    mult = Decimal(V.SCALES[cm.group("scale").lower()])
            else:
                sym = cm.group("sym")
                unit = V.CURRENCY_SYMBOLS.get(sym.lower()) or V.CURRENCY_SYMBOLS.get(sym)
            if unit:
                # a lone "p" or "won" right after a figure is rarely money
                value = value * mult
                if value_high is not None:
                    value_high = value_high * mult
                end = cm.end()
                if not has_scale and value_high is None and not cm.group("minor"):
                    cents = _CENTS.match(text, end)
                    if cents:
                        cv, ce, _ = _read_number(text, cents.start("n"), cents.end("n"))
                        if cv is not None and 0 < cv < 100 and cv == cv.to_integral_value() and (
                                cents.group("c") or not _ANY_CURRENCY_NEXT.match(text, ce)):
                            value += cv / 100
                            end = cents.end() if cents.group("c") else ce
        if unit is None:
            dm = _DURATION.match(text, e)
            tm = _TIMES.match(text, e)
            if dm:
                unit = V.DURATIONS[dm.group("d").lower()]
                end = dm.end()
                if unit == "decade":
                    unit, value = "year", value * 10
                    value_high = value_high * 10 if value_high is not None else None
                elif unit == "century":
                    unit, value = "year", value * 100
                    value_high = value_high * 100 if value_high is not None else None
            elif _AGE_BEFORE.search(text, s):
                unit = "year"
            elif (len(num_text) <= 2 and num_text.isdigit() and _NAME_AGE_AFTER.match(text, e)
                  and (_NAME_AGE_BEFORE.search(text, max(0, s - 40), s)
                       or _SURNAME_AGE_BEFORE.search(text, max(0, s - 30), s)
                       and _VERB_AFTER_AGE.match(text, e))):
                unit = "year"                            # "Daniel Moss, 34, was jailed": an age
            elif tm:
                unit, end = "times", tm.end()
            else:
                pw = _PHYS_WORD.match(text, e)
                ps = _PHYS_SYMBOL.match(text, e)
                if pw:
                    unit, end = V.PHYSICAL_WORDS[_SPACES_RE.sub(" ", pw.group("w").lower())], pw.end()
                elif ps and (len(ps.group("w")) > 1 or not ps.group("sp")) and not (
                        ps.group("w") in ("C", "F") and not _TEMPERATURE.fullmatch(num_text)):
                    unit, end = V.PHYSICAL_SYMBOLS[ps.group("w")], ps.end()
                else:
                    noun, nend = _noun_after(text, e, value)
                    if noun:
                        unit = noun
                        end = e if _OF_THE.match(text, e) else nend

    # "over five years", "over the next 15 years": over means during, not more than.
    if (qual_word == "over" and unit in ("year", "month", "week", "day", "decade", "century")
            and not _AGE_BEFORE.search(text, q_start)
            and not re.match(r"\s+(?:old|of\s+age)\b|['’]", text[end:end + 8])):
        qual_word, qualifier = None, "exact"

    # A spoken "one" is a claim only when it counts something named ("one SAMP/T system").
    if lw in ("one", "a", "an") and value == 1 and value_high is None and not currency and not (unit or "").isupper() and unit not in (
            "%", "times") and unit not in V.DURATIONS.values() and not _DIGIT_OR_SLASH.search(text[e:end]) and not (
            qual_word and unit):                         # "at least one member state"
        return None, e

    # Not claims: years used as dates, designations, identifiers.
    if not vague and value_high is None:
        if _is_year(num_text, value) and currency is None and (
                unit is None or prev_l in _YEAR_BEFORE
                or prev_l.endswith(("'s", "’s"))        # "Germany's 2025 defence budget"
                or text[max(0, s - 2):s].strip() == "©"):   # "© 2025 Reuters"
            return None, max(e, m.end())
        bare_int = _BARE_INT.fullmatch(num_text) is not None
        if bare_int and currency is None and not unit and _PHONE_BEFORE.search(text, max(0, s - 60), s):
            return None, max(e, m.end())       # "call police on 101"
        if (_PLAIN_NUMBER.fullmatch(num_text) and currency is None
                and unit not in ("%",)):              # "Figure 2.1", "week 23", "day two"
            if (prev_l.rstrip(".") in V.ID_WORDS or prev_l in V.ID_WORDS or prev.startswith("#")
                    or prev_l in V.ID_WORDS_BARE and not unit):
                return None, max(e, m.end())
        if bare_int and currency is None and unit not in ("%",):
            if ((prev[:1].isupper() or prev[:1].islower() and not prev[1:].islower() and prev[1:].isalpha())
                    and prev_l.rstrip(".,") not in V.NOT_NAME_WORDS
                    and prev_l not in V.MONTHS and prev_l not in V.WEEKDAYS
                    and not prev_l.endswith(("'s", "’s")) and not prev.endswith((".", ",", ":"))
                    and text[max(0, s - 1):s] in (" ", "\u00a0")
                    and not (unit and text[e:end].strip()[:1].isupper())):
                return None, max(e, m.end())   # Leopard 2, Voyager 2, English 101
            if re.search(r"\d[ \t]\Z", text[max(0, s - 3):s]) and re.match(r"\s*[A-Za-z]", text[e:]) is None:
                pass
    # A sign glued to a figure after a word is a hyphen ("F-16" is skipped above).

    # Qualifier after the figure ("500 or more").
    qa = _QUAL_AFTER.match(text, end)
    if qa and qualifier == "exact" and value_high is None:
        qualifier = _QUAL_AFTER_KIND[qa.group("q").lower()]
        if unit is None:
            end = qa.end()

    # European thousands: a count or a money amount with three decimals is 1.500 = 1500.
    if (not has_scale and _EURO_THOUSANDS.fullmatch(num_text) and value_high is None
            and unit and unit not in ("%",) and unit not in V.DURATIONS.values()
            and unit not in _PHYSICAL_UNITS):                # 42.195 km is a decimal
        value = Decimal(num_text.replace(".", "")) * (cur_mult if currency else 1)

    start = q_start if qual_word and qual_word not in ("from",) or (qual_word == "from" and value_high is not None) else (cur_start if currency else s)
    if qual_word and qual_word not in ("between", "from"):
        start = q_start
    elif qual_word in ("between", "from") and value_high is not None:
        start = q_start
    else:
        start = cur_start if currency else s
    return Found(start, end, value, value_high, unit or "", qualifier, vague, num_start, num_end, loss), max(end, e)


def _merge_bounds(found: list[Found], text: str) -> list[Found]:
    """"more than 10 and less than 40" is one range; two opposite bounds side by side."""
    out: list[Found] = []
    for f in found:
        if out:
            a = out[-1]
            between = text[a.end:f.start]
            kinds = {a.qualifier, f.qualifier}
            if (kinds == {"lower_bound", "upper_bound"} and not a.vague and not f.vague
                    and re.fullmatch(r"\s*,?\s*(?:and|but)?\s*", between)
                    and (a.unit == f.unit or not a.unit or not f.unit)):
                lo, hi = (a, f) if a.qualifier == "lower_bound" else (f, a)
                if lo.value < hi.value and a.value_high is None and f.value_high is None:
                    out[-1] = replace(a, end=f.end, value=lo.value, value_high=hi.value,
                                      unit=a.unit or f.unit, qualifier="range")
                    continue
        out.append(f)
    return out


def _scanner(text: str) -> Callable[[int], Optional[re.Match]]:
    """`next(pos)`: the first _SCAN match at or after `pos`, exactly as `_SCAN.search(text,
    pos)` finds it, but trying _SCAN only where _SCAN_START says a match may begin."""
    if any(c in text for c in _FOLDS_TO_ASCII) or len(text.lower()) != len(text):
        return partial(_SCAN.search, text)
    low = text.lower()
    start = (_SCAN_START_AT if "@" in text else _SCAN_START).search
    match = _SCAN.match
    n = len(text)

    def next_match(pos: int) -> Optional[re.Match]:
        while pos < n:
            c = start(low, pos)
            if c is None:
                return None
            m = match(text, c.start())
            if m is not None:
                return m
            pos = c.start() + 1
        return None

    return next_match


def find_quantities(text: str) -> list[Found]:
    """Every figure of `text` with its unit, qualifier and span, in text order."""
    found: list[Found] = []
    pos = 0
    n = len(text)
    next_match = _scanner(text)
    while pos < n:
        m = next_match(pos)
        if not m:
            break
        if m.lastgroup == "skip" or m.end() == m.start():
            pos = max(m.end(), pos + 1)
            continue
        f, nxt = _scan_one(text, m, found[-1].end if found else 0)
        if f is not None:
            found.append(f)
        pos = max(nxt, m.start() + 1)
    return _merge_bounds(found, text)


# Where a bare figure's counted noun stands away from it: the sentence's subject ("the
# output of shells has climbed to 40,000"), a question before the answer ("How many
# shells ...? Around 50,000"), or the heading of a list ("Tanks by country:\nPoland: 300+").
# "the number of (the new) tanks", "production of GMLRS rockets": the counted noun is the first
# plural of the (up to three) words after "of" (`_plural_in`), not an acronym or a name before it.
_NOUN_OF = re.compile(rf"""(?<![\w-])(?:{_alt(V.COUNT_HEADS)})\s+of\s+
    (?P<words>(?:[a-z][\w-]*[ \t]+){{0,2}}[a-z][\w-]*)""", _F)
# A sentence that opens on what it counts, the figure later bare ("The vehicles ... bring the
# total to 239"): "the/these/those" and a plural, a word or two of modifiers before it.
_OPENING_PLURAL = re.compile(r"\s*(?:the|these|those)\s+(?:[a-z-]+\s+){0,2}?(?P<n>[a-z][a-z-]+)(?=[\s,])", re.IGNORECASE)
_HOW_MANY = re.compile(r"(?<![\w-])how\s+many\s+(?:[a-z-]+\s+){0,2}?(?P<n>[a-z][a-z-]+)(?![\w-])", re.IGNORECASE)
_LABEL_LINE = re.compile(r"[ \t]*(?:[-*•–·]\s*)?[^\n:.]{1,40}:[ \t]*\Z")
_HEADING_NOUN = re.compile(r"(?<![\w-])(?P<n>[A-Za-z][a-z-]+)(?![\w-])")


def _counted_plural(word: str) -> bool:
    """A plural that can name what a figure counts (not a stop word, not a duration)."""
    return _looks_plural(word) and word.lower() not in _STOP_WORDS and word.lower() not in V.DURATIONS


def _plural_in(pattern: re.Pattern, text: str, lo: int, hi: int, last: bool = False) -> Optional[str]:
    """The counted noun a pattern finds in text[lo:hi] (a plural, not a stop word)."""
    got = None
    for m in pattern.finditer(text, lo, hi):
        words = m.group("words").split() if "words" in pattern.groupindex else [m.group("n")]
        w = next((w for w in words if _counted_plural(w)), None)
        if w is not None:
            got = singular(w)
            if not last:
                return got
    return got


def _heading_noun(text: str, f: Found) -> tuple[bool, Optional[str]]:
    """Whether the figure stands on a list line ("Poland: 300+") and the counted noun of
    the list's heading, the first line above that is not itself such a line."""
    line_start = text.rfind("\n", 0, f.start) + 1
    if not _LABEL_LINE.fullmatch(text, line_start, f.start):
        return False, None
    first = _HEADING_NOUN.search(text, line_start, f.start)
    if first and _looks_plural(first.group("n")) and first.group("n").lower() not in _STOP_WORDS:
        return True, singular(first.group("n"))        # "Frigates ordered: 5"
    pos = line_start - 1
    for _ in range(30):
        if pos <= 0:
            return True, None
        prev_start = text.rfind("\n", 0, pos) + 1
        line = text[prev_start:pos]
        if line.strip() and not re.match(r"[ \t]*(?:[-*•–·]\s*)?[^\n:.]{1,40}:[ \t]*\S", line):
            if len(line) > 120 or re.search(r"[.!?][\"”’]?\s*\Z", line):
                return True, None                      # a sentence, not a heading
            noun = _plural_in(_HEADING_NOUN, text, prev_start, pos)
            return True, None if noun in V.BOX_HEADINGS else noun
        pos = prev_start - 1
    return True, None


_COORDINATED = re.compile(r"[ \t]*(?:,|,?[ \t]+(?:and|or))[ \t]+")
_PERSON_VERB_BEFORE = re.compile(rf"(?<![\w])(?:{_alt(V.PERSON_VERBS)})[ \t]+\Z", re.IGNORECASE)
_SCALED_QUOTE = re.compile(r"(?i:thousand|million|billion|trillion|bn|mn|mln|bln)\b|\d(?-i:bn|m|k)\b")


def _coordinated_unit(text: str, f: Found, prev: Optional[Found], nxt: Optional[Found]) -> Optional[str]:
    """The unit a bare figure shares with the figure joined to it by "and", "or" or a
    comma: "aged 41 and 38" -> year, "nine and 10 years" -> year. Not money: "$5 and 7"
    is not how two sums are written."""
    for g, lo, hi in ((prev, prev and prev.end, f.start), (nxt, f.end, nxt and nxt.start)):
        if (g is not None and g.unit and not g.unit.isupper() and g.value_high is None
                and not g.vague and _COORDINATED.fullmatch(text, lo, hi)):
            return g.unit
    return None


_SHARE_OF_NAMED = re.compile(r"\s+of\s+(?:the|its|their|this|these|our|all|a|an)\s", re.IGNORECASE)
_FRACTION_WORD = re.compile(rf"(?<!\w)(?:{_alt(V.FRACTIONS)})(?![\w-])", re.IGNORECASE)


def _share_of_named(text: str, f: Found) -> bool:
    """A fraction of something the text names ("a third of the aid"): not a count of what
    the figure before it counted (a share "of them" is)."""
    return bool(_FRACTION_WORD.search(text, f.num_start, f.num_end) and _SHARE_OF_NAMED.match(text, f.end))


def _borrow_units(text: str, found: list[Found]) -> list[Found]:
    """A bare figure counts what its sentence's subject counts ("the number of employees
    reached 25,600"), or what the figure before it counted, in its sentence or the one
    before ("40 radars a year, compared with 12" -> 12 radar); on a list line, what the
    list's heading counts, never what a sibling line counted."""
    spans = sentence_spans(text)
    starts = [a for a, _ in spans]
    out: list[Found] = []
    for i, f in enumerate(found):
        if not f.unit:
            here = bisect.bisect_right(starts, f.start) - 1
            s_lo = spans[here][0] if here >= 0 else 0
            listed, noun = _heading_noun(text, f)
            if noun is None and not listed:
                noun = _coordinated_unit(text, f, out[-1] if out else None,
                                         found[i + 1] if i + 1 < len(found) else None)
            if noun is None and not listed and _PERSON_VERB_BEFORE.search(text, max(0, f.start - 20), f.start):
                noun = "person"                          # "killing more than 1,700"
            if noun is None and not listed:
                lo = max(s_lo, out[-1].end if out else 0)
                noun = _plural_in(_NOUN_OF, text, lo, f.start, last=True)
            if noun is None and out and not listed and not _share_of_named(text, f):
                for prev in reversed(out):
                    there = bisect.bisect_right(starts, prev.start) - 1
                    if here - there > 1 or (here != there and (prev.unit in V.DURATIONS.values()
                                                               or prev.unit.isupper() or prev.unit in ("%", "times")
                                                               or prev.unit in _PHYSICAL_UNITS)):
                        break
                    if (here == there and prev.unit.isupper() and prev.value_high is None
                            and _SCALED_QUOTE.search(text, f.start, f.end)):
                        noun = prev.unit                 # "170 billion euros ..., about 63 billion of it"
                        break
                    if prev.unit and prev.unit[:1].islower() and prev.unit not in V.DURATIONS.values() and prev.unit != "times":
                        noun = prev.unit
                        break
            if noun is None and not listed:
                noun = _plural_in(_NOUN_OF, text, s_lo, f.start, last=True)
            if noun is None and not listed and (m := _OPENING_PLURAL.match(text, s_lo, f.start)) \
                    and _counted_plural(m.group("n")):
                noun = singular(m.group("n"))
            if noun is None and not listed:
                noun = _plural_in(_HOW_MANY, text, s_lo, f.start)
                if noun is None and here > 0 and text[:s_lo].rstrip().endswith("?"):
                    noun = _plural_in(_HOW_MANY, text, spans[here - 1][0], s_lo)
            if noun:
                f = replace(f, unit=noun)
        out.append(f)
    return out


# A table's scale in its title or heading: "(EUR billion)", "(€bn)", "(in USD million)",
# "(billions of euros)". Its bare figures are that money.
_TABLE_SCALE = re.compile(rf"""\((?:in\s+)?(?:
    (?P<c1>{_alt(_SYMBOLS)}|{_CODE})\s*(?P<s1>billions?|bn|bln|millions?|mn|mln|m|thousands?|k)
   |(?P<s2>billions?|millions?|thousands?)\s+(?:of\s+)?(?P<c2>{_alt(_CUR_WORDS)}))\)""", _F)
_TABLE_ROW = re.compile(r"[^\n]*\S(?:[ ]{2,}|\t|[ ]?\|[ ]?)\S[^\n]*")


def _table_money(text: str, found: list[Found]) -> list[Found]:
    """Bare figures in the rows of a table whose title gives currency and scale
    ("Table 2. Aid allocated (EUR billion)", then "Germany    12.6    10.1") are that
    money: 12.6 -> EUR 12.6 billion. Rows are lines with columns (two spaces, a tab or a
    bar); the table ends at the first line that is not one."""
    if "(" not in text:
        return found
    spans: list[tuple[int, int, str, Decimal]] = []
    headings: list[tuple[int, int]] = []
    for h in _TABLE_SCALE.finditer(text):
        headings.append((h.start(), h.end()))
        cur = h.group("c1")
        if cur:
            key = _SPACES_RE.sub(" ", cur.lower())
            code = V.CURRENCY_SYMBOLS.get(key) or V.CODE_ALIASES.get(cur.upper(), cur.upper())
        else:
            code = _currency_word(text, h.group("c2"), h.start())
        word = (h.group("s1") or h.group("s2")).lower().rstrip("s")
        scale = Decimal(V.SCALES.get(word) or V.SCALES.get(word + "s") or 1)
        pos = text.find("\n", h.end())
        end = pos
        while pos != -1:
            nl = text.find("\n", pos + 1)
            line_end = len(text) if nl == -1 else nl
            if text[pos + 1:line_end].strip():
                if not _TABLE_ROW.fullmatch(text, pos + 1, line_end):
                    break
                end = line_end
            pos = nl
        if end > h.end():
            spans.append((h.end(), end, code, scale))
    if not headings:
        return found
    out = []
    for f in found:
        if any(lo <= f.start < hi for lo, hi in headings):
            continue                                     # "(in billions of euros)" names the scale
        for lo, hi, code, scale in spans:
            if lo <= f.start < hi and not f.unit and f.value_high is None and not f.vague:
                f = replace(f, value=f.value * scale, unit=code)
                break
        out.append(f)
    return out


# The four letters that IGNORECASE matches to ASCII ones (ſ to s, the Kelvin sign to k, ı and
# İ to i): read as their ASCII twins, so that a matched word is found in the word lists (a
# "ſ" in a text once failed its document). One letter for one: every offset holds.
_ASCII_TWINS = str.maketrans({"ſ": "s", "\u212a": "K", "ı": "i", "İ": "I"})


def _claims(text: str, doc: Optional[Document] = None) -> list[tuple[Found, Claim]]:
    """Found figures and their claims; with `doc`, each claim carries its document and id
    (given to the constructor, so each claim is validated once and never copied). Quotes and
    sentences are the text's own."""
    read = text.translate(_ASCII_TWINS)
    found = _borrow_units(read, _table_money(read, find_quantities(read)))
    attrs = describe(read, found, shown=text)
    out = []
    for f, a in zip(found, attrs):
        unit = f.unit or a.noun or "number"
        ids = {} if doc is None else {"document": doc.source,
                                      "id": claim_id(doc.source, doc.content_hash, f.start, f.end)}
        claim = Claim(
            quote=text[f.start:f.end], start=f.start, end=f.end, sentence=a.sentence,
            value=f.value, value_high=f.value_high, unit=unit, qualifier=f.qualifier,
            category="other" if f.loss else a.category, subject=a.subject, period=a.period, vague=f.vague,
            recipient=a.recipient, purpose=a.purpose, **ids,
        )
        out.append((f, claim))
    return out


def find_claims(text: str) -> list[Claim]:
    """The claims of a text, sorted by start (id and document left empty)."""
    return [c for _, c in _claims(text)]


def extract_claims(doc: Document) -> list[Claim]:
    """The claims of a document, each with its stable id (models.claim_id)."""
    return [c for _, c in _claims(doc.text, doc)]
