/** 遴选批次管理 (page in progress). */
export default function OrganiserRoundsPage() {
  return <div>遴选批次管理</div>;
}
