// The search page's only script (its Content-Security-Policy allows no inline script): start Pagefind's UI and run
// the query the site-wide search box sent as ?q=, so the plain GET form in every page's header lands on results.
(function () {
  "use strict";
  function start() {
    if (typeof PagefindUI !== "function") {
      return;
    }
    var ui = new PagefindUI({ element: "#search", showSubResults: true, showImages: false });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query && query.trim() !== "") {
      ui.triggerSearch(query.trim());
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
