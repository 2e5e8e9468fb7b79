/*
 * BonbuLive: a websocket client for /ws/public and /ws/console that never misses an entry.
 *
 *   var live = BonbuLive.connect('/ws/public', {
 *     since: 1234,                        // last seq already shown (e.g. from the page), optional
 *     onMessage: function (m) { ... },    // {seq, type, at, data}, in seq order, each once
 *     onResync: function (m) { ... },     // too much was missed: reload the snapshot
 *     onState: function (s) { ... }       // 'connecting' | 'live' | 'offline' | 'reconnecting'
 *   });
 *   live.close();
 *
 * It reconnects after a drop with jittered exponential backoff (0.5 s doubling to 30 s) and
 * resumes with ?since=<last seq>, so the server replays exactly what was missed. Every close is a
 * drop, whatever its code: 1012 from a replica that is stopping (the load balancer sends the
 * reconnect to another one), 4008 for a client that fell behind, or a lost network.
 */
(function (global) {
  'use strict';

  function connect(path, options) {
    var opts = options || {};
    var since = typeof opts.since === 'number' ? opts.since : null;
    var attempt = 0;
    var socket = null;
    var timer = null;
    var stopped = false;

    function url() {
      var scheme = global.location.protocol === 'https:' ? 'wss:' : 'ws:';
      return scheme + '//' + global.location.host + path + (since === null ? '' : '?since=' + since);
    }

    function state(s) {
      if (opts.onState) opts.onState(s);
    }

    function open() {
      state(attempt === 0 ? 'connecting' : 'reconnecting');
      socket = new global.WebSocket(url());
      socket.onopen = function () {
        attempt = 0;
        state('live');
      };
      socket.onmessage = function (event) {
        var message;
        try {
          message = JSON.parse(event.data);
        } catch (e) {
          return;
        }
        if (message.type === 'resync') {
          since = message.seq;
          if (opts.onResync) opts.onResync(message);
          return;
        }
        if (since !== null && message.seq <= since) return; // already shown
        since = message.seq;
        if (opts.onMessage) opts.onMessage(message);
      };
      socket.onclose = function () {
        if (stopped) return;
        state('offline');
        schedule();
      };
      socket.onerror = function () {
        try {
          socket.close();
        } catch (e) {
          /* closing anyway */
        }
      };
    }

    function schedule() {
      attempt += 1;
      var ceiling = Math.min(30000, 500 * Math.pow(2, attempt - 1));
      var delay = ceiling / 2 + Math.random() * (ceiling / 2); // jitter: no thundering herd
      timer = global.setTimeout(open, delay);
    }

    open();
    return {
      close: function () {
        stopped = true;
        global.clearTimeout(timer);
        if (socket) socket.close();
      },
      lastSeq: function () {
        return since;
      }
    };
  }

  global.BonbuLive = { connect: connect };
})(window);
