import { AUTHORITIES, AUTHORITIES_A, AUTHORITIES_B, LOGGED_IN, type Role } from './roles.js';
import { all, except, key, publicRoute, selfRoute, type Case, type Expect, type Req } from './cases.js';
import { STAGE45 } from './table45.js';
import { B_NAME, OWNER_PASSWORD, type World } from './world.js';
import { EXPERT_NAME } from './world45.js';

export type { Case, Expect, Req };

/** Region B's authorities and the ministry (B's province recommended the application to it). */
const B_CHAIN: Role[] = ['districtB', 'cityB', 'provinceB', 'ministry'];
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** The case of B's application that district B has not recommended: its own secrets. */
const LOW = { name: 'not recommended by district B', secrets: (w: World) => w.lowApp.secrets } satisfies Partial<Case>;

/**
 * An authority's request on one application, twice: on B's application recommended up to the
 * ministry (B's chain allowed), and on one district B has not recommended (district B only).
 */
const byLevel = (request: (id: string) => Req, expect: Expect, extra: Partial<Case> = {}, chain: Role[] = B_CHAIN): Case[] => [
  { request: (w) => request(w.app.id), allow: all(expect, chain), ...extra },
  { ...LOW, request: (w) => request(w.lowApp.id), allow: { districtB: expect }, ...extra },
];

/**
 * Every route of the app, classified. Routes outside /api (the built web app's files) are public
 * and classified by the test itself.
 */
export const TABLE: Record<string, Case | Case[]> = {
  // Public: reference data, documentation, the sign-in flows and the public verification of a number.
  'GET /api/health': publicRoute(() => ({ url: '/api/health' })),
  'GET /api/regions': publicRoute(() => ({ url: '/api/regions?parent=320100' })),
  'GET /api/rounds': publicRoute(() => ({ url: '/api/rounds' })),
  'GET /api/verify/:number': publicRoute((w) => ({ url: `/api/verify/${w.app.number}` }), {
    // The paper copy's QR code: says whether the number is current, with a masked name only.
    reveals: (w) => [w.app.number],
  }),
  'GET /api/docs': publicRoute(() => ({ url: '/api/docs' })),
  'GET /api/docs/': publicRoute(() => ({ url: '/api/docs/' })),
  'GET /api/docs/*': publicRoute(() => ({ url: '/api/docs/static/swagger-ui.css' })),
  'GET /api/docs/json': publicRoute(() => ({ url: '/api/docs/json' })),
  'GET /api/docs/yaml': publicRoute(() => ({ url: '/api/docs/yaml' })),
  'GET /api/docs/static/index.html': publicRoute(() => ({ url: '/api/docs/static/index.html' }), { allow: { anonymous: 'reached' } }),
  'GET /api/docs/static/swagger-initializer.js': publicRoute(() => ({ url: '/api/docs/static/swagger-initializer.js' })),
  // Development only (DEV_OUTBOX): the SMS outbox and the demo accounts' codes.
  'GET /api/dev/outbox': publicRoute(() => ({ url: '/api/dev/outbox' })),
  'GET /api/dev/totp': publicRoute(() => ({ url: '/api/dev/totp' })),
  'GET /api/auth/csrf': publicRoute(() => ({ url: '/api/auth/csrf' })),
  'POST /api/auth/sms-code': publicRoute(() => ({ url: '/api/auth/sms-code', payload: { mobile: freshMobile(), purpose: 'register' } })),
  'POST /api/auth/register': publicRoute(() => ({ url: '/api/auth/register', payload: { mobile: freshMobile(), code: '123456', password: 'Strong#Pass2026' } }), { allow: { anonymous: 'answers' } }),
  'POST /api/auth/reset-password': publicRoute((w) => ({ url: '/api/auth/reset-password', payload: { mobile: w.owner.mobile, code: '123456', password: 'Strong#Pass2026' } }), {
    allow: { anonymous: 'answers' },
  }),
  'POST /api/auth/login': publicRoute((w) => ({ url: '/api/auth/login', payload: { login: w.owner.mobile, password: OWNER_PASSWORD } }), {
    // Whoever holds the owner's password is the owner.
    reveals: (w) => [w.owner.mobile],
  }),
  'POST /api/auth/login/totp': publicRoute(() => ({ url: '/api/auth/login/totp', payload: { ticket: 'not-a-ticket', code: '123456' } }), { allow: { anonymous: 'answers' } }),
  'POST /api/auth/logout': publicRoute(() => ({ url: '/api/auth/logout' })),
  // tus preflight: capabilities only, no cookie.
  'OPTIONS /api/uploads': publicRoute(() => ({ url: '/api/uploads' })),
  'OPTIONS /api/uploads/:uploadId': publicRoute((w) => ({ url: `/api/uploads/${w.uploadId}` })),

  // The caller's own account.
  // An expert's own name is its own.
  'GET /api/auth/me': selfRoute(() => ({ url: '/api/auth/me' }), 'ok', { reveals: (w) => [w.owner.mobile.slice(-4), EXPERT_NAME] }),
  'POST /api/auth/logout-all': selfRoute(() => ({ url: '/api/auth/logout-all' })),
  'POST /api/auth/change-password': selfRoute(() => ({ url: '/api/auth/change-password', payload: { currentPassword: 'Wrong#Pass2026', newPassword: 'Strong#Pass2027' } }), 'reached'),
  'GET /api/auth/totp': selfRoute(() => ({ url: '/api/auth/totp' })),
  'POST /api/auth/totp/enrol': selfRoute(() => ({ url: '/api/auth/totp/enrol' })),
  'POST /api/auth/totp/confirm': selfRoute(() => ({ url: '/api/auth/totp/confirm', payload: { code: '000000' } }), 'reached'),
  'POST /api/auth/totp/recovery-codes': selfRoute(() => ({ url: '/api/auth/totp/recovery-codes', payload: { code: '000000' } }), 'reached'),
  'POST /api/auth/totp/disable': selfRoute(() => ({ url: '/api/auth/totp/disable', payload: { code: '000000' } }), 'reached'),
  'POST /api/auth/first-login': {
    request: () => ({ url: '/api/auth/first-login', payload: { contactName: '赵六', contactMobile: freshMobile(), newPassword: 'Strong#Pass2026' } }),
    // Allowed, not tried among the refusals: done there, it would lift the expert's gate for every later route.
    allow: { firstLoginPending: 'ok', expertPending: 'ok' },
    blind: LOGGED_IN.filter((r) => r !== 'firstLoginPending' && r !== 'expertPending'),
  },

  // The applicant's organisation: its own only.
  'GET /api/organisation': { request: () => ({ url: '/api/organisation' }), allow: { owner: 'ok' }, blind: ['applicantNoOrg', 'applicantOther'], sees: true },
  'POST /api/organisation/entry': { request: () => ({ url: '/api/organisation/entry', payload: { entry: 'enterprise' } }), allow: { owner: 'ok' }, blind: ['applicantNoOrg', 'applicantOther'] },
  'PUT /api/organisation/contact': {
    request: () => ({ url: '/api/organisation/contact', payload: { name: '王五', position: '经理', mobile: '13912345678', email: 'wang@example.com' } }),
    allow: { owner: 'ok' },
    blind: ['applicantNoOrg', 'applicantOther'],
  },
  // Certifying as B's organisation (its USCC) must not succeed for another account.
  'POST /api/organisation/certify': {
    request: (w) => ({ url: '/api/organisation/certify', payload: { entry: 'enterprise', uscc: w.app.uscc } }),
    allow: { owner: 'reached' },
    denied: ['applicantNoOrg', 'applicantOther'],
    reveals: (w) => [w.app.uscc],
  },
  // The business registry is public information: any applicant may look a company up.
  'GET /api/registry/lookup': {
    request: (w) => ({ url: `/api/registry/lookup?q=${w.app.uscc}` }),
    allow: { owner: 'ok' },
    blind: ['applicantNoOrg', 'applicantOther'],
    reveals: (w) => [B_NAME, w.app.uscc],
  },

  // The applicant's applications, files and uploads: the owner only.
  'GET /api/applications': { request: () => ({ url: '/api/applications' }), allow: { owner: 'ok' }, blind: ['applicantNoOrg', 'applicantOther'], sees: true },
  'POST /api/applications': {
    // In province B's own round, where the owner has not applied yet.
    request: (w) => ({ url: '/api/applications', payload: { roundId: w.localRoundId, category: 'enterprise' } }),
    allow: { owner: 'ok' },
    blind: ['applicantNoOrg', 'applicantOther'],
  },
  'GET /api/applications/:id': { request: (w) => ({ url: `/api/applications/${w.app.id}` }), allow: { owner: 'ok' }, sees: true },
  'PATCH /api/applications/:id/fields': {
    request: (w) => ({ url: `/api/applications/${w.app.id}/fields`, payload: { saveId: key(), baseVersion: w.app.version, changes: { mainBusiness: '智能装备研发制造及运维服务' } } }),
    // The version moves with each save: a second run answers 409, which still shows the owner got in.
    allow: { owner: 'reached' },
  },
  'PUT /api/applications/:id/category': {
    request: (w) => ({ url: `/api/applications/${w.app.id}/category`, payload: { category: 'platform', subType: 'other' } }),
    allow: { owner: 'reached' },
  },
  'POST /api/applications/:id/submit': { request: (w) => ({ url: `/api/applications/${w.app.id}/submit`, payload: { idempotencyKey: key() } }), allow: { owner: 'reached' } },
  'GET /api/applications/:id/pdf': { request: (w) => ({ url: `/api/applications/${w.app.id}/pdf` }), allow: { owner: 'ok' }, sees: true },
  // Authorities read files through /api/authority (region-scoped), not through the applicant's route.
  'GET /api/applications/:id/files': { request: (w) => ({ url: `/api/applications/${w.app.id}/files` }), allow: { owner: 'ok' } },
  'GET /api/applications/:id/files/:fileId/download': [
    { request: (w) => ({ url: `/api/applications/${w.app.id}/files/${w.files.supporting}/download` }), allow: { owner: 'ok' } },
    { name: "own application, B's file", request: (w, role) => ({ url: `/api/applications/${ownApp(w, role)}/files/${w.files.supporting}/download` }), allow: { owner: 'ok' } },
  ],
  'DELETE /api/applications/:id/files/:fileId': [
    { request: (w) => ({ url: `/api/applications/${w.app.id}/files/${w.files.spare}` }), allow: { owner: 'ok' } },
    // Another file, so the owner's control has something to delete (deletions run after every read).
    { name: "own application, B's file", request: (w, role) => ({ url: `/api/applications/${ownApp(w, role)}/files/${w.files.narrative}` }), allow: { owner: 'ok' } },
  ],
  'POST /api/uploads': {
    request: (w) => ({
      url: '/api/uploads',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '64', 'upload-metadata': `applicationId ${b64(w.app.id)},slot ${b64('supporting')},filename ${b64('补充.pdf')}` },
    }),
    allow: { owner: 'ok' },
  },
  'HEAD /api/uploads/:uploadId': { request: (w) => ({ url: `/api/uploads/${w.uploadId}`, headers: { 'tus-resumable': '1.0.0' } }), allow: { owner: 'ok' } },
  'PATCH /api/uploads/:uploadId': {
    request: (w) => ({
      url: `/api/uploads/${w.uploadId}`,
      headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      payload: Buffer.from('%PDF-1.4 '),
    }),
    allow: { owner: 'reached' },
  },
  'DELETE /api/uploads/:uploadId': { request: (w) => ({ url: `/api/uploads/${w.uploadId}`, headers: { 'tus-resumable': '1.0.0' } }), allow: { owner: 'ok' } },

  // Authorities: region B's chain reaches B's application; region A's levels never do.
  'GET /api/authority/rounds': { request: () => ({ url: '/api/authority/rounds' }), allow: { cityB: 'ok' }, blind: AUTHORITIES.filter((r) => r !== 'cityB') },
  'GET /api/authority/rounds/:roundId/applications': [
    {
      name: 'national round',
      request: (w) => ({ url: `/api/authority/rounds/${w.roundId}/applications?pageSize=100` }),
      allow: all('ok', B_CHAIN),
      blind: AUTHORITIES_A,
      sees: true,
    },
    { name: "province B's round", request: (w) => ({ url: `/api/authority/rounds/${w.localRoundId}/applications` }), allow: all('ok', AUTHORITIES_B) },
  ],
  'POST /api/authority/rounds/:roundId/close': [
    // Region A closes its own region in the national round: its business, not B's.
    { name: 'national round', request: (w) => ({ url: `/api/authority/rounds/${w.roundId}/close` }), allow: { cityB: 'reached' }, blind: [...AUTHORITIES_A, 'ministry', 'districtB', 'provinceB'] },
    { name: "province B's round", request: (w) => ({ url: `/api/authority/rounds/${w.localRoundId}/close` }), allow: all('ok', AUTHORITIES_B) },
  ],
  'POST /api/authority/rounds/:roundId/undo-close': [
    { name: 'national round', request: (w) => ({ url: `/api/authority/rounds/${w.roundId}/undo-close` }), allow: { cityB: 'reached' }, blind: [...AUTHORITIES_A, 'ministry', 'districtB', 'provinceB'] },
    { name: "province B's round", request: (w) => ({ url: `/api/authority/rounds/${w.localRoundId}/undo-close` }), allow: all('reached', AUTHORITIES_B) },
  ],
  'PUT /api/authority/rounds/:roundId/ranking': [
    {
      name: 'national round',
      request: (w) => ({ url: `/api/authority/rounds/${w.roundId}/ranking`, payload: { category: 'enterprise', subType: null, order: [w.app.id] } }),
      // District B's control may find a second recommendation of its own (the recommend control ran before).
      allow: { cityB: 'ok', provinceB: 'ok', districtB: 'reached' },
      // A ranking naming B's application never succeeds for anyone else.
      denied: [...AUTHORITIES_A, 'ministry'],
      reveals: (w) => [w.app.id],
    },
    {
      name: "province B's round",
      request: (w) => ({ url: `/api/authority/rounds/${w.localRoundId}/ranking`, payload: { category: 'enterprise', subType: null, order: [] } }),
      allow: all('reached', AUTHORITIES_B),
    },
  ],
  'POST /api/authority/rounds/:roundId/bulk/preview': [
    {
      name: 'national round',
      request: (w) => ({ url: `/api/authority/rounds/${w.roundId}/bulk/preview`, payload: { action: 'check-pass', ids: [w.app.id] } }),
      allow: { cityB: 'ok', districtB: 'ok', provinceB: 'ok', ministry: 'ok' },
      blind: AUTHORITIES_A,
      reveals: (w) => [w.app.id],
    },
    {
      name: "province B's round",
      request: (w) => ({ url: `/api/authority/rounds/${w.localRoundId}/bulk/preview`, payload: { action: 'check-pass', ids: [w.app.id] } }),
      allow: all('reached', AUTHORITIES_B),
      reveals: (w) => [w.app.id],
    },
  ],
  'POST /api/authority/rounds/:roundId/bulk/commit': [
    { name: 'national round', request: (w) => ({ url: `/api/authority/rounds/${w.roundId}/bulk/commit`, payload: { token: 'not-a-token' } }), allow: all('reached', B_CHAIN), blind: AUTHORITIES_A },
    { name: "province B's round", request: (w) => ({ url: `/api/authority/rounds/${w.localRoundId}/bulk/commit`, payload: { token: 'not-a-token' } }), allow: all('reached', AUTHORITIES_B) },
  ],
  ...Object.fromEntries(
    ['summary', 'summary.xlsx', 'summary.pdf'].map((what) => [
      `GET /api/authority/rounds/:roundId/${what}`,
      [
        // The summary lists the caller's own recommendations: B's district, city and province each recommended it.
        { name: 'national round', request: (w: World) => ({ url: `/api/authority/rounds/${w.roundId}/${what}` }), allow: all('ok', AUTHORITIES_B), blind: [...AUTHORITIES_A, 'ministry'], sees: true },
        { name: "province B's round", request: (w: World) => ({ url: `/api/authority/rounds/${w.localRoundId}/${what}` }), allow: all('ok', AUTHORITIES_B) },
      ] satisfies Case[],
    ]),
  ),
  'GET /api/authority/applications/:id': byLevel((id) => ({ url: `/api/authority/applications/${id}` }), 'ok', { sees: true }),
  'GET /api/authority/applications/:id/files/:fileId': [
    { request: (w) => ({ url: `/api/authority/applications/${w.app.id}/files/${w.files.narrative}` }), allow: all('ok', B_CHAIN) },
    { ...LOW, request: (w) => ({ url: `/api/authority/applications/${w.lowApp.id}/files/${w.lowApp.fileId}` }), allow: { districtB: 'ok' } },
    { name: "own application, B's file", request: (w, role) => ({ url: `/api/authority/applications/${ownApp(w, role)}/files/${w.files.narrative}` }), allow: all('ok', B_CHAIN) },
  ],
  'GET /api/authority/applications/:id/pdf': byLevel((id) => ({ url: `/api/authority/applications/${id}/pdf` }), 'ok', { sees: true }),
  'POST /api/authority/applications/:id/reopen': byLevel(
    (id) => ({ url: `/api/authority/applications/${id}/reopen`, payload: { reason: '补正材料', expiresAt: new Date(Date.now() + 86400_000).toISOString(), scope: { whole: true, sections: [], slots: [] } } }),
    'reached',
  ),
  'POST /api/authority/reopenings/:id/close': {
    request: (w) => ({ url: `/api/authority/reopenings/${w.reopeningId}/close` }),
    // The opener (city B) or a level above it; district B sees the application but did not open it (403).
    allow: { provinceB: 'reached', ministry: 'reached', cityB: 'reached' },
    late: true,
  },
  'POST /api/authority/applications/:id/check': byLevel((id) => ({ url: `/api/authority/applications/${id}/check`, payload: { result: 'passed' } }), 'reached'),
  'PUT /api/authority/applications/:id/opinion': byLevel((id) => ({ url: `/api/authority/applications/${id}/opinion`, payload: { opinion: '同意推荐' } }), 'ok'),
  'POST /api/authority/applications/:id/recommend': byLevel((id) => ({ url: `/api/authority/applications/${id}/recommend` }), 'reached'),
  // Province B last: its withdrawal succeeds and hides the application from the ministry.
  'DELETE /api/authority/applications/:id/recommend': byLevel((id) => ({ url: `/api/authority/applications/${id}/recommend` }), 'reached', { late: true }, ['ministry', 'districtB', 'cityB', 'provinceB']),
  'POST /api/authority/paper': [
    { request: (w) => ({ url: '/api/authority/paper', payload: { number: w.app.number } }), allow: all('ok', B_CHAIN), sees: true },
    { ...LOW, request: (w) => ({ url: '/api/authority/paper', payload: { number: w.lowApp.number } }), allow: { districtB: 'ok' }, sees: true },
  ],
  'GET /api/authority/audit': { request: () => ({ url: '/api/authority/audit?pageSize=200' }), allow: all('ok', B_CHAIN), blind: AUTHORITIES_A, sees: true },
  'GET /api/authority/audit.xlsx': { request: () => ({ url: '/api/authority/audit.xlsx' }), allow: all('ok', B_CHAIN), blind: AUTHORITIES_A, sees: true },

  // Accounts: the level directly above issues and resets; the secret is B's second district account.
  'GET /api/accounts': {
    request: () => ({ url: '/api/accounts' }),
    allow: { cityB: 'ok', districtB: 'ok' },
    blind: [...AUTHORITIES_A, 'ministry', 'provinceB'],
    secrets: (w) => [w.resetTarget.username],
    sees: true,
  },
  'POST /api/accounts': {
    request: () => ({ url: '/api/accounts', payload: { regionCode: '320104', username: `qh_${key()}`, displayName: '南京市秦淮区工业和信息化局' } }),
    allow: { cityB: 'ok' },
  },
  'POST /api/accounts/:id/reset-totp': {
    request: (w) => ({ url: `/api/accounts/${w.resetTarget.id}/reset-totp`, payload: { reason: '手机遗失，经电话核实本人' } }),
    allow: { cityB: 'ok' },
    secrets: (w) => [w.resetTarget.username, w.resetTarget.id],
  },
  'POST /api/accounts/:id/reset-password': {
    request: (w) => ({ url: `/api/accounts/${w.resetTarget.id}/reset-password` }),
    allow: { cityB: 'ok' },
    secrets: (w) => [w.resetTarget.username, w.resetTarget.id],
  },

  // Stages 4–5: organiser, experts, public notice, notifications (table45.ts).
  ...STAGE45,
};

/** The caller's own application where it has one, else B's (then the case is the plain one). */
const ownApp = (w: World, role: Role) => w.ownAppIds[role] ?? w.app.id;

let mobileSeq = 0;
/** A mobile number nobody registered (SMS cooldowns are per number). */
function freshMobile(): string {
  return `137${String(Date.now() % 1e5).padStart(5, '0')}${String(++mobileSeq).padStart(3, '0')}`;
}

export { B_NAME };
