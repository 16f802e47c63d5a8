export { LiveRows, type LiveRowsOptions, type LiveRowsSnapshot, type RowLookup } from './live-rows';
export { LiveWindow, type LiveWindowOptions, type LiveWindowSnapshot } from './live-window';
export { keysetPage, type ChangeStream, type KeysetSource, type SeekableSource, type SeekResult } from './source';
