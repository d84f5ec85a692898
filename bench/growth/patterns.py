#!/usr/bin/env python3
"""Writes the inputs of issue 18's quadratic patterns at a given size (every input the issue names that took time growing
with the square of its size, and a few neighbours of each).

usage: patterns.py OUTDIR SCALE [PATTERN ...]
Each pattern is written to OUTDIR/<pattern>.md; SCALE multiplies the unit count (1 = the base size).
"""
import os
import sys

# name -> (base count, function of count returning the document text)
PATTERNS = {
    # Duplicate headings: every one gets a -N anchor suffix.
    "duplicate-headings": (12500, lambda n: "## Same heading\n\n" * n),
    # Unused reference definitions, all with distinct labels.
    "unused-references": (50000, lambda n: "".join(f"[r{i}]: https://example.com/{i}\n" for i in range(n))),
    # Duplicate reference definitions, all with one label.
    "duplicate-references": (50000, lambda n: "[same]: https://example.com/x\n" * n),
    # '</' and '<!--' interleaved in one paragraph.
    "html-openers": (200000, lambda n: "</<!--" * n + "\n"),
    # A run of '</' followed by a run of '<!--' that never closes (the audit's 3 MB case).
    "html-opener-runs": (250000, lambda n: "</" * n + "<!--" * n + "\n"),
    # Long backtick runs of growing length (no closing run of equal length).
    "backtick-runs": (1000, lambda n: "".join("`" * (i % 2000 + 1) + " x " for i in range(n)) + "\n"),
    # Suppression directives, one per line, each around a paragraph.
    "suppressions": (25000, lambda n: "# Title\n\n" + "".join(f"<!-- policylint-disable-next-line PL2001 -->\nline {i}\n\n" for i in range(n))),
    # Suppression directives that each silence a finding (a duplicate heading) on the next line.
    "used-suppressions": (25000, lambda n: "# Title\n\n" + "<!-- policylint-disable-next-line PL4004 -->\n## Same\n\n" * n),
    # Disable/enable pairs, each around a duplicate heading.
    "suppression-ranges": (12500, lambda n: "# Title\n\n" + "<!-- policylint-disable PL4004 -->\n\n## Same\n\ntext\n\n<!-- policylint-enable PL4004 -->\n\n" * n),
    # Setext headings one after another (Markdig's work for each underline grows with the blocks before it).
    "setext-headings": (20000, lambda n: "b\n===\n" * n),
    # Lazy continuation lines of a block quote's paragraph that look like setext underlines.
    "setext-lazy": (20000, lambda n: "> a\n" + "===\n" * n),
    # A pipe table with bold cells.
    "bold-table": (3000, lambda n: "# Title\n\n| a | b |\n| --- | --- |\n" + "| **x** | **y** |\n" * n),
    # Many emphasis runs in one paragraph.
    "emphasis-paragraph": (10000, lambda n: "# Title\n\n" + "*a* " * n + "\n"),
    # Many links to local anchors in one paragraph.
    "many-links": (20000, lambda n: "# Title\n\n## Target\n\n" + "[t](#target) " * n + "\n"),
    # One very long line of text.
    "long-line": (1000000, lambda n: "# Title\n\n" + "word " * (n // 5) + "\n"),
    # Bidi controls written as character references, in prose and in an HTML block (PL2004 reads them).
    "bidi-references": (20000, lambda n: "# Title\n\n" + "a &#x202E; b\n" * n + "\n<div title=\"&#8238;\">\n" + "x &#x2066; " * n + "\n</div>\n"),
    # Many unclosed '[' on one line.
    "open-brackets": (100000, lambda n: "# Title\n\n" + "[a " * n + "\n"),
    # Many '*' delimiters that never close.
    "unclosed-emphasis": (100000, lambda n: "# Title\n\n" + "*a **b " * (n // 2) + "\n"),
}


def main():
    out, scale = sys.argv[1], float(sys.argv[2])
    names = sys.argv[3:] or list(PATTERNS)
    os.makedirs(out, exist_ok=True)
    for name in names:
        base, make = PATTERNS[name]
        with open(os.path.join(out, name + ".md"), "w", encoding="utf-8", newline="") as f:
            f.write(make(int(base * scale)))


if __name__ == "__main__":
    main()
