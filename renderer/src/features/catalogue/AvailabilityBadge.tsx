import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Product } from '@shared/models';
import { useFormats } from '../../ui/useFormats';

const COLORS: Record<Product['availability'], string> = {
  in_stock: 'green',
  low_stock: 'yellow',
  out_of_stock: 'red',
  on_order: 'blue',
  discontinued: 'gray',
};

/** Whether a product can be delivered, as a coloured badge with its name (never colour alone). */
export function AvailabilityBadge({ availability }: { availability: Product['availability'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[availability]} variant="light" size="sm">
      {t(`catalogue.availability.${availability}`)}
    </Badge>
  );
}

/** "Promotion −10 %" when a promotion is valid today. */
export function PromotionBadge({ discountBp, title }: { discountBp: number; title?: string }) {
  const { t } = useTranslation();
  const pct = useFormats().pct(discountBp);
  return (
    <Badge color="grape" variant="filled" size="sm" title={title}>
      {t('catalogue.promoBadge', { pct })}
    </Badge>
  );
}
