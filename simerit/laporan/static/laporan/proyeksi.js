/*
 * The workforce projection chart (Apache ECharts, vendored): retirements per period stacked by
 * kind of position (bars, left axis), the headcount left at the end of each period (line, right
 * axis) and the ABK need (dashed line, right axis). data: {labels, series: [{name, values}],
 * remaining, need}. Numbers formatted for Indonesian (id-ID).
 */
(function () {
  'use strict';
  if (!window.echarts) { return; }
  var NF = new Intl.NumberFormat('id-ID');
  var fmt = function (v) { return v === null || v === undefined ? '—' : NF.format(v); };
  var COLORS = ['#0b4a7d', '#2f8fce', '#45b29d', '#7a8b99'];
  var T = window.SIMERIT_I18N || {};

  function option(d) {
    var bars = d.series.map(function (s, i) {
      return { name: s.name, type: 'bar', stack: 'pensiun', yAxisIndex: 0, barMaxWidth: 38, data: s.values,
        itemStyle: { color: COLORS[i % COLORS.length] }, emphasis: { focus: 'series' } };
    });
    var remaining = { name: T.tersisa || 'Pegawai tersisa', type: 'line', yAxisIndex: 1, data: d.remaining,
      symbolSize: 6, lineStyle: { width: 2.5, color: '#e0584f' }, itemStyle: { color: '#e0584f' },
      endLabel: { show: true, formatter: function (p) { return fmt(p.value); }, color: '#e0584f', fontWeight: 600 } };
    if (d.need) {
      remaining.markLine = { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#45b29d', width: 2 },
        label: { position: 'insideEndTop', formatter: (T.kebutuhanAbk || 'Kebutuhan ABK') + ': ' + fmt(d.need), color: '#2e7d6b' },
        data: [{ yAxis: d.need }] };
    }
    // The right axis reaches above both the headcount and the ABK need, to a round number.
    var high = Math.max.apply(null, d.remaining.concat([d.need || 0, 1])) * 1.05;
    var step = Math.pow(10, Math.floor(Math.log10(high))) / 2;
    return {
      textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' },
      animationDuration: 300,
      legend: { top: 0 },
      grid: { left: 8, right: 56, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt, confine: true },
      xAxis: { type: 'category', data: d.labels },
      yAxis: [
        { type: 'value', name: T.pensiunPerTahun || 'Pensiun', minInterval: 1, axisLabel: { formatter: fmt } },
        { type: 'value', name: T.jumlahPegawai || 'Pegawai', min: 0, max: Math.ceil(high / step) * step,
          splitLine: { show: false },
          axisLabel: { formatter: fmt } }
      ],
      series: bars.concat([remaining])
    };
  }

  document.querySelectorAll('.chart[data-chart="proyeksi"]').forEach(function (el) {
    var source = document.getElementById(el.getAttribute('data-source'));
    if (!source) { return; }
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option(JSON.parse(source.textContent)));
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
