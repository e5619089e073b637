// The "Decisions" page: the audit log searched, a receipt verified where it stands in the chain and
// replayed under its pinned policy, and the whole log verified.
'use strict';

WB.pages.decisions = {
  built: false,

  show(args) {
    if (!this.built) {
      this.built = true;
      document.getElementById('search-form').addEventListener('submit', event => {
        event.preventDefault();
        this.search();
      });
      document.getElementById('verify-log').addEventListener('click', () => this.verifyAll());
    }
    const id = args[0];
    document.getElementById('decisions-search').hidden = Boolean(id);
    document.getElementById('receipt').hidden = !id;
    document.getElementById('decisions-title').textContent = id ? 'Receipt' : 'Decisions';
    if (id) this.receipt(id); else this.search();
  },

  async search() {
    const form = new FormData(document.getElementById('search-form'));
    const query = new URLSearchParams();
    for (const [name, value] of form.entries()) if (value) query.set(name, value);
    const summary = document.getElementById('search-summary');
    const results = document.getElementById('search-results');
    try {
      const found = await WB.api('/v1/workbench/decisions?' + query.toString());
      summary.textContent = WB.plural(found.total, 'decision') + ' match of ' + WB.plural(found.records, 'logged decision')
        + (found.total > found.decisions.length ? '; the newest ' + WB.number(found.decisions.length) + ' are listed.' : '.');
      WB.fill(results, WB.table('Matching decisions, newest first', ['Decided at', 'Deal', 'Outcome', 'Policy', 'Receipt'],
        found.decisions.map(d => [d.evaluatedAt, d.dealId, WB.outcome(d.outcome), WB.el('span', { class: 'hash', title: d.policy }, WB.shortVersion(d.policy)),
          WB.el('a', { href: '#/decisions/' + encodeURIComponent(d.decisionId) }, 'receipt of ' + d.dealId)])));
    } catch (failure) {
      summary.textContent = WB.problemText(failure);
      WB.fill(results);
    }
  },

  async receipt(id) {
    const { el } = WB;
    const out = document.getElementById('receipt');
    WB.fill(out, el('p', {}, 'Reading and verifying the receipt…'));
    let answer;
    try {
      answer = await WB.api('/v1/workbench/decisions/' + encodeURIComponent(id));
    } catch (failure) {
      WB.fill(out, el('p', { class: 'summary-errors' }, WB.problemText(failure)), el('p', {}, el('a', { href: '#/decisions' }, 'Back to the decisions')));
      return;
    }
    const record = answer.receipt;
    const parts = [el('p', {}, el('a', { href: '#/decisions' }, 'Back to the decisions')),
      el('h2', {}, 'Decision ' + id),
      el('p', { id: 'receipt-verdict', class: 'verdict ' + (answer.verified ? 'good' : 'bad') },
        answer.verified ? 'Verified: unaltered, and in its place in the chain' : 'NOT verified: see the failed checks'),
      el('ul', { class: 'checks', id: 'receipt-checks' }, answer.checks.map(check => el('li', {},
        el('strong', {}, check.passed ? '✓ passed' : '✗ FAILED'), ' ', check.name, ': ', check.detail)))];
    if (record) {
      const decision = record.decision;
      parts.push(
        el('h3', {}, 'Its place in the chain'),
        el('dl', { class: 'facts' },
          el('dt', {}, 'Line'), el('dd', {}, WB.number(answer.line) + ' of ' + WB.number(answer.lines)),
          el('dt', {}, 'Follows'), el('dd', { class: 'hash' }, record.prev),
          el('dt', {}, 'Its hash'), el('dd', { class: 'hash' }, record.hash),
          el('dt', {}, 'Decided at'), el('dd', {}, record.evaluatedAt),
          el('dt', {}, 'Policy'), el('dd', { class: 'hash' }, record.policy.version + ' (' + WB.plural(record.policy.files, 'file') + ')'),
          el('dt', {}, 'Engine'), el('dd', {}, record.engine)),
        el('h3', {}, 'Outcome: ', WB.outcome(decision.outcome)),
        el('p', {}, 'Ownership model ' + decision.ownershipModel + '; sign-offs needed from ' + (decision.approvers.length ? decision.approvers.join(', ') : 'nobody') + '.'),
        WB.table('Findings', ['Severity', 'Code', 'Message', 'Fix', 'Approver', 'Rule'],
          decision.findings.map(f => [WB.outcome(f.severity), el('code', {}, f.code), f.message, f.remedy || '', f.approver || 'none', f.rule])),
        el('h3', {}, 'Facts, as decided'),
        el('pre', { tabindex: '0', 'aria-label': 'The deal as decided, JSON' }, JSON.stringify(record.deal, null, 2)),
        el('h3', {}, 'Replay'),
        el('p', {}, 'Decides the deal again under the policy pinned for its version and compares the decision with the record.'),
        el('button', { type: 'button', id: 'replay', onclick: event => this.replay(id, event.target) }, 'Replay under its pinned policy'),
        el('div', { id: 'replay-result', 'aria-live': 'polite' }));
    }
    WB.fill(out, parts);
  },

  async replay(id, button) {
    const out = document.getElementById('replay-result');
    button.disabled = true;
    WB.fill(out, WB.el('p', {}, 'Replaying…'));
    try {
      const result = await WB.api('/v1/workbench/decisions/' + encodeURIComponent(id) + '/replay', { json: {} });
      WB.fill(out, WB.el('p', { class: 'verdict ' + (result.matched ? 'good' : 'bad'), id: 'replay-verdict' },
        result.matched ? 'Replayed: the same decision (' : 'Replay differs (',
        WB.outcome(result.recorded), ' recorded, ', result.replayed ? WB.outcome(result.replayed) : 'no decision', ' replayed under ',
        WB.el('span', { class: 'hash' }, WB.shortVersion(result.policy)), ')',
        result.added.length ? '; added ' + result.added.join(', ') : '', result.removed.length ? '; removed ' + result.removed.join(', ') : '',
        result.error ? ': ' + result.error : ''));
    } catch (failure) {
      WB.fill(out, WB.el('p', { class: 'summary-errors' }, WB.problemText(failure)));
    } finally {
      button.disabled = false;
    }
  },

  async verifyAll() {
    const out = document.getElementById('verify-log-result');
    const button = document.getElementById('verify-log');
    button.disabled = true;
    WB.fill(out, WB.el('p', {}, 'Verifying every record…'));
    try {
      const report = await WB.api('/v1/workbench/log/verification');
      WB.fill(out, WB.el('p', { class: 'verdict ' + (report.intact ? 'good' : 'bad') },
        report.intact ? 'Intact: ' + WB.plural(report.records, 'record') + ', every hash, link and pinned policy checked'
          : 'NOT intact: ' + WB.plural(report.problemCount, 'problem')),
      report.problems.length ? WB.el('ul', {}, report.problems.map(p => WB.el('li', {}, p.kind + ' at line ' + p.line + ': ' + p.message))) : null);
    } catch (failure) {
      WB.fill(out, WB.el('p', { class: 'summary-errors' }, WB.problemText(failure)));
    } finally {
      button.disabled = false;
    }
  },
};
