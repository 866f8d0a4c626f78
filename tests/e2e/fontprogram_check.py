"""Check the TrueType font programs (FontFile2) embedded in a PDF.

    fontprogram_check.py FILE.pdf

Each program is inflated (zlib checks its Adler-32) and read as TrueType:
/Length1 is its length; the directory lists its tables in tag order, each
inside the program and none overlapping another; each table's checksum is
the directory's (head's with checkSumAdjustment as 0); loca's offsets
rise and end inside glyf, one per glyph of maxp and one more. Prints one
line per problem and exits 1, or "N programs" and exits 0.
"""
import re
import struct
import sys
import zlib


def checksum(data):
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(">%dI" % (len(data) // 4), data)) & 0xFFFFFFFF


def programs(pdf):
    for m in re.finditer(rb"/Length1 (\d+)", pdf):
        start = pdf.index(b"stream", m.end())
        start = pdf.index(b"\n", start) + 1
        try:
            yield int(m.group(1)), zlib.decompressobj().decompress(pdf[start:])
        except zlib.error as e:
            yield int(m.group(1)), e


def check(length1, font):
    problems = []
    if length1 != len(font):
        problems.append("/Length1 %d, program %d bytes" % (length1, len(font)))
    count = struct.unpack(">H", font[4:6])[0]
    tables = {}
    for i in range(count):
        tag, want, offset, length = struct.unpack(
            ">4sIII", font[12 + 16 * i:28 + 16 * i])
        tables[tag] = (offset, length)
        data = font[offset:offset + length]
        if offset + length > len(font):
            problems.append("%s past the end" % tag)
            continue
        if tag == b"head":
            data = data[:8] + b"\0\0\0\0" + data[12:]
        if checksum(data) != want:
            problems.append("%s checksum" % tag)
    tags = list(tables)
    if tags != sorted(tags):
        problems.append("directory not in tag order")
    spans = sorted(v for v in tables.values() if v[1])
    for (a, n), (b, _) in zip(spans, spans[1:]):
        if a + n > b:
            problems.append("tables overlap at %d" % b)
    glyphs = struct.unpack(">H", font[tables[b"maxp"][0] + 4:][:2])[0]
    long_loca = struct.unpack(">h", font[tables[b"head"][0] + 50:][:2])[0]
    offset, length = tables[b"loca"]
    fmt, size = (">%dI", 4) if long_loca else (">%dH", 2)
    if length != (glyphs + 1) * size:
        problems.append("loca of %d bytes for %d glyphs" % (length, glyphs))
    else:
        loca = struct.unpack(fmt % (glyphs + 1), font[offset:offset + length])
        scale = 1 if long_loca else 2
        if any(b < a for a, b in zip(loca, loca[1:])) or \
                loca[-1] * scale > tables[b"glyf"][1]:
            problems.append("loca does not fit glyf")
    return problems


def main():
    pdf = open(sys.argv[1], "rb").read()
    found = 0
    failed = False
    for length1, font in programs(pdf):
        found += 1
        problems = check(length1, font) if isinstance(font, bytes) \
            else ["does not inflate: %s" % font]
        for p in problems:
            print("program %d: %s" % (found, p))
            failed = True
    if not found:
        print("no font program")
        failed = True
    if not failed:
        print("%d programs" % found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
