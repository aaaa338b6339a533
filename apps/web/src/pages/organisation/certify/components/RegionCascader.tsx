import { useEffect, useState } from 'react';
import { Cascader } from 'antd';
import { fetchRegions, type RegionOption } from '../api';

interface Option {
  value: string;
  label: string;
  level: string;
  isLeaf: boolean;
  children?: Option[];
}

const toOption = (r: RegionOption): Option => ({ value: r.code, label: r.name, level: r.level, isLeaf: r.level === 'district' });

export interface RegionCascaderProps {
  value?: string[];
  onChange?: (codes: string[]) => void;
}

/** Province → city (→ district), loaded level by level from /api/regions. */
export function RegionCascader({ value, onChange }: RegionCascaderProps) {
  const [options, setOptions] = useState<Option[]>([]);

  useEffect(() => {
    fetchRegions()
      .then((list) => setOptions(list.map(toOption)))
      .catch(() => undefined);
  }, []);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target) return;
    try {
      const children = (await fetchRegions(target.value)).map(toOption);
      target.children = children;
      if (children.length === 0) target.isLeaf = true;
    } catch {
      target.isLeaf = true;
    }
    setOptions((o) => [...o]);
  };

  return (
    <Cascader<Option>
      options={options}
      loadData={loadData}
      changeOnSelect
      value={value}
      onChange={(v) => onChange?.((v ?? []).map(String))}
      placeholder="请选择 省 / 市 / 区"
      size="large"
      style={{ width: '100%' }}
      showSearch={false}
      classNames={{ popup: { root: 'region-cascader-popup' } }}
    />
  );
}
