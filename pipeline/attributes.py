"""The words around a figure: its sentence, category, subject, period, recipient, purpose."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from . import _vocab as V

if TYPE_CHECKING:
    from .extract import Found

# A sentence ends at . ! ? (and closing quotes) before a capital, a quote or a digit,
# or at a blank line unless the next paragraph goes on in lower case or with a figure
# ("over EUR\n\n500 million" is one sentence).
_ABBREVIATIONS = frozenset("""mr mrs ms dr st co no vs gen lt col inc corp ltd jr sr u.s u.k
sept jan feb aug oct nov dec approx e.g i.e nos nr p pp""".split())
_SENT_END = re.compile(
    r"""(?P<p>[.!?])["”’')\]]*\s+(?=["“‘'(\[]?[A-Z0-9])
        |\n[ \t]*\n\s*(?=[^a-z0-9€$£¥₴])""", re.VERBOSE)
_WORD_BEFORE = re.compile(r"([\w.]+)\Z")


@dataclass(frozen=True)
class Attributes:
    sentence: str = ""
    category: str = "other"
    subject: Optional[str] = None
    period: Optional[str] = None
    recipient: Optional[str] = None
    purpose: Optional[str] = None
    noun: Optional[str] = None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of each sentence.

    >>> sentence_spans("Kyiv got 5. Oslo got 6.")
    [(0, 11), (12, 23)]
    """
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        if m.group("p") == ".":
            w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if w and w.group(1).lower() in _ABBREVIATIONS:
                continue
        spans.append((start, m.start() + 1 if m.group("p") else m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def fold(s: str) -> str:
    return " ".join(s.split())


_CASE = re.compile
_ENTITY_RE = re.compile(
    r"(?<![\w-])(?P<n>" + "|".join(re.escape(k) for k in sorted(V.ENTITIES, key=len, reverse=True))
    + r")(?![\w-])")
_GROUP_RE = re.compile(
    r"(?P<full>(?:[A-Z][\w-]*\s+){1,3}Contact\s+Group)"
    r"|(?:(?<![\w-])(?!(?:The|A|An|This|That|Its|Their|Our|New)\b)(?P<cap>[A-Z][\w-]*)\s+(?:[a-z][\w-]*\s+)?|(?<![\w-])(?P<mod>(?:(?!(?:the|a|an|its|their|our|this|that|new|and|of|to)\b)[a-z][\w-]*\s+)?[A-Za-z][\w-]*)\s+)"
    r"(?P<g>coalition|initiative|model)(?![\w-])")
_BARE_GROUP = re.compile(r"(?<![\w-])the\s+(?:[\w-]+\s+){0,2}?(?P<g>" + "|".join(V.POINTER_NOUNS)
                         + r")(?![\w-])", re.IGNORECASE)
_LOCATION_BEFORE = re.compile(r"\b(?:in|at|across|inside|within|near|outside|on)\s+(?:the\s+)?\Z")
_NAME_RE = re.compile(
    r"(?<![\w-])(?P<n>[A-Z][\w&.-]*[\w&](?:\s+[A-Z][\w&.-]*[\w&]){0,2})(?P<poss>['’]s)?"
    r"(?=,?\s+(?:(?:now|also|already|still|currently)\s+)?(?:" + "|".join(sorted(V.SUBJECT_VERBS)) + r"|[a-z]{3,}ed"
    # a headline's future: "Rheinmetall to make 700,000 shells a year"
    r"|to\s+(?:make|build|produce|supply|deliver|send|buy|invest|hire|double|triple|expand|boost|raise|open|provide))\b"
    r"|['’]s\b)")
_RECIPIENT_BEFORE = re.compile(
    r"(?:\bto|\bfor|\bsent|\bsend|\bsends|\bgive|\bgave|\bgiven|\bgiving|\bpromised|\bpromise"
    r"|\bpromises|\bpledged|\bhanded|\bprovide|\bprovided|\bsupply|\bsupplied|\boffer|\boffered"
    r"|\bgranted|\bgrant|\blend|\blent|\bhelp|\bhelping|\bhelps|\bsupport|\bsupporting|\bsupports"
    r"|\bequip|\barm|\barming|\binto|\bfrom)\s+(?:the\s+)?\Z", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?\Z", re.IGNORECASE)
# The clause's grammatical subject stands before its verb ("The UK will send").
# (a comma aside may stand between: "The UK, which leads the coalition, said")
_VERB_AFTER = re.compile(r"(?:['’]s)?(?:,[^,;.()\n]{1,80},)?\s+(?:(?:also|now|already|itself|alone|first|then|still|has|have|had|will|would|could|can|may|plans\s+to|is|was)\s+){0,2}(?:"
                         + "|".join(sorted(V.SUBJECT_VERBS | V.MORE_SUBJECT_VERBS, key=len, reverse=True)) + r")\b")
# "Ukraine's air force says", "Ukraine's Defence Ministry says": the owner of the head
# noun is the clause's subject (a capitalised head only after a possessive).
_VERB_AFTER_HEAD = re.compile(
    r"(?:['’]s)?(?:\s+(?!(?:and|or|but|which|who|that|to|for|of|in|on|at|with|from|by|as|than|the|a|an)\b)[a-z][\w-]*){1,2}"
    + _VERB_AFTER.pattern)
_CAP_HEAD_VERB_AFTER = re.compile(r"(?:['’]s)?(?:\s+[A-Z][a-z][\w-]*){1,2}" + _VERB_AFTER.pattern)
_RECEIVE_AFTER = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*)?\s+(?:(?:has|have|had|also|already|now|so\s+far|reportedly)\s+){0,2}(?:"
                            + "|".join(sorted(V.RECEIVE_VERBS)) + r")\b")
_SPEAKER_AFTER = re.compile(r"(?:['’]s)?(?:\s+(?:[a-z][\w-]*|[A-Z][\w'’-]+)){0,3}?\s+(?:"
                            + "|".join(sorted(V.SPEAKER_VERBS)) + r")\b")
_SPEAKER_BEFORE = re.compile(r"(?:,|\baccording\s+to|\bsaid|\bsays|\bby\s+the\s+count\s+of)\s+(?:the\s+|an?\s+|one\s+)?(?:[a-z][\w-]*\s+){0,2}\Z")
_SAID_ASIDE = re.compile(_SPEAKER_AFTER.pattern + r"\s*,")
# "Czech officials say it delivered": people who speak are not the "it" they speak of
_PEOPLE_SPEAK = re.compile(r"\b(?:officials|sources|analysts|people|diplomats|experts|lawmakers|ministers|officers)\b")
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+|an?\s+)?(?:[a-z][\w-]*\s+){0,2}\Z", re.IGNORECASE)
# A dateline names where the story was filed, not who owns its figures: "RIGA - ",
# "KYIV, Oct 21 (Newswire) - ", "RAMSTEIN AIR BASE, Germany - " at a line start.
_DATELINE = re.compile(r"[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+\d{1,2})?){0,2}"
                       r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]+[-–—][ \t]+(?=[A-Z\"“])")
# "the 16 countries of the drone coalition": the body after "of" owns what is counted
_OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?")
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?\Z", re.IGNORECASE)
_ASIDE_BEFORE = re.compile(r"\b(?:" + "|".join(V.ASIDE_PREPOSITIONS) + r")\s+(?:the\s+|a\s+)?\Z", re.IGNORECASE)


def _cue_re(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# One alternation of every cue, longest first across categories, so "order intake"
# (other) wins over "order" (pledge); the category is looked up from the phrase.
_CUE_CATEGORY = {w.lower(): cat for cat, words in V.CATEGORY_CUES.items() for w in words}
_CUES = re.compile(r"(?<![\w-])(?:" + "|".join(
    f"(?P<{cat}>{_cue_re(words)})" for cat, words in V.CATEGORY_CUES.items()) + r")(?![\w-])",
    re.IGNORECASE)
_ANY_CUE = re.compile(r"(?<![\w-])(?:" + _cue_re(list(_CUE_CATEGORY)) + r")(?![\w-])", re.IGNORECASE)
# Where an _ANY_CUE match can start: after no word character, on a cue's first letter.
_CUE_START = re.compile(r"(?<![\w-])[" + "".join(sorted({re.escape(w[0]) for w in _CUE_CATEGORY})) + "]",
                        re.IGNORECASE)
_CUE_MAXLEN = max(len(w) for w in _CUE_CATEGORY)
# _ANY_CUE cut to the cues of one first letter (their order kept): the same match at a
# position holding that letter, with fewer branches to try.
_CUE_BY_LETTER = {c: re.compile(r"(?<![\w-])(?:" + "|".join(
    re.escape(w) for w in sorted(_CUE_CATEGORY, key=len, reverse=True) if w[0].lower() == c)
    + r")(?![\w-])", re.IGNORECASE) for c in {w[0].lower() for w in _CUE_CATEGORY}}


class _CueIndex:
    """_ANY_CUE over one text, tried only where a match can start; a match that cannot reach
    the window's end is the same as in the whole text, so it is kept."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [m.start() for m in _CUE_START.finditer(text)]
        self.memo: dict[int, Optional[tuple[int, str]]] = {}

    def _at(self, p: int, end: int) -> Optional[tuple[int, str]]:
        pat = _CUE_BY_LETTER.get(self.text[p].lower(), _ANY_CUE)
        if p + _CUE_MAXLEN < end:
            if p in self.memo:
                return self.memo[p]
            m = pat.match(self.text, p)
            r = self.memo[p] = (m.end(), m.group()) if m else None
            return r
        m = pat.match(self.text, p, end)
        return (m.end(), m.group()) if m else None

    def last(self, lo: int, hi: int) -> Optional[str]:
        """The last match of _ANY_CUE.finditer(text, lo, hi)."""
        starts = self.starts
        i = bisect.bisect_left(starts, lo)
        nxt, best = lo, None
        n = len(starts)
        while i < n:
            p = starts[i]
            if p >= hi:
                break
            i += 1
            if p < nxt:
                continue
            r = self._at(p, hi)
            if r:
                nxt, best = r
        return best

    def first(self, lo: int, hi: int) -> Optional[str]:
        """The match of _ANY_CUE.search(text, lo, hi)."""
        starts = self.starts
        i = bisect.bisect_left(starts, lo)
        n = len(starts)
        while i < n:
            p = starts[i]
            if p >= hi:
                break
            i += 1
            r = self._at(p, hi)
            if r:
                return r[1]
        return None
# "in 2025", "for fiscal 2026": a figure tied to one year is a yearly figure.
_ONE_YEAR = re.compile(r"\A[^.;\n]{0,40}?\b(?:in|for|during)\s+(?:fiscal\s+|financial\s+year\s+|the\s+year\s+)?(?:19|20)\d\d\b(?![-–/]\d)")
# "60 tanks were delivered", "44 guns have now been delivered": a passive verb right after
# the figure says what happened to it; not one of a later clause ("once this package is
# delivered"). Future forms ("to be delivered", "will be sent") are promises: see _category.
_PASSIVE = re.compile(r"\A(?:(?!\b(?:once|when|after|before|if|because|while|but|until|which|that|as)\b)[^.;:]){0,25}?"
                      r"\b(?P<aux>was|were|is|are|(?:has|have|had)\s+(?:now\s+|already\s+|so\s+far\s+)?been|will\s+be|to\s+be|being|be)\s+(?:\w+\s+)?(?:" +
                      "|".join(f"(?P<{cat}>{_cue_re(words)})" for cat, words in V.CATEGORY_CUES.items()) + r")(?![\w-])",
                      re.IGNORECASE)
# "the first four jets arrive before Christmas": the figure's own verb says it is delivered
_ARRIVE_AFTER = re.compile(r"\A\s+(?:[a-z][\w-]*\s+)?(?:(?:have|has|had|already|now)\s+){0,2}(?:arrive|arrives|arrived|landed)\b")
_ARRIVE_LATER = re.compile(r"\s+(?:will|would|shall|are\s+(?:due\s+)?to|is\s+(?:due\s+)?to|to)\s+(?:(?:soon|later|then|also)\s+)?"
                           r"(?:arrive|follow)\b")
_FUTURE_AUX = re.compile(r"(?:will|to)\s+be|be", re.IGNORECASE)
# "a year ago", "a week on Tuesday", "a year on from the invasion" are times, not rates;
# "a day on average", "a day on busy days" are rates.
_PERIOD = re.compile(r"(?<![\w-])(?P<p>" + _cue_re(list(V.PERIODS)) +
                     r")(?![\w-])(?!\s+(?:ago|earlier|later|before|after|from now|and a half"
                     r"|on\b(?!\s+(?:average|busy|good|bad|some|most|quiet|heavy)\b)))", re.IGNORECASE)
# "For 2024 the company expects", "the target for 2025 is": a year the clause is about.
_FOR_YEAR_BEFORE = re.compile(r"\bfor\s+(?:fiscal\s+|financial\s+year\s+|the\s+year\s+)?(?:19|20)\d\d\b(?![-–/]\d)",
                              re.IGNORECASE)
# "spend 3.5% of GDP on defence in 2025, or about EUR 2.9 billion": money of one year.
_IN_YEAR_BEFORE = re.compile(r"\b(?:in|during)\s+(?:fiscal\s+)?(?:19|20)\d\d\b(?![-–/]\d)", re.IGNORECASE)
# "a draft 2025 budget", "the 2024 defence budget": a budget is for its year.
_YEAR_BUDGET = re.compile(r"\b(?:19|20)\d\d(?:/\d\d)?\s+(?:[a-z]+\s+){0,2}budgets?\b")
# what may stand between a figure and its own rate word: "1.5% of GDP a year"
_OWN_RATE_GAP = re.compile(r"\s*(?:of\s+[\w-]+\s*)?")
# "from 28,000 shells a month to about 100,000", "60,000 a day, against 2,000": the rate
# word between the two figures is both's
_SAME_RATE_GAP = re.compile(r"\s*,?\s*(?:to|against|versus|vs\.?|compared\s+(?:with|to))\s+", re.IGNORECASE)
_STOCK = re.compile(r"(?<![\w-])(?:" + _cue_re(V.STOCK_WORDS) + r")(?![\w-])", re.IGNORECASE)
_MONTH_NAMES = "|".join(m.capitalize() for m in V.MONTHS[:12])
# "In November alone, ... received 200,000 drones": the figure is that month's total;
# "600,000 drones in April" right after the figure is the same.
_MONTH_ALONE = re.compile(r"\b(?i:in)\s+(?:" + _MONTH_NAMES + r")\s+alone\b")
_MONTH_AFTER = re.compile(r"\A\s+in\s+(?:" + _MONTH_NAMES + r")\b(?!\s+\d)(?![ \t]*,?[ \t]*(?:19|20)\d\d)")
_PURPOSE_AFTER = re.compile(
    r"\A\s*(?:of|in|for|to\s+buy|to\s+fund|to\s+finance|to\s+purchase|towards?|on)\s+(?:the\s+|new\s+|additional\s+|further\s+)?"
    r"(?P<p>(?:[A-Za-z][\w/-]*\s+){0,3}?[A-Za-z][\w/-]*)(?=\s*(?:[,.;:)\"”]|\s(?:to|for|from|by|in|over|this|next|that|which|with|at|as|and|until|through|on|after|before|since|was|were|is|are|will|would|has|had)\b|$))")
_LEAD_MODIFIERS = re.compile(r"\A(?:(?:more|other|additional|further|new|extra)\s+)+", re.IGNORECASE)
COUNT_NOUNS = frozenset("""
country nation state member participant manufacturer company developer person people job
employee worker donor partner project firm enterprise official soldier troop delegate staff
government ally leader minister producer supplier contractor startup member state
lawmaker legislator deputy senator voter delegation workshop factory plant facility
package tranche contract
""".split())
DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    name: str
    recipient: bool
    pronoun: str = ""        # kind a pointer word stands for ("company", "country", ...)
    weak: bool = False       # an adjective ("German arms maker") or a place ("in Britain")
    kind: str = "country"
    verb: bool = False       # the subject of a verb ("Germany has pledged", "Saab reported")
    agent: bool = False      # a "by X" agent ("funded in part by Norway")
    aside: bool = False      # in a since/after/against phrase: never the owner
    speaker: bool = False    # named after the figure as who said it (", EU officials said")
    receiver: bool = False   # the subject of "received"/"got": a recipient, not the owner
    source: bool = False     # a "from X" phrase: the giver when the subject received
    said_aside: bool = False  # ", Prague says," inside a sentence: a speaker, not the clause's subject


_IT_RE = re.compile(r"(?<![\w'’-])(?:[Ii]ts?)(?![\w'’-])")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]*(?![\w-])")


def learn_names(text: str) -> dict[str, str]:
    """Names the document uses as the subject of a verb ("Rheinmetall said", "BAE has"),
    each mapped to its longest form ("BAE" -> "BAE Systems")."""
    names: set[str] = set()
    lower_words = set(_LOWER_WORD.findall(text))
    name_matches = list(_NAME_RE.finditer(text))
    for m in name_matches:
        words = m.group("n").split()
        while words and words[0] in V.NOT_SUBJECTS:
            words = words[1:]
        if any(" ".join(words[:k]) in V.ENTITIES for k in range(2, min(len(words), 3) + 1)):
            continue                                      # "The Czech Republic": not "Czech" and a name "Republic"
        while words and (words[0] in V.NOT_SUBJECTS or words[0] in V.ENTITIES):
            words = words[1:]
        if (len(words) > 1 and words[-1].isupper() and words[-1].isalpha() and words[-1] not in V.COMPANY_SUFFIXES
                and not any(w.isupper() for w in words[:-1])):
            words = words[-1:]                               # "Franco-German KNDS", not "Hensoldt AG"
        if not words or any(w in V.NOT_SUBJECTS or w in V.ENTITIES for w in words) or words[0].isupper() and len(words[0]) > 4:
            continue
        if len(words) == 1 and (words[0].lower() in lower_words or words[0].lower() in V.UNITS or words[0].lower() in V.TENS
                                or not words[0].isupper() and words[0].endswith(V.PEOPLE_PLURAL_ENDINGS)):
            continue                                      # "Output is ...", "Three men", "Economists had": common words
        names.add(" ".join(words))
    people = _people(text)
    for m in name_matches:                           # "chief executive Armin Papperger said"
        if len(m.group("n").split()) <= 1:
            continue
        wb = _WORD_BEFORE_NAME.search(text, max(0, m.start() - 25), m.start())
        if wb and wb.group("w").lower() in V.PERSON_ROLE_WORDS:
            people.setdefault(m.group("n"), None)
    places = {m.group("n") for m in _PLACE_RE.finditer(text)}
    names |= _organisations(text, people)
    names = {n for n in names if n not in places and n not in people
             and not any(n in p.split() or p.startswith(n + " ") for p in people)}
    names = {n for n in names if n not in V.ENTITIES}
    out = {}
    for n in names:
        # "BAE" -> "BAE Systems"; but "Rheinmetall AG" -> "Rheinmetall", and not "Rheinmetall Backlog"
        longer = [o for o in names if o != n and o.startswith(n + " ")
                  and all(w in V.COMPANY_SUFFIXES and w not in V.LEGAL_FORMS for w in o[len(n):].split())]
        out[n] = min(longer, key=len) if longer else n
        words = n.split()
        if len(words) > 1 and words[-1] in V.LEGAL_FORMS:
            short = " ".join(words[:-1])
            if re.search(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])(?!\s+" + re.escape(words[-1]) + ")", text):
                out[n] = out.get(short, short) if short in names else short
    for person, owner in people.items():             # "Defence Minister Pat Conroy" -> Australia
        if owner:
            out[person] = owner
            out.setdefault(person.split()[-1], owner)
    return out


_PERSON = r"(?P<p>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})"
_TITLE = "(?:" + "|".join(V.PERSON_TITLES) + ")"
_ENTITY_ALT = "|".join(re.escape(k) for k in sorted(V.ENTITIES, key=len, reverse=True))
# Anchored on the title (a literal), so the scan stays fast; the country before the
# title is read from the few words before it.
_TITLED_BEFORE = re.compile(r"(?<![\w-])" + _TITLE + r"(?:\s+of\s+(?:the\s+)?(?P<e2>[A-Z][\w]+))?,?\s+" + _PERSON)
_ENTITY_BEFORE_TITLE = re.compile(r"(?P<e>" + _ENTITY_ALT + r")(?:['’]s)?\s+(?:[A-Z]?[a-z]+\s+){0,3}\Z")
_TITLED_AFTER = re.compile(r",\s+(?:the\s+)?(?P<e>" + _ENTITY_ALT + r")(?:['’]s)?\s+(?:[a-z]+\s+){0,3}?" + _TITLE)
_PERSON_BEFORE_COMMA = re.compile(_PERSON + r"\Z")
_ORG_BEFORE_TITLE = re.compile(r"(?<![\w-])(?P<o>[A-Z][\w&-]+(?:\s+[A-Z][\w&-]+)?)(?:['’]s)?\s+\Z")
_PLACE_RE = re.compile(
    r"\b(?:plant|plants|factory|factories|facility|facilities|site|works|base|headquarters|hub"
    r"|based|located|town|city|village|municipality)\s+(?:\w+\s+)?(?:in|at|near|outside)\s+"
    r"(?P<n>[A-Z][\w-]+)")


_CAP_SEQ = re.compile(r"(?<![\w'’&.-])[A-Z][\w&'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’-]*)*")
_NON_SPACE = re.compile(r"\S+")
_WORD_BEFORE_NAME = re.compile(r"(?<![\w-])(?P<w>[A-Za-z]+)[ \t]+\Z")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|from|of|to|across|for|with)[ \t]+(?:the[ \t]+)?\Z")
_STOP_IN_NAME = V.NOT_SUBJECTS | frozenset(t for t in V.PERSON_TITLES if " " not in t)


def _title_case_line(text: str, pos: int) -> bool:
    """A headline in title case ("Saab Wins Big Order"), where capitals mark no names."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[a:b if b >= 0 else len(text)])
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _organisations(text: str, people: dict[str, Optional[str]]) -> set[str]:
    """Bodies the text names without a verb after them: capitalised names of two or more
    words ("Hanwha Aerospace", "Nordic-Baltic Eight") and acronyms after a common noun
    ("arms maker KNDS"), minus people (titled, or later called by the last name alone),
    places ("in Unterluss"), events, and sub-bodies of a country ("Swiss Federal Council")."""
    out: set[str] = set()
    title_lines: dict[int, bool] = {}                          # line start -> title case
    counts: dict[str, int] = {}                               # findall counts over the text
    for m in _CAP_SEQ.finditer(text):
        g = m.group()
        if " " not in g and "\t" not in g:
            # one word: only an acronym can be a body ("KNDS"), whatever else holds
            bare = g[:-2] if g.endswith(("'s", "’s")) else g
            if not (bare.isupper() and bare.isalpha() and 3 <= len(bare) <= 5 and bare not in V.CURRENCY_CODES):
                continue
        line = text.rfind("\n", 0, m.start()) + 1
        tl = title_lines.get(line)
        if tl is None:
            tl = title_lines[line] = _title_case_line(text, m.start())
        if tl:
            continue
        toks = [(t.start(), t.group()) for t in _NON_SPACE.finditer(g)]
        toks = [(m.start() + a, w) for a, w in toks]
        while toks and toks[0][1] in V.NOT_SUBJECTS:
            toks = toks[1:]
        if not toks:
            continue
        words = [w for _, w in toks]
        whole = " ".join(words).removesuffix("'s").removesuffix("’s")
        if whole in V.ENTITIES:
            continue
        if words[0] in V.ENTITIES and len(words) > 1 and whole.split()[-1] in V.ORG_HEADS \
                and not any(w in V.PERSON_TITLES for w in words[1:]):
            out.add(whole)                                     # "Ukraine Facility"
            continue
        segs: list[tuple[int, list[str]]] = []
        seg: list[str] = []
        start = 0
        owned = False                                          # after a country: its sub-body
        for pos, w in toks + [(len(text), "The")]:             # "The" closes the last segment
            poss = w.endswith(("'s", "’s"))
            bare = w[:-2] if poss else w
            stop = (bare in _STOP_IN_NAME or bare in V.ENTITIES or bare.lower() in V.APPOSITION_NOUNS
                    or bare.rstrip(".").lower() in V.PERSON_ROLE_WORDS) and not (seg and bare in V.COMPANY_SUFFIXES)
            if stop:
                if seg and not owned:
                    segs.append((start, seg))
                seg = []
                owned = bare in V.ENTITIES and not poss
                continue
            if not seg:
                start = pos
            seg.append(bare)
            if poss:                                           # "Finland's Patria": the name ends here
                if not owned:
                    segs.append((start, seg))
                seg, owned = [], False
        for pos, seg in segs:
            if len(seg) == 1 and not (seg[0].isupper() and seg[0].isalpha() and 3 <= len(seg[0]) <= 5
                                      and seg[0] not in V.CURRENCY_CODES):
                continue                                        # the test below, made first
            if (len(seg) > 1 and seg[-1].isupper() and seg[-1].isalpha() and seg[-1] not in V.COMPANY_SUFFIXES
                    and not any(w.isupper() for w in seg[:-1])):
                pos, seg = text.find(seg[-1], pos), seg[-1:]      # "Franco-German KNDS"
                if len(seg[0]) >= 3:
                    out.add(seg[0])
                continue
            name = " ".join(seg)
            if (any(ch.isdigit() for ch in name) or name in people or any(name in p for p in people)
                    or seg[-1] in V.EVENT_HEADS or name.isupper() and len(seg) > 1):
                continue
            before = text[max(0, pos - 25):pos]
            if before.endswith(('"', '“', "'", "‘")):
                continue                                        # a term in quotes: "Rheinmetall Backlog"
            wb = _WORD_BEFORE_NAME.search(before)
            word_before = wb.group("w") if wb else ""
            if len(seg) == 1:
                w = seg[0]
                if not (w.isupper() and w.isalpha() and 3 <= len(w) <= 5 and w not in V.CURRENCY_CODES):
                    continue
                # an acronym is a body only after a common noun or a name ("arms maker KNDS",
                # "Franco-German KNDS") or as an owner ("KNDS's plant")
                if not (word_before.lower() in V.APPOSITION_NOUNS or word_before[:1].isupper()
                        or text.startswith(("'s", "’s"), pos + len(w))):
                    continue
            elif seg[-1] not in V.COMPANY_SUFFIXES:
                if word_before.lower() in V.PERSON_ROLE_WORDS:
                    continue                                    # "chief executive Armin Papperger"
                if _PLACE_BEFORE.search(before):
                    continue                                    # "in Unterluss", "for the World Economy"
                last_n = counts.get("w " + seg[-1])
                if last_n is None:
                    last_n = counts["w " + seg[-1]] = len(
                        re.findall(r"(?<![\w-])" + re.escape(seg[-1]) + r"(?![\w-])", text))
                name_n = counts.get("n " + name)
                if name_n is None:
                    name_n = counts["n " + name] = len(re.findall(re.escape(name), text))
                if last_n > name_n:
                    continue                                    # a person, later called "Papperger"
            out.add(name)
    return out


def _people(text: str) -> dict[str, Optional[str]]:
    """People named with a title ("Australian Defence Minister Richard Marles", "Marles,
    Australia's defence minister") and the country or body they speak for (None if the
    text does not say): a person is never the subject, their country is."""
    out: dict[str, Optional[str]] = {}
    for m in _TITLED_BEFORE.finditer(text):
        person = m.group("p").removesuffix("'s").removesuffix("’s")
        words = person.split()
        if words[0] in V.ENTITIES or words[0] in V.NOT_SUBJECTS or words[-1] in V.COMPANY_SUFFIXES:
            continue
        em = _ENTITY_BEFORE_TITLE.search(text, max(0, m.start() - 50), m.start())
        ent = em.group("e") if em else (m.group("e2") if m.group("e2") in V.ENTITIES else None)
        known = next((V.ENTITIES[w] for w in words if w in V.ENTITIES), None)   # Boris Pistorius
        om = _ORG_BEFORE_TITLE.search(text, max(0, m.start() - 40), m.start())
        org = om.group("o") if om and om.group("o").split()[0] not in V.NOT_SUBJECTS else None
        out[person] = V.ENTITIES[ent] if ent else known or org or out.get(person)   # Rheinmetall CEO X
    for m in _TITLED_AFTER.finditer(text):
        pm = _PERSON_BEFORE_COMMA.search(text, max(0, m.start() - 40), m.start())
        if pm and pm.group("p").split()[0] not in V.NOT_SUBJECTS:
            out[pm.group("p")] = V.ENTITIES[m.group("e")]
    return out


def _candidates(text: str, s: int, e: int, learned: Optional[re.Pattern], learned_map: dict[str, str]
                ) -> list[_Cand]:
    """Who could own a figure in text[s:e]: named countries, organisations, groups,
    companies, and group words that point back ("the coalition")."""
    out: list[_Cand] = []
    sent = text[s:e]
    taken: list[tuple[int, int]] = []

    def add(a: int, b: int, name: str, pronoun: str = "", kind: str = "country") -> None:
        if any(a < y and x < b for x, y in taken):
            return
        taken.append((a, b))
        before = text[max(s, a - 30):a]
        poss = text[a:b].endswith(("'s", "’s")) or text.startswith(("'s", "’s"), b)
        head_verb = not pronoun and (_VERB_AFTER_HEAD.match(text, b, e) is not None
                                     or poss and _CAP_HEAD_VERB_AFTER.match(text, b, e) is not None)
        # a name in apposition takes the verb after it: "The manufacturer, Nammo, delivers"
        appos = before.rstrip().endswith(",") and text.startswith(",", b)
        verb = (_VERB_AFTER.match(text, b, e) is not None or head_verb
                or appos and _VERB_AFTER.match(text, b + 1, e) is not None)
        weak = bool(_LOCATION_BEFORE.search(before)) or (
            kind == "country" and text[a:b] not in (name, name + "'s", name + "’s")
            and text[a:b] in V.ENTITIES and re.match(r"\s+[a-z]", text[b:b + 2]) is not None
            and not verb)
        receiver = _RECEIVE_AFTER.match(text, b, e) is not None
        according = _ACCORDING_BEFORE.search(before) is not None
        speaker = (_SPEAKER_BEFORE.search(before) is not None and _SPEAKER_AFTER.match(text, b, e) is not None
                   or according)
        source = _FROM_BEFORE.search(before) is not None
        line = text.rfind("\n", 0, a) + 1
        dm = _DATELINE.match(text, line) if a - line < 60 else None
        dateline = dm is not None and a < dm.end()
        out.append(_Cand(a, b, name, not source and not according and _RECIPIENT_BEFORE.search(before) is not None,
                         pronoun, weak and not speaker, kind, verb=verb and not weak and not receiver,
                         agent=bool(_AGENT_BEFORE.search(before)),
                         aside=dateline or bool(_ASIDE_BEFORE.search(before)), speaker=speaker, receiver=receiver,
                         source=source, said_aside=speaker and _SAID_ASIDE.match(text, b, e) is not None))

    # every match holds one of these words (a cheap test first)
    has_group = "coalition" in sent or "initiative" in sent or "model" in sent or "Contact" in sent
    for m in (_GROUP_RE.finditer(sent) if has_group else ()):
        if m.group("full"):
            name = " ".join(m.group("full").split())
        else:
            mod = m.group("cap") or m.group("mod")
            if mod.lower() in ("the", "a", "an", "this", "that", "its", "their", "new"):
                continue
            if mod.split()[-1].lower() in ("the", "a", "an", "this", "that", "its", "their", "our", "new", "of", "to", "and"):
                continue                                  # "joined the coalition"
            mod = re.sub(r"-(?:led|backed|run|based)$", "", mod)
            name = f"{mod} {m.group('g')}"
        add(s + m.start(), s + m.end(), name, kind="group")
    for m in _BARE_GROUP.finditer(sent):
        kind = V.POINTER_NOUNS[m.group("g").lower()]
        named = [w for w in re.findall(r"[\w-]+", m.group()[:m.start("g") - m.start()]) if w in V.ENTITIES]
        if named and kind == "country":                   # "the Dutch ministry" is the Netherlands
            add(s + m.start(), s + m.end(), V.ENTITIES[named[-1]])
        else:
            add(s + m.start(), s + m.end(), m.group("g").lower(), pronoun=kind)
    for m in _GIVERS_RE.finditer(sent):
        *mods, head = m.group().split()
        add(s + m.start(), s + m.end(), " ".join(mods + [head.lower()]), kind="group")  # "Donors" opening a sentence: donors
    if learned is not None:
        for m in learned.finditer(sent):
            add(s + m.start(), s + m.end(), learned_map[m.group()], kind="company")

    for m in _ENTITY_RE.finditer(sent):
        add(s + m.start(), s + m.end(), V.ENTITIES[m.group("n")])
    # "it"/"its" as the subject or owner point back to the last subject ("It employs ...")
    for m in _IT_RE.finditer(sent):
        add(s + m.start(), s + m.end(), "it", pronoun="any")
    out.sort(key=lambda c: c.start)
    # "Norway and Finland will each contribute": one subject of two names.
    joined: list[_Cand] = []
    for c in out:
        if (joined and not c.pronoun and not joined[-1].pronoun and c.kind == joined[-1].kind == "country"
                and re.fullmatch(r"\s+and\s+", text[joined[-1].end:c.start])
                and not c.weak and not joined[-1].weak and c.name != joined[-1].name):
            p = joined[-1]
            joined[-1] = _Cand(p.start, c.end, f"{p.name} and {c.name}", p.recipient, "", False, "country")
        else:
            joined.append(c)
    return joined


# Givers named by a common noun, as the subject of a verb ("donors had allocated", "allies
# have provided"): theirs is the figure, not the tracker that counted it.
_GIVERS_RE = re.compile(r"(?<![\w-])(?:(?:western|european|other)\s+)?(?:donors|allies|partners|backers)(?=\s+(?:have|had|has|will|would|"
                        r"together|jointly|collectively|so\s+far|pledged|provided|gave|sent|allocated|delivered|committed|supplied))",
                        re.IGNORECASE)
_PAREN = re.compile(r"\([^()]{1,120}\)|\s[-–—]\s[^-–—]{1,120}?\s[-–—]\s")
_ADJACENT = re.compile(r"(?:['’]s)?[ \t]*(?:[:–-][ \t]*)?")
_SAID_IT = re.compile(r"(?:['’]s)?(?:,[^,;.()\n]{1,80},)?(?:\s+[A-Za-z][\w-]*){0,2}?\s+(?:(?:has|have|had|also)\s+)?(?:"
                      + "|".join(sorted(V.SPEAKER_VERBS)) + r")(?:\s+(?:last|this|on|late|early)\s+[A-Za-z]+)?\s+(?:that\s+)?")


def _counts_people(unit: str) -> bool:
    """Whether the unit is people or members ("staff", "military staff"); a figure may have
    no unit yet (one is borrowed later, or it is dropped)."""
    return unit in COUNT_NOUNS or unit.rpartition(" ")[2] in COUNT_NOUNS


_PARTITIVE_OF = re.compile(r"\bof\s+(?:the|its|their)\s+\Z", re.IGNORECASE)
_PROMISED_AFTER = re.compile(r"\s*(?:(?:that|which)\s+)?(?:(?:it|they|we|he|she|[A-Z][\w-]+)\s+)?(?:(?:has|have|had)\s+)?"
                             r"(?:been\s+)?(?:promised|pledged|committed|ordered)\b")


def _category(text: str, f: "Found", sent_start: int, hi: int, period: Optional[str],
              cues: Optional[_CueIndex] = None) -> str:
    """The nearest cue word before the figure in its sentence decides; a passive verb
    right after it ("were delivered") comes first; people and members are counts."""
    unit = f.unit
    if unit in DURATION_UNITS or unit in ("%", "times"):
        return "other"
    if _ARRIVE_LATER.match(text, f.end, hi):
        return "pledge"                                # "16 tanks will arrive by summer", "12 more are to follow"
    if _ARRIVE_AFTER.match(text[f.end:hi]):
        return "delivery"
    if _PARTITIVE_OF.search(text, max(sent_start, f.start - 12), f.start) and _PROMISED_AFTER.match(text, f.end, hi):
        return "pledge"                                # "delivered 18 of the 24 jets it promised": the whole is the promise
    pm = _PASSIVE.search(text[f.end:hi])
    if pm and pm.lastgroup and pm.lastgroup != "aux":
        if pm.lastgroup == "delivery" and _FUTURE_AUX.fullmatch(pm.group("aux")):
            return "pledge"                            # "to be delivered between 2026 and 2029"
        if pm.lastgroup == "other" or not _counts_people(unit):
            return pm.lastgroup                        # "12 people were injured" is a loss
    if unit[:1].islower() and _counts_people(unit):
        return "count"
    best: Optional[str] = None
    if cues is not None:
        cue = cues.last(max(sent_start, f.start - 200), f.start) or cues.first(f.end, hi)
        best = _CUE_CATEGORY[cue.lower()] if cue else None
    else:
        for m in _ANY_CUE.finditer(text, max(sent_start, f.start - 200), f.start):
            best = _CUE_CATEGORY[m.group().lower()]
        if best is None:
            cm = _ANY_CUE.search(text, f.end, hi)
            best = _CUE_CATEGORY[cm.group().lower()] if cm else None
    money = unit.isupper()
    if money and best == "capacity" and period is None:
        return "pledge"
    if best == "count" and money:
        return "pledge"
    if best:
        return best
    return "pledge" if money else "count"


def _period(text: str, f: "Found", lo: int, hi: int, clause: tuple[int, int],
            after_figure: bool = False) -> Optional[str]:
    """A period word next to the figure first, then one elsewhere between its neighbours
    (not one that follows the previous figure: "3 million a year and several million more"),
    then a single year or month the clause is about."""
    if f.unit in DURATION_UNITS or f.unit in ("%", "times"):
        return None
    after = text[f.end:min(hi, f.end + 60)]
    m = _PERIOD.match(after.lstrip()) if after.strip() else None
    if m:
        return V.PERIODS[m.group("p").lower()]
    own_year = _one_year(text, f, clause)
    if own_year:
        return own_year
    found = None
    for m in _PERIOD.finditer(text, max(lo, f.start - 80), f.start):
        if after_figure and _OWN_RATE_GAP.fullmatch(text, lo, m.start()) \
                and not _SAME_RATE_GAP.fullmatch(text, m.end(), f.start):
            continue                                   # the previous figure's own rate
        found = V.PERIODS[m.group("p").lower()]
    if found:
        return found
    m = _PERIOD.search(after)
    return V.PERIODS[m.group("p").lower()] if m else None


def _one_year(text: str, f: "Found", clause: tuple[int, int]) -> Optional[str]:
    """"year" for a money or materiel figure tied to one year ("in 2025", "For 2024 the
    company expects", "a 2025 budget that allocates"), "month" for one month's total ("In
    November alone"); not for stocks ("backlog of £69.8 billion for 2023"), head counts
    ("hire 4,000 staff during 2024") or a figure compared with ("up from three in 2014")."""
    c_lo, c_hi = clause
    unit = f.unit
    if unit[:1].islower() and _counts_people(unit):
        return None
    if _STOCK.search(text, max(c_lo, f.start - 60), f.start):
        return None
    if _MONTH_ALONE.search(text, max(c_lo, f.start - 100), f.start) or _MONTH_AFTER.match(text[f.end:c_hi]):
        return "month"
    if _ONE_YEAR.match(text[f.end:min(c_hi, f.end + 45)]):
        return "year"
    head = text[c_lo:f.start]
    if _FOR_YEAR_BEFORE.search(head):
        return "year"
    if unit.isupper() and (_IN_YEAR_BEFORE.search(head) or _YEAR_BUDGET.search(text, c_lo, c_hi)):
        return "year"
    return None


def _purpose(text: str, f: "Found", category: str, hi: int, figure_at_hi: bool) -> Optional[str]:
    """What money is for or what materiel is: the unit's own words, or a few words after a
    sum ("for air defence"), up to `hi` (the end of the sentence, or the next figure when
    `figure_at_hi`: words that run into it are that figure's, as in "of a promised $12 billion")."""
    if category not in ("pledge", "delivery", "capacity"):
        return None
    if f.unit and f.unit[:1].islower() and f.unit not in DURATION_UNITS and f.end > f.num_end:
        words = _LEAD_MODIFIERS.sub("", text[f.num_end:f.end].strip(" -\n\t"))
        words = " ".join(words.split())
        if words.lower().startswith("of "):
            return None
        return words or None
    if f.unit.isupper():
        m = _PURPOSE_AFTER.match(text[f.end:hi])
        if m and figure_at_hi and not text[f.end + m.end():hi].strip():
            return None
        if m and not re.match(r"\d", m.group("p")):
            p = m.group("p")
            if p.split()[0] in V.ENTITIES or p.split()[0].lower() in ("which", "that", "it", "them", "its"):
                return None
            return p
    return None


_COORDINATED = re.compile(r"\s*,?\s*(?:and|or|plus|as\s+well\s+as)?\s*", re.IGNORECASE)
# what ends one figure's clause and starts another's between two figures of a sentence
_CLAUSE_BREAK = re.compile(r",\s*(?:while|whereas|and|but)\b|\bwhile\b|\bwhereas\b|\bbut\b|;", re.IGNORECASE)


def _recipient(text: str, f: "Found", category: str, subject: Optional[str], cands: list[_Cand],
               receivers: list[_Cand], prev_end: int, next_start: int, resolve) -> Optional[str]:
    """Who receives a pledge or delivery: the subject of "received"; else the first "to X"
    after the figure and before the next one ("$61 billion for Ukraine" is not the $95
    billion's), else the last before it in the same clause; "to the coalition" means the
    coalition named before."""
    if category not in ("pledge", "delivery"):
        return None
    if receivers:
        name = resolve(receivers[-1], cands)
        return name if name != subject else None
    recips = [c for c in cands if c.recipient and not _other_line(text, c, f)
              and (not c.pronoun or c.pronoun == "group")]
    # "80 carriers and 800 drones to Ukraine": figures joined by "and" share the recipient
    shared = next_start < len(text) and _COORDINATED.fullmatch(text, f.end, next_start) is not None
    later = [c for c in recips if f.start <= c.start and (c.start < next_start or shared)]
    before = [c for c in recips if c.end <= f.start
              and not (c.end <= prev_end and _CLAUSE_BREAK.search(text, c.end, f.start))]
    for c in later[:1] or before[-1:]:
        name = resolve(c, cands)
        if name and name != subject:
            return name
    return None


def _paragraph(text: str, pos: int) -> int:
    """Where the paragraph holding `pos` starts (after the last blank line)."""
    m = text.rfind("\n\n", 0, pos)
    return m + 2 if m >= 0 else 0


_LIST_LINE = re.compile(r"[ \t]*(?:[-*•–·][ \t]|\d{1,2}[.)][ \t]|[^\n:.]{1,40}:[ \t]*\S)")


def _other_line(text: str, c: _Cand, f: "Found") -> bool:
    """A name on another line of a list ("- Poland: 300\n- Latvia: 40") neither owns nor
    receives the figure; a sentence wrapped over two lines is still one sentence."""
    a, b = (c.end, f.start) if c.end <= f.start else (f.end, c.start)
    if "\n" not in text[a:b]:
        return False
    f_line = text.rfind("\n", 0, f.start) + 1
    c_line = text.rfind("\n", 0, c.start) + 1
    return bool(_LIST_LINE.match(text, f_line) or _LIST_LINE.match(text, c_line))


def _main_actor(text: str, spans: list[tuple[int, int]], learned: Optional[re.Pattern],
                learned_map: dict[str, str], cand_cache: Optional[dict[int, list[_Cand]]] = None
                ) -> Optional[str]:
    """The document's main actor: the name most often the subject of a verb, else the
    first name of the headline (the first sentence)."""
    counts: dict[str, int] = {}
    first: Optional[str] = None
    for k, (s, e) in enumerate(spans[:60]):
        if cand_cache is None:
            cands = _candidates(text, s, e, learned, learned_map)
        else:
            cands = cand_cache.get(k)
            if cands is None:
                cands = cand_cache[k] = _candidates(text, s, e, learned, learned_map)
        for c in cands:
            if c.pronoun or c.recipient or c.aside or c.weak or c.receiver:
                continue
            if first is None:
                first = c.name
            if c.verb:
                counts[c.name] = counts.get(c.name, 0) + 1
    if counts:
        return max(counts.items(), key=lambda kv: (kv[1], -list(counts).index(kv[0])))[0]
    return first


def describe(text: str, found: "list[Found]", shown: Optional[str] = None) -> list[Attributes]:
    """The attributes of each found figure, from its sentence (and those before); the
    sentence as it stands in `shown` (the text as written, of the same length), if given."""
    shown = text if shown is None else shown
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    learned_map = learn_names(text)
    learned = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(learned_map, key=len, reverse=True))
                         + r")(?![\w-])") if learned_map else None
    out: list[Attributes] = []
    cand_cache: dict[int, list[_Cand]] = {}
    last: dict[str, Optional[str]] = {"any": None, "company": None, "country": None, "group": None}
    subject_by_sentence: dict[int, Optional[str]] = {}

    main_actor = _main_actor(text, spans, learned, learned_map, cand_cache)
    cues = _CueIndex(text)
    last_para = -1

    def remember(name: Optional[str], kind: str) -> None:
        nonlocal last_para
        if name:
            last["any"] = name
            last[kind] = name
            last_para = _paragraph(text, f.start)

    def resolve(c: _Cand, cands: list[_Cand]) -> Optional[str]:
        if c.pronoun == "any":
            # "Rheinmetall said it would", "the group says it can": the name just before;
            # else the last subject
            here = [d for d in cands if d.verb and d.end <= c.start and d.pronoun != "any"
                    and _SAID_IT.fullmatch(text, d.end, c.start) and not _PEOPLE_SPEAK.search(text, d.end, c.start)]
            if not here and text[c.start:c.end].lower() == "its":
                # "Denmark's latest package, its 25th": the owner named before it
                here = [d for d in cands if d.end <= c.start and not d.pronoun and not d.recipient
                        and not d.weak and not d.aside and not d.receiver]
            return resolve(here[-1], cands) if here else last["any"] or main_actor
        if c.pronoun:
            # "Papperger said the company would": the pointer means a name of its kind
            # said before it in the sentence, else the last one of the document
            here = [d.name for d in cands if d.kind == c.pronoun and not d.pronoun and d.end <= c.start
                    and not d.recipient and not d.weak]
            return (c.pronoun if c.pronoun in ("EU", "NATO") else
                    here[-1] if here else last.get(c.pronoun)) or last["any"] or main_actor
        return c.name

    seen = -1                                            # the last sentence read for pointers
    for k, f in enumerate(found):
        i = max(0, bisect.bisect_right(starts, f.start) - 1)
        s, e = spans[i]
        # "Rheinmetall is the biggest contributor. The German group says ...": a sentence
        # without figures still names what later pointers mean
        for j in range(seen + 1, i):
            if j not in cand_cache:
                cand_cache[j] = _candidates(text, spans[j][0], spans[j][1], learned, learned_map)
            for c in cand_cache[j]:
                if c.verb and not (c.pronoun or c.weak or c.recipient or c.aside or c.receiver):
                    last["any"] = last[c.kind] = c.name
                    last_para = _paragraph(text, spans[j][0])
        seen = max(seen, i)
        if i not in cand_cache:
            cand_cache[i] = _candidates(text, s, e, learned, learned_map)
        cands = cand_cache[i]
        prev_end = found[k - 1].end if k and found[k - 1].end > s else s
        next_start = found[k + 1].start if k + 1 < len(found) and found[k + 1].start < e else e
        # the figure's clause: a ";" ends one ("... 26 of the 27 member states backed it; Hungary did not")
        c_lo = max(s, text.rfind(";", s, f.start) + 1)
        c_hi = text.find(";", f.end, e)
        c_hi = e if c_hi < 0 else c_hi
        # names in a parenthesis or between dashes that do not hold the figure are asides
        asides = [(m.start(), m.end()) for m in _PAREN.finditer(text, s, e)
                  if not (m.start() <= f.start < m.end())]
        usable = [c for c in cands if not c.recipient and not c.aside and not c.receiver
                  and not any(x <= c.start < y for x, y in asides)
                  and c_lo <= c.start < c_hi and not _other_line(text, c, f)
                  and not (c.pronoun == "any" and not c.verb and text[c.start:c.end].lower() != "its")]
        strong_before = [c for c in usable if c.end <= f.start and not c.weak]
        # a name right before the figure owns it ("and Canada CAD 40 million", "Latvia: 500")
        adjacent = [c for c in strong_before if (not c.pronoun or text[c.start:c.end].lower() == "its")
                    and _ADJACENT.fullmatch(text, c.end, f.start)]
        # the grammatical subject of the clause first, then a speaker named after the figure
        # (", EU officials said"), then the nearest name, a "by X" agent last ("funded in part by Norway")
        verbs_before = [c for c in strong_before if c.verb and not c.agent and not c.said_aside]
        speakers = [c for c in usable if c.speaker and c.start >= f.end and not c.weak]
        plain_before = [c for c in strong_before if not c.agent and not c.speaker]
        strong_after = [c for c in usable if c.start >= f.num_start and not c.weak and not c.agent
                        and not c.pronoun and not c.source]
        agents = [c for c in usable if c.agent and not c.weak]
        weak_before = [c for c in usable if c.weak and c.end <= f.start]
        weak_after = [c for c in usable if c.weak and c.end > f.start]
        # "Ukraine has received 6 batteries from its allies": the giver follows "from"
        receivers = [c for c in cands if c.receiver and c.end <= f.start and c_lo <= c.start]
        sources = [c for c in cands if c.source and c.start >= f.end and not c.pronoun and c.start < c_hi]
        counted = f.unit[:1].islower() and f.unit not in DURATION_UNITS
        of_owner = [c for c in usable if counted and not c.weak and _OF_OWNER.fullmatch(text, f.end, c.start)]
        pick = (of_owner[0] if of_owner else adjacent[-1] if adjacent else sources[0] if receivers and sources
                else verbs_before[-1] if verbs_before else speakers[0] if speakers
                else plain_before[-1] if plain_before
                else strong_after[0] if strong_after else agents[0] if agents
                else weak_before[0] if weak_before else None)
        subject: Optional[str]
        if pick is None:
            same_para = last["any"] if last_para == _paragraph(text, f.start) else None
            subject = subject_by_sentence.get(i) or same_para or main_actor
            if subject is None and weak_after:
                subject = weak_after[0].name
        else:
            subject = resolve(pick, cands)
        if i not in subject_by_sentence:
            subject_by_sentence[i] = subject
        period = _period(text, f, prev_end, next_start, (c_lo, c_hi), prev_end > s)
        category = _category(text, f, s, e, period, cues)
        recipient = _recipient(text, f, category, subject, cands, receivers, prev_end, next_start, resolve)
        out.append(Attributes(
            sentence=fold(shown[s:e]), category=category, subject=subject,
            period=period, recipient=recipient,
            purpose=_purpose(text, f, category, next_start, next_start < e)))
        # what later pointers ("the company", "it") resolve to
        for c in cands:
            # a pointer of a kind ("the company") means the last name of that kind; "it" the
            # last subject
            if not c.pronoun and not c.weak and not c.recipient and not c.aside and c.start < f.end:
                if c.verb:
                    remember(c.name, c.kind)
                else:
                    last[c.kind] = c.name
        if subject and pick is not None and not pick.pronoun:
            remember(subject, pick.kind)
        elif subject and pick is not None and pick.pronoun == "any":
            remember(subject, "any")
    return out
