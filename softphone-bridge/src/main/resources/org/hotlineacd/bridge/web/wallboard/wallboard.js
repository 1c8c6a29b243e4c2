// The wallboard: one WebSocket to /ws/wallboard, one full picture per message (about one a
// second), tiles redrawn from it. Read-only. On a lost connection it reconnects with the last
// sequence it saw (?since=N) and the server answers with the current picture at once.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  const queue = params.getAll('queue').join(',');
  let lastSeq = 0;
  let retry = 1000;

  const FIGS = [
    ['waiting', 'Calls waiting', t => String(t.waiting), 'waiting'],
    ['longestWait', 'Longest wait', t => clock(t.longestWaitSeconds), 'longestWait'],
    ['serviceLevelToday', '≤ {T} today', t => percent(t.serviceLevelToday), 'serviceLevelToday'],
    ['serviceLevel15', '≤ {T}, last 15 min', t => percent(t.serviceLevel15), 'serviceLevel15'],
    ['asa', 'Average wait (ASA)', t => seconds(t.asaSeconds), null],
    ['averageTalk', 'Average talk', t => t.averageTalkSeconds === null ? '-' : clock(Math.round(t.averageTalkSeconds)), null],
    ['longCallShare', 'Talks over {L}', t => percent(t.longCallShare), null],
    ['abandoned', 'Abandoned today', t => String(t.abandonedToday), 'abandoned'],
  ];
  const STATES = [['ready', 'ready'], ['on-call', 'on call'], ['ringing', 'ringing'], ['wrap-up', 'wrap-up'], ['not-ready', 'not ready']];

  function percent(f) { return f === null ? '-' : (f * 100).toFixed(1) + ' %'; }
  function seconds(s) { return s === null ? '-' : s.toFixed(1) + ' s'; }
  function clock(s) { const m = Math.floor(s / 60); const r = s % 60; return m + ':' + (r < 10 ? '0' : '') + r; }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function tile(t, board) {
    const box = el('article', 'queue');
    box.dataset.queue = t.queue;
    box.appendChild(el('h2', null, t.name));
    const figs = el('div', 'figs');
    for (const [field, label, format, level] of FIGS) {
      const fig = el('div', 'fig');
      fig.dataset.queue = t.queue;
      fig.dataset.field = field;
      fig.dataset.level = level ? t.levels[level] : 'plain';
      fig.appendChild(el('span', 'label', label.replace('{T}', board.answerTargetSeconds + ' s').replace('{L}', board.longCallSeconds / 60 + ' min')));
      fig.appendChild(el('span', 'value', format(t)));
      figs.appendChild(fig);
    }
    const agents = el('div', 'fig agents');
    agents.dataset.queue = t.queue;
    agents.dataset.field = 'agents';
    agents.dataset.level = 'plain';
    agents.appendChild(el('span', 'label', 'Agents (' + t.loggedIn + ' logged in)'));
    agents.appendChild(el('span', 'value', STATES.map(([k, l]) => l + ' ' + t.agents[k]).join(' · ')));
    figs.appendChild(agents);
    box.appendChild(figs);
    return box;
  }

  function render(board) {
    document.getElementById('clock').textContent = board.at.replace('T', ' ');
    const tiles = document.getElementById('tiles');
    tiles.replaceChildren(...board.queues.map(t => tile(t, board)));
    const centre = document.getElementById('centre');
    centre.hidden = queue !== '';
    if (!centre.hidden) { centre.replaceChildren(tile(board.centre, board)); }
    document.getElementById('note').textContent = 'Answered ≤ ' + board.answerTargetSeconds + ' s by formula "' + board.formula
      + '"; calls still waiting under ' + board.answerTargetSeconds + ' s are left out until they are answered or pass it. '
      + 'Today is ' + board.zone + ' time. Update ' + board.seq + '.';
    document.body.dataset.seq = String(board.seq);
  }

  function status(state, text) {
    const s = document.getElementById('status');
    s.dataset.state = state;
    s.textContent = text;
  }

  function connect() {
    const q = new URLSearchParams();
    if (token) { q.set('token', token); }
    if (queue) { q.set('queue', queue); }
    if (lastSeq > 0) { q.set('since', String(lastSeq)); }
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/wallboard?' + q);
    ws.onopen = () => { retry = 1000; status('live', 'live'); };
    ws.onmessage = ev => {
      const m = JSON.parse(ev.data);
      if (m.type === 'board' && m.seq > lastSeq) {
        lastSeq = m.seq;
        render(m);
      }
    };
    ws.onclose = () => {
      status('lost', 'reconnecting…');
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    };
  }

  connect();
}());
