/** 现场考察 (page in progress). */
export default function InspectionsPage() {
  return <div>现场考察</div>;
}
