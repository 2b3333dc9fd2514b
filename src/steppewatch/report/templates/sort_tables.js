// Sort a table.sortable by the column whose head is clicked (again: reverse). Numbers sort as
// numbers when the head says data-type="num"; empty cells always last. No network, no library.
(function () {
  function key(cell, numeric) {
    var text = (cell ? cell.textContent : "").trim();
    if (!text) return null;
    if (numeric) { var n = parseFloat(text.replace(/,/g, "")); return isNaN(n) ? null : n; }
    return text.toLowerCase();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, col) {
      if (th.dataset.type === "none") return;
      th.tabIndex = 0;
      th.title = "Sort by this column";
      function sort() {
        var numeric = th.dataset.type === "num";
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[col], numeric), y = key(b.cells[col], numeric);
          if (x === null) return y === null ? 0 : 1;
          if (y === null) return -1;
          return x < y ? -dir : x > y ? dir : 0;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
    });
  });
})();
