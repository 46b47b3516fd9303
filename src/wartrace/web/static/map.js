// wartrace map: the date slider recolours places by who held them on that day.
// Loaded as a file (the server's CSP forbids inline script); builds DOM with
// textContent only, never innerHTML, so report text cannot become markup.
(function () {
  "use strict";
  var slider = document.getElementById("date-slider");
  if (!slider) { return; }
  var label = document.getElementById("date-label");
  var dateInput = document.getElementById("date-input");
  var start = slider.getAttribute("data-start");
  var periods = [];
  var colours = {};
  var unknown = "#d9d9d9";
  var legend = document.querySelectorAll("#holder-legend li");
  for (var i = 0; i < legend.length; i++) {
    var h = legend[i].getAttribute("data-holder");
    if (h) { colours[h] = legend[i].getAttribute("data-colour"); } else { unknown = legend[i].getAttribute("data-colour"); }
  }

  function dayAt(offset) {
    var d = new Date(start + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + Number(offset));
    return d.toISOString().slice(0, 10);
  }

  function holderOn(placeId, day) {
    for (var i = 0; i < periods.length; i++) {
      var p = periods[i];
      if (p.place_id === placeId && (p.start_date === null || p.start_date <= day) &&
          (p.end_date === null || day < p.end_date)) { return p.holder; }
    }
    return null;
  }

  function chip(type) {
    var span = document.createElement("span");
    span.className = "chip t-" + type;
    span.textContent = type.replace(/_/g, " ");
    return span;
  }

  var pending = null;
  function loadEvents(day) {
    var list = document.getElementById("day-events");
    if (!list) { return; }
    if (pending) { pending.abort(); }
    pending = new AbortController();
    fetch("/api/events?limit=200&from=" + day + "&to=" + day, { signal: pending.signal })
      .then(function (r) { return r.json(); })
      .then(function (page) {
        list.textContent = "";
        page.items.forEach(function (e) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = e.document_url;
          a.textContent = e.quote;
          li.appendChild(chip(e.type));
          li.appendChild(document.createTextNode(" "));
          li.appendChild(a);
          list.appendChild(li);
        });
        if (!page.items.length) {
          var none = document.createElement("li");
          none.className = "empty";
          none.textContent = "none reported";
          list.appendChild(none);
        }
      })
      .catch(function () { /* aborted or offline: keep the list */ });
  }

  function update(fetchEvents) {
    var day = dayAt(slider.value);
    label.textContent = day;
    if (dateInput) { dateInput.value = day; }
    var labels = document.querySelectorAll(".day-label");
    for (var i = 0; i < labels.length; i++) { labels[i].textContent = day; }
    var circles = document.querySelectorAll("circle[data-place-id]");
    for (var j = 0; j < circles.length; j++) {
      var c = circles[j];
      if (c.getAttribute("data-controlled") !== "yes") { continue; }
      var holder = holderOn(c.getAttribute("data-place-id"), day);
      c.setAttribute("fill", holder ? (colours[holder] || unknown) : unknown);
      c.setAttribute("data-holder", holder || "");
    }
    var cells = document.querySelectorAll("#control-table td.holder");
    for (var k = 0; k < cells.length; k++) {
      cells[k].textContent = holderOn(cells[k].getAttribute("data-place-id"), day) || "–";
    }
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "/map?date=" + day);
    }
    if (fetchEvents) { loadEvents(day); }
  }

  fetch("/api/control")
    .then(function (r) { return r.json(); })
    .then(function (data) {
      periods = data.periods;
      slider.addEventListener("input", function () { update(false); });
      slider.addEventListener("change", function () { update(true); });
      document.body.setAttribute("data-map-ready", "yes");
    });
})();
