/** The competitors feature's public entry (its screens are reached through routes.tsx). */
export { competitorsRoutes } from './routes';
