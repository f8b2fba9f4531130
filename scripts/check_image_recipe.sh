#!/usr/bin/env bash
# Exercises the Dockerfile's recipe where Docker cannot run: the build stage's steps in a fresh
# venv (pinned dependencies from pyproject.toml + constraints.txt, then a non-editable install of
# the copied sources), then the image's command (uvicorn api.app:app) from an empty directory with
# production settings and an RS256 public key. Production refuses the embedded store, so it shows
# that refusal first, then starts with the test-only override, on 127.0.0.1:${PORT:-8101}.
# Not part of the test suite (it installs every dependency afresh); prints what it sees.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
port="${PORT:-8101}"
python_bin="${PYTHON:-$(command -v python3.11 || command -v python3)}"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "== build stage: a fresh venv, the pinned dependencies, then the project (no source tree on the path)"
"$python_bin" -m venv "$work/venv"
venv="$work/venv/bin"
mkdir -p "$work/build" "$work/run"
cp pyproject.toml constraints.txt README.md "$work/build/"
cp -r api schema resolvers domain repositories "$work/build/"
find "$work/build" -name __pycache__ -prune -exec rm -rf {} +
(cd "$work/build" && "$venv/python" - > requirements.txt <<'PY'
import tomllib
print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))
PY
)
"$venv/pip" install --quiet --disable-pip-version-check -c "$work/build/constraints.txt" -r "$work/build/requirements.txt"
"$venv/pip" install --quiet --disable-pip-version-check --no-deps "$work/build"
rm -rf "$work/build"
"$venv/python" -c "import api.graphiql as g; print('installed package ships', len(list(g.ASSETS.iterdir())), 'GraphiQL asset files')"

echo "== runtime: production settings, an RS256 public key"
cd "$work/run"
"$venv/python" - <<'PY'
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
open("private.pem", "wb").write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                  serialization.NoEncryption()))
open("public.pem", "wb").write(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                             serialization.PublicFormat.SubjectPublicKeyInfo))
PY
export ENVIRONMENT=production GRAPHIQL=false AUTH_JWT_ALGORITHMS='["RS256"]' GIT_COMMIT="$(git -C "$repo" rev-parse HEAD)"
AUTH_JWT_PUBLIC_KEY="$(cat public.pem)"; export AUTH_JWT_PUBLIC_KEY
command=("$venv/uvicorn" api.app:app --host 127.0.0.1 --port "$port" --no-access-log --timeout-graceful-shutdown 1)

echo "-- without MONGODB_URI (the image as built, with no database configured):"
if "${command[@]}" 2> refusal.txt; then echo "UNEXPECTED: it started"; exit 1; fi
cat refusal.txt

echo "-- with TEST_ONLY_ALLOW_EMBEDDED_STORE=true (tests only: the embedded store in place of MongoDB):"
TEST_ONLY_ALLOW_EMBEDDED_STORE=true "${command[@]}" > server.log 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  sleep 0.1
done
echo "ready:   $(curl -sS "http://127.0.0.1:$port/health/ready")"
echo "info:    $(curl -sS "http://127.0.0.1:$port/info")"
bearer="$("$venv/python" -c "
from api.auth import mint_token
print(mint_token(open('private.pem').read(), subject='ops-check', name='Ops Check', roles=['PRACTITIONER'],
                 issuer='probation-case-records', audience='probation-case-records', provider='NPS',
                 staff_code='N07A001', algorithm='RS256'))")"
echo "graphql: $(curl -sS "http://127.0.0.1:$port/graphql" -H "Authorization: Bearer $bearer" \
               -H 'Content-Type: application/json' -d '{"query":"{ cases(first: 1) { edges { node { crn } } } }"}')"
echo "no token: $(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}')"
echo "graphiql: $(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/graphiql/graphiql.min.js") (off in production)"
kill -TERM "$server"; wait "$server" || true; server=""
echo "-- server log (JSON lines):"
cat server.log
