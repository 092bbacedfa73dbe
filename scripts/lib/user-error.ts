// A mistake in how a command was called or in its input (not a bug): printed without a stack,
// with a hint, exit 1.
export class UserError extends Error {
  readonly hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UserError';
    this.hint = hint;
  }
}
