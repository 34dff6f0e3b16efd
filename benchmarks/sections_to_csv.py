#!/usr/bin/env python3
"""Split every Markdown note under NOTES at its headings into (path, heading, body) rows.

Writes an RFC 4180 CSV (every field quoted, bodies keep their newlines) that
`sqlite3 DB ".import --csv FILE sections"` loads into the plain FTS5 baseline
table. This is the sqlite3 baseline's "parser": it is run once, outside the
timed bulk load.

To index about the same words as netkb (which keeps a section's visible text
and drops URLs and markup), it applies a light clean-up: YAML front matter is
dropped, `[text](url)` and `![alt](url)` keep only the text, `[[note|alias]]`
keeps the alias (`[[note]]` the note name) and bare URLs are removed. Markup
characters such as `-`, `|`, `*` or `#` are left in: unicode61 ignores them.
A heading line inside a fenced code block is not a heading.

Usage: sections_to_csv.py NOTES OUT.csv   (prints "<notes> notes, <sections> sections")
"""

import csv
import os
import re
import sys

HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
IMAGE_OR_LINK_RE = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
WIKI_RE = re.compile(r"!?\[\[([^\]|\n]*?)(?:\|([^\]\n]*))?\]\]")
URL_RE = re.compile(r"<?https?://[^\s<>]+>?")


def clean(text):
    text = IMAGE_OR_LINK_RE.sub(lambda m: m.group(1), text)
    text = WIKI_RE.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(1), text)
    return URL_RE.sub("", text)


def sections(text):
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[0].strip() == "---":
        for k in range(1, len(lines)):
            if lines[k].strip() in ("---", "..."):
                lines = lines[k + 1:]
                break
    heading, body, fence = "", [], None
    for line in lines:
        m = FENCE_RE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * len(m.group(1))
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif fence is None:
            h = HEADING_RE.match(line)
            if h:
                if heading or "".join(body).strip():
                    yield heading, "\n".join(body).strip("\n")
                heading, body = (h.group(2) or "").strip(), []
                continue
        body.append(line)
    if heading or "".join(body).strip():
        yield heading, "\n".join(body).strip("\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, out = sys.argv[1], sys.argv[2]
    paths = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        paths.extend(os.path.join(dirpath, f) for f in filenames if f.endswith(".md") and not f.startswith("."))
    paths.sort(key=lambda p: p.encode("utf-8"))
    n_sections = 0
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for p in paths:
            with open(p, encoding="utf-8", errors="replace") as nf:
                text = nf.read()
            rel = os.path.relpath(p, root).replace(os.sep, "/")
            for heading, body in sections(text):
                w.writerow([rel, clean(heading), clean(body)])
                n_sections += 1
    os.replace(tmp, out)
    print("%d notes, %d sections" % (len(paths), n_sections))


if __name__ == "__main__":
    main()
