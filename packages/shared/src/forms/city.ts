import { count } from './common.js';
import { territoryForm } from './territory.js';

/**
 * 表3 for a demonstration city: the district table of seed 004 at city level, plus the national
 * industrial design centres that an industrial-design city must have (seed 001).
 */
export const CITY_FORM = territoryForm({
  category: 'city',
  title: '表3 服务型制造示范城市申报表',
  nameLabel: '城市名称',
  here: '本市',
  ownLevel: '市级',
  littleGiantsLabel: '国家级专精特新“小巨人”数量',
  digitalTitlesLabel: '获得体现数字化能力建设的省级及以上认定及示范称号情况',
  demoLevels: [
    { key: 'national', label: '国家级' },
    { key: 'provincial', label: '省级' },
  ],
  extraSections: [
    {
      key: 'design',
      title: '工业设计发展情况',
      description: '工业设计特色类示范城市应拥有一批国家级工业设计中心。',
      fields: [
        {
          key: 'designCentres',
          label: '国家级工业设计中心',
          type: 'rows',
          required: true,
          minItems: 1,
          maxItems: 100,
          wide: true,
          showIf: { field: '$subType', in: ['design'] },
          columns: [
            { key: 'name', label: '工业设计中心名称', type: 'text', required: true, maxLength: 100 },
            { key: 'holder', label: '依托单位', type: 'text', required: true, maxLength: 100 },
            { key: 'batch', label: '认定批次', type: 'text', required: true, maxLength: 30, placeholder: '如：第五批' },
          ],
        },
        count('provincialDesignCentres', '省级工业设计中心数量', '个', { showIf: { field: '$subType', in: ['design'] } }),
        {
          key: 'designAchievements',
          label: '工业设计赋能制造业发展成效',
          type: 'textarea',
          maxLength: 1000,
          wide: true,
          help: '制造业重点领域设计突破、高端设计人才培育、国家工业设计研究院创建、工业设计基础研究等方面',
          showIf: { field: '$subType', in: ['design'] },
        },
      ],
    },
  ],
  extraDeclarations: [{ key: 'declPrefectureLevel', label: '申报主体为地级市及以上城市人民政府', type: 'declaration', required: true }],
});
