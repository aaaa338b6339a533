/** 评审 (page in progress). */
export default function ExpertReviewPage() {
  return <div>评审</div>;
}
