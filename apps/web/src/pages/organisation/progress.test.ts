import { describe, expect, it } from 'vitest';
import type { OrganisationView } from '@fw/shared';
import { nextOnboardingStep } from './progress';

const org = (over: Partial<OrganisationView>): OrganisationView => ({
  id: 'o1',
  entry: 'enterprise',
  uscc: null,
  name: null,
  regionCode: null,
  regionName: null,
  registry: null,
  certifiedAt: null,
  contact: null,
  ...over,
});

describe('nextOnboardingStep', () => {
  it('starts with choosing the entry', () => {
    expect(nextOnboardingStep(null)).toEqual({ index: 0, path: '/entry' });
  });
  it('asks for certification once the entry is chosen', () => {
    expect(nextOnboardingStep(org({}))).toEqual({ index: 1, path: '/certify' });
  });
  it('asks for the contact after certification', () => {
    expect(nextOnboardingStep(org({ certifiedAt: '2026-01-01T00:00:00Z' }))).toEqual({ index: 2, path: '/contact' });
  });
  it('lets a certified organisation with a contact fill applications', () => {
    const contact = { name: '张三', position: '经理', mobile: '13912345678', email: 'a@example.cn' };
    expect(nextOnboardingStep(org({ certifiedAt: '2026-01-01T00:00:00Z', contact }))).toEqual({ index: 3, path: null });
  });
});
