import { createContext, useContext, useMemo, type CSSProperties, type HTMLAttributes } from 'react';
import { HolderOutlined } from '@ant-design/icons';
import type { DraggableSyntheticListeners, Modifier } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';

/** Ids of the rows that may be dragged (the recommended ones). */
export const SortableIds = createContext<ReadonlySet<string>>(new Set());

interface HandleContext {
  setActivatorNodeRef?: (el: HTMLElement | null) => void;
  listeners?: DraggableSyntheticListeners;
}
const RowHandle = createContext<HandleContext>({});

/** Rows move only up and down. */
export const verticalOnly: Modifier = ({ transform }) => ({ ...transform, x: 0 });

type RowProps = HTMLAttributes<HTMLTableRowElement> & { 'data-row-key'?: string };

function SortableTr(props: RowProps & { id: string }) {
  const { id, ...rest } = props;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const style: CSSProperties = {
    ...rest.style,
    transform: CSS.Translate.toString(transform),
    transition,
    ...(isDragging ? { position: 'relative', zIndex: 20, boxShadow: '0 4px 12px rgba(0,0,0,0.15)' } : {}),
  };
  const ctx = useMemo(() => ({ setActivatorNodeRef, listeners }), [setActivatorNodeRef, listeners]);
  return (
    <RowHandle.Provider value={ctx}>
      <tr {...rest} ref={setNodeRef} style={style} {...attributes} />
    </RowHandle.Provider>
  );
}

/** antd Table body row: sortable when its id is in SortableIds, a plain row otherwise. */
export function TableRow(props: RowProps) {
  const ids = useContext(SortableIds);
  const id = props['data-row-key'];
  if (id && ids.has(id)) return <SortableTr {...props} id={id} />;
  return <tr {...props} />;
}

/** The grip a recommended row is dragged by. */
export function DragHandle({ label }: { label: string }) {
  const { setActivatorNodeRef, listeners } = useContext(RowHandle);
  if (!setActivatorNodeRef) return null;
  return (
    <span ref={setActivatorNodeRef} {...listeners} tabIndex={0} className="drag-handle" role="button" aria-label={label} title="拖动调整推荐顺序" data-testid="drag-handle">
      <HolderOutlined />
    </span>
  );
}
