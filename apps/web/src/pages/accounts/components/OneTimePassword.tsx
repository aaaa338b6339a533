import { Alert, Descriptions, Typography } from 'antd';

/** Shows a one-time password exactly once, with a copy button and the warning that it cannot be shown again. */
export function OneTimePassword({ username, displayName, password }: { username: string; displayName?: string | null; password: string }) {
  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="初始密码仅显示这一次"
        description="请立即复制，并通过安全渠道交给账号持有人。关闭本窗口后将无法再次查看；如遗失，只能重置密码。持有人首次登录时须绑定联系人并修改密码。"
      />
      <Descriptions column={1} bordered size="small">
        {displayName ? <Descriptions.Item label="主管部门">{displayName}</Descriptions.Item> : null}
        <Descriptions.Item label="账号">
          <Typography.Text copyable={{ text: username, tooltips: ['复制账号', '已复制'] }}>{username}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="初始密码">
          <Typography.Text code copyable={{ text: password, tooltips: ['复制密码', '已复制'] }} data-testid="one-time-password" style={{ fontSize: 16 }}>
            {password}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
