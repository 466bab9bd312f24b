/**
 * The engine's front door: `createEngine(deps)` returns the one `dispatch`
 * that Electron main, the command and the browser test harness all call. It
 * parses every request with the contract's schema, runs the handler, and
 * returns a Result; it never throws and never imports 'electron'.
 */
export { createEngine } from './dispatch';
export type { Engine, EngineDeps, Dialogs, Progress } from './dispatch';
export { evidencePrefix, type EvidenceAnswer, type EvidenceRequest } from './evidence';
