import { endOfDay, NATIONAL_MODES, startOfDay, type RoundTemplate } from './types.js';

/**
 * Guangdong 2023 (seed 002, 粤工信生产合作函〔2023〕9号, 2023-03-23): the province's round of the
 * 2023 national selection. Cities (Shenzhen excluded: it reports to the ministry itself) check and
 * recommend to the province by 6 May, two paper copies each; cities holding the national
 * demonstration-city title get larger quotas. The notice does not name those cities: the organiser
 * lists them in `titledRegions`. It sets no quota for demonstration cities.
 */
export const GUANGDONG_2023_TEMPLATE: RoundTemplate = {
  key: 'guangdong-2023',
  name: '广东省2023年服务型制造示范遴选',
  code: 'GD23',
  year: 2023,
  organiserRegion: '440000',
  fillingOpensAt: startOfDay('2023-03-23'),
  fillingClosesAt: endOfDay('2023-05-06'),
  source: '广东省工业和信息化厅转发工业和信息化部办公厅关于开展2023年服务型制造示范遴选和评估评价工作的通知（粤工信生产合作函〔2023〕9号）',
  config: {
    categories: ['enterprise', 'platform', 'project', 'city'],
    modes: NATIONAL_MODES,
    sharedMode: '共享制造',
    // The 2023 national notice's date (seed 003 quotes it: 自2021年1月1日起).
    noViolationSince: '2021-01-01',
    minServiceShare: 30,
    minPlatformYears: 2,
    indicatorYears: [2020, 2021, 2022],
    submitGraceMinutes: 15,
    quotas: [
      { category: 'enterprise', max: 4, maxForTitled: 6, level: 'city' },
      { category: 'platform', subType: 'shared', max: 1, maxForTitled: 2, level: 'city' },
      { category: 'platform', subType: 'other', max: 2, maxForTitled: 3, level: 'city' },
      { category: 'project', max: 2, maxForTitled: 3, level: 'city' },
    ],
    reviewLevels: ['city', 'province'],
    titledRegions: [],
    excludedRegions: ['440300'],
    narrativeMaxChars: { enterprise: 5000, platform: 5000, project: 5000, city: 10000 },
    paperCopies: 2,
    stages: { recommendationDue: '2023-05-06', evaluationDue: '2023-05-20', evaluationExplanationDue: '2023-05-23' },
  },
};
