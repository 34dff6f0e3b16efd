#!/usr/bin/env python3
"""Render benchmarks/RESULTS.md from what run.sh left in its work folder.

Reads (all under WORK/results): commands.tsv (id, group, command, prepare),
status.tsv (id, status), hyperfine.tsv (group, hyperfine options),
queries.tsv (q1.., query), hits.tsv (id, what it found), rss.tsv (id, KiB,
exit, command) and the hyperfine JSON exports <group>.json; plus the corpus
manifest. Computes the targets' PASS/FAIL from the medians.
"""

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import time

RSS_LIMIT_KIB = 200 * 1024  # 200 MiB
HUGE_LIMIT_MS = 500.0        # a search in one ~1.4 MB section: "well under a second"


def read_tsv(path, ncols):
    rows = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line:
                    parts = line.split("\t")
                    rows.append(parts + [""] * (ncols - len(parts)))
    return rows


def sh(cmd):
    try:
        out = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60)
        text = (out.stdout or out.stderr).strip()
        return text.splitlines()[0] if text else "?"
    except Exception:
        return "?"


def machine():
    cpu = "?"
    mem = "?"
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"^model name\s*:\s*(.*)$", f.read(), re.M)
            cpu = m.group(1).strip() if m else "?"
        with open("/proc/meminfo") as f:
            m = re.search(r"^MemTotal:\s*(\d+) kB", f.read(), re.M)
            mem = "%.1f GiB" % (int(m.group(1)) / 1024 / 1024) if m else "?"
    except OSError:
        pass
    osname = platform.system()
    try:
        with open("/etc/os-release") as f:
            m = re.search(r'^PRETTY_NAME="?([^"\n]*)', f.read(), re.M)
            osname = m.group(1) if m else osname
    except OSError:
        pass
    return [
        ("nproc", sh("nproc")),
        ("CPU", cpu),
        ("memory", mem),
        ("OS", "%s, kernel %s" % (osname, platform.release())),
        ("Swift", sh("swift --version 2>&1 | grep -m1 -i 'swift version'") if sh("command -v swift") != "?" else "not installed"),
        ("SQLite (sqlite3 CLI)", sh("sqlite3 --version").split(" ")[0]),
        ("SQLite (libsqlite3-0 package)", sh("dpkg-query -W -f '${Version}' libsqlite3-0 2>/dev/null")),
        ("hyperfine", sh("hyperfine --version")),
        ("ripgrep", sh("rg --version")),
        ("cmark-gfm", sh("cmark-gfm --version")),
        ("python3", platform.python_version()),
    ]


def ms(x):
    return x * 1000.0


def fmt(v, digits=None):
    if v is None:
        return "—"
    if digits is None:
        digits = 0 if v >= 1000 else (1 if v >= 10 else 2)
    return "{:,.{d}f}".format(v, d=digits)


def md_cell(s):
    return s.replace("|", "\\|").replace("\n", " ")


def code_cell(s):
    if not s:
        return ""
    s = s.replace("|", "\\|")
    ticks = "``" if "`" in s else "`"
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return "%s%s%s%s%s" % (ticks, pad, s, pad, ticks)


def hyperfine_stats(res, commands):
    """hyperfine's results of each command group in `res`, by command id, in ms."""
    stats = {}
    for group in sorted({c[1] for c in commands}):
        path = os.path.join(res, group + ".json")
        if not os.path.exists(path):
            continue
        try:
            with open(path, encoding="utf-8") as f:
                results = json.load(f)["results"]
        except (OSError, ValueError, KeyError):
            continue  # an aborted hyperfine run
        for r in results:
            stats[r["command"]] = {
                "median": ms(r["median"]), "mean": ms(r["mean"]), "stddev": ms(r["stddev"] or 0.0),
                "min": ms(r["min"]), "max": ms(r["max"]), "runs": len(r["times"]),
            }
    return stats


class Results:
    """What a run left in `work`/results: the commands, their status, hyperfine's options and
    statistics, the queries and what each found, read the same way by both reports."""

    def __init__(self, work):
        self.dir = os.path.join(work, "results")
        self.commands = read_tsv(self.path("commands.tsv"), 4)
        self.status = {r[0]: r[1] for r in read_tsv(self.path("status.tsv"), 2)}
        self.hf_opts = read_tsv(self.path("hyperfine.tsv"), 2)
        self.queries = read_tsv(self.path("queries.tsv"), 2)
        self.hits = {r[0]: r[1] for r in read_tsv(self.path("hits.tsv"), 2)}
        self.stats = hyperfine_stats(self.dir, self.commands)

    def path(self, name):
        return os.path.join(self.dir, name)

    def med(self, i):
        """The median of command `i` in ms, or None when it did not run."""
        return self.stats[i]["median"] if i in self.stats else None

    def state(self, i):
        return "ok" if i in self.stats else self.status.get(i, "not run")

    def not_run(self, *ids):
        """The result cell of a target whose commands did not all run: why the first did not."""
        why = [re.sub(r"^not run: ", "", self.state(i)) for i in ids if i not in self.stats]
        return "not run" + (" (%s)" % md_cell(why[0]) if why else "")


def verdict(ok):
    return "**PASS**" if ok else "**FAIL**"


def targets_table(targets):
    """The lines of the table of targets: (target, netkb, limit, result) each."""
    return ["| Target | netkb | Limit | Result |", "| --- | ---: | ---: | --- |"] + ["| %s | %s | %s | %s |" % t for t in targets] + [""]


def timings_table(commands, stats, state):
    """The lines of the table of every command as hyperfine ran it, with its timings."""
    L = ["Each command exactly as run by hyperfine (from the repository root); the prepare command runs "
         "before every run, untimed.", "",
         "| id | median ms | mean ± σ ms | min … max ms | runs | command | prepare |",
         "| --- | ---: | ---: | ---: | ---: | --- | --- |"]
    for cid, group, cmd, prep in commands:
        st = stats.get(cid)
        if st:
            L.append("| %s | %s | %s ± %s | %s … %s | %d | %s | %s |" % (
                cid, fmt(st["median"]), fmt(st["mean"]), fmt(st["stddev"]), fmt(st["min"]), fmt(st["max"]),
                st["runs"], code_cell(cmd), code_cell(prep)))
        else:
            L.append("| %s | %s | | | | %s | %s |" % (cid, md_cell(state(cid)), code_cell(cmd), code_cell(prep)))
    L.append("")
    return L


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--netkb", default="")
    ap.add_argument("--netkb-note", default="")
    ap.add_argument("--started", type=int, default=0)
    ap.add_argument("--start-load", default="?")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    results = Results(args.work)
    commands, stats, hf_opts, queries, hits = results.commands, results.stats, results.hf_opts, results.queries, results.hits
    med, state, not_run = results.med, results.state, results.not_run
    rss = read_tsv(results.path("rss.tsv"), 4)
    huge = read_tsv(results.path("huge.tsv"), 4)  # huge, path, bytes, repetitions
    with open(args.manifest, encoding="utf-8") as f:
        manifest = json.load(f)

    # ------------------------------------------------------------------ targets
    targets = []  # (target, measured, limit, result)

    full, load, parse = med("netkb-index-full"), med("sqlite3-bulk-load"), med("cmark-gfm-parse")
    if None not in (full, load, parse):
        limit = 1.5 * (load + parse)
        targets.append(("Full index ≤ 1.5 × (cmark-gfm parse + sqlite3 bulk load)",
                        "%s ms" % fmt(full), "%s ms = 1.5 × (%s + %s)" % (fmt(limit), fmt(parse), fmt(load)),
                        verdict(full <= limit)))
    else:
        lim = "1.5 × (%s + %s) ms" % (fmt(parse), fmt(load))
        targets.append(("Full index ≤ 1.5 × (cmark-gfm parse + sqlite3 bulk load)", "—", lim,
                        not_run("netkb-index-full", "sqlite3-bulk-load", "cmark-gfm-parse")))
    untagged = med("netkb-index-full-untagged")
    if None not in (full, untagged):
        cost = (full - untagged) / full
        targets.append(("Concept tagging ≤ 15% of the full index",
                        "%.1f%% (%s ms tagged, %s ms untagged)" % (100 * cost, fmt(full), fmt(untagged)), "15%",
                        verdict(cost <= 0.15)))
    else:
        targets.append(("Concept tagging ≤ 15% of the full index", "—", "15%",
                        not_run("netkb-index-full", "netkb-index-full-untagged")))
    for i, label, limit in (("netkb-refresh-nochange", "Refresh, nothing changed", 150.0),
                            ("netkb-refresh-one-note", "Refresh, one note changed", 250.0),
                            ("netkb-check-nochange", "`check`, nothing changed", 300.0),
                            ("netkb-check-one-note", "`check` after editing one note", 300.0),
                            ("netkb-layers", "`layers`, nothing changed", 100.0),
                            ("netkb-concepts-tcp", "`concepts TCP`, nothing changed", 100.0),
                            ("netkb-search-layer", "Search `--layer 4 소켓`", 100.0),
                            ("netkb-search-concept", "Search `--concept tcp 데이터`", 100.0)):
        v = med(i)
        targets.append(("%s < %d ms" % (label, limit), "%s ms" % fmt(v) if v is not None else "—",
                        "%d ms" % limit, verdict(v < limit) if v is not None else not_run(i)))
    for i, label, limit in (("netkb-refs", "`refs`, nothing changed", 300.0),
                            ("netkb-refs-by-domain", "`refs --by-domain`, nothing changed", 300.0)):
        v = med(i)
        targets.append(("%s < %d ms" % (label, limit), "%s ms" % fmt(v) if v is not None else "—",
                        "%d ms" % limit, verdict(v < limit) if v is not None else not_run(i)))
    for q, qname in queries:
        n, s, r = med("netkb-search-" + q), med("sqlite3-fts5-" + q), med("rg-" + q)
        label = "Search %s ≤ 2 × sqlite3" % code_cell(qname)
        if None not in (n, s):
            targets.append((label, "%s ms (%.2f×)" % (fmt(n), n / s), "%s ms = 2 × %s" % (fmt(2 * s), fmt(s)),
                            verdict(n <= 2 * s)))
        else:
            targets.append((label, "—", "2 × %s ms" % fmt(s), not_run("netkb-search-" + q, "sqlite3-fts5-" + q)))
        label = "Search %s ≥ 3× faster than rg" % code_cell(qname)
        if None not in (n, r):
            targets.append((label, "%s ms (rg takes %.1f× as long)" % (fmt(n), r / n), "%s ms = %s / 3" % (fmt(r / 3), fmt(r)),
                            verdict(r >= 3 * n)))
        else:
            targets.append((label, "—", "%s / 3 ms" % fmt(r), not_run("netkb-search-" + q, "rg-" + q)))
    if huge:
        _, hpath, hbytes, hreps = huge[0]
        label = "Search `패킷` in one section of %.2f MB < %d ms" % (int(hbytes) / 1e6, HUGE_LIMIT_MS)
        v = med("netkb-search-huge")
        targets.append((label, "%s ms" % fmt(v) if v is not None else "—", "%d ms" % HUGE_LIMIT_MS,
                        verdict(v < HUGE_LIMIT_MS) if v is not None else not_run("netkb-search-huge")))
    rss_by_id = {r[0]: r for r in rss}
    r = rss_by_id.get("netkb-index-full")
    if r and r[1] not in ("", "?") and r[2] == "0":
        kib = int(r[1])
        targets.append(("Peak RSS of a full index < 200 MiB", "%.1f MiB" % (kib / 1024), "200 MiB",
                        verdict(kib < RSS_LIMIT_KIB)))
    else:
        why = args.netkb_note or (("netkb exited %s" % r[2]) if r and r[2] else "")
        targets.append(("Peak RSS of a full index < 200 MiB", "—", "200 MiB",
                        "not run" + (" (%s)" % md_cell(why) if why else "")))

    # ------------------------------------------------------------------ render
    now = datetime.datetime.now(datetime.timezone.utc)
    elapsed = int(time.time()) - args.started if args.started else None
    L = []
    L.append("# netkb benchmark results")
    L.append("")
    L.append("Written by `benchmarks/run.sh` (%s mode) on %s UTC%s. Re-run with `bash benchmarks/run.sh`; "
             "see `benchmarks/README.md`." % (args.mode, now.strftime("%Y-%m-%d %H:%M"),
                                             ", the whole run took %d min %02d s" % divmod(elapsed, 60) if elapsed else ""))
    L.append("")
    npass = sum(1 for t in targets if "PASS" in t[3])
    nfail = sum(1 for t in targets if "FAIL" in t[3])
    nnot = len(targets) - npass - nfail
    L.append("**%d PASS, %d FAIL, %d not run** of %d targets. netkb: %s." % (
        npass, nfail, nnot, len(targets),
        code_cell(args.netkb) if not args.netkb_note else "not run — " + md_cell(args.netkb_note)))
    L.append("")
    L.append("## Targets")
    L.append("")
    L.append("Computed from hyperfine medians (the full index and the searches in interleaved rounds; see benchmarks/README.md).")
    L.append("")
    L += targets_table(targets)

    floor, plain = med("sqlite3-fts5-netkb-tokens"), med("sqlite3-plain-netkb-tokens")
    if None not in (floor, plain, load, parse):
        tokens = open(results.path("tokens.txt"), encoding="utf-8").read().strip() if os.path.exists(results.path("tokens.txt")) else "?"
        L.append("**FTS5 alone on netkb's tokens** (no target; see README): the sqlite3 CLI loads the tokens of netkb's "
                 "index (%s) into a contentless FTS5 table in %s ms, of which reading the CSV takes %s ms (the same CSV "
                 "into a plain table). FTS5's own work for netkb's tokens is then about %s ms = %.2f × (cmark-gfm parse + "
                 "sqlite3 bulk load), on one thread, before netkb parses anything. It is an upper estimate: it includes unicode61 "
                 "splitting the words again and a position for each colocated token." % (
                     md_cell(tokens), fmt(floor), fmt(plain), fmt(floor - plain), (floor - plain) / (load + parse)))
        L.append("")

    L.append("## Machine")
    L.append("")
    L.append("| | |")
    L.append("| --- | --- |")
    for k, v in machine():
        L.append("| %s | %s |" % (k, md_cell(v)))
    try:
        with open("/proc/loadavg") as f:
            end_load = " ".join(f.read().split()[:3])
    except OSError:
        end_load = "?"
    try:
        busy = float(args.start_load.split()[0]) > 0.5
    except (ValueError, IndexError):
        busy = False
    L.append("| load average (1, 5, 15 min) | %s at the start, %s at the end%s |" % (
        args.start_load, end_load,
        " — other work was running when the benchmark started, so timings are slower and noisier than on an "
        "idle machine" if busy else ""))
    L.append("")

    m = manifest
    L.append("## Corpus")
    L.append("")
    L.append("`%s`, made by `benchmarks/generate_corpus.py` (seed `%s`, source: %s)." % (
        args.corpus, m["params"]["seed"],
        "paragraphs sampled from the shared corpora plus built-in word lists" if m["params"]["source"] == "shared"
        else "built-in word lists only"))
    L.append("")
    L.append("| | |")
    L.append("| --- | --- |")
    L.append("| notes | %s in %d folders |" % (format(m["notes"], ","), m["folders"]))
    L.append("| size | %.1f MB (%s bytes); per note min %s, median %s, max %s bytes |" % (
        m["bytes"] / 1e6, format(m["bytes"], ","), format(m["size_min"], ","), format(m["size_median"], ","),
        format(m["size_max"], ",")))
    L.append("| Hangul | %.1f%% of %s characters |" % (m["hangul_pct"], format(m["chars"], ",")))
    order = [qn for _, qn in queries] + sorted(k for k in m["notes_matching"] if k not in [qn for _, qn in queries])
    L.append("| notes containing each query (regex over the raw text) | %s |" % md_cell(", ".join(
        "%s %s" % (k, format(m["notes_matching"][k], ",")) for k in order if k in m["notes_matching"])))
    L.append("| note edited by the one-note refresh | `%s` |" % m["edit_note"])
    L.append("| tree sha256 | `%s` |" % m["tree_sha256"])
    if huge:
        _, hpath, hbytes, hreps = huge[0]
        L.append("| huge-section note (its own index) | `%s`: one section, %s bytes, %s × `소켓 통신 패킷 `; "
                 "netkb found: %s |" % (hpath, format(int(hbytes), ","), format(int(hreps), ","),
                                        md_cell(hits.get("netkb-search-huge", "—"))))
    L.append("")

    L.append("## Searches side by side")
    L.append("")
    L.append("Median ms. netkb and sqlite3 return the 20 best-ranked sections; rg lists every matching file.")
    L.append("")
    L.append("| Query | netkb | sqlite3 FTS5 | rg | netkb / sqlite3 | rg / netkb | found by netkb / sqlite3 / rg |")
    L.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for q, qname in queries:
        n, s, r = med("netkb-search-" + q), med("sqlite3-fts5-" + q), med("rg-" + q)
        L.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            code_cell(qname), fmt(n), fmt(s), fmt(r),
            "%.2f×" % (n / s) if None not in (n, s) else "—",
            "%.1f×" % (r / n) if None not in (n, r) else "—",
            md_cell(" / ".join(hits.get(p + q, "—") for p in ("netkb-search-", "sqlite3-fts5-", "rg-")))))
    L.append("")

    startup = ["%s %s ms" % (code_cell(cmd), fmt(med(cid))) for cid, group, cmd, prep in commands
               if group == "startup" and med(cid) is not None]
    if startup:
        L.append("Process start-up alone, to read the numbers above against (no target): %s." % ", ".join(startup))
        L.append("")
    L.append("## All timings")
    L.append("")
    L += timings_table(commands, stats, state)
    L.append("hyperfine invocations (one per group, so the commands of a group are measured side by side):")
    L.append("")
    for group, opts in hf_opts:
        L.append("- %s: %s" % (group, code_cell(opts)))
    L.append("")

    L.append("## Peak memory")
    L.append("")
    L.append("Maximum resident set size from `/usr/bin/time -v`, one run each (for a pipeline: its largest process).")
    L.append("")
    L.append("| id | max RSS | exit | command |")
    L.append("| --- | ---: | ---: | --- |")
    for rid, kib, rc, cmd in rss:
        val = "%.1f MiB" % (int(kib) / 1024) if kib.isdigit() else ("not run" if not kib else kib)
        L.append("| %s | %s | %s | %s |" % (rid, val, rc or "—", code_cell(cmd)))
    L.append("")

    L.append("## Notes")
    L.append("")
    L.append("- The sqlite3 baseline table is `fts5(path UNINDEXED, heading, body, tokenize='unicode61')`, one row per "
             "heading section, loaded from a CSV that `benchmarks/sections_to_csv.py` writes once (untimed): front "
             "matter dropped, links reduced to their text, bare URLs removed. Its bulk load is `.import` in one "
             "transaction.")
    L.append("- unicode61 keeps a Hangul word with its particle as one token (`소켓을`, `TCP의`), so the sqlite3 "
             "baseline finds fewer sections for Korean queries than a bigram tokenizer; it is a speed baseline, "
             "not a recall one. rg matches raw text, URLs included, and reports files, not sections.")
    L.append("- The cmark-gfm baseline hands all files to `cmark-gfm` through `xargs -0` (a few processes, each "
             "parsing its files as one concatenated document) and renders HTML to /dev/null.")
    L.append("- The one-note refresh rewrites `%s` before each run (`benchmarks/edit_note.sh`), alternating the "
             "appended line; run.sh restores the note afterwards." % m["edit_note"])
    L.append("")

    tmp = args.out + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(L))
    os.replace(tmp, args.out)
    print("targets: %d PASS, %d FAIL, %d not run" % (npass, nfail, nnot))


if __name__ == "__main__":
    main()
