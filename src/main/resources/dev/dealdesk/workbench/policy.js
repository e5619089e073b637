// The policy page: the live policy's status, its thresholds and every rule with how often it fired.
'use strict';

/** The live policy's overview, fetched again when asked to refresh. */
WB.loadPolicy = function (refresh) {
  if (refresh || !WB.policyOverview) WB.policyOverview = WB.api('/v1/workbench/policy');
  return WB.policyOverview;
};

WB.severityWords = {
  REJECT: 'REJECT', FLAG: 'FLAG', INFO: 'INFO', REJECT_AT_CLOSE: 'REJECT at close, FLAG before',
};

WB.problemList = function (problems) {
  return WB.el('ul', { class: 'problems' }, problems.map(problem => WB.el('li', {},
    WB.el('span', { class: 'problem-where' }, problem.text.slice(0, problem.text.length - problem.message.length)),
    problem.message)));
};

WB.pages.policy = {
  async show() {
    const { el, fill } = WB;
    clearTimeout(this.again);
    const status = document.getElementById('policy-status');
    let overview;
    try {
      overview = await WB.loadPolicy(true);
    } catch (failure) {
      fill(status, el('p', { class: 'summary-errors', role: 'alert' }, WB.problemText(failure)));
      return;
    }
    const live = overview.status;
    const reload = live.lastReload;
    fill(status, el('dl', { class: 'facts' },
      el('dt', {}, 'Live version'), el('dd', { class: 'hash', id: 'live-version' }, live.version),
      el('dt', {}, 'Went live'), el('dd', {}, new Date(live.loadedAt).toLocaleString() + ' (' + live.loadedAt + ')'),
      el('dt', {}, 'Files'), el('dd', {}, WB.plural(live.files, 'file') + ', ' + WB.plural(overview.ruleCount, 'rule') + ': ' + live.fileNames.join(', ')),
      el('dt', {}, 'Watching for edits'), el('dd', {}, live.watcher.state + (live.watcher.reason ? ': ' + live.watcher.reason : '')),
      el('dt', {}, 'Last reload attempt'), el('dd', { id: 'last-reload' }, reload === null ? 'none since the service started'
        : [reload.succeeded ? 'went live' : 'refused: the live policy stayed', ' at ' + reload.at,
          reload.version ? ' (' + WB.shortVersion(reload.version) + ')' : '',
          reload.problems.length ? WB.problemList(reload.problems) : '']),
      el('dt', {}, 'Audit log'), el('dd', { id: 'log-records' }, overview.log.present
        ? WB.plural(overview.log.records, 'logged decision') + (overview.log.unreadable ? ', ' + WB.plural(overview.log.unreadable, 'unreadable line') : '')
          + (overview.log.reading ? ' read so far: the service is still reading its log, and the counts below will grow' : '')
        : 'none: the service keeps no audit log (serve --audit FILE), so nothing counts firings'),
      el('dt', {}, 'Golden examples'), el('dd', {}, overview.examples.configured
        ? 'drafts are tested against ' + overview.examples.directory
        : 'none configured: start the service with --examples DIR to test drafts against them')));

    const thresholds = overview.thresholds.items;
    fill(document.getElementById('policy-thresholds'), thresholds.length === 0
      ? el('p', {}, 'The live policy has no ' + overview.thresholds.file + '.')
      : WB.table('Every threshold of ' + overview.thresholds.file, ['Threshold', 'Value', 'Type', 'What it is', 'Where'],
        thresholds.map(t => [el('code', {}, t.name), el('strong', {}, t.value), t.type,
          [t.section ? el('span', { class: 'hint' }, t.section + '. ') : '', t.comment],
          el('code', {}, overview.thresholds.file + ':' + t.line)]), [1]));

    fill(document.getElementById('policy-rules'), overview.files.map(file => el('section', { 'aria-label': file.file },
      el('h3', {}, el('code', {}, file.file)),
      file.about ? el('p', {}, file.about) : null,
      WB.table(null, ['Code', 'Rule', 'Severity', 'Approver', 'Concerns', 'Where', 'Fired in'],
        file.rules.map(rule => [el('code', {}, rule.code), rule.name, WB.severityWords[rule.severity] || rule.severity,
          rule.approver || 'none', rule.concerns.join(', '), el('code', {}, rule.file + ':' + rule.line),
          WB.plural(rule.firedIn, 'decision')]), [6]))));
    if (overview.log.present && overview.log.reading) {
      // Shown again once more of the log is read, while this page is open.
      this.again = setTimeout(() => { if (!document.getElementById('page-policy').hidden) this.show(); }, 1000);
    }
  },
};
