#!/usr/bin/env python3
"""Hot paths of a JFR recording's execution samples, aggregated.

  bench/scripts/jfr-hot.py RECORDING.jfr [--top N] [--match SUBSTRING ...]

Prints the share of samples per top frame (self), per method anywhere on the stack (inclusive, each
method counted once per sample), and per thread name. --match also prints the inclusive share of
samples whose stack holds each SUBSTRING (e.g. a class or package). Reads `jfr print --events
jdk.ExecutionSample --stack-depth 96` (the JDK's jfr tool on PATH).
"""
import argparse, collections, re, subprocess

def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                         capture_output=True, text=True, check=True).stdout
    for block in out.split("jdk.ExecutionSample {")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = re.findall(r"^\s+([\w$.<>/]+\.[\w$<>]+)\(", block, re.M)
        yield (thread.group(1) if thread else "?"), frames

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recording")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--match", nargs="*", default=[])
    ap.add_argument("--callees", nargs="*", default=[], help="methods whose direct callees to break down")
    a = ap.parse_args()
    self_, incl, threads, matches = (collections.Counter() for _ in range(4))
    callees = {m: collections.Counter() for m in a.callees}
    n = 0
    for thread, frames in samples(a.recording):
        n += 1
        threads[re.sub(r"\d+", "N", thread)] += 1
        if frames:
            self_[frames[0]] += 1
        for f in set(frames):
            incl[f] += 1
        joined = "\n".join(frames)
        for m in a.match:
            if m in joined:
                matches[m] += 1
        for m in a.callees:
            at = [i for i, f in enumerate(frames) if f.endswith(m)]
            if at:
                i = max(at)  # the outermost call
                callees[m]["(self)" if i == 0 else frames[i - 1]] += 1
    print(f"{n} samples")
    for title, c in (("threads", threads), ("self", self_), ("inclusive", incl)):
        print(f"\n== {title}")
        for k, v in c.most_common(a.top):
            print(f"{100.0 * v / n:6.2f}%  {k}")
    if a.match:
        print("\n== matches (inclusive)")
        for m in a.match:
            print(f"{100.0 * matches[m] / n:6.2f}%  {m}")
    for m, c in callees.items():
        print(f"\n== callees of {m}")
        for k, v in c.most_common(a.top):
            print(f"{100.0 * v / n:6.2f}%  {k}")

if __name__ == "__main__":
    main()
