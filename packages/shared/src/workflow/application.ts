/** Application statuses and the transitions the applicant may cause (authorities' come with their issue). */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'modified'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '填报中',
  submitted: '已提交',
  modified: '已修改未重新提交',
};

export type ApplicantAction = 'save' | 'submit' | 'upload';

/** from-status → action → to-status. A missing entry means the action is not allowed. */
export const APPLICANT_TRANSITIONS: Record<ApplicationStatus, Partial<Record<ApplicantAction, ApplicationStatus>>> = {
  draft: { save: 'draft', upload: 'draft', submit: 'submitted' },
  submitted: { save: 'modified', upload: 'modified', submit: 'submitted' },
  modified: { save: 'modified', upload: 'modified', submit: 'submitted' },
};

export function nextStatus(from: ApplicationStatus, action: ApplicantAction): ApplicationStatus | null {
  return APPLICANT_TRANSITIONS[from]?.[action] ?? null;
}
