"""Put the pipeline's own sheets into an existing workbook without touching anything else.

openpyxl drops charts, images and pivot tables of any workbook it loads and saves again,
so the analyst's workbook is never loaded by it. Instead the pipeline's sheets are
rendered into a fresh workbook by openpyxl and moved, part by part, into the existing
file: its sheet XML (style numbers mapped onto the existing style sheet), tables,
drawings and charts. Every other part of the file (the analyst's sheets, charts, images,
pivot tables, names) is copied byte for byte.
"""
from __future__ import annotations

import datetime as _dt
import io
import posixpath
import re
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr
from typing import IO, Callable, Iterator, Union

from lxml import etree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CALC_CHAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain"
WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
M = f"{{{MAIN}}}"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)

# Order of the style sheet's children (ECMA-376 CT_Stylesheet): a missing list is inserted in place.
STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
               "tableStyles", "colors", "extLst"]
FIRST_CUSTOM_NUMFMT = 164


class MergeError(Exception):
    """The existing workbook cannot be updated in place (the caller writes beside it)."""


@dataclass
class Lazy:
    """A part left in its zip until written, so a sheet of 100,000 rows is never whole in memory.

    `edit` changes it on the way out, a piece at a time; pieces end at a tag's end, so an
    edit of attributes within one tag is safe.
    """

    zf: zipfile.ZipFile
    name: str
    edit: Callable[[bytes], bytes] | None = None


@dataclass(frozen=True)
class Packed:
    """Bytes as raw deflate that refers to nothing before it and ends on a byte boundary (a
    sync flush), with their CRC-32 and length: any number of these, one after another, are
    one deflate stream, so rows deflated once (and kept, `rowcache`) are zipped as they are.
    `shift` is x^(8 * size) modulo CRC-32's polynomial: the CRC of bytes before these is
    multiplied by it to go on over them (`crc32_then`), in a few microseconds whatever the size."""

    data: bytes
    crc: int
    size: int
    shift: int


def pack(data: bytes) -> Packed:
    z = zlib.compressobj(PACK_LEVEL, zlib.DEFLATED, -15)
    return Packed(z.compress(data) + z.flush(zlib.Z_SYNC_FLUSH), zlib.crc32(data), len(data),
                  crc32_combine(_X0, 0, len(data)))


_ZEROS = bytes(1 << 20)
_POLY = 0xEDB88320  # CRC-32's polynomial, bits reflected as zlib keeps them


def _multmodp(a: int, b: int) -> int:
    """a times b modulo CRC-32's polynomial (zlib's multmodp)."""
    m, p = 1 << 31, 0
    while True:
        if a & m:
            p ^= b
            if not a & (m - 1):
                return p
        m >>= 1
        b = (b >> 1) ^ _POLY if b & 1 else b >> 1


_X0 = 1 << 31  # x^0, the polynomial 1
_X2N = [1 << 30]  # x^(2^n) modulo the polynomial, n = 0 .. 31 (zlib's x2n_table)
for _ in range(31):
    _X2N.append(_multmodp(_X2N[-1], _X2N[-1]))


def crc32_combine(crc1: int, crc2: int, size2: int) -> int:
    """The CRC-32 of A then B from A's, B's and B's length (zlib's crc32_combine, which
    Python's zlib lacks). CRC-32 is affine: A's register moves on as over B's length of zero
    bytes. For a short B, zlib.crc32 of zeros from `crc1` and from 0 differ by exactly that
    move; for a long one (a sheet's million rows), the move is x^(8 * size2) modulo the
    polynomial, found in about 40 steps, not a pass over a gigabyte of zeros.

    >>> a, short, long = b"pledged EUR 500 million", b" for drones" * 50, b" for drones" * 30_000
    >>> [crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b) for b in (short, long)]
    [True, True]
    """
    if size2 >= 1 << 18:  # where 40 steps in Python cost less than two passes of zlib.crc32
        move, n, k = 1 << 31, size2, 3  # x^0; then x^(n * 2^k) for the size in bits
        while n:
            if n & 1:
                move = _multmodp(_X2N[k & 31], move)
            n >>= 1
            k += 1
        return _multmodp(move, crc1) ^ crc2
    shifted, zero = crc1, 0
    zeros = memoryview(_ZEROS)
    while size2 > 0:
        piece = zeros[:min(size2, len(_ZEROS))]
        shifted, zero = zlib.crc32(piece, shifted), zlib.crc32(piece, zero)
        size2 -= len(piece)
    return shifted ^ zero ^ crc2


def crc32_then(crc1: int, packed: Packed) -> int:
    """The CRC-32 of A then `packed`'s bytes from A's (`crc32_combine` with the move over them
    worked out once, when they were packed).

    >>> a, b = b"pledged EUR 500 million", b" for drones" * 500
    >>> crc32_then(zlib.crc32(a), pack(b)) == zlib.crc32(a + b)
    True
    """
    return _multmodp(packed.shift, crc1) ^ packed.crc


class Deflated:
    """Rows of sheet XML deflated as they are written, into a temporary file (a Claims sheet
    of a million rows waits there, compressed, until zipped): fresh XML through one running
    compressor, rows deflated before (`Packed`) copied in as they are."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()
        self.crc = 0
        self.size = 0
        self._z: zlib._Compress | None = None

    def write(self, xml: bytes) -> None:
        if self._z is None:
            self._z = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
        self.file.write(self._z.compress(xml))
        self.crc = zlib.crc32(xml, self.crc)
        self.size += len(xml)

    def add(self, packed: Packed) -> None:
        self.flush()  # the running compressor's output ends here; one started later refers to nothing before
        self.file.write(packed.data)
        self.crc = crc32_then(self.crc, packed)
        self.size += packed.size

    def flush(self) -> None:
        if self._z is not None:
            self.file.write(self._z.flush(zlib.Z_SYNC_FLUSH))
            self._z = None

    def deflated(self) -> Iterator[bytes]:
        """The deflate stream (not finished: more may follow), a piece at a time."""
        self.flush()
        self.file.seek(0)
        while piece := self.file.read(PIECE):
            yield piece

    def read(self) -> Callable[[int], bytes]:
        """A reader of the XML, inflated again (for a part that must be edited on its way out)."""
        inflate = zlib.decompressobj(-15)
        pieces = self.deflated()

        def read(n: int) -> bytes:
            out = b""
            while not out:
                piece = next(pieces, None)
                if piece is None:
                    return inflate.flush()
                out = inflate.decompress(piece)
            return out

        return read


@dataclass
class Chunks:
    """A part made of pieces: text (a sheet's head and tail) and the rows the pipeline
    wrote (`Deflated`). `edit` changes it on the way out, as Lazy's does; without one, the
    rows' deflate data is zipped as it is, never inflated and compressed again."""

    pieces: list[str | Deflated]
    edit: Callable[[bytes], bytes] | None = None

    def blocks(self) -> Iterator[bytes]:
        for piece in self.pieces:
            if isinstance(piece, str):
                data = piece.encode("utf-8")
                yield self.edit(data) if self.edit else data
            else:
                yield from _tag_blocks(piece.read(), self.edit)

    def write_to(self, z: zipfile.ZipFile, name: str) -> None:
        """Add this part to `z` as deflated already: its text packed, its rows copied."""
        if self.edit is not None:
            with z.open(name, "w", force_zip64=True) as dst:
                for block in self.blocks():
                    dst.write(block)
            return
        streams: list[Packed | Deflated] = [pack(p.encode("utf-8")) if isinstance(p, str) else p
                                            for p in self.pieces]
        crc = size = 0
        for st in streams:
            crc, size = crc32_combine(crc, st.crc, st.size), size + st.size
        for st in streams:
            if isinstance(st, Deflated):
                st.flush()
        final = b"\x03\x00"  # an empty last block ends the stream
        compressed = sum(len(st.data) if isinstance(st, Packed) else st.file.seek(0, 2) for st in streams) + len(final)
        info = zipfile.ZipInfo(name, date_time=time.localtime(time.time())[:6])
        info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16
        info.CRC, info.file_size, info.compress_size = crc, size, compressed
        # zipfile writes deflated data only by compressing it; this is what its writestr
        # does, with the compressed bytes given.
        info.header_offset = z.fp.tell()
        z.fp.write(info.FileHeader(size > zipfile.ZIP64_LIMIT or compressed > zipfile.ZIP64_LIMIT))
        for st in streams:
            if isinstance(st, Packed):
                z.fp.write(st.data)
            else:
                for piece in st.deflated():
                    z.fp.write(piece)
        z.fp.write(final)
        z.filelist.append(info)
        z.NameToInfo[name] = info
        z.start_dir = z.fp.tell()
        z._didModify = True


def _tag_blocks(read: Callable[[int], bytes], edit: Callable[[bytes], bytes] | None) -> Iterator[bytes]:
    """What `read` gives, a piece at a time, each cut at a tag's end (so `edit` sees whole tags)."""
    carry = b""
    while piece := read(PIECE):
        data = carry + piece
        cut = data.rfind(b">") + 1
        carry = data[cut:]
        yield edit(data[:cut]) if edit else data[:cut]
    if carry:
        yield edit(carry) if edit else carry


Part = Union[bytes, Lazy, Chunks]
PIECE = 1 << 20
# Deflate level of the workbook written: level 3 compresses a 150 MB Claims sheet in half the
# time of zlib's default (6), for a file about an eighth larger.
COMPRESS_LEVEL = 3
# Rows packed once and kept (a document's Claims rows, some 13 KB) are deflated alone, without
# the rest of the sheet to draw on: level 6 keeps them a tenth smaller than level 3 would.
# They are compressed once, when first rendered.
PACK_LEVEL = 6


@dataclass
class Package:
    """An OOXML zip as an ordered mapping of part name -> content."""

    parts: dict[str, Part] = field(default_factory=dict)

    @classmethod
    def read(cls, data: bytes) -> "Package":
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
            return cls({i.filename: Lazy(zf, i.filename) for i in zf.infolist() if not i.is_dir()})
        except (zipfile.BadZipFile, KeyError, OSError) as err:
            raise MergeError(f"not a readable .xlsx file ({err})") from None

    def get(self, name: str) -> bytes:
        """A part's bytes (read from its zip once, then kept)."""
        part = self.parts[name]
        if isinstance(part, Lazy):
            try:
                data = part.zf.read(part.name)
            except (zipfile.BadZipFile, OSError, EOFError) as err:
                raise MergeError(f"part {name} cannot be read ({err})") from None
            data = part.edit(data) if part.edit else data
            self.parts[name] = data
            return data
        if isinstance(part, Chunks):
            return b"".join(part.blocks())
        return part

    def write(self) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as z:
            for name, part in self.parts.items():
                if isinstance(part, bytes):
                    z.writestr(name, part)
                    continue
                if isinstance(part, Chunks):
                    part.write_to(z, name)
                    continue
                with z.open(name, "w", force_zip64=True) as dst:
                    _copy(part, dst)
        return buf.getvalue()

    def xml(self, name: str) -> etree._Element:
        try:
            return etree.fromstring(self.get(name), PARSER)
        except KeyError:
            raise MergeError(f"the workbook has no part {name}") from None
        except etree.XMLSyntaxError as err:
            raise MergeError(f"part {name} is not valid XML ({err})") from None


def _copy(part: Lazy, dst: IO[bytes]) -> None:
    """Stream a part from its zip into another, editing whole tags a piece at a time."""
    try:
        with part.zf.open(part.name) as src:
            for block in _tag_blocks(src.read, part.edit):
                dst.write(block)
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise MergeError(f"part {part.name} cannot be read ({err})") from None


def _xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rels_name(part: str) -> str:
    d, f = posixpath.split(part)
    return posixpath.join(d, "_rels", f + ".rels")


def _resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def _internal_rels(pkg: Package, part: str, xml: Callable[[str], etree._Element] | None = None
                   ) -> list[etree._Element]:
    name = rels_name(part)
    if name not in pkg.parts:
        return []
    return [r for r in (xml or pkg.xml)(name) if r.get("TargetMode") != "External"]


def closure(pkg: Package, part: str, xml: Callable[[str], etree._Element] | None = None) -> list[str]:
    """The part, its relationship files and every part they lead to, depth first (`xml`: how
    a part is parsed, `pkg.xml` unless given)."""
    seen: list[str] = []
    stack = [part]
    while stack:
        p = stack.pop()
        if p in seen or p not in pkg.parts:
            continue
        seen.append(p)
        if rels_name(p) in pkg.parts:
            seen.append(rels_name(p))
        stack.extend(_resolve(p, r.get("Target")) for r in _internal_rels(pkg, p, xml))
    return seen


@dataclass
class SheetRef:
    name: str
    element: etree._Element   # the <sheet> element of workbook.xml
    rel_id: str
    part: str


def sheets(pkg: Package) -> tuple[etree._Element, etree._Element, list[SheetRef]]:
    wb = pkg.xml("xl/workbook.xml")
    rels = pkg.xml("xl/_rels/workbook.xml.rels")
    targets = {r.get("Id"): _resolve("xl/workbook.xml", r.get("Target")) for r in rels}
    found = []
    for s in wb.find(f"{M}sheets"):
        rid = s.get(f"{{{REL_NS}}}id")
        found.append(SheetRef(s.get("name"), s, rid, targets.get(rid, "")))
    return wb, rels, found


# --- styles -----------------------------------------------------------------------------

def _child(root: etree._Element, tag: str) -> etree._Element:
    """The style sheet's list `tag`, created in its schema position when missing."""
    el = root.find(M + tag)
    if el is not None:
        return el
    el = etree.Element(M + tag, nsmap={None: MAIN})
    after = STYLE_ORDER[STYLE_ORDER.index(tag) + 1:]
    for i, child in enumerate(root):
        if etree.QName(child).localname in after:
            root.insert(i, el)
            break
    else:
        root.append(el)
    return el


def _key(el: etree._Element) -> bytes:
    """An entry's identity: its canonical XML as it reads back from the file. (openpyxl leaves
    a differential format's children in no namespace until written and read again; compared
    as they stood, the same conditional fill was appended again on every run.)"""
    return etree.tostring(etree.fromstring(etree.tostring(el, with_tail=False), PARSER), method="c14n")


def _append_unique(target: etree._Element, items: list[etree._Element]) -> list[int]:
    """Index in `target` of each item, appending those not already there."""
    index = {_key(el): i for i, el in enumerate(target)}
    mapping = []
    for el in items:
        k = _key(el)
        if k not in index:
            target.append(el)
            index[k] = len(target) - 1
        mapping.append(index[k])
    target.set("count", str(len(target)))
    return mapping


def merge_styles(existing: etree._Element, new: etree._Element) -> tuple[dict[int, int], dict[int, int]]:
    """Add the new workbook's styles to the existing style sheet.

    Returns the maps new cell-format index -> existing index and new differential-format
    index -> existing index. Identical entries are reused, so the style sheet does not
    grow from one run to the next.
    """
    # Number formats: by format code; a new code gets the next free custom id.
    e_fmts = _child(existing, "numFmts")
    by_code = {f.get("formatCode"): int(f.get("numFmtId")) for f in e_fmts}
    next_id = max([FIRST_CUSTOM_NUMFMT - 1, *by_code.values()]) + 1
    fmt_map: dict[int, int] = {}
    n_fmts = new.find(M + "numFmts")
    for f in (n_fmts if n_fmts is not None else []):
        code = f.get("formatCode")
        if code not in by_code:
            el = etree.SubElement(e_fmts, M + "numFmt", numFmtId=str(next_id), formatCode=code)
            el.tail = None
            by_code[code] = next_id
            next_id += 1
        fmt_map[int(f.get("numFmtId"))] = by_code[code]
    e_fmts.set("count", str(len(e_fmts)))
    if len(e_fmts) == 0:
        existing.remove(e_fmts)

    maps = {}
    for tag, child in (("fonts", "font"), ("fills", "fill"), ("borders", "border")):
        n_list = new.find(M + tag)
        maps[child] = _append_unique(_child(existing, tag), list(n_list) if n_list is not None else [])

    xfs = []
    for xf in new.find(M + "cellXfs"):
        xf = etree.fromstring(etree.tostring(xf), PARSER)
        n = int(xf.get("numFmtId", "0"))
        xf.set("numFmtId", str(fmt_map.get(n, n)))
        for attr, kind in (("fontId", "font"), ("fillId", "fill"), ("borderId", "border")):
            xf.set(attr, str(maps[kind][int(xf.get(attr, "0"))]))
        xf.set("xfId", "0")  # the pipeline uses no named styles: all hang off "Normal"
        xfs.append(xf)
    xf_map = dict(enumerate(_append_unique(_child(existing, "cellXfs"), xfs)))

    n_dxfs = new.find(M + "dxfs")
    dxf_map: dict[int, int] = {}
    if n_dxfs is not None and len(n_dxfs):
        dxfs = []
        for d in n_dxfs:
            d = etree.fromstring(etree.tostring(d), PARSER)
            fmt = d.find(M + "numFmt")
            if fmt is not None:  # a differential number format carries its own code
                fmt.set("numFmtId", str(fmt_map.get(int(fmt.get("numFmtId")), fmt.get("numFmtId"))))
            dxfs.append(d)
        dxf_map = dict(enumerate(_append_unique(_child(existing, "dxfs"), dxfs)))
    return xf_map, dxf_map


CELL_STYLE = re.compile(rb'(<c(?: r="[A-Z]+[0-9]+")?) s="([0-9]+)"')  # the pipeline's rows have no r
COL_STYLE = re.compile(rb'(<col [^>]*?)style="([0-9]+)"')
ROW_STYLE = re.compile(rb'(<row [^>]*?) s="([0-9]+)"')
DXF_ID = re.compile(rb'(<cfRule [^>]*?)dxfId="([0-9]+)"')


def remap_sheet(xml: bytes, xf_map: dict[int, int], dxf_map: dict[int, int]) -> bytes:
    """Point a sheet written by openpyxl (inline strings, regular markup) at merged styles.

    >>> remap_sheet(b'<c r="B2" s="3" t="n"><v>1</v></c><c/><c s="3"><v>2</v></c>', {3: 40}, {})
    b'<c r="B2" s="40" t="n"><v>1</v></c><c/><c s="40"><v>2</v></c>'
    """
    def sub(pattern: re.Pattern[bytes], attr: bytes, mapping: dict[int, int], text: bytes) -> bytes:
        return pattern.sub(lambda m: m[1] + attr + b'="' + str(mapping[int(m[2])]).encode() + b'"', text)

    xml = sub(CELL_STYLE, b" s", xf_map, xml)
    xml = sub(ROW_STYLE, b" s", xf_map, xml)
    xml = sub(COL_STYLE, b"style", xf_map, xml)
    return sub(DXF_ID, b"dxfId", dxf_map, xml)


# --- the merge --------------------------------------------------------------------------

def _content_types(pkg: Package) -> etree._Element:
    return pkg.xml("[Content_Types].xml")


def _override(ct: etree._Element, part: str) -> str | None:
    for o in ct.findall(f"{{{CT_NS}}}Override"):
        if o.get("PartName") == "/" + part:
            return o.get("ContentType")
    return None


def _unique(pkg: Package, part: str, taken: set[str]) -> str:
    """A free part name like `part`, keeping its folder and extension."""
    d, f = posixpath.split(part)
    stem, ext = posixpath.splitext(f)
    stem = re.sub(r"\d+$", "", stem)
    n = 1
    while True:
        candidate = posixpath.join(d, f"{stem}{n}{ext}")
        if candidate not in pkg.parts and candidate not in taken:
            return candidate
        n += 1


def merge(existing: bytes, new: bytes | Package, owned: list[str]) -> bytes:
    """The existing workbook with the sheets named in `owned` taken from `new`.

    Owned sheets keep their place (new ones go before the analyst's sheets, in `owned`
    order); everything else in `existing` is kept as it was.
    """
    e, n = Package.read(existing), new if isinstance(new, Package) else Package.read(new)
    e_wb, e_rels, e_sheets = sheets(e)
    _, _, n_sheets = sheets(n)
    e_ct, n_ct = _content_types(e), _content_types(n)
    n_by_name = {s.name: s for s in n_sheets}
    if set(n_by_name) != set(owned):
        raise MergeError("the new workbook does not hold exactly the pipeline's sheets")

    # 1. Drop the old versions of the pipeline's sheets and everything only they use.
    kept_parts_refs: set[str] = set()
    for s in e_sheets:
        if s.name not in owned:
            kept_parts_refs.update(closure(e, s.part))
    old_positions: dict[str, int] = {}
    sheets_el = e_wb.find(f"{M}sheets")
    for i, s in enumerate(e_sheets):
        if s.name in owned:
            old_positions[s.name] = i
            for part in closure(e, s.part):
                if part not in kept_parts_refs:
                    e.parts.pop(part, None)
                    for o in e_ct.findall(f"{{{CT_NS}}}Override"):
                        if o.get("PartName") == "/" + part:
                            e_ct.remove(o)
            for r in e_rels:
                if r.get("Id") == s.rel_id:
                    e_rels.remove(r)

    # 2. Styles.
    e_styles_name = next((_resolve("xl/workbook.xml", r.get("Target")) for r in e_rels
                          if r.get("Type", "").endswith("/styles")), None)
    if e_styles_name is None:
        raise MergeError("the workbook has no style sheet")
    e_styles, n_styles = e.xml(e_styles_name), n.xml("xl/styles.xml")
    xf_map, dxf_map = merge_styles(e_styles, n_styles)
    e.parts[e_styles_name] = _xml_bytes(e_styles)
    # A workbook the pipeline wrote before holds the new styles at the same places: the sheets
    # need no remapping (a pass of regular expressions over every cell of Claims).
    same_styles = all(k == v for k, v in xf_map.items()) and all(k == v for k, v in dxf_map.items())

    # 3. Copy each new sheet with the parts it uses, under free names.
    used_ids = {r.get("Id") for r in e_rels}
    sheet_ids = [int(s.element.get("sheetId")) for s in e_sheets if s.name not in owned]
    new_elements: dict[str, etree._Element] = {}
    parsed: dict[str, etree._Element] = {}  # the new sheets' relationships, parsed once (65,000 links each)

    def n_xml(part: str) -> etree._Element:
        if part not in parsed:
            parsed[part] = n.xml(part)
        return parsed[part]

    for name in owned:
        src = n_by_name[name]
        parts = closure(n, src.part, n_xml)
        renames: dict[str, str] = {}
        for part in parts:
            if part.endswith(".rels"):
                continue
            renames[part] = _unique(e, part, set(renames.values()))
        for part in parts:
            if part.endswith(".rels"):
                continue
            data = n.parts[part]
            if part == src.part and not same_styles:  # pointed at the merged styles as it is copied
                if isinstance(data, Lazy):
                    data = Lazy(data.zf, data.name, lambda xml: remap_sheet(xml, xf_map, dxf_map))
                elif isinstance(data, Chunks):  # pieces end at a tag's end: each is remapped alone
                    data = Chunks(data.pieces, lambda xml: remap_sheet(xml, xf_map, dxf_map))
                else:
                    data = remap_sheet(n.get(part), xf_map, dxf_map)
            e.parts[renames[part]] = data
            ctype = _override(n_ct, part)
            if ctype:
                etree.SubElement(e_ct, f"{{{CT_NS}}}Override", PartName="/" + renames[part], ContentType=ctype)
            if rels_name(part) in n.parts:
                internal = _internal_rels(n, part, n_xml)
                targets = [renames[_resolve(part, r.get("Target"))] for r in internal]
                if renames[part] == part and all(t == _resolve(part, r.get("Target")) for t, r in zip(targets, internal)):
                    e.parts[rels_name(part)] = n.parts[rels_name(part)]  # nothing renamed: as written
                else:
                    rels = parsed.pop(rels_name(part))  # edited: not what the next sheet's closure reads
                    for r, target in zip(internal, targets):
                        r.set("Target", "/" + target)
                    e.parts[rels_name(renames[part])] = _xml_bytes(rels)
                parsed.pop(rels_name(part), None)
        rid = next(f"rIdP{i}" for i in range(1, 10_000) if f"rIdP{i}" not in used_ids)
        used_ids.add(rid)
        etree.SubElement(e_rels, f"{{{PKG_REL}}}Relationship", Id=rid, Type=WORKSHEET,
                         Target="/" + renames[src.part])
        old = next((s for s in e_sheets if s.name == name), None)
        if old is not None:
            el = old.element
        else:
            next_id = max([0, *sheet_ids, *(int(x.get("sheetId")) for x in new_elements.values())]) + 1
            el = etree.Element(M + "sheet", name=name, sheetId=str(next_id))
        el.set(f"{{{REL_NS}}}id", rid)
        new_elements[name] = el

    # 4. Sheet order: owned sheets where they were; new ones before the analyst's sheets.
    order = [s.element for s in e_sheets]
    before = [s.element for s in e_sheets]
    for name in owned:
        el = new_elements[name]
        if el not in order:
            prev = [new_elements[o] for o in owned[: owned.index(name)] if new_elements[o] in order]
            pos = order.index(prev[-1]) + 1 if prev else 0
            order.insert(pos, el)
    for el in list(sheets_el):
        sheets_el.remove(el)
    for el in order:
        sheets_el.append(el)
    _fix_local_names(e_wb, before, order, [new_elements[n] for n in owned])
    _add_local_names(e_wb, n, order, new_elements)

    # 5. Formulas over the pipeline's sheets must recalculate on open; the old chain is stale.
    for r in list(e_rels):
        if r.get("Type") == CALC_CHAIN:
            part = _resolve("xl/workbook.xml", r.get("Target"))
            e.parts.pop(part, None)
            e_rels.remove(r)
            for o in e_ct.findall(f"{{{CT_NS}}}Override"):
                if o.get("PartName") == "/" + part:
                    e_ct.remove(o)
    calc = e_wb.find(f"{M}calcPr")
    if calc is None:
        calc = etree.SubElement(e_wb, M + "calcPr")
        _place_calc(e_wb, calc)
    calc.set("fullCalcOnLoad", "1")
    views = e_wb.find(f"{M}bookViews")
    if views is not None:
        for v in views:
            v.set("activeTab", "0")
            v.set("firstSheet", "0")

    e.parts["xl/workbook.xml"] = _xml_bytes(e_wb)
    e.parts["xl/_rels/workbook.xml.rels"] = _xml_bytes(e_rels)
    e.parts["[Content_Types].xml"] = _xml_bytes(e_ct)
    return e.write()


def _add_local_names(wb: etree._Element, n: Package, order: list, new_elements: dict) -> None:
    """The new sheets' own sheet-scoped names (print titles), at the sheets' final places."""
    n_wb, _, n_sheets = sheets(n)
    n_names = n_wb.find(f"{M}definedNames")
    if n_names is None:
        return
    names = wb.find(f"{M}definedNames")
    if names is None:
        names = etree.Element(M + "definedNames")
        anchor = wb.find(f"{M}sheets")
        anchor.addnext(names)
    for dn in n_names:
        local = dn.get("localSheetId")
        if local is None:
            continue
        el = new_elements[n_sheets[int(local)].name]
        copy = etree.fromstring(etree.tostring(dn), PARSER)
        copy.set("localSheetId", str(order.index(el)))
        names.append(copy)


def _place_calc(wb: etree._Element, calc: etree._Element) -> None:
    """calcPr goes before oleSize, customWorkbookViews, pivotCaches ... (CT_Workbook order)."""
    later = {"oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes",
             "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"}
    wb.remove(calc)
    for i, child in enumerate(wb):
        if etree.QName(child).localname in later:
            wb.insert(i, calc)
            return
    wb.append(calc)


def _fix_local_names(wb: etree._Element, before: list, after: list, owned_elements: list) -> None:
    """Defined names scoped to a sheet follow it to its new position; the pipeline's own go."""
    names = wb.find(f"{M}definedNames")
    if names is None:
        return
    for dn in list(names):
        local = dn.get("localSheetId")
        if local is None:
            continue
        old = before[int(local)] if int(local) < len(before) else None
        if old is None or old in owned_elements:
            names.remove(dn)
        else:
            dn.set("localSheetId", str(after.index(old)))
    if len(names) == 0:
        wb.remove(names)


# --- reading cells back, fast ------------------------------------------------------------

# Built-in number formats that show dates (ECMA-376 18.8.30).
BUILTIN_DATE_FORMATS = set(range(14, 23)) | {45, 46, 47}
DATE_CODE = re.compile(r"[dmyhs]", re.IGNORECASE)
EXCEL_EPOCH = _dt.datetime(1899, 12, 30)  # day 0 of Excel's serial dates


def _date_styles(pkg: Package, styles_part: str | None) -> set[int]:
    """Indexes of cell formats that show a date, so their serial numbers read back as dates."""
    if not styles_part or styles_part not in pkg.parts:
        return set()
    root = pkg.xml(styles_part)
    custom = {}
    fmts = root.find(M + "numFmts")
    for f in (fmts if fmts is not None else []):
        code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", f.get("formatCode", ""))
        custom[int(f.get("numFmtId"))] = bool(DATE_CODE.search(code)) and "#" not in code and "0" not in code
    xfs = root.find(M + "cellXfs")
    found = set()
    for i, xf in enumerate(xfs if xfs is not None else []):
        n = int(xf.get("numFmtId", "0"))
        if n in BUILTIN_DATE_FORMATS or custom.get(n):
            found.add(i)
    return found


def _column_index(ref: str) -> int:
    n = 0
    for ch in ref:
        if ch.isalpha():
            n = n * 26 + (ord(ch.upper()) - 64)
        else:
            break
    return n - 1


def read_rows(data: bytes, sheet_name: str, max_rows: int | None = None) -> list[list[object]]:
    """The cell values of one sheet, row by row, without loading the workbook.

    openpyxl's read-only mode first scans every sheet of the file to size it; reading
    decisions back from a workbook of 100,000 claims must not cost that. Strings (shared or
    inline), numbers, booleans and dates are read; formulas give their cached value.
    Returns [] when the sheet is not there; a file that cannot be read raises MergeError.
    """
    try:
        return _read_rows(data, sheet_name, max_rows)
    except MergeError:
        raise
    except (etree.LxmlError, zipfile.BadZipFile, OSError, EOFError, ValueError, IndexError, KeyError,
            TypeError, AttributeError) as err:  # a workbook saved by another program in a form not read here
        raise MergeError(f"its {sheet_name} sheet cannot be read ({type(err).__name__}: {err})") from None


def _read_rows(data: bytes, sheet_name: str, max_rows: int | None) -> list[list[object]]:
    pkg = Package.read(data)
    _, rels, found = sheets(pkg)
    ref = next((s for s in found if s.name == sheet_name), None)
    if ref is None or ref.part not in pkg.parts:
        return []
    by_type = {r.get("Type", "").rsplit("/", 1)[-1]: _resolve("xl/workbook.xml", r.get("Target")) for r in rels}
    shared: list[str] = []
    if by_type.get("sharedStrings") in pkg.parts:
        for si in pkg.xml(by_type["sharedStrings"]).iter(M + "si"):
            shared.append("".join(t.text or "" for t in si.iter(M + "t")))
    dates = _date_styles(pkg, by_type.get("styles"))
    out: list[list[object]] = []
    part = pkg.parts[ref.part]
    source = part.zf.open(part.name) if isinstance(part, Lazy) else io.BytesIO(pkg.get(ref.part))
    for _, row in etree.iterparse(source, tag=M + "row", huge_tree=True):
        values: list[object] = []
        for c in row.iter(M + "c"):
            col = _column_index(c.get("r", "")) if c.get("r") else len(values)
            kind = c.get("t", "n")
            v = c.find(M + "v")
            if kind == "inlineStr":
                value: object = "".join(t.text or "" for t in c.iter(M + "t"))
            elif v is None or v.text is None:
                value = None
            elif kind == "s":
                value = shared[int(v.text)]
            elif kind in ("str", "e"):
                value = v.text
            elif kind == "d":  # a date stored as ISO text
                value = _dt.datetime.fromisoformat(v.text.rstrip("Z"))
            elif kind == "b":
                value = v.text == "1"
            else:
                number = float(v.text)
                if int(c.get("s", "0")) in dates:
                    value = EXCEL_EPOCH + _dt.timedelta(days=number)
                else:
                    value = int(number) if number.is_integer() and "." not in v.text and "E" not in v.text.upper() \
                        else number
            while len(values) < col:
                values.append(None)
            values.append(value)
        r = int(row.get("r", len(out) + 1)) - 1
        while len(out) < r:
            out.append([])
        out.append(values)
        row.clear()
        if max_rows is not None and len(out) >= max_rows:
            break
    return out


HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
BEFORE_HYPERLINKS_END = ("<printOptions", "<pageMargins", "<pageSetup", "<headerFooter", "<drawing", "<tableParts")


def splice_rows(data: bytes, rows: dict[str, tuple[Deflated, list[tuple[str, str]]]]) -> Package:
    """Put pre-written row XML (and hyperlinks) into sheets openpyxl saved with a header only.

    `rows` maps a sheet name to (its row XML, deflated, [(cell ref, link target)]). The result is a
    package, not yet zipped: `merge` takes it (or `Package.write` zips it), so the rows are
    compressed once.
    """
    pkg = Package.read(data)
    _, _, found = sheets(pkg)
    for ref in found:
        if ref.name not in rows:
            continue
        written, links = rows[ref.name]
        xml = pkg.get(ref.part).decode("utf-8")
        end = xml.index("</sheetData>") if "</sheetData>" in xml else None
        if end is None:  # an empty <sheetData/>
            xml = xml.replace("<sheetData/>", "<sheetData></sheetData>", 1)
            end = xml.index("</sheetData>")
        pieces: list[str | Deflated] = [xml[:end], written]
        rest = xml[end:]
        if links:
            rels_part = rels_name(ref.part)
            rels = pkg.xml(rels_part) if rels_part in pkg.parts else etree.Element(f"{{{PKG_REL}}}Relationships",
                                                                                    nsmap={None: PKG_REL})
            # The sheet's links as text (130,000 elements made one by one took a third of a
            # second), where a placeholder stands in what openpyxl wrote.
            etree.SubElement(rels, f"{{{PKG_REL}}}Relationship", Id="rIdL0")
            ids = [f"rIdL{n}" for n in range(1, len(links) + 1)]
            mine = "".join(f'<Relationship Id="{rid}" Type="{HYPERLINK}" Target={quoteattr(target)} '
                           'TargetMode="External"/>' for rid, (_, target) in zip(ids, links))
            placeholder = b'<Relationship Id="rIdL0"/>'
            rels_xml = _xml_bytes(rels)
            assert rels_xml.count(placeholder) == 1, "openpyxl's relationships are in the default namespace"
            pkg.parts[rels_part] = rels_xml.replace(placeholder, mine.encode("utf-8"))
            block = "<hyperlinks>" + "".join(
                f'<hyperlink xmlns:r="{REL_NS}" ref="{cell}" r:id="{rid}"/>' for (cell, _), rid in zip(links, ids)
            ) + "</hyperlinks>"
            at = min((rest.index(tag) for tag in BEFORE_HYPERLINKS_END if tag in rest), default=rest.rindex("</"))
            rest = rest[:at] + block + rest[at:]
        pieces.append(rest)
        pkg.parts[ref.part] = Chunks(pieces)
    return pkg
