// linebreak (pdfkit's own line breaker, UAX #14) ships no types; this is the part the PDF layout uses.
declare module "linebreak" {
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity: the text before `position` may end a line; `required` after a newline. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
