/**
 * Messages of the first-run welcome, under the `welcome` key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys.
 */
const ptBR = {
  welcome: {
    title: 'Boas-vindas ao Carteira',
    lead: 'Sua carteira de clientes fica neste computador: tudo responde na hora, com ou sem rede.',
    nameLabel: 'Como você quer aparecer nas suas anotações?',
    namePlaceholder: 'Seu nome',
    nameHint: 'Opcional. Você pode mudar depois em Configurações.',
    choices: 'Como você quer começar?',
    alone: {
      title: 'Começar sozinho neste computador',
      body: 'Sem servidor: os dados ficam só neste computador. Quando quiser, conecte-se ao servidor da equipe em Configurações e copie o que já cadastrou.',
      button: 'Começar sozinho',
    },
    sample: {
      title: 'Conhecer com dados de exemplo',
      body: 'Uma carteira fictícia, com contas, contatos, catálogo e atividades. Fica só neste computador e nunca vai para um servidor.',
    },
    team: {
      title: 'Conectar ao servidor da equipe',
      body: 'Use o endereço, a equipe, o usuário e a senha que você recebeu. Os dados da equipe chegam em segundo plano.',
      button: 'Conectar ao servidor',
    },
    offlineTitle: 'O que funciona sem rede',
    offline: {
      everything: 'Tudo: contas, contatos, catálogo, atividades, Meu dia e a busca respondem a partir deste computador.',
      queued: 'O que você altera sem rede fica guardado aqui e vai para o servidor sozinho quando a rede voltar.',
      nothingLost: 'Fechar a janela no meio de uma anotação não perde nada.',
    },
    saveFailed: 'Não foi possível guardar sua escolha: {{message}}',
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

const ptPT: DeepStrings<typeof ptBR> = {
  welcome: {
    title: 'Bem-vindo ao Carteira',
    lead: 'A sua carteira de clientes fica neste computador: tudo responde de imediato, com ou sem rede.',
    nameLabel: 'Como quer aparecer nas suas notas?',
    namePlaceholder: 'O seu nome',
    nameHint: 'Opcional. Pode alterá-lo mais tarde em Definições.',
    choices: 'Como quer começar?',
    alone: {
      title: 'Começar sozinho neste computador',
      body: 'Sem servidor: os dados ficam só neste computador. Quando quiser, ligue-se ao servidor da equipa em Definições e copie o que já registou.',
      button: 'Começar sozinho',
    },
    sample: {
      title: 'Conhecer com dados de exemplo',
      body: 'Uma carteira fictícia, com contas, contactos, catálogo e atividades. Fica só neste computador e nunca vai para um servidor.',
    },
    team: {
      title: 'Ligar ao servidor da equipa',
      body: 'Use o endereço, a equipa, o utilizador e a palavra-passe que recebeu. Os dados da equipa chegam em segundo plano.',
      button: 'Ligar ao servidor',
    },
    offlineTitle: 'O que funciona sem rede',
    offline: {
      everything: 'Tudo: contas, contactos, catálogo, atividades, O meu dia e a pesquisa respondem a partir deste computador.',
      queued: 'O que altera sem rede fica guardado aqui e segue para o servidor sozinho quando a rede voltar.',
      nothingLost: 'Fechar a janela a meio de uma nota não perde nada.',
    },
    saveFailed: 'Não foi possível guardar a sua escolha: {{message}}',
  },
};

const en: DeepStrings<typeof ptBR> = {
  welcome: {
    title: 'Welcome to Carteira',
    lead: 'Your client base lives on this computer: everything answers at once, with or without a network.',
    nameLabel: 'How should your notes be signed?',
    namePlaceholder: 'Your name',
    nameHint: 'Optional. You can change it later in Settings.',
    choices: 'How do you want to start?',
    alone: {
      title: 'Start on my own on this computer',
      body: "No server: the data stays on this computer only. Whenever you like, connect to your team's server in Settings and copy what you have entered.",
      button: 'Start on my own',
    },
    sample: {
      title: 'Explore with sample data',
      body: 'A made-up client base with accounts, contacts, a catalogue and activities. It stays on this computer and never goes to a server.',
    },
    team: {
      title: "Connect to the team's server",
      body: "Use the address, team, user name and password you were given. The team's data arrives in the background.",
      button: 'Connect to the server',
    },
    offlineTitle: 'What works without a network',
    offline: {
      everything: 'Everything: accounts, contacts, catalogue, activities, My day and search answer from this computer.',
      queued: 'What you change offline is kept here and goes to the server by itself when the network is back.',
      nothingLost: 'Closing the window in the middle of a note loses nothing.',
    },
    saveFailed: 'Could not save your choice: {{message}}',
  },
};

export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
