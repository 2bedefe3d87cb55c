/**
 * Size of the fulfillment Lambda bundle, built with the exact esbuild options NodejsFunction uses
 * (infra/lib/bundling/lambdaBundle.ts). Cold starts grow with it; the target is < 1 MB.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { LAMBDA_BUNDLE } from '@budgetbuddy/infra/bundling';

export const title = 'Lambda bundle size';
const REPO_ROOT = join(__dirname, '../../..');

export async function run(): Promise<Record<string, number>> {
  const result = await build({
    entryPoints: [join(REPO_ROOT, 'fulfillment/src/handlers/lexCodeHook.ts')],
    outfile: join(REPO_ROOT, 'dist/bench/index.js'),
    bundle: true,
    write: false,
    absWorkingDir: REPO_ROOT,
    platform: LAMBDA_BUNDLE.platform,
    target: LAMBDA_BUNDLE.target,
    format: LAMBDA_BUNDLE.format,
    minify: LAMBDA_BUNDLE.minify,
    sourcemap: LAMBDA_BUNDLE.sourcemap,
    external: [...LAMBDA_BUNDLE.external],
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.js'));
  if (!code) throw new Error('esbuild produced no JavaScript output');
  return { fulfillment_bundle_bytes: code.contents.byteLength };
}
