export { slugify, foldToAscii } from './slugify.js';
