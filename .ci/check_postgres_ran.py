"""Fail CI when the ledger tests on PostgreSQL were skipped (or none ran): read pytest's JUnit XML."""
import sys
import xml.etree.ElementTree as ET

cases = [c for c in ET.parse(sys.argv[1]).iter("testcase") if "postgresql" in c.get("name", "")]
skipped = [c for c in cases if c.find("skipped") is not None]
if not cases or skipped:
    for c in skipped:
        print(f"skipped on PostgreSQL: {c.get('classname')}::{c.get('name')}: {c.find('skipped').get('message')}")
    sys.exit(f"CI: {len(cases)} PostgreSQL test(s), {len(skipped)} skipped: the PostgreSQL ledger was not tested")
print(f"CI: {len(cases)} ledger test(s) ran on PostgreSQL, none skipped")
