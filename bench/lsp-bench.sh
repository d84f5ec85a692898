#!/usr/bin/env bash
# The language server against rumdl's (rumdl server), interleaved in one run, on the blog corpus as the workspace:
# didChange -> publishDiagnostics latency on a 1,000-line document, and resident memory over 10,000 edits.
#
#   bench/lsp-bench.sh                  # native (AOT) PolicyLint and rumdl
#   EDITS=100 MEMORY_EDITS=10000 bench/lsp-bench.sh
#   JIT=1 bench/lsp-bench.sh            # also the portable (JIT) build
#   KEEP=1 bench/lsp-bench.sh           # keep the temporary folder
#
# Needs the .NET 10 SDK (+ gcc for Native AOT), npm, and the corpus under $POLICYLINT_SHARED (default ../shared).
# Never part of the test suite.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${POLICYLINT_SHARED:-$root/../shared}"
[[ -z "${POLICYLINT_SHARED:-}" && ! -d "$shared/corpus" && -d "$root/../../shared/corpus" ]] && shared="$(cd "$root/../../shared" && pwd)"
corpus="$shared/corpus/hf-blog"
paths="$shared/corpus/hf-blog.paths.txt"
die() { echo "lsp-bench: $*" >&2; exit 2; }
[[ -d "$corpus" && -f "$paths" ]] || die "corpus not found: $corpus (set POLICYLINT_SHARED)"

work="$(mktemp -d "${TMPDIR:-/tmp}/policylint-lsp-bench.XXXXXX")"
if [[ -z "${KEEP:-}" ]]; then trap 'rm -rf "$work"' EXIT; else echo "Keeping $work"; fi
log="$work/build.log"

echo "Installing the LSP client library (tests/lsp-client) and rumdl ..."
( cd "$root/tests/lsp-client" && [[ -d node_modules/vscode-languageserver-protocol ]] || npm ci --no-audit --no-fund >>"$log" 2>&1 ) \
  || die "npm ci in tests/lsp-client failed (see $log)"
mkdir -p "$work/npm"
( cd "$work/npm" && npm init -y >/dev/null && npm install --no-audit --no-fund rumdl >>"$log" 2>&1 ) || die "npm install rumdl failed (see $log)"
rumdl="$(find "$work/npm/node_modules/@rumdl" -maxdepth 2 -type f -name rumdl 2>/dev/null | head -1)"
[[ -x "$rumdl" ]] || die "no rumdl binary in the npm package"

case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
case "$(uname -s)" in Linux) rid="linux-$arch" ;; Darwin) rid="osx-$arch" ;; *) rid="win-$arch" ;; esac
echo "Publishing PolicyLint (Native AOT, $rid) ..."
dotnet publish "$root/src/PolicyLint.Cli" -c Release -r "$rid" -p:PublishAot=true -o "$work/pl-aot" >>"$log" 2>&1 || die "AOT publish failed (see $log)"
servers=(--server "policylint-aot=$work/pl-aot/PolicyLint.Cli server")
if [[ -n "${JIT:-}" ]]; then
  dotnet publish "$root/src/PolicyLint.Cli" -c Release -o "$work/pl-jit" >>"$log" 2>&1 || die "portable publish failed (see $log)"
  servers+=(--server "policylint-jit=$work/pl-jit/PolicyLint.Cli server")
fi
servers+=(--server "rumdl=$rumdl server")

# The site tree: the corpus plus empty stand-ins for its images and data files, so link checks see the real tree.
site="$work/site"
mkdir -p "$site" && cp -R "$corpus/." "$site/" && chmod -R u+w "$site"
mkdir -p "$site/.git"
while IFS= read -r p; do
  [[ -z "$p" ]] && continue
  mkdir -p "$site/$(dirname "$p")"
  [[ -e "$site/$p" ]] || : >"$site/$p"
done <"$paths"

node "$root/bench/lsp/lsp-bench.js" --workspace "$site" --edits "${EDITS:-60}" --memory-edits "${MEMORY_EDITS:-10000}" "${servers[@]}"
