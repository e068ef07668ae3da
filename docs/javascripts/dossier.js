// Small fixes to the theme's markup, run on every page. Loaded from this site only.
// The search overlay is a dialog without a name (axe: aria-dialog-name); name it after its field.
(function () {
  var search = document.querySelector(".md-search[role=dialog]");
  var field = search && search.querySelector("input[aria-label]");
  if (search && field && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", field.getAttribute("aria-label"));
  }
})();

// The annotated article: hovering, focusing or tapping a passage or its number shows the claim,
// its verdict, the one-sentence summary and a link to the check, without leaving the page. On a
// touch screen the first tap on a number opens the preview instead of the claim's page (a tap
// on the preview's link, or a second tap on the number, goes there); Escape or a tap outside
// closes it. Each marker carries what is shown; record text is set as text, never parsed as HTML.
(function () {
  var markers = document.querySelectorAll("a.dossier-marker[data-claim]");
  if (!markers.length) return;
  var box = document.createElement("div");
  box.className = "dossier-preview";
  box.id = "dossier-preview";
  box.setAttribute("role", "dialog");
  box.hidden = true;
  document.body.appendChild(box);
  var hideTimer = null;
  var current = null; // the marker the open preview shows
  var pinned = false; // opened by a tap or click: stays until Escape or a tap elsewhere
  var openAtPress = null; // the marker whose preview was open when the pointer went down
  var pressType = ""; // "mouse", "touch" or "pen": how the last press was made

  function ratingClass(marker) {
    for (var i = 0; i < marker.classList.length; i++) {
      var name = marker.classList[i];
      if (name.indexOf("dossier-") === 0 && name !== "dossier-marker") return name;
    }
    return "";
  }

  function show(marker, near, pin) {
    clearTimeout(hideTimer);
    pinned = pinned && current === marker ? true : Boolean(pin);
    current = marker;
    box.textContent = "";
    var head = document.createElement("p");
    head.className = "dossier-preview-head";
    var number = document.createElement("span");
    number.className = "dossier-preview-number";
    number.textContent = "Claim " + marker.getAttribute("data-number") + " ";
    var verdict = document.createElement("span");
    verdict.className = "dossier-badge " + ratingClass(marker);
    verdict.textContent = marker.getAttribute("data-verdict");
    head.append(number, verdict);
    var claim = document.createElement("p");
    claim.className = "dossier-preview-claim";
    claim.textContent = marker.getAttribute("data-claim");
    box.append(head, claim);
    var summary = marker.getAttribute("data-summary");
    if (summary) {
      var answer = document.createElement("p");
      answer.className = "dossier-preview-summary";
      answer.textContent = summary;
      box.appendChild(answer);
    }
    var open = document.createElement("a");
    open.href = marker.href;
    open.textContent = "Read the check \u2192";
    box.appendChild(open);
    box.setAttribute("aria-label", "Claim " + marker.getAttribute("data-number"));
    box.hidden = false;
    var rect = near.getBoundingClientRect();
    var width = Math.min(box.offsetWidth, window.innerWidth - 16);
    var left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    box.style.left = left + window.scrollX + "px";
    // Below the passage, or above it when there is no room below (a tap near the screen's foot).
    var height = box.offsetHeight;
    var above = rect.bottom + 6 + height > window.innerHeight && rect.top - 6 - height >= 0;
    box.style.top = (above ? rect.top - 6 - height : rect.bottom + 6) + window.scrollY + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    box.hidden = true;
    current = null;
    pinned = false;
  }
  function hideSoon() {
    if (pinned) return;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }
  function hovering(event) { return event.pointerType === "mouse"; }

  markers.forEach(function (marker) {
    marker.addEventListener("pointerenter", function (event) { if (hovering(event)) show(marker, marker); });
    marker.addEventListener("pointerleave", function (event) { if (hovering(event)) hideSoon(); });
    marker.addEventListener("focus", function () { if (!pressType) show(marker, marker); });
    marker.addEventListener("blur", hideSoon);
    marker.addEventListener("click", function (event) {
      // A tap opens the preview first; a mouse click, or Enter after focus showed it, opens the claim.
      var touch = pressType === "touch" || pressType === "pen";
      if (touch && openAtPress !== marker) {
        event.preventDefault();
        show(marker, marker, true);
      }
    });
  });
  document.addEventListener("pointerdown", function (event) {
    pressType = event.pointerType || "mouse";
    openAtPress = box.hidden ? null : current;
  }, true);
  document.addEventListener("keydown", function (event) {
    pressType = "";
    if (event.key === "Escape" && !box.hidden) {
      var back = current;
      hide();
      if (back && box.contains(document.activeElement)) back.focus();
    }
  });
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (box.hidden || box.contains(target)) return;
    if (target.closest && target.closest(".dossier-excerpt[data-marker], a.dossier-marker")) return;
    hide();
  });
  document.querySelectorAll(".dossier-excerpt[data-marker]").forEach(function (passage) {
    var marker = document.getElementById(passage.getAttribute("data-marker"));
    if (!marker) return;
    passage.addEventListener("pointerenter", function (event) { if (hovering(event)) show(marker, passage); });
    passage.addEventListener("pointerleave", function (event) { if (hovering(event)) hideSoon(); });
    passage.addEventListener("click", function () { show(marker, passage, true); });
  });
  box.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
  box.addEventListener("pointerleave", function (event) { if (hovering(event)) hideSoon(); });
  box.addEventListener("focusin", function () { clearTimeout(hideTimer); });
})();

// The claims index: filter by verdict, kind, topic, entity and article, search the words, and
// sort, over claims-index.json (the compact data file), loaded on first use. The filters live in
// the address (?verdict=disputed&topic=5g&q=ericsson&sort=claim, by id), so a filtered view can be
// shared, reloaded and left with Back. The controls fold away under a one-line summary of what is
// chosen ("Filtered: Partly supported · 12 claims · change filters"), folded at first on a phone,
// so a shared view's results start in the first screen; a filtered view leaves out the counts by
// verdict, which describe the whole dossier. Without JavaScript the plain paged list and the
// listing per verdict stay as they are. Record text is inserted as text only.
(function () {
  var source = document.getElementById("dossier-index-data");
  var list = document.querySelector(".dossier-claims-list");
  if (!source || !list) return;
  var manyArticles = source.getAttribute("data-articles") !== "1";
  var overview = document.querySelector(".dossier-listing-summary");
  // The list's heading ("Claims 1–27") names the plain list; a filtered view is named for what it shows.
  var heading = document.getElementById("list");
  var headingText = heading && heading.firstChild && heading.firstChild.nodeType === 3 ? heading.firstChild : null;
  var plainHeading = headingText ? headingText.nodeValue : "";
  // The count sentence ("27 claims, in the order…") and the page's table of contents describe the
  // plain list too: a filtered view says how many match and drops the contents entry "By verdict".
  var lead = document.getElementById("dossier-listing-lead");
  var plainLead = lead ? lead.textContent : "";
  var tocLinks = function (anchor) {
    return Array.prototype.slice.call(document.querySelectorAll('.md-nav--secondary a[href="#' + anchor + '"]'));
  };
  var tocList = tocLinks("list").map(function (a) { return {link: a, text: a.textContent.trim()}; });
  var data = null;
  var shown = 100;
  var box = document.createElement("details");
  box.className = "dossier-filter-box";
  box.open = window.matchMedia("(min-width: 40em)").matches;
  var boxSummary = document.createElement("summary");
  box.appendChild(boxSummary);
  var form = document.createElement("form");
  form.className = "dossier-filters";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Filter and sort the claims");
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  var status = document.createElement("p");
  status.className = "dossier-filter-status";
  status.setAttribute("aria-live", "polite");
  var results = document.createElement("ol");
  results.className = "dossier-filter-results";
  results.hidden = true;
  var more = document.createElement("button");
  more.type = "button";
  more.className = "md-button dossier-more";
  more.textContent = "Show more";
  more.hidden = true;

  function field(label, control) {
    // A label of its own (not wrapping the control), so the control's name is just the label.
    var wrap = document.createElement("div");
    var name = document.createElement("label");
    control.id = "dossier-filter-" + control.name;
    name.htmlFor = control.id;
    name.textContent = label;
    wrap.append(name, control);
    form.appendChild(wrap);
    return control;
  }
  var labels = {};  // control name -> its label, for the summary
  function select(label, name) {
    var control = document.createElement("select");
    control.name = name;
    var any = document.createElement("option");
    any.value = "";
    any.textContent = "Any";
    control.appendChild(any);
    return field(label, control);
  }
  var text = document.createElement("input");
  text.type = "search";
  text.name = "q";
  text.placeholder = "e.g. Ericsson";
  field("Words in the claim or its summary", text);
  var verdict = select("Verdict", "verdict");
  var kind = select("Kind", "kind");
  var topic = select("Topic", "topic");
  var entity = select("Person or organisation", "entity");
  var article = select("Article", "article");
  article.parentNode.hidden = !manyArticles;  // one article: nothing to choose
  var sort = document.createElement("select");
  sort.name = "sort";
  [["order", "Order in the article"], ["claim", "Claim, A to Z"], ["claim-desc", "Claim, Z to A"],
   ["verdict", "Verdict, supported first"], ["verdict-desc", "Verdict, opinion first"],
   ["kind", "Kind"]].concat(manyArticles ? [["article", "Article"]] : []).forEach(function (pair) {
    var option = document.createElement("option");
    option.value = pair[0];
    option.textContent = pair[1];
    sort.appendChild(option);
  });
  field("Sort by", sort);
  var controls = [text, verdict, kind, topic, entity, article, sort];
  box.appendChild(form);
  list.parentNode.insertBefore(box, list);
  list.parentNode.insertBefore(status, list);
  list.parentNode.insertBefore(results, list);
  list.parentNode.insertBefore(more, list);

  // A claim's URL is the listing's own link to a claim with that claim's id put in.
  var sample = list.querySelector("a[href]");
  function claimUrl(id) {
    var href = sample.getAttribute("href");
    var parts = href.replace(/\/$/, "").replace(/\.html$/, "").split("/");
    return href.replace(parts[parts.length - 1], id);
  }

  function fill(control, pairs) {
    pairs.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      control.appendChild(option);
    });
  }

  var position = {topics: {}, entities: {}, articles: {}};  // id -> the number a claim row refers by
  var loading = null;  // the one request for the data, shared by every reader action until it answers
  function load() {
    if (data) return Promise.resolve(data);
    if (loading) return loading;
    status.textContent = "Loading the claims…";
    loading = fetch(source.getAttribute("href")).then(function (response) { return response.json(); }).then(function (json) {
      if (data) return data;
      data = json;
      ["topics", "entities", "articles"].forEach(function (table) {
        json[table].forEach(function (pair, i) { position[table][pair[0]] = i; });
      });
      fill(verdict, Object.keys(json.verdicts).map(function (k) { return [k, json.verdicts[k]]; }));
      fill(kind, Object.keys(json.kinds).map(function (k) { return [k, json.kinds[k]]; }));
      fill(topic, json.topics.slice().sort(function (a, b) { return a[1].localeCompare(b[1]); }));
      fill(entity, json.entities.slice().sort(function (a, b) { return a[1].localeCompare(b[1]); }));
      fill(article, json.articles);
      return json;
    });
    loading.catch(function () { loading = null; });  // a failed request is tried again on the next action
    return loading;
  }

  // The address and the controls: the same state, by id, only what differs from the default.
  function stateFromControls() {
    var params = new URLSearchParams();
    controls.forEach(function (control) {
      var value = control.value.trim();
      if (value && !(control === sort && value === "order")) params.set(control.name, value);
    });
    return params.toString();
  }
  function setControls(query) {
    var params = new URLSearchParams(query);
    controls.forEach(function (control) {
      var value = params.get(control.name) || (control === sort ? "order" : "");
      control.value = value;
      if (control.value !== value) control.value = control === sort ? "order" : "";  // an unknown id
    });
  }
  var typing = false;  // words typed since the last committed view: one history entry for them all
  function remember(push) {
    var query = stateFromControls();
    var target = location.pathname + (query ? "?" + query : "") + location.hash;
    if (target === location.pathname + location.search + location.hash) return;
    if (push) history.pushState(null, "", target);
    else history.replaceState(null, "", target);
  }

  // The fold's one line: what is chosen, how many claims it leaves, and the way back to the controls.
  function describe(count) {
    var chosen = [];
    if (text.value.trim()) chosen.push("“" + text.value.trim() + "”");
    [verdict, kind, topic, entity, article].forEach(function (control) {
      if (control.value && control.selectedIndex > 0) chosen.push(control.options[control.selectedIndex].textContent);
    });
    if (sort.value !== "order") chosen.push("sorted by " + sort.options[sort.selectedIndex].textContent.toLowerCase());
    if (!chosen.length) {
      boxSummary.textContent = "Filter and sort the claims";
      return;
    }
    boxSummary.textContent = "Filtered: " + chosen.join(" · ") + " · " + count + " claim" + (count === 1 ? "" : "s") +
      " · change filters";
  }

  var rendered = "";
  function apply() {
    return load().then(function (json) {
      // A text field fires "change" again when it loses focus, e.g. on the press of a result's
      // link: rebuilding the list then would remove the link before the click lands.
      var state = [stateFromControls(), shown].join("\n");
      if (state === rendered) return;
      rendered = state;
      var col = {};
      json.columns.forEach(function (name, i) { col[name] = i; });
      var verdictOrder = Object.keys(json.verdicts);
      var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
      var topicAt = topic.value ? position.topics[topic.value] : -1;
      var entityAt = entity.value ? position.entities[entity.value] : -1;
      var articleAt = article.value ? position.articles[article.value] : -1;
      var rows = json.claims.map(function (row, i) { return {row: row, order: i}; }).filter(function (item) {
        var row = item.row;
        if (verdict.value && row[col.verdict] !== verdict.value) return false;
        if (kind.value && row[col.kind] !== kind.value) return false;
        if (article.value && row[col.article] !== articleAt) return false;
        if (topic.value && row[col.topics].indexOf(topicAt) < 0) return false;
        if (entity.value && row[col.entities].indexOf(entityAt) < 0) return false;
        var words_in = (row[col.claim] + " " + (row[col.summary] || "")).toLowerCase();
        return words.every(function (word) { return words_in.indexOf(word) >= 0; });
      });
      var key = sort.value.replace("-desc", "");
      var sign = sort.value.slice(-5) === "-desc" ? -1 : 1;
      rows.sort(function (a, b) {
        var x = a.row, y = b.row, c = 0;
        if (key === "claim") c = x[col.claim].localeCompare(y[col.claim]);
        else if (key === "verdict") c = verdictOrder.indexOf(x[col.verdict]) - verdictOrder.indexOf(y[col.verdict]);
        else if (key === "kind") c = x[col.kind].localeCompare(y[col.kind]);
        else if (key === "article") c = x[col.article] - y[col.article];
        return sign * c || a.order - b.order;
      });
      var active = Boolean(stateFromControls());
      list.hidden = active;
      results.hidden = !active;
      if (overview) overview.hidden = active;
      if (headingText) headingText.nodeValue = active ? "Claims that match the filters" : plainHeading;
      if (lead) {
        lead.textContent = !active ? plainLead
          // "1 of 1 claims match" is not English: a one-claim dossier says whether its claim matches.
          : json.claims.length === 1
            ? "The one claim " + (rows.length ? "matches" : "does not match") + " the filters."
            : rows.length + " of " + json.claims.length + " claims match the filters.";
      }
      tocLinks("by-verdict").forEach(function (a) { a.parentNode.hidden = active; });
      tocList.forEach(function (entry) {
        var label = entry.link.querySelector(".md-ellipsis") || entry.link;
        label.textContent = active ? "Claims that match the filters" : entry.text;
      });
      describe(rows.length);
      results.textContent = "";
      rows.slice(0, shown).forEach(function (item) {
        var row = item.row;
        var li = document.createElement("li");
        var badge = document.createElement("span");
        badge.className = "dossier-badge dossier-" + row[col.verdict];
        badge.textContent = json.verdicts[row[col.verdict]];
        var link = document.createElement("a");
        link.href = claimUrl(row[col.id]);
        link.textContent = row[col.claim];
        var meta = document.createElement("span");
        meta.className = "dossier-filter-meta";
        // The kind only where it is not the verdict's word too ("Opinion"), the article where there are several.
        var kindName = json.kinds[row[col.kind]];
        meta.textContent = (kindName !== json.verdicts[row[col.verdict]] ? " · " + kindName : "") +
          (manyArticles ? " · " + json.articles[row[col.article]][1] : "");
        li.append(badge, " ", link, meta);
        if (row[col.summary]) {
          var summary = document.createElement("span");
          summary.className = "dossier-entry-summary";
          summary.textContent = row[col.summary];
          li.append(document.createElement("br"), summary);
        }
        results.appendChild(li);
      });
      more.hidden = !active || rows.length <= shown;
      status.textContent = active ? rows.length + " of " + json.claims.length + (json.claims.length === 1 ? " claim" : " claims") : "";
    });
  }

  form.addEventListener("input", function (event) {
    shown = 100;
    if (event.target === text) {
      remember(!typing);
      typing = true;
    }
    apply();
  });
  form.addEventListener("change", function (event) {
    shown = 100;
    if (event.target !== text) {
      typing = false;
      remember(true);
    }
    apply();
  });
  window.addEventListener("popstate", function () {
    typing = false;
    load().then(function () {
      setControls(location.search);
      shown = 100;
      apply();
    });
  });
  // A shared or reloaded view: load the data at once and show it.
  if (location.search) {
    load().then(function () {
      setControls(location.search);
      remember(false);  // drop what this page does not know (an unknown id, an unknown name)
      apply();
    });
  }
  // Otherwise load the data as soon as a reader reaches for the filters: a pointer over them, a touch, or focus.
  ["pointerenter", "touchstart", "focusin"].forEach(function (type) {
    box.addEventListener(type, function () { load(); }, {once: true, passive: true});
  });
  boxSummary.addEventListener("click", function () { load(); });  // unfolding them, by pointer or key
  describe(0);
  more.addEventListener("click", function () { shown += 100; apply(); });
})();

// "Cite this claim": a Copy button for the citation. The clipboard API first; where a browser
// refuses it (no permission, an insecure page, an old browser), a hidden text area and the copy
// command; where both fail, the citation is selected for the reader to copy with the keyboard.
(function () {
  document.querySelectorAll(".dossier-citation").forEach(function (citation) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button dossier-copy";
    button.textContent = "Copy the citation";
    var status = document.createElement("span");
    status.className = "dossier-copy-status";
    status.setAttribute("role", "status");
    citation.after(button, " ", status);

    function selectCitation() {
      var range = document.createRange();
      range.selectNodeContents(citation);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    function copyWithCommand(text) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.top = "0";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      area.remove();
      return copied;
    }
    function done(copied) {
      if (copied) {
        status.textContent = "Copied.";
      } else {
        selectCitation();
        status.textContent = "Selected: press Ctrl+C (\u2318C on a Mac) to copy.";
      }
    }
    button.addEventListener("click", function () {
      var text = citation.textContent.trim();
      status.textContent = "";
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () {
          done(copyWithCommand(text));
        });
      } else {
        done(copyWithCommand(text));
      }
    });
  });
})();

// Wide tables on a phone: each row becomes a stacked card, each cell labelled with its column's
// heading (docs/stylesheets/dossier.css does the stacking below 40em). Two-column tables stay.
(function () {
  document.querySelectorAll(".md-typeset table").forEach(function (table) {
    var headings = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    if (headings.length < 3) return;
    table.setAttribute("data-stack", "");
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (headings[i]) cell.setAttribute("data-label", headings[i]);
      });
    });
  });
})();
