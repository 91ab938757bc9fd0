/**
 * Extraction throughput on one core: every fixture article (~2 KB of prose each) parsed and
 * extracted repeatedly after a warm-up, reported as articles/s and MB/s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, parseArticleFile, PARSER_VERSION } from '@app/extraction';

const DIR = join(__dirname, '../test/fixtures/articles');

export async function run(): Promise<{ name: string; [k: string]: unknown }> {
  const articles = readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(DIR, f), 'utf8'));
  const bytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a), 0);
  const once = () => {
    for (const raw of articles) extract(parseArticleFile(raw));
  };
  for (let i = 0; i < 50; i++) once();

  const rounds = Math.max(1, Math.ceil(4000 / articles.length));
  const wallStart = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < rounds; i++) once();
  const cpu = process.cpuUsage(cpuStart);
  // CPU time of this single-threaded process: the per-core rate, even when other work shares the machine.
  const seconds = (cpu.user + cpu.system) / 1e6;
  const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
  const count = rounds * articles.length;
  return {
    name: 'extraction',
    parserVersion: PARSER_VERSION,
    articles: count,
    avgArticleBytes: Math.round(bytes / articles.length),
    cpuSeconds: +seconds.toFixed(3),
    wallSeconds: +wallSeconds.toFixed(3),
    articlesPerSecondPerCore: Math.round(count / seconds),
    mbPerSecondPerCore: +((rounds * bytes) / 1e6 / seconds).toFixed(2),
  };
}
