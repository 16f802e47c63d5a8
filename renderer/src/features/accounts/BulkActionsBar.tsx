import { useState } from 'react';
import { Autocomplete, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconTag, IconUserShare, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from './account-export';
import { useAccountBulkActions, type ExportProgress } from './useAccountBulkActions';
import { useAccountSelectionStore } from './store';
import { errorMessage } from '@shared/error-message';

/** What can be done with the ticked accounts: add a tag, change the owner, export as CSV (UTF-8 or Excel Brasil/Portugal) or XLSX. */
export function BulkActionsBar({ ids, owners }: { ids: readonly string[]; owners: readonly string[] }) {
  const { t } = useTranslation();
  const actions = useAccountBulkActions();
  const clear = useAccountSelectionStore((s) => s.clear);
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState('');
  const [open, setOpen] = useState<'tag' | 'owner' | null>(null);
  const [tag, setTag] = useState('');
  const [owner, setOwner] = useState('');
  const progress = (done: number, total: number) => setMessage(t('accounts.bulk.working', { done, total }));

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setOpen(null);
    try {
      setMessage(await work());
    } catch (error) {
      setMessage(t('accounts.bulk.failed', { message: errorMessage(error) }));
    } finally {
      setBusy(false);
    }
  };
  const addTag = () =>
    run(async () => {
      const value = tag.trim();
      await actions.addTag(ids, value, progress);
      setTag('');
      return t('accounts.bulk.tagged', { tag: value, count: ids.length });
    });
  const changeOwner = () =>
    run(async () => {
      const count = ids.length;
      await actions.changeOwner(ids, owner, progress);
      setOwner('');
      return t('accounts.bulk.ownerChanged', { count });
    });
  const exportProgress = (format: ExportFormat) => (p: ExportProgress) =>
    setMessage(
      p.phase === 'reading'
        ? t('accounts.bulk.exportReading', { done: p.done, total: p.total })
        : t('accounts.bulk.exportBuilding', { format: format === 'xlsx' ? 'XLSX' : 'CSV' }),
    );
  const exportAs = (format: ExportFormat) =>
    run(async () => {
      setExporting(format);
      try {
        const file = await actions.exportAccounts(ids, format, exportProgress(format));
        return file ? t('accounts.bulk.exported', { file }) : t('accounts.bulk.exportCancelled');
      } finally {
        setExporting(null);
      }
    });

  return (
    <Stack gap={2}>
      <Group gap="xs" role="toolbar" aria-label={t('accounts.bulk.label')}>
        <Text size="sm" fw={600}>
          {t('accounts.select.count', { count: ids.length })}
        </Text>
        <Popover opened={open === 'tag'} onChange={(o) => setOpen(o ? 'tag' : null)} trapFocus position="bottom-start" shadow="md">
          <Popover.Target>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconTag size={14} aria-hidden />}
              disabled={busy}
              onClick={() => setOpen(open === 'tag' ? null : 'tag')}
            >
              {t('accounts.bulk.addTag')}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (tag.trim()) void addTag();
              }}
            >
              <Group gap={4} align="flex-end">
                <TextInput
                  size="xs"
                  label={t('accounts.bulk.tagLabel')}
                  value={tag}
                  onChange={(e) => setTag(e.currentTarget.value)}
                  maxLength={40}
                  data-autofocus
                />
                <Button size="xs" type="submit" disabled={!tag.trim()}>
                  {t('accounts.bulk.apply')}
                </Button>
              </Group>
            </form>
          </Popover.Dropdown>
        </Popover>
        <Popover opened={open === 'owner'} onChange={(o) => setOpen(o ? 'owner' : null)} trapFocus position="bottom-start" shadow="md">
          <Popover.Target>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconUserShare size={14} aria-hidden />}
              disabled={busy}
              onClick={() => setOpen(open === 'owner' ? null : 'owner')}
            >
              {t('accounts.bulk.changeOwner')}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (owner.trim()) void changeOwner();
              }}
            >
              <Group gap={4} align="flex-end">
                <Autocomplete
                  size="xs"
                  label={t('accounts.bulk.ownerLabel')}
                  data={[...owners]}
                  value={owner}
                  onChange={setOwner}
                  maxLength={80}
                  data-autofocus
                  comboboxProps={{ withinPortal: false }}
                />
                <Button size="xs" type="submit" disabled={!owner.trim()}>
                  {t('accounts.bulk.apply')}
                </Button>
              </Group>
            </form>
          </Popover.Dropdown>
        </Popover>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconDownload size={14} aria-hidden />}
          disabled={busy && exporting !== 'csv'}
          loading={exporting === 'csv'}
          onClick={() => void exportAs('csv')}
        >
          {t('accounts.bulk.exportCsv')}
        </Button>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconDownload size={14} aria-hidden />}
          disabled={busy && exporting !== 'csv-excel-pt'}
          loading={exporting === 'csv-excel-pt'}
          onClick={() => void exportAs('csv-excel-pt')}
          title={t('accounts.bulk.exportCsvExcelPtHint')}
        >
          {t('accounts.bulk.exportCsvExcelPt')}
        </Button>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconDownload size={14} aria-hidden />}
          disabled={busy && exporting !== 'xlsx'}
          loading={exporting === 'xlsx'}
          onClick={() => void exportAs('xlsx')}
        >
          {t('accounts.bulk.exportXlsx')}
        </Button>
        <Button size="xs" variant="subtle" leftSection={<IconX size={14} aria-hidden />} onClick={clear} disabled={busy}>
          {t('accounts.select.clear')}
        </Button>
        <Text size="sm" c="dimmed" aria-live="polite">
          {message}
        </Text>
      </Group>
    </Stack>
  );
}
