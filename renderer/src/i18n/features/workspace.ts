/**
 * Messages of the 'workspace' feature (accounts list filters, saved views, bulk actions, the
 * account 360° page and its reliability panel), in every language, under the `workspace` key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys (checked by the compiler and i18n.test.ts).
 */
const ptBR = {
  workspace: {
    filters: {
      label: 'Filtros da lista', status: 'Status', segment: 'Segmento', industry: 'Setor', owner: 'Responsável', state: 'UF / Distrito',
      city: 'Cidade', tags: 'Etiquetas', source: 'Origem', any: 'Todos', clear: 'Limpar filtros', nothingFound: 'Nada encontrado',
    },
    sort: {
      label: 'Ordenar por', name_asc: 'Nome (A–Z)', name_desc: 'Nome (Z–A)', city_asc: 'Cidade (A–Z)', city_desc: 'Cidade (Z–A)',
      status_asc: 'Status (lead → perdida)', status_desc: 'Status (perdida → lead)', updated_desc: 'Alteradas recentemente', updated_asc: 'Alteradas há mais tempo',
    },
    views: {
      button: 'Visões salvas', empty: 'Nenhuma visão salva ainda.', nameLabel: 'Nome da nova visão', namePlaceholder: 'Ex.: Clientes-chave em SP',
      save: 'Salvar visão atual', apply: 'Aplicar visão {{name}}', remove: 'Excluir visão {{name}}', applied: 'Visão “{{name}}” aplicada.',
      saved: 'Visão “{{name}}” salva.',
    },
    select: {
      all: 'Selecionar todas as contas filtradas', row: 'Selecionar {{name}}', count_one: '{{count}} conta selecionada',
      count_other: '{{count}} contas selecionadas', clear: 'Limpar seleção',
    },
    bulk: {
      label: 'Ações em lote', addTag: 'Adicionar etiqueta', tagLabel: 'Etiqueta a adicionar', changeOwner: 'Alterar responsável',
      ownerLabel: 'Novo responsável', apply: 'Aplicar', exportCsv: 'Exportar CSV', exportXlsx: 'Exportar XLSX',
      working: 'Aplicando… {{done}} de {{total}}', tagged_one: 'Etiqueta “{{tag}}” adicionada a {{count}} conta.',
      tagged_other: 'Etiqueta “{{tag}}” adicionada a {{count}} contas.', ownerChanged_one: 'Responsável alterado em {{count}} conta.',
      ownerChanged_other: 'Responsável alterado em {{count}} contas.', exported: 'Arquivo {{file}} salvo.', exportCancelled: 'Exportação cancelada.',
      failed: 'Não foi possível concluir: {{message}}',
    },
    export: {
      fileBase: 'contas',
      columns: {
        name: 'Razão social', tradeName: 'Nome fantasia', taxId: 'Documento', status: 'Status', segment: 'Segmento', industry: 'Setor',
        city: 'Cidade', state: 'UF', owner: 'Responsável', tags: 'Etiquetas', source: 'Origem', phone: 'Telefone', email: 'E-mail',
        riskScore: 'Risco', updatedAt: 'Atualizada em',
      },
    },
    a360: {
      logActivity: 'Registrar atividade', legalName: 'Razão social', taxId: 'Documento', city: 'Cidade', segment: 'Segmento',
      conditions: 'Condições comerciais', priceList: 'Tabela de preços', discount: 'Desconto', paymentTerms: 'Prazo de pagamento',
      bonuses: 'Bonificações', loyalty: 'Fidelidade',
      loyaltyTier: { none: 'Nenhuma', bronze: 'Bronze', silver: 'Prata', gold: 'Ouro', platinum: 'Platina' },
      contacts: 'Contatos', noContacts: 'Nenhum contato.', decisionMaker: 'Decisor',
      timeline: 'Linha do tempo', noActivities: 'Nenhuma atividade registrada.', loadMore: 'Mostrar mais atividades',
      outcome: { positive: 'Positivo', neutral: 'Neutro', negative: 'Negativo', no_answer: 'Sem resposta', follow_up: 'Retornar' },
      taskState: { open: 'Tarefa aberta', done: 'Tarefa concluída' },
      due: 'prazo {{date}}',
      deals: 'Negócios em aberto', noDeals: 'Nenhum negócio em aberto.',
      dealStage: { lead: 'Lead', qualified: 'Qualificado', proposal: 'Proposta', negotiation: 'Negociação', won: 'Ganho', lost: 'Perdido' },
      closes: 'fecha em {{date}}',
      orders: 'Pedidos', noOrders: 'Nenhum pedido.',
      orderStatus: { draft: 'Rascunho', confirmed: 'Confirmado', partially_delivered: 'Entrega parcial', delivered: 'Entregue', cancelled: 'Cancelado' },
      delivery: { complete: 'Completo', incomplete: 'Incompleto', onTime: 'No prazo', late: 'Atrasado', pending: 'A entregar' },
      contracts: 'Contratos', noContracts: 'Nenhum contrato.',
      contractStatus: { draft: 'Rascunho', negotiation: 'Em negociação', signed: 'Assinado', active: 'Vigente', expired: 'Vencido', terminated: 'Rescindido' },
      until: 'até {{date}}',
      cases: 'Ocorrências', noCases: 'Nenhuma ocorrência.',
      caseStatus: { open: 'Aberta', in_progress: 'Em andamento', waiting_client: 'Aguardando cliente', resolved: 'Resolvida', closed: 'Encerrada' },
      severity: { low: 'Baixa', medium: 'Média', high: 'Alta', critical: 'Crítica' },
      referrals: 'Indicações', referralsGiven: 'Contas que esta conta indicou', referralsReceived: 'Indicada por',
      noReferralsGiven: 'Nenhuma indicação feita.', noReferralReceived: 'Não veio de indicação.',
    },
    risk: {
      title: 'Confiabilidade', score: 'Risco {{score}}/100',
      level: { none: 'Sem sinais de alerta', low: 'Risco baixo', medium: 'Risco médio', high: 'Risco alto' },
      kind: 'Sinal de alerta',
      kinds: {
        late_payments: 'Atrasos de pagamento', legal_disputes: 'Disputas judiciais', unclear_ownership: 'Sociedade pouco clara',
        bad_references: 'Referências ruins', frequent_management_changes: 'Trocas frequentes de gestão', negative_press: 'Notícias negativas',
        credit_restrictions: 'Restrições de crédito', other: 'Outro',
      },
      note: 'Observação', seenAt: 'Visto em', add: 'Registrar sinal', remove: 'Remover sinal {{kind}} de {{date}}',
      empty: 'Nenhum sinal de alerta registrado.', recordedBy: 'por {{who}}',
      explain: 'Cada sinal pesa conforme o tipo e perde metade do peso a cada 6 meses.',
    },
  },
};
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
const ptPT: DeepStrings<typeof ptBR> = {
  workspace: {
    filters: {
      label: 'Filtros da lista', status: 'Estado', segment: 'Segmento', industry: 'Setor', owner: 'Responsável', state: 'Distrito / UF',
      city: 'Cidade', tags: 'Etiquetas', source: 'Origem', any: 'Todos', clear: 'Limpar filtros', nothingFound: 'Nada encontrado',
    },
    sort: {
      label: 'Ordenar por', name_asc: 'Nome (A–Z)', name_desc: 'Nome (Z–A)', city_asc: 'Cidade (A–Z)', city_desc: 'Cidade (Z–A)',
      status_asc: 'Estado (lead → perdida)', status_desc: 'Estado (perdida → lead)', updated_desc: 'Alteradas recentemente', updated_asc: 'Alteradas há mais tempo',
    },
    views: {
      button: 'Vistas guardadas', empty: 'Ainda não há vistas guardadas.', nameLabel: 'Nome da nova vista', namePlaceholder: 'Ex.: Clientes-chave em Lisboa',
      save: 'Guardar vista atual', apply: 'Aplicar vista {{name}}', remove: 'Eliminar vista {{name}}', applied: 'Vista “{{name}}” aplicada.',
      saved: 'Vista “{{name}}” guardada.',
    },
    select: {
      all: 'Selecionar todas as contas filtradas', row: 'Selecionar {{name}}', count_one: '{{count}} conta selecionada',
      count_other: '{{count}} contas selecionadas', clear: 'Limpar seleção',
    },
    bulk: {
      label: 'Ações em lote', addTag: 'Adicionar etiqueta', tagLabel: 'Etiqueta a adicionar', changeOwner: 'Alterar responsável',
      ownerLabel: 'Novo responsável', apply: 'Aplicar', exportCsv: 'Exportar CSV', exportXlsx: 'Exportar XLSX',
      working: 'A aplicar… {{done}} de {{total}}', tagged_one: 'Etiqueta “{{tag}}” adicionada a {{count}} conta.',
      tagged_other: 'Etiqueta “{{tag}}” adicionada a {{count}} contas.', ownerChanged_one: 'Responsável alterado em {{count}} conta.',
      ownerChanged_other: 'Responsável alterado em {{count}} contas.', exported: 'Ficheiro {{file}} guardado.', exportCancelled: 'Exportação cancelada.',
      failed: 'Não foi possível concluir: {{message}}',
    },
    export: {
      fileBase: 'contas',
      columns: {
        name: 'Denominação social', tradeName: 'Nome comercial', taxId: 'Documento', status: 'Estado', segment: 'Segmento', industry: 'Setor',
        city: 'Cidade', state: 'Distrito', owner: 'Responsável', tags: 'Etiquetas', source: 'Origem', phone: 'Telefone', email: 'E-mail',
        riskScore: 'Risco', updatedAt: 'Atualizada em',
      },
    },
    a360: {
      logActivity: 'Registar atividade', legalName: 'Denominação social', taxId: 'Documento', city: 'Cidade', segment: 'Segmento',
      conditions: 'Condições comerciais', priceList: 'Tabela de preços', discount: 'Desconto', paymentTerms: 'Prazo de pagamento',
      bonuses: 'Bónus', loyalty: 'Fidelização',
      loyaltyTier: { none: 'Nenhuma', bronze: 'Bronze', silver: 'Prata', gold: 'Ouro', platinum: 'Platina' },
      contacts: 'Contactos', noContacts: 'Nenhum contacto.', decisionMaker: 'Decisor',
      timeline: 'Cronologia', noActivities: 'Nenhuma atividade registada.', loadMore: 'Mostrar mais atividades',
      outcome: { positive: 'Positivo', neutral: 'Neutro', negative: 'Negativo', no_answer: 'Sem resposta', follow_up: 'Voltar a contactar' },
      taskState: { open: 'Tarefa em aberto', done: 'Tarefa concluída' },
      due: 'prazo {{date}}',
      deals: 'Negócios em aberto', noDeals: 'Nenhum negócio em aberto.',
      dealStage: { lead: 'Lead', qualified: 'Qualificado', proposal: 'Proposta', negotiation: 'Negociação', won: 'Ganho', lost: 'Perdido' },
      closes: 'fecha a {{date}}',
      orders: 'Encomendas', noOrders: 'Nenhuma encomenda.',
      orderStatus: { draft: 'Rascunho', confirmed: 'Confirmada', partially_delivered: 'Entrega parcial', delivered: 'Entregue', cancelled: 'Cancelada' },
      delivery: { complete: 'Completa', incomplete: 'Incompleta', onTime: 'No prazo', late: 'Atrasada', pending: 'Por entregar' },
      contracts: 'Contratos', noContracts: 'Nenhum contrato.',
      contractStatus: { draft: 'Rascunho', negotiation: 'Em negociação', signed: 'Assinado', active: 'Em vigor', expired: 'Expirado', terminated: 'Rescindido' },
      until: 'até {{date}}',
      cases: 'Ocorrências', noCases: 'Nenhuma ocorrência.',
      caseStatus: { open: 'Aberta', in_progress: 'Em curso', waiting_client: 'A aguardar cliente', resolved: 'Resolvida', closed: 'Fechada' },
      severity: { low: 'Baixa', medium: 'Média', high: 'Alta', critical: 'Crítica' },
      referrals: 'Referências', referralsGiven: 'Contas que esta conta referenciou', referralsReceived: 'Referenciada por',
      noReferralsGiven: 'Nenhuma referência feita.', noReferralReceived: 'Não veio de referência.',
    },
    risk: {
      title: 'Fiabilidade', score: 'Risco {{score}}/100',
      level: { none: 'Sem sinais de alerta', low: 'Risco baixo', medium: 'Risco médio', high: 'Risco alto' },
      kind: 'Sinal de alerta',
      kinds: {
        late_payments: 'Atrasos de pagamento', legal_disputes: 'Litígios judiciais', unclear_ownership: 'Estrutura societária pouco clara',
        bad_references: 'Más referências', frequent_management_changes: 'Mudanças frequentes de gestão', negative_press: 'Notícias negativas',
        credit_restrictions: 'Restrições de crédito', other: 'Outro',
      },
      note: 'Observação', seenAt: 'Visto em', add: 'Registar sinal', remove: 'Remover sinal {{kind}} de {{date}}',
      empty: 'Nenhum sinal de alerta registado.', recordedBy: 'por {{who}}',
      explain: 'Cada sinal pesa conforme o tipo e perde metade do peso a cada 6 meses.',
    },
  },
};
const en: DeepStrings<typeof ptBR> = {
  workspace: {
    filters: {
      label: 'List filters', status: 'Status', segment: 'Segment', industry: 'Industry', owner: 'Owner', state: 'State / District',
      city: 'City', tags: 'Tags', source: 'Source', any: 'All', clear: 'Clear filters', nothingFound: 'Nothing found',
    },
    sort: {
      label: 'Sort by', name_asc: 'Name (A–Z)', name_desc: 'Name (Z–A)', city_asc: 'City (A–Z)', city_desc: 'City (Z–A)',
      status_asc: 'Status (lead → lost)', status_desc: 'Status (lost → lead)', updated_desc: 'Recently updated', updated_asc: 'Least recently updated',
    },
    views: {
      button: 'Saved views', empty: 'No saved views yet.', nameLabel: 'Name of the new view', namePlaceholder: 'E.g. Key accounts in SP',
      save: 'Save current view', apply: 'Apply view {{name}}', remove: 'Delete view {{name}}', applied: 'View “{{name}}” applied.',
      saved: 'View “{{name}}” saved.',
    },
    select: {
      all: 'Select all filtered accounts', row: 'Select {{name}}', count_one: '{{count}} account selected',
      count_other: '{{count}} accounts selected', clear: 'Clear selection',
    },
    bulk: {
      label: 'Bulk actions', addTag: 'Add tag', tagLabel: 'Tag to add', changeOwner: 'Change owner',
      ownerLabel: 'New owner', apply: 'Apply', exportCsv: 'Export CSV', exportXlsx: 'Export XLSX',
      working: 'Applying… {{done}} of {{total}}', tagged_one: 'Tag “{{tag}}” added to {{count}} account.',
      tagged_other: 'Tag “{{tag}}” added to {{count}} accounts.', ownerChanged_one: 'Owner changed on {{count}} account.',
      ownerChanged_other: 'Owner changed on {{count}} accounts.', exported: 'File {{file}} saved.', exportCancelled: 'Export cancelled.',
      failed: 'Could not finish: {{message}}',
    },
    export: {
      fileBase: 'accounts',
      columns: {
        name: 'Legal name', tradeName: 'Trade name', taxId: 'Tax id', status: 'Status', segment: 'Segment', industry: 'Industry',
        city: 'City', state: 'State', owner: 'Owner', tags: 'Tags', source: 'Source', phone: 'Phone', email: 'E-mail',
        riskScore: 'Risk', updatedAt: 'Updated at',
      },
    },
    a360: {
      logActivity: 'Log activity', legalName: 'Legal name', taxId: 'Tax id', city: 'City', segment: 'Segment',
      conditions: 'Commercial conditions', priceList: 'Price list', discount: 'Discount', paymentTerms: 'Payment terms',
      bonuses: 'Bonuses', loyalty: 'Loyalty',
      loyaltyTier: { none: 'None', bronze: 'Bronze', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' },
      contacts: 'Contacts', noContacts: 'No contacts.', decisionMaker: 'Decision maker',
      timeline: 'Timeline', noActivities: 'No activity logged.', loadMore: 'Show more activities',
      outcome: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative', no_answer: 'No answer', follow_up: 'Follow up' },
      taskState: { open: 'Open task', done: 'Task done' },
      due: 'due {{date}}',
      deals: 'Open deals', noDeals: 'No open deals.',
      dealStage: { lead: 'Lead', qualified: 'Qualified', proposal: 'Proposal', negotiation: 'Negotiation', won: 'Won', lost: 'Lost' },
      closes: 'closes {{date}}',
      orders: 'Orders', noOrders: 'No orders.',
      orderStatus: { draft: 'Draft', confirmed: 'Confirmed', partially_delivered: 'Partially delivered', delivered: 'Delivered', cancelled: 'Cancelled' },
      delivery: { complete: 'Complete', incomplete: 'Incomplete', onTime: 'On time', late: 'Late', pending: 'To deliver' },
      contracts: 'Contracts', noContracts: 'No contracts.',
      contractStatus: { draft: 'Draft', negotiation: 'In negotiation', signed: 'Signed', active: 'Active', expired: 'Expired', terminated: 'Terminated' },
      until: 'until {{date}}',
      cases: 'Cases', noCases: 'No cases.',
      caseStatus: { open: 'Open', in_progress: 'In progress', waiting_client: 'Waiting for client', resolved: 'Resolved', closed: 'Closed' },
      severity: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
      referrals: 'Referrals', referralsGiven: 'Accounts this account referred', referralsReceived: 'Referred by',
      noReferralsGiven: 'No referrals given.', noReferralReceived: 'Not a referral.',
    },
    risk: {
      title: 'Reliability', score: 'Risk {{score}}/100',
      level: { none: 'No warning signs', low: 'Low risk', medium: 'Medium risk', high: 'High risk' },
      kind: 'Warning sign',
      kinds: {
        late_payments: 'Late payments', legal_disputes: 'Legal disputes', unclear_ownership: 'Unclear ownership',
        bad_references: 'Bad references', frequent_management_changes: 'Frequent management changes', negative_press: 'Negative press',
        credit_restrictions: 'Credit restrictions', other: 'Other',
      },
      note: 'Note', seenAt: 'Seen on', add: 'Record sign', remove: 'Remove sign {{kind}} of {{date}}',
      empty: 'No warning signs recorded.', recordedBy: 'by {{who}}',
      explain: 'Each sign weighs by its kind and loses half its weight every 6 months.',
    },
  },
};
export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
