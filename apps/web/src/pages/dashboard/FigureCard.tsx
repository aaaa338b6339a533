import { useMemo } from 'react';
import { Button, Card, Empty } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { DashboardFigure } from '@fw/shared';
import { download } from '../authority/shared/download';
import { figureXlsxUrl } from './api';
import { chartOption, isEmpty } from './chartOption';
import { EChart } from './EChart';

/** One figure: its chart, a note, and 下载Excel for the same numbers. */
export function FigureCard({ roundId, figure }: { roundId: string; figure: DashboardFigure }) {
  const option = useMemo(() => chartOption(figure), [figure]);
  return (
    <Card
      size="small"
      title={figure.title}
      className="dashboard-card"
      data-testid={`figure-${figure.key}`}
      extra={
        <Button size="small" icon={<FileExcelOutlined />} onClick={() => download(figureXlsxUrl(roundId, figure.key))} data-testid={`xlsx-${figure.key}`}>
          下载Excel
        </Button>
      }
    >
      {isEmpty(figure) ? (
        <Empty className="dashboard-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={figure.note ?? '暂无数据'} />
      ) : (
        <>
          <EChart option={option} testId={`chart-${figure.key}`} />
          {figure.note ? <div className="dashboard-note">{figure.note}</div> : null}
        </>
      )}
    </Card>
  );
}
