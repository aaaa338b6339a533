import { useState } from 'react';
import { Alert, App, Button, Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { INSPECTION_RESULT_LABELS, INSPECTION_RESULTS, type InspectionResult, type InspectionView } from '@fw/shared';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { inspectionsApi } from './api';
import { InspectionTable } from './InspectionTable';
import { ScheduleDrawer } from './ScheduleDrawer';
import { ResultModal } from './ResultModal';
import '../../authority/authority.css';

/** /organiser/rounds/:roundId/inspections — 现场考察: schedule, inspectors, findings, attachments, result. */
export default function InspectionsPage() {
  const { roundId = '' } = useParams();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<InspectionResult | 'all'>('all');
  const list = useRequest((signal) => inspectionsApi.list(roundId, filter === 'all' ? undefined : filter, signal), [roundId, filter]);
  const [drawer, setDrawer] = useState<{ editing: InspectionView | null } | null>(null);
  const [resultId, setResultId] = useState<string | null>(null);

  if (list.loading && !list.data) return <PageLoading />;
  if (list.error && !list.data) return <Alert type="error" showIcon title={list.error.message} />;
  const data = list.data!;
  const total = Object.values(data.counts).reduce((a, b) => a + b, 0);
  const resultOf = data.items.find((i) => i.id === resultId) ?? null;

  const save = async (v: Parameters<React.ComponentProps<typeof ScheduleDrawer>['onSubmit']>[0]) => {
    if (drawer?.editing) {
      await inspectionsApi.update(roundId, drawer.editing.id, { scheduledOn: v.scheduledOn, place: v.place, inspectors: v.inspectors });
      message.success('已修改考察安排');
    } else {
      await inspectionsApi.schedule(roundId, v);
      message.success('已安排现场考察');
    }
    setDrawer(null);
    list.reload();
  };

  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title">现场考察</h1>
        <span className="authority-who">可考察的申报 {data.candidates.length} 个 · 专家库 {data.pool.length} 人</span>
      </div>
      <div className="authority-toolbar">
        <Segmented<InspectionResult | 'all'>
          value={filter}
          onChange={setFilter}
          options={[{ value: 'all', label: `全部（${total}）` }, ...INSPECTION_RESULTS.map((r) => ({ value: r, label: `${INSPECTION_RESULT_LABELS[r]}（${data.counts[r] ?? 0}）` }))]}
        />
        <span className="authority-toolbar-grow" />
        <Button type="primary" icon={<PlusOutlined />} disabled={!data.candidates.length} onClick={() => setDrawer({ editing: null })} data-testid="inspection-new">
          安排考察
        </Button>
      </div>
      {!data.candidates.length ? <Alert className="authority-alert" type="info" showIcon title="尚无推荐至本级的申报，推荐后可安排现场考察。" /> : null}
      <InspectionTable items={data.items} loading={list.loading} onEdit={(i) => setDrawer({ editing: i })} onResult={(i) => setResultId(i.id)} />
      <ScheduleDrawer open={!!drawer} editing={drawer?.editing ?? null} data={data} onClose={() => setDrawer(null)} onSubmit={save} />
      <ResultModal
        roundId={roundId}
        inspection={resultOf}
        canRecord={!!resultOf && resultOf.scheduledOn <= data.today}
        onClose={() => setResultId(null)}
        onFilesChanged={list.reload}
        onSubmit={async (v) => {
          await inspectionsApi.recordResult(roundId, resultId!, v);
          message.success('已记录考察结论');
          setResultId(null);
          list.reload();
        }}
      />
    </div>
  );
}
