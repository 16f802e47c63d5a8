import { useMemo, useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Button, Group, NativeSelect, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PRICE_POSITIONS, type Competitor, type CompetitorPositioning, type Deal } from '@shared/models';
import { competitorNameError } from '@shared/domain/competitors/competitor-name';
import { dealKind } from '@shared/domain/competitors/report';
import { newId } from '@shared/domain/ids';
import { stageOf } from '@shared/domain/sales/pipeline';
import { sortKey } from '@shared/domain/text';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { useDocument, useDocuments } from '../../db/hooks';
import { productQueries } from '../../db/collections/products';
import { useCategories, type CategoryCount } from '../catalogue';
import { paths } from '../../app/paths';
import { dynamicKey, keyUnder } from '../../i18n/app-messages';
import { Section } from '../../ui/Section';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { useAccountNames, useCompetitors, useDealsAgainst, usePipelineConfig } from './useCompetitorData';

const SWOT = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
type SwotList = (typeof SWOT)[number];
type Position = Competitor['pricePositioning'];

/** A SWOT item being edited, with a key of its own (items are plain strings once saved). */
interface SwotItem {
  key: string;
  text: string;
}

interface CompetitorForm {
  name: string;
  website: string;
  pricePositioning: Position;
  strengths: SwotItem[];
  weaknesses: SwotItem[];
  opportunities: SwotItem[];
  threats: SwotItem[];
  positioning: CompetitorPositioning[];
}

const swotItem = (text: string): SwotItem => ({ key: newId(), text });

const formOf = (c: Competitor): CompetitorForm => ({
  name: c.name,
  website: c.website,
  pricePositioning: c.pricePositioning,
  strengths: c.strengths.map(swotItem),
  weaknesses: c.weaknesses.map(swotItem),
  opportunities: c.opportunities.map(swotItem),
  threats: c.threats.map(swotItem),
  positioning: (c.positioning ?? []).map((p) => ({ ...p })),
});

const cleanList = (items: SwotItem[]) => items.map((i) => i.text.trim().slice(0, 500)).filter(Boolean);

/** One competitor: name, site and price positioning, its SWOT, notes, positioning against our catalogue, and the deals lost to it and open against it. */
export function CompetitorPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const competitor = useDocument('competitors', id);
  if (competitor === undefined) return <LoadingState />;
  if (competitor === null) return <NotFoundState>{t('competitors.notFound')}</NotFoundState>;
  return (
    <Stack gap="md">
      <Anchor component={Link} href={paths.competitors()} size="sm">
        {t('competitors.back')}
      </Anchor>
      <Title order={2}>{competitor.name}</Title>
      <CompetitorEditor competitor={competitor} />
      <CompetitorNotes competitor={competitor} />
      <CompetitorDeals competitorId={competitor.id} />
    </Stack>
  );
}

function CompetitorEditor({ competitor }: { competitor: Competitor }) {
  const { t } = useTranslation();
  const repo = useRepository('competitors');
  const others = useCompetitors();
  const [form, setForm] = useState<CompetitorForm>(() => formOf(competitor));
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');
  const [tried, setTried] = useState(false);
  const set = <K extends keyof CompetitorForm>(key: K, value: CompetitorForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setStatus('idle');
  };
  const problem = competitorNameError(form.name, others ?? [], competitor.id);
  const nameError = problem && (problem === 'taken' || tried) ? t(keyUnder('competitors.name', problem)) : null;
  const positioningMissing = form.positioning.some((p) => !p.category && !p.productId);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem || positioningMissing) return;
    const name = form.name.trim().slice(0, 200);
    try {
      await repo.update(competitor.id, {
        name,
        nameSort: sortKey(name),
        website: form.website.trim().slice(0, 200),
        pricePositioning: form.pricePositioning,
        strengths: cleanList(form.strengths),
        weaknesses: cleanList(form.weaknesses),
        opportunities: cleanList(form.opportunities),
        threats: cleanList(form.threats),
        positioning: form.positioning.map((p) => ({ ...p, note: p.note.trim().slice(0, 500) })),
      });
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <Stack gap="sm" maw={820}>
        <Group grow align="flex-start">
          <TextInput
            label={t('competitors.form.name')}
            value={form.name}
            maxLength={200}
            error={nameError}
            onChange={(e) => set('name', e.currentTarget.value)}
          />
          <TextInput label={t('competitors.form.website')} value={form.website} maxLength={200} onChange={(e) => set('website', e.currentTarget.value)} />
          <NativeSelect
            label={t('competitors.form.price')}
            value={form.pricePositioning}
            data={PRICE_POSITIONS.map((p) => ({ value: p, label: t(keyUnder('competitors.price', p)) }))}
            onChange={(e) => set('pricePositioning', e.currentTarget.value as Position)}
          />
        </Group>
        <Section title={t('competitors.swot.title')}>
          <Group grow align="flex-start">
            {SWOT.map((list) => (
              <SwotEditor key={list} list={list} items={form[list]} onChange={(items) => set(list, items)} />
            ))}
          </Group>
        </Section>
        <PositioningEditor rows={form.positioning} tried={tried} onChange={(rows) => set('positioning', rows)} />
        <Group>
          <Button type="submit">{t('competitors.form.save')}</Button>
          {status === 'saved' && (
            <Text size="sm" role="status">
              {t('competitors.saved')}
            </Text>
          )}
        </Group>
        {status === 'failed' && <ErrorState>{t('competitors.saveFailed')}</ErrorState>}
      </Stack>
    </form>
  );
}

function SwotEditor({ list, items, onChange }: { list: SwotList; items: SwotItem[]; onChange(items: SwotItem[]): void }) {
  const { t } = useTranslation();
  const title = t(keyUnder('competitors.swot', list));
  return (
    <Stack gap={4} role="group" aria-label={title}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('competitors.swot.empty')}
        </Text>
      )}
      {items.map((item, i) => (
        <Group key={item.key} gap={4} wrap="nowrap">
          <TextInput
            flex={1}
            aria-label={t('competitors.swot.item', { list: title, n: i + 1 })}
            value={item.text}
            maxLength={500}
            onChange={(e) => onChange(items.map((x, j) => (j === i ? { ...x, text: e.currentTarget.value } : x)))}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('competitors.swot.remove', { list: title, item: item.text })}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...items, swotItem('')])}>
          {t('competitors.swot.add', { list: title })}
        </Button>
      </Group>
    </Stack>
  );
}

const CATEGORY = 'c:';
const PRODUCT = 'p:';

/** The category or product a positioning row is about: our categories, and products found by name as the user types. */
function TargetSelect({
  row,
  categories,
  error,
  onPick,
}: {
  row: CompetitorPositioning;
  categories: readonly CategoryCount[] | undefined;
  error: string | null;
  onPick(patch: Pick<CompetitorPositioning, 'category' | 'productId' | 'productName'>): void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const products = useDocuments('products', productQueries.nameStartsWith(search, 10));
  const options = useMemo(() => {
    const seen = new Set<string>();
    const out: { value: string; label: string }[] = [];
    const add = (value: string, label: string) => {
      if (seen.has(value)) return;
      seen.add(value);
      out.push({ value, label });
    };
    if (row.productId) add(PRODUCT + row.productId, t('competitors.positioning.product', { name: row.productName }));
    else if (row.category) add(CATEGORY + row.category, t('competitors.positioning.category', { name: row.category }));
    for (const c of categories ?? []) if (c.name) add(CATEGORY + c.name, t('competitors.positioning.category', { name: c.name }));
    for (const p of products ?? []) add(PRODUCT + p.id, t('competitors.positioning.product', { name: p.name }));
    return out;
  }, [row.productId, row.productName, row.category, categories, products, t]);
  const pick = (value: string | null) => {
    if (!value) return onPick({ category: '', productId: '', productName: '' });
    if (value.startsWith(CATEGORY)) return onPick({ category: value.slice(CATEGORY.length).slice(0, 80), productId: '', productName: '' });
    const product = (products ?? []).find((p) => p.id === value.slice(PRODUCT.length));
    if (product) onPick({ category: product.category, productId: product.id, productName: product.name.slice(0, 200) });
  };
  return (
    <Select
      flex={2}
      searchable
      label={t('competitors.positioning.target')}
      placeholder={t('competitors.positioning.searchProduct')}
      data={options}
      value={row.productId ? PRODUCT + row.productId : row.category ? CATEGORY + row.category : null}
      onSearchChange={setSearch}
      onChange={pick}
      error={error}
    />
  );
}

/** Their positioning per category or product of our catalogue: the target, their price, a remark. */
function PositioningEditor({ rows, tried, onChange }: { rows: CompetitorPositioning[]; tried: boolean; onChange(rows: CompetitorPositioning[]): void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const setRow = (index: number, patch: Partial<CompetitorPositioning>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const targetLabel = (r: CompetitorPositioning) =>
    r.productId ? t('competitors.positioning.product', { name: r.productName }) : r.category ? t('competitors.positioning.category', { name: r.category }) : '';

  return (
    <Section title={t('competitors.positioning.title')}>
      <Stack gap="xs">
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('competitors.positioning.empty')}
          </Text>
        )}
        {rows.map((r, i) => (
          <Group key={r.id} align="flex-start" wrap="nowrap">
            <TargetSelect
              row={r}
              categories={categories}
              error={tried && !r.category && !r.productId ? t('competitors.positioning.targetRequired') : null}
              onPick={(patch) => setRow(i, patch)}
            />
            <NativeSelect
              label={t('competitors.positioning.position')}
              value={r.position}
              data={PRICE_POSITIONS.map((p) => ({ value: p, label: t(keyUnder('competitors.price', p)) }))}
              onChange={(e) => setRow(i, { position: e.currentTarget.value as Position })}
            />
            <TextInput
              flex={2}
              label={t('competitors.positioning.note')}
              value={r.note}
              maxLength={500}
              onChange={(e) => setRow(i, { note: e.currentTarget.value })}
            />
            <ActionIcon
              mt={28}
              variant="subtle"
              color="gray"
              aria-label={t('competitors.positioning.remove', { target: targetLabel(r) })}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => onChange([...rows, { id: newId(), category: '', productId: '', productName: '', position: 'similar', note: '' }])}
          >
            {t('competitors.positioning.add')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

/** Notes on the competitor, saved as they are added (newest last). */
function CompetitorNotes({ competitor }: { competitor: Competitor }) {
  const { t } = useTranslation();
  const f = useFormats();
  const repo = useRepository('competitors');
  const { author } = useDatabaseContext();
  const [text, setText] = useState('');
  const [failed, setFailed] = useState(false);
  const write = async (patch: (c: Competitor) => Partial<Competitor>) => {
    try {
      await repo.update(competitor.id, patch);
      setFailed(false);
      return true;
    } catch {
      setFailed(true);
      return false;
    }
  };
  const add = async () => {
    const body = text.trim().slice(0, 20_000);
    if (!body) return;
    const note = { id: newId(), at: Date.now(), by: author().slice(0, 80), text: body };
    if (await write((c) => ({ notes: [...c.notes, note] }))) setText('');
  };
  return (
    <Section title={t('competitors.notes.title')}>
      <Stack gap="xs" maw={820}>
        {competitor.notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('competitors.notes.empty')}
          </Text>
        ) : (
          <ul aria-label={t('competitors.notes.title')}>
            {competitor.notes.map((n) => (
              <li key={n.id}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} flex={1}>
                    {n.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {n.by} · {f.dateTime(n.at)}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('competitors.notes.remove')}
                    onClick={() => void write((c) => ({ notes: c.notes.filter((x) => x.id !== n.id) }))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </li>
            ))}
          </ul>
        )}
        <Textarea label={t('competitors.notes.new')} value={text} rows={2} maxLength={20_000} onChange={(e) => setText(e.currentTarget.value)} />
        <Group>
          <Button variant="light" size="xs" onClick={() => void add()}>
            {t('competitors.notes.add')}
          </Button>
        </Group>
        {failed && <ErrorState>{t('competitors.saveFailed')}</ErrorState>}
      </Stack>
    </Section>
  );
}

/** The deals lost to the competitor (with why, newest close first), and those still open against it. */
function CompetitorDeals({ competitorId }: { competitorId: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  const config = usePipelineConfig();
  const deals = useDealsAgainst(competitorId);
  const names = useAccountNames(deals);
  const { lost, open } = useMemo(() => {
    const all = deals ?? [];
    return {
      lost: all
        .filter((d) => dealKind(config, d.stage) === 'lost')
        .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || (a.id < b.id ? -1 : 1)),
      open: all.filter((d) => dealKind(config, d.stage) === 'open'),
    };
  }, [deals, config]);
  if (deals === undefined) return <LoadingState />;
  const title = (d: Deal) => (
    <Anchor component={Link} href={paths.deal(d.id)}>
      {d.title}
    </Anchor>
  );
  const stageName = (d: Deal) => {
    const stage = stageOf(config, d.stage);
    return stage?.label || t(dynamicKey(`pipeline.stage.${stage?.id ?? d.stage}`), { defaultValue: d.stage });
  };
  return (
    <>
      <Section title={t('competitors.deals.lostTitle')}>
        {lost.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('competitors.deals.lostEmpty')}
          </Text>
        ) : (
          <Table striped aria-label={t('competitors.deals.lostTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('competitors.deals.title')}</Table.Th>
                <Table.Th>{t('competitors.deals.account')}</Table.Th>
                <Table.Th>{t('competitors.deals.value')}</Table.Th>
                <Table.Th>{t('competitors.deals.reason')}</Table.Th>
                <Table.Th>{t('competitors.deals.closedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lost.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{title(d)}</Table.Td>
                  <Table.Td>{names.get(d.accountId) ?? ''}</Table.Td>
                  <Table.Td>{f.money(d.value.amount, d.value.currency)}</Table.Td>
                  <Table.Td>{d.lostReason || t('competitors.deals.noReason')}</Table.Td>
                  <Table.Td>{f.isoDay(d.closedAt ?? '')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title={t('competitors.deals.openTitle')}>
        {open.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('competitors.deals.openEmpty')}
          </Text>
        ) : (
          <Table striped aria-label={t('competitors.deals.openTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('competitors.deals.title')}</Table.Th>
                <Table.Th>{t('competitors.deals.account')}</Table.Th>
                <Table.Th>{t('competitors.deals.value')}</Table.Th>
                <Table.Th>{t('competitors.deals.stage')}</Table.Th>
                <Table.Th>{t('competitors.deals.expectedClose')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{title(d)}</Table.Td>
                  <Table.Td>{names.get(d.accountId) ?? ''}</Table.Td>
                  <Table.Td>{f.money(d.value.amount, d.value.currency)}</Table.Td>
                  <Table.Td>{stageName(d)}</Table.Td>
                  <Table.Td>{f.isoDay(d.expectedClose)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
    </>
  );
}
