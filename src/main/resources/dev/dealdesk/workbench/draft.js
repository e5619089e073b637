// The "Draft a change" page: threshold values and an optional rule file, checked by the service off to
// the side (compile and lint, golden examples, what-if over the logged decisions), never made live.
'use strict';

WB.pages.draft = {
  built: false,
  overview: null,
  downloads: [],

  async show() {
    if (this.built) return;
    this.built = true;
    const holder = document.getElementById('draft-thresholds');
    try {
      this.overview = await WB.loadPolicy(false);
    } catch (failure) {
      this.built = false;
      WB.fill(holder, WB.el('p', { class: 'summary-errors' }, WB.problemText(failure)));
      return;
    }
    this.renderThresholds();
    const base = document.getElementById('draft-file-base');
    for (const name of this.overview.status.fileNames.filter(name => name.endsWith('.drl'))) base.append(WB.el('option', { value: name }, name));
    base.addEventListener('change', () => this.startFrom(base.value));
    document.getElementById('draft-reset').addEventListener('click', () => {
      this.renderThresholds();
      document.getElementById('draft-file-name').value = '';
      document.getElementById('draft-file-text').value = '';
      base.value = '';
      this.clearErrors();
    });
    document.getElementById('draft-form').addEventListener('submit', event => {
      event.preventDefault();
      this.check();
    });
  },

  renderThresholds() {
    const { el } = WB;
    const items = this.overview.thresholds.items;
    WB.fill(document.getElementById('draft-thresholds'), items.length === 0 ? el('p', {}, 'The live policy has no thresholds file.')
      : WB.table('Thresholds of ' + this.overview.thresholds.file + ': change a value to try it', ['Threshold', 'What it is', 'Live value', 'Draft value'],
        items.map(t => {
          const id = 'threshold-' + t.name;
          return [el('label', { for: id }, el('code', {}, t.name)),
            el('span', { id: id + '-what' }, t.section ? el('span', { class: 'hint' }, t.section + '. ') : '', t.comment), t.value,
            [el('input', { id, name: t.name, value: t.value, 'data-live': t.value, 'data-threshold': t.name, 'data-line': t.line,
              size: 14, inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': id + '-what ' + id + '-error' }),
            el('p', { class: 'field-error', id: id + '-error' })]];
        }), [2]));
  },

  /** Fills the rule file editor with a live file's text (replacing it) or empties it (a new file). */
  async startFrom(name) {
    document.getElementById('draft-file-name').value = name;
    document.getElementById('draft-file-text').value = '';
    if (!name) return;
    try {
      const files = await WB.api('/v1/workbench/policy/files/' + encodeURIComponent(name));
      document.getElementById('draft-file-text').value = files.text;
    } catch (failure) {
      document.getElementById('draft-file-text-error').textContent = WB.problemText(failure);
    }
  },

  clearErrors() {
    for (const node of document.querySelectorAll('#page-draft .field-error')) node.textContent = '';
    for (const node of document.querySelectorAll('#page-draft [aria-invalid]')) node.removeAttribute('aria-invalid');
    const summary = document.getElementById('draft-summary');
    WB.fill(summary);
    summary.className = '';
  },

  /** The draft the page holds: changed thresholds and the rule file, if one is named. */
  draft() {
    const thresholds = {};
    for (const input of document.querySelectorAll('#draft-thresholds input[data-threshold]')) {
      if (input.value.trim() !== input.dataset.live) thresholds[input.dataset.threshold] = input.value.trim();
    }
    const draft = { thresholds };
    const name = document.getElementById('draft-file-name').value.trim();
    const text = document.getElementById('draft-file-text').value;
    if (name || text) draft.files = [{ name, text }];
    return draft;
  },

  async check() {
    this.clearErrors();
    const out = document.getElementById('draft-result');
    const button = document.querySelector('#draft-form button[type="submit"]');
    button.disabled = true;
    WB.fill(out, WB.el('p', {}, 'Checking the draft: compiling, testing the examples, deciding every logged deal…'));
    try {
      const result = await WB.api('/v1/workbench/drafts', { json: this.draft() });
      WB.fill(out, this.render(result));
      this.markThresholds(result);
      document.getElementById('draft-verdict').focus();
    } catch (failure) {
      WB.fill(out);
      this.showProblem(failure);
    } finally {
      button.disabled = false;
    }
  },

  showProblem(failure) {
    const problem = failure.problem || {};
    const path = typeof problem.path === 'string' ? problem.path : '';
    let field = null;
    if (path.startsWith('/thresholds/')) {
      const name = path.slice('/thresholds/'.length).replace(/~1/g, '/').replace(/~0/g, '~');
      field = document.getElementById('threshold-' + name);
    } else if (path.startsWith('/files/0/')) {
      field = document.getElementById(path.endsWith('/name') ? 'draft-file-name' : 'draft-file-text');
    }
    const summary = document.getElementById('draft-summary');
    summary.className = 'summary-errors';
    WB.fill(summary, WB.el('p', {}, 'The draft was not checked: ', path ? path + ': ' : '', problem.detail || WB.problemText(failure)));
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      document.getElementById(field.id + '-error').textContent = (path ? path + ': ' : '') + (problem.detail || '');
      field.focus();
    }
  },

  /** Shows each problem on a threshold's line of the thresholds file next to that threshold's field too. */
  markThresholds(result) {
    const file = this.overview.thresholds.file;
    for (const input of document.querySelectorAll('#draft-thresholds input[data-threshold]')) {
      const problems = result.problems.filter(problem => problem.file === file && String(problem.line) === input.dataset.line
        && problem.level === 'error');
      if (problems.length === 0) continue;
      input.setAttribute('aria-invalid', 'true');
      document.getElementById(input.id + '-error').textContent = problems.map(problem => problem.text).join('; ');
    }
  },

  render(result) {
    const { el } = WB;
    this.downloads.forEach(url => URL.revokeObjectURL(url));
    this.downloads = [];
    const parts = [el('h2', { id: 'draft-verdict', tabindex: '-1' }, result.compiles ? 'The draft compiles' : 'The draft does not compile')];
    parts.push(result.compiles
      ? el('p', { class: 'verdict good' }, 'Compiled and linted as ', el('span', { class: 'hash' }, result.version),
        result.problems.length ? ', with ' + WB.plural(result.problems.length, 'warning') : ', with no warnings')
      : el('p', { class: 'verdict bad' }, 'Not compiled: ' + WB.plural(result.problems.length, 'problem') + '. Nothing else was checked.'));
    if (result.problems.length) parts.push(el('div', { id: 'draft-problems' }, WB.problemList(result.problems)));
    if (result.compiles && result.files.length) {
      parts.push(el('h3', {}, 'Changed files'), el('p', { class: 'downloads' }, result.files.map(file => {
        const url = URL.createObjectURL(new Blob([file.text], { type: 'text/plain' }));
        this.downloads.push(url);
        return el('a', { href: url, download: file.name }, 'Download ' + file.name + ' (' + file.change + ')');
      })));
    }
    if (!result.compiles) return parts;
    const examples = result.examples;
    parts.push(el('h3', {}, 'Golden examples'), !examples.configured
      ? el('p', { class: 'notice' }, 'No golden examples are configured: start the service with --examples DIR to test drafts against them.')
      : [el('p', { id: 'draft-examples', class: 'verdict ' + (examples.failed ? 'bad' : 'good') },
        WB.number(examples.passed) + ' of ' + WB.number(examples.passed + examples.failed) + ' examples pass'
        + (examples.failed ? '; ' + WB.number(examples.failed) + ' fail' : '')),
      examples.failures.length ? el('ul', {}, examples.failures.map(failure => el('li', {}, el('code', {}, failure.file), ': ', failure.explanation))) : null]);
    parts.push(el('h3', {}, 'What if it had decided the logged deals'));
    const whatIf = result.whatIf;
    if (!whatIf) {
      parts.push(el('p', { class: 'notice' }, 'The service keeps no audit log (serve --audit FILE), so there are no logged decisions to compare.'));
      return parts;
    }
    parts.push(el('p', { id: 'what-if-summary' }, 'Over ' + WB.plural(whatIf.decisions, 'logged decision') + ': '
      + WB.plural(whatIf.changeCount, 'decision') + ' would change, ' + WB.number(whatIf.flipCount) + ' of them their outcome'
      + ' (decided in ' + WB.number(whatIf.millis) + ' ms).'),
    whatIf.errorCount ? el('p', { class: 'summary-errors' }, WB.plural(whatIf.errorCount, 'record') + ' could not be compared: ' + whatIf.errors.join('; ')) : null,
    WB.chart(whatIf),
    el('div', { class: 'grid' },
      WB.table('Finding codes gained', ['Code', 'Times'], Object.entries(whatIf.codesGained).map(([code, n]) => [el('code', {}, code), WB.number(n)]), [1]),
      WB.table('Finding codes lost', ['Code', 'Times'], Object.entries(whatIf.codesLost).map(([code, n]) => [el('code', {}, code), WB.number(n)]), [1])),
    WB.table('Decisions that would change' + (whatIf.changeCount > whatIf.changes.length ? ' (the first ' + WB.number(whatIf.changes.length)
      + ' of ' + WB.number(whatIf.changeCount) + ')' : ''), ['Deal', 'Segment', 'ACV', 'Logged', 'Under the draft', 'Codes gained', 'Codes lost', 'Receipt'],
    whatIf.changes.map(change => [change.dealId, change.segment, WB.usd(change.acv), WB.outcome(change.from), WB.outcome(change.to),
      change.gained.join(', '), change.lost.join(', '),
      el('a', { href: '#/decisions/' + encodeURIComponent(change.decisionId) }, 'receipt (line ' + change.line + ')')]), [2]));
    return parts;
  },
};
