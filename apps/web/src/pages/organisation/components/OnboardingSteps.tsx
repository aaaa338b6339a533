import { Card, Grid, Steps } from 'antd';
import { ONBOARDING_STEPS } from '../progress';

/** The 5-step bar at the top of the applicant's pages; `done` marks the whole way finished. */
export function OnboardingSteps({ current, done = false }: { current: number; done?: boolean }) {
  const screens = Grid.useBreakpoint();
  // On a phone five horizontal titles do not fit side by side: put them under small dots instead.
  const narrow = !screens.md;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="onboarding-steps">
      <Steps
        size="small"
        current={current}
        status={done ? 'finish' : 'process'}
        responsive={false}
        type={narrow ? 'dot' : 'default'}
        titlePlacement={narrow ? 'vertical' : 'horizontal'}
        styles={narrow ? { itemTitle: { fontSize: 12 } } : undefined}
        items={ONBOARDING_STEPS.map((title) => ({ title }))}
      />
    </Card>
  );
}
