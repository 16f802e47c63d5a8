import { useState } from 'react';
import { Anchor, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Deal } from '@shared/models';
import { DEFAULT_COMMERCIAL_POLICY } from '@shared/domain/sales/commercial-policy';
import { normalizeStageId, stageOf } from '@shared/domain/sales/pipeline';
import { useDocuments } from '../../db/hooks';
import { contractQueries } from '../../db/collections/contracts';
import { paths } from '../../app/paths';
import { ErrorState } from '../../ui/states';
import { useNewContract } from './useNewContract';

/**
 * On a won deal: its contracts, and a draft contract to create for the deal's account with the deal's
 * value and a referral clause (pre-filled, editable) — the referral made part of the contract.
 */
export function CreateContractFromDeal({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const won = stageOf(DEFAULT_COMMERCIAL_POLICY.pipeline, normalizeStageId(deal.stage))?.kind === 'won';
  const ofAccount = useDocuments('contracts', won && deal.accountId ? contractQueries.ofAccount(deal.accountId) : null);
  const [referral, setReferral] = useState(() => t('contracts.fromDeal.referralText'));
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const { fromDeal } = useNewContract();
  if (!won) return null;
  const existing = (ofAccount ?? []).filter((c) => c.dealId === deal.id);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text size="sm">{t('contracts.fromDeal.hint')}</Text>
        {existing.map((c) => (
          <Anchor key={c.id} component={Link} href={paths.contract(c.id)} size="sm">
            {t('contracts.fromDeal.open', { number: c.number })}
          </Anchor>
        ))}
        <Textarea
          label={t('contracts.fromDeal.referralLabel')}
          value={referral}
          onChange={(e) => setReferral(e.currentTarget.value)}
          minRows={1}
          maxLength={5000}
        />
        {failed && <ErrorState>{t('contracts.fromDeal.failed')}</ErrorState>}
        <Group>
          <Button
            loading={busy}
            onClick={async () => {
              setBusy(true);
              const ok = await fromDeal(deal, referral);
              setBusy(false);
              setFailed(!ok);
            }}
          >
            {t('contracts.fromDeal.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
