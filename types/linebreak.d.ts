/** linebreak 1.1.0 (UAX #14) ships no types; this is the part of its API the PDF's layout uses. */
declare module "linebreak" {
  /** A break opportunity before UTF-16 index `position`; `required` after a line feed or paragraph separator. */
  export interface Break {
    position: number;
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity, or null after the last (the end of the text is always one). */
    nextBreak(): Break | null;
  }
}
