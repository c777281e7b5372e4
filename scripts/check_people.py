#!/usr/bin/env python3
"""Validates data/actors/people.tsv (format: doc/formats/people.md).

Checks every row for the column count, person_id slugs, one name per person, alias syntax, ISO 3166-1
alpha-3 country codes (from Debian's iso-codes JSON), organisation names, office and role vocabularies,
dates (YYYY-MM-DD or YYYY-MM, start <= end, not in the future), duplicate rows, and overlapping tenures of
offices that have one holder at a time. Aliases shared by two people are reported as warnings.

Usage: scripts/check_people.py [--today YYYY-MM-DD] [path/to/people.tsv]
Exit status: 0 when there are no errors, 1 otherwise. Errors and warnings name the file and line.
"""

import argparse
import collections
import datetime
import json
import os
import re
import sys

HEADER = ["person_id", "name", "aliases", "country", "org", "office", "role", "start", "end"]

OFFICES = {
    "president", "vice_president", "prime_minister", "chancellor", "monarch", "emir", "crown_prince",
    "supreme_leader", "head_of_state", "head_of_government", "foreign_minister", "defence_minister",
    "national_security_adviser", "spokesperson", "secretary_general", "commission_president",
    "council_president", "high_representative", "other",
}
# Offices with several holders at once; every other office has one holder per (country, org) at a time.
MULTI_HOLDER_OFFICES = {"spokesperson", "other"}

ROLES = {"GOV", "MIL", "IGO", "LEG", "JUD", "OPP", "REB", "SPY", "COP", "NGO", "MED", "BUS", "CVL"}

# Intergovernmental organisations (role IGO) and non-state groups (country set, role REB or OPP).
IGO_ORGS = {
    "NATO", "UN", "EU", "OSCE", "IAEA", "IMF", "WHO", "AU", "ASEAN", "OPEC", "WTO", "WB", "GCC",
    "Arab League", "ICC", "ECB",
}
NON_STATE_ORGS = {"Hamas", "Hezbollah"}

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def load_iso3():
    with open(ISO_JSON, encoding="utf-8") as f:
        return {c["alpha_3"] for c in json.load(f)["3166-1"]}


def parse_date(text):
    """Returns (first_day, last_day) covered by a YYYY-MM-DD or YYYY-MM date, or None if malformed."""
    m = DATE.match(text)
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    try:
        if m.group(3):
            d = datetime.date(year, month, int(m.group(3)))
            return d, d
        first = datetime.date(year, month, 1)
    except ValueError:
        return None
    nxt = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - datetime.timedelta(days=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data", "actors", "people.tsv"))
    ap.add_argument("--today", default=datetime.date.today().isoformat(),
                    help="latest date a start or end may have (default: today)")
    args = ap.parse_args()
    today = datetime.date.fromisoformat(args.today)
    iso3 = load_iso3()
    path = os.path.relpath(args.path)

    errors, warnings = [], []

    def err(line, msg):
        errors.append(f"{path}:{line}: error: {msg}")

    def warn(line, msg):
        warnings.append(f"{path}:{line}: warning: {msg}")

    names = {}                      # person_id -> (name, line)
    alias_owner = collections.defaultdict(set)   # lowercased alias or name -> person_ids
    seen_rows = {}
    tenures = collections.defaultdict(list)  # (country, org, office) -> [(start, end, id, line)]
    countries, orgs, rows = set(), set(), 0

    with open(args.path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header_seen = False
    for n, raw in enumerate(lines, 1):
        if raw.startswith("#") or raw.strip() == "":
            continue
        cols = raw.split("\t")
        if not header_seen:
            header_seen = True
            if cols != HEADER:
                err(n, f"header must be {' '.join(HEADER)} (tab-separated), got {cols}")
            continue
        if len(cols) != len(HEADER):
            err(n, f"expected {len(HEADER)} tab-separated columns, got {len(cols)}")
            continue
        if any(c != c.strip() for c in cols):
            err(n, "a field has leading or trailing spaces")
        pid, name, aliases, country, org, office, role, start, end = cols
        rows += 1
        if not SLUG.match(pid):
            err(n, f"person_id '{pid}' is not a lowercase ASCII slug")
        if not name:
            err(n, "empty name")
        if pid in names and names[pid][0] != name:
            err(n, f"person '{pid}' is named '{name}' here but '{names[pid][0]}' on line {names[pid][1]}")
        names.setdefault(pid, (name, n))
        alias_list = aliases.split("|") if aliases else []
        if any(not a.strip() or a != a.strip() for a in alias_list):
            err(n, "empty alias or alias with surrounding spaces")
        if len(set(alias_list)) != len(alias_list):
            err(n, "duplicate alias in the list")
        if any("," in a or " of " in a for a in alias_list + [name]):
            err(n, "names and aliases must not contain commas or ' of ' "
                   "(the loader derives surnames from the last word)")
        if name in alias_list:
            err(n, "the canonical name is repeated among the aliases")
        for a in alias_list + [name]:
            alias_owner[a.lower()].add(pid)
        if country:
            if country not in iso3:
                err(n, f"country '{country}' is not an ISO 3166-1 alpha-3 code")
            countries.add(country)
        if org:
            if org not in IGO_ORGS and org not in NON_STATE_ORGS:
                err(n, f"unknown org '{org}' (add it to the checker and doc/formats/people.md)")
            orgs.add(org)
        if not country and not org:
            err(n, "a row needs a country or an org")
        if org in NON_STATE_ORGS and not country:
            err(n, f"a non-state group ('{org}') needs its home country")
        if office not in OFFICES:
            err(n, f"unknown office '{office}'")
        if role not in ROLES:
            err(n, f"unknown role '{role}'")
        if org in IGO_ORGS and role != "IGO":
            err(n, f"officials of {org} have role IGO, not {role}")
        if org not in IGO_ORGS and role == "IGO":
            err(n, "role IGO needs an intergovernmental org")
        if office == "defence_minister" and role != "MIL":
            err(n, "defence ministers have role MIL")
        s = parse_date(start)
        if s is None:
            err(n, f"start '{start}' is not YYYY-MM-DD or YYYY-MM")
            continue
        e = None
        if end:
            e = parse_date(end)
            if e is None:
                err(n, f"end '{end}' is not YYYY-MM-DD or YYYY-MM")
                continue
            if e[1] < s[0]:
                err(n, f"end {end} is before start {start}")
        if s[0] > today or (e and e[0] > today):
            err(n, f"date after {today.isoformat()}")
        key = (pid, country, org, office, start)
        if key in seen_rows:
            err(n, f"duplicate row (same person, office and start as line {seen_rows[key]})")
        seen_rows[key] = n
        if office not in MULTI_HOLDER_OFFICES:
            # Month-precision dates are read leniently: a start at the month's end, an end at its start.
            last = e[0] if e else datetime.date.max
            tenures[(country, org, office)].append((s[1], last, pid, n, start, end))

    if not header_seen:
        err(1, "missing header line")

    for (country, org, office), items in sorted(tenures.items()):
        items.sort()
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if b[0] >= a[1]:
                    break
                if a[2] == b[2]:
                    err(b[3], f"{b[2]} holds {office} of {country or org} twice at once (line {a[3]})")
                else:
                    err(b[3], f"{office} of {country or org}: {b[2]} ({b[4]}..{b[5]}) overlaps "
                              f"{a[2]} ({a[4]}..{a[5] or 'now'}, line {a[3]})")

    for alias, owners in sorted(alias_owner.items()):
        if len(owners) > 1:
            warn(0, f"'{alias}' names several people: {', '.join(sorted(owners))}")

    for w in warnings:
        print(w)
    for e in errors:
        print(e)
    print(f"{path}: {rows} rows, {len(names)} people, {len(countries)} countries, {len(orgs)} orgs; "
          f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
