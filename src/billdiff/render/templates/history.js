/* billdiff history: the "changed articles only" filter, opening timelines, row clicks,
   permalinks, j/k to the next/previous changed article. The page is complete without this script. Work per article is one pass over
   plain arrays (no layout reads), so that a code of hundreds of articles is interactive at once. */
(function () {
  "use strict";
  var doc = document;
  var body = doc.body;
  var controls = doc.getElementById("controls");
  var filter = doc.getElementById("filter");
  var shown = doc.getElementById("shown");
  var rows = Array.prototype.slice.call(doc.querySelectorAll("table.matrix tbody tr"));
  var lineages = Array.prototype.slice.call(doc.querySelectorAll("article.lineage"));
  var changed = rows.map(function (el) { return el.getAttribute("data-changed") === "1"; });
  var edited = rows.map(function (el) { return el.getAttribute("data-edited") === "1"; });
  var current = null;

  doc.documentElement.classList.add("js");
  controls.hidden = false;

  function apply() {
    var mode = filter.value;
    var n = 0;
    for (var i = 0; i < rows.length; i++) {
      var ok = mode === "all" || (mode === "changed" ? changed[i] : edited[i]);
      if (rows[i].hidden === ok) { rows[i].hidden = !ok; }
      if (lineages[i] && lineages[i].hidden === ok) { lineages[i].hidden = !ok; }
      if (ok) { n += 1; }
    }
    var opt = filter.options[filter.selectedIndex];
    shown.textContent = n + " of " + rows.length + " articles shown" +
      (mode === "all" ? "" : " (" + opt.text.replace(/\s*\(\d+\)$/, "") + ")");
    body.setAttribute("data-filter", mode);
  }

  function mark(lineage) {
    if (current) {
      current.classList.remove("current");
      var old = rows[lineages.indexOf(current)];
      if (old) { old.classList.remove("current"); }
    }
    current = lineage;
    if (!lineage) { return; }
    lineage.classList.add("current");
    var row = rows[lineages.indexOf(lineage)];
    if (row) { row.classList.add("current"); }
  }

  function reveal() {
    /* A permalink to an article (or to one reading of it) that the filter hides shows every
       article; the timeline (or blame) holding the target opens. */
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && doc.getElementById(id);
    if (!el) { return; }
    var lineage = el.closest("article.lineage");
    var row = el.closest("table.matrix tbody tr");
    if (row && !lineage) { lineage = lineages[rows.indexOf(row)] || null; }
    if ((lineage && lineage.hidden) || (row && row.hidden)) {
      filter.value = "all";
      apply();
    }
    if (lineage && el === lineage) {
      var timeline = lineage.querySelector("details.timeline");
      if (timeline) { timeline.open = true; }
    }
    var holder = el.closest("details");
    if (holder) { holder.open = true; }
    mark(lineage);
    el.scrollIntoView({ block: "start" });
  }

  function go(step) {
    /* The next (previous) changed article among those shown, from the current one or, when
       there is none, from what is on screen. */
    var list = [];
    for (var i = 0; i < lineages.length; i++) {
      if (changed[i] && !lineages[i].hidden) { list.push(lineages[i]); }
    }
    if (!list.length) { return; }
    var pos = current ? list.indexOf(current) : -1;
    if (pos === -1) {
      var lo = 0, hi = list.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (list[mid].getBoundingClientRect().top < 4) { lo = mid + 1; } else { hi = mid; }
      }
      pos = step > 0 ? lo : lo - 1;
    } else {
      pos += step;
    }
    var el = list[Math.min(Math.max(pos, 0), list.length - 1)];
    var timeline = el.querySelector("details.timeline");
    if (timeline) { timeline.open = true; }
    mark(el);
    el.scrollIntoView({ block: "start" });
    el.focus({ preventScroll: true });
    if (history.replaceState) { history.replaceState(null, "", "#" + el.id); }
  }

  function setAll(selector, open) {
    var all = doc.querySelectorAll("article.lineage:not([hidden]) " + selector);
    for (var i = 0; i < all.length; i++) { all[i].open = open; }
  }

  filter.addEventListener("change", apply);
  doc.getElementById("open-timelines").addEventListener("click", function () {
    setAll("details.timeline", true);
  });
  doc.getElementById("open-blame").addEventListener("click", function () {
    setAll("details.blame", true);
  });
  doc.getElementById("close-all").addEventListener("click", function () { setAll("details", false); });

  /* A click anywhere on a row of the matrix (not on one of its links) opens that article. */
  doc.querySelector("table.matrix tbody").addEventListener("click", function (event) {
    if (event.target.closest("a")) { return; }
    var row = event.target.closest("tr");
    var link = row && row.querySelector("th a");
    if (link) { link.click(); }
  });
  window.addEventListener("hashchange", reveal);
  doc.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var t = event.target;
    if (t && (/^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName) || t.isContentEditable)) { return; }
    if (event.key === "j" || event.key === "n") { event.preventDefault(); go(1); }
    else if (event.key === "k" || event.key === "p") { event.preventDefault(); go(-1); }
  });

  /* Print everything: closed timelines and blame open for the printout, then close again
     (not a reading's folded whole text: the word changes after it show it). */
  var reopened = [];
  window.addEventListener("beforeprint", function () {
    var closed = doc.querySelectorAll("details:not([open]):not(.whole)");
    for (var i = 0; i < closed.length; i++) { closed[i].open = true; reopened.push(closed[i]); }
  });
  window.addEventListener("afterprint", function () {
    for (var i = 0; i < reopened.length; i++) { reopened[i].open = false; }
    reopened = [];
  });

  apply();
  if (location.hash) { reveal(); }
  if (window.performance && performance.mark) { performance.mark("billdiff-ready"); }
  body.setAttribute("data-ready", "1");
})();
