// Sort a table.sortable by the column whose head is clicked (again: reverse). Cells that read as
// numbers ("1,300", "12.5", "40%") sort as numbers, before text; empty cells always last.
// No network, no library.
(function () {
  var NUMBER = /^-?[\d,]+(\.\d+)?%?$/;
  function key(cell) {
    var text = (cell ? cell.textContent : "").trim();
    if (!text) return null;
    if (NUMBER.test(text)) return parseFloat(text.replace(/[,%]/g, ""));
    return text.toLowerCase();
  }
  function compare(x, y) {
    if (typeof x !== typeof y) return typeof x === "number" ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, col) {
      if (th.dataset.type === "none") return;
      th.tabIndex = 0;
      th.title = "Sort by this column";
      function sort() {
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[col]), y = key(b.cells[col]);
          if (x === null) return y === null ? 0 : 1;
          if (y === null) return -1;
          return dir * compare(x, y);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
    });
  });
})();
