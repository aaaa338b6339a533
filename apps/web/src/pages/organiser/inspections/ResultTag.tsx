import { Tag } from 'antd';
import { INSPECTION_RESULT_LABELS, type InspectionResult } from '@fw/shared';

const COLORS: Record<InspectionResult, string> = { scheduled: 'blue', passed: 'green', failed: 'red', conditional: 'orange' };

/** 待考察 / 通过 / 不通过 / 有条件通过 */
export function ResultTag({ result }: { result: InspectionResult }) {
  return <Tag color={COLORS[result]}>{INSPECTION_RESULT_LABELS[result]}</Tag>;
}
