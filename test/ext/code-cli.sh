#!/bin/sh
# Stands in for the `code` executable that @vscode/test-electron's runTests starts
# (its `vscodeExecutablePath`): no desktop VS Code can be downloaded on these machines, so the
# tests run in code-server through test/ext/run.js, which understands the same arguments.
exec node "$(dirname "$0")/run.js" "$@"
