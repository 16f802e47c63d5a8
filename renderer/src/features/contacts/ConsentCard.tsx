import { keyUnder } from '../../i18n/app-messages';
import { useState } from 'react';
import { Button, Card, Checkbox, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CONSENT_BASES, type Contact } from '@shared/models';
import { consentErrors, recordConsent, withdrawConsent, type ConsentBasis, type ConsentError } from '@shared/domain/contact-consent';
import { useRepository } from '../../db/DatabaseProvider';
import { formatInstant } from '../../ui/formats';
import { errorMessage } from '@shared/error-message';
import { ErrorState } from '../../ui/states';

/** LGPD / GDPR: the consent on record, and recording or withdrawing it (dated now, with its source). */
export function ConsentCard({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'record' | 'withdraw' | null>(null);
  const c = contact.consent;
  const date = { format: (at: number) => formatInstant(at, i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) };
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('contacts.consent.title')}
      </Title>
      <Stack gap={4}>
        <Text size="sm">
          {t('contacts.consent.basis')}: <b>{t(`contacts.consentBasis.${c.basis}`)}</b>
        </Text>
        <Text size="sm">
          {t('contacts.consent.marketing')}: <b>{c.marketing ? t('contacts.consent.optedIn') : t('contacts.consent.optedOut')}</b>
        </Text>
        {c.at > 0 ? (
          <>
            <Text size="sm">
              {t('contacts.consent.at')}: {date.format(c.at)}
            </Text>
            <Text size="sm">
              {t('contacts.consent.source')}: {c.source || t('common.none')}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('contacts.consent.never')}
          </Text>
        )}
      </Stack>
      <Group mt="sm" gap="xs">
        <Button size="xs" variant="light" onClick={() => setMode('record')}>
          {t('contacts.consent.record')}
        </Button>
        {(c.marketing || c.basis === 'consent') && (
          <Button size="xs" variant="default" color="red" onClick={() => setMode('withdraw')}>
            {t('contacts.consent.withdraw')}
          </Button>
        )}
      </Group>
      {mode && <ConsentDialog contact={contact} mode={mode} onClose={() => setMode(null)} />}
    </Card>
  );
}

function ConsentDialog({ contact, mode, onClose }: { contact: Contact; mode: 'record' | 'withdraw'; onClose(): void }) {
  const { t } = useTranslation();
  const repo = useRepository('contacts');
  const [basis, setBasis] = useState<ConsentBasis>(contact.consent.basis === 'none' ? 'consent' : contact.consent.basis);
  const [marketing, setMarketing] = useState(mode === 'record' ? true : false);
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<ConsentError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const message = (field: ConsentError['field']) => {
    const e = errors.find((x) => x.field === field);
    return e ? t([keyUnder('contacts.errors', e.key), keyUnder('errors', e.key)], { max: 200 }) : undefined;
  };

  const save = async () => {
    const now = Date.now();
    let consent: Contact['consent'];
    if (mode === 'record') {
      const found = consentErrors({ basis, marketing, source });
      setErrors(found);
      if (found.length) return;
      consent = recordConsent({ basis, marketing, source }, now);
    } else {
      if (!source.trim()) {
        setErrors([{ field: 'source', key: 'consent_source_required' }]);
        return;
      }
      consent = withdrawConsent(contact.consent, source, now);
    }
    setSaving(true);
    try {
      await repo.update(contact.id, { consent });
      notifications.show({ message: t(mode === 'record' ? 'contacts.consent.recorded' : 'contacts.consent.withdrawn') });
      onClose();
    } catch (error) {
      setFailure(t('errors.save_failed', { message: errorMessage(error) }));
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(mode === 'record' ? 'contacts.consent.recordTitle' : 'contacts.consent.withdrawTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          {failure && <ErrorState>{failure}</ErrorState>}
          {mode === 'record' ? (
            <>
              <NativeSelect
                label={t('contacts.fields.consentBasis')}
                value={basis}
                onChange={(e) => setBasis(e.currentTarget.value as ConsentBasis)}
                data={CONSENT_BASES.map((b) => ({ value: b, label: t(`contacts.consentBasis.${b}`) }))}
              />
              <Checkbox
                label={t('contacts.fields.consentMarketing')}
                checked={marketing}
                onChange={(e) => setMarketing(e.currentTarget.checked)}
                error={message('marketing')}
              />
              <TextInput
                label={t('contacts.fields.consentSource')}
                description={t('contacts.fields.consentSourceHint')}
                value={source}
                onChange={(e) => setSource(e.currentTarget.value)}
                error={message('source')}
                data-autofocus
              />
            </>
          ) : (
            <>
              <Text size="sm">{t('contacts.consent.withdrawBody')}</Text>
              <TextInput
                label={t('contacts.consent.withdrawSource')}
                value={source}
                onChange={(e) => setSource(e.currentTarget.value)}
                error={message('source')}
                data-autofocus
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} color={mode === 'withdraw' ? 'red' : undefined}>
              {t('contacts.consent.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
