#!/usr/bin/env bash
# Packs the release set of the dotnet tool into a folder (default: artifacts/release):
#   PolicyLint.Tool.<ver>.nupkg          top-level package: lists the RID-specific packages, holds no binaries
#   PolicyLint.Tool.any.<ver>.nupkg      portable, framework-dependent fallback (loads plugins)
#   PolicyLint.Tool.<rid>.<ver>.nupkg    Native AOT binary, one per RID this machine can compile
#
# Native AOT compiles only for the operating system it runs on (and needs its linker: gcc or clang on Linux,
# Xcode on macOS, the C++ build tools on Windows), so a full release runs this script on one machine of each OS
# and gathers the packages into one feed before pushing them. RIDs are taken from the arguments, or from the
# host OS when none is given.
#
#   build/pack-release.sh                        # this OS's RIDs, e.g. linux-x64 (and linux-arm64 if the cross linker is there)
#   build/pack-release.sh linux-x64              # only these RIDs
#   OUT=/tmp/feed VERSION=0.2.0 build/pack-release.sh
#
# A plain 'dotnet pack src/PolicyLint.Cli' (without -p:PolicyLintAot=true) still makes the single portable package,
# as pre-commit's language: dotnet and the end-to-end tests need.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/src/PolicyLint.Cli/PolicyLint.Cli.csproj"
out="${OUT:-$root/artifacts/release}"
props=(-c Release -p:PolicyLintAot=true -o "$out")
[[ -n "${VERSION:-}" ]] && props+=("-p:Version=$VERSION")

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

mkdir -p "$out"
echo "== top-level package"
dotnet pack "$project" "${props[@]}"
echo "== portable fallback (any)"
dotnet pack "$project" "${props[@]}" -r any
for rid in "${rids[@]}"; do
  echo "== Native AOT: $rid"
  dotnet pack "$project" "${props[@]}" -r "$rid"
done
echo
echo "Packages in $out:"
ls -1 "$out"/*.nupkg
echo
echo "The top-level package lists every RID of ToolPackageRuntimeIdentifiers: push it only with all of their packages,"
echo "or 'dotnet tool install' on a missing RID fails instead of falling back to 'any'."
