(function () {
  "use strict";
  var controls = document.getElementById("controls");
  var filter = document.getElementById("filter");
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  var changes = Array.prototype.slice.call(document.querySelectorAll("article.change"));
  var tocItems = Array.prototype.slice.call(document.querySelectorAll("#toc li"));
  var current = -1;
  controls.hidden = false;

  function visible(el) { return !el.hidden; }

  function apply() {
    var mode = filter.value;
    var needle = search.value.trim().toLowerCase();
    var n = 0;
    changes.forEach(function (el, i) {
      var kind = el.getAttribute("data-kind");
      var ok = mode === "all" || (mode === "changed" ? kind !== "unchanged" : kind === mode);
      if (ok && needle) { ok = el.textContent.toLowerCase().indexOf(needle) !== -1; }
      el.hidden = !ok;
      if (tocItems[i]) { tocItems[i].hidden = !ok; }
      if (ok) { n += 1; }
    });
    shown.textContent = n + " shown";
  }

  function setView(sxs) {
    document.getElementById("view-inline").setAttribute("aria-pressed", String(!sxs));
    document.getElementById("view-sxs").setAttribute("aria-pressed", String(sxs));
    document.querySelectorAll(".change .inline").forEach(function (el) { el.hidden = sxs; });
    document.querySelectorAll(".change .sxs").forEach(function (el) { el.hidden = !sxs; });
  }

  function go(step) {
    var candidates = changes.filter(function (el) { return visible(el) && el.getAttribute("data-kind") !== "unchanged"; });
    if (!candidates.length) { return; }
    var pos = candidates.indexOf(changes[current]);
    pos = pos === -1 ? (step > 0 ? 0 : candidates.length - 1) : Math.min(Math.max(pos + step, 0), candidates.length - 1);
    if (changes[current]) { changes[current].classList.remove("current"); }
    current = changes.indexOf(candidates[pos]);
    candidates[pos].classList.add("current");
    candidates[pos].scrollIntoView({ block: "start" });
    history.replaceState(null, "", "#" + candidates[pos].id);
  }

  filter.addEventListener("change", apply);
  search.addEventListener("input", apply);
  document.getElementById("view-inline").addEventListener("click", function () { setView(false); });
  document.getElementById("view-sxs").addEventListener("click", function () { setView(true); });
  document.getElementById("next").addEventListener("click", function () { go(1); });
  document.getElementById("prev").addEventListener("click", function () { go(-1); });
  document.addEventListener("keydown", function (event) {
    if (event.target && /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName)) { return; }
    if (event.key === "j" || event.key === "n") { go(1); }
    if (event.key === "k" || event.key === "p") { go(-1); }
  });
  apply();
  document.body.setAttribute("data-ready", "1");
})();
