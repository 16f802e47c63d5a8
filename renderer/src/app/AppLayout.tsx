import { useMemo, type ReactNode } from 'react';
import { AppShell, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { SearchButton } from '../features/search/SearchButton';
import { SyncIndicator } from '../sync/SyncIndicator';
import { ErrorReportContext, PanelBoundary, RouteBoundary } from '../ui/ErrorBoundary';
import { AREAS } from './areas';
import { GlobalOverlays } from './GlobalOverlays';
import { ShortcutsHelpButton } from './ShortcutsHelp';
import { ThemeToggle } from './ThemeToggle';
import { useSettingsStore } from './settings-store';

/** The window's frame: the sidebar with every area of the product, and the current screen. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const info = useSettingsStore((st) => st.info);
  const report = useMemo(() => ({ version: info ? `${info.version} (${info.mode}, ${info.platform})` : 'unknown' }), [info]);
  return (
    <ErrorReportContext.Provider value={report}>
      <AppShell navbar={{ width: 232, breakpoint: 0 }} padding="md">
        <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
          <Group px="sm" py="xs" gap={6} align="center">
            <Title order={1} size="h3" style={{ flex: 1 }}>
              {t('app.name')}
            </Title>
            <ThemeToggle />
            <ShortcutsHelpButton />
          </Group>
          <Text px="sm" pb="sm" size="xs" c="dimmed">
            {t('app.tagline')}
          </Text>
          <SearchButton />
          <ScrollArea style={{ flex: 1 }}>
            {AREAS.map((area) => {
              const Icon = area.icon;
              const active = location === area.path || location.startsWith(`${area.path}/`);
              return (
                <NavLink
                  key={area.id}
                  component={Link}
                  href={area.path}
                  label={t(`nav.${area.id}`)}
                  leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                />
              );
            })}
          </ScrollArea>
          <PanelBoundary title={t('sync.label')}>
            <SyncIndicator />
          </PanelBoundary>
        </AppShell.Navbar>
        {/* A screen that fails to render takes down only itself: the sidebar stays, and leaving the route resets it. */}
        <AppShell.Main>
          <RouteBoundary>{children}</RouteBoundary>
        </AppShell.Main>
        <GlobalOverlays />
      </AppShell>
    </ErrorReportContext.Provider>
  );
}
