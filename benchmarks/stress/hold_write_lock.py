#!/usr/bin/env python3
"""Holds SQLite's write lock on an index (BEGIN IMMEDIATE) for SECONDS, as an indexing run
does while it writes; prints `locked` once it has it, then rolls back and exits.

usage: hold_write_lock.py INDEX SECONDS
"""
import sqlite3
import sys
import time

connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("ROLLBACK")
connection.close()
