/** 评审结果 (page in progress). */
export default function RankingPage() {
  return <div>评审结果</div>;
}
