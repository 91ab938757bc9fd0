// The analysts' dashboard: reads the service's own /v1/metrics endpoints and draws them with ECharts
// (served by this service from node_modules). Every figure shown keeps a reference to its sources, so
// a click on a bar, a point or a table cell opens the articles and sentences it was read from.
/* global echarts */
'use strict';

(function () {
  const PALETTE = ['#1f6feb', '#f59e0b', '#10b981', '#8b5cf6', '#ef4444', '#0ea5e9', '#64748b'];
  const CONFLICT_COLOUR = '#c2410c';
  const HEDGE = { exact: '', approx: 'about ', nearly: 'nearly ', over: 'over ', under: 'under ' };
  const METRIC_LABEL = {
    'production.units': 'Production',
    'sales.units': 'Sales',
    'battery.volume_gwh': 'Battery volume',
    'capacity.gwh': 'Plant capacity',
    'output.value': 'Output value',
    'investment.amount': 'Investment',
    'investment.projects': 'Projects',
    'attendance.people': 'Attendance',
    'employment.jobs': 'Jobs',
    'growth.yoy_percent': 'Growth',
    'market.share_percent': 'Market share',
  };
  const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

  /** Figures on screen by id, for the sources drawer. */
  const figures = new Map();
  const charts = [];

  function register(title, figure) {
    const id = `figure-${figures.size + 1}`;
    figures.set(id, { title, figure });
    return id;
  }

  /** A DOM element with attributes and children; text is always set as text, never parsed as HTML. */
  function h(tag, attributes, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) el.setAttribute(name, String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;

  function scaled(value, unit) {
    switch (unit) {
      case 'CNY':
        return `${number.format(value / 1e9)} bn yuan`;
      case 'USD':
        return `$${number.format(value / 1e9)} bn`;
      case 'vehicles':
        return `${number.format(value / 1e6)} m`;
      case 'GWh':
        return `${number.format(value)} GWh`;
      case 'percent':
        return `${number.format(value)}%`;
      default:
        return number.format(value);
    }
  }

  /** The value a chart plots: billions of currency, millions of vehicles, others as they are. */
  function plotted(value, unit) {
    if (unit === 'CNY' || unit === 'USD') return round(value / 1e9, 2);
    if (unit === 'vehicles') return round(value / 1e6, 3);
    return round(value, 2);
  }

  function figureText(figure) {
    if (figure.status === 'conflict') {
      return figure.candidates.map((c) => HEDGE[c.qualifier] + scaled(c.value, figure.unit)).join(' vs ');
    }
    // ≈ already says a converted value is approximate.
    if (figure.derived)
      return `≈ ${figure.qualifier === 'approx' ? '' : HEDGE[figure.qualifier]}${scaled(figure.value, figure.unit)}`;
    return `${HEDGE[figure.qualifier]}${scaled(figure.value, figure.unit)}`;
  }

  /** A table cell showing a figure; a click opens its sources. */
  function figureCell(title, figure) {
    if (!figure) return h('td', { class: 'num' }, '–');
    const id = register(title, figure);
    const classes = ['num', figure.status === 'conflict' ? 'conflict' : '', figure.derived ? 'derived' : ''];
    return h(
      'td',
      { class: classes.join(' ').trim(), 'data-figure': id, title: 'Show sources' },
      figureText(figure),
      figure.status === 'conflict' ? h('span', { class: 'badge' }, 'conflict') : null,
    );
  }

  function table(el, headings, rows) {
    el.replaceChildren(
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headings.map(([label, numeric]) => h('th', { class: numeric ? 'num' : null }, label)),
        ),
      ),
      h('tbody', {}, rows),
    );
    if (!rows.length) el.after(h('p', { class: 'empty' }, 'No figures yet.'));
  }

  function chart(id, option) {
    const instance = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    instance.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: 'inherit' }, ...option });
    instance.on('click', (params) => {
      if (params.data && params.data.figureId) showSources(params.data.figureId);
    });
    charts.push(instance);
    return instance;
  }

  const axisTooltip = { trigger: 'item', confine: true };
  const grid = { left: 56, right: 56, top: 48, bottom: 32 };

  // ---- investment per edition ------------------------------------------------------------------

  function renderInvestment({ editions }) {
    const years = editions.map((e) => String(e.year));
    const amount = [];
    const disputed = [];
    const projects = [];
    editions.forEach((e) => {
      const cny = e.investmentCny;
      const title = `${e.year} edition: investment signed (CNY)`;
      if (cny && cny.status === 'agreed') {
        amount.push({ value: plotted(cny.value, 'CNY'), figureId: register(title, cny) });
      } else {
        amount.push({ value: null });
        if (cny) {
          const id = register(title, cny);
          cny.candidates.forEach((c) =>
            disputed.push({ value: [String(e.year), plotted(c.value, 'CNY')], figureId: id }),
          );
        }
      }
      const p = e.projects;
      projects.push(
        p && p.status === 'agreed'
          ? { value: p.value, figureId: register(`${e.year} edition: projects signed`, p) }
          : { value: null },
      );
    });
    chart('chart-investment', {
      tooltip: axisTooltip,
      legend: { top: 0 },
      grid,
      xAxis: { type: 'category', data: years },
      yAxis: [
        { type: 'value', name: 'bn yuan' },
        { type: 'value', name: 'projects', splitLine: { show: false } },
      ],
      series: [
        { name: 'Investment signed (bn yuan)', type: 'bar', data: amount, barMaxWidth: 48 },
        {
          name: 'Reports in conflict (bn yuan)',
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 14,
          itemStyle: { color: CONFLICT_COLOUR },
          data: disputed,
        },
        {
          name: 'Projects signed',
          type: 'line',
          yAxisIndex: 1,
          data: projects,
          symbolSize: 8,
          connectNulls: true,
        },
      ],
    });

    const rows = editions.map((e) =>
      h(
        'tr',
        {},
        h('td', {}, e.year),
        figureCell(`${e.year} edition: projects signed`, e.projects),
        figureCell(`${e.year} edition: investment signed (CNY)`, e.investmentCny),
        figureCell(`${e.year} edition: investment signed (USD)`, e.investmentUsd),
        cumulativeCell(e.cumulativeCny, 'CNY'),
        figureCell(`${e.year} edition: attendance`, e.attendance),
        figureCell(`${e.year} edition: jobs expected`, e.jobs),
      ),
    );
    table(
      document.getElementById('table-investment'),
      [
        ['Edition'],
        ['Projects', true],
        ['Investment (CNY)', true],
        ['Investment (USD)', true],
        ['Cumulative (CNY)', true],
        ['Attendance', true],
        ['Jobs expected', true],
      ],
      rows,
    );
  }

  function cumulativeCell(total, unit) {
    if (total.value !== null) return h('td', { class: 'num' }, scaled(total.value, unit));
    return h(
      'td',
      { class: 'num conflict', title: 'An edition in conflict makes the total a range' },
      `${scaled(total.low, unit)} – ${scaled(total.high, unit)}`,
      h('span', { class: 'badge' }, 'range'),
    );
  }

  // ---- production and sales --------------------------------------------------------------------

  function renderProduction({ series }) {
    const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
    chart('chart-production', {
      tooltip: axisTooltip,
      legend: { top: 0, type: 'scroll' },
      grid,
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', name: 'million vehicles' },
      series: series.map((s) => ({
        name: s.subject,
        type: 'bar',
        barMaxWidth: 32,
        data: years.map((year) => {
          const point = s.points.find((p) => p.period === year);
          if (!point || point.figure.status !== 'agreed') return { value: null };
          return {
            value: plotted(point.figure.value, 'vehicles'),
            figureId: register(`${s.subject}, ${year}`, point.figure),
          };
        }),
      })),
    });
    const rows = series.flatMap((s) =>
      s.points.map((p) =>
        h(
          'tr',
          {},
          h('td', {}, s.subject),
          h('td', {}, p.period),
          figureCell(`${s.subject}, ${p.period}`, p.figure),
          h('td', { class: 'num' }, p.yoyPercent === null ? '–' : `${number.format(p.yoyPercent)}%`),
          figureCell(`${s.subject}, ${p.period}: year-on-year growth as stated`, p.statedYoy),
        ),
      ),
    );
    table(
      document.getElementById('table-production'),
      [['Series'], ['Year'], ['Vehicles', true], ['YoY computed', true], ['YoY stated', true]],
      rows,
    );
  }

  // ---- batteries and output by region ----------------------------------------------------------

  function renderBattery({ series }) {
    const volumes = series.filter((s) => s.metric === 'battery.volume_gwh');
    const periods = [...new Set(volumes.flatMap((s) => s.points.map((p) => p.period)))].sort();
    chart('chart-battery', {
      tooltip: axisTooltip,
      legend: { top: 0, type: 'scroll' },
      grid,
      xAxis: { type: 'category', data: periods, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: 'GWh' },
      series: volumes.map((s) => ({
        name: s.subject,
        type: 'bar',
        barMaxWidth: 32,
        data: periods.map((period) => {
          const point = s.points.find((p) => p.period === period);
          if (!point || point.figure.status !== 'agreed') return { value: null };
          return {
            value: plotted(point.figure.value, 'GWh'),
            figureId: register(`${s.subject}, ${period}`, point.figure),
          };
        }),
      })),
    });
    const rows = series.flatMap((s) =>
      s.points.map((p) =>
        h(
          'tr',
          {},
          h('td', {}, METRIC_LABEL[s.metric] || s.metric),
          h('td', {}, s.scope || '–'),
          h('td', {}, p.period),
          figureCell(`${p.subject}, ${p.period}`, p.figure),
        ),
      ),
    );
    table(
      document.getElementById('table-battery'),
      [['Figure'], ['Region / company'], ['Period'], ['Value', true]],
      rows,
    );
  }

  // ---- conflicts -------------------------------------------------------------------------------

  function renderConflicts({ items }) {
    const rows = items.flatMap((item) =>
      item.figures
        .filter((f) => f.status === 'conflict')
        .map((f) =>
          h(
            'tr',
            {},
            h('td', {}, METRIC_LABEL[item.metric] || item.metric),
            h('td', {}, item.subject),
            h('td', {}, item.period || '–'),
            figureCell(`${item.subject}${item.period ? `, ${item.period}` : ''}`, f),
            h(
              'td',
              { class: 'num' },
              f.candidates.reduce((n, c) => n + c.sourceCount, 0),
            ),
          ),
        ),
    );
    table(
      document.getElementById('table-conflicts'),
      [['Figure'], ['Subject'], ['Period'], ['Values reported', true], ['Sources', true]],
      rows,
    );
  }

  // ---- sources drawer --------------------------------------------------------------------------

  function showSources(id) {
    const { title, figure } = figures.get(id);
    const body = document.getElementById('sources-body');
    const status =
      figure.status === 'conflict'
        ? `Conflict: ${figure.candidates.length} values reported`
        : `Agreed by ${figure.candidates[0].sourceCount} source${figure.candidates[0].sourceCount === 1 ? '' : 's'}`;
    const parts = [h('p', { class: 'figure-title' }, title), h('p', { class: 'figure-meta' }, status)];
    if (figure.derived && figure.rate) {
      parts.push(
        h(
          'div',
          { class: 'source derived' },
          h(
            'span',
            { class: 'outlet' },
            `Converted at ${number.format(figure.rate.cnyPerUsd)} yuan per dollar`,
          ),
          h('div', { class: 'meta' }, `the rate ${figure.rate.source.source} used in:`),
          h('blockquote', {}, figure.rate.source.evidence),
        ),
      );
    }
    for (const candidate of figure.candidates) {
      parts.push(
        h(
          'div',
          { class: 'candidate' },
          h(
            'div',
            { class: 'candidate-value' },
            HEDGE[candidate.qualifier] + scaled(candidate.value, figure.unit),
          ),
          candidate.sources.map((s) =>
            h(
              'div',
              { class: 'source' },
              h('span', { class: 'outlet' }, s.source),
              h('span', { class: 'meta' }, ` · ${s.publishedAt || 'undated'}`),
              h('div', {}, s.title),
              h(
                'div',
                { class: 'meta' },
                `article ${s.articleId} · reported as ${HEDGE[s.qualifier]}${scaled(s.value, s.unit)}`,
              ),
              h('blockquote', {}, s.evidence),
            ),
          ),
          candidate.sourceCount > candidate.sources.length
            ? h('p', { class: 'meta' }, `and ${candidate.sourceCount - candidate.sources.length} more`)
            : null,
        ),
      );
    }
    body.replaceChildren(...parts);
    document.getElementById('sources').hidden = false;
  }

  // ---- start -----------------------------------------------------------------------------------

  async function get(path) {
    const res = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  }

  async function start() {
    document.addEventListener('click', (event) => {
      const cell = event.target.closest('[data-figure]');
      if (cell) showSources(cell.getAttribute('data-figure'));
    });
    document.getElementById('sources-close').addEventListener('click', () => {
      document.getElementById('sources').hidden = true;
    });
    window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

    const status = document.getElementById('status');
    try {
      const [investment, production, battery, conflicts] = await Promise.all([
        get('/v1/metrics/investment'),
        get('/v1/metrics/production'),
        get('/v1/metrics/battery'),
        get('/v1/metrics/conflicts'),
      ]);
      renderInvestment(investment);
      renderProduction(production);
      renderBattery(battery);
      renderConflicts(conflicts);
      const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
      status.textContent = [
        count(investment.editions.length, 'edition'),
        count(production.series.length + battery.series.length, 'series').replace(/seriess$/, 'series'),
        count(conflicts.items.length, 'conflict'),
        `loaded ${new Date().toLocaleTimeString()}`,
      ].join(' · ');
    } catch (error) {
      status.textContent = `Could not load the figures: ${error.message}`;
    }
    document.body.dataset.ready = 'true';
  }

  start();
})();
