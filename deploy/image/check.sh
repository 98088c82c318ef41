#!/usr/bin/env bash
# CI's proof that the container images build with no registry and no Docker daemon, and that one runs:
#   1. a base image tarball from Debian's packages (debian-jre-base.sh; kept a week in ~/.cache/ops),
#   2. `./ops image --base tar://…` builds the four services' images with Jib, offline,
#   3. each image's config: non-root user, its main class, its port,
#   4. planner's image runs from its own layers — root file system read-only, /tmp a tmpfs, user 10001,
#      its stage identity from `./ops tls` mounted as Kubernetes mounts the Secret — and answers
#      grpc.health.v1 over mutual TLS (buf curl with the operator's certificate), and in plaintext on its
#      health-only port (OPS_GRPC_HEALTH_PORT), as Kubernetes' grpc: probe asks it.
#   deploy/image/check.sh [BASE.tar]   (default: ~/.cache/ops/debian-jre-base.tar, made when missing or a week old)
# Needs root (debootstrap, chroot, mount namespaces), buf (BUF, default .ci/.tools/node_modules/.bin/buf) and
# Debian's python3-grpcio (both installed by .ci/run before this step).
set -euo pipefail
GIVEN_BASE="${1:+$(realpath -m "$1")}"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
BUF="${BUF:-$ROOT/.ci/.tools/node_modules/.bin/buf}"
CACHE="${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/ops"
BASE="${GIVEN_BASE:-$CACHE/debian-jre-base.tar}"
WORK="$(mktemp -d)"
PID=""
# unshare does not pass SIGTERM on: stop the service itself (pid 1 of its namespace, the JVM handles TERM), then
# unshare; --kill-child below also kills it should unshare go first
stop() {
  [[ -n "$PID" ]] || return 0
  local child
  for child in $(ps -o pid= --ppid "$PID" 2>/dev/null); do kill "$child" 2>/dev/null || true; done
  for _ in $(seq 1 20); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=""
}
cleanup() { stop; rm -rf "$WORK"; }
trap cleanup EXIT

if [[ ! -f "$BASE" || -n "$(find "$BASE" -mtime +7 -print)" ]]; then
  t0=$SECONDS
  deploy/image/debian-jre-base.sh "$BASE"
  echo "image check: base built in $((SECONDS - t0)) s"
fi

t0=$SECONDS
./ops image --base "tar://$BASE"
echo "image check: four images built in $((SECONDS - t0)) s (base $(du -m "$BASE" | cut -f1) MiB)"

# 3. what each image says about itself
python3 - "$WORK/planner-rootfs" <<'PY'
import json, sys, tarfile, os
want = {"planner-service": ("dev.opsuite.planner.PlannerServiceMain", "9091/tcp"),
        "executor-service": ("dev.opsuite.executor.ExecutorServiceMain", "9092/tcp"),
        "trace-service": ("dev.opsuite.trace.TraceServiceMain", "9093/tcp"),
        "gateway": ("dev.opsuite.gateway.GatewayMain", "8080/tcp")}
for module, (main, port) in want.items():
    with tarfile.open(f"{module}/target/jib-image.tar") as t:
        manifest = json.load(t.extractfile("manifest.json"))[0]
        config = json.load(t.extractfile(manifest["Config"]))["config"]
        problems = []
        if config.get("User") != "10001:10001": problems.append(f"user {config.get('User')!r}")
        if main not in config.get("Entrypoint", []): problems.append(f"entrypoint {config.get('Entrypoint')}")
        if port not in config.get("ExposedPorts", {}): problems.append(f"ports {config.get('ExposedPorts')}")
        if problems:
            sys.exit(f"image check: {module}: " + ", ".join(problems))
        print(f"image check: {module}: {manifest['RepoTags'][0]}, {len(manifest['Layers'])} layers, user 10001, {port}")
        if module == "planner-service":
            root = sys.argv[1]
            os.makedirs(root)
            for layer in manifest["Layers"]:
                with tarfile.open(fileobj=t.extractfile(layer)) as lt:
                    lt.extractall(root, numeric_owner=True)
            json.dump(config, open(root + ".config.json", "w"))
PY

# 4. run planner from its image's layers, as the Kubernetes manifests run it
R="$WORK/planner-rootfs"
./ops tls "$WORK/pki" ops-planner >/dev/null
mkdir -p "$WORK/secret" "$R/etc/ops/tls"
cp "$WORK/pki/ca.pem" "$WORK/pki/planner.pem" "$WORK/pki/planner.key" "$WORK/secret/"
chown -R 0:10001 "$WORK/secret"; chmod 0440 "$WORK/secret"/*; chmod 0750 "$WORK/secret"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PORT=$(free_port)
HEALTH=$(free_port)
mapfile -t ENTRY < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["Entrypoint"]))' "$R.config.json")
mapfile -t ENVS < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1])).get("Env", [])))' "$R.config.json")
unshare --mount --pid --fork --kill-child bash -c '
  set -e
  R="$1"; S="$2"; shift 2
  mount --bind "$R" "$R"; mount -o remount,bind,ro "$R"
  mount -t proc proc "$R/proc"; mount -t tmpfs -o size=64m,mode=1777 tmpfs "$R/tmp"
  mount --bind "$S" "$R/etc/ops/tls"; mount -o remount,bind,ro "$R/etc/ops/tls"
  exec chroot --userspec=10001:10001 "$R" "$@"' _ "$R" "$WORK/secret" \
  env -i "${ENVS[@]}" OPS_STAGE_TLS_DIR=/etc/ops/tls OPS_PLANNER_HOST=127.0.0.1 OPS_PLANNER_PORT="$PORT" OPS_GRPC_HEALTH_PORT="$HEALTH" \
  sh -c 'cd /app && exec "$@"' _ "${ENTRY[@]}" >"$WORK/planner.log" 2>&1 &
PID=$!
for _ in $(seq 1 60); do
  if OUT=$("$BUF" curl --protocol grpc --cacert "$WORK/pki/ca.pem" --cert "$WORK/pki/operator.pem" \
        --key "$WORK/pki/operator.key" "https://127.0.0.1:$PORT/grpc.health.v1.Health/Check" 2>/dev/null); then break; fi
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/planner.log"; echo "image check: planner's image exited"; exit 1; }
  sleep 1
done
grep -q '"status": "SERVING"' <<<"${OUT:-}" || { cat "$WORK/planner.log"; echo "image check: planner's image did not answer health over mutual TLS"; exit 1; }
if "$BUF" curl --protocol grpc --cacert "$WORK/pki/ca.pem" "https://127.0.0.1:$PORT/grpc.health.v1.Health/Check" >/dev/null 2>&1; then
  echo "image check: planner answered a caller without a certificate"; exit 1
fi
# what the kubelet sends: Health/Check with an empty request, no TLS, no reflection (raw bytes: SERVING is 08 01)
PROBE=$(/usr/bin/python3 -c 'import grpc,sys
ch = grpc.insecure_channel("127.0.0.1:" + sys.argv[1])
check = ch.unary_unary("/grpc.health.v1.Health/Check", request_serializer=lambda b: b, response_deserializer=lambda b: b)
print("SERVING" if check(b"", timeout=5) == b"\x08\x01" else "not serving")' "$HEALTH" 2>&1) || true
[[ "$PROBE" == "SERVING" ]] || { echo "$PROBE"; echo "image check: the plaintext health port did not answer SERVING"; exit 1; }
if "$BUF" curl --protocol grpc --http2-prior-knowledge --list-services "http://127.0.0.1:$HEALTH" >/dev/null 2>&1; then
  echo "image check: the health port serves more than health (reflection answered)"; exit 1
fi
stop
echo "image check: ok (planner's image, read-only root as user 10001: grpc.health.v1 over mutual TLS, none without a certificate; plaintext health alone on its health port)"
