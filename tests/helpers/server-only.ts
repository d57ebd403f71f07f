// Vitest stands in for Next's server: `import "server-only"` (which throws outside a server bundle, to
// keep database and secret modules out of client code) resolves here, to nothing.
export {};
