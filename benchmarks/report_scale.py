#!/usr/bin/env python3
"""The "100,000 notes" section of benchmarks/RESULTS.md, from what the scale mode left in its work folder.

  report_scale.py --mode M --work W --manifest F --corpus C --out RESULTS.md [...]
        render the section from W/results (commands.tsv, status.tsv, hyperfine.tsv, queries.tsv,
        hits.tsv, rss.tsv, loads.tsv, sizes.tsv and the hyperfine JSON) and put it into RESULTS.md
        in place of the previous one, or at the end; the rest of the file is left as it is
  report_scale.py --extract RESULTS.md
        print the section (nothing if there is none): run.sh keeps it across a 10,000-note run,
        whose report.py rewrites the whole file
  report_scale.py --splice SECTION.md --into RESULTS.md
        put a section into RESULTS.md as above

The section lies between BEGIN and END below. Targets, from hyperfine medians and /usr/bin/time:
no-change refresh <= 1.2 x the `find` stat walk of the same tree, each search <= 2 x the sqlite3
CLI on the same query, peak RSS of a full index and of a no-change refresh < 300 MB.
"""

import argparse
import datetime
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report import Results, code_cell, fmt, machine, md_cell, read_tsv, targets_table, timings_table, verdict  # noqa: E402

BEGIN = "<!-- benchmarks/run.sh BENCH_SCALE section: begin (rewritten by report_scale.py) -->"
END = "<!-- benchmarks/run.sh BENCH_SCALE section: end -->"
REFRESH_FACTOR = 1.2
SEARCH_FACTOR = 2.0
RSS_LIMIT_BYTES = 300 * 1000 * 1000  # 300 MB (286.1 MiB)


def extract(text):
    i = text.find(BEGIN)
    if i < 0:
        return ""
    j = text.find(END, i)
    return text[i:] if j < 0 else text[i:j + len(END)]


def splice(section, path):
    section = section.strip("\n")
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        text = "# netkb benchmark results\n"
    old = extract(text)
    if old:
        text = text.replace(old, section, 1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    text = text.rstrip("\n") + "\n"
    tmp = path + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def mib(kib):
    return "%.1f MiB (%.0f MB)" % (kib / 1024, kib * 1024 / 1e6)


def render(args):
    results = Results(args.work)
    commands, stats, hf_opts, queries, hits = results.commands, results.stats, results.hf_opts, results.queries, results.hits
    med, state, not_run = results.med, results.state, results.not_run
    rss = read_tsv(results.path("rss.tsv"), 6)     # id, KiB, exit, command, wall clock, % CPU
    loads = read_tsv(results.path("loads.tsv"), 2)  # step, load average as it started
    sizes = read_tsv(results.path("sizes.tsv"), 2)  # path, bytes
    said = read_tsv(results.path("index-output.tsv"), 1)  # the last line netkb index printed
    with open(args.manifest, encoding="utf-8") as f:
        m = json.load(f)

    # ------------------------------------------------------------------ targets
    targets = []
    n, f = med("netkb-refresh-nochange"), med("find-stat-walk")
    label = "Refresh, nothing changed ≤ %.1f × `find` stat walk" % REFRESH_FACTOR
    if None not in (n, f):
        targets.append((label, "%s ms (%.2f×)" % (fmt(n), n / f),
                        "%s ms = %.1f × %s" % (fmt(REFRESH_FACTOR * f), REFRESH_FACTOR, fmt(f)),
                        verdict(n <= REFRESH_FACTOR * f)))
    else:
        targets.append((label, "—", "%.1f × %s ms" % (REFRESH_FACTOR, fmt(f)),
                        not_run("netkb-refresh-nochange", "find-stat-walk")))
    for q, qname in queries:
        n, s = med("netkb-search-" + q), med("sqlite3-fts5-" + q)
        label = "Search %s ≤ %d × sqlite3" % (code_cell(qname), SEARCH_FACTOR)
        if None not in (n, s):
            targets.append((label, "%s ms (%.2f×)" % (fmt(n), n / s),
                            "%s ms = %d × %s" % (fmt(SEARCH_FACTOR * s), SEARCH_FACTOR, fmt(s)),
                            verdict(n <= SEARCH_FACTOR * s)))
        else:
            targets.append((label, "—", "%d × %s ms" % (SEARCH_FACTOR, fmt(s)),
                            not_run("netkb-search-" + q, "sqlite3-fts5-" + q)))
    rss_by_id = {r[0]: r for r in rss}
    limit = "300 MB (%.1f MiB)" % (RSS_LIMIT_BYTES / 1024 / 1024)
    for rid, label in (("netkb-index-full", "Peak RSS of a full index < 300 MB"),
                       ("netkb-refresh-nochange", "Peak RSS of a no-change refresh < 300 MB")):
        r = rss_by_id.get(rid)
        if r and r[1].isdigit() and r[2] == "0":
            kib = int(r[1])
            targets.append((label, mib(kib), limit, verdict(kib * 1024 < RSS_LIMIT_BYTES)))
        else:
            why = (("netkb exited %s" % r[2]) if r and r[2] not in ("", "0") else "") or args.netkb_note
            targets.append((label, "—", limit, "not run" + (" (%s)" % md_cell(why) if why else "")))

    # ------------------------------------------------------------------ render
    now = datetime.datetime.now(datetime.timezone.utc)
    elapsed = int(time.time()) - args.started if args.started else None
    notes = m["notes"]
    canonical = args.mode == "scale"
    title = "%s notes" % format(notes, ",") if canonical else "%s notes (scale-mode trial, `%s`)" % (
        format(notes, ","), args.mode)
    command = "BENCH_SCALE=1 bash benchmarks/run.sh" if canonical else (
        "BENCH_SCALE=1 BENCH_QUICK=1 bash benchmarks/run.sh" if args.mode == "scale-quick"
        else "BENCH_SCALE=1 BENCH_NOTES=%d bash benchmarks/run.sh" % notes)
    L = [BEGIN, "", "## " + title, ""]
    L.append("Written by `%s` on %s UTC%s; it replaces only this section. netkb: %s." % (
        command, now.strftime("%Y-%m-%d %H:%M"),
        ", the run took %d min %02d s" % divmod(elapsed, 60) if elapsed else "",
        code_cell(args.netkb) if not args.netkb_note else "not run — " + md_cell(args.netkb_note)))
    L.append("")
    npass = sum(1 for t in targets if "PASS" in t[3])
    nfail = sum(1 for t in targets if "FAIL" in t[3])
    L.append("**%d PASS, %d FAIL, %d not run** of %d targets." % (
        npass, nfail, len(targets) - npass - nfail, len(targets)))
    L.append("")

    # machine and load, in short (the 10,000-note report above has the full table)
    mach = dict(machine())
    try:
        with open("/proc/loadavg") as fh:
            end_load = " ".join(fh.read().split()[:3])
    except OSError:
        end_load = "?"
    try:
        busy = float(args.start_load.split()[0]) > 0.5
    except (ValueError, IndexError):
        busy = False
    L.append("Machine: nproc %s, %s, %s, %s; sqlite3 %s, %s. Load average (1, 5, 15 min): %s at the start, %s at "
             "the end%s." % (
                 mach.get("nproc"), md_cell(mach.get("CPU", "?")), mach.get("memory"), md_cell(mach.get("OS", "?")),
                 mach.get("SQLite (sqlite3 CLI)"), md_cell(mach.get("hyperfine", "?")), args.start_load, end_load,
                 " — other work was running when the benchmark started, so timings are slower and noisier than on "
                 "an idle machine" if busy else ""))
    if loads:
        L.append("")
        L.append("Load average as each step started (the 1-minute figure includes the benchmark's own previous "
                 "step): %s." % ", ".join("%s %s" % (step, load) for step, load in loads))
    L.append("")

    L.append("Corpus: `%s`, `generate_corpus.py --notes %d` (seed `%s`, %s): %s notes in %d folders, %.1f MB "
             "(per note %s to %s bytes, median %s), %.1f%% Hangul, tree sha256 `%s…`. Notes containing each "
             "query: %s. The one-note refresh edits `%s`." % (
                 args.corpus, notes, m["params"]["seed"],
                 "shared corpora plus word lists" if m["params"]["source"] == "shared" else "built-in word lists",
                 format(notes, ","), m["folders"], m["bytes"] / 1e6, format(m["size_min"], ","),
                 format(m["size_max"], ","), format(m["size_median"], ","), m["hangul_pct"],
                 m["tree_sha256"][:16],
                 md_cell(", ".join("%s %s" % (qn, format(m["notes_matching"][qn], ","))
                                   for _, qn in queries if qn in m["notes_matching"])),
                 m["edit_note"]))
    if sizes:
        L.append("")
        L.append("Files: %s." % ", ".join("%s %.2f GB" % (code_cell(p), int(b) / 1e9) if int(b) >= 1e9
                                          else "%s %.0f MB" % (code_cell(p), int(b) / 1e6)
                                          for p, b in sizes if b.isdigit()))
    if said and said[0][0]:
        L.append("")
        L.append("The full index under `/usr/bin/time` printed: %s" % code_cell(said[0][0]))
    L.append("")

    L.append("### Targets (%s notes)" % format(notes, ","))
    L.append("")
    L.append("Computed from hyperfine medians (the full index and the searches in interleaved rounds); peak RSS from `/usr/bin/time -v`, one run each.")
    L.append("")
    L += targets_table(targets)

    L.append("### Index and refresh")
    L.append("")
    L.append("Median ms. The sqlite3 bulk load and cmark-gfm are there to read the full index against (no "
             "target at this size; the 10,000-note target is ≤ 1.5 × their sum).")
    L.append("")
    L.append("| | median | |")
    L.append("| --- | ---: | --- |")
    full = med("netkb-index-full")
    load, parse = med("sqlite3-bulk-load"), med("cmark-gfm-parse")
    L.append("| full index (`netkb index --rebuild`) | %s | %s |" % (
        fmt(full), "%.1f s, %s notes/s, %.1f MB/s%s" % (
            full / 1000, format(int(notes / (full / 1000)), ","), m["bytes"] / 1e6 / (full / 1000),
            "; %.2f × (cmark-gfm %s + sqlite3 load %s)" % (full / (load + parse), fmt(parse), fmt(load))
            if None not in (load, parse) else "") if full else md_cell(state("netkb-index-full"))))
    L.append("| sqlite3 bulk load of the sections CSV | %s | |" % fmt(load))
    L.append("| cmark-gfm parse of every note | %s | |" % fmt(parse))
    fw = med("find-stat-walk")
    for i, what in (("netkb-refresh-nochange", "refresh, nothing changed"),
                    ("find-stat-walk", "`find` stat walk (the floor)"),
                    ("netkb-refresh-one-note", "refresh, one note changed")):
        v = med(i)
        extra = "%.2f × find" % (v / fw) if None not in (v, fw) and i == "netkb-refresh-nochange" else ""
        if v is None:
            extra = md_cell(state(i))
        L.append("| %s | %s | %s |" % (what, fmt(v), extra))
    L.append("")

    L.append("### Searches side by side")
    L.append("")
    L.append("Median ms; both return the 20 best-ranked sections.")
    L.append("")
    L.append("| Query | netkb | sqlite3 FTS5 | netkb / sqlite3 | found by netkb / sqlite3 |")
    L.append("| --- | ---: | ---: | ---: | --- |")
    for q, qname in queries:
        n, s = med("netkb-search-" + q), med("sqlite3-fts5-" + q)
        L.append("| %s | %s | %s | %s | %s |" % (
            code_cell(qname), fmt(n), fmt(s), "%.2f×" % (n / s) if None not in (n, s) else "—",
            md_cell(" / ".join(hits.get(p + q, "—") for p in ("netkb-search-", "sqlite3-fts5-")))))
    L.append("")
    startup = ["%s %s ms" % (code_cell(cmd), fmt(med(cid))) for cid, group, cmd, prep in commands
               if group == "startup" and med(cid) is not None]
    if startup:
        L.append("Process start-up alone (no target): %s." % ", ".join(startup))
        L.append("")

    L.append("### Peak memory")
    L.append("")
    L.append("Maximum resident set size from `/usr/bin/time -v`, one run each. The full index's run is also "
             "the one that builds the index the refreshes and searches use.")
    L.append("")
    L.append("| id | max RSS | wall clock | CPU | exit | command |")
    L.append("| --- | ---: | ---: | ---: | ---: | --- |")
    for rid, kib, rc, cmd, wall, cpu in rss:
        val = mib(int(kib)) if kib.isdigit() else ("not run" if not kib else kib)
        L.append("| %s | %s | %s | %s | %s | %s |" % (rid, val, wall or "—", cpu or "—", rc or "—", code_cell(cmd)))
    L.append("")

    L.append("### All timings (%s notes)" % format(notes, ","))
    L.append("")
    L += timings_table(commands, stats, state)
    L.append("hyperfine invocations:")
    L.append("")
    for group, opts in hf_opts:
        L.append("- %s: %s" % (group, code_cell(opts)))
    L.append("")
    L.append("The full index runs %d times under hyperfine after one run under `/usr/bin/time -v` (which builds "
             "the index of the refreshes and searches), without warm-up: a run takes minutes. Between the "
             "one-note refreshes `benchmarks/edit_note.sh` rewrites the note with an alternating appended line; "
             "run.sh restores it afterwards. The sqlite3 table is the 10,000-note mode's: "
             "`fts5(path UNINDEXED, heading, body, tokenize='unicode61')` loaded from `sections_to_csv.py`'s CSV."
             % max([st["runs"] for cid, st in stats.items() if cid == "netkb-index-full"] or [0]))
    L.append("")
    L.append(END)
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--extract", metavar="RESULTS")
    ap.add_argument("--splice", metavar="SECTION")
    ap.add_argument("--into", metavar="RESULTS")
    ap.add_argument("--mode")
    ap.add_argument("--work")
    ap.add_argument("--manifest")
    ap.add_argument("--corpus")
    ap.add_argument("--netkb", default="")
    ap.add_argument("--netkb-note", default="")
    ap.add_argument("--started", type=int, default=0)
    ap.add_argument("--start-load", default="?")
    ap.add_argument("--out")
    args = ap.parse_args()

    if args.extract:
        try:
            with open(args.extract, encoding="utf-8") as f:
                section = extract(f.read())
        except FileNotFoundError:
            section = ""
        if section:
            print(section)
        return
    if args.splice:
        if not args.into:
            ap.error("--splice needs --into")
        with open(args.splice, encoding="utf-8") as f:
            section = extract(f.read())
        if not section:
            sys.exit("report_scale.py: no section in %s" % args.splice)
        splice(section, args.into)
        print("kept the scale section in %s" % args.into)
        return
    for name in ("mode", "work", "manifest", "corpus", "out"):
        if not getattr(args, name):
            ap.error("--%s is required" % name)
    section = render(args)
    splice(section, args.out)
    text = section
    npass, nfail = text.count("| **PASS** |"), text.count("| **FAIL** |")
    print("scale targets: %d PASS, %d FAIL; section written to %s" % (npass, nfail, args.out))


if __name__ == "__main__":
    main()
