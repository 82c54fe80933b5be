// Errors that cross a message boundary keep their stable name so the caller can branch on it.

export class RemoteError extends Error {
  override name: string;
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export class RejectedMessageError extends Error {
  override name = 'RejectedMessageError';
}

export function serializeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
