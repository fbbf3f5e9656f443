/**
 * Three kinds of failure (ARCHITECTURE.md, habit 6):
 * - row problems become `ImportIssue`s (never thrown);
 * - a file that cannot be used at all throws `UserInputError` with a message a user understands;
 * - a broken internal assumption is an `invariant()` failure.
 */
export class UserInputError extends Error {
  /** Stable code for the UI's own wording (i18n key `error.<code>`). */
  readonly code: string;
  readonly params: Record<string, string | number>;
  constructor(code: string, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'UserInputError';
    this.code = code;
    this.params = params;
  }
}

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${message}`);
}
