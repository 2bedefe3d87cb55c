/**
 * `npm start` leaves a note in DATA_DIR saying where its services listen, so tools such as
 * `npm run seed` use the running DynamoDB Local instead of opening the same files a second time.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const runningStackSchema = z.object({
  pid: z.number().int(),
  chatUrl: z.string(),
  lexUrl: z.string(),
  dynamoEndpoint: z.string(),
  tableName: z.string(),
});
export type RunningStack = z.infer<typeof runningStackSchema>;

const fileIn = (dataDir: string) => join(dataDir, 'stack.json');

export function writeRunningStack(dataDir: string, stack: RunningStack): void {
  writeFileSync(fileIn(dataDir), `${JSON.stringify(stack, null, 2)}\n`);
}

export function clearRunningStack(dataDir: string): void {
  rmSync(fileIn(dataDir), { force: true });
}

export function readRunningStack(dataDir: string): RunningStack | null {
  try {
    const parsed = runningStackSchema.safeParse(JSON.parse(readFileSync(fileIn(dataDir), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
