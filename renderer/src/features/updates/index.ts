export { UpdatePrompt } from './UpdatePrompt';
export { UpdateSettings } from './UpdateSettings';
