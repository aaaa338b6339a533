/** 公示 (page in progress). */
export default function PublicNoticePage() {
  return <div>公示</div>;
}
