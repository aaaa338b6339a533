/** Placeholder until the page lands; the route lazy-loads this default export. */
export default function ApplicationCompletePage() {
  return <div>加载中…</div>;
}
