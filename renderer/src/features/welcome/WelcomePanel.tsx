import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, List, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { SettingsPatch } from '@shared/ipc';
import { paths } from '../../app/paths';
import { useSettingsStore } from '../../app/settings-store';
import { useDataScope } from '../../db/DatabaseProvider';
import { SampleDataButton } from '../sample-data';

/**
 * Whether this is a first run: a fresh install that has not answered the welcome, working without
 * a server (someone signed in to a team is past it). Unknown until the settings have loaded.
 */
export function useIsFirstRun(): boolean {
  const welcomed = useSettingsStore((s) => s.settings?.welcomed);
  return useDataScope().kind !== 'team' && welcomed === false;
}

/**
 * The first-run welcome, in place of the empty accounts list: start alone on this computer, explore
 * sample data, or connect to the team's server — and, said plainly, what works with no network.
 * Any answer is kept in the settings, so it shows once.
 */
export function WelcomePanel() {
  const { t } = useTranslation();
  const update = useSettingsStore((s) => s.update);
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const answer = async (then?: () => void) => {
    setError(null);
    const patch: SettingsPatch = { welcomed: true };
    if (name.trim()) patch.userName = name.trim().slice(0, 80);
    try {
      await update(patch);
      then?.();
    } catch (e) {
      setError(t('welcome.saveFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <Stack gap="lg" py="xl" maw={960} mx="auto">
      <Stack gap={4}>
        <Title order={2}>{t('welcome.title')}</Title>
        <Text size="lg">{t('welcome.lead')}</Text>
      </Stack>
      <TextInput
        label={t('welcome.nameLabel')}
        placeholder={t('welcome.namePlaceholder')}
        description={t('welcome.nameHint')}
        value={name}
        maxLength={80}
        onChange={(e) => setName(e.currentTarget.value)}
        maw={420}
        autoComplete="name"
      />
      <section aria-labelledby="welcome-choices">
        <Title order={3} id="welcome-choices" size="h4" mb="sm">
          {t('welcome.choices')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <ChoiceCard id="welcome-alone" title={t('welcome.alone.title')} body={t('welcome.alone.body')}>
            <Button onClick={() => void answer()}>{t('welcome.alone.button')}</Button>
          </ChoiceCard>
          <ChoiceCard id="welcome-sample" title={t('welcome.sample.title')} body={t('welcome.sample.body')}>
            {/* Answered once the sample is in: until then the welcome shows its progress. */}
            <SampleDataButton onLoaded={() => void answer()} />
          </ChoiceCard>
          <ChoiceCard id="welcome-team" title={t('welcome.team.title')} body={t('welcome.team.body')}>
            <Button variant="default" onClick={() => void answer(() => navigate(paths.settings()))}>
              {t('welcome.team.button')}
            </Button>
          </ChoiceCard>
        </SimpleGrid>
      </section>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <section aria-labelledby="welcome-offline">
        <Title order={3} id="welcome-offline" size="h4" mb="xs">
          {t('welcome.offlineTitle')}
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>{t('welcome.offline.everything')}</List.Item>
          <List.Item>{t('welcome.offline.queued')}</List.Item>
          <List.Item>{t('welcome.offline.nothingLost')}</List.Item>
        </List>
      </section>
    </Stack>
  );
}

/** One way in: a titled card (its title names it for screen readers) with its action at the bottom. */
function ChoiceCard({ id, title, body, children }: { id: string; title: string; body: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={id}>
      <Stack gap="sm" h="100%" justify="space-between">
        <Stack gap={4}>
          <Title order={4} id={id}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {body}
          </Text>
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}
