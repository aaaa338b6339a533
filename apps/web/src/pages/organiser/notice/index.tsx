/** 公示与发布 (page in progress). */
export default function NoticeAdminPage() {
  return <div>公示与发布</div>;
}
