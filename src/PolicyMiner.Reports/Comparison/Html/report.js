// PolicyMiner comparison report: draws the charts from the page's JSON with Apache ECharts (SVG, so text is text in
// the reader's fonts) and applies the reader's filters to charts, tables and quote lists. No network access.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('pm-data').textContent);
  // [place, planYear, dueYear, kind, commitment, scope, label, document, comparator]; quotes are read from the page's
  // quote lists (li#q<i> .q), so each quote is in the file once.
  var T = data.targets;
  var PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#393b79'];
  var OTHER = '#9a9a9a';
  var COLOURED = PALETTE.length;
  var LAZY_ABOVE = 150;
  var COMMITMENT = ['', '确保', '力争'];
  var KIND = ['水平值', '增长率', '比重', '数量', '总量', '新增量', '达标要求'];
  var filter = { places: null, from: null, to: null, kind: null, commitment: null, scope: null };
  var charts = {};

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
  }

  function shown(i) {
    var t = T[i];
    if (filter.places && !filter.places[t[0]]) return false;
    if (filter.from !== null && (t[2] === null || t[2] < filter.from)) return false;
    if (filter.to !== null && (t[2] === null || t[2] > filter.to)) return false;
    if (filter.kind !== null && t[3] !== filter.kind) return false;
    if (filter.commitment !== null && t[4] !== filter.commitment) return false;
    if (filter.scope !== null && t[5] !== filter.scope) return false;
    return true;
  }

  // ▲ at least, ▼ at most, ◆ about, ● equal; a range is drawn as a bar by the custom series.
  function symbolOf(comparator) {
    switch (comparator) {
      case '>=': case '>': return ['triangle', 0];
      case '<=': case '<': return ['triangle', 180];
      case '~': return ['diamond', 0];
      default: return ['circle', 0];
    }
  }

  // Solid: 确保 (firm); hollow: 力争 (aspirational); pale fill: no stated commitment. Labels keep full contrast.
  function styleOf(commitment, colour) {
    if (commitment === 1) return { color: colour, borderColor: colour, borderWidth: 1 };
    if (commitment === 2) return { color: '#ffffff', borderColor: colour, borderWidth: 2 };
    return { color: pale(colour), borderColor: colour, borderWidth: 1 };
  }

  function pale(hex) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',0.35)';
  }

  function quoteOf(i) {
    var e = document.querySelector('#q' + i + ' .q');
    return e ? e.textContent : '';
  }

  function tooltip(i) {
    var t = T[i];
    var head = esc(data.places[t[0]]) + (t[1] !== null ? ' · ' + t[1] + '年规划' : '');
    var what = esc(t[6]) + (COMMITMENT[t[4]] ? ' ' + COMMITMENT[t[4]] : '') + ' · ' + KIND[t[3]] + ' · ' + (t[2] !== null ? t[2] + '年' : '年份未定');
    return '<div style="max-width:420px;white-space:normal"><b>' + head + '</b><br>' + what +
      '<br><span style="color:#444">“' + esc(quoteOf(i)) + '”</span><br><span style="color:#777">— ' + esc(data.documents[t[7]]) + '</span></div>';
  }

  function option(chart) {
    var marks = chart.marks.filter(function (m) { return shown(m[0]); });
    // Regions with most marks get their own colour and legend entry; the rest share a grey "其他地区" series.
    var counts = {};
    marks.forEach(function (m) { var p = T[m[0]][0]; counts[p] = (counts[p] || 0) + 1; });
    var order = Object.keys(counts).map(Number).sort(function (a, b) { return counts[b] - counts[a] || a - b; });
    var colourOf = {};
    order.forEach(function (p, k) { colourOf[p] = k < COLOURED ? PALETTE[k] : OTHER; });
    // Marks of one due year are spread side by side so that every stated value stays visible.
    var byYear = {};
    marks.forEach(function (m) { (byYear[m[1]] = byYear[m[1]] || []).push(m); });
    var x = new Map();
    Object.keys(byYear).forEach(function (year) {
      var list = byYear[year];
      var step = Math.min(0.15, 0.7 / list.length);
      list.forEach(function (m, k) { x.set(m, Number(year) + (k - (list.length - 1) / 2) * step); });
    });
    var labels = marks.length <= 40;
    var series = [];
    var names = [];
    order.forEach(function (p) {
      var name = colourOf[p] === OTHER ? '其他地区' : data.places[p];
      var own = marks.filter(function (m) { return T[m[0]][0] === p; });
      var points = own.filter(function (m) { return m[3] === null; }).map(function (m) {
        var t = T[m[0]];
        var symbol = symbolOf(t[8]);
        return { value: [x.get(m), m[2]], i: m[0], symbol: symbol[0], symbolRotate: symbol[1], itemStyle: styleOf(t[4], colourOf[p]) };
      });
      var ranges = own.filter(function (m) { return m[3] !== null; }).map(function (m) {
        return { value: [x.get(m), m[2], m[3]], i: m[0], commitment: T[m[0]][4] };
      });
      if (names.indexOf(name) < 0) names.push(name);
      var label = { show: labels, position: 'right', fontSize: 11, color: '#333', formatter: function (q) { return T[q.data.i][6]; } };
      if (points.length) series.push({ type: 'scatter', name: name, color: colourOf[p], symbolSize: 11, data: points, label: label, labelLayout: { moveOverlap: 'shiftY' } });
      if (ranges.length) {
        series.push({
          type: 'custom', name: name, color: colourOf[p], data: ranges, encode: { x: 0, y: [1, 2] }, label: label,
          renderItem: function (params, api) {
            var low = api.coord([api.value(0), api.value(1)]);
            var high = api.coord([api.value(0), api.value(2)]);
            var item = ranges[params.dataIndexInside];
            var style = styleOf(item.commitment, colourOf[p]);
            return {
              type: 'rect', shape: { x: low[0] - 5, y: high[1], width: 10, height: Math.max(2, low[1] - high[1]) },
              style: { fill: style.color, stroke: style.borderColor, lineWidth: style.borderWidth },
            };
          },
        });
      }
    });
    var years = marks.map(function (m) { return m[1]; });
    var low = Math.min.apply(null, years);
    var high = Math.max.apply(null, years);
    var interval = Math.max(1, Math.ceil((high - low + 2) / 12));
    return {
      animation: false,
      title: { text: chart.title + '（' + marks.length + ' 条）', left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 'normal' } },
      legend: { type: 'scroll', data: names, top: 24, left: 0, right: 0 },
      grid: { left: 8, right: 72, top: 80, bottom: 28, containLabel: true },
      tooltip: { trigger: 'item', confine: true, enterable: false, formatter: function (q) { return tooltip(q.data.i); } },
      xAxis: {
        type: 'value', name: '目标年份', nameLocation: 'end', min: low - 1, max: high + 1, interval: interval,
        minInterval: 1, splitLine: { show: false },
        axisLabel: { formatter: function (v) { return Number.isInteger(v) ? String(v) : ''; } },
      },
      yAxis: { type: 'value', name: chart.unit, nameLocation: 'end', nameTextStyle: { align: 'left' } },
      series: series,
    };
  }

  function draw(element) {
    var n = Number(element.getAttribute('data-chart'));
    var chart = data.charts[n];
    var any = chart.marks.some(function (m) { return shown(m[0]); });
    element.classList.toggle('hidden', !any);
    if (!any) return;
    var instance = charts[n] || (charts[n] = echarts.init(element, null, { renderer: 'svg' }));
    instance.setOption(option(chart), true);
  }

  var elements = Array.prototype.slice.call(document.querySelectorAll('[data-chart]'));
  var visible = new Set();
  function drawAll() { elements.forEach(function (e) { if (!visible.has(e)) { visible.add(e); draw(e); } }); }
  // A large report holds hundreds of charts: draw each one when it first comes near the screen (all of them before
  // printing). A smaller one draws everything at once, so a screenshot or a quick scroll never meets an empty chart.
  var observer = elements.length > LAZY_ABOVE && 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting && !visible.has(e.target)) { visible.add(e.target); draw(e.target); }
    });
  }, { rootMargin: '400px' }) : null;
  if (observer) elements.forEach(function (e) { observer.observe(e); }); else drawAll();
  window.addEventListener('beforeprint', function () { drawAll(); Object.keys(charts).forEach(function (n) { charts[n].resize(); }); });
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (n) { charts[n].resize(); }); });

  function apply() {
    visible.forEach(draw);
    var count = 0;
    document.querySelectorAll('a.t[data-i], details.quotes li[data-i]').forEach(function (e) {
      var ok = shown(Number(e.getAttribute('data-i')));
      e.classList.toggle('hidden', !ok);
      if (ok && e.tagName === 'A') count++;
    });
    document.querySelectorAll('section tbody tr').forEach(function (r) {
      r.classList.toggle('hidden', !r.querySelector('a.t:not(.hidden)'));
    });
    document.querySelectorAll('section').forEach(function (s) {
      s.classList.toggle('hidden', !s.querySelector('a.t:not(.hidden)'));
    });
    document.getElementById('f-count').textContent = '显示 ' + count + ' / ' + T.length + ' 条目标';
  }

  function number(id) {
    var v = document.getElementById(id).value;
    return v === '' ? null : Number(v);
  }

  var form = document.getElementById('filters');
  var all = document.getElementById('f-places-all');
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name=place]'));
  form.addEventListener('change', function (e) {
    if (e.target === all) boxes.forEach(function (b) { b.checked = all.checked; });
    var checked = boxes.filter(function (b) { return b.checked; });
    all.checked = checked.length === boxes.length;
    filter.places = null;
    if (checked.length < boxes.length) {
      filter.places = {};
      checked.forEach(function (b) { filter.places[Number(b.value)] = true; });
    }
    document.getElementById('f-places-label').textContent = '地区：' + (filter.places ? checked.length + ' 个' : '全部');
    filter.from = number('f-from');
    filter.to = number('f-to');
    filter.kind = number('f-kind');
    filter.commitment = number('f-commitment');
    filter.scope = number('f-scope');
    apply();
  });

  // A click on a value jumps to its quote: open the list it is in.
  function openTarget() {
    var id = location.hash.slice(1);
    var e = id && document.getElementById(id);
    if (!e) return;
    for (var p = e.parentElement; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    e.scrollIntoView({ block: 'center' });
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  apply();
})();
