#!/usr/bin/python3
"""Check that every string of a layout document is in a PDF's text.

    strings.py LAYOUT.xml TEXT.txt [REPEATED...]

TEXT.txt is what `pdftotext` printed for the PDF rendered from LAYOUT.xml.
The strings are the text of each paragraph (a <br/> splits it), each text
cell, each field (label and value) and each signature label; typed cells and
footers are checked elsewhere. Whitespace is ignored on both sides, since
lines break anywhere; REPEATED strings (a table header on every page) are
kept where they first occur and dropped elsewhere, since they interrupt a
cell that continues on the next page. Prints the strings not found; exits 1
if any.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:zhengban:layout:1}"


def squash(s):
    return re.sub(r"\s+", "", s)


def inline_parts(elem):
    """The text of ELEM and its spans, split at <br/>."""
    parts, cur = [], [elem.text or ""]
    for child in elem:
        if child.tag == NS + "br":
            parts.append("".join(cur))
            cur = []
        elif child.tag == NS + "span":
            cur.append(child.text or "")
        cur.append(child.tail or "")
    parts.append("".join(cur))
    return parts


def strings(root):
    for p in root.iter(NS + "p"):
        yield from inline_parts(p)
    for cell in root.iter(NS + "cell"):
        if cell.get("type", "text") == "text" and cell.find(NS + "p") is None:
            yield from inline_parts(cell)
    for f in root.iter(NS + "field"):
        yield f.get("label") + (f.text or "")
    for s in root.iter(NS + "signature"):
        yield s.get("label", "")


def main():
    root = ET.parse(sys.argv[1]).getroot()
    text = squash(open(sys.argv[2], encoding="utf-8").read())
    for r in sys.argv[3:]:
        first = text.find(r) + len(r)
        text = text[:first] + text[first:].replace(r, "")
    missing = [s for s in (squash(x) for x in strings(root))
               if s and s not in text]
    for s in missing:
        print("missing:", s)
    sys.exit(1 if missing else 0)


main()
