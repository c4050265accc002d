"""Word lists the extractor reads (data only; the rules live in numbers.py, extract.py
and attributes.py). Each list says where it came from. Phrases are lower case; the
extractor matches them case-insensitively unless a list says otherwise.
"""
from __future__ import annotations

# --- numbers ---------------------------------------------------------------------
# English cardinal words (any grammar); "nought"/"naught" are British zero.
UNITS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
# Multipliers that scale the group before them ("three hundred", "two dozen").
HUNDREDS: dict[str, int] = {"hundred": 100, "hundreds": 100, "dozen": 12, "dozens": 12,
                            "dzs": 12, "dozs": 12, "doz": 12, "score": 20}
# Scale words and the abbreviations wire copy uses for them; lakh/crore from
# Indian English (both appear in Recognizers-Text's English specs).
SCALES: dict[str, int] = {
    "thousand": 10**3, "k": 10**3, "K": 10**3,
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5,
    "million": 10**6, "millions": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6,
    "m": 10**6, "M": 10**6, "MM": 10**6, "mio": 10**6,
    "crore": 10**7, "crores": 10**7,
    "billion": 10**9, "billions": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9,
    "B": 10**9, "G": 10**9, "mrd": 10**9, "milliard": 10**9,
    "trillion": 10**12, "trillions": 10**12, "tn": 10**12, "tln": 10**12, "trn": 10**12,
    "T": 10**12,
}
# Scale abbreviations that are also common words or unit symbols: only taken as a
# scale right after a money amount ("$5m", "€2b"); "1m" alone is a metre.
MONEY_ONLY_SCALES: frozenset[str] = frozenset({"m", "b"})
# Denominators of spoken fractions ("two thirds", "a quarter").
FRACTIONS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "twelfth": 12, "twelfths": 12, "twentieth": 20,
    "twentieths": 20, "thirtieth": 30, "thirtieths": 30, "hundredth": 100,
    "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
    "millionth": 10**6, "millionths": 10**6, "billionth": 10**9, "billionths": 10**9,
    "trillionth": 10**12, "trillionths": 10**12,
}
# Ordinals that name a denominator only as the last word of a compound after a tens
# word ("three twenty-firsts", "a forty-first"); alone they stay ordinals ("first"), and
# "second" is left out since "a twenty-second clip" is a duration.
COMPOUND_ORDINALS: dict[str, int] = {"first": 1, "firsts": 1}
# Unicode vulgar fractions (Unicode block "Number Forms").
VULGAR_FRACTIONS: dict[str, tuple[int, int]] = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
    "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8),
    "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8),
}

# Vague quantities, valued at their smallest reading (CLAIMS.md `vague`); longest first
# so "tens of thousands of" wins over "thousands of".
VAGUE: list[tuple[str, int]] = [
    ("hundreds of thousands of", 100_000), ("tens of thousands of", 10_000),
    ("hundreds of millions of", 100_000_000), ("tens of millions of", 10_000_000),
    ("hundreds of billions of", 100_000_000_000), ("tens of billions of", 10_000_000_000),
    ("several hundred thousand", 100_000), ("several tens of thousands of", 10_000),
    ("several thousand", 1000), ("several hundred", 100), ("several million", 1_000_000),
    ("several billion", 1_000_000_000), ("several trillion", 10**12),
    ("a few thousand", 1000), ("a few hundred", 100), ("a few million", 1_000_000),
    ("a few billion", 1_000_000_000), ("a few dozen", 12),
    ("trillions of", 10**12), ("billions of", 1_000_000_000), ("millions of", 1_000_000),
    ("thousands of", 1000), ("hundreds of", 100), ("dozens of", 12), ("scores of", 20),
]

# --- qualifiers -------------------------------------------------------------------
# Phrases right before a figure, from CLAIMS.md `qualifier` and common wire usage.
# Longest first, or "more than" wins inside "no more than".
QUALIFIERS_BEFORE: list[tuple[str, str]] = sorted([
    ("no more than", "upper_bound"), ("not more than", "upper_bound"),
    ("no greater than", "upper_bound"), ("not exceeding", "upper_bound"),
    ("less than or equal to", "upper_bound"), ("smaller or equal than", "upper_bound"),
    ("less or equal than", "upper_bound"), ("equal to or less than", "upper_bound"),
    ("up to", "upper_bound"), ("less than", "upper_bound"), ("fewer than", "upper_bound"),
    ("under", "upper_bound"), ("below", "upper_bound"), ("at most", "upper_bound"),
    ("a maximum of", "upper_bound"), ("maximum of", "upper_bound"),
    ("a max of", "upper_bound"), ("just under", "upper_bound"),
    ("just below", "upper_bound"), ("as many as", "upper_bound"),
    ("as much as", "upper_bound"), ("smaller than", "upper_bound"),
    ("as large as", "upper_bound"), ("as high as", "upper_bound"), ("as big as", "upper_bound"),
    ("lower than", "upper_bound"), ("lower or equal than", "upper_bound"),
    ("smaller or equal to", "upper_bound"), ("less or equal to", "upper_bound"), ("<=", "upper_bound"), ("< =", "upper_bound"),
    ("<", "upper_bound"), ("capped at", "upper_bound"),
    ("no less than", "lower_bound"), ("not less than", "lower_bound"),
    ("no fewer than", "lower_bound"), ("more than", "lower_bound"),
    ("over", "lower_bound"), ("well over", "lower_bound"), ("just over", "lower_bound"),
    ("at least", "lower_bound"), ("in excess of", "lower_bound"),
    ("upwards of", "lower_bound"), ("upward of", "lower_bound"),
    ("above", "lower_bound"), ("greater than", "lower_bound"),
    ("larger than", "lower_bound"), ("higher than", "lower_bound"),
    ("bigger than", "lower_bound"), ("bigger or equal than", "lower_bound"),
    ("higher or equal than", "lower_bound"), ("greater than or equal to", "lower_bound"),
    ("equal to or more than", "lower_bound"), ("at least or equal to", "lower_bound"),
    ("a minimum of", "lower_bound"), ("minimum of", "lower_bound"),
    ("exceeding", "lower_bound"), ("exceeded", "lower_bound"), ("exceeds", "lower_bound"),
    ("exceed", "lower_bound"), ("surpassed", "lower_bound"), ("surpassing", "lower_bound"),
    ("surpasses", "lower_bound"), ("surpass", "lower_bound"), ("topped", "lower_bound"),
    ("beyond", "lower_bound"), (">=", "lower_bound"), (">", "lower_bound"),
    ("more than a", "lower_bound"),
    ("about", "approx"), ("around", "approx"), ("approximately", "approx"),
    ("approx.", "approx"), ("approx", "approx"), ("roughly", "approx"),
    ("nearly", "approx"), ("almost", "approx"), ("some", "approx"), ("circa", "approx"),
    ("close to", "approx"), ("an estimated", "approx"), ("estimated", "approx"),
    ("an approximate", "approx"), ("in the region of", "approx"),
    ("on the order of", "approx"), ("of the order of", "approx"),
    ("more or less", "approx"), ("just about", "approx"), ("~", "approx"),
    ("an average of", "approx"), ("on average", "approx"), ("about half", "approx"),
    ("exactly", "exact"), ("precisely", "exact"), ("a total of", "exact"),
    ("equal to", "exact"), ("equals to", "exact"), ("equals", "exact"),
    ("equaling to", "exact"), ("equaling", "exact"),
], key=lambda row: -len(row[0]))
# Phrases right after a figure ("500 or more").
QUALIFIERS_AFTER: list[tuple[str, str]] = sorted([
    ("or more", "lower_bound"), ("and more", "lower_bound"), ("or greater", "lower_bound"),
    ("and above", "lower_bound"), ("or above", "lower_bound"), ("plus", "lower_bound"),
    ("or less", "upper_bound"), ("or fewer", "upper_bound"), ("and below", "upper_bound"),
    ("or lower", "upper_bound"), ("at most", "upper_bound"),
    ("or so", "approx"),
], key=lambda row: -len(row[0]))

# --- money ------------------------------------------------------------------------
# Symbols and prefixed symbols -> ISO 4217 (Unicode currency symbols block, plus the
# dollar prefixes of wire copy). Longest first: "US$" must win over "$".
CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "u.s. $": "USD", "u.s $": "USD", "us $": "USD",
    "usd$": "USD", "c$": "CAD", "c $": "CAD", "ca$": "CAD", "cad$": "CAD", "can$": "CAD",
    "a$": "AUD", "au$": "AUD", "aud$": "AUD", "nz$": "NZD", "nzd$": "NZD",
    "hk$": "HKD", "hk $": "HKD", "s$": "SGD", "nt$": "TWD", "mex$": "MXN",
    "mxn$": "MXN", "r$": "BRL", "$us": "USD", "$ us": "USD", "sfr": "CHF", "sfr.": "CHF",
    "sf": "CHF",
    "$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "¥": "JPY", "₹": "INR", "₽": "RUB",
    "₩": "KRW", "₪": "ILS", "₺": "TRY", "₱": "PHP", "₫": "VND", "₦": "NGN", "₡": "CRC",
    "₾": "GEL", "₭": "LAK", "₸": "KZT", "₼": "AZN", "zł": "PLN", "kč": "CZK", "元": "CNY",
    "ரூ": "LKR", "fr.": "CHF", "chf": "CHF", "rs.": "INR", "rs": "INR",
}
# ISO 4217 codes the extractor recognises as words (ISO 4217 list, the currencies
# that appear in defence-aid and business news; unlisted codes are not guessed).
CURRENCY_CODES: frozenset[str] = frozenset("""
USD EUR GBP UAH JPY CNY RMB CHF CAD AUD NZD HKD SGD TWD MXN BRL INR RUB KRW ILS TRY PHP
VND NGN SEK NOK DKK ISK PLN CZK HUF RON BGN HRK RSD GEL AZN KZT AMD BYN MDL ZAR EGP SAR
AED QAR KWD BHD OMR JOD LBP IQD IRR PKR BDT LKR NPR IDR MYR THB KES ETB GHS MAD TND DZD
ARS CLP COP PEN UYU VES BOB PYG
""".split())
# "RMB" is the common name of the yuan in copy; stored as its ISO code.
CODE_ALIASES: dict[str, str] = {"RMB": "CNY"}
# Currency names -> ISO 4217 (ISO 4217 currency names, their plurals and the forms
# wire copy uses). A name with a country adjective is listed before the bare name.
CURRENCY_WORDS: dict[str, str] = {
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "u.s. dollar": "USD",
    "american dollars": "USD", "american dollar": "USD", "united states dollars": "USD",
    "canadian dollars": "CAD", "canadian dollar": "CAD",
    "australian dollars": "AUD", "australian dollar": "AUD",
    "new zealand dollars": "NZD", "new zealand dollar": "NZD",
    "hong kong dollars": "HKD", "hong kong dollar": "HKD",
    "singapore dollars": "SGD", "singapore dollar": "SGD",
    "taiwan dollars": "TWD", "taiwan dollar": "TWD", "new taiwan dollars": "TWD",
    "mexican pesos": "MXN", "mexican peso": "MXN", "pesos": "MXN", "peso": "MXN",
    "dollars": "USD", "dollar": "USD", "bucks": "USD",
    "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pound sterling": "GBP", "british pounds": "GBP",
    "sterling": "GBP", "pounds": "GBP", "pound": "GBP", "quid": "GBP",
    "hryvnias": "UAH", "hryvnia": "UAH", "hryvnas": "UAH", "hryvna": "UAH",
    "hryvnyas": "UAH", "hryvnya": "UAH", "hryvni": "UAH",
    "japanese yen": "JPY", "yen": "JPY",
    "chinese yuan": "CNY", "yuan renminbi": "CNY", "yuan": "CNY", "renminbi": "CNY",
    "kuai": "CNY",
    "swiss francs": "CHF", "swiss franc": "CHF",
    "danish kroner": "DKK", "danish krone": "DKK", "norwegian kroner": "NOK",
    "norwegian krone": "NOK", "swedish kronor": "SEK", "swedish krona": "SEK",
    "swedish crowns": "SEK", "icelandic kronur": "ISK", "icelandic krona": "ISK",
    "norwegian crowns": "NOK", "danish crowns": "DKK", "icelandic crowns": "ISK",
    "kronor": "SEK", "krona": "SEK", "kroner": "NOK", "krone": "NOK", "crowns": "NOK",
    "czech crowns": "CZK", "czech korunas": "CZK", "czech koruna": "CZK",
    "czech korun": "CZK", "korunas": "CZK", "koruna": "CZK",
    "polish zlotys": "PLN", "polish zloty": "PLN", "zlotys": "PLN", "zloty": "PLN",
    "zlotych": "PLN", "hungarian forints": "HUF", "hungarian forint": "HUF",
    "forints": "HUF", "forint": "HUF", "romanian lei": "RON", "romanian leu": "RON",
    "bulgarian leva": "BGN", "bulgarian lev": "BGN", "serbian dinars": "RSD",
    "russian rubles": "RUB", "russian roubles": "RUB", "rubles": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rouble": "RUB",
    "turkish lira": "TRY", "turkish liras": "TRY", "lira": "TRY", "liras": "TRY",
    "georgian lari": "GEL", "lari": "GEL",
    "indian rupees": "INR", "indian rupee": "INR", "rupees": "INR", "rupee": "INR",
    "pakistani rupees": "PKR", "sri lankan rupees": "LKR",
    "south korean won": "KRW", "korean won": "KRW", "won": "KRW",
    "israeli shekels": "ILS", "new shekels": "ILS", "shekels": "ILS", "shekel": "ILS",
    "south african rand": "ZAR", "rand": "ZAR",
    "brazilian reais": "BRL", "brazilian real": "BRL", "reais": "BRL",
    "saudi riyals": "SAR", "riyals": "SAR", "dirhams": "AED", "dirham": "AED",
    "egyptian pounds": "EGP", "nigerian naira": "NGN", "naira": "NGN",
    "kenyan shillings": "KES", "indonesian rupiah": "IDR", "rupiah": "IDR",
    "thai baht": "THB", "baht": "THB", "malaysian ringgit": "MYR", "ringgit": "MYR",
    "philippine pesos": "PHP", "vietnamese dong": "VND", "dong": "VND",
    "kazakh tenge": "KZT", "tenge": "KZT",
    # Former currencies still met in archives (ISO 4217 historic list).
    "finnish markka": "FIM", "finnish markkaa": "FIM", "markka": "FIM", "markkaa": "FIM",
    "deutsche marks": "DEM", "deutsche mark": "DEM", "deutschmarks": "DEM",
    "french francs": "FRF", "french franc": "FRF", "belgian francs": "BEF",
    "pesetas": "ESP", "peseta": "ESP", "dutch guilders": "NLG", "dutch guilder": "NLG",
    "netherlands guilders": "NLG", "guilders": "NLG", "guilder": "NLG",
    "italian lire": "ITL", "lire": "ITL", "escudos": "PTE", "drachmas": "GRD",
    "austrian schillings": "ATS", "irish pounds": "IEP", "punts": "IEP",
}
# Currency words several countries share: the country named nearest decides
# (sentence first, then document); the first code is the default.
AMBIGUOUS_CURRENCY: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "kroner": [("NOK", ("norw", "oslo", "nansen")), ("DKK", ("danish", "denmark", "copenhagen", "danes"))],
    "krone": [("NOK", ("norw", "oslo")), ("DKK", ("danish", "denmark", "copenhagen"))],
    "crowns": [("NOK", ("norw", "oslo")), ("DKK", ("danish", "denmark", "copenhagen")),
               ("SEK", ("swed", "stockholm")), ("CZK", ("czech", "prague")),
               ("ISK", ("iceland", "reykjavik"))],
}
# Minor units: name -> (ISO code, factor). "pence" and "cents" per Recognizers-Text.
MINOR_UNITS: dict[str, tuple[str, str]] = {
    "cents": ("USD", "0.01"), "cent": ("USD", "0.01"), "pence": ("GBP", "0.01"),
    "penny": ("GBP", "0.01"), "pennies": ("GBP", "0.01"), "p": ("GBP", "0.01"),
    "dimes": ("USD", "0.1"), "dime": ("USD", "0.1"), "mao": ("CNY", "0.1"),
    "kopecks": ("UAH", "0.01"), "kopiykas": ("UAH", "0.01"),
}
# Scaled codes of finance copy: "30 MUSD", "MEUR 120" (M = million, B = billion).
SCALED_CODE_PREFIXES: dict[str, int] = {"M": 10**6, "MN": 10**6, "B": 10**9, "BN": 10**9,
                                        "K": 10**3, "T": 10**3}

# Multiplier words -> factor (unit "times").
MULTIPLIERS: dict[str, int] = {
    "doubled": 2, "doubling": 2, "doubles": 2, "double": 2, "twofold": 2, "two-fold": 2,
    "tripled": 3, "tripling": 3, "triples": 3, "triple": 3, "threefold": 3, "three-fold": 3,
    "quadrupled": 4, "quadrupling": 4, "quadruple": 4, "fourfold": 4, "four-fold": 4,
    "fivefold": 5, "five-fold": 5, "sixfold": 6, "tenfold": 10, "ten-fold": 10,
    # comparisons ("twice the level of", "roughly twice as many"); "twice a year" is a
    # frequency and is left out by the rule in extract.py
    "twice": 2, "thrice": 3,
}

# Qualifier words that need the words before them: "passed" is a threshold
# ("donations passed NOK 50 billion") except after a legislature ("the House passed
# $61 billion"), where it is the vote.
THRESHOLD_VERBS: dict[str, str] = {"passed": "lower_bound", "has passed": "lower_bound",
                                   "crossed": "lower_bound", "broke": "lower_bound"}
LEGISLATURE_WORDS: tuple[str, ...] = ("house", "senate", "congress", "parliament", "bundestag",
                                      "lawmakers", "legislat", "assembly", "riksdag", "storting",
                                      "sejm", "rada", "verkhovna", "bill", "vote", "voted",
                                      "cabinet", "committee", "council")

# --- units other than money -------------------------------------------------------
PERCENT_WORDS: list[str] = ["percentage points", "percentage point", "per cent",
                            "percentage", "percents", "percent", "pct", "%"]
# Duration words -> CLAIMS.md unit (peer suites also use hour/minute/second).
DURATIONS: dict[str, str] = {
    "years": "year", "year": "year", "yrs": "year", "yr": "year", "yo": "year",
    "months": "month", "month": "month", "mos": "month",
    "weeks": "week", "week": "week", "wks": "week",
    "days": "day", "day": "day",
    "hours": "hour", "hour": "hour", "hrs": "hour", "hr": "hour",
    "minutes": "minute", "minute": "minute", "mins": "minute", "min": "minute",
    "seconds": "second", "second": "second", "secs": "second",
    "decades": "decade", "decade": "decade", "centuries": "century", "century": "century",
}
# Physical units -> the singular English word (CLAIMS.md "kilometer", "ton").
# Case-sensitive short symbols are kept separate from words.
PHYSICAL_WORDS: dict[str, str] = {
    "kilometres": "kilometer", "kilometers": "kilometer", "kilometre": "kilometer",
    "kilometer": "kilometer", "metres": "meter", "meters": "meter", "metre": "meter",
    "meter": "meter", "centimetres": "centimeter", "centimeters": "centimeter",
    "millimetres": "millimeter", "millimeters": "millimeter", "miles": "mile",
    "mile": "mile", "nautical miles": "nautical mile", "feet": "foot", "foot": "foot",
    "inches": "inch", "inch": "inch", "yards": "yard",
    "tonnes": "ton", "tonne": "ton", "tons": "ton", "ton": "ton", "metric tons": "ton",
    "kilograms": "kilogram", "kilogrammes": "kilogram", "kilogram": "kilogram",
    "grams": "gram", "gram": "gram", "pounds of": "pound",
    "litres": "liter", "liters": "liter", "litre": "liter", "liter": "liter",
    "gallons": "gallon", "barrels": "barrel", "barrel": "barrel",
    "hectares": "hectare", "hectare": "hectare", "acres": "acre",
    "square kilometres": "square kilometer", "square kilometers": "square kilometer",
    "square miles": "square mile", "square metres": "square meter", "square meters": "square meter",
    "square feet": "square foot", "cubic metres": "cubic meter", "cubic meters": "cubic meter",
    "cubic feet": "cubic foot", "centimetre": "centimeter", "centimeter": "centimeter",
    "millimetre": "millimeter", "millimeter": "millimeter", "yard": "yard",
    "megawatts": "megawatt", "gigawatts": "gigawatt", "kilowatts": "kilowatt",
    "megawatt": "megawatt", "gigawatt": "gigawatt", "kilowatt": "kilowatt",
    "kilowatt-hours": "kilowatt hour", "kilowatt hours": "kilowatt hour",
    "megawatt-hours": "megawatt hour", "megawatt hours": "megawatt hour",
    "gigawatt-hours": "gigawatt hour", "gigawatt hours": "gigawatt hour",
    "terawatt-hours": "terawatt hour", "terawatt hours": "terawatt hour",
    "degrees celsius": "degree celsius", "degrees fahrenheit": "degree fahrenheit",
    "degree celsius": "degree celsius", "degree fahrenheit": "degree fahrenheit",
    "degrees": "degree", "knots": "knot", "ounces": "ounce", "troy ounces": "ounce",
    "bushels": "bushel", "carats": "carat", "kilotons": "kiloton", "kilotonnes": "kiloton",
    "megatons": "megaton", "light-years": "light-year", "light years": "light-year",
    "kilometres per hour": "kilometer per hour", "kilometers per hour": "kilometer per hour",
    "miles per hour": "mile per hour", "kilometres per second": "kilometer per second",
    "kilometers per second": "kilometer per second", "parts per million": "part per million",
    "millilitres": "milliliter", "milliliters": "milliliter",
}
PHYSICAL_SYMBOLS: dict[str, str] = {
    "km": "kilometer", "kms": "kilometer", "m": "meter", "cm": "centimeter",
    "mm": "millimeter", "mi": "mile", "ft": "foot", "kg": "kilogram", "g": "gram",
    "t": "ton", "lb": "pound", "lbs": "pound", "l": "liter", "ml": "milliliter",
    "ha": "hectare", "km2": "square kilometer", "km²": "square kilometer",
    "sq km": "square kilometer", "sq mi": "square mile", "MW": "megawatt",
    "GW": "gigawatt", "kW": "kilowatt", "kWh": "kilowatt hour", "MWh": "megawatt hour",
    "km/h": "kilometer per hour", "mph": "mile per hour", "kph": "kilometer per hour",
    "°C": "degree celsius", "°F": "degree fahrenheit", "TeV": "teraelectronvolt",
    "GB": "gigabyte", "MB": "megabyte", "TB": "terabyte",
    "GWh": "gigawatt hour", "TWh": "terawatt hour", "kmh": "kilometer per hour",
    "km/hr": "kilometer per hour", "sq m": "square meter", "m2": "square meter",
    "m²": "square meter", "m3": "cubic meter", "m³": "cubic meter", "sq ft": "square foot",
    "bpd": "barrel", "b/d": "barrel", "bbl": "barrel", "oz": "ounce", "kt": "kiloton",
    "C": "degree celsius", "F": "degree fahrenheit", "ppm": "part per million", "bp": "basis point", "bps": "basis point",
    "ppb": "part per billion",
}
# Symbols read when glued to the digits ("10km", "5kg", "46C"): the num branch of the
# scan looks ahead for them, as a word character right after digits otherwise ends a
# figure. Not "m" (5m is a million as often as a metre) nor "t", "g", "l".
GLUED_SYMBOLS: list[str] = ["km/h", "km/hr", "kmh", "kms", "km", "cm", "mm", "kg", "mph", "kph",
                            "ft", "lbs", "lb", "ha", "MW", "GW", "kW", "kWh", "MWh", "GWh",
                            "TWh", "bpd", "ppm", "bps", "bp", "C", "F"]

# Plurals that do not end in "s", and nouns counted without a plural form.
IRREGULAR_PLURALS: dict[str, str] = {
    "people": "person", "persons": "person", "men": "man", "women": "woman",
    "children": "child", "servicemen": "serviceman", "servicewomen": "servicewoman",
    "policemen": "policeman", "crewmen": "crewman", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
    "knives": "knife", "thieves": "thief", "halves": "half", "wolves": "wolf",
    "leaves": "leaf", "shelves": "shelf", "analyses": "analysis", "crises": "crisis",
    "bases": "base", "cases": "case", "series": "series", "species": "species",
    "data": "data", "criteria": "criterion", "phenomena": "phenomenon",
}
UNCOUNTED_NOUNS: frozenset[str] = frozenset({
    "aircraft", "personnel", "staff", "police", "equipment", "ammunition", "artillery",
    "cattle", "sheep", "fish", "deer", "infantry", "troops", "militia", "livestock",
    "hardware", "materiel", "weaponry", "spacecraft", "hovercraft", "offspring",
})

# Weapon designations and the type they are counted by (CLAIMS.md `unit`: "Leopard 2
# tanks" -> tank). Lower case, without a plural "s"; written from public equipment
# lists (tanks, aircraft, artillery, air defence, missiles). A noun written after the
# designation wins ("three Patriot batteries" -> battery); this table is for a bare
# designation ("18 Leopard 2A6", "six F-16s", "31 M1A1 Abrams").
EQUIPMENT_TYPES: dict[str, str] = {
    # tanks
    "abrams": "tank", "m1a1": "tank", "m1a2": "tank", "leopard": "tank", "challenger": "tank",
    "leclerc": "tank", "t-72": "tank", "t-64": "tank", "t-80": "tank", "t-90": "tank",
    "pt-91": "tank", "k2": "tank", "stridsvagn": "tank", "strv 122": "tank",
    # armoured vehicles
    "bradley": "vehicle", "marder": "vehicle", "cv90": "vehicle", "stryker": "vehicle",
    "m113": "vehicle", "bmp-1": "vehicle", "bmp-2": "vehicle", "mastiff": "vehicle",
    "bushmaster": "vehicle", "humvee": "vehicle", "maxxpro": "vehicle", "patria": "vehicle",
    "piranha": "vehicle", "boxer": "vehicle", "kirpi": "vehicle",
    # combat jets
    "f-16": "jet", "f-35": "jet", "f-18": "jet", "f/a-18": "jet", "mig-29": "jet",
    "su-25": "jet", "su-27": "jet", "gripen": "jet", "jas 39": "jet", "mirage": "jet",
    "mirage 2000": "jet", "rafale": "jet", "eurofighter": "jet", "typhoon": "jet",
    # other aircraft
    "globaleye": "aircraft", "asc 890": "aircraft", "saab 340": "aircraft",
    "c-130": "aircraft", "hercules": "aircraft", "awacs": "aircraft",
    # helicopters
    "mi-8": "helicopter", "mi-17": "helicopter", "mi-24": "helicopter", "sea king": "helicopter",
    "black hawk": "helicopter", "uh-60": "helicopter", "ah-64": "helicopter",
    "apache": "helicopter", "westland": "helicopter",
    # artillery
    "caesar": "howitzer", "m777": "howitzer", "pzh 2000": "howitzer", "pzh": "howitzer",
    "archer": "howitzer", "zuzana": "howitzer", "krab": "howitzer", "dana": "howitzer",
    "k9": "howitzer", "m109": "howitzer", "as-90": "howitzer", "2s1": "howitzer",
    "2s19": "howitzer", "m119": "howitzer", "l119": "howitzer", "bohdana": "howitzer",
    "himars": "launcher", "m270": "launcher", "mlrs": "launcher", "mars ii": "launcher",
    # air defence
    "iris-t": "system", "iris-t slm": "system", "nasams": "system", "samp/t": "system",
    "patriot": "system", "hawk": "system", "skynex": "system", "skyguard": "system",
    "avenger": "system", "crotale": "system", "gepard": "gun",
    # missiles
    "atacms": "missile", "storm shadow": "missile", "scalp": "missile", "taurus": "missile",
    "harpoon": "missile", "javelin": "missile", "nlaw": "missile", "stinger": "missile",
    "aim-9": "missile", "aim-120": "missile", "pac-3": "missile", "neptune": "missile",
    # drones and vessels
    "bayraktar": "drone", "tb2": "drone", "switchblade": "drone", "phoenix ghost": "drone",
    "sea baby": "drone", "magura": "drone",
}
# Nouns whose "of" phrase names what a bare figure counts ("the output of shells has
# climbed to 40,000", "the number of employees reached 25,600").
COUNT_HEADS: list[str] = ["output", "production", "number", "numbers", "total", "totals",
                          "stock", "stocks", "stockpile", "fleet", "count", "tally", "supply",
                          "supplies", "deliveries", "shipments", "inventory", "headcount",
                          "production rate", "rate", "pace", "volume", "volumes"]
# Words that end in -ly but are adjectives inside a noun phrase ("airborne early warning
# aircraft", "weekly flights"): they do not end the phrase after a figure.
LY_ADJECTIVES: frozenset[str] = frozenset({
    "early", "daily", "weekly", "monthly", "yearly", "quarterly", "elderly", "friendly",
    "family", "assembly", "supply", "jolly", "lowly", "costly",
})

# --- not claims -------------------------------------------------------------------
MONTHS: list[str] = ["january", "february", "march", "april", "may", "june", "july",
                     "august", "september", "october", "november", "december",
                     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                     "oct", "nov", "dec"]
WEEKDAYS: list[str] = ["monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday"]
# Words after which a number is an identifier, not a quantity (page furniture,
# references, designations).
ID_WORDS: frozenset[str] = frozenset({
    "page", "pages", "p.", "pp.", "no.", "nos.", "nr.", "nrs.", "number", "isbn", "issn",
    "id", "article", "section", "chapter", "paragraph", "resolution", "version",
    "phase", "round", "stage", "part", "volume", "vol.", "issue", "item", "line",
    "exercise", "exercises", "room", "flight", "route", "block", "unit", "lot",
    "tranche", "package", "grade", "level", "step", "tier", "season", "episode",
    "class", "type", "model", "mark", "mk", "boeing", "airbus", "apollo", "iphone", "windows",
    "formula", "series", "batch", "squad", "brigade",
    "regiment", "battalion", "division", "corps", "army", "fleet", "wing", "group",
    "platoon", "team", "district", "region", "zone", "sector", "gate", "terminal",
    "junction", "exit", "interstate", "motorway", "pier", "berth",
    "highway", "road", "street", "avenue", "apt", "apartment", "suite", "floor",
    "ramstein", "paragraphs", "day", "photo", "image", "images", "ref", "ref.", "annex", "appendix", "figure", "table", "code",
    "summit", "format", "covid", "covid-", "g", "top", "world war",
    "uin", "passcode", "pin", "tel", "tel.", "phone", "fax", "ticket", "question", "ref.no",
    "reference", "invoice", "docket", "amendment", "clause", "figures", "tables", "chart",
    "graph", "footnote",
})
# Page furniture of news sites: counters beside these words ("Comments (17)", a line
# "2,341 shares") are not claims; nor are the page numbers after a pager label.
PAGE_CLUTTER_LABELS: list[str] = ["comments", "comment", "shares", "share", "replies", "reply",
                                  "share this post", "share this article", "share this story",
                                  "likes", "views", "reactions", "retweets", "reposts", "photos",
                                  "videos", "images"]
# Headings of a box of figures ("Key figures", "Facts and numbers"): not what its lines count.
BOX_HEADINGS: frozenset[str] = frozenset({"figure", "number", "fact", "statistic", "stat",
                                          "detail", "highlight", "data", "key"})
# Verbs whose object, when a bare figure, counts people ("the quake killed more than
# 1,700", "injuring at least 3,400"): casualty and rescue reports in news.
PERSON_VERBS: list[str] = ["killed", "killing", "kills", "kill", "injured", "injuring", "injures",
                           "wounded", "wounding", "wounds", "evacuated", "evacuating",
                           "rescued", "arrested", "detained", "displaced", "hospitalised",
                           "hospitalized", "employs", "employed", "employing"]
# Words before a bare number that make it a telephone number ("call police on 101").
PHONE_CUES: list[str] = ["call", "calls", "calling", "dial", "dialling", "dialing", "ring",
                         "phone", "telephone", "tel.", "tel", "text", "contact"]
PAGER_LABELS: list[str] = ["previous updates", "older updates", "newer updates", "updates",
                           "previous posts", "pages", "page"]
# Words after which a figure with no counted noun is an identifier ("week 23", "session
# 4"), while "last week 40 countries" is still a count.
ID_WORDS_BARE: frozenset[str] = frozenset({"week", "wk", "meeting", "session", "sitting",
                                           "update", "updates", "stage", "matchday"})
# Capitalised words that do not start a name: a number after them is not a designation.
NOT_NAME_WORDS: frozenset[str] = frozenset({
    "aged", "age",
    "the", "a", "an", "about", "over", "some", "nearly", "almost", "around", "only",
    "up", "another", "all", "in", "by", "with", "of", "for", "to", "at", "on", "from",
    "roughly", "approximately", "just", "exactly", "total", "than", "and", "but", "its",
    "their", "our", "his", "her", "my", "your", "these", "those", "this", "that",
    "more", "less", "fewer", "under", "below", "above", "at", "least", "most", "between",
    "since", "after", "before", "until", "during", "within", "while", "when", "if",
    "as", "so", "yet", "nor", "or", "each", "every", "both", "another", "other", "what",
    "which", "who", "whose", "where", "how", "why", "there", "here", "then", "now",
    "today", "yesterday", "tomorrow", "also", "even", "still", "already", "another",
    "estimated", "circa", "some", "several", "many", "further", "additional", "extra",
    "another", "first", "last", "next", "is", "was", "were", "are", "be", "been",
    "has", "have", "had", "will", "would", "could", "should", "may", "might", "must",
    "can", "did", "do", "does", "per", "via", "plus", "minus", "including", "includes",
    "include", "included", "against", "among", "amid", "toward", "towards", "into",
    "through", "across", "without", "upon", "out", "off", "down", "like", "unlike",
    "near", "close", "well", "however", "meanwhile", "overall", "altogether", "just",
    "we", "they", "he", "she", "it", "i", "you", "them", "us", "him", "me",
    "nato", "eu", "un", "uk", "us", "usa", "un", "kyiv", "moscow", "ukraine", "russia",
    "germany", "france", "poland", "britain", "china", "japan", "america",
    "mr", "mrs", "ms", "dr", "said", "says", "told", "reported", "according",
    "ago", "later", "earlier", "nearly", "year", "years",
})

# --- attributes -------------------------------------------------------------------
# Words near a figure that say what kind of claim it is (CLAIMS.md `category`, plus
# the usual inflections). Looked for between the previous figure and this one.
CATEGORY_CUES: dict[str, list[str]] = {
    "capacity": ["capacity", "capacities", "produce", "produces", "producing", "produced",
                 "production", "output", "manufacture", "manufactures", "manufacturing",
                 "make", "makes", "making", "made", "build", "builds", "building", "ramp up",
                 "turn out", "turns out", "turned out", "churn out", "churns out", "roll out",
                 "ramping up", "ramp-up", "able to", "target", "targets", "aims to produce"],
    "delivery": ["delivered", "delivers", "delivering", "deliveries", "delivery", "supplied",
                 "transferred", "sent", "handed over", "hands", "handed", "shipped",
                 "received", "receives", "arrived", "has provided", "have provided",
                 "had provided", "provided", "has given", "have given", "had given", "given",
                 "donated", "ship", "ships", "arrive", "arrives", "arriving"],
    "pledge": ["pledge", "pledged", "pledges", "pledging", "promise", "promised", "promises",
               "commit", "committed", "commits", "commitment", "commitments", "allocate",
               "allocated", "allocates", "allocation", "secured", "secure", "raise", "raised",
               "attracted", "attract", "contribute", "contributed", "contributes",
               "contribution", "planned", "plans", "plan", "announce", "announced",
               "announces", "approve", "approved", "approves", "earmark", "earmarked",
               "package", "aid", "funding", "fund", "funds", "finance", "financed", "signs",
               "sign", "would send", "would provide", "would deliver", "would supply", "would give",
               "financing", "budget", "donate", "donation", "invest", "invests", "investment",
               "investing", "invested", "grant", "grants", "loan", "loans", "spend",
               "spending", "spent", "will send", "will provide", "will deliver",
               "will supply", "will give", "to send", "to provide", "to deliver", "to supply",
               "to buy", "ordered", "order", "orders", "contract", "signed", "agreed",
               "assistance", "support", "buy", "purchase", "purchased", "procure",
               "procurement", "sourced", "identified", "offered", "provide", "send",
               "allocating", "raises", "programme", "program", "tranche", "put in", "put up",
               "set aside", "channel", "added", "pay", "paid", "pays", "financing"],
    "count": ["members", "member", "participants", "employs", "employ", "hired", "hire",
              "jobs", "companies", "nations", "trained", "trains", "training", "recruited",
              "recruits", "enlisted", "graduated", "train", "launched", "launches", "shot down",
              "intercepted", "downed"],
    "other": ["price", "prices", "cost", "costs", "revenue", "revenues", "sales", "profit",
              "loss", "losses", "earnings", "share", "shares", "dividend", "gdp", "interest rate",
              "exchange rate", "firing rate", "firing rates",
              "inflation", "killed", "wounded", "injured", "destroyed", "lost",
              "fired", "fires", "firing", "need", "needs", "needed", "asked for", "requested",
              "shortfall",
              # company results: orders taken in and held are not pledges to Ukraine
              "order intake", "orders received", "order backlog", "backlog", "order book",
              "order books", "order stock", "operating profit", "operating result",
              "operating income", "net income", "net profit", "net sales", "turnover",
              "ebit", "ebitda", "margin", "cash flow", "result", "results", "income"],
}
# Period phrases -> CLAIMS.md `period` (hyphenated forms as in "a-year").
PERIODS: dict[str, str] = {
    "per year": "year", "a year": "year", "each year": "year", "every year": "year",
    "annual": "year", "annually": "year", "yearly": "year", "per annum": "year",
    "this year": "year", "a-year": "year", "per-year": "year", "annualised": "year",
    "annualized": "year", "year-round": "year", "p.a.": "year", "p.a": "year",
    "this financial year": "year", "this fiscal year": "year", "a financial year": "year",
    "per financial year": "year", "each financial year": "year",
    # a figure for one whole year named relative to now, a budget or forecast year
    "next year": "year", "fiscal year": "year", "financial year": "year", "full-year": "year",
    "for the year": "year",
    "per month": "month", "a month": "month", "each month": "month", "every month": "month",
    "monthly": "month", "per-month": "month", "a-month": "month",
    "per week": "week", "a week": "week", "each week": "week", "every week": "week",
    "weekly": "week",
    "per day": "day", "a day": "day", "each day": "day", "every day": "day", "daily": "day",
}
# Stocks held at a date, not flows over a period: "in 2024" after them names the date.
STOCK_WORDS: list[str] = ["backlog", "order book", "order books", "orderbook", "order stock",
                          "stockpile", "reserves", "debt"]
# Subjects: names and the words that stand for them -> the short canonical name.
# Countries by name, adjective and capital (capitals stand for governments in wire copy),
# organisations, and office holders who speak for them (2023-2025).
ENTITIES: dict[str, str] = {}
for _canon, _forms in {
    "Ukraine": "Ukraine Ukrainian Ukrainians Kyiv Kiev Zelensky Zelenskiy Zelenskyy Umerov Shmyhal Kuleba Sybiha Ukraine's",
    "Russia": "Russia Russian Russians Moscow Kremlin Putin Shoigu Belousov",
    "United States": "US U.S. USA U.S.A. America American Americans Washington Pentagon Biden Austin Blinken Trump Hegseth Rubio",
    "United Kingdom": "UK U.K. Britain British London Sunak Starmer Shapps Healey Lammy Cameron",
    "Germany": "Germany German Germans Berlin Pistorius Scholz Bundeswehr Merz Baerbock",
    "France": "France French Paris Macron Lecornu",
    "Poland": "Poland Polish Warsaw Tusk Duda Kosiniak-Kamysz",
    "Norway": "Norway Norwegian Oslo Store Støre Gram",
    "Denmark": "Denmark Danish Copenhagen Frederiksen Poulsen",
    "Sweden": "Sweden Swedish Stockholm Kristersson Jonson",
    "Finland": "Finland Finnish Helsinki",
    "Netherlands": "Netherlands Dutch Hague Amsterdam Rutte Brekelmans Ollongren",
    "Belgium": "Belgium Belgian",
    "Canada": "Canada Canadian Ottawa Trudeau Blair Carney",
    "Japan": "Japan Japanese Tokyo Kishida Ishiba",
    "Switzerland": "Switzerland Swiss Bern",
    "Lithuania": "Lithuania Lithuanian Vilnius",
    "Latvia": "Latvia Latvian Riga",
    "Estonia": "Estonia Estonian Tallinn",
    "Czech Republic": "Czechia Prague Fiala",
    "Italy": "Italy Italian Rome Meloni Crosetto",
    "Spain": "Spain Spanish Madrid",
    "Portugal": "Portugal Portuguese Lisbon",
    "Australia": "Australia Australian Canberra",
    "South Korea": "Seoul",
    "North Korea": "Pyongyang",
    "China": "China Chinese Beijing",
    "Turkey": "Turkey Turkish Ankara Türkiye",
    "Romania": "Romania Romanian Bucharest",
    "Slovakia": "Slovakia Slovak Bratislava",
    "Hungary": "Hungary Hungarian Budapest Orban",
    "Greece": "Greece Greek Athens",
    "Austria": "Austria Austrian Vienna",
    "Ireland": "Ireland Irish Dublin",
    "Iceland": "Iceland Icelandic Reykjavik",
    "Luxembourg": "Luxembourg",
    "Bulgaria": "Bulgaria Bulgarian Sofia",
    "Croatia": "Croatia Croatian Zagreb",
    "Slovenia": "Slovenia Slovenian Ljubljana",
    "Iran": "Iran Iranian Tehran",
    "Israel": "Israel Israeli",
    "EU": "EU E.U. European Union Brussels Commission Leyen Borrell Kallas Breton Kubilius",
    "NATO": "NATO Nato Stoltenberg Rutte's Alliance",
    "G7": "G7",
}.items():
    for _f in _forms.split():
        ENTITIES[_f] = _canon
for _name, _canon in [("South Korea", "South Korea"), ("North Korea", "North Korea"),
                      ("South Korean", "South Korea"), ("North Korean", "North Korea"),
                      ("European Union", "EU"), ("European Commission", "EU"),
                      ("European Parliament", "EU"), ("European Council", "EU"),
                      ("United States", "United States"), ("United Kingdom", "United Kingdom"),
                      ("Czech Republic", "Czech Republic"), ("The Hague", "Netherlands"),
                      ("von der Leyen", "EU"), ("White House", "United States"),
                      ("New Zealand", "New Zealand"), ("Czech", "Czech Republic"),
                      ("Europe", "Europe")]:
    ENTITIES[_name] = _canon
# Phrases that name a group by what it does: "<word> coalition" etc.
GROUP_NOUNS: list[str] = ["coalition", "initiative", "model", "contact group", "fund", "alliance"]
# Endings of plural common nouns for people ("Economists", "Detectives", "Lawmakers",
# "Ukrainians", "Officials"): one such capitalised word opens a sentence, it names no one.
# Companies and countries that end so ("Thales", "Airbus", "Netherlands") end otherwise.
PEOPLE_PLURAL_ENDINGS: tuple[str, ...] = ("ists", "ysts", "ers", "ives", "ians", "cials", "ants", "ents")
# Capitalised words that never name a subject (titles, news agencies, sentence openers).
NOT_SUBJECTS: frozenset[str] = frozenset("""
The A An In On At For From With By But And Or If As This That These Those It Its He She They
We I You Our Their His Her Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday
Saturday Sunday January February March April May June July August September October
November December President Minister Prime Defence Defense Foreign Chancellor Secretary
General Chief Deputy Head Spokesman Spokeswoman Spokesperson Mr Mrs Ms Dr Reuters AFP AP
Newswire Ukrinform MENAFN Interfax Bloomberg Related Photo Read LIVE Live BRIEF Update
According Meanwhile However Also Under Over About After Before Since During Some Many Most
All Each Both More Less Around Nearly Almost Only Just Earlier Later Last Next New Overall
Total Of To Is Was Were Are Be Has Have Had Will Would Could Should May Can Analysts
Officials Sources GMT CET UTC Senator Patriot Leopard Abrams IRIS-T HIMARS ATACMS NASAMS
Gepard Storm Shadow Taurus Bradley Stryker Marder Member Members States State Army Navy
Air Force Forces Group Shareholders Operating Sales Revenue Auditors Parliament Government
Ministry Officials Independent Western European Nordic Group's Company
When What Why How Where Who Which Q A PRESENTER CORRESPONDENT CEO CFO COO CTO
""".split())
# Group words that point back to a subject named before ("the company said").
POINTER_NOUNS: dict[str, str] = {
    "company": "company", "group": "company", "firm": "company", "maker": "company",
    "manufacturer": "company", "producer": "company", "contractor": "company",
    "country": "country", "government": "country", "nation": "country", "ministry": "country",
    "coalition": "group", "initiative": "group", "scheme": "group", "programme": "group",
    "program": "group", "bloc": "EU", "union": "EU", "alliance": "NATO",
}
# Titles before or after a person's name ("Defence Minister Pat Conroy", "Conroy,
# Australia's defence industry minister"): the person speaks for a country or body.
PERSON_TITLES: list[str] = [
    "Prime Minister", "Defence Minister", "Defense Minister", "Foreign Minister",
    "Finance Minister", "Minister", "minister", "Secretary", "secretary", "President",
    "president", "Chancellor", "chancellor", "Premier", "Commissioner", "commissioner",
    "Ambassador", "ambassador", "envoy", "Spokesperson", "spokesperson", "spokesman",
    "spokeswoman", "Chief", "chief", "Senator", "senator", "MP", "lawmaker",
    "Chief Executive Officer", "Chief Executive", "chief executive", "CEO", "Chairman",
    "chairman", "Chairwoman", "Chair", "Director", "director", "head",
]
# Last words of company names ("Rheinmetall AG"): such a name is never a person's.
COMPANY_SUFFIXES: frozenset[str] = frozenset("""
AG SE ASA AB ASA Inc Inc. Ltd Ltd. plc PLC Group Systems Corporation Corp Corp. GmbH SA S.A.
NV N.V. Oy Oyj Holding Holdings Industries Dynamics Technologies Aerospace Defence Defense
""".split())
# Prepositions whose object never owns a figure ("since Russia's full-scale invasion,
# the UK has sent ...").
ASIDE_PREPOSITIONS: list[str] = ["since", "after", "against", "before", "amid", "during",
                                 "following", "until", "despite", "versus", "vs"]
# More verbs that follow a clause's subject (CLAIMS.md category verbs in the past and
# present tense).
MORE_SUBJECT_VERBS: frozenset[str] = frozenset("""
sends send gives give provides provide pledge promise commit commits allocates allocate
spends spend spent donated donates supplied supplies ordered orders bought buys purchased
earmarked invested invests contributed contributes handed transferred shipped trained
reported reports expects forecast forecasts booked launched launches fired fires counted
counts numbered numbers shot wanted intended aimed hoped decided leads
""".split())
# Verbs after a name that make it the subject of its clause ("Rheinmetall said").
SUBJECT_VERBS: frozenset[str] = frozenset("""
said says say told announced announces will would has have had is was plans plan expects
expected reported reports delivered delivers pledged pledges promised committed agreed
signed secured approved allocated aims hopes can could wants employs employed produced
produces makes made builds built raised raises posted recorded sent gave provided
""".split())
# Common nouns that stand before a name in apposition ("Manufacturer Diehl Defence",
# "arms maker KNDS"): not part of the name. Lower case; matched on the lower-cased word.
APPOSITION_NOUNS: frozenset[str] = frozenset("""
manufacturer maker producer company firm group contractor supplier developer startup
shipbuilder carmaker conglomerate giant subsidiary rival partner lender insurer
""".split())
# Verbs whose subject receives what the figure counts ("Ukraine has received 6
# batteries from its allies"): the giver is the "from X" phrase, not the subject.
RECEIVE_VERBS: frozenset[str] = frozenset("""
received receives receive receiving got gets get obtained obtains acquired acquires
""".split())
# Verbs of saying that attribute a sentence to a speaker named after the figure
# ("..., EU officials said"; "..., the ministry says").
SPEAKER_VERBS: frozenset[str] = frozenset("""
said says say told added adds reported reports estimated estimates estimate noted notes
stated states confirmed confirms announced announces wrote writes calculated calculates
""".split())
# Lower-case role words before a person's name ("chief executive Armin Papperger",
# "analyst Jan Novak"): the capitalised words after them name a person, not a body.
PERSON_ROLE_WORDS: frozenset[str] = frozenset("""
minister secretary president chancellor premier commissioner ambassador envoy spokesperson
spokesman spokeswoman chief executive ceo cfo chairman chairwoman chair director head
commander general governor mayor analyst researcher economist lawmaker senator mp
official adviser advisor founder professor colonel lieutenant admiral sergeant captain
""".split())
# Last words of a body's name that begin with a country ("Ukraine Facility", "Ukraine
# Security Assistance Initiative"): the whole name is the body, not the country.
ORG_HEADS: frozenset[str] = frozenset("""
Facility Fund Initiative Institute Agency Coalition Programme Program Industries Industry
Group Bank Foundation Association
""".split())
# Last words of names of events, not bodies ("Recovery Conference").
EVENT_HEADS: frozenset[str] = frozenset("""
Conference Summit Forum Meeting Expo Exhibition Show Week Day Games Award Awards
""".split())
# Legal forms at the end of a company's name ("Rheinmetall AG"): the short name is the
# subject when the text also uses it.
LEGAL_FORMS: frozenset[str] = frozenset("""
AG SE ASA AB Inc Inc. Ltd Ltd. plc PLC GmbH SA S.A. NV N.V. Oy Oyj Corp Corp. LLC KG
""".split())
