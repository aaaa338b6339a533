import { useEffect, useState } from 'react';
import { Cascader } from 'antd';
import { expertsApi, type RegionOption } from '../api';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

const toOption = (r: RegionOption): Option => ({ value: r.code, label: r.name, isLeaf: r.level === 'district' });

/**
 * Where the expert works: province → city → district, loaded level by level. A stored value's
 * levels are loaded up front so the picker shows names, not codes.
 */
export function RegionPicker({ value, onChange }: { value?: string[]; onChange?: (codes: string[]) => void }) {
  const [options, setOptions] = useState<Option[]>([]);
  const initial = value?.join(',') ?? '';

  useEffect(() => {
    let live = true;
    (async () => {
      const provinces = (await expertsApi.regions()).map(toOption);
      const [p, c] = initial.split(',');
      const province = provinces.find((o) => o.value === p);
      if (province) {
        province.children = (await expertsApi.regions(province.value)).map(toOption);
        const city = province.children.find((o) => o.value === c);
        if (city && initial.split(',').length > 2) city.children = (await expertsApi.regions(city.value)).map(toOption);
      }
      if (live) setOptions(provinces);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
    // Only the value the picker opened with needs its levels loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target) return;
    try {
      target.children = (await expertsApi.regions(target.value)).map(toOption);
      if (target.children.length === 0) target.isLeaf = true;
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
      placeholder="请选择 省 / 市 / 区县"
      style={{ width: '100%' }}
      data-testid="expert-region"
    />
  );
}
