/**
 * Prints one extraction record per article file, as JSON Lines in the evaluation format.
 * usage: npm run -s extract -- FILE...
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extract, parseArticleFile } from '@app/extraction';

function main(files: string[]): number {
  if (!files.length) {
    process.stderr.write('usage: npm run -s extract -- FILE...\n');
    return 2;
  }
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) {
    process.stderr.write(`extract: no such file: ${missing.join(', ')}\n`);
    return 2;
  }
  for (const file of files) {
    const record = extract(parseArticleFile(readFileSync(file, 'utf8')));
    process.stdout.write(JSON.stringify({ file: basename(file), ...record }) + '\n');
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
