import { Button, Result } from 'antd';
import { Link } from 'react-router';
import type { ApiError } from '../../../api/client';

/** A page whose application could not be loaded: say why, offer retry and the way home. */
export function LoadFailed({ error, onRetry }: { error: ApiError | undefined; onRetry: () => void }) {
  const notFound = error?.status === 404 || error?.status === 403;
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? '申报书不存在或无权查看' : '加载失败'}
      subTitle={error?.message}
      extra={[
        notFound ? null : (
          <Button key="retry" type="primary" onClick={onRetry}>
            重试
          </Button>
        ),
        <Link key="home" to="/">
          <Button>返回首页</Button>
        </Link>,
      ]}
    />
  );
}
