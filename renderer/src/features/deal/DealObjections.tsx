import { useEffect, useState } from 'react';
import { Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deal, DealObjection } from '@shared/models';
import { newId } from '@shared/domain/ids';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { EmptyState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { useAuthorLabel } from '../../sync/useAuthorLabel';
import type { DealPatch } from './useDealSave';

/** The objections the client raised and how each was answered; a new one, and an answer edited in place. */
export function DealObjections({ deal, save }: { deal: Deal; save: (patch: DealPatch) => Promise<boolean> }) {
  const { t } = useTranslation();
  const { author } = useDatabaseContext();
  const [objection, setObjection] = useState('');
  const [answer, setAnswer] = useState('');
  const [missing, setMissing] = useState(false);
  const objections = deal.objections ?? [];

  const add = async () => {
    if (objection.trim() === '') {
      setMissing(true);
      return;
    }
    const item: DealObjection = { id: newId(), at: Date.now(), by: author(), objection: objection.trim(), answer: answer.trim() };
    if (await save((current) => ({ objections: [...(current.objections ?? []), item] }))) {
      setObjection('');
      setAnswer('');
    }
  };
  const answerOne = (id: string, text: string) =>
    save((current) => ({ objections: (current.objections ?? []).map((o) => (o.id === id ? { ...o, answer: text } : o)) }));

  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t('deal.objections.title')}
        </Title>
        {objections.length === 0 ? (
          <EmptyState>{t('deal.objections.empty')}</EmptyState>
        ) : (
          <Stack gap="sm" role="list" aria-label={t('deal.objections.title')}>
            {objections.map((o) => (
              <ObjectionItem key={o.id} item={o} onAnswer={(text) => void answerOne(o.id, text)} />
            ))}
          </Stack>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('deal.objections.objection')}
              value={objection}
              error={missing ? t('deal.objections.required') : null}
              onChange={(e) => {
                setObjection(e.currentTarget.value);
                setMissing(false);
              }}
              minRows={2}
              maxLength={1_000}
            />
            <Textarea label={t('deal.objections.answer')} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} minRows={2} maxLength={2_000} />
            <Button type="submit" variant="light" style={{ alignSelf: 'flex-start' }}>
              {t('deal.objections.add')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

function ObjectionItem({ item, onAnswer }: { item: DealObjection; onAnswer: (text: string) => void }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { label } = useAuthorLabel();
  const [answer, setAnswer] = useState(item.answer);
  useEffect(() => setAnswer(item.answer), [item.answer]);
  return (
    <Stack gap={4} role="listitem">
      <Text fw={500}>{item.objection}</Text>
      <Text size="xs" c="dimmed">
        {t('deal.objections.raised', { date: formats.dateTime(item.at), by: label(item.by) })}
      </Text>
      <Textarea
        aria-label={t('deal.objections.answerOf', { objection: item.objection })}
        placeholder={t('deal.objections.unanswered')}
        value={answer}
        onChange={(e) => setAnswer(e.currentTarget.value)}
        onBlur={() => {
          if (answer.trim() !== item.answer) onAnswer(answer.trim());
        }}
        minRows={1}
        maxLength={2_000}
      />
    </Stack>
  );
}
