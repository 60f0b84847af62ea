// Wortlaut: small progressive enhancements; every page works without this file.
"use strict";
(function () {
  // Hovering one part of a quotation lights up all its parts (split quotes).
  function light(q, on) {
    document.querySelectorAll('.q[data-q="' + q + '"]').forEach(function (el) {
      el.classList.toggle("lit", on);
    });
  }
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest && ev.target.closest(".q[data-q]");
    if (el) light(el.getAttribute("data-q"), true);
  });
  document.addEventListener("mouseout", function (ev) {
    var el = ev.target.closest && ev.target.closest(".q[data-q]");
    if (el) light(el.getAttribute("data-q"), false);
  });
  // Hovering a speaker in the legend lights up all their quotations.
  document.querySelectorAll(".legend li[data-speaker]").forEach(function (li) {
    var cls = ".q.spk-" + li.getAttribute("data-speaker");
    li.addEventListener("mouseenter", function () {
      document.querySelectorAll(cls).forEach(function (el) { el.classList.add("lit"); });
    });
    li.addEventListener("mouseleave", function () {
      document.querySelectorAll(cls).forEach(function (el) { el.classList.remove("lit"); });
    });
  });
})();
