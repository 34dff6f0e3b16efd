#!/usr/bin/env python3
"""Appends one line to COUNT notes under DIR, chosen by SEED, so that their content, size and
modification time all change. Prints how many notes it edited.

usage: edit_notes.py DIR COUNT SEED
"""
import os
import random
import sys

root, count, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3]
notes = sorted(
    os.path.join(folder, name)
    for folder, _, names in os.walk(root)
    for name in names
    if name.endswith(".md")
)
chosen = random.Random(seed).sample(notes, min(count, len(notes)))
for path in chosen:
    with open(path, "a", encoding="utf-8") as note:
        note.write(f"\n- stress edit {seed}: 라우터 설정 변경 {seed} TCP\n")
print(len(chosen))
