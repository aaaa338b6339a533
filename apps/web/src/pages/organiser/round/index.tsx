/** 批次设置 (page in progress). */
export default function OrganiserRoundPage() {
  return <div>批次设置</div>;
}
