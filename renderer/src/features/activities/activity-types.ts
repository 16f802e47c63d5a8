import {
  IconBuilding,
  IconChecklist,
  IconMail,
  IconMailbox,
  IconMessageCircle,
  IconNote,
  IconPhone,
  IconPresentation,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { ActivityType } from '@shared/models';

/**
 * One letter per type in the quick log, chosen for pt-BR (the reference language) and kept the
 * same in every language so muscle memory survives a language switch:
 * Ligação, Reunião, Visita, E-mail, Mensagem, Carta, Apresentação, Nota, Tarefa.
 */
export const TYPE_KEYS: readonly { type: ActivityType; key: string; icon: Icon }[] = [
  { type: 'call', key: 'L', icon: IconPhone },
  { type: 'meeting', key: 'R', icon: IconUsers },
  { type: 'visit', key: 'V', icon: IconBuilding },
  { type: 'email', key: 'E', icon: IconMail },
  { type: 'chat', key: 'M', icon: IconMessageCircle },
  { type: 'letter', key: 'C', icon: IconMailbox },
  { type: 'presentation', key: 'A', icon: IconPresentation },
  { type: 'note', key: 'N', icon: IconNote },
  { type: 'task', key: 'T', icon: IconChecklist },
];

/** The type a letter picks in the quick log (case-insensitive), if any. */
export function typeForKey(key: string): ActivityType | undefined {
  if (key.length !== 1) return undefined;
  return TYPE_KEYS.find((k) => k.key === key.toUpperCase())?.type;
}

export function typeIcon(type: ActivityType): Icon {
  return TYPE_KEYS.find((k) => k.type === type)?.icon ?? IconNote;
}
