import { resolve } from 'node:path';

/** The monorepo root: NodejsFunction bundles from here (workspace packages resolve through its lockfile). */
export const REPO_ROOT = resolve(__dirname, '../../..');
export const LOCKFILE = resolve(REPO_ROOT, 'package-lock.json');
export const repoPath = (...segments: string[]): string => resolve(REPO_ROOT, ...segments);
