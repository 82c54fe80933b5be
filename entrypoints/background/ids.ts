// Ids for conversations and turns: unique across worker restarts, safe in storage keys.
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}
