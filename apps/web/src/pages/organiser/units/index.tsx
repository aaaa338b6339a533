/** /organiser/units — demonstration units of the organiser's territory. */
export default function UnitsPage() {
  return null;
}
