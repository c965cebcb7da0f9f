/** sql.js's build without Node-specific code (see sql-js.ts); the same API as its main entry. */
declare module 'sql.js/dist/sql-wasm-browser.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
