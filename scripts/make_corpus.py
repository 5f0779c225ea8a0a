#!/usr/bin/env python3
"""Writes Sources/GenerativeModels/Data/Resources/course-notes.txt, the character model's corpus:
the prose of the course's own notebooks (notebooks/0*.md, the project's own text), in chapter order,
with what is not prose removed — front matter, code cells, inline code, display and inline math,
tables, HTML comments, cell options and attribute braces — and runs of blank lines collapsed. English with the
Chinese terms of the lecture slides, so the model sees both scripts.

    python3 scripts/make_corpus.py
"""
import glob
import os
import re

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
pieces = []
for path in sorted(glob.glob(os.path.join(root, "notebooks", "0*.md"))):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)           # front matter
    text = re.sub(r"^(```|~~~).*?^\1[ \t]*$", "", text, flags=re.S | re.M)  # fenced code
    text = re.sub(r"\$\$.*?\$\$(\s*\{#[^}]*\})?", "", text, flags=re.S)  # display math and its label
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"^\|.*\|[ \t]*$", "", text, flags=re.M)              # tables
    text = re.sub(r"\$[^$\n]+\$", "", text)                              # inline math
    text = re.sub(r"[ \t]+([,.;:)])", r"\1", text)                       # spaces left before punctuation
    text = re.sub(r"\([ \t]*\)", "", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"`\{swift\}[^`]*`", "…", text)                       # inline expressions
    text = re.sub(r"(`{2,})\s?(.*?)\s?\1", r"\2", text)                      # ``code with ` in it``
    text = re.sub(r"`([^`\n]+)`", r"\1", text)         # inline code: keep the words
    text = re.sub(r"\s*\{[#.][^}\n]*\}", "", text)                        # heading ids and classes
    text = re.sub(r"^:::.*$", "", text, flags=re.M)                       # fenced div markers
    text = re.sub(r"\n{3,}", "\n\n", text)
    pieces.append(text.strip() + "\n")
corpus = "\n".join(pieces)
out = os.path.join(root, "Sources", "GenerativeModels", "Data", "Resources", "course-notes.txt")
with open(out, "w", encoding="utf-8") as f:
    f.write(corpus)
print(f"{len(corpus)} characters, {len(set(corpus))} distinct, {sum(1 for c in corpus if ord(c) >= 0x2E80)} CJK")
