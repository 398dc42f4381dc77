// The search page's only script (its Content-Security-Policy allows no inline script): start Pagefind's UI and run
// the query the site-wide search box sent as ?q=, so the plain GET form in every page's header lands on results.
(function () {
  "use strict";
  function start() {
    if (typeof PagefindUI !== "function") {
      return;
    }
    var ui = new PagefindUI({ element: "#search", showSubResults: true, showImages: false });
    // Pagefind's input is labelled only by a title; give it a real name for screen readers.
    var input = document.querySelector("#search input[type=text], #search input[type=search], #search input:not([type])");
    if (input && !input.hasAttribute("aria-label")) {
      input.setAttribute("aria-label", "搜索年度报告");
    }
    var query = new URLSearchParams(window.location.search).get("q");
    if (query && query.trim() !== "") {
      ui.triggerSearch(query.trim());
      // Keep the query in the header's box too, so the page says what it searched for.
      var box = document.getElementById("site-search-q");
      if (box) {
        box.value = query.trim();
      }
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
