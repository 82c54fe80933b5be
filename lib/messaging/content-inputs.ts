// The shape of each message the content script takes, as schemas: the listener parses with these, and
// `satisfies` keeps each one's output the input ContentProtocol promises the handler.
import * as z from 'zod/mini';
import { actionSchema } from '../actions/action-schema';
import type { ContentMessageName, ContentProtocol } from './protocol';

type CheckToRead = ContentProtocol['check-logs-read']['input']['checks'][number];

export const contentInputs = {
  'context-capture': z.object({ githubHosts: z.array(z.string()) }),
  'section-read': z.object({ section: z.string() }),
  'action-execute': z.object({ action: actionSchema }),
  'action-preview': z.object({ action: z.nullable(actionSchema) }),
  'action-undo': z.object({ undoToken: z.string() }),
  // Each check is read field by field where it is used (entrypoints/content/check-logs.ts); here, only objects.
  'check-logs-read': z.object({ checks: z.array(z.custom<CheckToRead>((value) => typeof value === 'object' && value !== null)) }),
} satisfies { [Name in ContentMessageName]: z.ZodMiniType<ContentProtocol[Name]['input']> };
