import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ProposalParty } from '@shared/domain/sales/proposal-document';

interface CompanyState {
  company: Required<Pick<ProposalParty, 'name'>> & { taxId: string; address: string; phone: string; email: string; website: string };
  setCompany(company: CompanyState['company']): void;
}

/**
 * The header of this manager's proposals (the company they sell for), asked once and kept on this
 * computer. Until the team publishes it with its commercial policy, each manager types it.
 */
export const useCompanyStore = create<CompanyState>()(
  persist(
    (set) => ({
      company: { name: '', taxId: '', address: '', phone: '', email: '', website: '' },
      setCompany: (company) => set({ company }),
    }),
    { name: 'carteira:proposal-company', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);
