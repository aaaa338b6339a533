import { useEffect, useState } from 'react';
import { App, Button } from 'antd';

const DEFAULT_COOLDOWN = 60;

export interface SmsCodeButtonProps {
  /** Validates the mobile field and sends the code; resolves with the server's cooldown in seconds. */
  send: () => Promise<number | undefined>;
}

/** "获取验证码" with a countdown, so a user cannot ask again before the server allows it. */
export function SmsCodeButton({ send }: SmsCodeButtonProps) {
  const { message } = App.useApp();
  const [left, setLeft] = useState(0);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (left <= 0) return;
    const t = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(t);
  }, [left]);

  const onClick = async () => {
    setSending(true);
    try {
      const cooldown = await send();
      setLeft(cooldown && cooldown > 0 ? cooldown : DEFAULT_COOLDOWN);
      message.success('验证码已发送，请注意查收短信');
    } catch {
      // The central handler or the form already shows what went wrong.
    } finally {
      setSending(false);
    }
  };

  return (
    <Button onClick={() => void onClick()} loading={sending} disabled={left > 0} style={{ minWidth: 112 }} data-testid="send-code">
      {left > 0 ? `${left}秒后重新获取` : '获取验证码'}
    </Button>
  );
}
