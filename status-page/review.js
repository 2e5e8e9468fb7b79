/*
 * The incident timeline page for staff (/review/incidents/{number}): while the incident is active,
 * keep the list current in place. It follows /ws/console; where the browser cannot open it (HTTP
 * Basic credentials are not sent on a websocket upgrade by every browser), it asks again every
 * 5 seconds instead.
 */
(function () {
  'use strict';
  if (document.body.getAttribute('data-active') !== 'true') return;
  var number = document.body.getAttribute('data-number');
  var status = document.getElementById('live');
  var live = false;
  var polling = null;

  function refresh(note) {
    fetch(location.origin + location.pathname + location.search, { credentials: 'same-origin', cache: 'no-cache' })
      .then(function (r) {
        return r.ok ? r.text() : Promise.reject(r.status);
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var count = doc.getElementById('count').textContent;
        if (count !== document.getElementById('count').textContent || note) {
          document.getElementById('main').innerHTML = doc.getElementById('main').innerHTML;
          document.getElementById('count').textContent = count;
        }
        status = document.getElementById('live');
        status.textContent = (live ? 'Live' : 'Checking every 5 s') + ' · updated ' + new Date().toLocaleTimeString();
      })
      .catch(function () {
        /* try again next time */
      });
  }

  function poll() {
    if (polling === null) polling = setInterval(function () { refresh(false); }, 5000);
  }

  if (window.BonbuLive && window.WebSocket) {
    window.BonbuLive.connect('/ws/console', {
      onState: function (s) {
        live = s === 'live';
        if (live && polling !== null) {
          clearInterval(polling);
          polling = null;
        }
        if (s === 'offline') poll();
        status.textContent = live ? 'Live' : s === 'offline' ? 'Checking every 5 s' : '';
      },
      onMessage: function (m) {
        if (m.incident === number) refresh(true);
      }
    });
  } else {
    poll();
  }
})();
