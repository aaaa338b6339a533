/** 示范单位名单 (page in progress). */
export default function PublicUnitsPage() {
  return <div>示范单位名单</div>;
}
