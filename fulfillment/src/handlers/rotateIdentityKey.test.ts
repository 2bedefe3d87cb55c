import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { identityKeySecretSchema } from '../lex/identitySignature';
import { rotateIdentityKey } from './rotateIdentityKey';

/** Secrets Manager's versions and stages, faked at the SDK boundary (the only part mocked). */
function fakeSecretsManager() {
  const versions = new Map<string, { value: string | null; stages: string[] }>([
    ['v1', { value: JSON.stringify({ identityKey: 'a'.repeat(48) }), stages: ['AWSCURRENT'] }],
  ]);
  const notFound = () => Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' });
  const send = async (command: unknown): Promise<unknown> => {
    if (command instanceof DescribeSecretCommand) {
      return {
        RotationEnabled: true,
        VersionIdsToStages: Object.fromEntries([...versions].map(([id, v]) => [id, v.stages])),
      };
    }
    if (command instanceof GetSecretValueCommand) {
      const { VersionId, VersionStage } = command.input;
      const found = VersionId ? versions.get(VersionId) : undefined;
      if (!found?.value || (VersionStage && !found.stages.includes(VersionStage))) throw notFound();
      return { SecretString: found.value };
    }
    if (command instanceof PutSecretValueCommand) {
      const { ClientRequestToken, SecretString, VersionStages } = command.input;
      versions.set(ClientRequestToken!, { value: SecretString!, stages: [...(VersionStages ?? [])] });
      return {};
    }
    if (command instanceof UpdateSecretVersionStageCommand) {
      const { MoveToVersionId, RemoveFromVersionId } = command.input;
      for (const v of versions.values()) v.stages = v.stages.filter((s) => s !== 'AWSPREVIOUS');
      const old = versions.get(RemoveFromVersionId!)!;
      old.stages = [...old.stages.filter((s) => s !== 'AWSCURRENT'), 'AWSPREVIOUS'];
      const next = versions.get(MoveToVersionId!)!;
      next.stages = [...next.stages.filter((s) => s !== 'AWSPENDING'), 'AWSCURRENT'];
      return {};
    }
    throw new Error(`unexpected command ${String(command)}`);
  };
  return { client: { send } as never, versions };
}

describe('identity key rotation', () => {
  const event = (Step: string, token = 'v2') => ({ SecretId: 'key', ClientRequestToken: token, Step });

  it('makes a fresh random key current and keeps the old one as previous', async () => {
    const sm = fakeSecretsManager();
    // RotateSecret registers the new version as AWSPENDING, without a value, before the first step.
    sm.versions.set('v2', { value: null, stages: ['AWSPENDING'] });
    for (const step of ['createSecret', 'setSecret', 'testSecret', 'finishSecret']) {
      await rotateIdentityKey(sm.client, event(step));
    }
    const v1 = sm.versions.get('v1')!;
    const v2 = sm.versions.get('v2')!;
    expect(v2.stages).toEqual(['AWSCURRENT']);
    expect(v1.stages).toEqual(['AWSPREVIOUS']);
    const key = identityKeySecretSchema.parse(JSON.parse(v2.value!)).identityKey;
    expect(key).not.toBe(identityKeySecretSchema.parse(JSON.parse(v1.value!)).identityKey);
    expect(key.length).toBeGreaterThanOrEqual(48);

    // Retried steps change nothing: the pending key is not replaced, the current one stays current.
    await rotateIdentityKey(sm.client, event('createSecret'));
    await rotateIdentityKey(sm.client, event('finishSecret'));
    expect(sm.versions.get('v2')).toEqual(v2);
  });

  it('refuses a version that is not being rotated', async () => {
    const sm = fakeSecretsManager();
    await expect(rotateIdentityKey(sm.client, event('createSecret', 'v9'))).rejects.toThrow(
      /not being rotated/,
    );
    expect([...sm.versions.keys()]).toEqual(['v1']);
  });
});
