import { Anchor } from 'antd';

interface Props {
  items: Array<{ key: string; title: string; errors: number }>;
}

/** The list of sections beside the form (wide screens); jumps and follows the scroll position. */
export function SectionNav({ items }: Props) {
  return (
    <Anchor
      offsetTop={72}
      targetOffset={80}
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
