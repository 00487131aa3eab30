// Starts Pagefind's interface; result links are made relative to this site's folder, wherever it is served.
(function () {
  var script = document.currentScript;
  window.addEventListener('DOMContentLoaded', function () {
    if (typeof PagefindUI === 'undefined') return;
    var root = new URL('../', script.src).pathname;
    new PagefindUI({ element: '#search', showSubResults: true, showImages: false, baseUrl: root });
    var params = new URLSearchParams(location.search);
    var query = params.get('q');
    if (query) {
      var input = document.querySelector('#search input');
      if (input) { input.value = query; input.dispatchEvent(new Event('input', { bubbles: true })); }
    }
  });
})();
