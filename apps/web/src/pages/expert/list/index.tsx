/** 我的评审任务 (page in progress). */
export default function ExpertListPage() {
  return <div>我的评审任务</div>;
}
