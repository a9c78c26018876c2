/* SIMERIT: small page behaviour (no framework). */
(function () {
  'use strict';
  // htmx filter forms: leave empty fields out of the request, so the pushed URL stays short and
  // equals what a plain (no-JS) form submit without those fields would produce.
  document.addEventListener('htmx:configRequest', function (e) {
    var p = e.detail.parameters;
    Object.keys(p).forEach(function (k) { if (p[k] === '') { delete p[k]; } });
  });
})();
