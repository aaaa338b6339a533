export * from './random.js';
export * from './order.js';
export * from './conflicts.js';
export * from './assignment.js';
export * from './rubric.js';
export * from './aggregate.js';
export * from './settings.js';
