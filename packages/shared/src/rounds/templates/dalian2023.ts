import { endOfDay, NATIONAL_MODES, type RoundTemplate } from './types.js';

/**
 * Dalian 2023 (seed 003, the city's notice for the 5th national batch): districts (区市县、先导区)
 * check and recommend to the city, which sends the best to the ministry; applications close on
 * 2023-05-15 with three paper copies; earlier units evaluate by 2023-05-05. No project category.
 * The quotas cap what the city sends on to the ministry (its level is the round's top).
 * The service share of 30 % holds "in principle" (原则上): the system only warns below it anyway.
 * The notice carries no date of issue, so filling opens when the organiser says.
 */
export const DALIAN_2023_TEMPLATE: RoundTemplate = {
  key: 'dalian-2023',
  name: '大连市2023年服务型制造示范遴选（第五批）',
  code: 'DL23',
  year: 2023,
  organiserRegion: '210200',
  fillingOpensAt: null,
  fillingClosesAt: endOfDay('2023-05-15'),
  source: '大连市工业和信息化局关于开展2023年服务型制造示范遴选和评估评价工作的通知',
  config: {
    categories: ['enterprise', 'platform', 'city'],
    modes: NATIONAL_MODES,
    sharedMode: '共享制造',
    noViolationSince: '2021-01-01',
    minServiceShare: 30,
    minPlatformYears: 2,
    indicatorYears: [2020, 2021, 2022],
    submitGraceMinutes: 15,
    quotas: [
      { category: 'enterprise', max: 3, level: 'city' },
      { category: 'platform', subType: 'shared', max: 1, level: 'city' },
      { category: 'platform', subType: 'other', max: 1, level: 'city' },
      { category: 'city', subType: 'general', max: 1, level: 'city' },
      { category: 'city', subType: 'design', max: 1, level: 'city' },
    ],
    reviewLevels: ['district', 'city'],
    titledRegions: [],
    narrativeMaxChars: { enterprise: 5000, platform: 5000, city: 10000 },
    paperCopies: 3,
    stages: { recommendationDue: '2023-05-15', evaluationDue: '2023-05-05' },
  },
};
