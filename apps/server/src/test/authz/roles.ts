/**
 * Who calls. Region A is Guangdong (Shenzhen, Nanshan), region B is Jiangsu (Nanjing, Xuanwu): the data
 * every route is tried on belongs to region B's applicant (`owner`). The ministry is national, so it
 * belongs to both; it sees B's application only because B's province recommended it. The ministry
 * organises the national round (expert review, inspections, decisions, notice); province B its own.
 */
export const ROLES = [
  'anonymous',
  /** Registered by mobile number, no organisation yet. */
  'applicantNoOrg',
  /** An applicant of another (certified) organisation in the same region and round as the owner. */
  'applicantOther',
  /** Region B's applicant, owner of the data. */
  'owner',
  'districtA',
  'cityA',
  'provinceA',
  'ministry',
  'districtB',
  'cityB',
  'provinceB',
  /** Region B's city account that has not done its first login (would otherwise see B's data). */
  'firstLoginPending',
  /** Region B's city account without a second factor (would otherwise see B's data). */
  'noTotp',
  /** An expert of the ministry's pool assigned to B's application in the national round. */
  'expertAssigned',
  /** An expert of the ministry's pool with no task on B's application. */
  'expertOther',
  /** An expert of province B's pool (province B organises its own round, not the national one). */
  'expertB',
  /** Assigned to B's application like expertAssigned, but without a second factor: held at the gate. */
  'expertNoTotp',
  /** Assigned to B's application like expertAssigned, but its one-time password not yet changed. */
  'expertPending',
] as const;
export type Role = (typeof ROLES)[number];

export const APPLICANTS: Role[] = ['applicantNoOrg', 'applicantOther', 'owner'];
export const AUTHORITIES_A: Role[] = ['districtA', 'cityA', 'provinceA'];
export const AUTHORITIES_B: Role[] = ['districtB', 'cityB', 'provinceB'];
/** Accounts held at a gate before anything but /api/auth/*. */
export const GATED: Role[] = ['firstLoginPending', 'noTotp'];
export const AUTHORITIES: Role[] = [...AUTHORITIES_A, 'ministry', ...AUTHORITIES_B];
export const EXPERTS: Role[] = ['expertAssigned', 'expertOther', 'expertB', 'expertNoTotp', 'expertPending'];
export const LOGGED_IN: Role[] = ROLES.filter((r) => r !== 'anonymous');

export const REGION = {
  districtA: '440305',
  cityA: '440300',
  provinceA: '440000',
  ministry: '000000',
  districtB: '320102',
  cityB: '320100',
  provinceB: '320000',
} as const;
