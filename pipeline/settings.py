"""Settings: defaults, then `tracker.toml` in the working folder, then command-line options.

Defaults work with no file at all. Every key of the file is also a command-line option
of the same name (with dashes), which wins over the file.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

SETTINGS_FILE = "tracker.toml"
LEDGER_ENV = "TRACKER_LEDGER"  # the ledger location, e.g. a team's postgresql:// URL
WORKBOOK_NAME = "tracker.xlsx"
DEFAULT_MAX_BYTES = 20_000_000  # an article is rarely over 1 MB; 20 MB leaves room for long reports


class SettingsError(Exception):
    """The settings file cannot be used; the message says which key and why."""


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    inbox: Path = Field(Path("inbox"), description="Folder of documents to read.")
    out: Path = Field(Path("outputs"), description="Folder of the ledger and the workbook.")
    ledger: Optional[str] = Field(None, description="Ledger location: a SQLite file, or a postgresql:// URL for a "
                                  "ledger a team shares; default <out>/ledger.sqlite (env TRACKER_LEDGER).")
    max_bytes: int = Field(DEFAULT_MAX_BYTES, gt=0, description="Files over this size are refused unread.")
    wait: float = Field(0, ge=0, description="Seconds to wait for another run on the same out folder.")
    aliases: Optional[Path] = Field(None, description="Extra subject aliases (TOML), added to the shipped ones.")
    rates: Optional[Path] = Field(None, description="Extra exchange rates (CSV of date, currency, rate, source).")
    ecb_history: Optional[Path] = Field(None, description="A newer ECB history file (eurofxref-hist.zip or .csv).")
    fact_window_days: int = Field(14, ge=0, description="Reports of one figure within this many days are one fact.")
    tracker_period: Literal["month", "quarter"] = Field("month", description="Column period of the Tracker sheet.")

    @property
    def ledger_path(self) -> Path:
        return Path(self.ledger) if self.ledger else self.out / "ledger.sqlite"

    @property
    def ledger_location(self) -> Path | str:
        """What store.open_ledger opens: the SQLite file's path, or the database URL as given."""
        return self.ledger if self.ledger and "://" in self.ledger else self.ledger_path


def load_settings(folder: Path = Path("."), **overrides: Any) -> Settings:
    """Defaults, then `tracker.toml` in `folder` if present, then the non-None `overrides`."""
    values: dict[str, Any] = {}
    path = folder / SETTINGS_FILE
    if path.is_file():
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise SettingsError(f"{path} is not valid TOML: {err}") from None
    if os.environ.get(LEDGER_ENV):  # over the file, under the command line
        values["ledger"] = os.environ[LEDGER_ENV]
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as err:
        first = err.errors()[0]
        key = ".".join(str(x) for x in first["loc"])
        raise SettingsError(f"setting '{key}' in {path}: {first['msg'].lower()}") from None
