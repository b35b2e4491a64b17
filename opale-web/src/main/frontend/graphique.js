// The chart tab: draws the groups the server computed over the whole dataset (the table under the chart holds the
// same numbers, for screen readers and without JavaScript) with ECharts — bars, line or pie — and offers the
// picture as PNG. ECharts is loaded only on this tab; tooltips are drawn inside the canvas (no inline HTML styles,
// which the Content-Security-Policy forbids).
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { formatNumber } from './format.js';

echarts.use([BarChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent,
  CanvasRenderer]);

function read(table) {
  const rows = [...table.querySelectorAll('tbody tr')];
  return rows.map((row) => ({
    label: row.querySelector('th').textContent.trim(),
    value: row.dataset.raw === undefined || row.dataset.raw === '' ? null : Number(row.dataset.raw),
  }));
}

function option(kind, groups, title, lang, colour) {
  const format = (value) => (value === null || value === undefined ? '' : formatNumber(value, lang));
  const common = {
    aria: { enabled: true, label: { description: title } },
    animation: false,
    color: [colour],
    tooltip: { renderMode: 'richText', valueFormatter: format },
  };
  if (kind === 'secteurs') {
    return { ...common, color: undefined, legend: { type: 'scroll', bottom: 0 },
      series: [{ type: 'pie', radius: '60%', data: groups.map((g) => ({ name: g.label, value: g.value })),
        label: { formatter: (p) => `${p.name} : ${format(p.value)}` } }] };
  }
  return {
    ...common,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: groups.map((g) => g.label), axisLabel: { interval: 'auto', hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: format } },
    series: [{ type: kind === 'ligne' ? 'line' : 'bar', data: groups.map((g) => g.value), name: title }],
  };
}

const container = document.querySelector('[data-chart]');
if (container) {
  const table = document.getElementById(container.dataset.table);
  const lang = document.documentElement.lang || 'fr';
  const colour = getComputedStyle(container).getPropertyValue('--graphique-couleur').trim() || '#0a58a3';
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  chart.setOption(option(container.dataset.kind, read(table), container.dataset.title, lang, colour));
  container.dataset.chartDrawn = 'true';
  new ResizeObserver(() => chart.resize()).observe(container);
  const png = document.querySelector('[data-chart-png]');
  if (png) {
    png.hidden = false;
    png.addEventListener('click', () => {
      const link = document.createElement('a');
      link.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
      link.download = png.dataset.filename;
      document.body.append(link);
      link.click();
      link.remove();
    });
  }
}
