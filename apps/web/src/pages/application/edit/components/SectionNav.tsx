import { Anchor } from 'antd';

interface Props {
  items: Array<{ key: string; title: string; errors: number }>;
  /** Phones: a sticky strip of sections above the form instead of a column beside it. */
  horizontal?: boolean;
}

/** The list of sections; jumps to a section and follows the scroll position. */
export function SectionNav({ items, horizontal }: Props) {
  return (
    <Anchor
      className={horizontal ? 'edit-nav-strip' : undefined}
      direction={horizontal ? 'horizontal' : 'vertical'}
      offsetTop={horizontal ? 56 : 72}
      targetOffset={horizontal ? 110 : 80}
      replace
      items={items.map((s) => ({
        key: s.key,
        href: `#section-${s.key}`,
        title: (
          <span>
            {s.title}
            {s.errors > 0 ? <span className="nav-error-count">{s.errors}</span> : null}
          </span>
        ),
      }))}
    />
  );
}
