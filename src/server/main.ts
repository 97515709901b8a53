// Language server entry (filled in by the language-server work).
export {};
