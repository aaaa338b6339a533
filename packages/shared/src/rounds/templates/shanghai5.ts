import { endOfDay, startOfDay, type RoundTemplate } from './types.js';

/**
 * Shanghai's 5th municipal round (seed 004, 沪经信生〔2023〕556号, 2023-07-06): enterprises,
 * platforms and districts (示范区); districts' economic commissions check, rank and send to the
 * municipality by 2023-08-10 (contacts by 2023-07-14); the commission runs a third-party review.
 * Modes as in 附件1 (服务型制造重点模式说明), which adds 研发和设计服务 and 产业互联网 and
 * names the customisation mode 个性化定制服务. No quotas.
 */
export const SHANGHAI_5_TEMPLATE: RoundTemplate = {
  key: 'shanghai-5',
  name: '上海市第五批服务型制造示范遴选',
  code: 'SH5',
  year: 2023,
  organiserRegion: '310000',
  fillingOpensAt: startOfDay('2023-07-06'),
  fillingClosesAt: endOfDay('2023-08-10'),
  source: '上海市经济信息化委关于开展上海市第五批服务型制造示范遴选工作的通知（沪经信生〔2023〕556号）',
  config: {
    categories: ['enterprise', 'platform', 'district'],
    modes: [
      '研发和设计服务',
      '个性化定制服务',
      '供应链管理服务',
      '共享制造',
      '检验检测服务',
      '全生命周期管理',
      '总集成总承包服务',
      '节能环保服务',
      '生产性金融服务',
      '产业互联网',
      '其他创新模式',
    ],
    sharedMode: '共享制造',
    noViolationSince: '2021-01-01',
    minServiceShare: 30,
    minPlatformYears: 2,
    indicatorYears: [2020, 2021, 2022],
    submitGraceMinutes: 15,
    quotas: [],
    reviewLevels: ['district', 'province'],
    titledRegions: [],
    narrativeMaxChars: { enterprise: 5000, platform: 5000, district: 10000 },
    stages: { contactsDue: '2023-07-14', recommendationDue: '2023-08-10' },
  },
};
