/**
 * Runs every bench/*.bench.ts in turn, single-threaded, and prints one JSON line per benchmark.
 * A benchmark that fails prints its error and the others still run; the exit code is then 1.
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
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const bench = require(join(__dirname, file)) as Bench;
      process.stdout.write(JSON.stringify(await bench.run()) + '\n');
    } catch (err) {
      process.stdout.write(
        JSON.stringify({ name: file.replace(/\.bench\.ts$/, ''), error: String(err) }) + '\n',
      );
      process.exitCode = 1;
    }
  }
}

void main();
