"""The one way a figure's text becomes a number (STYLE.md habit 7).

`NUMBER_PATTERN` finds a figure in running text; `parse_number` turns what it found
into a `Decimal`. NOTE: keep the two in sync: every form the pattern accepts must parse.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, Overflow, Underflow
from typing import Optional

from ._vocab import COMPOUND_ORDINALS, FRACTIONS, HUNDREDS, SCALES, TENS, UNITS, VULGAR_FRACTIONS

_SPACES = "\u00a0\u202f\u2009 "


def _alt(words: list[str]) -> str:
    """Regex alternation, longest first so "million" wins over "mil"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# Scale words written after digits. Single capital letters only when glued to the
# digits ("10M", "$2.174T"), or before the end of a clause, since "5 T-72 tanks" is a
# tank count; "k" and the two-letter abbreviations may stand apart ("2.33 k", "5 bn").
_SCALE_LONG = _alt([w for w in SCALES if len(w) > 1 and w != "MM" and w.islower()])
SCALE_AFTER_DIGITS = rf"""
(?:
   (?:\s*|-(?=[a-z]))(?:{_SCALE_LONG})(?![\w])   # 5 million, 5 bn, 5mln, $1.2-billion, $2.5bn-a-year
     (?:\s+and\s+(?:a|one)\s+(?:half|quarter)(?![\w]))?  # 3 million and a half
  |(?-i:MM|[kKMBGTmb])(?![\w])                     # 10M, 1.2b, 5k, $5m (glued)
  |[ ]+(?-i:[kK])(?![\w-])                          # 2.33 k
  |[ ]+(?-i:[MGBT])(?=\s*(?:$|[.,;:!?)]))           # 1,674.5 G at a clause end
)"""

# Digits: thousands separators "," "." or a (narrow/no-break) space; decimals; Indian
# lakh grouping; a leading ".25"; scientific "1.3e6" / "1.3x10^6"; fractions "3/4".
DIGITS_PATTERN = rf"""
(?:
  (?:(?<![\w.,\-−])[-−](?=\.?\d)|(?<![\w-])(?<!plus\ or\ )(?:minus|negative)\s+(?=\d)   # a sign only where no word or number precedes; "plus or minus 2%" is a margin
    |(?:\A|(?<=\n\n))[-−][ \t]+(?=\d[\d.,/ \t]*(?:(?:{_SCALE_LONG}|[kKMBGT])[ \t]*)?(?:\n[ \t]*\n|\n?\Z))  # "- 10 k": a paragraph that is one signed number; a bullet has words after, or other bullets around
  )?
  (?>
     \d{{1,3}}(?:,\d{{2}})+,\d{{3}}(?![\d])(?:\.\d+)?        # 12,34,567.89 (Indian)
    |\d{{1,3}}(?:,\d{{3}})+(?![\d])(?:\.\d+)?               # 1,234,567.5
    |\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?![\d])(?:[.,]\d+)?   # 1 234 567
    |\d{{1,3}}(?:\.\d{{3}}){{2,}}(?![\d])(?:,\d+)?          # 1.234.567 (European)
    |\d{{1,3}}(?:\.\d{{3}})+,\d+                            # 1.111,11 (European)
    |\d+(?:[.,]\d+)?                                         # 2.5, 2,5, 1500
    |\.\d+                                                   # .25
  )
  (?:[eE][+-]?\d+(?![\w])|\s?[x×]\s?10\s?\^?\s?[-−+]?\d+|\^[-+]*\d+)?  # 1.3e6, 2.48×10−5, 1.3x10^6, 1.1^23
  (?:(?<=\d)/\d+(?!\d|/)|\s+\d/\d+(?![\d/]))?               # 3/4 or 2 1/4
  |[{"".join(VULGAR_FRACTIONS)}]
)"""

_WORDS = _alt(list(UNITS) + list(TENS) + list(HUNDREDS) + [w for w in SCALES if len(w) > 3]
              + list(FRACTIONS))
_NUMWORD = rf"(?:{_WORDS})(?![\w])"
# Ordinals of one to nine: the end of a compound denominator ("twenty-fifths").
_UNIT_ORDINALS = frozenset([w for w, v in FRACTIONS.items() if v < 10] + list(COMPOUND_ORDINALS))
_JOIN = r"(?:\s*-\s*|\s+)"
# "twenty-first": a number word only as one piece, since "first" alone is an ordinal.
_TENS_FIRST = rf"(?:{_alt(list(TENS))}){_JOIN}(?:{_alt(list(COMPOUND_ORDINALS))})(?![\w])"
_ELEMENT = rf"(?:{_TENS_FIRST}|{_NUMWORD})"
# Words "a"/"an" can count: "a hundred", "a dozen", "a million", "a quarter", "a twenty-fifth".
_A_WORDS = _alt(list(HUNDREDS) + [w for w in SCALES if len(w) > 3] + list(FRACTIONS))
_A_COMPOUND = rf"(?:{_alt(list(TENS))}){_JOIN}(?:{_alt(list(_UNIT_ORDINALS))})(?![\w])"
# A spoken number: number words joined by spaces, hyphens, "and", "point".
# parse_word_prefix() later cuts an "and" that joins two separate numbers.
WORDS_PATTERN = rf"""
(?<![\w-])
(?:(?<!plus\ or\ )(?:minus|negative)\s+)?
(?:(?:a|an)\s+(?=(?:{_A_WORDS})(?![\w])|{_A_COMPOUND}))?
{_ELEMENT}
(?:
  (?:\s*-\s*|\s+|\s+(?:and|&)\s+(?:(?:a|an)\s+)?|\s+point\s+|\s+(?:of\s+)?(?:a|an)\s+)
  (?:{_ELEMENT}|\d+(?:\.\d+)?(?![\w.,]))
)*
"""

# Digits then words ("4 thousand 3 hundred and 21", "3 hundred and 2").
MIXED_PATTERN = rf"""
(?:\d{{1,3}}(?:\.\d+)?\s+(?=(?:hundred|thousand|dozens?|dzs|dozs)\b)(?:{_NUMWORD})(?:(?:\s+|\s+and\s+)(?:{_NUMWORD}|\d{{1,3}}(?![\w.,])))*)
"""

_NUM_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z]+|&", re.I)
_LEADING_DIGITS = re.compile(rf"\s*({DIGITS_PATTERN})", re.VERBOSE | re.I)
_SCIENTIFIC = re.compile(r"^(.*?)(?:[eE]([+-]?\d+)|\s?[x×]\s?10\s?\^?\s?([-−+]?\d+))$")
_POWER = re.compile(r"^([\d.,]+)\^([-+]*)(\d+)$")    # 1.1^23; not 1.3x10^6 (scientific)
_FRACTION = re.compile(r"(?:(\d+)\s+)?(\d+)/(\d+)")
_INDIAN = re.compile(r"\d{1,3}(,\d{2})+,\d{3}")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_SIGN_WORD = re.compile(r"(?:minus|negative)\s+(?=\d)", re.I)
_WORD_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?|&")


def scale(word: str) -> Decimal:
    """Multiplier for a scale word; wire copy writes "bn", "billion" and "bln" alike.

    >>> scale("bn")
    Decimal('1000000000')
    >>> scale("Million")
    Decimal('1000000')
    >>> scale("tn")
    Decimal('1000000000000')
    """
    w = word.strip()
    if w in SCALES:
        return Decimal(SCALES[w])
    return Decimal(SCALES.get(w.lower(), 1))


def parse_digits(text: str, decimal_separator: Optional[str] = None) -> Optional[Decimal]:
    """The value of a figure written in digits, or None when it is not one number.

    Commas followed by groups of three are thousands separators, otherwise a decimal
    comma; a single dot is a decimal point unless `decimal_separator` is ","
    (continental copy), several dots are thousands separators.

    >>> parse_digits("1,500")
    Decimal('1500')
    >>> parse_digits("1 500")
    Decimal('1500')
    >>> parse_digits("1.500", decimal_separator=",")
    Decimal('1500')
    >>> parse_digits("4.800")
    Decimal('4.800')
    >>> parse_digits("1.111,11")
    Decimal('1111.11')
    >>> parse_digits("12,34,567.89")
    Decimal('1234567.89')
    >>> parse_digits("5,00")
    Decimal('5.00')
    >>> parse_digits("1.3e6")
    Decimal('1.3E+6')
    >>> parse_digits("2 1/4")
    Decimal('2.25')
    >>> parse_digits("-4/5")
    Decimal('-0.8')
    >>> parse_digits("¾")
    Decimal('0.75')
    """
    s = text.strip().replace("−", "-")
    for ch in _SPACES:
        s = s.replace(ch, " ")
    if s in VULGAR_FRACTIONS:
        num, den = VULGAR_FRACTIONS[s]
        return Decimal(num) / Decimal(den)
    sign = Decimal(1)
    if s.startswith("-"):
        sign, s = Decimal(-1), s[1:].strip()
    frac = _FRACTION.fullmatch(s)
    if frac:
        whole, num, den = frac.groups()
        if int(den) == 0:
            return None
        return sign * (Decimal(whole or 0) + Decimal(num) / Decimal(den))
    power = _POWER.match(s)
    if power:
        base = parse_digits(power.group(1), decimal_separator)
        exp = int(power.group(3)) * (-1 if power.group(2).count("-") % 2 else 1)
        if base is None or (base == 0 and exp < 0):
            return None
        try:
            return sign * (base ** exp if exp >= 0 else 1 / base ** -exp)
        except (Overflow, Underflow, InvalidOperation):  # 24^1122024: no number a claim can hold
            return None
    sci = _SCIENTIFIC.match(s)
    exponent = 0
    if sci and (sci.group(2) or sci.group(3)):
        s = sci.group(1)
        exponent = int((sci.group(2) or sci.group(3)).replace("−", "-"))
    s = s.replace(" ", "")
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):           # 1.111,11
            s = s.replace(".", "").replace(",", ".")
        else:                                     # 1,111.11
            s = s.replace(",", "")
    elif "," in s:
        groups = s.split(",")
        if all(len(g) == 3 for g in groups[1:]) or _INDIAN.fullmatch(s):
            if decimal_separator == "," and len(groups) == 2:
                s = s.replace(",", ".")
            else:
                s = s.replace(",", "")
        elif len(groups) == 2:
            s = s.replace(",", ".")
        else:
            return None
    elif s.count(".") > 1:
        if not all(len(g) == 3 for g in s.split(".")[1:]):
            return None
        s = s.replace(".", "")
    elif "." in s and decimal_separator == "," and len(s.split(".")[1]) == 3:
        s = s.replace(".", "")
    try:
        value = Decimal(s)
        return sign * value.scaleb(exponent) if exponent else sign * value
    except (Overflow, Underflow, InvalidOperation):  # not a number, or 6x10^-5052024
        return None


def _digit_string(words: list[str]) -> tuple[str, int]:
    """Digits spoken after "point" and how many words they took:
    "zero three" -> "03", "seventy-one" -> "71"."""
    out, i = "", 0
    while i < len(words):
        w = words[i]
        if w in TENS and i + 1 < len(words) and words[i + 1] in UNITS and UNITS[words[i + 1]] < 10:
            out += str(TENS[w] + UNITS[words[i + 1]])
            i += 2
            continue
        if w in UNITS:
            out += str(UNITS[w])
        elif w in TENS:
            out += str(TENS[w])
        elif w.isdigit():
            out += w
        else:
            break
        i += 1
    return out, i


_NOT_A_FRACTION = object()      # parse_words reads the tokens itself
_AND = ("and", "&")


def _small(t: str) -> bool:
    """A word for a number under one hundred."""
    return t in UNITS or t in TENS


def _spoken_fraction(tokens: list[str]) -> object:
    """The value of a spoken fraction whose last word is its denominator, read the way
    English reads it, or _NOT_A_FRACTION when the word-by-word reading is the same, or
    None for an ordinal ("twenty-first", "forty-fifth"). Rules, in order:
    1. an "and" after a unit or tens word ends the whole part of a mixed number
       ("six and two fifths"), and so does one after "hundred" when a proper fraction
       follows ("one hundred and three quarters"); otherwise it stays inside the number
       ("two hundred and forty sixths" = 240/6); after a scale word the fraction is one
       of the scale ("two million and three fifths" = 2,600,000);
    2. a tens word right before an ordinal of one to nine is part of the denominator
       ("one hundred thirty-fifths" = 100/35), unless "and" ties it to what precedes;
    3. where two number words cannot follow each other in one number ("one one",
       "three twenty"), the second starts the denominator ("two one hundred ninths");
    4. the numerator is the whole number before the denominator ("two thousand three
       hundred seven eighths" = 2307/8; "a thousand millionths" = 1/1000).

    >>> _spoken_fraction("one hundred thirty fifths".split()) == Decimal(100) / 35
    True
    >>> _spoken_fraction("one hundred and thirty fifths".split())
    Decimal('26')
    >>> _spoken_fraction("twenty first".split()) is None
    True
    >>> _spoken_fraction("two thirds".split()) is _NOT_A_FRACTION
    True
    """
    last = tokens[-1] if tokens else ""
    if last not in FRACTIONS and last not in COMPOUND_ORDINALS:
        return _NOT_A_FRACTION
    sign, body = Decimal(1), tokens
    if body[0] in ("minus", "negative"):
        sign, body = Decimal(-1), body[1:]
    whole: Optional[Decimal] = Decimal(0)
    for k in range(len(body) - 2, 0, -1):                                # rule 1
        if body[k] not in _AND:
            continue
        part, before = body[k + 1:], body[k - 1]
        if before in SCALES and not any(t in HUNDREDS or t in SCALES for t in part):
            return _NOT_A_FRACTION         # "two million and three fifths": of the million
        if before in HUNDREDS:             # a proper fraction after it: "one hundred and three quarters"
            value = parse_words(part) if len(part) > 1 else None
            if value is None or not 0 < value < 1:
                break                      # "one hundred and thirty fifths" = 130/5
        whole, body = parse_words(body[:k]), part
        break
    if whole is None or not body:
        return _NOT_A_FRACTION
    d = len(body) - 1                      # where the denominator starts
    compound = False
    if last in _UNIT_ORDINALS and d >= 1 and body[d - 1] in TENS:     # rule 2
        if d >= 2 and body[d - 2] not in _AND:
            d, compound = d - 1, True
        elif last in COMPOUND_ORDINALS or not last.endswith("s"):
            return None                    # "twenty-first", "thirty fifth": ordinals
    elif last in COMPOUND_ORDINALS:
        return None
    for k in range(d - 1, 0, -1):                                       # rule 3
        a, b = body[k - 1], body[k]
        if _small(a) and _small(b) and not (a in TENS and b in UNITS and UNITS[b] < 10):
            d, compound = k, True
            break
    numerator = body[:d]
    if not numerator or numerator[-1] in ("a", "an") and len(numerator) > 1:
        return _NOT_A_FRACTION
    if not compound and not any(t in HUNDREDS or t in SCALES for t in numerator):
        return _NOT_A_FRACTION             # "two thirds", "five and a half": same either way
    num = Decimal(1) if numerator in (["a"], ["an"]) else parse_words(numerator)
    prefix = body[d:-1]
    ordinal = Decimal(FRACTIONS.get(last) or COMPOUND_ORDINALS[last])
    p = parse_words(prefix) if prefix else None
    if num is None or prefix and p is None:
        return _NOT_A_FRACTION
    den = (p or 1) * ordinal if ordinal >= 100 else (p or 0) + ordinal
    return sign * (whole + num / den)


def parse_words(tokens: list[str]) -> Optional[Decimal]:
    """The value of a spoken number given as lower-case tokens (digits allowed).

    >>> parse_words("a quarter of a billion".split())
    Decimal('250000000.00')
    >>> parse_words(["twenty", "five"])
    Decimal('25')
    """
    fraction = _spoken_fraction(tokens)
    if fraction is not _NOT_A_FRACTION:
        return fraction  # type: ignore[return-value]
    total = Decimal(0)
    current = Decimal(0)        # the group since the last scale word
    group = Decimal(0)          # the part since the last "and" (a fraction's numerator)
    last_scale: Optional[Decimal] = None
    and_after_scale = False
    last_was_scale = False
    sign = Decimal(1)
    seen = False
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if t in ("minus", "negative") and not seen:
            sign = Decimal(-1)
        elif t in ("a", "an"):
            if group == 0 and (nxt in FRACTIONS or nxt in HUNDREDS or nxt in SCALES):
                current += 1
                group = Decimal(1)
                seen = True
        elif t in ("and", "&"):
            and_after_scale = last_was_scale
            group = Decimal(0)
        elif t == "of":
            pass
        elif t == "point":
            digits, used = _digit_string(tokens[i + 1:])
            if not digits:
                break
            current += Decimal("0." + digits)
            j = i + 1 + used
            i = j
            seen = True
            last_was_scale = False
            continue
        elif t in UNITS or t in TENS or _DECIMAL.fullmatch(t):
            v = Decimal(UNITS[t]) if t in UNITS else Decimal(TENS[t]) if t in TENS else Decimal(t)
            current += v
            group += v
            seen = True
        elif t in HUNDREDS:
            m = Decimal(HUNDREDS[t])
            if group:
                current += group * (m - 1)
                group *= m
            else:
                current = (current or 1) * m
                group = current
            seen = True
        elif t in SCALES:
            m = scale(t)
            if last_was_scale and current == 0 and last_scale is not None and m > last_scale:
                total *= m                      # "three lakh crore", "thousand million"
            else:
                total += (current or 1) * m
            current = group = Decimal(0)
            last_scale = m
            seen = True
            last_was_scale = True
            i += 1
            continue
        elif t in FRACTIONS:
            if group == 0:
                current += 1
                group = Decimal(1)
            frac = group / Decimal(FRACTIONS[t])
            current = current - group + frac
            group = frac
            seen = True
        else:
            break
        last_was_scale = False
        i += 1
    if not seen:
        return None
    if and_after_scale and last_scale is not None and 0 < current < 1:
        return sign * (total + current * last_scale)   # "one million and a half"
    return sign * (total + current)


def parse_number(text: str, decimal_separator: Optional[str] = None) -> Optional[Decimal]:
    """The value of a figure as found by NUMBER_PATTERN, fully scaled; None if not a number.

    >>> parse_number("1,500")
    Decimal('1500')
    >>> parse_number("2.75 billion")
    Decimal('2750000000.00')
    >>> parse_number("twenty-five")
    Decimal('25')
    >>> parse_number("a dozen")
    Decimal('12')
    >>> parse_number("half a million")
    Decimal('500000.0')
    >>> parse_number("a quarter of a billion")
    Decimal('250000000.00')
    >>> parse_number("five and a half million")
    Decimal('5500000.0')
    >>> parse_number("one hundred and three")
    Decimal('103')
    >>> parse_number("3 bn")
    Decimal('3000000000')
    >>> parse_number("10k")
    Decimal('10000')
    >>> parse_number("34.6mln")
    Decimal('34600000.0')
    >>> parse_number("1.2 tn")
    Decimal('1200000000000.0')
    >>> parse_number("two thirds") == Decimal(2) / Decimal(3)
    True
    >>> parse_number("two hundred point zero three")
    Decimal('200.03')
    >>> parse_number("minus five")
    Decimal('-5')
    >>> parse_number("4 thousand 3 hundred and 21")
    Decimal('4321')
    >>> parse_number("one billion and a half million")
    Decimal('1000500000.0')
    >>> parse_number("3 million and a half")
    Decimal('3500000.0')
    >>> parse_number("the") is None
    True
    """
    s = text.strip()
    if not s:
        return None
    neg = _SIGN_WORD.match(s)
    if neg:
        value = parse_number(s[neg.end():], decimal_separator)
        return -value if value is not None else None
    m = _LEADING_DIGITS.match(s)
    lead: Optional[Decimal] = None
    if m and m.group(1).strip():
        lead = parse_digits(m.group(1), decimal_separator)
        if lead is None:
            return None
        s = s[m.end():]
        if not s.strip():
            return lead
    # Case matters only for the short scales ("10M" vs "10m", "MM").
    tokens = [t if len(t) <= 2 and t in SCALES else t.lower()
              for t in _NUM_TOKEN.findall(s.replace("-", " "))]
    if lead is not None:
        tokens = [str(lead)] + tokens
        if lead < 0:
            tokens = ["minus", str(-lead)] + tokens[1:]
    return parse_words(tokens)


def _multiplier(word: str) -> Decimal:
    return Decimal(HUNDREDS[word]) if word in HUNDREDS else scale(word)


def _adds_a_smaller_part(prev: str, after: list[re.Match]) -> bool:
    """Whether the words after "<hundred/scale> and" are a part of the same number:
    not zero, no multiplier equal to `prev` ("3 hundred and 2 hundred") and, after a
    scale word, none larger either; a larger scale after "hundred" scales the whole
    group ("two hundred and two thousand" = 202,000)."""
    words = [t.group().lower() for t in after]
    if not words or words[0] in ("0", "zero", "nought", "naught", "nil"):
        return False
    limit = _multiplier(prev)
    for w in words:
        if w in ("and", "&"):
            break
        if (w in HUNDREDS or w in SCALES) and (_multiplier(w) == limit
                                                or prev in SCALES and _multiplier(w) > limit):
            return False
    return True


def word_number_end(text: str) -> int:
    """How much of a spoken-number match is one number: an "and" that joins two numbers
    ("between two and three") ends it; an "and" after "hundred"/a scale word or before
    a fraction ("five and a half") does not, unless what follows is no smaller part:
    zero, or a multiplier as large ("3 hundred and 2 hundred" are two numbers).

    >>> word_number_end("two and three")
    3
    >>> word_number_end("one hundred and two")
    19
    >>> word_number_end("five and a half")
    15
    >>> word_number_end("3 hundred and 2 hundred")
    9
    >>> word_number_end("one thousand and two hundred")
    28
    """
    toks = list(_WORD_TOKEN.finditer(text))
    for k, tok in enumerate(toks):
        w = tok.group().lower()
        if w not in ("and", "&") or k == 0:
            continue
        prev = toks[k - 1].group().lower()
        rest = [t.group().lower() for t in toks[k + 1:k + 4]]
        if prev in HUNDREDS or prev in SCALES:
            if not _adds_a_smaller_part(prev, toks[k + 1:]):
                return toks[k - 1].end()
            continue
        if prev in FRACTIONS and prev not in ("half",):
            continue
        if any(r in FRACTIONS for r in rest[:3]) and not any(r in SCALES for r in rest[:3]):
            continue
        if rest and rest[0] in ("a", "an") and len(rest) > 1 and rest[1] in FRACTIONS:
            continue
        return toks[k - 1].end()
    return len(text)
