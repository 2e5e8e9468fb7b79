/*
 * The public status page's behaviour with JavaScript on: filter services without reloading, and
 * follow /ws/public to update the page in place, announcing each change to screen readers.
 * Everything here is an enhancement: with JavaScript off the page is complete as served.
 */
(function () {
  'use strict';

  var body = document.body;
  var prefix = body.getAttribute('data-prefix') || '';
  var lang = body.getAttribute('data-lang') || 'ko';
  var T = texts();
  var ORDER = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];

  function texts() {
    var el = document.getElementById('page-texts');
    if (!el) return null;
    try {
      return JSON.parse(el.textContent);
    } catch (e) {
      return null;
    }
  }

  function fill(s, name, value) {
    return String(s).replace('{' + name + '}', value);
  }

  function localized(text) {
    if (!text) return null;
    if (typeof text === 'string') return text;
    return lang === 'en' && text.en ? text.en : text.ko;
  }

  // --- search -------------------------------------------------------------------------------

  var searchTimer = null;

  function initSearch() {
    var input = document.getElementById('component-search');
    if (!input || !T) return;
    document.querySelectorAll('details.group').forEach(function (g) {
      g.setAttribute('data-open', g.open ? '1' : '0');
    });
    input.form.addEventListener('submit', function (e) {
      e.preventDefault();
      filter();
    });
    input.addEventListener('input', function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(filter, 120);
    });
    if (input.value) filter();
  }

  function filter() {
    var input = document.getElementById('component-search');
    var count = document.getElementById('search-count');
    if (!input) return;
    var q = input.value.trim().toLowerCase();
    var total = 0;
    document.querySelectorAll('details.group').forEach(function (g) {
      var shown = 0;
      g.querySelectorAll('li.component').forEach(function (li) {
        var hit = !q || (li.getAttribute('data-search') || '').indexOf(q) >= 0;
        li.hidden = !hit;
        if (hit) shown++;
      });
      g.hidden = shown === 0;
      g.open = q ? shown > 0 : g.getAttribute('data-open') === '1';
      total += shown;
    });
    if (count) {
      count.textContent = q ? (total ? fill(T['components.matches'], 'n', total) : T['components.noMatch']) : '';
    }
  }

  // --- live updates -------------------------------------------------------------------------

  var home = !!document.getElementById('notices');
  var wanted = 0;
  var fetchTimer = null;
  var attempts = 0;

  var announced = { text: '', at: 0 };

  function announce(text) {
    var el = document.getElementById('announcer');
    if (!el) return;
    // Changes that arrive together are read together, not one over the other.
    var now = Date.now();
    var whole = now - announced.at < 3000 && announced.text ? announced.text + ' · ' + text : text;
    announced = { text: whole, at: now };
    el.textContent = '';
    setTimeout(function () {
      el.textContent = whole;
    }, 50);
  }

  function showState(state) {
    var el = document.getElementById('live-state');
    if (!el) return;
    el.hidden = false;
    var text = state === 'live' ? T['live.open'] : state === 'connecting' ? T['live.connecting'] : T['live.closed'];
    el.setAttribute('data-state', state);
    el.querySelector('.state-text').textContent = text;
  }

  function stamp() {
    var el = document.querySelector('#live-state .updated');
    if (!el) return;
    var now = new Date();
    function two(n) {
      return (n < 10 ? '0' : '') + n;
    }
    el.textContent = '· ' + T['live.updated'] + ' ' + two(now.getHours()) + ':' + two(now.getMinutes()) + ':' + two(now.getSeconds());
  }

  /** A status badge: icon and words, never colour alone. */
  function setBadge(badge, status) {
    if (!badge) return;
    badge.className = 'badge s-' + status;
    badge.querySelector('.icon').textContent = T.icons[status];
    badge.querySelector('.label').textContent = T['status.' + status];
  }

  function setRow(li, status, cause) {
    li.className = 'component s-' + status;
    li.setAttribute('data-status', status);
    setBadge(li.querySelector('.line .badge'), status);
    var causeEl = li.querySelector('.cause');
    var show = status !== 'operational' && cause;
    if (!causeEl && show) {
      causeEl = document.createElement('p');
      causeEl.className = 'cause';
      li.querySelector('.line').insertAdjacentElement('afterend', causeEl);
    }
    if (causeEl) {
      causeEl.textContent = show ? fill(T['cause.via'], 'name', cause) : '';
      causeEl.hidden = !show;
    }
    var alternatives = li.querySelector('.alternatives');
    if (alternatives) alternatives.hidden = status === 'operational';
  }

  function updateGroups() {
    document.querySelectorAll('details.group').forEach(function (g) {
      var worst = 0;
      var affected = 0;
      var rows = g.querySelectorAll('li.component');
      rows.forEach(function (li) {
        var rank = ORDER.indexOf(li.getAttribute('data-status'));
        if (rank > 0) affected++;
        if (rank > worst) worst = rank;
      });
      var status = ORDER[worst];
      g.setAttribute('data-status', status);
      setBadge(g.querySelector('summary .badge'), status);
      var count = g.querySelector('summary .count');
      if (count) {
        count.textContent = affected
          ? fill(fill(T['group.summary'], 'total', rows.length), 'affected', affected)
          : fill(T['group.allFine'], 'total', rows.length);
      }
      if (affected && !g.open) g.open = true;
    });
  }

  function applyStatuses(m) {
    var changed = [];
    var missing = false;
    var data = m.data || {};
    (data.changes || []).forEach(function (group) {
      var cause = localized(group.cause);
      (group.keys || []).forEach(function (key) {
        var li = document.querySelector('li.component[data-key="' + CSS.escape(key) + '"]');
        if (!li) {
          missing = true; // a service added since the page was loaded
          return;
        }
        setRow(li, group.to, cause);
        changed.push(li.querySelector('.name').textContent + ': ' + T['status.' + group.to]);
      });
    });
    if (missing) reloadMain(m.seq);
    if (!changed.length) return;
    updateGroups();
    var text = T['live.changed'] + ' — ' + changed.slice(0, 3).join(', ');
    if (changed.length > 3) text += ' ' + fill(T['live.more'], 'n', changed.length - 3);
    announce(text);
  }

  /** Fetches the part of the page rendered from the snapshot once it includes seq {@code wanted}. */
  function refreshSoon(seq, announceNotice) {
    if (seq > wanted) wanted = seq;
    attempts = 0;
    clearTimeout(fetchTimer);
    fetchTimer = setTimeout(function () {
      fetchPart(announceNotice);
    }, 150);
  }

  function fetchPart(announceNotice) {
    var url = home ? prefix + '/live/notices.html' : location.pathname + location.search;
    fetch(url, { cache: 'no-cache', credentials: 'omit' })
      .then(function (r) {
        return r.ok ? r.text() : Promise.reject(r.status);
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var part = home ? doc.getElementById('notices') : doc.querySelector('main');
        var seq = parseInt((home ? part : doc.body).getAttribute('data-seq'), 10);
        if (!part || seq < wanted) {
          // The snapshot is still being rebuilt with this change: ask again shortly.
          if (++attempts < 20) fetchTimer = setTimeout(function () { fetchPart(announceNotice); }, 300);
          return;
        }
        var current = home ? document.getElementById('notices') : document.querySelector('main');
        if (home) {
          current.replaceWith(document.importNode(part, true));
        } else {
          current.innerHTML = part.innerHTML;
        }
        body.setAttribute('data-seq', String(seq));
        if (announceNotice) announce(T['live.notice']);
        stamp();
      })
      .catch(function () {
        if (++attempts < 20) fetchTimer = setTimeout(function () { fetchPart(announceNotice); }, 1000);
      });
  }

  function onMessage(m) {
    if (home && m.type === 'component.effective_status_changed') {
      applyStatuses(m);
      refreshSoon(m.seq, false);
    } else {
      refreshSoon(m.seq, true);
    }
    stamp();
  }

  function reloadMain(seq, tries) {
    tries = tries || 0;
    fetch(location.pathname + location.search, { cache: 'no-cache', credentials: 'omit' })
      .then(function (r) {
        return r.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        if (parseInt(doc.body.getAttribute('data-seq'), 10) < seq && tries < 20) {
          setTimeout(function () { reloadMain(seq, tries + 1); }, 300);
          return;
        }
        document.querySelector('main').innerHTML = doc.querySelector('main').innerHTML;
        body.setAttribute('data-seq', doc.body.getAttribute('data-seq'));
        initSearch();
        showState('live');
        stamp();
      });
  }

  initSearch();
  if (T && window.BonbuLive && window.WebSocket && window.fetch && window.DOMParser) {
    var since = parseInt(body.getAttribute('data-seq'), 10);
    window.BonbuLive.connect('/ws/public', {
      since: isNaN(since) ? undefined : since,
      onState: showState,
      onMessage: onMessage,
      onResync: function (m) {
        reloadMain(m.seq);
      }
    });
  }
})();
