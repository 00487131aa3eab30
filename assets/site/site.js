// Only enhances: remembers the reader's choice of view. The pages work without it.
(function () {
  var toggle = document.getElementById('as-written');
  if (!toggle) return;
  try {
    toggle.checked = localStorage.getItem('cablekit-as-written') === '1';
    toggle.addEventListener('change', function () {
      localStorage.setItem('cablekit-as-written', toggle.checked ? '1' : '0');
    });
  } catch (e) {
    // Storage refused (private mode, file://): the toggle still works for this page.
  }
})();
