#!/usr/bin/env bash
# Builds a Debian 12 (bookworm) + OpenJDK 17 JRE base image as a `docker save` tarball, from Debian's own
# packages with debootstrap — no container registry and no Docker daemon. Jib takes it as its base with
# `tar://` (`./ops image --base tar:///path/base.tar`). Operators normally build on a maintained registry
# image (eclipse-temurin:17-jre, the default of `./ops image`); this is what CI builds on, where no
# registry is reachable, and what an air-gapped site can build on.
#
#   deploy/image/debian-jre-base.sh OUT.tar
#
# Needs root (debootstrap chroots and runs the packages' maintainer scripts) and the Debian mirror this
# machine's apt uses (DEBIAN_MIRROR overrides it). Packages come from the suite's main archive: rebuild
# the base to take later JRE security updates.
set -euo pipefail
OUT="${1:?usage: debian-jre-base.sh OUT.tar}"
SUITE="${DEBIAN_SUITE:-bookworm}"
JRE_PACKAGE="openjdk-17-jre-headless"
JAVA_HOME_IN_IMAGE="/usr/lib/jvm/java-17-openjdk-amd64"

[[ $EUID -eq 0 ]] || { echo "debian-jre-base: needs root (debootstrap)" >&2; exit 2; }
if ! command -v debootstrap >/dev/null 2>&1; then
  apt-get update -q && apt-get install -y -q debootstrap
fi
mirror() {
  # the first main archive URI of this machine's apt sources (deb822 or one-line format)
  { grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}'
    grep -h '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print $2}' || true
  } | grep -v -- '-security' | head -1 || true
}
MIRROR="${DEBIAN_MIRROR:-$(mirror)}"
[[ -n "$MIRROR" ]] || { echo "debian-jre-base: no Debian mirror in the apt sources; set DEBIAN_MIRROR" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ROOTFS="$WORK/rootfs"
echo "debian-jre-base: debootstrap $SUITE (minbase + $JRE_PACKAGE) ..." >&2
debootstrap --variant=minbase --include="$JRE_PACKAGE" "$SUITE" "$ROOTFS" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
  || { tail -30 "$WORK/debootstrap.log" >&2; exit 1; }
"$ROOTFS$JAVA_HOME_IN_IMAGE/bin/java" -version 2>&1 | head -1 >&2 || true
# what a container does not need: downloaded packages and package lists
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/log/*.log
# the container runtime provides /dev, /proc and /sys
rm -rf "$ROOTFS"/dev/* "$ROOTFS"/proc/* "$ROOTFS"/sys/*

mkdir -p "$WORK/image/layer"
tar --numeric-owner --sort=name --mtime='@0' -C "$ROOTFS" -cf "$WORK/image/layer/layer.tar" .
DIFF_ID="sha256:$(sha256sum "$WORK/image/layer/layer.tar" | cut -d' ' -f1)"
VERSION="$(chroot "$ROOTFS" dpkg-query -W -f='${Version}' "$JRE_PACKAGE")"
cat >"$WORK/image/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=$JAVA_HOME_IN_IMAGE/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "JAVA_HOME=$JAVA_HOME_IN_IMAGE","LANG=C.UTF-8"],
           "Labels":{"org.opencontainers.image.description":"Debian $SUITE minbase + $JRE_PACKAGE $VERSION (debootstrap)"}},
 "rootfs":{"type":"layers","diff_ids":["$DIFF_ID"]},
 "history":[{"created_by":"deploy/image/debian-jre-base.sh: debootstrap --variant=minbase --include=$JRE_PACKAGE $SUITE"}]}
JSON
cat >"$WORK/image/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["ops-base/debian-jre:17-$SUITE"],"Layers":["layer/layer.tar"]}]
JSON
mkdir -p "$(dirname "$OUT")"
tar -C "$WORK/image" -cf "$OUT.partial" manifest.json config.json layer/layer.tar
mv "$OUT.partial" "$OUT"
echo "debian-jre-base: $OUT ($(du -m "$OUT" | cut -f1) MiB, $JRE_PACKAGE $VERSION)" >&2
