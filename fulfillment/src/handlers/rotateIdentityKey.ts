/**
 * Secrets Manager rotation for the identity signing key (see lex/identitySignature.ts). Rotation makes a
 * new random key AWSPENDING, then AWSCURRENT; the old one stays AWSPREVIOUS, which the code hook still
 * accepts, so turns signed just before the switch are not refused. The key is used nowhere outside
 * Secrets Manager, so the setSecret and testSecret steps have nothing to do.
 */
import { randomBytes } from 'node:crypto';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';

const eventSchema = z.object({
  SecretId: z.string().min(1),
  ClientRequestToken: z.string().min(1),
  Step: z.enum(['createSecret', 'setSecret', 'testSecret', 'finishSecret']),
});

type Sender = Pick<SecretsManagerClient, 'send'>;

export async function rotateIdentityKey(client: Sender, input: unknown): Promise<void> {
  const { SecretId, ClientRequestToken: token, Step } = eventSchema.parse(input);
  const meta = await client.send(new DescribeSecretCommand({ SecretId }));
  const stages = meta.VersionIdsToStages ?? {};
  if (!meta.RotationEnabled) throw new Error(`Rotation is not enabled for ${SecretId}`);
  const tokenStages = stages[token];
  if (!tokenStages) throw new Error(`Version ${token} of ${SecretId} is not being rotated`);
  if (tokenStages.includes('AWSCURRENT')) return; // a step retried after the rotation finished
  if (!tokenStages.includes('AWSPENDING')) throw new Error(`Version ${token} of ${SecretId} is not pending`);

  switch (Step) {
    case 'createSecret': {
      try {
        await client.send(
          new GetSecretValueCommand({ SecretId, VersionId: token, VersionStage: 'AWSPENDING' }),
        );
        return; // a retried step: the pending key already exists
      } catch (err) {
        if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
      }
      await client.send(
        new PutSecretValueCommand({
          SecretId,
          ClientRequestToken: token,
          SecretString: JSON.stringify({ identityKey: randomBytes(48).toString('base64url') }),
          VersionStages: ['AWSPENDING'],
        }),
      );
      return;
    }
    case 'setSecret':
    case 'testSecret':
      return;
    case 'finishSecret': {
      const current = Object.keys(stages).find((id) => stages[id]?.includes('AWSCURRENT'));
      await client.send(
        new UpdateSecretVersionStageCommand({
          SecretId,
          VersionStage: 'AWSCURRENT',
          MoveToVersionId: token,
          ...(current ? { RemoveFromVersionId: current } : {}),
        }),
      );
    }
  }
}

const client = new SecretsManagerClient({});

export const handler = (event: unknown): Promise<void> => rotateIdentityKey(client, event);
