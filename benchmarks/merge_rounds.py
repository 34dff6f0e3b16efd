#!/usr/bin/env python3
"""Merges the hyperfine exports of interleaved rounds (one run of each command per round, see
run_group in run.sh) into one export in hyperfine's format: each command's times from every
round, with their mean, standard deviation, median, min and max.

usage: merge_rounds.py OUT.json ROUND.json...
"""
import json
import statistics
import sys


def main(out, rounds):
    merged = {}
    order = []
    for path in rounds:
        with open(path, encoding="utf-8") as f:
            for r in json.load(f)["results"]:
                if r["command"] not in merged:
                    order.append(r["command"])
                    merged[r["command"]] = {"command": r["command"], "times": [], "user": [], "system": []}
                entry = merged[r["command"]]
                entry["times"] += r["times"]
                entry["user"].append(r.get("user", 0.0))
                entry["system"].append(r.get("system", 0.0))
    results = []
    for command in order:
        e = merged[command]
        times = e["times"]
        results.append({
            "command": command, "times": times,
            "mean": statistics.fmean(times), "stddev": statistics.stdev(times) if len(times) > 1 else None,
            "median": statistics.median(times), "min": min(times), "max": max(times),
            "user": statistics.fmean(e["user"]), "system": statistics.fmean(e["system"]),
        })
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"results": results}, f, indent=1)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
