/** Declarative application forms: specs per category, validation, computed indicators, display. */
export { FORM_SPECS, formSpecFor, allFields, findField, sectionOf, visibleKeys, visibleSections } from './specs.js';
export { ENTERPRISE_FORM } from './enterprise.js';
export { PLATFORM_FORM } from './platform.js';
export { PROJECT_FORM } from './project.js';
export { CITY_FORM } from './city.js';
export { DISTRICT_FORM } from './district.js';
export type { FormContext } from './context.js';
export { labelFor, formatText, chineseDate, latestYear } from './context.js';
export { optionsFor, isVisible, isReadOnly, fixedValue } from './options.js';
export { fieldSchema, validateChanges, missingForSubmit } from './validate.js';
export type { ValidateChangesResult, MissingField } from './validate.js';
export { computeIndicators } from './indicators.js';
export type { YearTableValue } from './indicators.js';
export { eligibilityWarnings, fullYearsBetween } from './eligibility.js';
export type { EligibilityContext } from './eligibility.js';
export { displayValue } from './display.js';
export { readOnlyValues, modesOf } from './readOnly.js';
export type { ReadOnlySource } from './readOnly.js';
