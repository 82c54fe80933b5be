// What a run reports, in order, to whoever drives it (the background port, the CLI, tests).
import type { Action, ScriptResult } from '../context/types';
import type { AgentErrorInfo } from './errors';

export type ScriptSource = 'model' | 'skill';

export type AgentEvent =
  | { type: 'run-start'; runId: string }
  | { type: 'text-delta'; text: string }
  | { type: 'script-start'; callId: string; code: string; source: ScriptSource; skill?: string }
  | { type: 'script-end'; callId: string; code: string; result: ScriptResult; source: ScriptSource; skill?: string }
  | { type: 'section-read'; callId: string; section: string; chars: number }
  | { type: 'action-propose'; callId: string; action: Action; why: string }
  | { type: 'tool-error'; callId: string; message: string }
  | { type: 'retry'; attempt: number; delayMs: number; reason: string }
  | { type: 'run-end'; text: string; steps: number }
  | { type: 'run-error'; error: AgentErrorInfo };

export type AgentEventType = AgentEvent['type'];
