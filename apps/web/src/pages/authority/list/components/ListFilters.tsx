import { Input, Select } from 'antd';
import { useAuth } from '../../../../auth/AuthContext';
import { useRequest } from '../../../../api/useRequest';
import { authorityApi } from '../../api';
import type { ListParams } from '../useListParams';

interface Props {
  params: ListParams;
  onChange: (patch: Partial<ListParams>) => void;
}

/** Sub-region, completeness check, recommended or not, and a keyword on name or number. */
export function ListFilters({ params, onChange }: Props) {
  const { user } = useAuth();
  const parent = user?.regionCode ?? null;
  // The ministry's sub-regions are the provinces (the regions list without a parent).
  const regions = useRequest((signal) => (parent ? authorityApi.regions(parent === '000000' ? '' : parent, signal) : Promise.resolve([])), [parent]);
  return (
    <div className="authority-toolbar" data-testid="list-filters">
      <Select
        allowClear
        placeholder="下级地区"
        value={params.region ?? undefined}
        onChange={(v?: string) => onChange({ region: v ?? null })}
        options={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 160 }}
        data-testid="filter-region"
      />
      <Select
        allowClear
        placeholder="形式审查"
        value={params.check ?? undefined}
        onChange={(v?: ListParams['check']) => onChange({ check: v ?? null })}
        options={[
          { value: 'pending', label: '待审查' },
          { value: 'passed', label: '已通过' },
          { value: 'returned', label: '已退回' },
        ]}
        style={{ width: 130 }}
        data-testid="filter-check"
      />
      <Select
        allowClear
        placeholder="推荐情况"
        value={params.rec ?? undefined}
        onChange={(v?: ListParams['rec']) => onChange({ rec: v ?? null })}
        options={[
          { value: 'true', label: '已推荐' },
          { value: 'false', label: '未推荐' },
        ]}
        style={{ width: 120 }}
        data-testid="filter-recommended"
      />
      <Input.Search
        allowClear
        placeholder="单位名称或申报编号"
        defaultValue={params.q}
        onSearch={(v) => onChange({ q: v.trim() })}
        style={{ width: 260 }}
        data-testid="filter-keyword"
      />
    </div>
  );
}
