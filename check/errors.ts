/** A problem with how the check was called or with the stack's config: exit code 2, one clear message, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const EXIT = { clean: 0, mandatory: 1, usage: 2 } as const;
