// Remembers each fill so it can be taken back. Tokens are single-use and only the most recent fills
// are kept: an undo offered on a card an hour old should not reach into a page that moved on.
import type { FieldSnapshot } from './field-content';

export interface FillRecord {
  element: Element;
  label: string;
  before: FieldSnapshot;
  /** The field's text right after the fill: anything else at undo time means the user edited it. */
  after: string;
}

const keptFills = 20;

export interface UndoStore {
  add(record: FillRecord): string;
  take(token: string): FillRecord | undefined;
  /** Puts a record back under its token when an undo was refused and may be retried. */
  keep(token: string, record: FillRecord): void;
}

export function createUndoStore(): UndoStore {
  const records = new Map<string, FillRecord>();
  let counter = 0;
  const keep = (token: string, record: FillRecord): void => {
    records.set(token, record);
    while (records.size > keptFills) {
      const oldest = records.keys().next().value;
      if (oldest === undefined) break;
      records.delete(oldest);
    }
  };
  return {
    add(record) {
      counter += 1;
      const token = `fill-${counter}-${randomSuffix()}`;
      keep(token, record);
      return token;
    },
    take(token) {
      const record = records.get(token);
      records.delete(token);
      return record;
    },
    keep,
  };
}

function randomSuffix(): string {
  return globalThis.crypto.randomUUID().slice(0, 8);
}
