/**
 * Reads the store's table description (fulfillment/src/store/table.ts: keySchema, attributeDefinitions
 * and globalSecondaryIndexes in DynamoDB CreateTable form, plus the TTL attribute) into CDK table
 * properties. Validated with zod so a
 * change on the store side that this stack cannot express fails synth loudly.
 */
import {
  AttributeType,
  ProjectionType,
  type Attribute,
  type GlobalSecondaryIndexProps,
} from 'aws-cdk-lib/aws-dynamodb';
import { z } from 'zod';

const keySchema = z
  .array(z.object({ AttributeName: z.string().min(1), KeyType: z.enum(['HASH', 'RANGE']) }))
  .min(1)
  .max(2);

const ledgerTableSourceSchema = z.looseObject({
  keySchema,
  attributeDefinitions: z.array(
    z.object({ AttributeName: z.string().min(1), AttributeType: z.enum(['S', 'N', 'B']) }),
  ),
  globalSecondaryIndexes: z
    .array(
      z.looseObject({
        IndexName: z.string().min(1),
        KeySchema: keySchema,
        Projection: z
          .object({
            ProjectionType: z.enum(['ALL', 'KEYS_ONLY', 'INCLUDE']).optional(),
            NonKeyAttributes: z.array(z.string()).optional(),
          })
          .optional(),
      }),
    )
    .optional(),
  timeToLiveAttribute: z.string().min(1),
});

export interface LedgerTableShape {
  partitionKey: Attribute;
  sortKey?: Attribute;
  globalSecondaryIndexes: GlobalSecondaryIndexProps[];
  timeToLiveAttribute: string;
}

const ATTRIBUTE_TYPES = {
  S: AttributeType.STRING,
  N: AttributeType.NUMBER,
  B: AttributeType.BINARY,
} as const;
const PROJECTIONS = {
  ALL: ProjectionType.ALL,
  KEYS_ONLY: ProjectionType.KEYS_ONLY,
  INCLUDE: ProjectionType.INCLUDE,
} as const;

export function toLedgerTableShape(source: unknown): LedgerTableShape {
  const parsed = ledgerTableSourceSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `tableDefinition cannot be turned into a DynamoDB table: ${z.prettifyError(parsed.error)}`,
    );
  }
  const def = parsed.data;
  const attribute = (name: string): Attribute => {
    const found = def.attributeDefinitions.find((a) => a.AttributeName === name);
    if (!found) throw new Error(`tableDefinition: key attribute ${name} has no AttributeDefinitions entry`);
    return { name, type: ATTRIBUTE_TYPES[found.AttributeType] };
  };
  const keys = (schema: z.infer<typeof keySchema>): { partitionKey: Attribute; sortKey?: Attribute } => {
    const hash = schema.find((k) => k.KeyType === 'HASH');
    const range = schema.find((k) => k.KeyType === 'RANGE');
    if (!hash) throw new Error('tableDefinition: a key schema has no HASH key');
    return {
      partitionKey: attribute(hash.AttributeName),
      ...(range ? { sortKey: attribute(range.AttributeName) } : {}),
    };
  };
  return {
    ...keys(def.keySchema),
    globalSecondaryIndexes: (def.globalSecondaryIndexes ?? []).map((gsi) => ({
      indexName: gsi.IndexName,
      ...keys(gsi.KeySchema),
      projectionType: PROJECTIONS[gsi.Projection?.ProjectionType ?? 'ALL'],
      ...(gsi.Projection?.NonKeyAttributes ? { nonKeyAttributes: gsi.Projection.NonKeyAttributes } : {}),
    })),
    timeToLiveAttribute: def.timeToLiveAttribute,
  };
}
