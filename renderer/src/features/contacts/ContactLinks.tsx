import { Anchor, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Email, Phone } from '@shared/models';
import { isContactHref, mailtoHref, telHref } from '@shared/domain/contact-links';
import { formatPhone } from '@shared/domain/validators';
import { openExternalLink } from '../../platform/external';
import { usePhoneCountry } from './usePhoneCountry';
import { errorMessage } from '@shared/error-message';

/** Opens a tel:/mailto: link through main; a refusal or failure is shown, never thrown. */
function useOpenLink() {
  const { t } = useTranslation();
  return (href: string) => (e: React.MouseEvent) => {
    e.preventDefault();
    if (!isContactHref(href)) return;
    openExternalLink(href).catch((error: unknown) => {
      notifications.show({ color: 'red', message: t('contacts.detail.linkFailed', { message: errorMessage(error) }) });
    });
  };
}

/** Phones as click-to-call links (E.164 `tel:`); a number that does not parse is shown as text. */
export function PhoneLinks({ phones }: { phones: readonly Phone[] }) {
  const { t } = useTranslation();
  const country = usePhoneCountry();
  const open = useOpenLink();
  if (!phones.length)
    return (
      <Text size="sm" c="dimmed">
        {t('contacts.detail.noPhones')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {phones.map((p, i) => {
        const shown = formatPhone(p.number, country);
        const href = telHref(p.number, country);
        return (
          <Group key={`${p.number}-${i}`} gap={6} wrap="nowrap">
            <IconPhone size={14} aria-hidden style={{ flex: 'none' }} />
            {href ? (
              <Anchor href={href} onClick={open(href)} size="sm" aria-label={t('contacts.detail.call', { number: shown })}>
                {shown}
              </Anchor>
            ) : (
              <Text size="sm">{p.number}</Text>
            )}
            <Text size="xs" c="dimmed">
              {t(`contacts.phoneLabel.${p.label}`)}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/** E-mails as click-to-mail links (`mailto:`). */
export function EmailLinks({ emails }: { emails: readonly Email[] }) {
  const { t } = useTranslation();
  const open = useOpenLink();
  if (!emails.length)
    return (
      <Text size="sm" c="dimmed">
        {t('contacts.detail.noEmails')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {emails.map((e, i) => {
        const href = mailtoHref(e.address);
        return (
          <Group key={`${e.address}-${i}`} gap={6} wrap="nowrap">
            <IconMail size={14} aria-hidden style={{ flex: 'none' }} />
            {href ? (
              <Anchor
                href={href}
                onClick={open(href)}
                size="sm"
                aria-label={t('contacts.detail.mail', { address: e.address })}
                style={{ minWidth: 0, overflowWrap: 'anywhere' }}
              >
                {e.address}
              </Anchor>
            ) : (
              <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {e.address}
              </Text>
            )}
            <Text size="xs" c="dimmed" style={{ flex: 'none' }}>
              {t(`contacts.emailLabel.${e.label}`)}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
