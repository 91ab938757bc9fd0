import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { Services } from '../support/services';
import { ArticleIds, startServicesAtTopicEnd, submitFixtures, waitForProjection } from './analytics-support';

const REPO = join(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium's own outbound connections are refused here, and slow it down.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, installed on first use (playwright-core never downloads a browser). */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  execFileSync('bash', [join(REPO, 'deploy', 'local', 'install-browser.sh')], {
    stdio: 'inherit',
    timeout: 600000,
  });
}

/** The page's globals the test reads, typed here because tests compile without the DOM library. */
interface PageGlobals {
  document: {
    getElementById(id: string): PageElement;
    body: { dataset: Record<string, string | undefined> };
  };
  echarts: {
    getInstanceByDom(el: PageElement): {
      getOption(): unknown;
      convertToPixel(finder: object, value: unknown[]): number[];
    };
  };
}
interface PageElement {
  getBoundingClientRect(): { left: number; top: number };
}

interface ChartSeries {
  name: string;
  data: ({ value: number | null | [string, number]; figureId?: string } | null)[];
}

/** The option ECharts holds for a chart: what it draws. */
const chartOption = (page: Page, id: string) =>
  page.evaluate((elementId) => {
    const { document, echarts } = globalThis as unknown as PageGlobals;
    const option = echarts.getInstanceByDom(document.getElementById(elementId)).getOption() as {
      xAxis: { data: string[] }[];
      series: ChartSeries[];
    };
    return {
      categories: option.xAxis[0].data,
      series: option.series.map(({ name, data }) => ({ name, data })),
    };
  }, id);

/** The value a series draws at a category, or undefined. */
function valueAt(
  chart: { categories: string[]; series: ChartSeries[] },
  seriesName: string,
  category: string,
) {
  const series = chart.series.find((s) => s.name === seriesName);
  return series?.data[chart.categories.indexOf(category)]?.value;
}

describe('analytics dashboard in a browser', () => {
  let services: Services;
  let ids: ArticleIds;
  let browser: Browser;
  let page: Page;
  let base: string;
  const requested: string[] = [];

  beforeAll(async () => {
    ensureChromium();
    ({ services } = await startServicesAtTopicEnd());
    ids = await submitFixtures(services);
    await waitForProjection(services.analytics.getHttpServer(), ids);
    await services.analytics.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(services.analytics.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${base}/dashboard`);
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).document.body.dataset.ready === 'true',
      undefined,
      { timeout: 30000 },
    );
  }, 900000);
  afterAll(async () => {
    await browser?.close();
    await services?.close();
  });

  it('loads everything from the service itself, no CDN', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(base))).toEqual([]);
    expect(requested).toContain(`${base}/dashboard/echarts.min.js`);
  });

  it('charts investment and projects per edition, and shows a conflict as the values reported', async () => {
    const chart = await chartOption(page, 'chart-investment');
    expect(chart.categories).toEqual(expect.arrayContaining(['2031', '2032', '2033']));
    expect(valueAt(chart, 'Investment signed (bn yuan)', '2031')).toBe(73.5);
    expect(valueAt(chart, 'Investment signed (bn yuan)', '2032')).toBe(108.62);
    expect(valueAt(chart, 'Investment signed (bn yuan)', '2033')).toBeNull();
    expect(valueAt(chart, 'Projects signed', '2032')).toBe(151);
    const disputed = chart.series
      .find((s) => s.name === 'Reports in conflict (bn yuan)')!
      .data.map((d) => d?.value);
    expect(disputed).toEqual(
      expect.arrayContaining([
        ['2033', 112.4],
        ['2033', 121.4],
      ]),
    );
  });

  it('charts production and sales by year, and battery output by region', async () => {
    const production = await chartOption(page, 'chart-production');
    expect(valueAt(production, 'China NEV production', '2031')).toBe(19);
    expect(valueAt(production, 'China NEV production', '2032')).toBe(21.3);
    expect(valueAt(production, 'China NEV sales', '2032')).toBe(21.1);
    const battery = await chartOption(page, 'chart-battery');
    expect(valueAt(battery, 'Yibin power battery output', '2031')).toBe(276);
    expect(valueAt(battery, 'Yibin power battery output', '2032')).toBe(310);
  });

  it('opens the sources and evidence sentences of a bar on click', async () => {
    const point = await page.evaluate(() => {
      const { document, echarts } = globalThis as unknown as PageGlobals;
      const el = document.getElementById('chart-investment');
      // A quarter of the way up the 2032 bar, clear of the projects line.
      const [x, y] = echarts
        .getInstanceByDom(el)
        .convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, ['2032', 27]);
      const box = el.getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    });
    await page.mouse.click(point.x, point.y);
    const drawer = page.locator('#sources');
    await drawer.waitFor({ state: 'visible' });
    const text = await drawer.innerText();
    expect(text).toContain('2032 edition: investment signed (CNY)');
    expect(text).toContain('Agreed by 2 sources');
    expect(text).toContain('Harbour Business Wire');
    expect(text).toContain('Yibin City Daily');
    expect(text).toContain(ids.harbour);
    expect(text).toContain('Investors signed 151 projects worth 108.62 billion yuan');
    expect(text).toContain('carrying investment of 108.6 billion yuan');
    mkdirSync(join(REPO, '.local', 'screenshots'), { recursive: true });
    const path = join(REPO, '.local', 'screenshots', `dashboard-sources-${services.run}.png`);
    await page.screenshot({ path });
    process.stdout.write(`\ndashboard screenshot (sources open): ${path}\n`);
  });

  it('opens both values and their sources for a conflict in the table', async () => {
    await page.locator('#table-investment tr', { hasText: '2033' }).locator('td.conflict').first().click();
    const text = await page.locator('#sources').innerText();
    expect(text).toContain('Conflict: 2 values reported');
    expect(text).toContain('112.4 bn yuan');
    expect(text).toContain('121.4 bn yuan');
    expect(text).toContain('Sichuan Morning Post');
    expect(text).toContain('Battery Trade Weekly');
  });

  it('marks a derived dollar value and names the rate it was converted at', async () => {
    const cell = page.locator('#table-investment tr', { hasText: '2031' }).locator('td.derived');
    expect(await cell.innerText()).toBe('≈ $10.5 bn');
    await cell.click();
    const text = await page.locator('#sources').innerText();
    expect(text).toContain('Converted at 7 yuan per dollar');
    expect(text).toContain('6.3 billion yuan, or about 900 million U.S. dollars');
  });

  it('offers CSV downloads of what it shows', async () => {
    const hrefs = await page
      .locator('a.csv')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([
      '/v1/metrics/investment?format=csv',
      '/v1/metrics/production?format=csv',
      '/v1/metrics/battery?format=csv',
      '/v1/metrics/conflicts?format=csv',
    ]);
    const type = await page.evaluate(
      async (href) => (await fetch(href)).headers.get('content-type'),
      hrefs[0]!,
    );
    expect(type).toMatch(/^text\/csv/);
  });

  it('saves a screenshot of the whole dashboard', async () => {
    await page.locator('#sources-close').click();
    const path = join(REPO, '.local', 'screenshots', `dashboard-${services.run}.png`);
    await page.screenshot({ path, fullPage: true });
    process.stdout.write(`\ndashboard screenshot: ${path}\n`);
    expect(existsSync(path)).toBe(true);
  });
});
