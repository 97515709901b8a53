// VS Code extension entry: thin wiring only (filled in by the extension work).
export function activate(): void {}
export function deactivate(): void {}
