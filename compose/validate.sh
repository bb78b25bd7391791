#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine; exits non-zero and says what is wrong when it is not.
#
#   compose/validate.sh [COMPOSE_FILE]     default: docker-compose.yml at the repository root
#   compose/validate.sh --selftest         the real file, then compose/selftest.py: broken copies must fail
#
# 1. Compose's own check, `config -q`: YAML, the Compose schema, variable interpolation, references between
#    services and volumes. Uses `docker compose` (v2 plugin) where it exists, else `docker-compose` (v1).
#    Any warning counts as a failure (an unset variable would silently become "").
# 2. compose/check_compose.py: the project's rules (pinned images, health checks, depends_on conditions, the
#    variables of docs/runtime.md, published ports, volumes, Dockerfiles, databases and topics).
#
# Needs, on Debian: apt-get install -y --no-install-recommends docker-compose
# (Compose v1.29.2 with python3-yaml and python3-docker; --no-install-recommends keeps the engine out).
# A COMPOSE_FILE elsewhere is checked against this repository: its relative paths resolve from here.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
selftest=false
if [[ ${1:-} == --selftest ]]; then selftest=true; shift; fi
file=$(realpath "${1:-$root/docker-compose.yml}")

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
else
  echo "compose/validate.sh: no Docker Compose here; on Debian: apt-get install -y --no-install-recommends docker-compose" >&2
  exit 2
fi
python=
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import yaml' >/dev/null 2>&1; then python=$candidate; break; fi
done
if [[ -z $python ]]; then
  echo "compose/validate.sh: needs Python 3 with PyYAML; on Debian: apt-get install -y python3-yaml" >&2
  exit 2
fi

echo "validating $file"
status=0
# No .env file may change what is checked: run from an empty directory, paths resolve from the repository.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if out=$(cd "$scratch" && "${compose[@]}" --project-directory "$root" -f "$file" config -q 2>&1) \
    && ! grep -qiE '^(warn|.*level=warn)' <<<"$out"; then
  echo "ok    ${compose[*]} config: file is valid Compose"
  earlier=1,0
else
  echo "FAIL  ${compose[*]} config:"
  sed 's/^/        /' <<<"$out"
  earlier=0,1
  status=1
fi

"$python" "$here/check_compose.py" "$file" "$root" --earlier=$earlier || status=1

if $selftest; then
  echo
  echo "self-test: broken copies must fail"
  "$python" "$here/selftest.py" || status=1
fi
exit $status
