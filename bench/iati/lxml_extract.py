#!/usr/bin/env python3
"""Baseline for the IATI parse benchmark: lxml's iterparse extracting the same participations
and transactions as the TypeScript reader (1.x codes mapped to 2.x), in constant memory.

Usage: python3 bench/iati/lxml_extract.py FILE  -> prints one JSON line with counts and timing.
"""
import json
import resource
import sys
import time

from lxml import etree

ROLES = {"funding": "1", "accountable": "2", "extending": "3", "implementing": "4"}
TRANSACTION_TYPES = {"IF": "1", "C": "2", "D": "3", "E": "4", "IR": "5", "LR": "6", "R": "7", "QP": "8", "QS": "9", "CG": "10"}
ROLE_NAMES = {"1": "funding", "2": "accountable", "3": "extending", "4": "implementing"}


def narratives(element):
    found = [(n.get("{http://www.w3.org/XML/1998/namespace}lang"), (n.text or "").strip()) for n in element.iterfind("narrative")]
    if not found and element.text and element.text.strip():
        found = [(element.get("{http://www.w3.org/XML/1998/namespace}lang"), element.text.strip())]
    return found


def party(element, id_attribute):
    if element is None:
        return None
    return (element.get("ref"), narratives(element), element.get(id_attribute))


def main(path):
    started = time.perf_counter()
    cpu_started = time.process_time()
    participations = {"funding": 0, "accountable": 0, "extending": 0, "implementing": 0}
    activities = transactions = 0
    kept = []  # what an importer would hand on; dropped per activity to keep memory flat
    context = etree.iterparse(path, events=("end",), tag="iati-activity", resolve_entities=False, no_network=True, huge_tree=True)
    for _, activity in context:
        activities += 1
        identifier = (activity.findtext("iati-identifier") or "").strip()
        for organisation in activity.iterfind("participating-org"):
            raw = (organisation.get("role") or "").strip()
            role = raw if raw in ROLE_NAMES else ROLES.get(raw.lower())
            if role:
                participations[ROLE_NAMES[role]] += 1
            kept.append((identifier, organisation.get("ref"), role, organisation.get("type"), narratives(organisation), organisation.get("activity-id")))
        for transaction in activity.iterfind("transaction"):
            transactions += 1
            type_element = transaction.find("transaction-type")
            raw = (type_element.get("code") if type_element is not None else "") or ""
            code = raw.strip() if raw.strip().isdigit() else TRANSACTION_TYPES.get(raw.strip().upper())
            date_element = transaction.find("transaction-date")
            value_element = transaction.find("value")
            value = None
            if value_element is not None and value_element.text:
                try:
                    value = float(value_element.text.strip())
                except ValueError:
                    value = None
            kept.append((
                identifier,
                code,
                date_element.get("iso-date") if date_element is not None else None,
                value,
                value_element.get("currency") if value_element is not None else None,
                party(transaction.find("provider-org"), "provider-activity-id"),
                party(transaction.find("receiver-org"), "receiver-activity-id"),
            ))
        kept.clear()
        activity.clear()
        while activity.getprevious() is not None:
            del activity.getparent()[0]
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"activities": activities, "participations": participations, "transactions": transactions, "seconds": seconds, "cpuSeconds": cpu_seconds, "peakRssMb": peak_rss_mb}))


if __name__ == "__main__":
    main(sys.argv[1])
