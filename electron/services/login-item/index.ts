export { followStartAtLogin, startAtLoginSupported, type SetLoginItemSettings, type LoginItemOptions } from './login-item';
