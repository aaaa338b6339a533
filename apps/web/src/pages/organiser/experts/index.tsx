/** 专家库 (page in progress). */
export default function ExpertPoolPage() {
  return <div>专家库</div>;
}
