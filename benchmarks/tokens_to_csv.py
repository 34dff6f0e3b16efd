#!/usr/bin/env python3
"""Write the tokens netkb's index holds, section by section, as a CSV the sqlite3 CLI can load.

This measures what FTS5 alone costs for netkb's tokens (bigrams, trailing syllables, tokens
across a space, English words), without netkb: run.sh loads the CSV into a contentless FTS5
table with a tokenizer that only splits at spaces, and into a plain table to subtract the cost
of reading the CSV. Not timed itself.

The index's own tokenizer is not available outside netkb, so a copy of the index is opened with
the table's tokenizer renamed (fts5vocab reads the index without tokenizing anything). Each
token instance becomes one word, in position order; a space inside a token (`잡 제`) becomes
`_`, which the load's tokenizer keeps inside words. Colocated tokens get a position each, so the
load writes slightly more position data than netkb does.

Usage: tokens_to_csv.py INDEX.sqlite OUT.csv   (prints "<instances> token instances in
<sections> sections")
"""

import csv
import os
import shutil
import sqlite3
import sys
import tempfile


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-2].strip())
    index, out = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "index.sqlite")
        shutil.copyfile(index, copy)
        db = sqlite3.connect(copy)
        db.execute("PRAGMA writable_schema = ON")
        db.execute("UPDATE sqlite_schema SET sql = replace(sql, 'porter netkb', 'unicode61') "
                   "WHERE name = 'sections_fts'")
        db.commit()
        db.close()
        db = sqlite3.connect(copy)
        db.execute("CREATE VIRTUAL TABLE temp.instances USING fts5vocab('main', 'sections_fts', 'instance')")
        columns = ("heading", "context", "body")
        # group_concat takes the rows in the order the subquery yields them (SQLite 3.40 has no
        # ORDER BY inside an aggregate); the order changes positions only, not what is written.
        rows = db.execute("""
            SELECT doc, col, group_concat(term, ' ') FROM (
                SELECT doc, col, replace(term, ' ', '_') AS term FROM temp.instances ORDER BY doc, col, offset
            ) GROUP BY doc, col ORDER BY doc
        """)
        instances = sum(n for (n,) in db.execute("SELECT count(*) FROM temp.instances"))
        sections = 0
        with open(out, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            current, texts = None, {}
            for doc, col, text in rows:
                if doc != current:
                    if current is not None:
                        w.writerow([texts.get(c, "") for c in columns])
                        sections += 1
                    current, texts = doc, {}
                texts[col] = text
            if current is not None:
                w.writerow([texts.get(c, "") for c in columns])
                sections += 1
        db.close()
    print("{:,} token instances in {:,} sections".format(instances, sections))


if __name__ == "__main__":
    main()
