import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '@shared/models';
import { useRepository } from '../../db/DatabaseProvider';
import type { Patch } from '../../db/repository';

export type OrderPatch = Patch<'orders'> | ((current: Order) => Patch<'orders'>);

/** A patch computed from the stored order refused it (another window changed it meanwhile): nothing is written. */
export class OrderChangedError extends Error {
  constructor() {
    super('order changed meanwhile');
    this.name = 'OrderChangedError';
  }
}

/**
 * Writes one order through its repository; a failed write is kept as a translated message for the
 * page (what was typed stays in its field), cleared by the next write that works.
 */
export function useOrderSave(id: string) {
  const { t } = useTranslation();
  const repository = useRepository('orders');
  const [error, setError] = useState<string | null>(null);
  const save = useCallback(
    async (patch: OrderPatch): Promise<boolean> => {
      try {
        await repository.update(id, patch);
        setError(null);
        return true;
      } catch (e) {
        if (!(e instanceof OrderChangedError)) console.error('order save failed', e);
        setError(t('orders.saveFailed'));
        return false;
      }
    },
    [repository, id, t],
  );
  return { save, error };
}

/** A number as typed, with a decimal comma or point ('' is 0: a line not in this shipment; junk is NaN, which the rules refuse). */
export function parseQuantity(text: string): number {
  const s = text.trim().replace(',', '.');
  if (s === '') return 0;
  return /^[-+]?\d*\.?\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** An ISO day as the user types it ("13/05/2026"). */
export const typedDay = (iso: string): string => (iso.length === 10 ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
