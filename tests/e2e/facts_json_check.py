#!/usr/bin/python3
"""facts_json_check.py FACTS.xml FACTS.json

Check that the JSON of `zhengban stats --format json` holds the same facts
as its XML, as src/derive/facts_json.h maps them: every element an object,
its attributes as members in document order (integers as numbers, amounts
and everything else as strings, never a floating-point number), a child
that occurs once under its name as an object, a list of children as an
array under their common name. Prints nothing and exits 0 when they agree.
"""
import json
import sys
import xml.etree.ElementTree as ET

NS = '{urn:zhengban:facts:1}'
# the lists of forms/facts.xsd (maxOccurs > 1), by their path; they may be
# empty, and are then empty arrays in the JSON
LISTS = {'statistics/purchases/row', 'statistics/purchases/row/cell',
         'statistics/purchases/other', 'statistics/holdings/row',
         'statistics/holdings/row/cell', 'statistics/holdings/other',
         'statistics/holdings/homeEdition', 'software/entry',
         'installations/installation', 'log/software', 'log/software/row',
         'plans/plan', 'plans/plan/item', 'audit/check', 'audit/finding',
         'audit/rating', 'audit/rating/reason'}
# the attributes whose type is an integer: at the root, and anywhere
ROOT_INTEGERS = {'version', 'year'}
INTEGERS = {'total', 'computerUsers', 'servers', 'desktops', 'laptops',
            'licenses', 'commercial', 'oem', 'installed', 'running', 'line',
            'index', 'findings', 'serious', 'general', 'minor', 'score',
            'deduction', 'excellent', 'pass', 'basic'}


def local(e):
    return e.tag[len(NS):]


def convert(e, path=''):
    o = {} if path else {'xmlns': NS[1:-1]}
    for k, v in e.attrib.items():
        integer = k in INTEGERS or (not path and k in ROOT_INTEGERS)
        o[k] = int(v) if integer else v
    names = list(dict.fromkeys(local(c) for c in e))
    prefix = path + '/' if path else ''
    names += [p[len(prefix):] for p in sorted(LISTS)
              if p.startswith(prefix) and '/' not in p[len(prefix):]
              and p[len(prefix):] not in names]
    for name in names:
        kids = [convert(c, prefix + name) for c in e if local(c) == name]
        o[name] = kids if prefix + name in LISTS else kids[0]
    return o


def refuse_float(text):
    sys.exit('a floating-point number in the JSON: ' + text)


def refuse_duplicates(pairs):
    """An object, unless two members share a name (an attribute and a
    child element of one name would)."""
    names = [k for k, _ in pairs]
    twice = sorted({k for k in names if names.count(k) > 1})
    if twice:
        sys.exit('a name used twice in one JSON object: ' + ', '.join(twice))
    return dict(pairs)


xml_facts = convert(ET.parse(sys.argv[1]).getroot())
with open(sys.argv[2], encoding='utf-8') as f:
    json_facts = json.load(f, parse_float=refuse_float,
                           object_pairs_hook=refuse_duplicates)
a = json.dumps(xml_facts, ensure_ascii=False)
b = json.dumps(json_facts, ensure_ascii=False)
if a != b:
    at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]),
              min(len(a), len(b)))
    sys.exit('JSON and XML differ:\n  xml:  ...%s\n  json: ...%s'
             % (a[max(0, at - 60):at + 60], b[max(0, at - 60):at + 60]))
