/** 消息通知 (page in progress). */
export default function NotificationsPage() {
  return <div>消息通知</div>;
}
