import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { IconArrowRight, IconFlag, IconPhoneCall, IconPlus, IconUserPlus, type Icon } from '@tabler/icons-react';
import { AREAS } from '../../app/areas';
import { useOverlaysStore, type QuickLogTarget } from '../../app/overlays-store';
import { useContact, useDeal } from '../../db/hooks';
import { paths } from '../../app/paths';

/** An action the palette offers beside the search results. */
export interface PaletteCommand {
  id: string;
  label: string;
  icon: Icon;
  run(): void;
}

/** The account, contact or deal the current screen shows (#/accounts/:id, #/contacts/:id, #/pipeline/:id). */
export function useRouteTarget(): QuickLogTarget {
  const [location] = useLocation();
  const match = /^\/(accounts|contacts|pipeline)\/([^/]+)/.exec(location);
  const area = match?.[1];
  const id = match && match[2] !== 'new' ? decodeURIComponent(match[2]!) : undefined;
  const contact = useContact(area === 'contacts' ? id : undefined);
  const deal = useDeal(area === 'pipeline' ? id : undefined);
  return useMemo(() => {
    if (!id) return {};
    if (area === 'accounts') return { accountId: id };
    if (area === 'contacts') return { contactId: id, ...(contact?.accountId ? { accountId: contact.accountId } : {}) };
    return { dealId: id, ...(deal?.accountId ? { accountId: deal.accountId } : {}) };
  }, [area, id, contact?.accountId, deal?.accountId]);
}

/** The palette's commands, in the order they are offered on an empty query. */
export function usePaletteCommands(): PaletteCommand[] {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const target = useRouteTarget();
  return useMemo(() => {
    const commands: PaletteCommand[] = [
      { id: 'new-account', label: t('search.cmd.newAccount'), icon: IconPlus, run: () => navigate(paths.newAccount()) },
      { id: 'log-call', label: t('search.cmd.logCall'), icon: IconPhoneCall, run: () => useOverlaysStore.getState().openQuickLog({ type: 'call', ...target }) },
      { id: 'pipeline', label: t('search.cmd.pipeline'), icon: IconFlag, run: () => navigate(paths.pipeline()) },
      { id: 'new-contact', label: t('search.cmd.newContact'), icon: IconUserPlus, run: () => navigate(paths.newContact()) },
    ];
    for (const area of AREAS) {
      if (area.id === 'pipeline') continue;
      commands.push({
        id: `go-${area.id}`,
        label: t('search.cmd.goTo', { area: t(`nav.${area.id}`) }),
        icon: area.icon ?? IconArrowRight,
        run: () => navigate(area.path),
      });
    }
    return commands;
  }, [t, navigate, target]);
}
