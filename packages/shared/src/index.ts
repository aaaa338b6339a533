import { z } from "zod";
// Default validation messages in Simplified Chinese on both client and server.
z.config(z.locales.zhCN());

export * from './categories.js';
export * from './round.js';
export * from './limits.js';
export * from './rules/uscc.js';
export * from './rules/mobile.js';
export * from './rules/email.js';
export * from './rules/password.js';
export * from './rules/applicationNumber.js';
export * from './rules/regions.js';
export * from './workflow/application.js';
export * from './schemas/auth.js';
export * from './schemas/organisation.js';
export * from './schemas/application.js';
export * from './schemas/accounts.js';
export * from './schemas/notice.js';
export * from './schemas/organiserRounds.js';
export * from './schemas/expertReview.js';
export * from './forms/types.js';
export * from './forms/index.js';
export * from './review/index.js';
export * from './rounds/templates/index.js';
export * from './schemas/ranking.js';
export * from './schemas/decisions.js';
export * from './schemas/notifications.js';
