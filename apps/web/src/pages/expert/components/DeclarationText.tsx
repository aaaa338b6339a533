/** The wording the expert agrees to by 声明无利益冲突 (shown on the gate and in the list's confirm). */
export const DECLARATION_POINTS = [
  '本人未在该申报单位任职，近三年未与其存在劳动、聘用、咨询或业务合作关系；',
  '本人与该申报单位的法定代表人、主要负责人无亲属关系，与其无其他可能影响公正评审的利益关系；',
  '本人将独立、客观、公正地评审，对申报材料和评审情况保密，不向他人透露。',
];

export function DeclarationText() {
  return (
    <ol className="expert-declaration" data-testid="declaration-text">
      {DECLARATION_POINTS.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ol>
  );
}
