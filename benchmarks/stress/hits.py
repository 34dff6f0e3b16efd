#!/usr/bin/env python3
"""Reads `netkb search --format json` from stdin and prints its hits as sorted `path:line`
lines, so that two indexes of the same notes can be compared whatever order ties come in.
Exits 1 when stdin is not such JSON."""
import json
import sys

try:
    results = json.load(sys.stdin)["results"]
except (ValueError, KeyError, TypeError) as error:
    print(f"hits.py: not netkb search JSON: {error}", file=sys.stderr)
    sys.exit(1)
for line in sorted(f"{hit['path']}:{hit['line']}" for hit in results):
    print(line)
