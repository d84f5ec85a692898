#!/usr/bin/env bash
# Packs the release set of the dotnet tool into a folder (default: artifacts/release):
#   PolicyLint.Tool.<ver>.nupkg          top-level package: lists every RID of the release, holds no binaries
#   PolicyLint.Tool.any.<ver>.nupkg      portable, framework-dependent fallback (loads plugins)
#   PolicyLint.Tool.<rid>.<ver>.nupkg    Native AOT binary, one per RID this machine can compile
#
# A plain 'dotnet pack src/PolicyLint.Cli' already makes this set for the RID of the machine it runs on (see the project
# file). A release differs in one thing: its top-level package must list the RIDs of every OS, so this script passes the
# full list (RELEASE_RIDS) as PolicyLintToolRids, and the RIDs to compile here as PolicyLintNativeRids.
#
# Native AOT compiles only for the operating system it runs on (and needs its linker: gcc or clang on Linux, Xcode on macOS,
# the C++ build tools on Windows), so a full release runs this script on one machine of each OS and gathers the packages
# into one feed before pushing them. RIDs to compile are taken from the arguments, or from the host when none is given.
#
#   build/pack-release.sh                        # this machine's RID, e.g. linux-x64
#   build/pack-release.sh linux-x64 linux-arm64  # these RIDs (linux-arm64 needs the cross linker and sysroot)
#   OUT=/tmp/feed VERSION=0.2.0 build/pack-release.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/src/PolicyLint.Cli/PolicyLint.Cli.csproj"
out="${OUT:-$root/artifacts/release}"
release_rids="${RELEASE_RIDS:-linux-x64;linux-arm64;osx-arm64;osx-x64;win-x64;win-arm64}"

rids=("$@")
if [[ ${#rids[@]} -eq 0 ]]; then
  arch="$(uname -m)"
  case "$arch" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; esac
  case "$(uname -s)" in
    Linux) rids=("linux-$arch") ;;
    Darwin) rids=("osx-$arch") ;;
    MINGW*|MSYS*|CYGWIN*) rids=("win-$arch") ;;
    *) echo "pack-release: unknown OS $(uname -s); name the RIDs" >&2; exit 2 ;;
  esac
fi
native="$(IFS=';'; echo "${rids[*]}")"
# ';' separates properties on MSBuild's command line: pass it escaped.
props=(-c Release -o "$out" "-p:PolicyLintToolRids=${release_rids//;/%3B}" "-p:PolicyLintNativeRids=${native//;/%3B}")
[[ -n "${VERSION:-}" ]] && props+=("-p:Version=$VERSION")

mkdir -p "$out"
echo "== top-level package (lists: $release_rids), portable fallback (any), Native AOT: $native"
dotnet pack "$project" "${props[@]}"
echo
echo "Packages in $out:"
ls -1 "$out"/*.nupkg
echo
echo "The top-level package lists every RID of RELEASE_RIDS: push it only with all of their packages,"
echo "or 'dotnet tool install' on a missing RID fails instead of falling back to 'any'."
