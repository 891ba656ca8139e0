/* billdiff report: filters, search, side-by-side view and keyboard navigation.
   The page is complete without this script. Work per article is kept to one pass over a plain
   array (no layout reads), so that a bill with hundreds of articles is interactive at once;
   the side-by-side copies are built only when that view is first chosen. */
(function () {
  "use strict";
  var doc = document;
  var body = doc.body;
  var controls = doc.getElementById("controls");
  var filter = doc.getElementById("filter");
  var search = doc.getElementById("search");
  var shown = doc.getElementById("shown");
  var none = doc.getElementById("none");
  var toc = doc.getElementById("toc");
  var btnInline = doc.getElementById("view-inline");
  var btnSxs = doc.getElementById("view-sxs");
  var articles = Array.prototype.slice.call(doc.querySelectorAll("article.change"));
  var tocItems = Array.prototype.slice.call(doc.querySelectorAll("#toc li"));
  var kinds = articles.map(function (el) { return el.getAttribute("data-kind"); });
  var quiet = articles.map(function (el) { return el.classList.contains("quiet"); });
  var texts = null; /* lower-cased article texts, made on the first search */
  var visible = [];
  var current = null;
  var sxsBuilt = false;
  var timer = 0;

  doc.documentElement.classList.add("js");
  controls.hidden = false;
  shown.hidden = false;

  function label(mode) {
    var opt = filter.options[filter.selectedIndex];
    return opt ? opt.text.replace(/\s*\(\d+\)$/, "") : mode;
  }

  function apply() {
    var mode = filter.value;
    var needle = search.value.trim().toLowerCase();
    if (needle && !texts) {
      texts = articles.map(function (el) { return el.textContent.toLowerCase(); });
    }
    var n = 0;
    visible = [];
    for (var i = 0; i < articles.length; i++) {
      var kind = kinds[i];
      var ok = mode === "all" || (mode === "changed" ? kind !== "unchanged" : kind === mode);
      if (ok && needle) { ok = texts[i].indexOf(needle) !== -1; }
      if (articles[i].hidden === ok) { articles[i].hidden = !ok; }
      if (tocItems[i] && tocItems[i].hidden === ok) { tocItems[i].hidden = !ok; }
      if (ok) { n += 1; visible.push(i); }
    }
    none.hidden = n > 0;
    var what = label(mode) + (needle ? ", containing “" + search.value.trim() + "”" : "");
    shown.textContent = n + " of " + articles.length + " articles shown (" + what + ")";
    body.setAttribute("data-filter", mode);
    highlight(needle);
  }

  var canHighlight = !!(window.CSS && CSS.highlights && window.Highlight && window.StaticRange);
  var MAX_MARKS = 3000;

  function highlight(needle) {
    /* Mark the matches with the CSS Custom Highlight API: no change to the DOM, so nothing
       to undo and nothing for a screen reader to stumble on. Capped for huge results. */
    if (!canHighlight) { return; }
    if (!needle) { CSS.highlights.delete("billdiff-search"); return; }
    var ranges = [];
    for (var v = 0; v < visible.length && ranges.length < MAX_MARKS; v++) {
      var walker = doc.createTreeWalker(articles[visible[v]], NodeFilter.SHOW_TEXT);
      var node;
      while ((node = walker.nextNode()) && ranges.length < MAX_MARKS) {
        var hay = node.data.toLowerCase();
        var at = hay.indexOf(needle);
        while (at !== -1 && ranges.length < MAX_MARKS) {
          /* Static ranges: live ones would be updated on every later DOM change. */
          ranges.push(new StaticRange({ startContainer: node, startOffset: at,
                                        endContainer: node, endOffset: at + needle.length }));
          at = hay.indexOf(needle, at + needle.length);
        }
      }
    }
    var marks = new Highlight();
    for (var r = 0; r < ranges.length; r++) { marks.add(ranges[r]); }
    CSS.highlights.set("billdiff-search", marks);
  }

  function buildOne(inline) {
    /* Two copies of an inline redline: the old text (without insertions) and the new text
       (without deletions). Cloning keeps every text node as text: nothing is re-parsed. */
    var next = inline.nextElementSibling;
    if (next && next.classList.contains("sxs")) { return false; }
    var box = doc.createElement("div");
    box.className = "sxs";
    var sides = [["old", "Old reading", "ins", inline.getAttribute("data-old-lang")],
                 ["new", "New reading", "del", inline.getAttribute("lang")]];
    for (var s = 0; s < 2; s++) {
      var col = inline.cloneNode(true);
      col.className = "text " + sides[s][0];
      col.removeAttribute("data-old-lang");
      if (sides[s][3]) { col.setAttribute("lang", sides[s][3]); }
      col.setAttribute("data-label", sides[s][1]);
      col.setAttribute("aria-label", sides[s][1]);
      var drop = col.querySelectorAll(sides[s][2]);
      for (var d = 0; d < drop.length; d++) { drop[d].remove(); }
      box.appendChild(col);
    }
    inline.parentNode.insertBefore(box, inline.nextSibling);
    return true;
  }

  function buildSxs() {
    var inlines = doc.querySelectorAll(".change .inline");
    for (var i = 0; i < inlines.length; i++) { buildOne(inlines[i]); }
    sxsBuilt = true;
    highlight(search.value.trim().toLowerCase());
  }

  function viewLabel(button, sxs) {
    button.textContent = sxs ? "Inline" : "Side by side";
    button.setAttribute("aria-label", sxs ? "Show this article inline" : "Show this article side by side");
  }

  function setView(sxs) {
    if (sxs && !sxsBuilt) { buildSxs(); }
    body.classList.toggle("view-sxs", sxs);
    btnInline.setAttribute("aria-pressed", String(!sxs));
    btnSxs.setAttribute("aria-pressed", String(sxs));
    /* The global choice overrides the per-article ones. */
    var alts = doc.querySelectorAll(".change.alt");
    for (var i = 0; i < alts.length; i++) { alts[i].classList.remove("alt"); }
    var buttons = doc.querySelectorAll(".change .alt-view");
    for (var b = 0; b < buttons.length; b++) { viewLabel(buttons[b], sxs); }
  }

  function toggleOne(button) {
    var article = button.closest(".change");
    var inline = article.querySelector(".inline");
    if (inline && buildOne(inline)) { highlight(search.value.trim().toLowerCase()); }
    var alt = article.classList.toggle("alt");
    viewLabel(button, body.classList.contains("view-sxs") !== alt);
  }

  function mark(el) {
    if (current) {
      current.classList.remove("current");
      var old = tocItems[articles.indexOf(current)];
      if (old) { old.classList.remove("current"); old.removeAttribute("aria-current"); }
    }
    current = el;
    el.classList.add("current");
    var item = tocItems[articles.indexOf(el)];
    if (item) {
      item.classList.add("current");
      item.setAttribute("aria-current", "location");
      if (toc.scrollHeight > toc.clientHeight) {
        toc.scrollTop = item.offsetTop - toc.offsetTop - toc.clientHeight / 3;
      }
    }
  }

  function changedVisible() {
    /* The changes to read: renumbering and noise are skipped unless chosen by kind. */
    var mode = filter.value;
    var skipQuiet = mode === "changed" || mode === "all";
    var out = [];
    for (var i = 0; i < visible.length; i++) {
      var k = visible[i];
      if (kinds[k] !== "unchanged" && !(skipQuiet && quiet[k])) { out.push(articles[k]); }
    }
    return out;
  }

  function clearControls() {
    /* Keep a target clear of the sticky controls, whose height depends on the window width.
       Read here, on demand, not at start-up: a layout read then would delay the first paint. */
    doc.documentElement.style.setProperty("--controls-h", controls.offsetHeight + "px");
  }

  function go(step) {
    var list = changedVisible();
    if (!list.length) { return; }
    var pos = current ? list.indexOf(current) : -1;
    if (pos === -1) {
      /* Start from what is on screen: the first change below the sticky controls. */
      var edge = controls.getBoundingClientRect().bottom + 4;
      var lo = 0, hi = list.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (list[mid].getBoundingClientRect().top < edge) { lo = mid + 1; } else { hi = mid; }
      }
      pos = step > 0 ? lo : lo - 1;
    } else {
      pos += step;
    }
    pos = Math.min(Math.max(pos, 0), list.length - 1);
    var el = list[pos];
    mark(el);
    clearControls();
    el.scrollIntoView({ block: "start" });
    el.focus({ preventScroll: true });
    if (history.replaceState) { history.replaceState(null, "", "#" + el.id); }
  }

  function reveal() {
    /* A permalink to an article the filter hides (an unchanged one) shows everything. */
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && doc.getElementById(id);
    if (!el || !el.classList.contains("change")) { return; }
    if (el.hidden) {
      search.value = "";
      filter.value = "all";
      apply();
    }
    mark(el);
    clearControls();
    el.scrollIntoView({ block: "start" });
  }

  doc.getElementById("changes").addEventListener("click", function (event) {
    var alt = event.target.closest && event.target.closest(".alt-view");
    if (alt) { toggleOne(alt); return; }
    var button = event.target.closest && event.target.closest(".expand");
    if (!button) { return; }
    var open = button.closest(".change").classList.toggle("open");
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Hide the text" : "Show the text";
  });
  filter.addEventListener("change", function () { current = null; apply(); });
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { current = null; apply(); }, articles.length > 300 ? 150 : 60);
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { search.value = ""; apply(); search.blur(); }
    if (event.key === "Enter") { clearTimeout(timer); apply(); go(1); }
  });
  btnInline.addEventListener("click", function () { setView(false); });
  btnSxs.addEventListener("click", function () { setView(true); });
  doc.getElementById("next").addEventListener("click", function () { go(1); });
  doc.getElementById("prev").addEventListener("click", function () { go(-1); });
  doc.getElementById("summary").addEventListener("click", function (event) {
    var badge = event.target.closest && event.target.closest(".counts .badge");
    if (!badge) { return; }
    var kind = badge.nextElementSibling && badge.nextElementSibling.getAttribute("data-count");
    if (kind) { filter.value = kind; current = null; apply(); controls.scrollIntoView(); }
  });
  doc.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var t = event.target;
    if (t && (/^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName) || t.isContentEditable)) { return; }
    if (event.key === "j" || event.key === "n") { event.preventDefault(); go(1); }
    else if (event.key === "k" || event.key === "p") { event.preventDefault(); go(-1); }
    else if (event.key === "/") { event.preventDefault(); search.focus(); }
  });
  window.addEventListener("hashchange", reveal);

  apply();
  if (location.hash) { reveal(); }
  if (window.performance && performance.mark) { performance.mark("billdiff-ready"); }
  body.setAttribute("data-ready", "1");
})();
