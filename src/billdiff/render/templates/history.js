(function () {
  "use strict";
  // Clicking a matrix row opens that article's timeline; the page is complete without this.
  document.querySelectorAll("#matrix tbody tr").forEach(function (row) {
    row.addEventListener("click", function (event) {
      var link = row.querySelector("th a");
      if (link && event.target.tagName !== "A") { link.click(); }
    });
  });
  document.body.setAttribute("data-ready", "1");
})();
