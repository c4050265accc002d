"""Fail CI when tests that need a service CI provides were skipped (or none ran).

Reads pytest's JUnit XML. The ledger tests on PostgreSQL need the server `.ci/postgres.sh`
starts; the LibreOffice test needs the `soffice` that `.ci/run` installs.
"""
import sys
import xml.etree.ElementTree as ET

REQUIRED = {  # what the test names hold -> what CI must have provided
    "postgresql": "the PostgreSQL ledger",
    "libreoffice": "opening the workbook in LibreOffice",
}
cases = list(ET.parse(sys.argv[1]).iter("testcase"))
failed = False
for marker, what in REQUIRED.items():
    mine = [c for c in cases if marker in c.get("name", "")]
    skipped = [c for c in mine if c.find("skipped") is not None]
    for c in skipped:
        print(f"skipped: {c.get('classname')}::{c.get('name')}: {c.find('skipped').get('message')}")
    if not mine or skipped:
        print(f"CI: {len(mine)} test(s) of {what}, {len(skipped)} skipped: {what} was not tested")
        failed = True
    else:
        print(f"CI: {len(mine)} test(s) of {what} ran, none skipped")
sys.exit(1 if failed else 0)
