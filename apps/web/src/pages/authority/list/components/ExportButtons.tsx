import { Button, Space } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { Category } from '@fw/shared';
import { authorityUrls } from '../../api';
import { download } from '../../shared/download';

interface Props {
  roundId: string;
  category: Category;
  subType: string | null;
  preparer?: string;
  phone?: string;
}

/** 导出 the summary table (推荐汇总表) of one quota group as XLSX or PDF. */
export function ExportButtons({ roundId, category, subType, preparer, phone }: Props) {
  return (
    <Space wrap>
      <Button icon={<FileExcelOutlined />} onClick={() => download(authorityUrls.summaryXlsx(roundId, category, subType))} data-testid="btn-export-xlsx">
        导出汇总表（Excel）
      </Button>
      <Button icon={<FilePdfOutlined />} onClick={() => download(authorityUrls.summaryPdf(roundId, category, subType, preparer, phone))} data-testid="btn-export-pdf">
        导出汇总表（PDF）
      </Button>
    </Space>
  );
}
