// mammoth's standalone browser build has no typings of its own; it has the API of the Node build.
declare module 'mammoth/mammoth.browser.js' {
  import mammoth from 'mammoth';
  export default mammoth;
}
