// Starts Pagefind's interface over the parts of the index the build lists in pagefind/cablekit-search.json
// (the first part loads the search; the others are merged into it). Result links are made relative to
// this site's folder, wherever it is served.
(function () {
  var script = document.currentScript;
  var root = new URL('../', script.src).pathname;
  var list = fetch(root + 'pagefind/cablekit-search.json').then(function (response) {
    if (!response.ok) throw new Error('the search index is missing (' + response.status + ')');
    return response.json();
  });
  window.addEventListener('DOMContentLoaded', function () {
    if (typeof PagefindUI === 'undefined') return;
    list.then(function (parts) {
      var bundles = parts.bundles.map(function (path) { return root + 'pagefind/' + path; });
      if (bundles.length === 0) return;
      // Options a merged part needs again: Pagefind applies the interface's only to the first part.
      var excerptLength = 12;
      new PagefindUI({
        element: '#search',
        bundlePath: bundles[0],
        mergeIndex: bundles.slice(1).map(function (path) { return { bundlePath: path, baseUrl: root, excerptLength: excerptLength }; }),
        showSubResults: true,
        showImages: false,
        excerptLength: excerptLength,
        baseUrl: root,
      });
      // Pagefind's field has only a placeholder: give it a name screen readers announce.
      var field = document.querySelector('#search input[type="text"], #search input');
      if (field) field.setAttribute('aria-label', 'Search the edition');
      var query = new URLSearchParams(location.search).get('q');
      if (query) {
        var input = document.querySelector('#search input');
        if (input) { input.value = query; input.dispatchEvent(new Event('input', { bubbles: true })); }
      }
    }).catch(function (error) {
      var box = document.getElementById('search');
      if (box) box.textContent = 'Search is not available: ' + error.message + '.';
    });
  });
})();
