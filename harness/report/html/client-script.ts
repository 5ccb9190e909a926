// The page's own script (plain ES2017, no libraries): filters and search, the frame panel of the
// sequence charts, and drawing the pictures with uPlot when the page carries it.
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var cases = Array.prototype.slice.call(document.querySelectorAll('details.case'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('section.group'));
  var form = document.getElementById('filters');
  var countEl = document.getElementById('shown-count');

  function checkedVerdicts() {
    var on = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name=verdict]'), function (i) { if (i.checked) on[i.value] = true; });
    return on;
  }
  function applyFilters() {
    if (!form) return; // a page without filters (the chart page of rejudge)
    var verdicts = checkedVerdicts();
    var profile = form.elements.profile.value;
    var side = form.elements.side.value;
    var q = form.elements.search.value.trim().toLowerCase();
    var shown = 0;
    cases.forEach(function (c) {
      var ok = verdicts[c.dataset.verdict] &&
        (!profile || c.dataset.profile === profile) &&
        (!side || c.dataset.side === side) &&
        (!q || c.dataset.id.toLowerCase().indexOf(q) >= 0);
      c.hidden = !ok;
      if (ok) shown++;
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector('details.case:not([hidden])'); });
    countEl.textContent = shown + ' of ' + cases.length + ' cases shown';
  }
  if (form) {
    form.addEventListener('input', applyFilters);
    form.addEventListener('change', applyFilters);
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    document.getElementById('filter-reset').addEventListener('click', function () {
      form.reset();
      applyFilters();
    });
    // A click on a summary chip shows only that verdict.
    Array.prototype.forEach.call(document.querySelectorAll('#summary .chip'), function (chip) {
      chip.addEventListener('click', function () {
        Array.prototype.forEach.call(form.querySelectorAll('input[name=verdict]'), function (i) { i.checked = i.value === chip.dataset.verdict; });
        applyFilters();
      });
    });
  }

  // Sequence charts: a click on an arrow shows that frame's JSON in the case's panel.
  function framesOf(body) {
    if (!body._frames) {
      var el = body.querySelector('script.frames-data');
      body._frames = el ? JSON.parse(el.textContent) : {};
    }
    return body._frames;
  }
  function showFrame(msg) {
    var body = msg.closest('.case-body');
    var panel = body.querySelector('.frame-panel');
    var text = framesOf(body)[msg.dataset.seq];
    if (text === undefined) return;
    Array.prototype.forEach.call(body.querySelectorAll('g.msg.selected'), function (g) { g.classList.remove('selected'); });
    msg.classList.add('selected');
    var title = msg.querySelector('title');
    panel.querySelector('.fp-title').textContent = title ? title.textContent.split('\n').slice(0, 2).join('  ') : '#' + msg.dataset.seq;
    panel.querySelector('.frame-json').textContent = text;
    panel.hidden = false;
  }
  document.addEventListener('click', function (e) {
    var msg = e.target.closest && e.target.closest('g.msg');
    if (msg) { showFrame(msg); return; }
    var link = e.target.closest && e.target.closest('a.evidence-link');
    if (link) {
      e.preventDefault();
      var g = link.closest('.case-body').querySelector('g.msg[data-seq="' + link.dataset.seq + '"]');
      if (g) { showFrame(g); g.scrollIntoView({ block: 'center' }); }
      return;
    }
    var close = e.target.closest && e.target.closest('.fp-close');
    if (close) close.closest('.frame-panel').hidden = true;
  });
  document.addEventListener('keydown', function (e) {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.matches && e.target.matches('g.msg')) { e.preventDefault(); showFrame(e.target); }
  });

  // Pictures: drawn when their case is first opened (uPlot needs a laid-out element).
  function draw(fig) {
    if (fig._drawn || typeof uPlot === 'undefined') return;
    var p = JSON.parse(fig.querySelector('script.picture-data').textContent);
    var el = fig.querySelector('.plot');
    var width = Math.max(360, Math.min(900, el.clientWidth || 900));
    var opts, data;
    if (p.kind === 'composite') {
      var step = uPlot.paths.stepped({ align: 1 });
      opts = { width: width, height: 220, scales: { x: { time: false } },
        axes: [{ label: 'seconds from scheduleStart' }, { label: 'limit (' + p.unit + ')' }],
        series: [{ label: 's' },
          { label: 'expected (installed profiles)', stroke: '#1a7f37', width: 2, paths: step, points: { show: false } },
          { label: 'reported by the charger', stroke: '#c62828', width: 2, dash: [6, 4], paths: step, points: { show: false } }] };
      data = [p.x, p.expected, p.reported];
    } else {
      var n = p.x.length;
      var fill = function (v) { var a = []; for (var i = 0; i < n; i++) a.push(v); return a; };
      opts = { width: width, height: 200, scales: { x: { time: false } },
        axes: [{ label: 'seconds since the case started' }, { label: 'interval (s)' }],
        series: [{ label: 't' },
          { label: 'configured', stroke: '#1a7f37', width: 1.5 },
          { label: '− tolerance', stroke: '#aaa', dash: [4, 4], width: 1 },
          { label: '+ tolerance', stroke: '#aaa', dash: [4, 4], width: 1 },
          { label: 'observed', stroke: '#c62828', width: 1, points: { show: true, size: 9, width: 2, stroke: '#c62828', fill: '#fff' } }] };
      data = [p.x, fill(p.configured), fill(Math.max(0, p.configured - p.toleranceS)), fill(p.configured + p.toleranceS), p.observed];
    }
    new uPlot(opts, data, el);
    fig._drawn = true;
  }
  function drawIn(details) { Array.prototype.forEach.call(details.querySelectorAll('figure.picture'), draw); }
  cases.forEach(function (c) {
    if (c.open) drawIn(c);
    c.addEventListener('toggle', function () { if (c.open) drawIn(c); });
  });
  applyFilters();
})();
`;
