/** 遴选决定 (page in progress). */
export default function DecisionsPage() {
  return <div>遴选决定</div>;
}
