import type { ReactNode } from 'react';
import { Alert, Loader, Text, type AlertProps, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface LoadingStateProps {
  size?: MantineSize;
  /** What is loading, for the screen reader; "Carregando…" by default. */
  label?: string;
}

/** Something is still being read: a spinner announced as a status. */
export function LoadingState({ size, label }: LoadingStateProps) {
  const { t } = useTranslation();
  return <Loader size={size} role="status" aria-label={label ?? t('common.loading')} />;
}

interface MessageStateProps {
  children: ReactNode;
  size?: MantineSize;
}

/** A list or panel with nothing in it: a quiet line, not an alert. */
export function EmptyState({ children, size = 'sm' }: MessageStateProps) {
  return (
    <Text size={size} c="dimmed">
      {children}
    </Text>
  );
}

/** The record the route names does not exist (or is gone): said as an alert so it is announced. */
export function NotFoundState({ children, size }: MessageStateProps) {
  return (
    <Text role="alert" size={size}>
      {children}
    </Text>
  );
}

/** An action or read failed: the translated message in a red notice, announced as an alert. */
export function ErrorState({ children, ...props }: Omit<AlertProps, 'color' | 'role'>) {
  return (
    <Alert color="red" role="alert" {...props}>
      {children}
    </Alert>
  );
}
