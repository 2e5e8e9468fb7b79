/*
 * Console pages (/console, /console/incidents/{number}, /console/catalog): the parts of the page
 * marked data-live are replaced in place with the server's current rendering whenever a timeline
 * entry arrives on /ws/console (for the room: an entry of its incident), or every 5 seconds where
 * the websocket cannot be opened. Forms stay as they are, so nothing a person is typing is lost.
 */
(function () {
  'use strict';
  var body = document.body;
  var number = body.getAttribute('data-number');
  var source = body.getAttribute('data-refresh') || location.pathname;
  var live = false;
  var polling = null;

  function setText(id, text) {
    var el = document.getElementById(id);
    if (el) el.textContent = text;
  }

  var inFlight = false;
  var again = false;

  // A burst of entries (one shared failure moves thousands of components) makes one or two
  // fetches, not one per entry.
  function refresh() {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    load().then(function () {
      inFlight = false;
      if (again) {
        again = false;
        refresh();
      }
    });
  }

  function load() {
    // From the origin: the page's own URL may carry sign-in credentials, which fetch refuses.
    return fetch(location.origin + source, { credentials: 'same-origin', cache: 'no-cache' })
      .then(function (r) {
        return r.ok ? r.text() : Promise.reject(r.status);
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var focused = document.activeElement && document.activeElement.id;
        document.querySelectorAll('[data-live]').forEach(function (region) {
          var fresh = region.id && doc.getElementById(region.id);
          if (fresh) region.innerHTML = fresh.innerHTML;
        });
        if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
        setText('live', (live ? '실시간 Live' : '5초마다 확인 Checking every 5 s') + ' · ' + new Date().toLocaleTimeString());
      })
      .catch(function () {
        /* next time */
      });
  }

  function poll() {
    if (polling === null) polling = setInterval(refresh, 5000);
  }

  if (!document.querySelector('[data-live]')) return;
  if (window.BonbuLive && window.WebSocket) {
    window.BonbuLive.connect('/ws/console', {
      onState: function (s) {
        live = s === 'live';
        if (live && polling !== null) {
          clearInterval(polling);
          polling = null;
        }
        if (s === 'offline') poll();
        setText('live', live ? '실시간 Live' : s === 'offline' ? '5초마다 확인 Checking every 5 s' : '');
      },
      onMessage: function (m) {
        if (!number || m.incident === number) refresh();
      },
      onResync: function () {
        refresh();
      }
    });
  } else {
    poll();
  }
})();
