import type { Actor, AppContext } from '../../context.js';
import { renderCurrentSubmission } from '../applications/renderSubmissionPdf.js';
import { loadSubmittedContent } from './loadSubmittedContent.js';

/** The application book as submitted, for a declared assignment, without the contact's mobile and e-mail. */
export async function renderPdfForExpert(ctx: AppContext, actor: Actor, id: string) {
  const loaded = await loadSubmittedContent(ctx, actor, id);
  return renderCurrentSubmission(ctx, { round: loaded.round, application: loaded.application }, null, { withoutContactDetails: true });
}
