import { useState } from 'react';
import { Button, Card, Checkbox, Descriptions, Space, Tag } from 'antd';
import type { ExpertAssignmentView } from '@fw/shared';
import { expertApi } from '../../api';
import { DeclarationText } from '../../components/DeclarationText';

interface Props {
  assignment: ExpertAssignmentView;
  onDeclared: () => void;
  onDecline: () => void;
}

/** Before any content: who applied, and the expert's declaration of no conflict (or stepping aside). */
export function DeclarationGate({ assignment, onDeclared, onDecline }: Props) {
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const declare = async () => {
    setBusy(true);
    try {
      await expertApi.declareNoConflict(assignment.id);
      onDeclared();
    } catch {
      // shown centrally
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="expert-gate" title="利益冲突声明" data-testid="declaration-gate">
      <Descriptions size="small" column={1} bordered className="expert-gate-facts">
        <Descriptions.Item label="申报单位">
          <b data-testid="gate-name">{assignment.organisationName}</b>
        </Descriptions.Item>
        <Descriptions.Item label="申报类别">
          <Tag color="blue">{assignment.categoryTitle}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="遴选批次">{assignment.round.name}</Descriptions.Item>
      </Descriptions>
      <p className="expert-gate-lead">查看申报材料前，请确认您与该申报单位不存在利益冲突。本人声明：</p>
      <DeclarationText />
      <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)} data-testid="declaration-agree">
        我已阅读并确认以上声明
      </Checkbox>
      <Space className="expert-gate-actions" wrap>
        <Button type="primary" disabled={!agreed} loading={busy} onClick={() => void declare()} data-testid="btn-declare">
          声明无利益冲突，查看申报材料
        </Button>
        <Button onClick={onDecline} data-testid="btn-decline">
          存在利益冲突，申请回避
        </Button>
      </Space>
    </Card>
  );
}
