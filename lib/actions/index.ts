export { validateAction, type ValidationResult, type ValidateOptions } from './validate';
export { describeAction, type ActionDescription, type ActionRisk, type TargetReport } from './describe';
export { checkTarget, targetReport, type TargetCheck } from './check-target';
export { needsApproval, isAllowedClick, clickRefusal, explainClick, clickRules, fillRefusal, type ClickDecision, type ClickRule } from './policy';
export { createExecutor, type Executor, type ExecutorOptions, type ExecuteResult, type PreviewResult, type UndoResult, type UndoOptions } from './executor';
export { accessibleLabels, accessibleName, labelMatches, nameMatches, primaryLabel } from './accessible-label';
export { actionLimits } from './limits';
export * from './errors';
