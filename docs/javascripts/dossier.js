// Small fixes to the theme's markup, run on every page. Loaded from this site only.
// The search overlay is a dialog without a name (axe: aria-dialog-name); name it after its field.
(function () {
  var search = document.querySelector(".md-search[role=dialog]");
  var field = search && search.querySelector("input[aria-label]");
  if (search && field && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", field.getAttribute("aria-label"));
  }
})();

// The annotated article: hovering, focusing or tapping a passage or its number shows the claim
// and its verdict without leaving the page. Each marker carries what is shown (its verdict, the
// claim and its link); record text is set as text, never parsed as HTML.
(function () {
  var markers = document.querySelectorAll("a.dossier-marker[data-claim]");
  if (!markers.length) return;
  var box = document.createElement("div");
  box.className = "dossier-preview";
  box.id = "dossier-preview";
  box.setAttribute("role", "tooltip");
  box.hidden = true;
  document.body.appendChild(box);
  var hideTimer = null;

  function ratingClass(marker) {
    for (var i = 0; i < marker.classList.length; i++) {
      var name = marker.classList[i];
      if (name.indexOf("dossier-") === 0 && name !== "dossier-marker") return name;
    }
    return "";
  }

  function show(marker, near) {
    clearTimeout(hideTimer);
    box.textContent = "";
    var verdict = document.createElement("span");
    verdict.className = "dossier-badge " + ratingClass(marker);
    verdict.textContent = marker.getAttribute("data-verdict");
    var number = document.createElement("span");
    number.className = "dossier-preview-number";
    number.textContent = "Claim " + marker.textContent + " ";
    var claim = document.createElement("p");
    claim.textContent = marker.getAttribute("data-claim");
    var open = document.createElement("a");
    open.href = marker.href;
    open.textContent = "Open the claim \u2192";
    box.append(number, verdict, claim, open);
    box.hidden = false;
    var rect = near.getBoundingClientRect();
    var width = Math.min(box.offsetWidth, window.innerWidth - 16);
    var left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    box.style.left = left + window.scrollX + "px";
    box.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { box.hidden = true; }, 300);
  }

  markers.forEach(function (marker) {
    marker.addEventListener("mouseenter", function () { show(marker, marker); });
    marker.addEventListener("focus", function () { show(marker, marker); });
    marker.addEventListener("mouseleave", hideSoon);
    marker.addEventListener("blur", hideSoon);
  });
  document.querySelectorAll(".dossier-excerpt[data-marker]").forEach(function (passage) {
    var marker = document.getElementById(passage.getAttribute("data-marker"));
    if (!marker) return;
    passage.addEventListener("mouseenter", function () { show(marker, passage); });
    passage.addEventListener("mouseleave", hideSoon);
    passage.addEventListener("click", function () { show(marker, passage); });
  });
  box.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  box.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") box.hidden = true;
  });
})();
