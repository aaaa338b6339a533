import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';

/** A page failed to render or its code could not be loaded (e.g. after a new deployment). */
export function RouteErrorPage() {
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Result
      status="error"
      title="页面加载出错"
      subTitle="请刷新页面后重试；如仍有问题，请稍后再试。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
