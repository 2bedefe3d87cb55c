/**
 * Request signing for the stack's own clients of its loopback stand-ins (DynamoDB Local, the local Lex
 * runtime). Neither checks a SigV4 signature — DynamoDB Local only reads the access key out of the
 * `Authorization` header, the runtime reads nothing — yet the SDK computes one per request: canonical
 * request, two hashes and four HMACs, about 0.2 ms of CPU a call, paid two or three times a chat turn
 * (scripts/src/bench/turnCalls.ts). Locally the clients keep every other part of the real SDK
 * (serialization, endpoint, retries, the HTTP handler) and send an `Authorization` header of the
 * SigV4 shape with the real access key and an all-zero signature.
 *
 * Configuration only, in the composition root: deployed code never sees it, and a client pointed at AWS
 * with this would be refused, so it is used only with loopback endpoints.
 */
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

type AuthSchemes = NonNullable<DynamoDBClientConfig['httpAuthSchemes']>;
type Signer = AuthSchemes[number]['signer'];

const SIGV4 = 'aws.auth#sigv4';
const ZERO_SIGNATURE = '0'.repeat(64);

const unsignedSigV4: Signer = {
  sign: async (request, identity, properties) => {
    const accessKeyId = (identity as { accessKeyId?: unknown }).accessKeyId;
    const region = typeof properties.signingRegion === 'string' ? properties.signingRegion : 'us-east-1';
    const service = typeof properties.signingName === 'string' ? properties.signingName : 'local';
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    request.headers.authorization =
      `AWS4-HMAC-SHA256 Credential=${String(accessKeyId)}/${day}/${region}/${service}/aws4_request, ` +
      `SignedHeaders=host, Signature=${ZERO_SIGNATURE}`;
    return request;
  },
};

/**
 * Client config for a loopback stand-in: the SigV4 scheme with the client's own credentials, but a
 * signer that does not compute the signature. Spread into a DynamoDB or Lex runtime client's config.
 */
export const localStandInSigning: { httpAuthSchemes: AuthSchemes } = {
  httpAuthSchemes: [
    {
      schemeId: SIGV4,
      identityProvider: (config) => config.getIdentityProvider(SIGV4),
      signer: unsignedSigV4,
    },
  ],
};
