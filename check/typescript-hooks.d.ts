/** Turns tsx's require hooks on (idempotent). */
export function registerTypeScript(): void;
/** Loads plain-JavaScript packages with tsx's hooks (and source maps) off, then restores both. */
export function requirePlain(ids: readonly string[]): void;
