#!/usr/bin/env bash
# Tags a release of the repository this script lives in: the version is <VersionPrefix> in Directory.Build.props, the
# tag is an annotated tag v<version> on HEAD. It checks first that the working tree is clean (no change, staged or not,
# and no untracked file), that the version is MAJOR.MINOR.PATCH and that the tag does not exist. It never pushes: it
# prints the command that publishes the tag.
#
#   build/release.sh             # tag v<version> on HEAD
#   build/release.sh --dry-run   # run the checks and say what would be done; change nothing
#   build/release.sh --pack      # also pack the release set (build/pack-release.sh) with that version, into
#                                # artifacts/release (OUT overrides the folder)
#
# Exit codes: 0 done (or, with --dry-run, would be done), 1 a check failed, 2 usage error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dry_run=0 pack=0
for arg in "$@"; do
  case "$arg" in
    --dry-run|-n) dry_run=1 ;;
    --pack) pack=1 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "release: unknown argument '$arg' (expected --dry-run, --pack)" >&2; exit 2 ;;
  esac
done

fail() { echo "release: $*" >&2; exit 1; }

git -C "$root" rev-parse --git-dir >/dev/null 2>&1 || fail "$root is not a git repository"
head="$(git -C "$root" rev-parse --verify -q HEAD)" || fail "the repository has no commit to tag"

dirty="$(git -C "$root" status --porcelain --untracked-files=normal)"
[[ -z "$dirty" ]] || fail "the working tree is not clean; commit or stash first:
$dirty"

props="$root/Directory.Build.props"
[[ -f "$props" ]] || fail "no Directory.Build.props in $root"
versions="$(sed -n 's:.*<VersionPrefix>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</VersionPrefix>.*:\1:p' "$props")"
[[ -n "$versions" ]] || fail "Directory.Build.props has no <VersionPrefix>"
[[ "$(wc -l <<<"$versions")" -eq 1 ]] || fail "Directory.Build.props has more than one <VersionPrefix>: $(tr '\n' ' ' <<<"$versions")"
version="$versions"
[[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] \
  || fail "version '$version' in Directory.Build.props is not a release version (MAJOR.MINOR.PATCH)"

tag="v$version"
if git -C "$root" rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
  fail "tag $tag exists already (at $(git -C "$root" rev-parse --short "$tag^{commit}")); raise <VersionPrefix> in Directory.Build.props"
fi

short="$(git -C "$root" rev-parse --short "$head")"
if [[ $dry_run -eq 1 ]]; then
  echo "would tag $tag (annotated) on $short"
  [[ $pack -eq 1 ]] && echo "would pack: VERSION=$version build/pack-release.sh"
  exit 0
fi

git -C "$root" tag -a "$tag" -m "PolicyLint $version" "$head"
echo "tagged $tag on $short"
if [[ $pack -eq 1 ]]; then
  VERSION="$version" "$root/build/pack-release.sh"
fi
echo "publish the tag with: git push origin $tag"
