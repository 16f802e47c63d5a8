import { useState } from 'react';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Deal } from '@shared/models';
import { newId } from '@shared/domain/ids';
import { orderFromDeal } from '@shared/domain/orders';
import { DEFAULT_COMMERCIAL_POLICY } from '@shared/domain/sales/commercial-policy';
import { normalizeStageId, stageOf } from '@shared/domain/sales/pipeline';
import { useDocuments } from '../../db/hooks';
import { useRepository } from '../../db/DatabaseProvider';
import { orderQueries } from '../../db/collections/orders';
import { paths } from '../../app/paths';

/**
 * On a won deal: "Criar pedido" makes the order (its lines, prices and discounts; bonus lines at 0),
 * keeps `dealId` and opens it. Once made, the order is linked instead.
 */
export function CreateOrderFromDeal({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const repository = useRepository('orders');
  const won = stageOf(DEFAULT_COMMERCIAL_POLICY.pipeline, normalizeStageId(deal.stage))?.kind === 'won';
  const existing = useDocuments('orders', won ? orderQueries.ofDeal(deal.id) : null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!won || existing === undefined) return null;
  if (existing.length > 0) {
    return (
      <Group gap="xs">
        {existing.map((o) => (
          <Anchor key={o.id} component={Link} href={paths.order(o.id)}>
            {t('orders.fromDeal.existing', { number: o.number || o.id.slice(-6) })}
          </Anchor>
        ))}
      </Group>
    );
  }
  const create = async () => {
    if (!deal.lines.some((l) => l.qty > 0)) {
      setError(t('orders.fromDeal.noLines'));
      return;
    }
    setBusy(true);
    try {
      const now = Date.now();
      const id = newId(now);
      const fields = orderFromDeal(deal, { id, orderedAt: now });
      const created = await repository.create(fields);
      navigate(paths.order(created.id));
    } catch (e) {
      console.error('order from deal failed', e);
      setError(t('orders.fromDeal.failed'));
      setBusy(false);
    }
  };
  return (
    <Group gap="xs">
      <Button onClick={() => void create()} loading={busy}>
        {t('orders.fromDeal.create')}
      </Button>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Group>
  );
}
