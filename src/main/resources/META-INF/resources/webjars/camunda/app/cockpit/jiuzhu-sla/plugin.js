/*
 * Jiuzhu's SLA views in Cockpit (办理时限): a dashboard page (counts per county, township and assistance type, the
 * on-time ranking of townships, open cases with a drill-down), a tab on each process instance with its clock and
 * ledger, and an overlay on process definition diagrams counting warned and breached instances per activity.
 * Data comes from Jiuzhu's read-only /cockpit-api endpoints in the browser's session, scoped to the user's units.
 * No inline scripts or event-handler attributes: everything works under the webapps' Content-Security-Policy.
 */
const rootOf = (api) => (api && api.baseApi ? api.baseApi.replace(/\/camunda\/api\/.*$/, '') : '');

const getJson = (url, api) =>
  fetch(url, {
    credentials: 'same-origin',
    headers: Object.assign({ Accept: 'application/json' }, api && api.CSRFToken ? { 'X-XSRF-TOKEN': api.CSRFToken } : {}),
  }).then((r) => (r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status))));

const esc = (s) => String(s === null || s === undefined ? '' : s)
  .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

const STATES = { RUNNING: '正常', WARNED: '即将超期', BREACHED: '已超期', SUSPENDED: '已中止', STOPPED: '已办结' };
const TYPES = {
  'subsistence-allowance': '最低生活保障', 'extreme-hardship-support': '特困人员救助供养',
  'temporary-relief': '临时救助', 'job-placement-sanction': '适岗介绍不就业惩戒',
};

const table = (headers, rows) => '<table class="table table-condensed jz-sla-table"><thead><tr>'
  + headers.map((h) => '<th>' + esc(h) + '</th>').join('') + '</tr></thead><tbody>'
  + (rows.length ? rows.join('') : '<tr><td colspan="' + headers.length + '">（无 / none）</td></tr>') + '</tbody></table>';

const countRows = (counts, label) => counts.map((c) => '<tr><td>' + esc(label ? label(c) : c.name) + '</td><td>' + c.open
  + '</td><td>' + c.warned + '</td><td>' + c.breached + '</td><td>' + c.suspended + '</td></tr>');

const monthStart = () => { const d = new Date(); return new Date(d.getFullYear(), d.getMonth(), 1); };
const isoDate = (d) => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');

function renderDashboard(node, api) {
  const root = rootOf(api) + '/cockpit-api';
  node.innerHTML = '<div class="jz-sla" style="padding:15px">'
    + '<h2>办理时限 / SLA</h2><div class="jz-sla-summary">加载中…</div>'
    + '<h3>乡镇（街道）按时办结排名</h3>'
    + '<form class="form-inline jz-sla-period"><label>自 <input type="date" name="from" class="form-control"></label> '
    + '<label>至 <input type="date" name="to" class="form-control"></label> '
    + '<button type="submit" class="btn btn-default">查询</button></form><div class="jz-sla-ranking"></div>'
    + '<h3>在办案件</h3><div class="jz-sla-cases"></div></div>';
  const summary = node.querySelector('.jz-sla-summary');
  getJson(root + '/sla/summary', api).then((s) => {
    summary.innerHTML = '<h3>按县统计</h3>' + table(['县（市、区）', '在办', '即将超期', '已超期', '已中止'], countRows(s.byCounty))
      + '<h3>按乡镇（街道）统计</h3>' + table(['乡镇（街道）', '在办', '即将超期', '已超期', '已中止'], countRows(s.byTownship))
      + '<h3>按救助类型统计</h3>' + table(['救助类型', '在办', '即将超期', '已超期', '已中止'],
        countRows(s.byType, (c) => TYPES[c.code] || c.code));
  }).catch((e) => { summary.textContent = '无法加载 / cannot load: ' + e.message; });

  const form = node.querySelector('.jz-sla-period');
  form.elements.from.value = isoDate(monthStart());
  form.elements.to.value = isoDate(new Date());
  const ranking = node.querySelector('.jz-sla-ranking');
  const loadRanking = () => getJson(root + '/sla/ranking?from=' + form.elements.from.value + '&to=' + form.elements.to.value, api)
    .then((rows) => { ranking.innerHTML = table(['名次', '乡镇（街道）', '县（市、区）', '办结', '按时', '按时率'],
      rows.map((r) => '<tr><td>' + r.rank + '</td><td>' + esc(r.townshipName) + '</td><td>' + esc(r.countyName) + '</td><td>'
        + r.decided + '</td><td>' + r.onTime + '</td><td>' + r.onTimeRate + '%</td></tr>')); })
    .catch((e) => { ranking.textContent = '无法加载 / cannot load: ' + e.message; });
  form.addEventListener('submit', (event) => { event.preventDefault(); loadRanking(); });
  loadRanking();

  const cases = node.querySelector('.jz-sla-cases');
  getJson(root + '/sla/cases', api).then((rows) => {
    cases.innerHTML = table(['案件编号', '救助类型', '乡镇（街道）', '县（市、区）', '法定期限', '剩余工作日', '已用', '状态'], rows.map((c) => '<tr><td>'
      + (c.processInstanceId ? '<a href="#/process-instance/' + esc(c.processInstanceId) + '/runtime">' + esc(c.caseNumber) + '</a>'
        : esc(c.caseNumber)) + '</td><td>' + esc(TYPES[c.assistanceType] || c.assistanceType) + '</td><td>' + esc(c.townshipName)
      + '</td><td>' + esc(c.countyName) + '</td><td>' + esc(c.deadline) + (c.provisional ? '（暂定）' : '') + '</td><td>'
      + c.remainingWorkingDays + '</td><td>' + c.percentUsed + '%</td><td>' + esc(STATES[c.state] || c.state) + '</td></tr>'));
  }).catch((e) => { cases.textContent = '无法加载 / cannot load: ' + e.message; });
}

function renderInstanceTab(node, data) {
  const api = data.api;
  node.textContent = '加载中…';
  getJson(api.engineApi + '/process-instance/' + encodeURIComponent(data.processInstanceId), api)
    .then((instance) => getJson(rootOf(api) + '/cockpit-api/cases/' + encodeURIComponent(instance.businessKey) + '/sla', api))
    .then((c) => {
      node.innerHTML = '<div class="jz-sla" style="padding:10px"><p><b>' + esc(c.caseNumber) + '</b>：'
        + esc(STATES[c.state] || c.state) + '，法定期限 ' + esc(c.deadline) + (c.provisional ? '（暂定：该年节假日安排尚未公布）' : '')
        + '，已用 ' + c.elapsedWorkingDays + ' 个工作日，剩余 ' + c.remainingWorkingDays + ' 个工作日（' + c.percentUsed + '%）；'
        + '时限 ' + c.limitWorkingDays + '，延期 ' + c.extensionWorkingDays + '，中止 ' + c.suspendedWorkingDays + ' 个工作日。</p>'
        + table(['时间', '事项', '操作人', '工作日', '原期限', '新期限', '原因'], c.ledger.map((l) => '<tr><td>' + esc(l.at) + '</td><td>'
          + esc(l.action) + '</td><td>' + esc(l.actor) + '</td><td>' + esc(l.workingDays) + '</td><td>' + esc(l.oldDeadline)
          + '</td><td>' + esc(l.newDeadline) + '</td><td>' + esc(l.reason) + '</td></tr>')) + '</div>';
    })
    .catch(() => { node.textContent = '本流程实例没有办理时限，或您无权查看。 / No SLA clock for this instance, or not yours to see.'; });
}

function renderOverlay(viewer, data) {
  const api = data.api;
  getJson(rootOf(api) + '/cockpit-api/sla/activities?processDefinitionId=' + encodeURIComponent(data.processDefinitionId), api)
    .then((rows) => rows.forEach((r) => {
      const html = document.createElement('div');
      html.className = 'jz-sla-overlay';
      html.style.cssText = 'background:#fff;border:1px solid #b5152b;border-radius:3px;padding:0 4px;font-size:11px;white-space:nowrap';
      html.textContent = '预警 ' + r.warned + ' / 超期 ' + r.breached;
      try {
        viewer.get('overlays').add(r.activityId, { position: { bottom: 0, left: 0 }, html });
      } catch (e) { /* an activity of another version of the diagram */ }
    }))
    .catch(() => { /* no figures for this user: no overlay */ });
}

export default [
  { id: 'jiuzhu.sla.navigation', pluginPoint: 'cockpit.navigation', priority: 5, properties: { path: '/jiuzhu-sla' },
    render: (node) => { node.innerHTML = '<a href="#/jiuzhu-sla">办理时限</a>'; } },
  { id: 'jiuzhu.sla.dashboard', pluginPoint: 'cockpit.route', priority: 0, properties: { path: '/jiuzhu-sla' },
    render: (node, data) => renderDashboard(node, data && data.api) },
  { id: 'jiuzhu.sla.instanceTab', pluginPoint: 'cockpit.processInstance.runtime.tab', priority: 20, properties: { label: '办理时限' },
    render: (node, data) => renderInstanceTab(node, data) },
  { id: 'jiuzhu.sla.overlay', pluginPoint: 'cockpit.processDefinition.diagram.plugin', priority: 0,
    render: (viewer, data) => renderOverlay(viewer, data) },
];
