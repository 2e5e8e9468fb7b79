/*
 * Console work screens (/console/incidents/{number}/work, /console/tasks): the step buttons call
 * the JSON API, and the page stays current in place — through /ws/console, or every 5 seconds
 * where the browser cannot open it with HTTP Basic credentials.
 */
(function () {
  'use strict';
  var number = document.body.getAttribute('data-number');
  var live = false;
  var polling = null;

  function setText(id, text) {
    var el = document.getElementById(id);
    if (el) el.textContent = text;
  }

  function refresh() {
    return fetch(location.origin + location.pathname + location.search, { credentials: 'same-origin', cache: 'no-cache' })
      .then(function (r) {
        return r.ok ? r.text() : Promise.reject(r.status);
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var focused = document.activeElement && document.activeElement.id;
        var typed = {};
        document.querySelectorAll('input.note').forEach(function (i) {
          if (i.value) typed[i.id] = i.value;
        });
        document.getElementById('main').innerHTML = doc.getElementById('main').innerHTML;
        Object.keys(typed).forEach(function (id) {
          var i = document.getElementById(id);
          if (i) i.value = typed[id];
        });
        if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
        setText('live', (live ? 'Live' : 'Checking every 5 s') + ' · updated ' + new Date().toLocaleTimeString());
      })
      .catch(function () {
        /* next time */
      });
  }

  function act(button, verb) {
    var checklist = button.getAttribute('data-checklist');
    var position = button.getAttribute('data-position');
    var note = document.getElementById('note-' + checklist + '-' + position).value;
    var body = verb === 'complete' ? { evidence: note } : { reason: note };
    // An absolute URL from the origin: the page's own URL may carry sign-in credentials, which
    // fetch refuses in a URL.
    fetch(location.origin + '/api/incidents/' + encodeURIComponent(number) + '/checklists/' + checklist + '/items/' + position + '/' + verb, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    })
      .then(function (r) {
        if (r.ok) return refresh().then(function () { setText('error', ''); });
        return r.json().then(function (problem) {
          setText('error', problem.detail || problem.title);
        });
      })
      .catch(function () {
        setText('error', 'The request did not reach the service; try again.');
      });
  }

  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button.complete, button.skip');
    if (!b) return;
    act(b, b.classList.contains('complete') ? 'complete' : 'skip');
  });

  function poll() {
    if (polling === null) polling = setInterval(refresh, 5000);
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
        setText('live', live ? 'Live' : s === 'offline' ? 'Checking every 5 s' : '');
      },
      onMessage: function (m) {
        if (!number || m.incident === number) refresh();
      }
    });
  } else {
    poll();
  }
})();
