import { useState } from 'react';
import type { DecisionLimits } from '@fw/shared';

/** The organiser's per-category maximum, kept in this browser per round (the server checks what is sent). */
export function useLimits(roundId: string) {
  const key = `fw.decisionLimits.${roundId}`;
  const [limits, setLimits] = useState<DecisionLimits>(() => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? '{}') as DecisionLimits;
    } catch {
      return {};
    }
  });
  const setLimit = (group: string, n: number | null) => {
    const next = { ...limits };
    if (n === null) delete next[group];
    else next[group] = n;
    setLimits(next);
    localStorage.setItem(key, JSON.stringify(next));
  };
  return { limits, setLimit };
}
