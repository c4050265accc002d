"""One name per subject: "UK", "Britain" and "London" are all "United Kingdom".

Order of lookup: the aliases (the user's file over the shipped `data/aliases.toml`), then
pycountry's country names and codes, else the text as it stood (whitespace folded). The
raw text is kept beside the canonical name (`Claim.subject_raw`).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

SHIPPED_ALIASES = Path(__file__).parent / "data" / "aliases.toml"

# Words around a name that do not change whom it names: "the British government" is "British".
# Longest first, or " government" would leave "'s" behind.
_SUFFIXES = ["'s government", " government", "'s administration", " administration",
             " ministry of defence", " ministry of defense", " defence ministry", " defense ministry",
             " authorities", " officials"]
_PREFIXES = ["the "]
_DOTS = re.compile(r"\.(?=\S|$)")  # "U.K." -> "UK", but "Inc. and" keeps its space


class AliasesError(Exception):
    """An aliases file cannot be used; the message names the file, the entry and the fault."""


def key(text: str) -> str:
    """How names are compared: case, dots, spacing, curly quotes and a leading "the" do not count.

    >>> key("  The U.K. ")
    'uk'
    >>> key("Britain’s government")
    "britain's government"
    """
    k = " ".join(text.replace("’", "'").split()).casefold()
    k = _DOTS.sub("", k).strip(" ,;:")
    for p in _PREFIXES:
        if k.startswith(p) and len(k) > len(p):
            k = k[len(p):]
    return k


def _stripped(k: str) -> str:
    for s in _SUFFIXES:
        if k.endswith(s) and len(k) > len(s):
            return k[: -len(s)].strip()
    return k


def _line_of(text: str, needle: str) -> int:
    for n, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return n
    return 0


def read_aliases(path: Path) -> dict[str, str]:
    """Alias key -> canonical name from one file; every bad entry is named with its line.

    The layout is `"Canonical name" = ["alias", "alias", ...]`, one entry a line.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise AliasesError(f"aliases file {path} cannot be read ({err}).") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise AliasesError(f"aliases file {path} is not valid TOML: {err}.") from None
    faults: list[str] = []
    out: dict[str, str] = {}
    for canonical, names in data.items():
        where = f"line {_line_of(text, canonical)}, entry '{canonical}'"
        if not canonical.strip():
            faults.append(f"{where}: the canonical name is empty")
            continue
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            faults.append(f"{where}: expected a list of names in quotes, "
                          f'like "{canonical}" = ["first alias", "second alias"]')
            continue
        for name in [canonical, *names]:
            k = key(name)
            if k in out and out[k] != canonical:
                faults.append(f"{where}: '{name}' is already an alias of '{out[k]}'; "
                              "a name can stand for one subject only")
                continue
            out[k] = canonical
    if faults:
        raise AliasesError(f"aliases file {path}: " + "; ".join(faults) + ".")
    return out


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Country name or code key -> the short name (pycountry's common name where it has one)."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                out.setdefault(key(value), short)
    return out


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        out[c.alpha_2] = out[c.alpha_3] = short
    return out


@dataclass
class Subjects:
    """The alias table of a run: shipped aliases, with the user's file on top."""

    aliases: dict[str, str] = field(default_factory=lambda: read_aliases(SHIPPED_ALIASES))

    @classmethod
    def from_file(cls, user_file: Optional[Path] = None) -> "Subjects":
        table = dict(read_aliases(SHIPPED_ALIASES))
        if user_file is not None:
            table.update(read_aliases(user_file))
        return cls(table)

    def canonical(self, raw: Optional[str]) -> Optional[str]:
        """The one name of a subject.

        >>> s = Subjects()
        >>> [s.canonical(x) for x in ["UK", "the British government", "London", "Britain"]]
        ['United Kingdom', 'United Kingdom', 'United Kingdom', 'United Kingdom']
        >>> [s.canonical(x) for x in ["the coalition", "International Drone Coalition", "drone coalition"]]
        ['drone coalition', 'drone coalition', 'drone coalition']
        >>> [s.canonical(x) for x in ["DEU", "Federal Republic of Germany", "Estonia", "Acme Arms"]]
        ['Germany', 'Germany', 'Estonia', 'Acme Arms']
        """
        if raw is None or not raw.strip():
            return None
        k = key(raw)
        for candidate in (k, _stripped(k)):
            if candidate in self.aliases:
                return self.aliases[candidate]
            name = _countries().get(candidate)
            if name:
                return self.aliases.get(key(name), name)
        code = raw.strip().replace(".", "")
        if code.isupper() and code in _country_codes():  # "DE", "DEU"; lower-case "de" is a word
            name = _country_codes()[code]
            return self.aliases.get(key(name), name)
        return " ".join(raw.split())
