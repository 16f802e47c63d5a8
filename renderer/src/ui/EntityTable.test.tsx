import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { EntityTable, type EntityColumn, type TableSort } from './EntityTable';
import kit from './EntityTable.module.css';

interface Shop {
  id: string;
  name: string;
  city: string;
}

const SHOPS: Shop[] = Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, name: `Loja ${String(i).padStart(3, '0')}`, city: i % 2 ? 'Porto' : 'Recife' }));

const COLUMNS: EntityColumn<Shop>[] = [
  { id: 'name', header: 'Nome', cell: (r) => r.name, sortable: true },
  { id: 'city', header: 'Cidade', cell: (r) => r.city },
];

function Shops({ onOpen, rows = SHOPS }: { onOpen(row: Shop): void; rows?: Shop[] }) {
  const [sort, setSort] = useState<TableSort>({ column: 'name', direction: 'asc' });
  const sorted = sort.direction === 'asc' ? rows : [...rows].reverse();
  return (
    <EntityTable
      label="Lojas"
      count={sorted.length}
      row={(i) => sorted[i]}
      columns={COLUMNS}
      onOpen={onOpen}
      rowHeight={40}
      sort={sort}
      onSortChange={setSort}
    />
  );
}

const renderShops = (onOpen = vi.fn(), rows?: Shop[]) => {
  render(
    <MantineProvider>
      <Shops onOpen={onOpen} rows={rows} />
    </MantineProvider>,
  );
  return onOpen;
};

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Lojas' }))
    .getAllByRole('row')
    .slice(1);

// jsdom does not scroll: scrolling the list sets its offset and tells the list, as a browser would.
const originalScrollTo = Element.prototype.scrollTo;
beforeEach(() => {
  // The list's full height (jsdom has no layout), so the list knows how far it can scroll.
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: () => 40 * 200 });
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
    const top = typeof options === 'object' ? options.top : undefined;
    if (top === undefined) return;
    Object.defineProperty(this, 'scrollTop', { configurable: true, value: top });
    this.dispatchEvent(new Event('scroll'));
  } as typeof Element.prototype.scrollTo;
});
afterEach(() => {
  Element.prototype.scrollTo = originalScrollTo;
  delete (HTMLElement.prototype as { scrollHeight?: number }).scrollHeight;
});

describe('EntityTable', () => {
  it('is a named table that renders only the rows on screen, and says how many there are', () => {
    renderShops();
    const table = screen.getByRole('table', { name: 'Lojas' });
    expect(table).toHaveAttribute('aria-rowcount', '201');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Nome', 'Cidade']);
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(200);
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Loja 000', 'Recife']);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
  });

  it('moves the active row with the arrows, Home and End, and opens it with Enter', async () => {
    const user = userEvent.setup();
    const onOpen = renderShops();
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName('Nome');
    await user.tab();
    expect(document.activeElement).toBe(bodyRows()[0]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Loja 002'));
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Loja 001'));
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith(SHOPS[1]);

    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Loja 199'));
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '201');
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Loja 199'));
    await user.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Loja 000'));
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Loja 000'));
  });

  it('keeps one tab stop: only the active row is tabbable', async () => {
    const user = userEvent.setup();
    renderShops();
    await user.tab();
    await user.tab();
    await user.keyboard('{ArrowDown}');
    const tabbable = bodyRows().filter((r) => r.tabIndex === 0);
    expect(tabbable).toHaveLength(1);
    expect(tabbable[0]?.textContent).toContain('Loja 001');
  });

  it('opens a row on click', async () => {
    const user = userEvent.setup();
    const onOpen = renderShops();
    await user.click(screen.getByText('Loja 003'));
    expect(onOpen).toHaveBeenCalledWith(SHOPS[3]);
  });

  it('sorts by a sortable column and says its order', async () => {
    const user = userEvent.setup();
    renderShops();
    const name = screen.getByRole('columnheader', { name: 'Nome' });
    expect(name).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: 'Cidade' })).not.toHaveAttribute('aria-sort');
    await user.click(within(name).getByRole('button', { name: 'Nome' }));
    expect(name).toHaveAttribute('aria-sort', 'descending');
    expect(bodyRows()[0]?.textContent).toContain('Loja 199');
    await user.click(within(name).getByRole('button', { name: 'Nome' }));
    expect(name).toHaveAttribute('aria-sort', 'ascending');
    expect(bodyRows()[0]?.textContent).toContain('Loja 000');
  });

  it('shows a busy row for a row not read yet', () => {
    render(
      <MantineProvider>
        <EntityTable<Shop> label="Lojas" count={3} row={(i) => (i === 0 ? SHOPS[0] : undefined)} columns={COLUMNS} onOpen={() => {}} rowHeight={40} />
      </MantineProvider>,
    );
    const rows = bodyRows();
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveAttribute('aria-busy', 'true');
    expect(rows[0]).not.toHaveAttribute('aria-busy');
  });

  it('wears the kit’s table look by default, with the list’s own column widths and figures columns beside it', () => {
    const columns: EntityColumn<Shop>[] = [...COLUMNS, { id: 'n', header: 'Nº', numeric: true, cell: (r) => r.id.slice(1) }];
    render(
      <MantineProvider>
        <EntityTable
          label="Lojas"
          count={3}
          row={(i) => SHOPS[i]}
          columns={columns}
          onOpen={vi.fn()}
          rowHeight={40}
          classes={{ row: 'shop-columns', scroller: 'tall' }}
        />
      </MantineProvider>,
    );
    const table = screen.getByRole('table', { name: 'Lojas' });
    expect(table).toHaveClass(kit.table!);
    const [header, first] = within(table).getAllByRole('row');
    expect(header).toHaveClass(kit.row!, kit.header!, 'shop-columns');
    expect(first).toHaveClass(kit.row!, kit.body!, 'shop-columns');
    expect(first!.parentElement!.parentElement).toHaveClass(kit.scroller!, 'tall');
    expect(within(first!).getAllByRole('cell')[2]).toHaveClass(kit.numeric!);
    expect(within(first!).getAllByRole('cell')[0]).not.toHaveClass(kit.numeric!);
    expect(within(header!).getAllByRole('columnheader')[2]).toHaveClass(kit.numeric!);
  });
});
