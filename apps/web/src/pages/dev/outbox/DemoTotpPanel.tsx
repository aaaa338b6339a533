import { useEffect, useState } from 'react';
import { Card, Table, Tag, Typography } from 'antd';
import { fetchDemoTotp, type DemoTotp } from './api';

/** Development only: the current second-factor codes of the demo authority accounts, for testers. */
export function DemoTotpPanel() {
  const [rows, setRows] = useState<DemoTotp[]>();

  useEffect(() => {
    let ctrl = new AbortController();
    const load = () => {
      ctrl.abort();
      ctrl = new AbortController();
      // Absent route (DEV_OUTBOX off or an older server): the panel stays hidden.
      fetchDemoTotp(ctrl.signal).then(setRows).catch(() => undefined);
    };
    load();
    const timer = setInterval(load, 3000);
    return () => {
      clearInterval(timer);
      ctrl.abort();
    };
  }, []);

  if (!rows?.length) return null;
  return (
    <Card title="演示动态口令" extra={<Tag color="orange">{rows[0]!.secondsLeft}秒后更新</Tag>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">仅演示账号（密钥固定，见启动日志）。每个口令只能使用一次，登录后请等待下一个口令。</Typography.Paragraph>
      <Table<DemoTotp>
        size="small"
        pagination={false}
        rowKey="username"
        dataSource={rows}
        columns={[
          { title: '账号', dataIndex: 'username' },
          { title: '单位', dataIndex: 'displayName' },
          { title: '当前口令', dataIndex: 'code', render: (c: string) => <Typography.Text code copyable data-testid="demo-totp-code">{c}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
