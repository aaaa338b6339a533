import type { OrganisationView } from '@fw/shared';

/** The applicant's way in: 选择类别 → 单位认证 → 联系人 → 填写申报书 → 确认提交. */
export const ONBOARDING_STEPS = ['选择类别', '单位认证', '联系人', '填写申报书', '确认提交'] as const;

export interface NextStep {
  /** Index in ONBOARDING_STEPS. */
  index: number;
  /** Where to continue while the organisation is not ready; null once applications can start. */
  path: '/entry' | '/certify' | '/contact' | null;
}

export function nextOnboardingStep(org: OrganisationView | null | undefined): NextStep {
  if (!org) return { index: 0, path: '/entry' };
  if (!org.certifiedAt) return { index: 1, path: '/certify' };
  if (!org.contact) return { index: 2, path: '/contact' };
  return { index: 3, path: null };
}
