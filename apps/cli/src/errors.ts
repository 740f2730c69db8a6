/** An error that becomes a result (`{ code, message }`) instead of stopping the batch. */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A mistake in how the command was called: exit code 2 with the message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function toInputError(error: unknown): InputError {
  if (error instanceof InputError) return error;
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    return new InputError(e.code, e.message);
  }
  return new InputError('INTERNAL', e instanceof Error ? e.message : String(error));
}
