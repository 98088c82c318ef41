#!/usr/bin/env python3
"""Every relative link of the README files (deploy/k8s's too) and docs/ points at a file that exists (anchors are not checked)."""
import glob
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(root)
broken = []
pages = ["README.md", "README.ko.md", "deploy/k8s/README.md"] + sorted(glob.glob("docs/**/*.md", recursive=True))
for page in pages:
    text = re.sub(r"```.*?```", "", open(page, encoding="utf-8").read(), flags=re.S)
    for m in re.finditer(r"\]\(([^)#\s]+)(#[^)]*)?\)", text):
        target = m.group(1)
        if re.match(r"^[a-z]+:", target):
            continue
        if not os.path.exists(os.path.normpath(os.path.join(os.path.dirname(page), target))):
            broken.append(f"{page}: {target}")
if broken:
    sys.exit("broken links:\n  " + "\n  ".join(broken))
print(f"doc links: ok ({len(pages)} pages)")
