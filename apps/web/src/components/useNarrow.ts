import { Grid } from 'antd';

/** True on phone-sized screens (below antd's `sm`, 576px), where tables of label/value pairs stack. */
export function useNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.sm === false;
}
