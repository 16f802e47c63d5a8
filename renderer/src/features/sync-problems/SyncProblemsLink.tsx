import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useSyncProblemCount } from './useSyncProblems';
import { paths } from '../../app/paths';

/** The way to the sync problems screen, with how many there are (from the sync panel and Settings). */
export function SyncProblemsLink() {
  const { t } = useTranslation();
  const count = useSyncProblemCount();
  return (
    <Anchor component={Link} href={paths.syncProblems()} size="sm" c={count > 0 ? 'red' : undefined}>
      {count > 0 ? t('syncProblems.linkCount', { count }) : t('syncProblems.link')}
    </Anchor>
  );
}
