#!/usr/bin/env python3
"""Leaves a hot rollback journal beside an index, as a writer killed in the middle of its
commit does: opens INDEX with a tiny page cache, deletes every row of `notes` inside a write
transaction (so that SQLite syncs the journal and overwrites pages of the index file), then
SIGKILLs itself before committing. Exits by signal 9; INDEX-journal is then hot, and the index
must read as it was before once SQLite rolls the journal back.

usage: kill_mid_write.py INDEX
"""
import os
import signal
import sqlite3
import sys

connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
connection.execute("PRAGMA cache_size = 5")
connection.execute("BEGIN IMMEDIATE")
connection.execute("DELETE FROM notes")
os.kill(os.getpid(), signal.SIGKILL)
