// Runs before the first paint (a tiny blocking script): the page's HTML carries the first view
// of a first visit — worked example 01 (scripts/prerender.mjs) — which must never show for a
// visitor with work of their own: saved dossiers, a draft, other rules in force, English, or a
// share link or another view in the address. For them it is hidden, and the app paints their own.
(function () {
  var own = /^#(share=|workshop|rules|about)/.test(location.hash);
  try {
    var s = window.localStorage;
    own = own || !!(s.getItem('dongliang.library') || s.getItem('dongliang.drafts') ||
      s.getItem('dongliang.rules') || s.getItem('dongliang.lang') === 'en');
  } catch (e) {
    own = true;
  }
  if (own) document.documentElement.className += ' own-work';
})();
