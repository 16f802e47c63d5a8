import { useTranslation } from 'react-i18next';
import type { PhoneCountry } from '@shared/domain/validators';

/** The country local numbers are read as by default: Portugal for pt-PT users, else Brazil. */
export function usePhoneCountry(): PhoneCountry {
  const { i18n } = useTranslation();
  return i18n.language === 'pt-PT' ? 'PT' : 'BR';
}

/** A document's country as a phone country ('BR' for anything but Portugal). */
export const phoneCountryOf = (country: string | undefined, fallback: PhoneCountry): PhoneCountry =>
  country === 'PT' ? 'PT' : country === 'BR' ? 'BR' : fallback;
