// The "Try a deal" page: a form made from the deal's JSON Schema (or a JSON editor), the decision
// rendered for a person, and bad input shown next to the field its JSON path names.
'use strict';

WB.samples = {
  'smb-land': { label: 'SMB land under the minimum ($12,000, proposal)', deal: {
    dealId: 'TRY-SMB-LAND', asOf: '2026-11-23', motion: 'LAND', stage: 'PROPOSAL', segment: 'SMB', acv: 12000,
    seller: { arr: 6000000 }, contract: { pricingModel: 'PER_SEAT', termMonths: 12 } } },
  'flat-fee-renewal': { label: 'Self-serve renewal on a three-year flat fee', deal: {
    dealId: 'TRY-FLAT-FEE-RENEWAL', asOf: '2026-11-23', motion: 'RENEWAL', stage: 'CLOSED_WON', segment: 'SMB', acv: 12000,
    touchModel: 'SELF_SERVE', seller: { arr: 6000000 }, contract: { pricingModel: 'FLAT_FEE', termMonths: 36 } } },
  'clean-land': { label: 'Mid-market land with everything in place', deal: {
    dealId: 'TRY-CLEAN-LAND', asOf: '2026-11-23', motion: 'LAND', stage: 'CLOSED_WON', segment: 'MID_MARKET', acv: 60000,
    touchModel: 'HIGH_TOUCH', seller: { arr: 25000000 },
    valueProof: { workflow: 'Tier-1 support ticket triage', metric: 'Median first-response time (hours)', baseline: 18, target: 4,
      windowDays: 75, reachesProduction: true, champion: 'Dana Ruiz' },
    expansionMap: [
      { team: 'IT Service Desk', sponsor: 'Priya Nair', useCase: 'IT ticket triage', estimatedAcv: 45000, targetQuarter: '2026-Q4' },
      { team: 'HR Shared Services', sponsor: 'Marcus Lee', useCase: 'Employee case routing', estimatedAcv: 30000, targetQuarter: '2027-Q1' },
      { team: 'Finance AP', sponsor: 'Elena Petrova', useCase: 'Invoice exceptions', estimatedAcv: 35000, targetQuarter: '2027-Q2' },
      { team: 'Sales Operations', sponsor: 'Tom Becker', useCase: 'Deal-desk intake', estimatedAcv: 40000, targetQuarter: '2027-Q3' }],
    customerStrategy: { horizonMonths: 24, framing: 'CUSTOMER_OUTCOME', expansionTrigger: 'CUSTOMER_READINESS', phases: [
      { name: 'IT service desk', team: 'IT Service Desk', outcome: 'IT tickets triaged within 2 hours', startMonth: 4 },
      { name: 'HR and finance routing', team: 'HR Shared Services', outcome: 'Cases routed without manual sorting', startMonth: 9 }] },
    sizing: { seatsNeededForOutcome: 40, seatsPurchased: 40 },
    customerSuccess: { csmAssigned: true, csmExpansionTarget: true, csHoursPerQuarter: 8, csHourlyCost: 100 },
    ownership: { expansionOwner: 'AE', handoffSlaDays: 5, sharedExpansionComp: true },
    contract: { pricingModel: 'PER_SEAT', termMonths: 12, expansionByAddOn: true } } },
};

WB.deal = {
  schema: null,

  typeOf(schema) {
    return Array.isArray(schema.type) ? schema.type.find(type => type !== 'null') : schema.type;
  },

  label(name) {
    const words = name.replace(/([A-Z])/g, ' $1').toLowerCase()
      .replace(/\b(acv|arr|sla|csm|cs|id)\b/g, word => word.toUpperCase());
    return words.charAt(0).toUpperCase() + words.slice(1);
  },

  id(path) {
    return 'deal' + path.replace(/[^A-Za-z0-9]/g, '-');
  },

  errorNode(path) {
    return WB.el('p', { class: 'field-error', id: WB.deal.id(path) + '-error', 'data-error-for': path });
  },

  /** The fields of an object schema: its scalars in a grid, then a fieldset for each object or array member. */
  objectFields(schema, path) {
    const grid = WB.el('div', { class: 'grid' });
    const groups = [];
    for (const [name, member] of Object.entries(schema.properties || {})) {
      const at = path + '/' + name;
      const type = WB.deal.typeOf(member);
      const required = (schema.required || []).includes(name);
      if (type === 'object') {
        if (Object.keys(member.properties || {}).length > 0) groups.push(WB.deal.group(name, member, at, required, WB.deal.objectFields(member, at)));
      } else if (type === 'array') {
        groups.push(WB.deal.arrayField(name, member, at, required));
      } else {
        grid.append(WB.deal.scalarField(name, member, at, required));
      }
    }
    return [grid, ...groups];
  },

  group(name, schema, path, required, children) {
    const id = WB.deal.id(path);
    return WB.el('fieldset', { id, 'data-path': path, 'aria-describedby': id + '-hint ' + id + '-error' },
      WB.el('legend', {}, WB.deal.label(name) + (required ? ' (required)' : '')),
      WB.el('p', { class: 'hint', id: id + '-hint' }, schema.description || ''),
      WB.deal.errorNode(path), children);
  },

  scalarField(name, schema, path, required) {
    const { el } = WB;
    const id = WB.deal.id(path);
    const type = WB.deal.typeOf(schema);
    const common = { id, 'data-path': path, 'data-type': type, 'aria-describedby': id + '-hint ' + id + '-error',
      'aria-required': required ? 'true' : null };
    let input;
    if (schema.enum || type === 'boolean') {
      const values = schema.enum ? schema.enum.filter(value => value !== null) : [true, false];
      input = el('select', common, el('option', { value: '' }, '(not set)'),
        values.map(value => el('option', { value: String(value) }, type === 'boolean' ? (value ? 'yes (true)' : 'no (false)') : value)));
    } else if (schema.format === 'date') {
      input = el('input', { ...common, type: 'date' });
    } else {
      input = el('input', { ...common, type: 'text', inputmode: type === 'integer' ? 'numeric' : type === 'number' ? 'decimal' : null,
        placeholder: schema.pattern && schema.pattern.includes('Q') ? 'YYYY-Qn' : null, autocomplete: 'off' });
    }
    const limits = [];
    if (schema.minimum !== undefined) limits.push('at least ' + schema.minimum);
    if (schema.maximum !== undefined) limits.push('at most ' + schema.maximum);
    const hint = [schema.description || '', type === 'integer' ? ' A whole number' : type === 'number' ? ' A number' : '',
      limits.length ? (type === 'integer' || type === 'number' ? ', ' : ' ') + limits.join(', ') + '.' : (type === 'integer' || type === 'number' ? '.' : ''),
      schema.default !== undefined ? ' Default ' + schema.default + '.' : ''].join('');
    return el('div', { class: 'field' },
      el('label', { for: id }, WB.deal.label(name) + (required ? ' (required)' : '')),
      el('p', { class: 'hint', id: id + '-hint' }, hint.trim()),
      input, WB.deal.errorNode(path));
  },

  arrayField(name, schema, path, required) {
    const items = schema.items || {};
    const list = WB.el('div', { class: 'items', id: WB.deal.id(path) + '-items', 'data-count': '0' });
    const add = WB.el('button', { type: 'button', class: 'small', onclick: () => {
      const values = WB.deal.read(schema, path) || [];
      values.push({});
      WB.deal.renderItems(schema, path, values);
      const first = list.lastElementChild && list.lastElementChild.querySelector('input, select');
      if (first) first.focus();
    } }, 'Add an entry to ' + WB.deal.label(name).toLowerCase());
    const group = WB.deal.group(name, schema, path, required, [list, add]);
    group.dataset.itemsOf = JSON.stringify(items);
    return group;
  },

  renderItems(schema, path, values) {
    const list = document.getElementById(WB.deal.id(path) + '-items');
    list.replaceChildren();
    values.forEach((value, index) => {
      const at = path + '/' + index;
      const remove = WB.el('button', { type: 'button', class: 'small', onclick: () => {
        const current = WB.deal.read(schema, path) || [];
        current.splice(index, 1);
        WB.deal.renderItems(schema, path, current);
      } }, 'Remove entry ' + (index + 1));
      list.append(WB.deal.group('entry ' + (index + 1), {}, at, false, [WB.deal.objectFields(schema.items, at), remove]));
      WB.deal.write(schema.items, at, value);
    });
    list.dataset.count = String(values.length);
  },

  /** The value the form holds at {@code path} for {@code schema}, or undefined when nothing is filled in. */
  read(schema, path) {
    const type = WB.deal.typeOf(schema);
    if (type === 'object') {
      const value = {};
      for (const [name, member] of Object.entries(schema.properties || {})) {
        const read = WB.deal.read(member, path + '/' + name);
        if (read !== undefined) value[name] = read;
      }
      return Object.keys(value).length ? value : undefined;
    }
    if (type === 'array') {
      const list = document.getElementById(WB.deal.id(path) + '-items');
      const count = list ? Number(list.dataset.count) : 0;
      const values = [];
      for (let i = 0; i < count; i++) values.push(WB.deal.read(schema.items, path + '/' + i) || {});
      return values.length ? values : undefined;
    }
    const input = document.getElementById(WB.deal.id(path));
    if (!input || input.value === '') return undefined;
    const text = input.value;
    if (type === 'boolean') return text === 'true';
    if ((type === 'number' || type === 'integer') && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(text)) return Number(text);
    return text;
  },

  /** Puts {@code value} into the form at {@code path}. */
  write(schema, path, value) {
    const type = WB.deal.typeOf(schema);
    if (type === 'object') {
      for (const [name, member] of Object.entries(schema.properties || {})) {
        WB.deal.write(member, path + '/' + name, value && typeof value === 'object' ? value[name] : undefined);
      }
    } else if (type === 'array') {
      if (document.getElementById(WB.deal.id(path) + '-items')) WB.deal.renderItems(schema, path, Array.isArray(value) ? value : []);
    } else {
      const input = document.getElementById(WB.deal.id(path));
      if (input) input.value = value === undefined || value === null ? '' : String(value);
    }
  },

  clearErrors() {
    for (const node of document.querySelectorAll('#page-try .field-error')) node.textContent = '';
    for (const node of document.querySelectorAll('#page-try [aria-invalid]')) node.removeAttribute('aria-invalid');
    WB.fill(document.getElementById('deal-summary'));
    document.getElementById('deal-summary').className = '';
  },

  /** Shows a refusal next to the field its path names (or the nearest group holding it), and above the form. */
  showProblem(failure, json) {
    const problem = failure.problem || {};
    const summary = document.getElementById('deal-summary');
    summary.className = 'summary-errors';
    const path = typeof problem.path === 'string' ? problem.path : null;
    const detail = problem.detail || WB.problemText(failure);
    if (json || path === null) {
      document.getElementById('deal-json-error').textContent = (path ? path + ': ' : '') + detail;
      WB.fill(summary, WB.el('p', {}, 'The deal was not decided. ', path !== null ? 'At ' + (path || 'the top level') + ': ' : '', detail));
      return;
    }
    let at = path;
    let node = document.querySelector('[data-error-for="' + CSS.escape(at) + '"]');
    while (!node && at.includes('/')) {
      at = at.slice(0, at.lastIndexOf('/'));
      node = document.querySelector('[data-error-for="' + CSS.escape(at) + '"]');
    }
    const field = node && document.getElementById(WB.deal.id(at));
    if (node) node.textContent = path + ': ' + detail;
    if (field) field.setAttribute('aria-invalid', 'true');
    WB.fill(summary, WB.el('p', {}, 'The deal was not decided: ',
      field ? WB.el('a', { href: '#' + field.id, onclick: event => { event.preventDefault(); field.focus(); } }, path || 'the deal')
        : (path || 'the deal'), ': ' + detail));
    if (field) field.focus();
  },
};

/** A decision as a person reads it: outcome, the facts of it, each finding, and the path to approval. */
WB.renderDecision = function (decision) {
  const { el } = WB;
  const evidence = findings => el('ul', { class: 'evidence' }, Object.entries(findings || {}).map(([name, value]) =>
    el('li', {}, el('code', {}, name), ': ', value === null ? 'absent' : typeof value === 'object' ? JSON.stringify(value) : String(value))));
  return [
    el('h2', { id: 'decision-outcome' }, 'Decision: ', WB.outcome(decision.outcome)),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Deal'), el('dd', {}, decision.dealId + ' as of ' + decision.asOf),
      el('dt', {}, 'Ownership model'), el('dd', {}, decision.ownershipModel),
      // A REJECT is not approved by signing off: its approvers are whom its findings are routed to.
      el('dt', {}, decision.outcome === 'REJECT' ? 'Findings routed to' : 'Sign-offs needed from'),
      el('dd', {}, decision.approvers.length ? decision.approvers.join(', ') : 'nobody'),
      el('dt', {}, 'Policy'), el('dd', { class: 'hash' }, decision.policy.version + ' (' + WB.plural(decision.policy.files, 'file') + ')'),
      el('dt', {}, 'Receipt'), el('dd', {}, el('a', { href: '#/decisions/' + encodeURIComponent(decision.decisionId) }, 'decision ' + decision.decisionId))),
    WB.table('Findings, most severe first', ['Severity', 'Code', 'Message', 'Evidence', 'Fix', 'Approver'],
      decision.findings.map(finding => [WB.outcome(finding.severity), el('code', {}, finding.code), finding.message,
        evidence(finding.evidence), finding.remedy || '', finding.approver || 'none'])),
    WB.renderPath(decision.pathToApproval, 'Path to approval', decision.outcome),
  ];
};

WB.renderPath = function (path, title, outcome) {
  const { el } = WB;
  if (!path) {
    return el('section', { 'aria-label': title }, el('h3', {}, title),
      el('p', {}, outcome === 'APPROVE' ? 'Nothing to change: the deal is approved.' : 'No path to approval was asked for.'));
  }
  const show = value => value === undefined ? 'absent' : typeof value === 'object' ? JSON.stringify(value)
    : typeof value === 'number' ? WB.number(value) : String(value);
  const verdict = path.reachable
    ? (path.verified ? 'Reachable, and verified: the deal with these changes was decided again and needs '
        + (path.signOffs.length ? 'only the sign-offs below.' : 'no sign-off.')
      : 'Reachable, not verified.')
    : 'Not reachable by changing facts: ' + (path.reason || 'a REJECT no stated fix clears') + '.';
  return el('section', { 'aria-label': title, class: 'path' },
    el('h3', {}, title), el('p', {}, verdict),
    path.changes.length ? el('ol', {}, path.changes.map(change => el('li', {},
      'Change ', el('code', {}, change.path), change.from !== undefined ? ' from ' + show(change.from) : '', ' to ', show(change.to),
      change.clears && change.clears.length ? ': clears ' + change.clears.join(', ') : ''))) : el('p', {}, 'No change of facts is needed.'),
    path.signOffs.length ? [el('p', {}, 'Sign-offs still needed:'),
      el('ul', {}, path.signOffs.map(signOff => el('li', {}, el('code', {}, signOff.code), ' signed by ', signOff.approver)))] : null,
    path.toClose ? [WB.renderPath(path.toClose, 'To close (at CLOSED_WON)', outcome),
      path.toClose.rejectAtClose && path.toClose.rejectAtClose.length
        ? el('p', {}, 'FLAG now, REJECT at close: ' + path.toClose.rejectAtClose.join(', ')) : null] : null);
};

WB.pages.try = {
  built: false,

  async show() {
    if (this.built) return;
    this.built = true;
    const fields = document.getElementById('deal-fields');
    try {
      WB.deal.schema = await WB.api('/v1/schema/deal.json');
    } catch (failure) {
      this.built = false;
      WB.fill(fields, WB.el('p', { class: 'summary-errors' }, WB.problemText(failure)));
      return;
    }
    WB.fill(fields, WB.deal.objectFields(WB.deal.schema, ''));
    const sample = document.getElementById('deal-sample');
    for (const [key, value] of Object.entries(WB.samples)) sample.append(WB.el('option', { value: key }, value.label));
    sample.addEventListener('change', () => this.load(sample.value ? WB.samples[sample.value].deal : {}));
    for (const radio of document.querySelectorAll('input[name="deal-mode"]')) radio.addEventListener('change', () => this.mode(radio.value));
    document.getElementById('deal-form').addEventListener('submit', event => {
      event.preventDefault();
      this.decide(WB.deal.read(WB.deal.schema, '') || {}, false);
    });
    document.getElementById('deal-json-form').addEventListener('submit', event => {
      event.preventDefault();
      this.decide(document.getElementById('deal-json').value, true);
    });
  },

  load(deal) {
    WB.deal.clearErrors();
    WB.deal.write(WB.deal.schema, '', deal);
    document.getElementById('deal-json').value = JSON.stringify(deal, null, 2);
  },

  /** Switches between the form and the JSON editor, carrying the deal across. */
  mode(mode) {
    const form = document.getElementById('deal-form');
    const json = document.getElementById('deal-json-form');
    WB.deal.clearErrors();
    if (mode === 'json') {
      document.getElementById('deal-json').value = JSON.stringify(WB.deal.read(WB.deal.schema, '') || {}, null, 2);
    } else {
      let deal;
      try {
        deal = JSON.parse(document.getElementById('deal-json').value || '{}');
      } catch (e) {
        document.getElementById('deal-json-error').textContent = 'The JSON cannot be read, so it stays here: ' + e.message;
        document.querySelector('input[name="deal-mode"][value="json"]').checked = true;
        return;
      }
      WB.deal.write(WB.deal.schema, '', deal);
    }
    form.hidden = mode === 'json';
    json.hidden = mode !== 'json';
  },

  async decide(body, json) {
    WB.deal.clearErrors();
    const out = document.getElementById('decision');
    const buttons = document.querySelectorAll('#page-try button[type="submit"]');
    buttons.forEach(button => { button.disabled = true; });
    WB.fill(out, WB.el('p', {}, 'Deciding…'));
    try {
      const decision = await WB.api('/v1/decisions?pathToApproval=true', { json: body });
      WB.fill(out, WB.renderDecision(decision));
      document.getElementById('decision-outcome').setAttribute('tabindex', '-1');
      document.getElementById('decision-outcome').focus();
    } catch (failure) {
      WB.fill(out);
      WB.deal.showProblem(failure, json);
    } finally {
      buttons.forEach(button => { button.disabled = false; });
    }
  },
};
