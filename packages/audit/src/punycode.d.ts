// Types for punycode.js's ES module entry (imported by path so Node does not pick its deprecated built-in).
declare module "punycode/punycode.es6.js" {
  const punycode: { toUnicode(input: string): string; toASCII(input: string): string };
  export default punycode;
}
