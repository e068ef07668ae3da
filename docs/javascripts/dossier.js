// Small fixes to the theme's markup, run on every page. Loaded from this site only.
// The search overlay is a dialog without a name (axe: aria-dialog-name); name it after its field.
(function () {
  var search = document.querySelector(".md-search[role=dialog]");
  var field = search && search.querySelector("input[aria-label]");
  if (search && field && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", field.getAttribute("aria-label"));
  }
})();
