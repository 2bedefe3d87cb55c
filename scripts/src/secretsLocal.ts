/**
 * A loopback stand-in for AWS Secrets Manager that serves the bot config secret, so the proxy reads its
 * bot ids locally with the very same GetSecretValue call it makes in AWS. It speaks awsJson1_1
 * (POST / with X-Amz-Target) for GetSecretValue only; any other secret or operation gets the error AWS gives.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

export interface LocalSecretsServer {
  endpoint: string;
  close(): Promise<void>;
}

export interface LocalSecretsOptions {
  /** Secret name → its string value. */
  secrets: Record<string, string>;
  host?: string;
  port?: number;
}

const requestSchema = z.object({ SecretId: z.string().min(1), VersionStage: z.string().min(1).optional() });
const CREATED = Math.floor(Date.UTC(2026, 0, 1) / 1000);

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const awsError = (res: http.ServerResponse, status: number, type: string, message: string) =>
  reply(res, status, { __type: type, Message: message });

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLocalSecrets(opts: LocalSecretsOptions): Promise<LocalSecretsServer> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const target = req.headers['x-amz-target'];
      if (req.method !== 'POST' || target !== 'secretsmanager.GetSecretValue') {
        return awsError(res, 400, 'UnknownOperationException', `Unsupported operation ${String(target)}`);
      }
      let secretId: string;
      let stage: string;
      try {
        const parsed = requestSchema.safeParse(JSON.parse(await readBody(req)));
        if (!parsed.success) return awsError(res, 400, 'InvalidParameterException', 'SecretId is required');
        secretId = parsed.data.SecretId;
        stage = parsed.data.VersionStage ?? 'AWSCURRENT';
      } catch {
        return awsError(res, 400, 'SerializationException', 'The request body is not valid JSON');
      }
      const value = Object.hasOwn(opts.secrets, secretId) ? opts.secrets[secretId] : undefined;
      // Local secrets have one version, AWSCURRENT; asking for another stage fails as it does in AWS
      // for a secret that was never rotated.
      if (value === undefined || stage !== 'AWSCURRENT') {
        return awsError(
          res,
          400,
          'ResourceNotFoundException',
          "Secrets Manager can't find the specified secret.",
        );
      }
      reply(res, 200, {
        ARN: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${secretId}`,
        Name: secretId,
        VersionId: 'local',
        SecretString: value,
        VersionStages: ['AWSCURRENT'],
        CreatedDate: CREATED,
      });
    })();
  });
  server.keepAliveTimeout = 5_000;
  server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
