/** The contacts feature's public entry: what other features may use (the linter enforces it). */
export { EmailLinks, PhoneLinks } from './ContactLinks';
export { AccountPicker } from './AccountPicker';
