import type { ReactNode } from 'react';
import { Card, Title } from '@mantine/core';

interface SectionProps {
  title: string;
  children: ReactNode;
}

/** A titled card that is a landmark of its own (screen readers list the page's sections by title). */
export function Section({ title, children }: SectionProps) {
  return (
    <Card withBorder component="section" aria-label={title} padding="sm">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}
