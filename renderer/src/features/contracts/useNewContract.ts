import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Deal } from '@shared/models';
import { newId } from '@shared/domain/ids';
import { localIsoDay } from '@shared/domain/local-day';
import { contractFromDeal, newContractFields } from '@shared/domain/sales/contract-form';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { paths } from '../../app/paths';

/** Creates a draft contract (blank, or from a won deal) and opens it; resolves false when the write failed. */
export function useNewContract() {
  const { t } = useTranslation();
  const { author } = useDatabaseContext();
  const contracts = useRepository('contracts');
  const [, navigate] = useLocation();

  const blank = useCallback(async (): Promise<boolean> => {
    const id = newId();
    const by = author();
    const fields = newContractFields({
      id,
      today: localIsoDay(),
      at: Date.now(),
      by,
      accountId: '',
      title: t('contracts.newTitle'),
      value: { amount: 0, currency: 'BRL' },
      ownerId: by,
    });
    try {
      await contracts.create(fields, { id });
    } catch (e) {
      console.error('new contract failed', e);
      return false;
    }
    navigate(paths.contract(id));
    return true;
  }, [author, contracts, navigate, t]);

  const fromDeal = useCallback(
    async (deal: Deal, referralText: string): Promise<boolean> => {
      const id = newId();
      const by = author();
      const fields = contractFromDeal(deal, referralText, { id, clauseId: newId() }, { today: localIsoDay(), at: Date.now(), by });
      try {
        await contracts.create(fields, { id });
      } catch (e) {
        console.error('contract from deal failed', e);
        return false;
      }
      navigate(paths.contract(id));
      return true;
    },
    [author, contracts, navigate],
  );

  return { blank, fromDeal };
}
