// Previous/next over a cursor-paginated list. The stack of cursors resets whenever the list's
// search changes; the total from the first page (the only one that asks for it) is remembered.
import { useState } from 'react';

export function useCursorPages(searchKey: string) {
  const [state, setState] = useState<{ key: string; cursors: Array<string | undefined>; total: number | null }>({
    key: searchKey,
    cursors: [undefined],
    total: null,
  });
  const current = state.key === searchKey ? state : { key: searchKey, cursors: [undefined], total: null };
  if (current !== state) setState(current);

  const page = current.cursors.length - 1;
  return {
    cursor: current.cursors[page],
    page,
    total: current.total,
    rememberTotal: (total: number | undefined) => {
      if (total !== undefined && total !== current.total) setState((s) => ({ ...s, total }));
    },
    next: (cursor: string) => setState((s) => ({ ...s, cursors: [...s.cursors, cursor] })),
    prev: () => setState((s) => ({ ...s, cursors: s.cursors.length > 1 ? s.cursors.slice(0, -1) : s.cursors })),
    first: () => setState((s) => ({ ...s, cursors: [undefined] })),
  };
}
