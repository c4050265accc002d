"""Put the pipeline's own sheets into an existing workbook without touching anything else.

openpyxl drops charts, images and pivot tables of any workbook it loads and saves again,
so the analyst's workbook is never loaded by it. Instead the pipeline's sheets are
rendered into a fresh workbook by openpyxl and moved, part by part, into the existing
file: its sheet XML (style numbers mapped onto the existing style sheet), tables,
drawings and charts. Every other part of the file (the analyst's sheets, charts, images,
pivot tables, names) is copied byte for byte.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

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
class Package:
    """An OOXML zip as an ordered mapping of part name -> bytes."""

    parts: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def read(cls, data: bytes) -> "Package":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return cls({i.filename: z.read(i) for i in z.infolist() if not i.is_dir()})
        except (zipfile.BadZipFile, KeyError, OSError) as err:
            raise MergeError(f"not a readable .xlsx file ({err})") from None

    def write(self) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.parts.items():
                z.writestr(name, data)
        return buf.getvalue()

    def xml(self, name: str) -> etree._Element:
        try:
            return etree.fromstring(self.parts[name], PARSER)
        except KeyError:
            raise MergeError(f"the workbook has no part {name}") from None
        except etree.XMLSyntaxError as err:
            raise MergeError(f"part {name} is not valid XML ({err})") from None


def _xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rels_name(part: str) -> str:
    d, f = posixpath.split(part)
    return posixpath.join(d, "_rels", f + ".rels")


def _resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def _internal_rels(pkg: Package, part: str) -> list[etree._Element]:
    name = rels_name(part)
    if name not in pkg.parts:
        return []
    return [r for r in pkg.xml(name) if r.get("TargetMode") != "External"]


def closure(pkg: Package, part: str) -> list[str]:
    """The part, its relationship files and every part they lead to, depth first."""
    seen: list[str] = []
    stack = [part]
    while stack:
        p = stack.pop()
        if p in seen or p not in pkg.parts:
            continue
        seen.append(p)
        if rels_name(p) in pkg.parts:
            seen.append(rels_name(p))
        stack.extend(_resolve(p, r.get("Target")) for r in _internal_rels(pkg, p))
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
    return etree.tostring(el, method="c14n")


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


CELL_STYLE = re.compile(rb'(<c r="[A-Z]+[0-9]+") s="([0-9]+)"')
COL_STYLE = re.compile(rb'(<col [^>]*?)style="([0-9]+)"')
ROW_STYLE = re.compile(rb'(<row [^>]*?) s="([0-9]+)"')
DXF_ID = re.compile(rb'(<cfRule [^>]*?)dxfId="([0-9]+)"')


def remap_sheet(xml: bytes, xf_map: dict[int, int], dxf_map: dict[int, int]) -> bytes:
    """Point a sheet written by openpyxl (inline strings, regular markup) at merged styles.

    >>> remap_sheet(b'<c r="B2" s="3" t="n"><v>1</v></c>', {3: 40}, {})
    b'<c r="B2" s="40" t="n"><v>1</v></c>'
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


def merge(existing: bytes, new: bytes, owned: list[str]) -> bytes:
    """The existing workbook with the sheets named in `owned` taken from `new`.

    Owned sheets keep their place (new ones go before the analyst's sheets, in `owned`
    order); everything else in `existing` is kept as it was.
    """
    e, n = Package.read(existing), Package.read(new)
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

    # 3. Copy each new sheet with the parts it uses, under free names.
    used_ids = {r.get("Id") for r in e_rels}
    sheet_ids = [int(s.element.get("sheetId")) for s in e_sheets if s.name not in owned]
    new_elements: dict[str, etree._Element] = {}
    for name in owned:
        src = n_by_name[name]
        parts = closure(n, src.part)
        renames: dict[str, str] = {}
        for part in parts:
            if part.endswith(".rels"):
                continue
            renames[part] = _unique(e, part, set(renames.values()))
        for part in parts:
            if part.endswith(".rels"):
                continue
            data = n.parts[part]
            if part == src.part:
                data = remap_sheet(data, xf_map, dxf_map)
            e.parts[renames[part]] = data
            ctype = _override(n_ct, part)
            if ctype:
                etree.SubElement(e_ct, f"{{{CT_NS}}}Override", PartName="/" + renames[part], ContentType=ctype)
            if rels_name(part) in n.parts:
                rels = n.xml(rels_name(part))
                for r in rels:
                    if r.get("TargetMode") == "External":
                        continue
                    target = renames[_resolve(part, r.get("Target"))]
                    r.set("Target", "/" + target)
                e.parts[rels_name(renames[part])] = _xml_bytes(rels)
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
