declare module 'shell-quote/quote' {
  const quote: (args: readonly string[]) => string;
  export default quote;
}
