#!/usr/bin/env python3
"""CPU per ask of running products, from /proc, one ask at a time over keep-alive HTTP.

  bench/scripts/cpu-per-ask.py [--warmup N] [--asks N] [--rounds R] [--question Q] [--threads] NAME=PORT ...

Each NAME=PORT is a product started with `OPS_RATE_PER_SECOND=0 OPS_HTTP_PORT=PORT OPS_DATA_DIR=DIR ./ops up`
(the all-in-one; without OPS_RATE_PER_SECOND=0 the anonymous caller is held to 50 asks a second). Its
processes: the JVM listening on PORT, its descendants (the Neo4j JVM, Redis) and the PostgreSQL of its
OPS_DATA_DIR (detached, found by its -D; the backends that exited during a window counted through the
postmaster's cutime). Their utime + stime (/proc/N/stat, ticks of 10 ms) over a window of asks, divided
by the asks, is the figure; this script's own CPU is not in it. Each product is warmed with --warmup
asks, then the products are measured in turn, --asks each, --rounds times (alternating, so a shared
machine's load falls on all alike). One line per product per round (--threads: also the JVM's CPU per
ask by thread group) and, with two products, the second's ratio to the first per round. Any answer
other than HTTP 200 stops it.
"""
import argparse, http.client, json, os, subprocess, sys, time

TICKS = os.sysconf("SC_CLK_TCK")

def pid_on_port(port):
    out = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True, text=True).stdout
    for part in out.split("pid=")[1:]:
        return int(part.split(",")[0])
    raise SystemExit(f"nothing listens on {port}")

def children():
    kids = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = open(f"/proc/{name}/stat").read()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            kids.setdefault(ppid, []).append(int(name))
    return kids

def tree(root):
    kids, out, todo = children(), [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out

def comm(pid):
    try:
        return open(f"/proc/{pid}/comm").read().strip()
    except OSError:
        return "?"

def ticks(pid, reaped=False):
    """utime + stime; with reaped, also cutime + cstime: the children that exited and were waited for
    (a PostgreSQL backend whose connection closed took its CPU with it otherwise)."""
    try:
        stat = open(f"/proc/{pid}/stat").read()
    except OSError:
        return 0
    rest = stat[stat.rindex(")") + 2:].split()
    return int(rest[11]) + int(rest[12]) + (int(rest[13]) + int(rest[14]) if reaped else 0)

def data_dir(pid):
    env = open(f"/proc/{pid}/environ", "rb").read().split(b"\0")
    for e in env:
        if e.startswith(b"OPS_DATA_DIR="):
            return os.path.realpath(e.split(b"=", 1)[1].decode())
    return os.path.realpath(os.path.join(os.readlink(f"/proc/{pid}/cwd"), "data"))

def postmaster(pid):
    """The embedded PostgreSQL runs detached (its parent is init): found by its data directory."""
    want = os.path.join(data_dir(pid), "postgres")
    for name in os.listdir("/proc"):
        if name.isdigit() and comm(int(name)) == "postgres":
            try:
                args = open(f"/proc/{name}/cmdline", "rb").read().split(b"\0")
            except OSError:
                continue
            if b"-D" in args and os.path.realpath(args[args.index(b"-D") + 1].decode()) == want:
                return int(name)
    raise SystemExit(f"no PostgreSQL with data directory {want}")

def threads(pid):
    """Ticks per thread group of one JVM: thread names (comm, 15 characters) with their digits dropped."""
    groups = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return groups
    for tid in tids:
        try:
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
        except OSError:
            continue
        name = "".join(c for c in stat[stat.index("(") + 1:stat.rindex(")")] if not c.isdigit()).rstrip("-")
        rest = stat[stat.rindex(")") + 2:].split()
        groups[name] = groups.get(name, 0) + int(rest[11]) + int(rest[12])
    return groups

def cpu(root, pg):
    """Ticks per group: the product JVM itself, its PostgreSQL (postmaster and backends), other descendants."""
    groups = {"jvm": 0, "postgres": 0, "other": 0}
    for p in tree(root):
        groups["jvm" if p == root else "other"] += ticks(p)
    for p in tree(pg):
        groups["postgres"] += ticks(p, reaped=p == pg)
    return groups

class Product:
    def __init__(self, name, port, question):
        self.name, self.port = name, port
        self.pid = pid_on_port(port)
        self.pg = postmaster(self.pid)
        self.body = json.dumps({"question": question}).encode()
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def ask(self, n):
        for _ in range(n):
            self.conn.request("POST", "/ops/ci/ask", self.body, {"content-type": "application/json"})
            r = self.conn.getresponse()
            data = r.read()
            if r.status != 200:
                raise SystemExit(f"{self.name}: HTTP {r.status}: {data[:300]!r}")

    def reconnect(self):
        """A connection left idle while another product was asked is closed by the server: a fresh one, used once."""
        self.conn.close()
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        self.ask(1)

    def measure(self, n):
        self.reconnect()
        before, t0, tb = cpu(self.pid, self.pg), time.time(), threads(self.pid)
        self.ask(n)
        after, wall, ta = cpu(self.pid, self.pg), time.time() - t0, threads(self.pid)
        used = {k: after[k] - before[k] for k in after}
        ms = lambda t: t * 1000.0 / TICKS / n
        self.by_thread = sorted(((ms(v - tb.get(k, 0)), k) for k, v in ta.items() if v - tb.get(k, 0) > 0), reverse=True)
        return {"all": ms(sum(used.values())), "jvm": ms(used["jvm"]), "postgres": ms(used["postgres"]),
                "other": ms(used["other"]), "ticks": sum(used.values()), "wall_ms": wall * 1000 / n}

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--warmup", type=int, default=5000)
    ap.add_argument("--asks", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--question", default="지난 24시간 서버A의 CPU 평균은?")
    ap.add_argument("--threads", action="store_true", help="also the JVM's CPU per ask by thread group")
    ap.add_argument("products", nargs="+", metavar="NAME=PORT")
    a = ap.parse_args()
    products = [Product(n, int(p), a.question) for n, p in (s.split("=", 1) for s in a.products)]
    for p in products:
        print(f"{p.name}: pid {p.pid} on port {p.port}; warming up with {a.warmup} asks", flush=True)
        p.ask(a.warmup)
    for r in range(1, a.rounds + 1):
        figures = []
        for p in products:
            f = p.measure(a.asks)
            figures.append(f["all"])
            print(f"round {r} {p.name}: {f['all']:.2f} ms CPU per ask (JVM {f['jvm']:.2f}, PostgreSQL "
                  f"{f['postgres']:.2f}, other {f['other']:.2f}; {f['ticks']} ticks), wall {f['wall_ms']:.2f} ms",
                  flush=True)
            if a.threads:
                print("    JVM threads, ms per ask: " + ", ".join(f"{k} {v:.2f}" for v, k in p.by_thread[:8]), flush=True)
        if len(figures) == 2:
            print(f"round {r} ratio {products[1].name}/{products[0].name}: {figures[1] / figures[0]:.3f}", flush=True)

if __name__ == "__main__":
    main()
