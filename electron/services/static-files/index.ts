export { contentTypeFor, readStaticFile, resolveStaticPath, type StaticFile } from './static-files';
