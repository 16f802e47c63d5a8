import { LOCALES, type Locale } from '../../shared/ipc';

/**
 * The one page the web host serves without its cookie: it tells the person at the browser how to
 * get in. Not the app shell itself: the app's scripts would load only to fail on every call, and
 * the host would be telling any local program which build it runs. The renderer's i18n is not
 * loaded here (nothing of the app is), so the page carries its own few strings in each locale.
 */
export type SessionProblem = 'missing' | 'wrong';

interface PageStrings {
  title: string;
  heading: string;
  missing: string;
  wrong: string;
  why: string;
}

const STRINGS: Record<Locale, PageStrings> = {
  'pt-BR': {
    title: 'Carteira — abra o link do terminal',
    heading: 'Abra o Carteira pelo link do terminal',
    missing:
      'Por segurança, o Carteira no navegador só abre pelo link que o comando <code>npm run web</code> mostra no terminal (o endereço que termina em <code>?token=…</code>). Copie esse link e abra-o aqui.',
    wrong: 'Este link não vale mais: o Carteira foi reiniciado e mostrou um link novo no terminal. Abra o link mais recente.',
    why: 'Assim, nenhum outro programa ou usuário deste computador consegue usar seus dados e sua sessão no servidor.',
  },
  'pt-PT': {
    title: 'Carteira — abra a ligação do terminal',
    heading: 'Abra o Carteira pela ligação do terminal',
    missing:
      'Por segurança, o Carteira no navegador só abre pela ligação que o comando <code>npm run web</code> mostra no terminal (o endereço que termina em <code>?token=…</code>). Copie essa ligação e abra-a aqui.',
    wrong: 'Esta ligação já não é válida: o Carteira foi reiniciado e mostrou uma ligação nova no terminal. Abra a ligação mais recente.',
    why: 'Assim, nenhum outro programa ou utilizador deste computador consegue usar os seus dados e a sua sessão no servidor.',
  },
  en: {
    title: 'Carteira — open the link from the terminal',
    heading: 'Open Carteira from the link in the terminal',
    missing:
      'For security, Carteira in the browser only opens from the link <code>npm run web</code> prints in the terminal (the address ending in <code>?token=…</code>). Copy that link and open it here.',
    wrong: 'This link no longer works: Carteira was restarted and printed a new link in the terminal. Open the latest one.',
    why: 'This way no other program or user of this computer can use your data and your session on the server.',
  },
};

/** The browser's preferred language among ours; pt-BR when it names none of them (the users' language). */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const exact = LOCALES.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    if (tag === 'pt' || tag.startsWith('pt-')) return 'pt-BR';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'pt-BR';
}

/** The 401 page, in the browser's language. Nothing from the request is echoed into it. */
export function unauthorizedPage(problem: SessionProblem, acceptLanguage: string | undefined): { locale: Locale; html: string } {
  const locale = pickLocale(acceptLanguage);
  const s = STRINGS[locale];
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${s.title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}code{font-size:.95em}</style>
</head>
<body>
<main>
<h1>${s.heading}</h1>
<p>${problem === 'wrong' ? s.wrong : s.missing}</p>
<p>${s.why}</p>
</main>
</body>
</html>
`;
  return { locale, html };
}
