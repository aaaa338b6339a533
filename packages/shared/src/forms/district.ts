import { territoryForm } from './territory.js';

/** 表3 服务型制造示范区申请表, as printed in seed 004 (Shanghai's 5th round). */
export const DISTRICT_FORM = territoryForm({
  category: 'district',
  title: '表3 服务型制造示范区申请表',
  nameLabel: '区名称',
  here: '本区',
  ownLevel: '区级',
  littleGiantsLabel: '市级专精特新“小巨人”数量',
  digitalTitlesLabel: '获得体现数字化能力建设的市级认定及示范称号情况',
  demoLevels: [
    { key: 'municipal', label: '市级' },
    { key: 'district', label: '区级' },
  ],
});
