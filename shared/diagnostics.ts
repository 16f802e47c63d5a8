/**
 * The "Copiar diagnóstico" text a user pastes into a support message: versions, the state of sync
 * and the last errors. It must carry no client data, so anything that looks like an e-mail, a tax
 * id (CPF/CNPJ/NIF), a phone number or a URL with credentials is masked, whatever produced it.
 */
export interface DiagnosticsInput {
  app: { name: string; version: string; platform: string };
  versions: { electron?: string; chrome?: string; node?: string; os?: string };
  sync: { configured: boolean; signedIn: boolean; connectivity: string; credentialsPersistent: boolean };
  recentErrors: readonly string[];
  now: Date;
}

/** How many recent errors the text keeps. */
export const DIAGNOSTICS_MAX_ERRORS = 20;

const REDACTIONS: Array<[RegExp, string]> = [
  // user:password@ in a URL, before the e-mail rule would eat part of it.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+(?::[^\s/@]*)?@/gi, '$1[credenciais]@'],
  [/[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/gi, '[e-mail]'],
  // CNPJ (14 digits) and CPF (11), with or without punctuation.
  [/\b\d{2}\.?\d{3}\.?\d{3}\/?\d{4}-?\d{2}\b/g, '[cnpj]'],
  [/\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b/g, '[cpf]'],
  // Phone numbers: optional +country, then 8+ digits with spaces, dots, dashes or parentheses.
  [/(?:\+\d{1,3}[\s.-]?)?(?:\(?\d{2,3}\)?[\s.-]?)?\d{4,5}[\s.-]?\d{4}\b/g, '[telefone]'],
  // Any remaining run of 9+ digits (a NIF, an account number) is not ours to share.
  [/\b\d{9,}\b/g, '[número]'],
];

/** Masks anything in `text` that looks like client data. */
export function redactClientData(text: string): string {
  return REDACTIONS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** The diagnostics text, one fact a line, already redacted. */
export function buildDiagnosticsText({ app, versions, sync, recentErrors, now }: DiagnosticsInput): string {
  const errors = recentErrors.slice(-DIAGNOSTICS_MAX_ERRORS);
  const lines = [
    `${app.name} ${app.version}`,
    `Electron ${versions.electron ?? '-'} · Chromium ${versions.chrome ?? '-'} · Node ${versions.node ?? '-'}`,
    `Sistema: ${app.platform}${versions.os ? ` ${versions.os}` : ''}`,
    `Sincronização: ${sync.configured ? 'configurada' : 'não configurada'}, ${sync.signedIn ? 'conectado' : 'não conectado'}, rede ${sync.connectivity}, senha ${sync.credentialsPersistent ? 'guardada no sistema' : 'só nesta sessão'}`,
    `Gerado em: ${now.toISOString()}`,
    '',
    errors.length ? `Últimos erros (${errors.length}):` : 'Nenhum erro registrado.',
    ...errors.map((e) => `- ${e.replace(/\s+/g, ' ').trim()}`),
  ];
  return redactClientData(lines.join('\n'));
}
