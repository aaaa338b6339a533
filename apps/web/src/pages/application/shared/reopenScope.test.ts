import { describe, expect, it } from 'vitest';
import { sectionOpen, uploadsOpen } from './reopenScope';

const reopening = (scope: { whole: boolean; sections: string[]; slots: string[] }) => ({ reopening: { reason: 'r', expiresAt: '2030-01-01T00:00:00Z', scope } });

describe('reopening scope on the edit page', () => {
  it('leaves everything to can.edit without a reopening', () => {
    expect(sectionOpen({ reopening: null }, 'operation')).toBe(true);
    expect(uploadsOpen({ reopening: null })).toBe(true);
  });
  it('opens only the chosen sections and, without slots, no uploads', () => {
    const app = reopening({ whole: false, sections: ['basic'], slots: [] });
    expect(sectionOpen(app, 'basic')).toBe(true);
    expect(sectionOpen(app, 'operation')).toBe(false);
    expect(uploadsOpen(app)).toBe(false);
  });
  it('opens everything for a whole reopening', () => {
    const app = reopening({ whole: true, sections: [], slots: [] });
    expect(sectionOpen(app, 'operation')).toBe(true);
    expect(uploadsOpen(app)).toBe(true);
  });
});
