/**
 * The one set of esbuild options for every Lambda: NodejsFunction (infra) and the bundle-size bench
 * (scripts/src/bench/bundle.bench.ts) both read it, so the bench measures exactly what ships.
 * Plain data with no CDK import, so the bench stays light.
 */
export const LAMBDA_BUNDLE = {
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  // The nodejs22.x runtime ships AWS SDK v3; bundling it again would only add megabytes.
  external: ['@aws-sdk/*'],
} as const;
