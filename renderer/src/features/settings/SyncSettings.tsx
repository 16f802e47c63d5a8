import { dynamicKey } from '../../i18n/app-messages';
import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Card, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck, IconInfoCircle } from '@tabler/icons-react';
import type { Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@shared/ipc';
import { teamRole, USER_ROLES } from '@shared/couchdb/roles';
import { call, isWebMode, onBridgeEvent } from '../../platform/bridge';
import { isSwitchingDatabase, restartSync as restartSyncNow } from '../../sync/sync-controller';
import { FormShell } from '../../ui/FormShell';
import { useFormShell } from '../../ui/form-shell';
import { sendsPasswordInClear, syncErrorMessage, validateSyncForm, type SyncFormErrors, type SyncFormField, type SyncFormValues } from './sync-form';

const EMPTY: SyncFormValues = { url: '', team: '', user: '', password: '' };

type Failure = ReturnType<typeof syncErrorMessage> & { afterTyping: boolean };
interface FormState {
  values: SyncFormValues;
  fieldErrors: SyncFormErrors;
  failure: Failure | null;
}
/** The same checks as main's `sync:setConfig` (validateSyncForm); each error's message is its i18n key. */
const syncResolver: Resolver<SyncFormValues> = (values) => {
  const checked = validateSyncForm(values);
  if (!('errors' in checked)) return { values, errors: {} };
  const errors = Object.fromEntries(Object.entries(checked.errors).map(([field, key]) => [field, { type: 'validate', message: key }]));
  return { values: {}, errors };
};

/**
 * Signing in, out or to another team opens another local database, and the app remounts around
 * it: what the form held (a failed sign-in's message, the typed fields) comes back with it.
 */
let carried: FormState | null = null;
function takeCarried(): FormState | null {
  const state = carried;
  carried = null;
  return state;
}

/**
 * Settings → team server: where to sync, as whom, and sign-in/out. Nothing typed is ever cleared on
 * an error (the password included), so a wrong character costs one fix, not a retyped form.
 */
export function SyncSettings() {
  const { t, i18n } = useTranslation();
  const [restored] = useState(takeCarried);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  // Nothing typed is lost by leaving Settings (the server's address comes back from main), so no leave guard.
  // A field's error stays until that field is changed (or the next attempt), never re-checked as typed.
  const { form } = useFormShell<SyncFormValues>({ defaultValues: restored?.values ?? EMPTY, resolver: syncResolver, reValidateMode: 'onSubmit', guard: false });
  const { register, reset, setValue, setError, clearErrors, getValues, watch, formState } = form;
  const fieldErrors: SyncFormErrors = Object.fromEntries(Object.entries(formState.errors).map(([field, e]) => [field, e?.message]));
  const [failure, setFailure] = useState<Failure | null>(restored?.failure ?? null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState<'signIn' | 'signOut' | null>(null);
  // Once the user types, a late status answer must not overwrite the fields.
  const touched = useRef(restored !== null);
  // The fields are read as they are at unmount (typing does not re-render the form).
  const latest = useRef<Omit<FormState, 'values'> & { values(): SyncFormValues }>({ values: getValues, fieldErrors, failure });
  latest.current = { values: getValues, fieldErrors, failure };
  useEffect(
    () => () => {
      if (isSwitchingDatabase()) carried = { ...latest.current, values: latest.current.values() };
    },
    [],
  );
  // The field errors carried over a remount are shown again as they were.
  const [carriedErrors] = useState(() => restored?.fieldErrors ?? {});
  useEffect(() => {
    for (const [field, key] of Object.entries(carriedErrors)) if (key) setError(field as SyncFormField, { type: 'validate', message: key });
  }, [carriedErrors, setError]);

  const loadStatus = async (): Promise<SyncStatus | null> => {
    const next = await call('sync:status').catch(() => null);
    setStatus(next);
    return next;
  };

  useEffect(() => {
    let alive = true;
    void call('sync:status')
      .then((s) => {
        if (!alive) return;
        setStatus(s);
        if (!touched.current) reset({ url: s.url ?? '', team: s.team ?? '', user: s.user ?? '', password: '' });
      })
      .catch((error: unknown) => alive && setFailure({ ...syncErrorMessage(error, (k) => i18n.exists(k)), afterTyping: false }))
      .finally(() => alive && setLoading(false));
    // Main tells every change (a session that expired or came back, another window's sign-in): no re-reading.
    const stopListening = [
      onBridgeEvent('sync:statusChanged', (next) => alive && setStatus(next)),
      onBridgeEvent('sync:connectivity', ({ state }) => alive && setStatus((s) => s && { ...s, connectivity: state === 'offline' ? 'offline' : 'online' })),
    ];
    return () => {
      alive = false;
      stopListening.forEach((stop) => stop());
    };
  }, [i18n, reset]);

  const field = (name: SyncFormField) =>
    register(name, {
      onChange: () => {
        touched.current = true;
        clearErrors(name);
      },
    });

  /** Valid values only (the resolver has pointed at the fields otherwise). */
  async function signIn(values: SyncFormValues) {
    setFailure(null);
    const checked = validateSyncForm(values);
    if ('errors' in checked) return;
    setBusy('signIn');
    let configSaved = false;
    try {
      await call('sync:setConfig', checked.config);
      configSaved = true;
      await call('sync:signIn', { password: checked.password });
      // Main keeps the password now; it has no business staying in the page.
      setValue('password', '');
    } catch (error) {
      setFailure({ ...syncErrorMessage(error, (k) => i18n.exists(k)), afterTyping: true });
    } finally {
      await loadStatus();
      // A new server or user signs the old session out, so replication restarts even when sign-in failed.
      if (configSaved) restartSync();
      setBusy(null);
    }
  }

  async function signOut() {
    setFailure(null);
    setBusy('signOut');
    try {
      await call('sync:signOut');
    } catch (error) {
      setFailure({ ...syncErrorMessage(error, (k) => i18n.exists(k)), afterTyping: false });
    } finally {
      await loadStatus();
      restartSync();
      setBusy(null);
    }
  }

  const fieldError = (field: SyncFormField) => {
    const key = fieldErrors[field];
    return key ? t(dynamicKey(key)) : undefined;
  };

  return (
    <Card withBorder component="section" aria-labelledby="sync-settings-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="sync-settings-title">
          {t('syncSettings.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('syncSettings.intro')}
        </Text>
        <SyncStatusLine status={status} loading={loading} />
        {status && !status.credentialsPersistent && (
          <Alert role="note" variant="light" color="yellow" icon={<IconInfoCircle aria-hidden />}>
            {t(isWebMode() ? 'syncSettings.memoryOnlyWeb' : 'syncSettings.memoryOnlyApp')}
          </Alert>
        )}
        {/* Ctrl+S signs in only from the form: Settings has other sections. */}
        <FormShell form={form} onSubmit={signIn} onInvalid={() => setFailure(null)} saveShortcut="inside">
          <Stack gap="sm">
            <TextInput
              label={t('syncSettings.url')}
              description={t('syncSettings.urlHint')}
              placeholder="https://sync.empresa.com.br"
              {...field('url')}
              error={fieldError('url')}
              type="url"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              maxLength={2048}
              required
            />
            {sendsPasswordInClear(watch('url')) && (
              <Alert role="note" variant="light" color="orange" icon={<IconAlertTriangle aria-hidden />}>
                {t('syncSettings.cleartextWarning')}
              </Alert>
            )}
            <Group grow align="flex-start">
              <TextInput
                label={t('syncSettings.team')}
                description={t('syncSettings.teamHint')}
                {...field('team')}
                error={fieldError('team')}
                autoCapitalize="none"
                spellCheck={false}
                maxLength={64}
                required
              />
              <TextInput
                label={t('syncSettings.user')}
                description={t('syncSettings.userHint')}
                {...field('user')}
                error={fieldError('user')}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={256}
                required
              />
            </Group>
            <PasswordInput
              label={t('syncSettings.password')}
              {...field('password')}
              error={fieldError('password')}
              autoComplete="current-password"
              maxLength={1024}
              required
              visibilityToggleButtonProps={{ 'aria-label': t('syncSettings.showPassword') }}
            />
            {failure && (
              <Alert
                role="alert"
                color="red"
                variant="light"
                icon={<IconAlertTriangle aria-hidden />}
                title={failure.afterTyping ? t('syncSettings.failedTitle') : undefined}
              >
                {
                  // the failure's key and values come together from the sync error envelope (any sync error key)
                  (t as unknown as (key: string, values?: Record<string, string>) => string)(failure.key, failure.values)
                }
                {failure.afterTyping && ` ${t('syncSettings.keptTyped')}`}
              </Alert>
            )}
            <Group>
              {/* Signed in, the form is for switching server or user: no longer the main action. */}
              <Button type="submit" variant={status?.signedIn ? 'default' : 'filled'} loading={busy === 'signIn'} disabled={busy !== null}>
                {t('syncSettings.signIn')}
              </Button>
              {status && (status.signedIn || status.credentialsStored) && (
                <Button variant="default" onClick={() => void signOut()} loading={busy === 'signOut'} disabled={busy !== null}>
                  {t('syncSettings.signOut')}
                </Button>
              )}
            </Group>
          </Stack>
        </FormShell>
      </Stack>
    </Card>
  );
}

/**
 * Restarts replication without waiting for it: the sign-in result is known already, and the sync
 * indicator reports how starting goes (and any failure) better than a spinning button would.
 */
function restartSync(): void {
  void restartSyncNow().catch(() => undefined);
}

/**
 * The roles worth showing: those of this team, by name (roles are per team, `<team>:<role>`);
 * other teams' roles are left out, roles Carteira does not know are shown as they are.
 */
function teamRoles(roles: readonly string[], team: string | null, t: (key: string) => string): { key: string; label: string }[] {
  const known = new Map<string, string>(team ? [[`team:${team}`, 'member'], ...USER_ROLES.map((r) => [teamRole(team, r), r] as [string, string])] : []);
  return roles
    .filter((role) => known.has(role) || !/^(team|team-admin):|^[a-z][a-z0-9_-]*:(manager|catalogue_admin)$/.test(role))
    .map((role) => ({ key: role, label: known.has(role) ? t(`syncSettings.roleNames.${known.get(role)}`) : role }));
}

/** Where this installation stands with the server, in one line plus the user's roles. */
function SyncStatusLine({ status, loading }: { status: SyncStatus | null; loading: boolean }) {
  const { t } = useTranslation();
  const shownRoles = status ? teamRoles(status.roles, status.team, (k) => t(dynamicKey(k))) : [];
  if (!status)
    return (
      <Text size="sm" role="status">
        {t(loading ? 'common.loading' : 'syncSettings.statusUnavailable')}
      </Text>
    );
  if (!status.configured)
    return (
      <Text size="sm" role="status">
        {t('syncSettings.notConfigured')}
      </Text>
    );
  if (!status.signedIn) {
    return (
      <Text size="sm" role="status">
        {t(status.credentialsStored ? 'syncSettings.notSignedInStored' : 'syncSettings.notSignedIn', { user: status.user, team: status.team })}
      </Text>
    );
  }
  return (
    <Group gap="xs" role="status">
      <IconCloudCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
      <Text size="sm" fw={600}>
        {t('syncSettings.signedInAs', { user: status.user, team: status.team })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('syncSettings.roles')}
      </Text>
      {shownRoles.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('syncSettings.noRoles')}
        </Text>
      ) : (
        shownRoles.map((role) => (
          <Badge key={role.key} variant="light" size="sm" tt="none">
            {role.label}
          </Badge>
        ))
      )}
      {status.connectivity === 'offline' && (
        <Badge color="gray" variant="outline" size="sm" tt="none">
          {t('syncSettings.offline')}
        </Badge>
      )}
    </Group>
  );
}
