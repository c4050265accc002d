"""Claims and Documents rows rendered by an earlier run, kept beside the workbook so a run
re-renders only the documents whose rows changed.

A render writes every standing claim to the Claims sheet; after a run that added 1 % new
documents, 99 % of those rows are the same as last time. Each document's rows are kept
here as sheet XML (implicit cell positions, so a block fits at any row), deflated as the
workbook holds them (`xlsx_parts.Packed`, copied into the zip as they are), keyed by a
digest of what they were rendered from. The file is derived and disposable: a missing,
unreadable or foreign file is started again, and the workbook comes out the same.
"""
from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from .xlsx_parts import Packed, pack

CACHE_NAME = ".render-cache.sqlite"
CACHE_VERSION = 4  # of the file's layout


@dataclass
class Block:
    """Rows of sheet XML with implicit positions (`xml`, or deflated in `packed`), and their
    links as (row within the block, column index, target): the cell references a link needs
    are made where the block lands."""

    xml: bytes
    rows: int
    links: list[tuple[int, int, str]] = field(default_factory=list)
    complete: bool = True  # False when only some of its links fitted under Excel's limit: not kept
    packed: Packed | None = None


class RowCache:
    """Blocks of rows by digest; the blocks not asked for in a render are dropped when it closes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.used: set[bytes] = set()
        self.new: list[tuple[bytes, bytes, int, int, int, int, int, str]] = []
        self.db = self._open()

    def _open(self) -> sqlite3.Connection | None:
        for attempt in range(2):
            db = None
            try:
                db = sqlite3.connect(self.path, isolation_level=None)
                db.execute("PRAGMA synchronous = OFF")  # disposable: a write lost in a crash is rendered again
                if db.execute("PRAGMA user_version").fetchone()[0] != CACHE_VERSION:  # new, or not ours
                    db.execute("DROP TABLE IF EXISTS blocks")
                    # check: the CRC-32 of `deflated` as kept, since a damaged block would go into the zip as it is
                    db.execute("CREATE TABLE blocks (sig BLOB PRIMARY KEY, deflated BLOB NOT NULL, check_crc INTEGER NOT NULL, "
                               "crc INTEGER NOT NULL, size INTEGER NOT NULL, shift INTEGER NOT NULL, rows INTEGER NOT NULL, "
                               "links TEXT NOT NULL)")
                    db.execute(f"PRAGMA user_version = {CACHE_VERSION}")
                return db
            except sqlite3.Error as err:
                if db is not None:
                    db.close()
                if "locked" in str(err) or attempt:  # in use, or cannot be made: render without it
                    return None
                try:
                    self.path.unlink(missing_ok=True)  # not a database: start it again
                except OSError:
                    return None
        return None

    def get(self, sigs: list[bytes]) -> dict[bytes, Block]:
        """The blocks kept under these digests (one query for a few hundred documents)."""
        self.used.update(sigs)
        if self.db is None or not sigs:
            return {}
        found: dict[bytes, Block] = {}
        wanted = set(sigs)
        try:
            answer = self.db.execute(
                f"SELECT sig, deflated, check_crc, crc, size, shift, rows, links FROM blocks "
                f"WHERE sig IN ({', '.join('?' * len(sigs))})", sigs).fetchall()
        except sqlite3.Error:
            return {}
        for sig, deflated, check, crc, size, shift, rows, links in answer:
            if sig not in wanted or zlib.crc32(deflated) != check:  # a file damaged, or left half-written by a crash
                continue
            try:
                found[sig] = Block(xml=b"", rows=rows, packed=Packed(bytes(deflated), crc, size, shift),
                                   links=[] if links == "[]" else  # most blocks: past the sheet's link limit
                                   [(at, col, target) for at, col, target in json.loads(links)])
            except (ValueError, TypeError):  # a damaged block is rendered again, the others kept
                continue
        return found

    def put(self, sig: bytes, block: Block) -> None:
        """Keep a block, deflated once (`packed`) for the cache and for the sheet it goes in."""
        if block.packed is None:
            block.packed = pack(block.xml)
        p = block.packed
        self.used.add(sig)
        self.new.append((sig, p.data, zlib.crc32(p.data), p.crc, p.size, p.shift, block.rows, json.dumps(block.links)))
        if len(self.new) >= 2_000:
            self._write()

    def _write(self) -> None:
        if self.db is not None and self.new:
            try:
                with self.db:  # one transaction, not one a block
                    self.db.execute("BEGIN")
                    self.db.executemany("INSERT OR REPLACE INTO blocks VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self.new)
            except sqlite3.Error:
                self.db = None
        self.new.clear()

    def close(self) -> None:
        """Keep the new blocks; drop those of documents or versions no longer shown."""
        self._write()
        if self.db is None:
            return
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.execute("CREATE TEMP TABLE used (sig BLOB PRIMARY KEY)")
                self.db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((s,) for s in self.used))
                self.db.execute("DELETE FROM blocks WHERE sig NOT IN (SELECT sig FROM used)")
            self.db.close()
        except sqlite3.Error:
            pass
        self.db = None
