/**
 * Extraction throughput on one core. The fixture articles are 1.5-2.5 KB, so each benchmark article
 * joins two of them (~3.3 KB, the size of a typical wire story). After a warm-up, batches of all
 * articles are parsed and extracted and timed by this process's CPU time; the median batch gives the
 * rate, the fastest one the rate on a quiet machine (other work on the machine slows batches down).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, parseArticleFile, PARSER_VERSION } from '@app/extraction';

const DIR = join(__dirname, '../test/fixtures/articles');
const WARM_UP_ROUNDS = 50;
const BATCHES = 15;
const ROUNDS_PER_BATCH = 20;

export async function run(): Promise<{ name: string; [k: string]: unknown }> {
  const fixtures = readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(DIR, f), 'utf8'));
  const articles = fixtures.map(
    (a, i) => `${a}\n\n${parseArticleFile(fixtures[(i + 1) % fixtures.length]).body}`,
  );
  const bytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a), 0);
  const round = () => {
    for (const raw of articles) extract(parseArticleFile(raw));
  };
  for (let i = 0; i < WARM_UP_ROUNDS; i++) round();

  const seconds: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const start = process.cpuUsage();
    for (let i = 0; i < ROUNDS_PER_BATCH; i++) round();
    const cpu = process.cpuUsage(start);
    seconds.push((cpu.user + cpu.system) / 1e6);
  }
  seconds.sort((a, b) => a - b);
  const perBatch = ROUNDS_PER_BATCH * articles.length;
  const rate = (s: number) => Math.round(perBatch / s);
  const median = seconds[Math.floor(seconds.length / 2)];
  return {
    name: 'extraction',
    parserVersion: PARSER_VERSION,
    articles: perBatch * BATCHES,
    avgArticleBytes: Math.round(bytes / articles.length),
    articlesPerSecondPerCore: rate(median),
    bestArticlesPerSecondPerCore: rate(seconds[0]),
    mbPerSecondPerCore: +((ROUNDS_PER_BATCH * bytes) / 1e6 / median).toFixed(2),
  };
}
