import { THIRD_NATIONAL_ROUND } from '../../round.js';
import { endOfDay, startOfDay, type RoundTemplate } from './types.js';

/**
 * 3rd national round (seed 001, 工信厅政法函〔2021〕43号, signed 2021-03-17): provinces recommend to
 * the ministry by 2021-05-31 (one paper copy each), contacts by 2021-03-31.
 */
export const NATIONAL_3_TEMPLATE: RoundTemplate = {
  key: 'national-3',
  name: '第三批服务型制造示范遴选',
  code: 'N3',
  year: 2021,
  organiserRegion: '000000',
  fillingOpensAt: startOfDay('2021-03-17'),
  fillingClosesAt: endOfDay('2021-05-31'),
  source: '工业和信息化部办公厅关于开展第三批服务型制造示范遴选工作的通知（工信厅政法函〔2021〕43号）',
  config: {
    ...THIRD_NATIONAL_ROUND,
    quotas: THIRD_NATIONAL_ROUND.quotas.map((q) => ({ ...q, level: 'province' as const })),
    paperCopies: 1,
    stages: { contactsDue: '2021-03-31', recommendationDue: '2021-05-31' },
  },
};
