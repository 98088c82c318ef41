#!/usr/bin/env bash
# Renders the Kubernetes manifests (base and every overlay) with `kubectl kustomize`, offline, and validates
# every object against the Kubernetes schemas (validate/validate.mjs: the npm package kubernetes-models, plus
# unknown fields). Exit 1 on a manifest that does not render or does not validate.
# Installs what it needs into deploy/k8s/validate/node_modules (npm ci) and .ci/.tools/kubectl (Debian's
# kubernetes-client package, unpacked there, not installed: a kubectl the machine has is left alone).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
K8S="$PWD"
TOOLS="$K8S/../../.ci/.tools/kubectl"
KUBECTL="$TOOLS/usr/bin/kubectl"

if [[ ! -x "$KUBECTL" ]]; then
  mkdir -p "$TOOLS"
  ( cd "$TOOLS" && rm -f kubernetes-client_*.deb \
    && { apt-get download kubernetes-client >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get download kubernetes-client >/dev/null; }; } \
    && dpkg -x kubernetes-client_*.deb . && rm -f kubernetes-client_*.deb )
fi
if [[ ! -d validate/node_modules/kubernetes-models ]]; then
  npm ci --prefix validate --no-audit --no-fund --silent
fi

status=0
for dir in base overlays/*/; do
  dir="${dir%/}"
  if ! rendered="$("$KUBECTL" kustomize "$dir" 2>&1)"; then
    echo "$dir: does not render: $rendered" >&2
    status=1
    continue
  fi
  node validate/validate.mjs "$dir" <<<"$rendered" || status=1
done
exit $status
