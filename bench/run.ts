/**
 * Runs every bench/*.bench.ts in turn, single-threaded, and prints one JSON line per benchmark.
 * usage: npm run -s bench
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Bench {
  run(): Promise<{ name: string; [k: string]: unknown }>;
}

async function main(): Promise<void> {
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bench = require(join(__dirname, file)) as Bench;
    process.stdout.write(JSON.stringify(await bench.run()) + '\n');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
