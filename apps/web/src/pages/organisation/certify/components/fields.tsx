import type { DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import type { RegistryRecord } from '@fw/shared';

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '—');
const date = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY年M月D日') : '—');

/** The registry data an enterprise confirms before certifying (seed 000: 自动导入相关工商信息). */
export function registryItems(r: Partial<Record<keyof RegistryRecord, string | null>>): DescriptionsProps['items'] {
  return [
    { key: 'name', label: '单位名称', children: dash(r.name), span: 'filled' },
    { key: 'uscc', label: '统一社会信用代码', children: dash(r.uscc) },
    { key: 'status', label: '经营状态', children: dash(r.businessStatus) },
    { key: 'legal', label: '法定代表人', children: dash(r.legalRepresentative) },
    { key: 'capital', label: '注册资本', children: dash(r.registeredCapital) },
    { key: 'type', label: '企业类型', children: dash(r.orgType) },
    { key: 'established', label: '成立日期', children: date(r.establishedOn) },
    { key: 'region', label: '所属地区', children: dash(r.regionName), span: 'filled' },
    { key: 'address', label: '注册地址', children: dash(r.address), span: 'filled' },
  ];
}

export const REGION_LOCK_NOTICE = '所属地信息一经提交认证，不能再更改。请仔细核对后再提交。';
