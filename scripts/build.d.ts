/** Types of scripts/build.js, for its test. */
export function buildIsCurrent(root: string): boolean;
export function build(root: string, options?: { always?: boolean }): number;
