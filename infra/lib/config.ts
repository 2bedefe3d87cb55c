/**
 * Deployment settings read from CDK context (`cdk.json` or `-c key=value`), validated once so a typo
 * fails synth with a clear message instead of deploying something half-configured.
 */
import type { App } from 'aws-cdk-lib';
import { z } from 'zod';

const httpsOrigin = z
  .url()
  .refine((u) => new URL(u).protocol === 'https:', 'must be an https:// origin (CloudFront serves it)')
  .refine((u) => new URL(u).pathname === '/', 'must be an origin only, without a path')
  .refine((u) => new URL(u).port === '', 'must not name a port: CloudFront serves it on 443');

/** ISO 3166-1 alpha-2 country codes from a comma-separated `-c` value or a cdk.json array. */
const countryList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[\s,]+/)).filter(Boolean).map((c) => c.toUpperCase()))
  .pipe(
    z.array(z.string().regex(/^[A-Z]{2}$/, 'each country is an ISO 3166-1 alpha-2 code such as US')).min(1),
  );

/**
 * `dev` (the default, so `npm run synth` needs no settings): the app may run on CloudFront's own
 * `*.cloudfront.net` name and serve every country; cdk-nag's CFR4 (default certificate, TLS minimum
 * cannot be raised) and CFR1 (no geo restriction) are acknowledged for this stage only.
 * `production`: synth refuses to run without a custom domain with its certificate (TLS 1.2+ only) and a
 * country allow- or deny-list, so a production deploy carries neither acknowledgement.
 */
export const STAGES = ['dev', 'production'] as const;
export type Stage = (typeof STAGES)[number];

export const deployConfigSchema = z
  .object({
    stage: z.enum(STAGES).default('dev'),
    /**
     * Custom public origin of the chat app (Cognito callbacks, the app's API base). Without it the app is
     * served at the CloudFront distribution's own https://dxxxx.cloudfront.net name.
     */
    webOrigin: httpsOrigin.transform((u) => new URL(u).origin).optional(),
    /** ACM certificate for webOrigin's host name. CloudFront only uses certificates from us-east-1. */
    certificateArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/, 'must be an ACM certificate ARN')
      .refine(
        (arn) => arn.split(':')[3] === 'us-east-1',
        'must be a certificate in us-east-1: CloudFront only uses certificates from that region',
      )
      .optional(),
    /** Prefix of the Cognito hosted UI domain (`<prefix>.auth.<region>.amazoncognito.com`), globally unique. */
    authDomainPrefix: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lowercase letters, digits and hyphens')
      .refine((p) => !p.includes('aws') && !p.includes('amazon') && !p.includes('cognito'), {
        message: 'Cognito rejects domain prefixes containing aws, amazon or cognito',
      })
      .optional(),
    /** Sites allowed to embed the chat (chat-web/public/widget.js opens it in an iframe): CSP frame-ancestors. */
    embedOrigins: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : v.split(/[\s,]+/)).filter(Boolean))
      .pipe(
        z.array(
          z
            .url()
            .refine((u) => new URL(u).origin === u, 'each embed origin must be scheme://host[:port] only'),
        ),
      )
      .optional(),
    /**
     * Countries CloudFront serves (ISO 3166-1 alpha-2, e.g. "US,CA,GB"); everyone else gets a 403 from
     * CloudFront. Without it or geoDenyList, every country (stage dev only; production needs one of them).
     */
    geoAllowList: countryList.optional(),
    /**
     * Countries CloudFront refuses (e.g. those under sanctions your business must respect); everyone
     * else is served. Set this or geoAllowList, not both.
     */
    geoDenyList: countryList.optional(),
    /** CloudWatch alarms are e-mailed here (operators only) when set. */
    alarmEmail: z.email().optional(),
    /**
     * From address of the budget alert e-mails each person gets at their own verified address. Without
     * it no alert is e-mailed (the chat still shows them). It must belong to an identity already
     * verified in SES in the deployment region (`alertSesIdentity`).
     */
    alertFromAddress: z.email().optional(),
    /** The verified SES identity (a domain or an address) sending is allowed on; default: the address's domain. */
    alertSesIdentity: z
      .string()
      .regex(/^(?:[^@\s]+@)?[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain or an e-mail address verified in SES')
      .optional(),
    /** An existing SES configuration set to send with (event publishing, suppression), if any. */
    alertConfigurationSet: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "-" and "_"')
      .optional(),
    /** Keep the ledger table when the stack is deleted (default true: it holds people's money records). */
    retainData: z.boolean().default(true),
    /** Requests per second across the chat API (steady state) and the burst above it. */
    apiRateLimit: z.number().int().positive().default(50),
    apiBurstLimit: z.number().int().positive().default(100),
    /** Requests one IP may send through CloudFront in 5 minutes before AWS WAF blocks it. */
    wafRateLimit: z.number().int().min(10).default(1000),
  })
  .refine(
    (c) => c.alertFromAddress !== undefined || (c.alertSesIdentity ?? c.alertConfigurationSet) === undefined,
    {
      message: 'alertSesIdentity and alertConfigurationSet need alertFromAddress',
      path: ['alertFromAddress'],
    },
  )
  .refine(
    (c) =>
      c.alertFromAddress === undefined ||
      c.alertSesIdentity === undefined ||
      c.alertFromAddress.toLowerCase() === c.alertSesIdentity.toLowerCase() ||
      c.alertFromAddress.toLowerCase().endsWith(`@${c.alertSesIdentity.toLowerCase()}`),
    {
      message: 'alertFromAddress must be at alertSesIdentity (that address, or an address at that domain)',
      path: ['alertSesIdentity'],
    },
  )
  .refine((c) => c.geoAllowList === undefined || c.geoDenyList === undefined, {
    message: 'set geoAllowList or geoDenyList, not both',
    path: ['geoDenyList'],
  })
  .refine((c) => c.stage !== 'production' || c.webOrigin !== undefined, {
    message:
      'a production deploy needs a custom domain: set webOrigin and its us-east-1 certificateArn (CloudFront’s default certificate cannot require TLS 1.2); use stage dev to try the app on the CloudFront name',
    path: ['webOrigin'],
  })
  .refine((c) => c.stage !== 'production' || (c.geoAllowList ?? c.geoDenyList) !== undefined, {
    message:
      'a production deploy needs a country choice: set geoAllowList (the countries served) or geoDenyList (the countries refused)',
    path: ['geoAllowList'],
  })
  .refine((c) => (c.webOrigin === undefined) === (c.certificateArn === undefined), {
    message:
      'set webOrigin and certificateArn together (CloudFront needs the certificate to serve a custom domain), or neither to use the CloudFront domain',
    path: ['certificateArn'],
  });
export type DeployConfig = z.infer<typeof deployConfigSchema>;

/** Where budget alert e-mails come from, when they are configured. */
export interface AlertMailConfig {
  fromAddress: string;
  /** The SES identity name: a domain, or the address itself. */
  sesIdentity: string;
  configurationSet?: string;
}

export function alertMailConfig(config: DeployConfig): AlertMailConfig | undefined {
  if (!config.alertFromAddress) return undefined;
  return {
    fromAddress: config.alertFromAddress,
    sesIdentity: config.alertSesIdentity ?? config.alertFromAddress.split('@')[1]!,
    ...(config.alertConfigurationSet ? { configurationSet: config.alertConfigurationSet } : {}),
  };
}

const CONTEXT_PREFIX = 'budgetbuddy:';

/** Context keys are `budgetbuddy:<field>`; strings `"true"`/numbers from `-c` are coerced. */
export function readDeployConfig(app: App): DeployConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(deployConfigSchema.shape)) {
    const value: unknown = app.node.tryGetContext(`${CONTEXT_PREFIX}${key}`);
    if (value === undefined || value === '') continue;
    raw[key] = coerce(value);
  }
  const parsed = deployConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${CONTEXT_PREFIX}${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid deployment settings:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

function coerce(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
