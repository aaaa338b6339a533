import { AUTHORITIES, AUTHORITIES_A, AUTHORITIES_B, LOGGED_IN, type Role } from './roles.js';
import { all, key, publicRoute, type Case, type Expect, type Req } from './cases.js';
import { B_NAME, type World } from './world.js';
import { LOCAL_NAME, OBJECTOR, UNIT_NAME } from './world45.js';

/**
 * Stages 4–5 (issue 6). Organiser routes answer the round's organiser only: the ministry on the national
 * round (B's application reached it), province B on its own round; every other caller, province A, city B
 * and the experts included, is refused. Experts reach their own tasks only; notifications are one's own;
 * the public notice shows B's name by design and nothing else of B's or of the objector.
 */

/** Region B's authorities and the ministry (B's province recommended the application to it). */
const B_CHAIN: Role[] = ['districtB', 'cityB', 'provinceB', 'ministry'];
/** The demonstration units of an organiser's territory: province and city B and the ministry hold district B's unit. */
const UNIT_HOLDERS: Role[] = ['ministry', 'provinceB', 'cityB'];
/** Organising levels elsewhere: their own territory, without B's unit. Districts manage no units. */
const UNIT_OTHERS: Role[] = ['provinceA', 'cityA'];
const unitSecrets = (w: World) => [UNIT_NAME, w.s45.unitId];
const AUTHORITIES_BUT = (...roles: Role[]) => AUTHORITIES.filter((r) => !roles.includes(r));
const round = (w: World) => `/api/organiser/rounds/${w.roundId}`;
const localRound = (w: World) => `/api/organiser/rounds/${w.localRoundId}`;
const inspection = (w: World, roundPath = round(w)) => `${roundPath}/inspections/${w.s45.inspectionId}`;
const task = (w: World) => `/api/expert/assignments/${w.s45.assignmentId}`;
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const UNITS_CSV = '名称,统一社会信用代码,类别,地区,批次,年份\n乙地导入测试单位,,示范企业,320102,第二批,2021\n';

/** A request on a round, twice: the national round (the ministry's) and province B's own round. */
const organiser = (request: (base: string, w: World) => Req, expect: Expect, extra: Partial<Case> = {}, local: Expect | null = expect): Case[] => [
  { name: 'national round', request: (w) => request(round(w), w), allow: { ministry: expect }, ...extra },
  ...(local ? [{ name: "province B's round", request: (w: World) => request(localRound(w), w), allow: { provinceB: local } }] : []),
];
/** Only on the national round: the request names B's application, an inspection or an objection there. */
const national = (request: (w: World) => Req, expect: Expect, extra: Partial<Case> = {}): Case => ({ request, allow: { ministry: expect }, ...extra });
/**
 * The same request twice: as is, and with the caller's own round in the path (province B's, for province B)
 * next to the national round's application, inspection or file: a round one organises opens nothing of another.
 */
const crossRound = (request: (w: World, roundPath: string) => Req, expect: Expect, extra: Partial<Case> = {}): Case[] => [
  national((w) => request(w, round(w)), expect, extra),
  { name: "own round, the national round's object", request: (w, role) => request(w, role === 'provinceB' ? localRound(w) : round(w)), allow: { ministry: expect }, ...extra },
];
const localSecrets = (w: World) => [LOCAL_NAME, w.s45.localTaskId];
/** The gated experts' own tasks on B's application, else expertAssigned's. */
const gatedTask = (w: World, role: Role) => (role === 'expertNoTotp' ? w.s45.gatedTaskIds[0] : role === 'expertPending' ? w.s45.gatedTaskIds[1] : w.s45.assignmentId);
/** expertAssigned's own task on B's application; other experts are refused (404). */
const ownTask = (request: Case['request'], expect: Expect, extra: Partial<Case> = {}): Case => ({ request, allow: { expertAssigned: expect }, ...extra });
/** The ministry's expert pool: each authority has its own, so the others answer from theirs, without the ministry's experts. */
const pool = (request: (w: World) => Req, expect: Expect, extra: Partial<Case> = {}): Case => ({
  request,
  allow: { ministry: expect },
  blind: AUTHORITIES_BUT('ministry'),
  secrets: (w) => w.poolSecrets,
  ...extra,
});

export const STAGE45: Record<string, Case | Case[]> = {
  // Development only (DEV_OUTBOX): the local e-mail outbox, masked.
  'GET /api/dev/mail-outbox': publicRoute(() => ({ url: '/api/dev/mail-outbox' })),

  // The organiser's rounds: its own list and templates; creating one is its own business.
  'GET /api/organiser/rounds': {
    request: () => ({ url: '/api/organiser/rounds' }),
    allow: { ministry: 'ok', provinceB: 'ok' },
    blind: AUTHORITIES_BUT('ministry', 'provinceB'),
    secrets: (w) => [w.roundId, w.localRoundId],
    sees: true,
  },
  'POST /api/organiser/rounds': {
    request: () => ({
      url: '/api/organiser/rounds',
      payload: { templateKey: 'national-3', code: `Z${key().slice(0, 6).toUpperCase()}`, name: '权限测试批次', year: 2026, fillingOpensAt: new Date(Date.now() + 86400_000).toISOString(), fillingClosesAt: new Date(Date.now() + 30 * 86400_000).toISOString() },
    }),
    allow: { ministry: 'ok' },
    blind: AUTHORITIES_BUT('ministry'),
  },
  'GET /api/organiser/rounds/:roundId': organiser((base) => ({ url: base }), 'ok'),
  'PATCH /api/organiser/rounds/:roundId': organiser((base) => ({ url: base, payload: { name: '服务型制造示范遴选（权限测试）' } }), 'reached'),
  // Back to draft is not a step the status allows: the handler's 409 shows the organiser got in.
  'POST /api/organiser/rounds/:roundId/status': organiser((base) => ({ url: `${base}/status`, payload: { to: 'draft' } }), 'reached'),

  // The expert pool (专家库).
  'GET /api/organiser/experts': pool(() => ({ url: '/api/organiser/experts?pageSize=200' }), 'ok', { sees: true }),
  'POST /api/organiser/experts': pool(() => ({ url: '/api/organiser/experts', payload: { name: '新专家', username: `ex_${key()}`, employerName: '测试大学', regionCode: '110108' } }), 'ok'),
  'POST /api/organiser/experts/import': pool(() => ({ url: '/api/organiser/experts/import', payload: { csv: 'name,username,mobile,employer,employer_uscc,region_code,fields,categories\n' } }), 'reached'),
  // The business registry is public information (like /api/registry/lookup).
  'GET /api/organiser/experts/employer': pool((w) => ({ url: `/api/organiser/experts/employer?uscc=${w.app.uscc}` }), 'reached', { secrets: (w) => [...w.poolSecrets, B_NAME, w.app.uscc], reveals: (w) => [B_NAME, w.app.uscc] }),
  'GET /api/organiser/experts/:id': { request: (w) => ({ url: `/api/organiser/experts/${w.s45.expertIds.expertAssigned}` }), allow: { ministry: 'ok' }, secrets: (w) => w.poolSecrets, sees: true },
  'PATCH /api/organiser/experts/:id': { request: (w) => ({ url: `/api/organiser/experts/${w.s45.expertIds.expertOther}`, payload: { maxLoad: 20 } }), allow: { ministry: 'ok' }, secrets: (w) => w.poolSecrets },

  // Expert assignment.
  'GET /api/organiser/rounds/:roundId/assignments': organiser((base) => ({ url: `${base}/assignments` }), 'ok', { sees: true }),
  'POST /api/organiser/rounds/:roundId/assignments/preview': organiser((base) => ({ url: `${base}/assignments/preview` }), 'ok'),
  'POST /api/organiser/rounds/:roundId/assignments/commit': organiser((base) => ({ url: `${base}/assignments/commit`, payload: { planDigest: '0'.repeat(64) } }), 'reached'),
  'GET /api/organiser/rounds/:roundId/assignments/candidates': crossRound((w, r) => ({ url: `${r}/assignments/candidates?applicationId=${w.app.id}` }), 'ok', { sees: true, secrets: (w) => w.poolSecrets }),
  // Forcing the unassigned expert in keeps expertAssigned's task (its controls come later).
  'POST /api/organiser/rounds/:roundId/assignments/overrides': crossRound(
    (w, r) => ({ url: `${r}/assignments/overrides`, payload: { action: 'assign', applicationId: w.app.id, expertId: w.s45.expertIds.expertOther, reason: '权限测试指定' } }),
    'reached',
  ),

  // Ranking and decisions.
  'GET /api/organiser/rounds/:roundId/ranking': organiser((base) => ({ url: `${base}/ranking` }), 'ok'),
  'GET /api/organiser/rounds/:roundId/ranking.xlsx': organiser((base) => ({ url: `${base}/ranking.xlsx` }), 'ok'),
  'GET /api/organiser/rounds/:roundId/decisions': organiser((base) => ({ url: `${base}/decisions` }), 'ok', { sees: true }),
  'POST /api/organiser/rounds/:roundId/decisions/prepare': organiser((base) => ({ url: `${base}/decisions/prepare`, payload: { topN: {} } }), 'reached'),
  'PUT /api/organiser/rounds/:roundId/decisions/:applicationId': crossRound((w, r) => ({ url: `${r}/decisions/${w.app.id}`, payload: { decision: 'selected', rank: 1 } }), 'reached', { reveals: (w) => [w.app.id] }),
  'POST /api/organiser/rounds/:roundId/decisions/preview': organiser((base) => ({ url: `${base}/decisions/preview`, payload: { limits: {} } }), 'ok'),
  'POST /api/organiser/rounds/:roundId/decisions/release': organiser((base) => ({ url: `${base}/decisions/release`, payload: { limits: {} } }), 'reached'),
  // Late: reopening takes the released list away from the notice's controls.
  'POST /api/organiser/rounds/:roundId/decisions/reopen': organiser((base) => ({ url: `${base}/decisions/reopen`, payload: { reason: '权限测试重新开放' } }), 'reached', { late: true }),
  'GET /api/organiser/rounds/:roundId/outbox': organiser((base) => ({ url: `${base}/outbox` }), 'ok'),
  'POST /api/organiser/rounds/:roundId/outbox/release': organiser((base) => ({ url: `${base}/outbox/release` }), 'reached'),

  // Site inspections: B's application's, with its attachment.
  'GET /api/organiser/rounds/:roundId/inspections': organiser((base) => ({ url: `${base}/inspections` }), 'ok', { sees: true }),
  'POST /api/organiser/rounds/:roundId/inspections': crossRound(
    (w, r) => ({ url: `${r}/inspections`, payload: { applicationId: w.app.id, scheduledOn: today(), place: '企业生产基地', inspectors: [{ name: '张处长' }] } }),
    'reached',
    { reveals: (w) => [w.app.id] },
  ),
  'PATCH /api/organiser/rounds/:roundId/inspections/:id': crossRound((w, r) => ({ url: inspection(w, r), payload: { place: '企业研发中心' } }), 'reached'),
  'PUT /api/organiser/rounds/:roundId/inspections/:id/result': crossRound((w, r) => ({ url: `${inspection(w, r)}/result`, payload: { result: 'passed' } }), 'reached'),
  'POST /api/organiser/rounds/:roundId/inspections/:id/files': crossRound(
    (w, r) => ({ url: `${inspection(w, r)}/files?filename=${encodeURIComponent('补充照片.pdf')}`, headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from('%PDF-1.4\n%%EOF\n') }),
    'reached',
  ),
  'GET /api/organiser/rounds/:roundId/inspections/:id/files/:fileId': crossRound((w, r) => ({ url: `${inspection(w, r)}/files/${w.s45.inspectionFileId}` }), 'ok'),
  'DELETE /api/organiser/rounds/:roundId/inspections/:id/files/:fileId': national((w) => ({ url: `${inspection(w)}/files/${w.s45.inspectionFileId}` }), 'ok'),

  // The notice (公示) and its objections: the objector's contact is the organiser's only.
  'GET /api/organiser/rounds/:roundId/notice': organiser((base) => ({ url: `${base}/notice` }), 'ok', { sees: true }),
  'POST /api/organiser/rounds/:roundId/notice': organiser((base) => ({ url: `${base}/notice`, payload: { title: '权限测试公示' } }), 'reached'),
  // Province B's round has no notice to edit or publish: the national round's only.
  'PUT /api/organiser/rounds/:roundId/notice': organiser((base) => ({ url: `${base}/notice`, payload: { title: '权限测试公示' } }), 'reached', {}, null),
  'POST /api/organiser/rounds/:roundId/notice/publish': organiser((base) => ({ url: `${base}/notice/publish` }), 'reached', {}, null),
  'POST /api/organiser/objections/:id/answer': national((w) => ({ url: `/api/organiser/objections/${w.s45.objectionId}/answer`, payload: { outcome: 'reject', answer: '经核实，申报数据属实。' } }), 'ok'),
  'GET /api/organiser/objections/:id/contact': national((w) => ({ url: `/api/organiser/objections/${w.s45.objectionId}/contact` }), 'ok', { sees: true, secrets: (w) => w.objectorSecrets }),

  // The expert's own tasks.
  'GET /api/expert/rounds': ownTask(() => ({ url: '/api/expert/rounds' }), 'ok', { blind: ['expertOther', 'expertB'] }),
  'GET /api/expert/rounds/:roundId/assignments': [
    ownTask((w) => ({ url: `/api/expert/rounds/${w.roundId}/assignments` }), 'ok', { blind: ['expertOther', 'expertB'], sees: true }),
    // Province B's round: its own pool's expert only.
    { name: "province B's round", request: (w) => ({ url: `/api/expert/rounds/${w.localRoundId}/assignments` }), allow: { expertB: 'ok' }, secrets: localSecrets, sees: true },
  ],
  'GET /api/expert/assignments/:id': [
    ownTask((w) => ({ url: task(w) }), 'ok', { sees: true }),
    { name: "province B's round", request: (w) => ({ url: `/api/expert/assignments/${w.s45.localTaskId}` }), allow: { expertB: 'ok' }, secrets: localSecrets, sees: true },
  ],
  'GET /api/expert/assignments/:id/application': [
    ownTask((w) => ({ url: `${task(w)}/application` }), 'ok', { sees: true }),
    { ...ownTask((w, role) => ({ url: `/api/expert/assignments/${gatedTask(w, role)}/application` }), 'ok'), name: 'own task, gated' },
  ],
  'GET /api/expert/assignments/:id/files/:fileId': [
    ownTask((w) => ({ url: `${task(w)}/files/${w.files.supporting}` }), 'ok'),
    // Its own declared task does not open another application's file.
    { ...ownTask((w, role) => ({ url: `/api/expert/assignments/${role === 'expertOther' ? w.s45.otherTaskId : w.s45.assignmentId}/files/${w.files.supporting}` }), 'ok'), name: "own task, B's file" },
    // The gated experts' own tasks on B's application: the gate holds on a task that is theirs.
    { ...ownTask((w, role) => ({ url: `/api/expert/assignments/${gatedTask(w, role)}/files/${w.files.supporting}` }), 'ok'), name: 'own task, gated' },
  ],
  'GET /api/expert/assignments/:id/pdf': ownTask((w) => ({ url: `${task(w)}/pdf` }), 'ok', { sees: true }),
  'POST /api/expert/assignments/:id/no-conflict': ownTask((w) => ({ url: `${task(w)}/no-conflict` }), 'ok'),
  'PUT /api/expert/assignments/:id/score-sheet': ownTask((w) => ({ url: `${task(w)}/score-sheet`, payload: { scores: { profile: 4 } } }), 'ok'),
  // Late, submission first: either closes the task for the draft control above.
  'POST /api/expert/assignments/:id/submit': ownTask((w) => ({ url: `${task(w)}/submit`, payload: { scores: { profile: 4 } } }), 'reached', { late: true }),
  'POST /api/expert/assignments/:id/conflict': ownTask((w) => ({ url: `${task(w)}/conflict`, payload: { reason: '本人曾在该单位任职两年' } }), 'reached', { late: true }),

  // One's own notifications.
  ...Object.fromEntries(
    ['/api/notifications', '/api/notifications/'].map((url) => [
      `GET ${url}`,
      { request: () => ({ url }), allow: { owner: 'ok' }, blind: LOGGED_IN.filter((r) => r !== 'owner'), secrets: (w: World) => w.notificationSecrets, sees: true } satisfies Case,
    ]),
  ),
  'POST /api/notifications/read': {
    request: (w) => ({ url: '/api/notifications/read', payload: { ids: [w.s45.notificationId] } }),
    allow: { owner: 'ok' },
    blind: LOGGED_IN.filter((r) => r !== 'owner'),
    secrets: (w) => w.notificationSecrets,
  },

  // The public notice: B's name is on it by design; its number, USCC, ids and the objector are not.
  'GET /api/public/notices': publicRoute(() => ({ url: '/api/public/notices' })),
  'GET /api/public/notices/:roundCode': publicRoute((w) => ({ url: `/api/public/notices/${w.s45.roundCode}` }), { reveals: () => [B_NAME], sees: true }),
  'POST /api/public/notices/:roundCode/objections': publicRoute((w) => ({
    url: `/api/public/notices/${w.s45.roundCode}/objections`,
    payload: { text: '对公示名单有异议，请核实申报数据。', name: '公众甲', contact: `p${key()}@example.com` },
  })),
  // A receipt answers only with its contact; with the objector's own it tells the status, never the contact back.
  'GET /api/public/objections/:receipt': [
    publicRoute((w) => ({ url: `/api/public/objections/${w.s45.objectionReceipt}?contact=${OBJECTOR.contact}` })),
    { ...publicRoute((w) => ({ url: `/api/public/objections/${w.s45.objectionReceipt}?contact=13700000000` }), { allow: { anonymous: 'answers' } }), name: 'wrong contact' },
  ],
  'GET /api/public/units': publicRoute(() => ({ url: '/api/public/units' })),

  // Demonstration units (示范单位) of the organiser's territory.
  'GET /api/organiser/units': { request: () => ({ url: '/api/organiser/units?pageSize=100' }), allow: all('ok', UNIT_HOLDERS), blind: UNIT_OTHERS, secrets: unitSecrets, sees: true },
  'GET /api/organiser/units/revocations/proposals': { request: () => ({ url: '/api/organiser/units/revocations/proposals' }), allow: all('ok', UNIT_HOLDERS), blind: UNIT_OTHERS, secrets: unitSecrets },
  // Without evaluations there is nothing to revoke: the handler's 409 shows the caller got in.
  'POST /api/organiser/units/:id/revocation/confirm': { request: (w) => ({ url: `/api/organiser/units/${w.s45.unitId}/revocation/confirm`, payload: {} }), allow: all('reached', UNIT_HOLDERS), secrets: unitSecrets },
  'POST /api/organiser/units/:id/revocation/dismiss': { request: (w) => ({ url: `/api/organiser/units/${w.s45.unitId}/revocation/dismiss`, payload: { note: '经核实继续保留' } }), allow: all('reached', UNIT_HOLDERS), secrets: unitSecrets },
  // An import goes into the caller's own territory; a file that names district B is refused to region A.
  'POST /api/organiser/units/import/preview': {
    request: () => ({ url: '/api/organiser/units/import/preview?filename=units.csv', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from(UNITS_CSV) }),
    allow: all('reached', UNIT_HOLDERS),
    blind: UNIT_OTHERS,
    secrets: unitSecrets,
  },
  'POST /api/organiser/units/import/commit': {
    request: () => ({ url: `/api/organiser/units/import/commit?filename=units.csv&token=${'0'.repeat(64)}`, headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from(UNITS_CSV) }),
    allow: all('reached', UNIT_HOLDERS),
    blind: UNIT_OTHERS,
    secrets: unitSecrets,
  },

  // 数据看板: counts only, within the authority list's own rule; a round that does not concern the caller is 404.
  ...Object.fromEntries(
    ['', '/category.xlsx'].map((what) => [
      `GET /api/dashboard/rounds/:roundId${what && '/:figure.xlsx'}`,
      [
        { name: 'national round', request: (w: World) => ({ url: `/api/dashboard/rounds/${w.roundId}${what}` }), allow: all('ok', B_CHAIN), blind: AUTHORITIES_A },
        { name: "province B's round", request: (w: World) => ({ url: `/api/dashboard/rounds/${w.localRoundId}${what}` }), allow: all('ok', AUTHORITIES_B) },
      ] satisfies Case[],
    ]),
  ),
};
