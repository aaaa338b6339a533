/** Annual evaluation (评估评价): grades, business status, the revocation rules, the yearly form. */
export * from './grades.js';
export * from './businessStatus.js';
export * from './rules.js';
export * from './form.js';
export * from './explanation.js';
