#!/usr/bin/env bash
# Refreshes the GraphiQL page's assets in api/static/graphiql/ from the npm registry at the pinned
# versions below (npm pack, no install, no build), and records their SHA-256 in SHA256SUMS.
# The assets are committed: the service serves them itself and the page loads nothing from
# elsewhere. Run this only to change a version; tests/api/test_graphiql.py checks the sums.
# GraphiQL 3.x is the last line with a browser (UMD) build that needs only React and ReactDOM:
# no explorer plugin, no js-cookie, no bundler.
set -euo pipefail
cd "$(dirname "$0")/.."
GRAPHIQL=3.9.0
REACT=18.3.1
out=api/static/graphiql
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "graphiql@$GRAPHIQL" "react@$REACT" "react-dom@$REACT" >/dev/null)
for package in "graphiql-$GRAPHIQL" "react-$REACT" "react-dom-$REACT"; do
  mkdir -p "$work/$package" && tar -xzf "$work/$package.tgz" -C "$work/$package"
done
cp "$work/graphiql-$GRAPHIQL/package/graphiql.min.js" "$work/graphiql-$GRAPHIQL/package/graphiql.min.css" "$out/"
cp "$work/graphiql-$GRAPHIQL/package/LICENSE" "$out/LICENSE.graphiql"
cp "$work/react-$REACT/package/umd/react.production.min.js" "$out/"
cp "$work/react-$REACT/package/LICENSE" "$out/LICENSE.react"
cp "$work/react-dom-$REACT/package/umd/react-dom.production.min.js" "$out/"
cp "$work/react-dom-$REACT/package/LICENSE" "$out/LICENSE.react-dom"
{
  echo "# npm: graphiql@$GRAPHIQL react@$REACT react-dom@$REACT (scripts/vendor_graphiql.sh)"
  (cd "$out" && sha256sum graphiql.min.js graphiql.min.css react.production.min.js react-dom.production.min.js)
} > "$out/SHA256SUMS"
echo "vendored into $out:" && cat "$out/SHA256SUMS"
