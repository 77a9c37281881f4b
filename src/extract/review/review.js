// extract review report: one optional filter; the report works without scripts.
(function () {
  "use strict";
  var box = document.getElementById("attention");
  if (!box) { return; }
  box.addEventListener("change", function () {
    document.body.classList.toggle("attention-only", box.checked);
  });
})();
