/** 评审分配 (page in progress). */
export default function AssignmentsPage() {
  return <div>评审分配</div>;
}
