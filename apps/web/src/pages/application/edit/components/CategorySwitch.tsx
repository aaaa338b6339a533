import { useState } from 'react';
import { App, Button, Modal, Radio, Space } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import {
  CATEGORY_LABELS,
  CATEGORY_SUB_TYPES,
  ENTRY_CATEGORIES,
  SUB_TYPE_LABELS,
  categoryTitle,
  type Category,
  type RoundConfig,
} from '@fw/shared';
import { applicationApi } from '../../shared/api';

interface Props {
  applicationId: string;
  category: Category;
  subType: string | null;
  round: RoundConfig;
  /** Saves what is pending first, so nothing typed goes to the old form unsent. */
  beforeChange: () => Promise<void>;
  onChanged: () => void;
}

/** The categories open to this applicant: its entry's categories that the round offers. */
function choicesFor(category: Category, round: RoundConfig): Category[] {
  const entry = ENTRY_CATEGORIES.enterprise.includes(category) ? ENTRY_CATEGORIES.enterprise : ENTRY_CATEGORIES.city;
  return entry.filter((c) => round.categories.includes(c));
}

/** Category and sub-type may change until the first submit. */
export function CategorySwitch({ applicationId, category, subType, round, beforeChange, onChanged }: Props) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [cat, setCat] = useState<Category>(category);
  const [sub, setSub] = useState<string | null>(subType);
  const [busy, setBusy] = useState(false);
  const subTypes = CATEGORY_SUB_TYPES[cat];

  const start = () => {
    setCat(category);
    setSub(subType);
    setOpen(true);
  };

  const save = async () => {
    if (subTypes.length > 0 && !sub) {
      message.warning('请选择类型');
      return;
    }
    setBusy(true);
    try {
      await beforeChange();
      await applicationApi.changeCategory(applicationId, { category: cat, subType: subTypes.length > 0 ? sub : null });
      message.success('申报类别已更改');
      setOpen(false);
      onChanged();
    } catch {
      // The central handler has shown the reason.
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" icon={<SwapOutlined />} onClick={start} data-testid="btn-change-category">
        更改类别
      </Button>
      <Modal
        title="更改申报类别"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        okText="确定更改"
        confirmLoading={busy}
        okButtonProps={{ disabled: cat === category && (sub ?? null) === subType }}
      >
        <p>当前类别：{categoryTitle(category, subType)}。首次提交后将不能再更改类别。已填写的内容会保留，表单将按新类别显示。</p>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <div className="category-choice-label">申报类别</div>
          <Radio.Group
            value={cat}
            onChange={(e) => {
              const next = e.target.value as Category;
              setCat(next);
              setSub(CATEGORY_SUB_TYPES[next].includes(sub ?? '') ? sub : null);
            }}
            options={choicesFor(category, round).map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            data-testid="category-choice"
          />
          {subTypes.length > 0 ? <div className="category-choice-label">类型（二选一）</div> : null}
          {subTypes.length > 0 ? (
            <Radio.Group
              value={sub}
              onChange={(e) => setSub(e.target.value as string)}
              options={subTypes.map((s) => ({ value: s, label: SUB_TYPE_LABELS[s] ?? s }))}
              data-testid="subtype-choice"
            />
          ) : null}
        </Space>
      </Modal>
    </>
  );
}
