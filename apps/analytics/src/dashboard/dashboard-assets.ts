import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The nearest directory up from here that holds a package.json: the repository when running from
 * source or dist/, /app in the Docker image. The dashboard's files stay in the source tree (tsc copies
 * no assets), so they are found from there wherever the compiled code runs.
 */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const PUBLIC = join(packageRoot(__dirname), 'apps', 'analytics', 'src', 'dashboard', 'public');

/** What /dashboard/<name> serves: its own files and ECharts from node_modules, never a CDN. */
export const DASHBOARD_ASSETS: Record<string, { file: string; type: string }> = {
  'index.html': { file: join(PUBLIC, 'index.html'), type: 'text/html; charset=utf-8' },
  'dashboard.js': { file: join(PUBLIC, 'dashboard.js'), type: 'text/javascript; charset=utf-8' },
  'dashboard.css': { file: join(PUBLIC, 'dashboard.css'), type: 'text/css; charset=utf-8' },
  'echarts.min.js': {
    file: require.resolve('echarts/dist/echarts.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};
