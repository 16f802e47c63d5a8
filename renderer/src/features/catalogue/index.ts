/** The catalogue feature's public entry: what other areas use of it. */
export { useCategories, type CategoryCount } from './useCategories';
