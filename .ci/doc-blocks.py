#!/usr/bin/env python3
"""Docs as tests: run every ```bash block of a Markdown page, in order, against a running product.

usage: doc-blocks.py PAGE [PAGE_WITH_THE_SAME_BLOCKS ...]

Each bash block runs in a fresh `bash -euo pipefail` from the repository root, with
`localhost:8080` and `127.0.0.1:8080` (in the block and its expected text) rewritten to the product's port (OPS_HTTP_PORT) — the page shows the default
port, the run uses the one CI started. The block must exit 0, and when a ```text block follows it,
each non-empty line of that text must be found in the block's output, in order (`…` stands for
anything). ```shell blocks are shown to the reader and not run. Further pages (translations) must
have exactly the same bash blocks, so they are as true as the first.
"""
import os
import re
import subprocess
import sys

FENCE = re.compile(r"^```(\w*)\s*$")


def blocks(path):
    out, lang, buf = [], None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = FENCE.match(line.rstrip("\n"))
            if m and lang is None:
                lang, buf = m.group(1) or "text", []
            elif m and lang is not None and not m.group(1):
                out.append((lang, "".join(buf)))
                lang = None
            elif lang is not None:
                buf.append(line)
    if lang is not None:
        sys.exit(f"{path}: a code block is not closed")
    return out


def expected_found(expected, output):
    pos = 0
    for line in expected.splitlines():
        line = line.strip()
        if not line:
            continue
        pattern = ".*?".join(re.escape(part) for part in line.split("…"))
        m = re.compile(pattern).search(output, pos)
        if not m:
            return line
        pos = m.end()
    return None


def at_port(text, port):
    return text.replace("localhost:8080", "localhost:" + port).replace("127.0.0.1:8080", "127.0.0.1:" + port)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pages = sys.argv[1:]
    port = os.environ.get("OPS_HTTP_PORT", "8080")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    first = blocks(pages[0])
    runnable = [b for b in first if b[0] == "bash"]
    for other in pages[1:]:
        theirs = [b for b in blocks(other) if b[0] == "bash"]
        if theirs != runnable:
            sys.exit(f"{other}: its bash blocks differ from {pages[0]}'s — translate the prose, keep the commands")
    if not runnable:
        sys.exit(f"{pages[0]}: no bash block to run")
    ran = 0
    for i, (lang, code) in enumerate(first):
        if lang != "bash":
            continue
        ran += 1
        script = at_port(code, port)
        r = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=root, capture_output=True,
                           text=True, timeout=300)
        output = r.stdout + r.stderr
        head = code.strip().splitlines()[0]
        if r.returncode != 0:
            print(output)
            sys.exit(f"{pages[0]} block {ran} ({head}) exited {r.returncode}")
        if i + 1 < len(first) and first[i + 1][0] == "text":
            missing = expected_found(at_port(first[i + 1][1], port), output)
            if missing is not None:
                print(output)
                sys.exit(f"{pages[0]} block {ran} ({head}): expected output line not found: {missing}")
        print(f"ok  block {ran}: {head}")
    print(f"{pages[0]}: {ran} blocks ran, all as the page says" + (f" ({len(pages) - 1} translation(s) checked)" if len(pages) > 1 else ""))


if __name__ == "__main__":
    main()
