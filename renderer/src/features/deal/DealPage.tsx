import { useEffect, useMemo, useState } from 'react';
import { Anchor, Button, Card, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'wouter';
import 'dayjs/locale/pt-br';
import 'dayjs/locale/pt';
import type { Account, Deal } from '@shared/models';
import { DEFAULT_COMMERCIAL_POLICY } from '@shared/domain/sales/commercial-policy';
import { normalizeStageId, stageOf, type MoveError, type PipelineStage } from '@shared/domain/sales/pipeline';
import { boardMove } from '@shared/domain/sales/pipeline-board';
import { localIsoDay } from '@shared/domain/local-day';
import { parseTypedDate } from '@shared/domain/contact-dates';
import { contactName } from '@shared/domain/record-merge-contacts';
import { useAccount, useAccountContacts, useDeal, useDocuments } from '../../db/hooks';
import { competitorQueries } from '../../db/collections/competitors';
import { paths } from '../../app/paths';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { DealLines } from './DealLines';
import { DealObjections } from './DealObjections';
import { DealProposals } from '../proposals';
import { CreateOrderFromDeal } from '../orders';
import { CreateContractFromDeal } from '../contracts';
import { DealActivities } from './DealActivities';
import { useDealSave, type DealPatch } from './useDealSave';

const PIPELINE = DEFAULT_COMMERCIAL_POLICY.pipeline;
/** The competitor Select's value for "none" (Mantine's Select keeps '' for "nothing chosen"). */
const NO_COMPETITOR = '-';

/** One deal, edited in place: header, lines from the catalogue, objections, and its activities. */
export function DealPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const deal = useDeal(id);
  const account = useAccount(deal?.accountId);
  if (deal === undefined) return <LoadingState />;
  if (deal === null) return <NotFoundState>{t('deal.notFound')}</NotFoundState>;
  if (account === undefined) return <LoadingState />;
  return <DealView deal={deal} account={account} />;
}

function DealView({ deal, account }: { deal: Deal; account: Account | null }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { save, error } = useDealSave(deal.id);
  return (
    <Stack maw={1200}>
      <Anchor component={Link} href={paths.pipeline()} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('deal.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="baseline">
        <Title order={2}>{deal.title}</Title>
        <Text fw={600} data-testid="deal-value">
          {t('deal.header.value')}: {formats.money(deal.value.amount, deal.value.currency)}
        </Text>
      </Group>
      {error && <ErrorState>{error}</ErrorState>}
      <CreateOrderFromDeal deal={deal} />
      <DealHeader deal={deal} account={account} save={save} />
      <CreateContractFromDeal deal={deal} />
      <DealLines deal={deal} account={account} save={save} />
      {account && <DealProposals deal={deal} account={account} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DealObjections deal={deal} save={save} />
        <DealActivities deal={deal} />
      </SimpleGrid>
    </Stack>
  );
}

const stageLabel = (t: TFunction, stage: PipelineStage): string => stage.label || t(`accounts.a360.dealStage.${stage.id}`, { defaultValue: stage.id });

interface SectionProps {
  deal: Deal;
  save: (patch: DealPatch) => Promise<boolean>;
}

function DealHeader({ deal, account, save }: SectionProps & { account: Account | null }) {
  const { t, i18n } = useTranslation();
  const contacts = useAccountContacts(deal.accountId || undefined);
  const competitors = useDocuments('competitors', competitorQueries.byName());
  const [title, setTitle] = useState(deal.title);
  const [owner, setOwner] = useState(deal.ownerId);
  const [probability, setProbability] = useState<string | number>(deal.probability);
  const [lostOpen, setLostOpen] = useState(false);
  const [moveError, setMoveError] = useState<MoveError | null>(null);
  // What another window or the sync changed shows up, unless it is what is being typed.
  useEffect(() => setTitle(deal.title), [deal.title]);
  useEffect(() => setOwner(deal.ownerId), [deal.ownerId]);
  useEffect(() => setProbability(deal.probability), [deal.probability]);

  const stageId = normalizeStageId(deal.stage);
  const stage = stageOf(PIPELINE, stageId);
  const stageData = useMemo(() => PIPELINE.stages.map((s) => ({ value: s.id, label: stageLabel(t, s) })), [t]);
  const contactData = useMemo(() => {
    const known = (contacts ?? []).map((c) => ({ value: c.id, label: contactName(c) || c.id }));
    // A contact chosen before and since moved away still shows (and can be taken off).
    const missing = deal.contactIds.filter((cid) => !known.some((k) => k.value === cid)).map((cid) => ({ value: cid, label: cid }));
    return [...known, ...missing];
  }, [contacts, deal.contactIds]);
  const competitorData = useMemo(
    () => [{ value: NO_COMPETITOR, label: t('deal.header.noCompetitor') }, ...(competitors ?? []).map((c) => ({ value: c.id, label: c.name }))],
    [competitors, t],
  );

  const titleError = title.trim() === '' ? t('deal.header.titleRequired') : null;
  const probabilityNumber = typeof probability === 'number' ? probability : Number.NaN;
  const probabilityError =
    Number.isInteger(probabilityNumber) && probabilityNumber >= 0 && probabilityNumber <= 100 ? null : t('deal.header.probabilityInvalid');

  const moveTo = async (to: string, lostReason?: string): Promise<boolean> => {
    const result = boardMove(PIPELINE, deal, to, localIsoDay(), lostReason);
    if (!result.ok) {
      setMoveError(result.error);
      return false;
    }
    setMoveError(null);
    return result.patch ? save(result.patch) : true;
  };
  const onStage = (to: string | null) => {
    if (!to) return;
    if (stageOf(PIPELINE, to)?.kind === 'lost') {
      setMoveError(null);
      setLostOpen(true);
    } else void moveTo(to);
  };

  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <TextInput
          label={t('deal.header.title')}
          value={title}
          error={titleError}
          onChange={(e) => setTitle(e.currentTarget.value)}
          onBlur={() => {
            if (!titleError && title.trim() !== deal.title) void save({ title: title.trim() });
          }}
        />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('deal.header.account')}
          </Text>
          {account ? (
            <Anchor component={Link} href={paths.account(account.id)}>
              {account.name}
            </Anchor>
          ) : (
            <Text c="dimmed">{t('common.none')}</Text>
          )}
        </Stack>
        <MultiSelect
          label={t('deal.header.contacts')}
          placeholder={t('deal.header.contactsPlaceholder')}
          data={contactData}
          value={deal.contactIds}
          onChange={(ids) => void save({ contactIds: ids })}
          searchable
        />
        <TextInput
          label={t('deal.header.owner')}
          value={owner}
          onChange={(e) => setOwner(e.currentTarget.value)}
          onBlur={() => {
            if (owner.trim() !== deal.ownerId) void save({ ownerId: owner.trim() });
          }}
        />
        <Stack gap={4}>
          <Select label={t('deal.header.stage')} data={stageData} value={stage ? stageId : null} onChange={onStage} allowDeselect={false} />
          {moveError && !lostOpen && (
            <Text size="sm" c="red" role="alert">
              {t(`deal.moveError.${moveError}`)}
            </Text>
          )}
          {stage?.kind === 'lost' && (
            <Text size="sm" data-testid="lost-reason">
              {t('deal.header.lostReason')}: {deal.lostReason}
            </Text>
          )}
        </Stack>
        <NumberInput
          label={t('deal.header.probability')}
          value={probability}
          min={0}
          max={100}
          allowDecimal={false}
          error={probabilityError}
          onChange={setProbability}
          onBlur={() => {
            if (!probabilityError && probabilityNumber !== deal.probability) void save({ probability: probabilityNumber });
          }}
        />
        <DateInput
          label={t('deal.header.expectedClose')}
          placeholder={t('deal.header.expectedClosePlaceholder')}
          value={deal.expectedClose || null}
          onChange={(v) => void save({ expectedClose: v ?? '' })}
          dateParser={(typed) => parseTypedDate(typed)}
          valueFormat="DD/MM/YYYY"
          locale={i18n.language === 'en' ? 'en' : i18n.language === 'pt-PT' ? 'pt' : 'pt-br'}
          clearable
          clearButtonProps={{ 'aria-label': t('deal.header.clearExpectedClose') }}
        />
        <Select
          label={t('deal.header.competitor')}
          data={competitorData}
          value={deal.competitorId || NO_COMPETITOR}
          onChange={(v) => void save({ competitorId: !v || v === NO_COMPETITOR ? '' : v })}
          allowDeselect={false}
          searchable
        />
      </SimpleGrid>
      <LostDialog
        opened={lostOpen}
        error={moveError}
        onClose={() => setLostOpen(false)}
        onConfirm={async (reason) => {
          const to = PIPELINE.stages.find((s) => s.kind === 'lost')!.id;
          if (await moveTo(to, reason)) setLostOpen(false);
        }}
      />
    </Card>
  );
}

function LostDialog({
  opened,
  error,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  error: MoveError | null;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (opened) setReason('');
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('deal.lost.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onConfirm(reason);
        }}
      >
        <Stack>
          <Textarea
            label={t('deal.lost.reason')}
            description={t('deal.lost.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error ? t(`deal.moveError.${error}`) : null}
            withAsterisk
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red">
              {t('deal.lost.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
