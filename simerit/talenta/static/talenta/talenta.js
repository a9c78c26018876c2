/*
 * Charts of the talent screens (ECharts, vendored). Data comes from Django's json_script; the
 * labels are translated by Django (data-* attributes) so nothing here needs a locale of its own.
 */
(function () {
  'use strict';
  if (!window.echarts) { return; }
  var NF = new Intl.NumberFormat('id-ID');
  function data(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }
  function init(el) {
    var chart = window.echarts.init(el, null, { renderer: 'svg', locale: 'ID' });
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }
  var font = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' };

  // Talent pool: per target level, eligible vs excluded (horizontal stacked bars).
  var poolEl = document.getElementById('chart-pool');
  var pool = data('data-pool');
  if (poolEl && pool) {
    var c = init(poolEl);
    c.setOption({
      textStyle: font,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return NF.format(v); } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: function (v) { return NF.format(v); } } },
      yAxis: { type: 'category', data: pool.labels, inverse: true },
      series: [
        { name: poolEl.dataset.eligible || 'Memenuhi syarat', type: 'bar', stack: 'n', data: pool.eligible, color: '#146c43',
          label: { show: true, position: 'insideLeft', formatter: function (p) { return p.value ? NF.format(p.value) : ''; }, color: '#fff' } },
        { name: poolEl.dataset.excluded || 'Belum memenuhi syarat', type: 'bar', stack: 'n', data: pool.excluded, color: '#c7d3dd' }
      ]
    });
    c.on('click', function (p) { window.location.search = '?jenjang=' + encodeURIComponent(pool.levels[p.dataIndex]); });
  }

  // Stacked or grouped bars from {labels, series: [{name, color, data, stack?}]}.
  function bars(el, d, opts) {
    var c = init(el);
    var horizontal = opts.horizontal;
    var cat = { type: 'category', data: d.labels, inverse: horizontal,
      axisLabel: horizontal ? { width: 170, overflow: 'truncate' } : { interval: 0, width: 90, overflow: 'break' } };
    var val = { type: 'value', minInterval: 1, axisLabel: { formatter: function (v) { return NF.format(v) + (opts.unit || ''); } } };
    c.setOption({
      textStyle: font,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return NF.format(v) + (opts.unit || ''); } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: horizontal ? val : cat,
      yAxis: horizontal ? cat : val,
      series: d.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: opts.stack ? 'all' : undefined, data: s.data, color: s.color,
          barMaxWidth: 28, emphasis: { focus: 'series' } };
      })
    });
    return c;
  }

  var closestEl = document.getElementById('chart-closest');
  var closest = data('data-closest');
  if (closestEl && closest) {
    var cc = bars(closestEl, closest, { horizontal: false, stack: true });
    cc.on('click', function (p) { window.location.search = '?jenjang=' + encodeURIComponent(closest.levels[p.dataIndex]); });
  }

  var riskEl = document.getElementById('chart-risk');
  var risk = data('data-risk');
  if (riskEl && risk) {
    riskEl.style.height = Math.max(220, 48 + risk.labels.length * 26) + 'px';
    bars(riskEl, risk, { horizontal: true, stack: true });
  }

  var boxEl = document.getElementById('chart-box');
  var box = data('data-box');
  if (boxEl && box) { bars(boxEl, box, { horizontal: false, stack: false }); }

  var opdEl = document.getElementById('chart-opd');
  var opd = data('data-opd-calib');
  if (opdEl && opd) {
    opdEl.style.height = Math.max(260, 60 + opd.labels.length * 30) + 'px';
    var oc = bars(opdEl, opd, { horizontal: true, stack: false, unit: '%' });
    var idx = opd.labels.indexOf(opd.highlight);
    if (idx >= 0) {
      oc.setOption({ yAxis: { axisLabel: { formatter: function (v) { return v === opd.highlight ? '{b|' + v + '}' : v; },
        rich: { b: { fontWeight: 'bold', color: '#0b4a7d' } } } } });
    }
  }
})();
