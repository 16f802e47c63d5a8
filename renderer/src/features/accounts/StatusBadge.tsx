import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '@shared/models';

const COLORS: Record<AccountStatus, string> = { lead: 'gray', prospect: 'blue', client: 'teal', key: 'grape', inactive: 'yellow', lost: 'red' };

export function StatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}
