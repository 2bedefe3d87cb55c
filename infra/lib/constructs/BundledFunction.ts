/**
 * A TypeScript Lambda handler bundled by a local esbuild (never Docker) with the shared LAMBDA_BUNDLE
 * options, on Node 22 / arm64, with its own log group so retention is explicit.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LAMBDA_BUNDLE } from '../bundling/lambdaBundle';
import { LOCKFILE, REPO_ROOT, repoPath } from './paths';

export interface BundledFunctionProps {
  /** Handler file relative to the repo root, e.g. `fulfillment/src/handlers/proxy.ts`. */
  entry: string;
  description: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  logRetention?: RetentionDays;
  /**
   * A role of the caller's own, holding only what the function needs: it is given write access to the
   * function's log group and nothing else (no AWSLambdaBasicExecutionRole).
   */
  role?: IRole;
}

export class BundledFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      entry: repoPath(props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: LOCKFILE,
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup,
      ...(props.role ? { role: props.role } : {}),
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        target: LAMBDA_BUNDLE.target,
        format: OutputFormat.CJS,
        minify: LAMBDA_BUNDLE.minify,
        sourceMap: LAMBDA_BUNDLE.sourcemap,
        externalModules: [...LAMBDA_BUNDLE.external],
        forceDockerBundling: false,
      },
    });
    if (props.role) logGroup.grantWrite(props.role);
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Pinned to nodejs22.x on purpose: the same major as the local toolchain and the bundle bench target (node22); raise it deliberately, with the bench.',
    });
  }
}
