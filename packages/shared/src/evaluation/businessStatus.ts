/**
 * Business status (经营状态) as the registry prints it, reduced to what the revocation rule needs.
 * Registries write the same state many ways: 存续（在营、开业、在册）, 在业, 吊销，未注销, 吊销,已注销 …
 */
export const REVOKING_STATUSES = ['revoked', 'cancelled', 'suspended', 'liquidation'] as const;
export type RevokingStatus = (typeof REVOKING_STATUSES)[number];
export type BusinessStatusKind = 'operating' | RevokingStatus | 'unknown';

export const BUSINESS_STATUS_LABELS: Record<BusinessStatusKind, string> = {
  operating: '存续',
  revoked: '吊销',
  cancelled: '注销',
  suspended: '停业',
  liquidation: '清算',
  unknown: '无法识别',
};

// Checked in this order: a record that is both revoked and cancelled (吊销,已注销) no longer exists, so
// 注销 wins over 吊销; negations (未注销, 未吊销) are removed first so they never match.
const REVOKING_MARKERS: readonly [RevokingStatus, string][] = [
  ['cancelled', '注销'],
  ['revoked', '吊销'],
  ['liquidation', '清算'],
  ['suspended', '停业'],
];
const OPERATING_MARKERS = ['存续', '在业', '开业', '在营', '在册', '登记成立', '迁入', '迁出'];

/** The kind of a registry status text; an empty or unrecognised text is 'unknown' (never a revocation). */
export function businessStatusKind(status: string | null | undefined): BusinessStatusKind {
  const s = (status ?? '').replace(/\s/g, '').replace(/未(注销|吊销|清算|停业)/g, '');
  if (s === '') return 'unknown';
  for (const [kind, marker] of REVOKING_MARKERS) if (s.includes(marker)) return kind;
  return OPERATING_MARKERS.some((m) => s.includes(m)) ? 'operating' : 'unknown';
}

export function isRevokingStatus(kind: BusinessStatusKind): kind is RevokingStatus {
  return (REVOKING_STATUSES as readonly string[]).includes(kind);
}
