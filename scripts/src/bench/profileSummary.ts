/**
 * Where a V8 CPU profile's time went, as text: self time by package (or project folder) and the top
 * functions by self and by inclusive time. For profiles written by turnCalls.ts (CPU_PROFILE=…), where the
 * cost of a turn is spread thin and a flame chart hides the sums.
 *
 *   npx tsx scripts/src/bench/profileSummary.ts file.cpuprofile [top=25] [turns]
 *
 * With `turns`, the figures are milliseconds per turn; without, milliseconds over the whole profile.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({
        functionName: z.string(),
        url: z.string(),
        lineNumber: z.number(),
      }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

/** "node_modules/@smithy/core/dist-cjs/…" → "@smithy/core"; our own files → their first two folders. */
function ownerOf(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:') || url === '') return url || '(native/gc/idle)';
  const m = /\/(bot|fulfillment|scripts|chat-web)\/src\/([^/]+)/.exec(url);
  return m ? `${m[1]}/${m[2]}` : url;
}

function main() {
  const [file, topArg, turnsArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profileSummary.ts file.cpuprofile [top] [turns]');
  const top = Number(topArg ?? 25);
  const per = Number(turnsArg ?? 1);
  const profile = profileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const label = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${ownerOf(f.url)}:${f.lineNumber + 1}`;
  };
  const selfByOwner = new Map<string, number>();
  const selfByFn = new Map<string, number>();
  const inclByFn = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') {
      idle += us;
      continue;
    }
    total += us;
    const owner = f.url ? ownerOf(f.url) : f.functionName;
    selfByOwner.set(owner, (selfByOwner.get(owner) ?? 0) + us);
    selfByFn.set(label(id), (selfByFn.get(label(id)) ?? 0) + us);
    // Inclusive: every distinct function on the stack once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label(at);
      if (seen.has(l)) continue;
      seen.add(l);
      inclByFn.set(l, (inclByFn.get(l) ?? 0) + us);
    }
  }
  const ms = (us: number) => (us / 1000 / per).toFixed(3).padStart(9);
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${ms(v)} ${pct(v)}  ${k}`);
    }
  };
  console.log(`busy ${ms(total)} ms, idle ${ms(idle)} ms${per !== 1 ? ' (per turn)' : ''}`);
  print('self time by package / folder', selfByOwner);
  print('self time by function', selfByFn);
  print('inclusive time by function', inclByFn);
}

main();
