export * from './regions.js';
export * from './users.js';
export * from './sms.js';
export * from './organisations.js';
export * from './rounds.js';
export * from './applications.js';
export * from './audit.js';
export * from './review.js';
