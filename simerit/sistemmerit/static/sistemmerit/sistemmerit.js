/*
 * Charts of the merit self-assessment (ECharts, vendored). Data from Django's json_script; the
 * labels are translated by Django (data-* attributes).
 */
(function () {
  'use strict';
  if (!window.echarts) { return; }
  var NF = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
  function data(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }
  function init(el) {
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }
  var font = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' };

  // Result: score per aspect against its weight (horizontal bars, weight behind the score).
  var aspEl = document.getElementById('chart-sm-aspek');
  var asp = data('data-sm-aspek');
  if (aspEl && asp) {
    init(aspEl).setOption({
      textStyle: font,
      animationDuration: 400,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return NF.format(v); } },
      legend: { top: 0 },
      grid: { left: 8, right: 40, top: 30, bottom: 4, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: function (v) { return NF.format(v); } } },
      yAxis: { type: 'category', data: asp.labels, inverse: true, axisLabel: { width: 230, overflow: 'truncate' } },
      series: [
        { name: aspEl.dataset.weight || 'Bobot', type: 'bar', data: asp.weight, barGap: '-100%', barWidth: 16,
          itemStyle: { color: '#e3e9ef' }, z: 1 },
        { name: aspEl.dataset.score || 'Nilai', type: 'bar', data: asp.score, barWidth: 16, itemStyle: { color: '#0b4a7d' }, z: 2,
          label: { show: true, position: 'right', formatter: function (p) { return NF.format(p.value) + ' / ' + NF.format(asp.weight[p.dataIndex]); }, fontSize: 11, color: '#495057' } }
      ]
    });
  }

  // List: total per year with the category boundaries.
  var trEl = document.getElementById('chart-sm-trend');
  var tr = data('data-sm-trend');
  if (trEl && tr) {
    init(trEl).setOption({
      textStyle: font,
      animationDuration: 400,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return NF.format(v); } },
      grid: { left: 8, right: 60, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: tr.years.map(String), boundaryGap: tr.years.length < 2 },
      yAxis: { type: 'value', min: 100, max: 400, interval: 75, axisLabel: { formatter: function (v) { return NF.format(v); } } },
      series: [{ type: 'line', data: tr.totals, symbolSize: 8, itemStyle: { color: '#0b4a7d' },
        label: { show: true, position: 'top', formatter: function (p) { return NF.format(p.value); } },
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#adb5bd' },
          label: { position: 'end', formatter: '{b}' },
          data: [{ yAxis: 175, name: 'II' }, { yAxis: 250, name: 'III' }, { yAxis: 325, name: 'IV' }] } }]
    });
  }
})();
