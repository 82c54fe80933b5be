// The agent's public surface, for the background and the CLI.
export { createClient, listModels, testConnection, defaultTimeoutMs, type ProviderSettings, type ConnectionTest } from './client';
export * from './errors';
export type { AgentEvent, AgentEventType, ScriptSource } from './events';
export { runAgent, defaultMaxSteps, defaultStallTimeoutMs } from './loop';
export { buildMessages, systemPrompt, fencePageData, type BuildMessagesInput, type ConversationTurn } from './prompt';
export { toolDefinitions, parseToolCall, parseAction, type ToolArguments, type ToolName } from './tools';
export type { AgentDeps, ChatMessage, RetryOptions, RunRequest, SkillSummary } from './types';
