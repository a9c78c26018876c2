/*
 * Charts of the selection screens (Apache ECharts, vendored). Each chart is a
 * <div class="chart" data-chart="KIND" data-source="JSON_SCRIPT_ID">; the data comes from
 * Django's json_script. Numbers are formatted for Indonesian (id-ID).
 */
(function () {
  'use strict';
  if (!window.echarts) { return; }
  var NF = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
  var PF = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 2 });
  var PRIMARY = '#0b4a7d', LIGHT = '#2f8fce', GREEN = '#45b29d', AMBER = '#f2b134', RED = '#e0584f', GREY = '#7a8b99';
  var T = window.SIMERIT_I18N || {};
  var base = { textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' }, animationDuration: 300 };

  var builders = {
    // Top candidates by merit score. data: [[name, score], ...] in rank order.
    'merit-bar': function (d, el) {
      el.style.height = Math.max(180, d.length * 24 + 40) + 'px';
      var names = d.map(function (r, i) { return (i + 1) + '. ' + r[0]; }).reverse();
      var values = d.map(function (r) { return r[1]; }).reverse();
      return Object.assign({}, base, {
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return NF.format(v); } },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: function (v) { return NF.format(v); } } },
        yAxis: { type: 'category', data: names, axisLabel: { width: 180, overflow: 'truncate' } },
        series: [{ type: 'bar', data: values, itemStyle: { color: PRIMARY }, barMaxWidth: 18,
          label: { show: true, position: 'right', formatter: function (p) { return NF.format(p.value); } } }]
      });
    },
    // Optimal vs greedy. data: {labels: [..], optimal: [..], greedy: [..]}
    'round-compare': function (d, el) {
      el.style.height = '240px';
      return Object.assign({}, base, {
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return NF.format(v); } },
        xAxis: { type: 'category', data: d.labels },
        yAxis: { type: 'value', axisLabel: { formatter: function (v) { return NF.format(v); } } },
        series: [
          { name: d.names[0], type: 'bar', data: d.optimal, itemStyle: { color: PRIMARY }, barMaxWidth: 48,
            label: { show: true, position: 'top', formatter: function (p) { return NF.format(p.value); } } },
          { name: d.names[1], type: 'bar', data: d.greedy, itemStyle: { color: GREY }, barMaxWidth: 48,
            label: { show: true, position: 'top', formatter: function (p) { return NF.format(p.value); } } }
        ]
      });
    },
    // Selection rate per group with the four-fifths line. data: {labels, rates, flags, threshold};
    // flags: 0 = fine, 1 = below 4/5 but not significant (amber), 2 = below 4/5 and significant (red).
    'fairness': function (d, el) {
      el.style.height = Math.max(160, d.labels.length * 30 + 50) + 'px';
      return Object.assign({}, base, {
        grid: { left: 8, right: 56, top: 16, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return PF.format(v); } },
        xAxis: { type: 'value', axisLabel: { formatter: function (v) { return PF.format(v); } } },
        yAxis: { type: 'category', data: d.labels.slice().reverse(), axisLabel: { width: 160, overflow: 'truncate' } },
        series: [{
          type: 'bar', barMaxWidth: 18,
          data: d.rates.map(function (v, i) { return { value: v, itemStyle: { color: [GREEN, AMBER, RED][d.flags[i]] } }; }).reverse(),
          label: { show: true, position: 'right', formatter: function (p) { return PF.format(p.value); } },
          markLine: d.threshold === null ? undefined : { symbol: 'none', precision: 8, lineStyle: { color: AMBER, type: 'dashed' },
            label: { formatter: T.empatPerLima || '4/5 tertinggi' }, data: [{ xAxis: d.threshold }] }
        }]
      });
    }
  };

  function render(el) {
    var kind = el.getAttribute('data-chart');
    var source = document.getElementById(el.getAttribute('data-source'));
    if (!builders[kind] || !source) { return; }
    var data = JSON.parse(source.textContent);
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(builders[kind](data, el));
    chart.resize();
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.querySelectorAll('.chart[data-chart]').forEach(render);
})();
