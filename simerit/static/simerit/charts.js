/*
 * SIMERIT chart helpers on top of Apache ECharts (vendored).
 * ECharts has no Indonesian locale: register a small "ID" one and format every number with
 * Intl.NumberFormat('id-ID') (thousands separator ".", decimal ",").
 * Each chart is a <div class="chart" data-chart="KIND" data-source="JSON_SCRIPT_ID"> element;
 * the data comes from Django's json_script.
 */
(function () {
  'use strict';
  if (!window.echarts) { return; }

  var echarts = window.echarts;
  var NF = new Intl.NumberFormat('id-ID');
  var PF = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });
  var fmt = function (v) { return NF.format(v); };
  var abs = function (v) { return NF.format(Math.abs(v)); };

  echarts.registerLocale('ID', {
    time: {
      month: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September',
        'Oktober', 'November', 'Desember'],
      monthAbbr: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
      dayOfWeek: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
      dayOfWeekAbbr: ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab']
    },
    legend: { selector: { all: 'Semua', inverse: 'Balik' } },
    toolbox: {
      dataView: { title: 'Lihat data', lang: ['Lihat data', 'Tutup', 'Muat ulang'] },
      restore: { title: 'Kembalikan' },
      saveAsImage: { title: 'Simpan sebagai gambar', lang: ['Klik kanan untuk menyimpan gambar'] }
    },
    aria: {
      general: { withTitle: 'Grafik tentang "{title}"', withoutTitle: 'Grafik' }
    }
  });

  // One palette for the whole app, readable on white.
  var PALETTE = ['#0b4a7d', '#2f8fce', '#45b29d', '#f2b134', '#e0584f', '#8e6bbf', '#7a8b99', '#c9739b'];
  var MALE = '#2f7fc1';
  var FEMALE = '#d9538a';

  var base = {
    color: PALETTE,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
    animationDuration: 400
  };

  var tooltipBox = { confine: true, textStyle: { fontSize: 12 } };

  // UI strings come from the page (translated by Django, see base.html).
  var T = Object.assign({ pegawai: 'pegawai', tahun: 'tahun', lakiLaki: 'Laki-laki', perempuan: 'Perempuan',
    kosong: 'Belum ada data', hasilAsesmen: 'Hasil asesmen', standarJabatan: 'Standar jabatan',
    pnsDiukur: 'PNS diukur' }, window.SIMERIT_I18N || {});

  // Break a long label into lines of about n characters at spaces.
  function wrap(s, n) {
    var out = [], line = '';
    s.split(' ').forEach(function (w) {
      if (line && (line + ' ' + w).length > n) { out.push(line); line = w; } else { line = line ? line + ' ' + w : w; }
    });
    if (line) { out.push(line); }
    return out.join('\n');
  }

  // A "nice" whole tick step (1, 2, 5, 10, 20, 50, ...) at least `raw`.
  function niceStep(raw) {
    if (raw <= 1) { return 1; }
    var mag = Math.pow(10, Math.floor(Math.log10(raw)));
    var m = [1, 2, 5, 10].find(function (x) { return x * mag >= raw; });
    return m * mag;
  }

  function truncate(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }

  var builders = {
    // Horizontal bar sorted by value, largest on top. data: {labels: [], full: [], values: []}
    hbar: function (d, el) {
      var rows = d.labels.length;
      el.style.height = Math.max(160, rows * 24 + 50) + 'px';
      return {
        tooltip: Object.assign({ trigger: 'axis', axisPointer: { type: 'shadow' },
          formatter: function (p) { return (d.full ? d.full[p[0].dataIndex] : p[0].name) + '<br><b>' + fmt(p[0].value) + '</b> ' + T.pegawai; } }, tooltipBox),
        grid: { left: 8, right: 48, top: 8, bottom: 8 },
        xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: fmt }, splitLine: { lineStyle: { color: '#eef1f4' } } },
        yAxis: { type: 'category', inverse: true, data: d.labels,
          axisTick: { show: false }, axisLabel: { formatter: function (s) { return truncate(s, el.clientWidth > 900 ? 56 : (el.clientWidth > 560 ? 32 : 18)); } } },
        series: [{ type: 'bar', data: d.values, barMaxWidth: 18, itemStyle: { color: PALETTE[0], borderRadius: [0, 3, 3, 0] },
          label: { show: true, position: 'right', formatter: function (p) { return fmt(p.value); }, color: '#495057', fontSize: 11 } }]
      };
    },

    // Vertical bar. data: {labels: [], values: [], colors?: []}
    bar: function (d, el) {
      var rotate = el.clientWidth / d.labels.length < 46 ? 40 : 0;
      return {
        tooltip: Object.assign({ trigger: 'axis', axisPointer: { type: 'shadow' },
          formatter: function (p) { return p[0].name + '<br><b>' + fmt(p[0].value) + '</b> ' + T.pegawai; } }, tooltipBox),
        grid: { left: 8, right: 8, top: 24, bottom: 8 },
        xAxis: { type: 'category', data: d.labels, axisTick: { alignWithLabel: true },
          axisLabel: { interval: 0, hideOverlap: false, rotate: rotate, fontSize: 11 } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: fmt }, splitLine: { lineStyle: { color: '#eef1f4' } } },
        series: [{ type: 'bar', barMaxWidth: 36,
          data: d.values.map(function (v, i) { return d.colors ? { value: v, itemStyle: { color: d.colors[i] } } : v; }),
          itemStyle: { color: PALETTE[1], borderRadius: [3, 3, 0, 0] },
          label: { show: true, position: 'top', fontSize: 10, color: '#495057',
            formatter: function (p) { return p.value ? fmt(p.value) : ''; } } }]
      };
    },

    // Donut. data: {labels: [], values: [], colors?: []}
    donut: function (d) {
      var total = d.values.reduce(function (a, b) { return a + b; }, 0);
      return {
        tooltip: Object.assign({ trigger: 'item', formatter: function (p) {
          return p.name + '<br><b>' + fmt(p.value) + '</b> (' + PF.format(total ? p.value / total : 0) + ')'; } }, tooltipBox),
        // Plain legend: wraps onto a second line in a narrow card instead of hiding items behind arrows.
        legend: { bottom: 0, left: 'center', width: '94%', icon: 'circle', itemWidth: 10, itemHeight: 10, itemGap: 8,
          textStyle: { fontSize: 11 } },
        series: [{
          type: 'pie', radius: ['28%', '72%'], center: ['50%', '42%'], avoidLabelOverlap: true,
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: { position: 'inside', color: '#fff', fontSize: 11, fontWeight: 600,
            formatter: function (p) { return total && p.value / total >= 0.04 ? PF.format(p.value / total) : ''; } },
          labelLine: { show: false },
          data: d.labels.map(function (n, i) {
            var item = { name: n, value: d.values[i] };
            if (d.colors && d.colors[i]) { item.itemStyle = { color: d.colors[i] }; }
            return item;
          })
        }]
      };
    },

    // Population pyramid: men to the left (negative), women to the right.
    // data: {bands: [], male: [], female: []} with positive counts.
    pyramid: function (d) {
      var male = d.male.map(function (v) { return -v; });
      // Symmetric axis with headroom, so the value labels beside the bars never reach the band labels.
      var peak = Math.max.apply(null, d.male.concat(d.female).concat([1]));
      var lim = 4 * niceStep(peak * 1.15 / 4);
      return {
        tooltip: Object.assign({ trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (p) {
          var s = '<b>' + p[0].name + ' ' + T.tahun + '</b>';
          p.forEach(function (x) { s += '<br>' + x.marker + x.seriesName + ': <b>' + abs(x.value) + '</b>'; });
          return s; } }, tooltipBox),
        legend: { top: 0, data: [T.lakiLaki, T.perempuan], icon: 'circle', itemWidth: 10, itemHeight: 10 },
        grid: { left: 8, right: 8, top: 32, bottom: 8 },
        xAxis: { type: 'value', min: -lim, max: lim, interval: lim / 4, axisLabel: { formatter: abs }, splitLine: { lineStyle: { color: '#eef1f4' } } },
        yAxis: { type: 'category', data: d.bands, axisTick: { show: false } },
        series: [
          { name: T.lakiLaki, type: 'bar', stack: 'usia', data: male, barCategoryGap: '18%', itemStyle: { color: MALE },
            label: { show: true, position: 'left', fontSize: 10, color: '#495057', formatter: function (p) { return p.value ? abs(p.value) : ''; } } },
          { name: T.perempuan, type: 'bar', stack: 'usia', data: d.female, itemStyle: { color: FEMALE },
            label: { show: true, position: 'right', fontSize: 10, color: '#495057', formatter: function (p) { return p.value ? abs(p.value) : ''; } } }
        ]
      };
    },

    // Mean IP ASN per unit, one colour per category, with the count of measured PNS.
    // data: {labels: [], values: [], counts: [], kategori: [], colors: []}
    ipasn: function (d, el) {
      var rows = d.labels.length;
      el.style.height = Math.max(160, rows * 26 + 50) + 'px';
      var DF = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return {
        tooltip: Object.assign({ trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (p) {
          var i = p[0].dataIndex;
          return d.labels[i] + '<br><b>' + DF.format(d.values[i]) + '</b> · ' + d.kategori[i] +
            '<br>' + fmt(d.counts[i]) + ' ' + T.pnsDiukur; } }, tooltipBox),
        grid: { left: 8, right: 150, top: 8, bottom: 8 },
        xAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { formatter: fmt }, splitLine: { lineStyle: { color: '#eef1f4' } } },
        yAxis: { type: 'category', inverse: true, data: d.labels, axisTick: { show: false },
          axisLabel: { formatter: function (s) { return truncate(s, el.clientWidth > 900 ? 56 : (el.clientWidth > 560 ? 32 : 18)); } } },
        series: [{ type: 'bar', barMaxWidth: 18,
          data: d.values.map(function (v, i) { return { value: v, itemStyle: { color: d.colors[i], borderRadius: [0, 3, 3, 0] } }; }),
          label: { show: true, position: 'right', color: '#495057', fontSize: 11, formatter: function (p) {
            return DF.format(p.value) + ' · ' + d.kategori[p.dataIndex] + ' (' + fmt(d.counts[p.dataIndex]) + ')'; } } }]
      };
    },

    // Radar of one assessment against the position standard (levels 1-5).
    // data: {indikator: [], level: [], standar: [], ada_standar: bool}
    radar: function (d) {
      var series = [{ value: d.level.map(function (v) { return v === null ? 0 : v; }), name: T.hasilAsesmen,
        areaStyle: { opacity: 0.2 }, itemStyle: { color: PALETTE[1] }, lineStyle: { width: 2 } }];
      if (d.ada_standar) {
        series.push({ value: d.standar.map(function (v) { return v === null ? 0 : v; }), name: T.standarJabatan,
          itemStyle: { color: '#e0584f' }, lineStyle: { type: 'dashed', width: 2 }, symbol: 'none' });
      }
      return {
        tooltip: Object.assign({ trigger: 'item' }, tooltipBox),
        legend: { bottom: 0, icon: 'circle', itemWidth: 10, itemHeight: 10 },
        radar: { indicator: d.indikator.map(function (n) { return { name: wrap(n, 14), max: 5, min: 0 }; }),
          radius: '58%', center: ['50%', '47%'], splitNumber: 5, axisName: { color: '#495057', fontSize: 11, lineHeight: 14 } },
        series: [{ type: 'radar', data: series }]
      };
    }
  };

  function isEmpty(d) {
    var values = d.values || (d.male ? d.male.concat(d.female) : d.level) || [];
    return !values.some(function (v) { return v; });
  }

  function render(el) {
    var kind = el.getAttribute('data-chart');
    var source = document.getElementById(el.getAttribute('data-source'));
    if (!source || !builders[kind]) { return null; }
    var d = JSON.parse(source.textContent);
    if (isEmpty(d)) {
      el.classList.add('chart-empty');
      el.textContent = el.getAttribute('data-empty') || T.kosong;
      return null;
    }
    var option = Object.assign({}, base, builders[kind](d, el));
    var chart = echarts.init(el, null, { locale: 'ID', renderer: 'canvas' });
    chart.setOption(option);
    return chart;
  }

  function renderAll(root) {
    var charts = [];
    (root || document).querySelectorAll('[data-chart]').forEach(function (el) {
      var c = render(el);
      if (c) { charts.push(c); }
    });
    if (window.ResizeObserver) {
      var ro = new ResizeObserver(function (entries) {
        entries.forEach(function (e) { var c = echarts.getInstanceByDom(e.target); if (c) { c.resize(); } });
      });
      charts.forEach(function (c) { ro.observe(c.getDom()); });
    } else {
      window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    }
    return charts;
  }

  window.SimeritCharts = { renderAll: renderAll, format: fmt };
  document.addEventListener('DOMContentLoaded', function () { renderAll(document); });
  // Charts inside Bootstrap tabs are laid out with a zero size while hidden: resize on show.
  document.addEventListener('shown.bs.tab', function () {
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var c = echarts.getInstanceByDom(el); if (c) { c.resize(); }
    });
  });
})();
