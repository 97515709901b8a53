// WMI import: JSON exports of the license server and session hosts → inventory (format v1).
export { decodeText } from './decode';
export type { DecodedText, TextEncodingName } from './decode';
export { readWmiJson, toIsoDate } from './wmi-json';
export type { ImportMessage, WmiCollection, WmiKeyPack, WmiLicenseServer, WmiSessionHost } from './wmi-json';
export { buildInventory, notACalPackReason } from './build-inventory';
export type { ImportOptions, ImportResult, TodoNote } from './build-inventory';
export { renderInventory } from './render';
